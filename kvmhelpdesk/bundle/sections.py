"""A supportconfig text file cut into its blocks, streaming, with every line's number.

Each file is a run of blocks, each opened by a header line `#==[ Kind ]=====#`; the next line
is `# ` plus the block's name (the command as run, a file's path, a label), then the content,
then a blank line. Real files break this: a block cut short (the next header comes without the
blank line), a header at the very end, a last block without its blank line, prose before the
first header. The splitter never fails: it reports what it saw (`Block.cut_short`).

Lines arrive from `iter_lines` (bytes -> text: UTF-8 with replacement, carriage returns
dropped, other line-break characters made spaces so a line number means the same thing in every
editor, over-long lines cut at MAX_LINE_CHARS). A caller chooses per block what to keep with a
`keep(kind, name)` function returning a Keeper (or None: keep nothing), so a 500-line log of
which only the newest start-up matters costs two lines of memory.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

MAX_LINE_CHARS = 1 << 20  # a qemu-kvm command line is a few KiB; a "line" of 1 MiB is junk
MAX_BLOCK_CHARS = 8 << 20  # above the XML analyzer's own 4 MiB cap

HEADER = re.compile(r"#==\[\s*([^\]]{1,60}?)\s*\]=*#?\s*")
_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_BREAK_TABLE = str.maketrans({"\r": None, "\x0b": " ", "\x0c": " ", "\x1c": " ", "\x1d": " ",
                              "\x1e": " ", "\x85": " ", "\u2028": " ", "\u2029": " "})
_NOT_FOUND = " - File not found"
_TAIL = re.compile(r"^(.*?) - Last (\d{1,9}) Lines$")

COMMAND, CONFIG, LOG = "Command", "Configuration File", "Log File"
SYSTEM, VERIFICATION, NOTE = "System", "Verification", "Note"


@dataclass
class LineStats:
    """What `iter_lines` had to repair: lines cut at the cap, undecodable bytes replaced."""

    lines: int = 0
    cut: int = 0
    replaced: bool = False


def iter_lines(chunks: Iterable[bytes], stats: LineStats | None = None) -> Iterator[str]:
    """The text lines of a byte stream (split on LF only; no line ends in the result)."""
    stats = stats if stats is not None else LineStats()
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    pending = ""
    skipping = False  # discarding the rest of an over-long line

    def clean(text: str) -> str:
        if "\ufffd" in text:
            stats.replaced = True
        return text.translate(_BREAK_TABLE) if _BREAKS.search(text) else text

    def pieces() -> Iterator[str]:
        for chunk in chunks:
            text = decoder.decode(chunk)
            if text:
                yield clean(text)
        tail = decoder.decode(b"", True)
        if tail:
            yield clean(tail)

    for text in pieces():
        parts = text.split("\n")
        last = parts.pop()
        for part in parts:
            if skipping:
                skipping, pending = False, ""
                continue
            line = pending + part if pending else part
            pending = ""
            if len(line) > MAX_LINE_CHARS:
                line = line[:MAX_LINE_CHARS]
                stats.cut += 1
            stats.lines += 1
            yield line
        if skipping:
            continue
        pending += last
        if len(pending) > MAX_LINE_CHARS:
            stats.cut += 1
            stats.lines += 1
            yield pending[:MAX_LINE_CHARS]
            pending, skipping = "", True
    if pending and not skipping:
        stats.lines += 1
        yield pending


class Keeper:
    """Keeps a block's body lines (all of them, up to MAX_BLOCK_CHARS); subclass to filter."""

    def __init__(self) -> None:
        self.body: list[tuple[int, str]] = []
        self.chars = 0
        self.overflow = False

    def feed(self, number: int, line: str) -> None:
        self.add(number, line)

    def add(self, number: int, line: str) -> None:
        if self.overflow:
            return
        self.chars += len(line) + 1
        if self.chars > MAX_BLOCK_CHARS:
            self.overflow = True
            return
        self.body.append((number, line))

    def finish(self) -> list[tuple[int, str]]:
        while self.body and not self.body[-1][1].strip():
            self.body.pop()
        return self.body


class KeepMatching(Keeper):
    """Keeps only the lines a predicate accepts."""

    def __init__(self, accept: Callable[[str], object]) -> None:
        super().__init__()
        self.accept = accept

    def feed(self, number: int, line: str) -> None:
        if self.accept(line):
            self.add(number, line)


KeepFn = Callable[[str, str], Keeper | None]


def keep_everything(kind: str, name: str) -> Keeper:
    return Keeper()


@dataclass
class Block:
    """One block of a supportconfig file.

    `name` is the line after the header without its `# ` (the command as run, a file's path
    without ` - Last 500 Lines`, a label); `line` is the header's 1-based line number and
    `body` the kept content lines with theirs. `status` is `not found` for a missing file;
    `tail` the line count of a log excerpt. `seen` counts all content lines, kept or not.
    """

    file: str
    kind: str
    line: int
    name: str = ""
    body: list[tuple[int, str]] = field(default_factory=list)
    status: str = ""
    tail: int | None = None
    seen: int = 0
    cut_short: bool = False
    overflow: bool = False

    @property
    def text(self) -> str:
        return "\n".join(line for _, line in self.body)

    @property
    def command(self) -> str:
        """A Command block's command with the program's folder dropped (`virsh list --all`)."""
        return command_of(self.name)

    @property
    def failed(self) -> bool:
        """The command was missing, or the file was not found."""
        if self.status:
            return True
        return bool(self.body) and self.body[0][1].startswith(
            "ERROR: Command not found or not execut")


def command_of(name: str) -> str:
    """`/usr/bin/virsh  list --all` -> `virsh list --all` (folder dropped, spaces single)."""
    first, _, rest = name.strip().partition(" ")
    return " ".join([first.rsplit("/", 1)[-1], *rest.split()])


def _name(block: Block, line: str) -> None:
    name = line[1:].strip()
    if block.kind in (CONFIG, LOG) and name.endswith(_NOT_FOUND):
        name, block.status = name[: -len(_NOT_FOUND)].rstrip(), "not found"
    elif block.kind == LOG:
        tail = _TAIL.match(name)
        if tail:
            name, block.tail = tail.group(1), int(tail.group(2))
    block.name = name


def split_blocks(lines: Iterable[str], file: str, keep: KeepFn = keep_everything,
                 complete: Callable[[], bool] | bool = True) -> Iterator[Block]:
    """The blocks of one file, as they end.

    `complete` (or a function asked at the end, for a stream) False marks the last block cut
    short: the file itself was cut (a truncated archive).
    """
    block: Block | None = None
    keeper: Keeper | None = None
    expect_name = False
    last_blank = True

    def finish(current: Block, cut: bool) -> Block:
        current.cut_short = cut
        if keeper is not None:
            current.body = keeper.finish()
            current.overflow = keeper.overflow
        return current

    for number, line in enumerate(lines, 1):
        if line.startswith("#==[") and HEADER.fullmatch(line):
            if block is not None:
                yield finish(block, expect_name or not last_blank)
            kind = HEADER.fullmatch(line).group(1)  # type: ignore[union-attr]
            block, keeper = Block(file, kind, number), None
            expect_name, last_blank = True, False
            continue
        if block is None:
            continue
        last_blank = not line.strip()
        if expect_name:
            expect_name = False
            if line.startswith("#"):
                _name(block, line)
                keeper = keep(block.kind, block.name)
                continue
            keeper = keep(block.kind, "")
        block.seen += 1
        if keeper is not None:
            keeper.feed(number, line)
    if block is not None:
        whole = complete() if callable(complete) else complete
        yield finish(block, expect_name or not whole)


class Blocks:
    """The kept blocks of a bundle, by file, in file order."""

    def __init__(self) -> None:
        self.by_file: dict[str, list[Block]] = {}

    def add(self, block: Block) -> None:
        self.by_file.setdefault(block.file, []).append(block)

    def of(self, file: str, kind: str | None = None) -> list[Block]:
        return [b for b in self.by_file.get(file, ()) if kind is None or b.kind == kind]

    def find(self, file: str, kind: str, accept: Callable[[Block], bool]) -> Block | None:
        """The first block of `file` and `kind` that `accept` takes, else None."""
        return next((b for b in self.of(file, kind) if accept(b)), None)

    def command(self, file: str, command: str) -> Block | None:
        """The first Command block running `command` (program folder ignored, spaces too)."""
        wanted = command_of(command)
        return self.find(file, COMMAND, lambda b: b.command == wanted)

    def config(self, file: str, path: str) -> Block | None:
        return self.find(file, CONFIG, lambda b: b.name == path)
