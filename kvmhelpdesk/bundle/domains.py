"""Every libvirt domain of a supportconfig, with the pieces that describe it and their lines.

Sources, all in kvm.txt unless named: `virsh list --all` (name, state), `virsh dumpxml NAME`
(running domains: the live definition), the Configuration File blocks of
/etc/libvirt/qemu/NAME.xml (every defined domain, running or not; networks/ holds networks,
autostart/ links to domains that start at boot), the Log File blocks of
/var/log/libvirt/qemu/NAME.log (the newest start-up line is the exact qemu-kvm command line),
and the `ps` listing of basic-health-check.txt (qemu processes running now, including guests
started by hand). This module only finds and cuts the pieces; analyze/ judges them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kvmhelpdesk.bundle.evidence import Evidence
from kvmhelpdesk.bundle.sections import CONFIG, LOG, Block, Blocks, Keeper, KeepMatching

KVM, HEALTH = "kvm.txt", "basic-health-check.txt"
QEMU_CONF = "/etc/libvirt/qemu/"
QEMU_LOGS = "/var/log/libvirt/qemu/"
RUNNING_STATES = ("running", "idle", "paused", "blocked", "in shutdown", "pmsuspended")

_QEMU_COMMAND = re.compile(r"(?:^|[\s/])(?:qemu-kvm|qemu-system-[A-Za-z0-9_]+|qemu|kvm)"
                           r"(?:\.exe)?\s+-")
STARTING_UP = re.compile(r"^(\d{4}-\d\d-\d\d[ T][\d:.]+)(?:[+-]\d{4})?: starting up\b")
_SHUTDOWN_WORDS = (": shutting down", "qemu: terminating on signal")
_LIST_ROW = re.compile(r"^\s*(\d+|-)\s+(\S+)\s+(\S.*?)\s*$")
_NAME_ELEMENT = re.compile(r"<name>\s*([^<]{1,200}?)\s*</name>")
_NAME_OPTION = re.compile(r"\s-name\s+(?:guest=)?([^\s,]+)")
_PS_ROW = re.compile(r"^\s*(\S+)\s+(\d+)\s+\d+\s+(?:\S+\s+){6}(.*)$")


_PROGRAMS = ("qemu-kvm", "qemu", "kvm")


def _shutdown(line: str) -> bool:
    return _SHUTDOWN_WORDS[0] in line or line.startswith(_SHUTDOWN_WORDS[1])


def is_qemu_command(line: str) -> bool:
    """A qemu-kvm command line (bare, after libvirt's environment words, or in `ps`)."""
    if ("qemu" not in line and "kvm" not in line) or "-" not in line:
        return False  # both tests below need an option's dash: most log lines end here
    head, dash, _ = line.partition(" -")  # the program is usually the word before the first option
    words = head.split()
    if dash and words:
        program = words[-1].rsplit("/", 1)[-1].removesuffix(".exe")
        if program in _PROGRAMS or program.startswith("qemu-system-"):
            return True
    return _QEMU_COMMAND.search(line) is not None


class KeepNewestStart(Keeper):
    """Keeps, of a qemu log, its newest command line, the start-up line before it and a
    shutdown line after it: three lines, however long the log."""

    def __init__(self) -> None:
        super().__init__()
        self.start: tuple[int, str] | None = None
        self.command: tuple[int, str] | None = None
        self.command_start: tuple[int, str] | None = None
        self.shutdown: tuple[int, str] | None = None

    def feed(self, number: int, line: str) -> None:
        if STARTING_UP.match(line):
            self.start = (number, line)
        elif is_qemu_command(line):
            self.command, self.command_start, self.shutdown = (number, line), self.start, None
        elif self.command is not None and _shutdown(line):
            self.shutdown = (number, line)

    def finish(self) -> list[tuple[int, str]]:
        return [item for item in (self.command_start, self.command, self.shutdown) if item]


def keep_qemu_processes() -> Keeper:
    """For the `ps` listing: the qemu lines only."""
    return KeepMatching(is_qemu_command)


@dataclass
class XmlPiece:
    """A domain XML as found: its text and, for each of its lines, the line in the bundle."""

    block: Block
    where: str  # "/etc/libvirt/qemu/web01.xml" or "virsh dumpxml web01"
    text: str
    numbers: list[int]

    @classmethod
    def of(cls, block: Block, where: str) -> XmlPiece:
        return cls(block, where, block.text, [n for n, _ in block.body])

    def evidence(self, xml_line: int, origin: str = "") -> Evidence:
        """Evidence for 1-based line `xml_line` of the XML text."""
        index = min(max(xml_line, 1), len(self.numbers)) - 1
        return Evidence.at(self.block, self.numbers[index], self.block.body[index][1], origin)


@dataclass
class CommandLine:
    """A qemu-kvm command line: a log's newest start, or a running process from `ps`."""

    block: Block
    number: int
    line: str
    where: str  # "/var/log/libvirt/qemu/web01.log" or "ps"
    started: str = ""  # the start-up timestamp, when the log has one
    stopped: str = ""  # a shutdown line after it (the guest is not running that command now)
    user: str = ""  # the process owner (ps only)
    pid: str = ""

    def evidence(self, focus: int = 0, origin: str = "") -> Evidence:
        return Evidence.at(self.block, self.number, self.line, origin, focus)


@dataclass
class Domain:
    """One libvirt domain (or a qemu process outside libvirt) and what the bundle has of it."""

    name: str
    state: str | None = None  # virsh list's word: running, shut off, paused...; None unknown
    listed: Evidence | None = None
    definition: XmlPiece | None = None  # /etc/libvirt/qemu/NAME.xml: what starts next time
    live: XmlPiece | None = None  # virsh dumpxml: what runs now (running domains only)
    logged: CommandLine | None = None  # the log's newest start
    process: CommandLine | None = None  # the ps line: runs now
    autostart: bool = False
    libvirt: bool = True  # False: a qemu process started by hand (ps only)
    notes: list[str] = field(default_factory=list)

    @property
    def running(self) -> bool | None:
        """True/False when the bundle says; None when it cannot tell."""
        if self.process is not None:
            return True
        if self.state is not None:
            return self.state in RUNNING_STATES
        return None

    @property
    def now(self) -> CommandLine | None:
        """The command line the guest runs now, when the bundle shows one."""
        if self.process is not None:
            return self.process
        if self.logged is not None and self.running is not False and not self.logged.stopped:
            return self.logged
        return None


GetDomain = Callable[[str], Domain]


def read_domains(blocks: Blocks) -> tuple[list[Domain], list[str]]:
    """The domains in a stable order (virsh list, then definitions, logs, processes) and notes."""
    found: dict[str, Domain] = {}
    notes: list[str] = []

    def get(name: str) -> Domain:
        if name not in found:
            found[name] = Domain(name)
        return found[name]

    listing = blocks.command(KVM, "virsh list --all")
    listed = listing is not None and not listing.failed and _read_list(listing, get)
    if listing is not None and listing.failed:
        notes.append("kvm.txt: `virsh list --all` failed (virsh missing or libvirtd stopped): "
                     "domain states are unknown")
    for block in blocks.of(KVM):
        if block.kind == "Command" and block.command.startswith("virsh dumpxml "):
            _read_dumpxml(block, get, notes)
        elif block.kind == CONFIG and block.name.startswith(QEMU_CONF):
            _read_definition(block, get, notes)
    for block in blocks.of(KVM, LOG):
        _read_log(block, found, get, listed, notes)
    ps = blocks.find(HEALTH, "Command", lambda b: b.command.startswith("ps ")
                     and "axww" in b.command)
    if ps is not None and not ps.failed:
        _read_processes(ps, found, get)
    return list(found.values()), notes


def _read_list(block: Block, get: GetDomain) -> bool:
    for number, line in block.body:
        row = _LIST_ROW.match(line)
        if row is None or row.group(2) == "Name":
            continue
        domain = get(row.group(2))
        domain.state = row.group(3).strip().lower()
        domain.listed = Evidence.at(block, number, line)
    return True


def _xml_name(text: str) -> str | None:
    match = _NAME_ELEMENT.search(text)
    return match.group(1) if match else None


def _read_dumpxml(block: Block, get: GetDomain, notes: list[str]) -> None:
    name = block.command.split(" ", 2)[2].strip()
    if block.failed or "<domain" not in block.text:
        notes.append(f"kvm.txt line {block.line}: `virsh dumpxml {name}` holds no domain XML")
        return
    domain = get(_xml_name(block.text) or name)
    domain.live = XmlPiece.of(block, f"virsh dumpxml {name}")
    if block.cut_short:
        domain.notes.append(f"`virsh dumpxml {name}` (kvm.txt line {block.line}) is cut short")


def _read_definition(block: Block, get: GetDomain, notes: list[str]) -> None:
    relative = block.name[len(QEMU_CONF):]
    if not relative.endswith(".xml") or relative.startswith("networks/"):
        return
    stem = relative.rsplit("/", 1)[-1][: -len(".xml")]
    if relative.startswith("autostart/"):
        get(stem).autostart = True
        return
    if "/" in relative:
        return
    if block.failed or "<domain" not in block.text:
        notes.append(f"kvm.txt line {block.line}: {block.name} holds no domain XML "
                     f"({'not found' if block.status else 'not a text file, or empty'})")
        return
    name = _xml_name(block.text) or stem
    domain = get(name)
    domain.definition = XmlPiece.of(block, block.name)
    if name != stem:
        domain.notes.append(f"{block.name} defines the domain '{name}' (the file name says "
                            f"'{stem}')")
    if block.cut_short or block.overflow:
        domain.notes.append(f"{block.name} (kvm.txt line {block.line}) is cut short")


def _read_log(block: Block, found: dict[str, Domain], get: GetDomain, listed: bool,
              notes: list[str]) -> None:
    if not block.name.startswith(QEMU_LOGS) or not block.name.endswith(".log") \
            or "/" in block.name[len(QEMU_LOGS):] or block.status:
        return
    name = block.name[len(QEMU_LOGS):-len(".log")]
    commands = [(n, line) for n, line in block.body if is_qemu_command(line)]
    if not commands:
        return
    command = commands[-1]
    if name not in found and listed:
        notes.append(f"{block.name}: a log of '{name}', which is no longer defined (not in "
                     "`virsh list --all`): not judged")
        return
    starts = [m.group(1) for n, line in block.body
              if n < command[0] and (m := STARTING_UP.match(line))]
    stopped = next((line for n, line in block.body
                    if n > command[0] and _shutdown(line)), "")
    get(name).logged = CommandLine(block, command[0], command[1], block.name,
                                   starts[-1] if starts else "", stopped)


def _read_processes(block: Block, found: dict[str, Domain], get: GetDomain) -> None:
    for number, line in block.body:
        row = _PS_ROW.match(line)
        if row is None or not is_qemu_command(row.group(3)):
            continue
        user, pid, command = row.groups()
        named = _NAME_OPTION.search(command)
        name = named.group(1) if named else f"qemu-kvm pid {pid}"
        known = name in found
        domain = get(name)
        domain.process = CommandLine(block, number, line, "ps", user=user, pid=pid)
        if not known:
            domain.libvirt = "/var/lib/libvirt/qemu/" in command
