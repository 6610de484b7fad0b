"""A pasted monitor transcript or command list -> monitor commands and their account.

Accepts `(qemu) savevm snap1` transcripts (only prompt lines are commands then; the rest is
output), plain lists (one command per line), `virsh qemu-monitor-command DOM --hmp '...'`
lines and QMP `{"execute": ...}` lines. Supported and refused commands come from the release's
monitor entries; the verdict itself comes from triage, which judges the guest's
`monitor_commands`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from kvmhelpdesk.analyze.model import Analysis, AnalyzeError
from kvmhelpdesk.analyze.tokenizer import split_words
from kvmhelpdesk.safetext import valid_text
from kvmhelpdesk.triage.case import MAX_ITEMS
from kvmhelpdesk.triage.findings import OptionFinding
from kvmhelpdesk.triage.lookup import Lookup
from kvmhelpdesk.triage.rules.monitor import command_word

MAX_MONITOR_CHARS = 1_000_000
# Human-monitor command words of qemu(-kvm) 0.12 (from its `help`), plus later ones customers'
# transcripts hold: a line of a plain list counts as a command only if it starts with one (or
# with a word of the release's monitor entries), so a README or random bytes is refused.
HMP_WORDS: frozenset[str] = frozenset({
    "help", "?", "commit", "info", "q", "quit", "eject", "change", "screendump", "logfile",
    "log", "savevm", "loadvm", "delvm", "singlestep", "stop", "c", "cont", "gdbserver", "x",
    "xp", "p", "print", "i", "o", "sendkey", "system_reset", "system_powerdown", "sum",
    "usb_add", "usb_del", "device_add", "device_del", "cpu", "mouse_move", "mouse_button",
    "mouse_set", "wavcapture", "stopcapture", "memsave", "pmemsave", "boot_set", "nmi",
    "migrate", "migrate_cancel", "migrate_set_speed", "migrate_set_downtime", "drive_add",
    "pci_add", "pci_del", "host_net_add", "host_net_remove", "hostfwd_add", "hostfwd_remove",
    "balloon", "set_link", "watchdog_action", "acl_show", "acl_policy", "acl_add", "acl_remove",
    "acl_reset", "mce", "getfd", "closefd", "close_fd", "block_passwd", "cpu_set",
    # later qemu releases
    "drive_del", "netdev_add", "netdev_del", "chardev_add", "chardev_remove", "object_add",
    "object_del", "snapshot_blkdev", "block_resize", "block_stream", "block_job_cancel",
    "system_wakeup", "dump-guest-memory", "migrate_set_capability", "migrate_set_parameter",
    "nbd_server_start", "nbd_server_stop", "qom-list", "qom-set", "client_migrate_info",
    "trace-event", "expire_password", "set_password", "inject-nmi", "announce_self",
})
_QMP_QUERY = re.compile(r"query-[a-z0-9-]+")
_PROMPT = re.compile(r"^\s*\(qemu\)\s?")
_COMMENT = ("#", "//", ";")


def _from_qmp(line: str) -> str | None:
    """A QMP line's command: human-monitor-command is unwrapped to its HMP text."""
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("execute"), str):
        return None
    arguments = data.get("arguments")
    if data["execute"] == "human-monitor-command" and isinstance(arguments, dict):
        hmp = arguments.get("command-line")
        if isinstance(hmp, str):
            return valid_text(hmp.strip())
    return valid_text(data["execute"])


def _from_virsh(line: str) -> str | None:
    """`virsh qemu-monitor-command vm1 --hmp 'savevm s1'` -> `savevm s1`."""
    if "qemu-monitor-command" not in line:
        return None
    words = [w.text for w in split_words(line)]
    if "--hmp" in words:
        rest = words[words.index("--hmp") + 1:]
        rest = [w for w in rest if not w.startswith("--")]
        if rest:
            return " ".join(rest).strip()
    for word in reversed(words):  # QMP JSON as the last word
        found = _from_qmp(word)
        if found:
            return found
    return None


def monitor_lines(text: str) -> list[tuple[str, bool]]:
    """(command as typed, certain) per command: certain after a `(qemu)` prompt, in a virsh
    qemu-monitor-command line or a QMP line; a plain line is only a candidate."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    prompted = any(_PROMPT.match(line) for line in lines)
    commands: list[tuple[str, bool]] = []
    for line in lines:
        if prompted:
            if not _PROMPT.match(line):
                continue
            line = _PROMPT.sub("", line, count=1)
        line = line.strip()
        if not line or line.startswith(_COMMENT):
            continue
        command = _from_virsh(line) or (_from_qmp(line) if line.startswith("{") else None)
        if command:
            commands.append((command, True))
        else:
            commands.append((line, prompted))
    return [(c, certain) for c, certain in commands if c]


def parse_monitor(text: str) -> list[str]:
    """The monitor commands of a transcript or list, in order, as typed."""
    return [command for command, _ in monitor_lines(text)]


def known_command(command: str, index: Lookup) -> bool:
    """A line that starts with a monitor command word (qemu's, or one the release names)."""
    word = command_word(command)
    return word in HMP_WORDS or index.monitor_command(word) is not None \
        or bool(_QMP_QUERY.fullmatch(word))


def classify_command(command: str, index: Lookup, scope: str) -> OptionFinding:
    """What Appendix A says about one monitor command."""
    word = command_word(command)
    args = command.strip()[len(word):].strip()
    entry = index.monitor_command(word)
    if entry is None:
        status = "unlisted"
        message = "not covered by the statement: Appendix A lists no monitor command " \
                  f"'{word}'; needs review"
        if "-" in word:  # HMP words use underscores, QMP names use dashes
            message += " (a QMP command name)"
    elif entry.status == "unsupported":
        status, message = "unsupported", "not supported: Appendix A lists it among the " \
                                         "monitor commands that are not supported"
    else:
        status = entry.status or "supported"
        message = f"{status.replace('-', ' ')}: Appendix A lists " \
                  f"{entry.source_text or entry.title}"
    return OptionFinding(option=word, value=args, status=status, message=message,
                         entry=entry.id if entry is not None else None, scope=scope)


def analyze_monitor_text(text: str, index: Lookup, guest_name: str = "guest1") -> Analysis:
    """One guest holding the commands, plus the command-by-command account."""
    if len(text) > MAX_MONITOR_CHARS:
        raise AnalyzeError(f"the monitor transcript is longer than {MAX_MONITOR_CHARS:,} "
                           "characters")
    lines = monitor_lines(text)
    commands = [c for c, certain in lines if certain or known_command(c, index)]
    if not commands:
        raise AnalyzeError("no monitor command found (expected lines such as "
                           "'(qemu) info status' or 'savevm snap1')")
    if not any(certain for _, certain in lines) and len(commands) * 2 < len(lines):
        # Prose with a line that happens to start with "print" or "info" is no transcript.
        raise AnalyzeError(f"no monitor command found: only {len(commands)} of {len(lines)} "
                           "lines start with a monitor command word and none has a (qemu) "
                           "prompt, so this is not read as a transcript")
    if len(commands) > MAX_ITEMS:
        raise AnalyzeError(f"the transcript holds {len(commands):,} monitor commands: at most "
                           f"{MAX_ITEMS:,} are analyzed for one guest")
    errors = []
    if len(commands) < len(lines):
        left = len(lines) - len(commands)
        errors.append(f"{left} line{'s' * (left != 1)} starting with no monitor command "
                      f"{'were' if left != 1 else 'was'} left out")
    scope = f"guest:{guest_name}"
    guest: dict[str, Any] = {"name": guest_name, "monitor_commands": commands}
    return Analysis(guests=[guest],
                    monitor=[classify_command(c, index, scope) for c in commands], errors=errors)
