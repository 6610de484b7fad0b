"""Turn what people paste into qemu argument lists.

A paste is a bare command, a `ps -ef`/`ps aux` line, a libvirt log line with an environment
prefix, or libvirt's own test output wrapped with backslash-newlines (sometimes inside a word).
Quoting is unreliable (old libvirt did not quote at all), so the split is shell-like but
tolerant: single-quoted JSON stays intact and an unbalanced quote is just a character. The
qemu binary is found by name, not by skipping `NAME=VALUE` words, because environment values
may contain spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kvmhelpdesk.analyze.optiontable import arity

MAX_CMDLINE_CHARS = 1_000_000  # far above any real command line; refuses runaway input

_BINARY = re.compile(
    r"(?:qemu-kvm|kvm|qemu|qemu-system-[A-Za-z0-9_]+|qemu-kvm-[0-9.]+)(?:\.sh|\.exe)?")
_ENV_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
_PID = re.compile(r"\d+")
_CONTINUATION = re.compile(r"\\[ \t]*\n")
# Characters with no meaning to the splitter; `\s` is exactly str.isspace() for str patterns.
_PLAIN_RUN = re.compile(r"[^\s'\"\\]+")
_QUOTING = re.compile(r"['\"\\]")


@dataclass(frozen=True)
class Word:
    """One shell word and the (continuation-joined) line it started on."""

    text: str
    line: int


@dataclass
class Command:
    """One qemu invocation found in a paste."""

    binary: str | None  # the program word as written, None when the paste had only options
    args: list[str] = field(default_factory=list)
    prefix: list[str] = field(default_factory=list)  # words before the binary on its line
    dropped: int = 0  # words after the command that were left out (log text)


def join_continuations(text: str) -> str:
    """Normalize newlines and remove backslash-newline without adding a space.

    libvirt wrapped long lines inside a word (`-net nic,\\` + `macaddr=...`), so the two halves
    must join directly; where the break was between words the space is already there. Blanks
    after the backslash (left by terminal copy and paste) do not stop the join.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTINUATION.sub("", text)


def split_words(text: str) -> list[Word]:
    """A tolerant shell-like split: quotes group, backslash escapes, nothing ever fails."""
    if _QUOTING.search(text) is None:  # most log lines: whitespace alone splits them
        return [Word(word, line) for line, part in enumerate(text.split("\n"))
                for word in part.split()]  # str.split(): the same spaces as str.isspace()
    return split_quoted(text)


def split_quoted(text: str) -> list[Word]:
    """split_words, a character run at a time (for text with quotes or backslashes)."""
    words: list[Word] = []
    buf: list[str] = []
    started = False
    line = start_line = 0
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():  # any Unicode space: pastes from mail and web carry U+00A0
            if started:
                words.append(Word("".join(buf), start_line))
                buf, started = [], False
            if c == "\n":
                line += 1
            i += 1
            continue
        if not started:
            started, start_line = True, line
        plain = _PLAIN_RUN.match(text, i)
        if plain is not None:  # a run of ordinary characters at once (a char at a time: slow)
            buf.append(plain.group())
            i = plain.end()
            continue
        if c == "'":
            end = text.find("'", i + 1)
            if end < 0:  # unbalanced: keep the quote as a character
                buf.append(c)
                i += 1
            else:
                buf.append(text[i + 1:end])
                line += text.count("\n", i, end)
                i = end + 1
            continue
        if c == '"':
            i, line = _double_quoted(text, i, line, buf)
            continue
        if c == "\\" and i + 1 < n and text[i + 1] != "\n":
            buf.append(text[i + 1])
            i += 2
            continue
        buf.append(c)
        i += 1
    if started:
        words.append(Word("".join(buf), start_line))
    return words


def _double_quoted(text: str, i: int, line: int, buf: list[str]) -> tuple[int, int]:
    """Read a double-quoted part starting at text[i]; an unbalanced quote stays literal."""
    j, n = i + 1, len(text)
    part: list[str] = []
    while j < n:
        c = text[j]
        if c == '"':
            buf.append("".join(part))
            return j + 1, line + text.count("\n", i, j)
        if c == "\\" and j + 1 < n and text[j + 1] in '"\\$`':
            part.append(text[j + 1])
            j += 2
            continue
        part.append(c)
        j += 1
    buf.append('"')
    return i + 1, line


def is_binary(word: str) -> bool:
    """True for a word naming a qemu program (`/usr/libexec/qemu-kvm`, `./qemu.sh`)."""
    if _ENV_WORD.match(word):
        return False
    return bool(_BINARY.fullmatch(word.rstrip("/").rsplit("/", 1)[-1]))


def looks_like_option(word: str) -> bool:
    """An option word: `-m`, `--drive`; not `-`, not a negative number."""
    return len(word) > 1 and word[0] == "-" and not word[1:2].isdigit()


def find_commands(text: str) -> list[Command]:
    """Every qemu invocation in the paste, each with the words that belong to it."""
    words = split_words(join_continuations(text))
    starts = [i for i, w in enumerate(words) if is_binary(w.text) and _opens_command(words, i)]
    if not starts:
        first = next((i for i, w in enumerate(words) if looks_like_option(w.text)), None)
        if first is None:
            return []
        command = Command(binary=None)
        _take_args(words, first, len(words), command)
        return [command]
    line_start: dict[int, int] = {}  # line -> index of its first word: no rescans per command
    for i, w in enumerate(words):
        line_start.setdefault(w.line, i)
    commands: list[Command] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(words)
        line = words[start].line
        if end < len(words) and words[end].line != line:
            # the next program's line (its ps columns, its environment) is not ours
            end = max(start + 1, line_start[words[end].line])
        command = Command(binary=words[start].text,
                          prefix=[w.text for w in words[line_start[line]:start]])
        _take_args(words, start + 1, end, command)
        commands.append(command)
    return commands


def _opens_command(words: list[Word], i: int) -> bool:
    """A program word starts a command when options follow it (not a `ps` user column) and
    it is not an option's value (`-accel kvm`, `-mem-path /dev/hugepages/qemu`)."""
    before = words[i - 1].text if i > 0 else ""
    if looks_like_option(before) and arity("-" + before.lstrip("-")) != "flag":
        return False
    return i + 1 == len(words) or looks_like_option(words[i + 1].text)


def _take_args(words: list[Word], start: int, end: int, command: Command) -> None:
    """Take the command's words: its own line, then each later line that starts an option.

    A later line that does not start with an option (log text after a libvirt command line)
    ends the command, unless the previous word was an option still waiting for its value.
    """
    if start >= end:
        return
    line = words[start].line
    args = command.args
    for i in range(start, end):
        word = words[i]
        if word.line != line:
            continuing = looks_like_option(word.text) or (args and _awaits_value(args))
            if not continuing:
                command.dropped = end - i
                return
            line = word.line
        args.append(word.text)


def _awaits_value(args: list[str]) -> bool:
    last = args[-1]
    return looks_like_option(last) and arity("-" + last.lstrip("-")) == "value"


def ps_user(prefix: list[str]) -> str | None:
    """The user column of a `ps -ef`/`ps aux` line (`root 1234 ...`), if the prefix is one."""
    if len(prefix) >= 2 and _PID.fullmatch(prefix[1]) and not _ENV_WORD.match(prefix[0]):
        return prefix[0]
    return None
