"""Read a supportconfig (archive or folder) into a Bundle: host facts, domains, notes.

Only the files triage needs are read (WANTED), and of those only the blocks that hold facts;
a file whose facts all sit in named blocks (ENOUGH) is left once they have been seen, and a
tarball as soon as every wanted file has been, so neither hardware.txt's hwinfo and lspci
output after /proc/cmdline nor a huge messages.txt after them is ever decompressed.
Nothing is judged here: see bundle.build for the case and the verdict.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kvmhelpdesk.bundle.archive import CancelFn, Entry, ProgressFn, Watch, opened
from kvmhelpdesk.bundle.domains import (
    HEALTH,
    QEMU_CONF,
    QEMU_LOGS,
    Domain,
    KeepNewestStart,
    keep_qemu_processes,
    read_domains,
)
from kvmhelpdesk.bundle.errors import BundleError
from kvmhelpdesk.bundle.host import BASIC_ENV, HARDWARE, KVM, MEMORY, HostFacts, read_host
from kvmhelpdesk.bundle.sections import (
    COMMAND,
    CONFIG,
    LOG,
    SYSTEM,
    VERIFICATION,
    Blocks,
    Keeper,
    LineStats,
    command_of,
    iter_lines,
    split_blocks,
)

WANTED = (BASIC_ENV, HARDWARE, MEMORY, KVM, HEALTH)
SIGNATURE = (BASIC_ENV, HARDWARE, KVM)  # a folder with none of these is no supportconfig
MAX_BLOCKS_PER_FILE = 50_000  # a real kvm.txt of 100 domains has about 2,000
_FOLDER = re.compile(r"^(?:nts|scc)_(.+?)_(\d\d)(\d\d)(\d\d)_(\d\d)(\d\d)(?:_.*)?$")
_ARCHIVE_SUFFIX = re.compile(r"(\.tar)?\.(tbz2?|tgz|txz|bz2|gz|xz|tar|zip)$", re.IGNORECASE)


@dataclass
class Bundle:
    """What a supportconfig says, with the line of every fact (see bundle.evidence).

    `name` is the archive's or folder's file name (the evidence `origin`), `folder` the
    supportconfig folder inside it, `files` the files read, in order. `kvm` is False when the
    bundle has no kvm.txt (then no guests can be read). `notes` are one-line remarks for the
    engineer: skipped members, caps reached, cut-short blocks.
    """

    name: str
    kind: str
    folder: str
    files: list[str] = field(default_factory=list)
    host: HostFacts = field(default_factory=HostFacts)
    domains: list[Domain] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def kvm(self) -> bool:
        return KVM in self.files

    @property
    def hostname(self) -> str:
        if self.host.hostname:
            return self.host.hostname
        match = _FOLDER.match(self.folder)
        return match.group(1) if match else ""

    @property
    def collected(self) -> str:
        """When the bundle was made: the folder name's date and time, else `date`'s output."""
        match = _FOLDER.match(self.folder)
        if match:
            _, yy, mm, dd, hh, mi = match.groups()
            return f"20{yy}-{mm}-{dd} {hh}:{mi}"
        return self.host.collected

    def source(self) -> dict[str, Any]:
        """The case's `source` block (case format v2)."""
        data: dict[str, Any] = {"kind": "supportconfig", "name": self.name}
        if self.hostname:
            data["hostname"] = self.hostname
        if self.collected:
            data["collected"] = self.collected
        data["files"] = list(self.files)
        return data


def _keep_basic(kind: str, name: str) -> Keeper | None:
    if (kind == COMMAND and command_of(name) in ("uname -a", "date")) \
            or (kind == CONFIG and "release" in name) \
            or (kind == SYSTEM and name == "Virtualization"):
        return Keeper()
    return None


def _keep_hardware(kind: str, name: str) -> Keeper | None:
    return Keeper() if kind == CONFIG and name in ("/proc/cpuinfo", "/proc/cmdline") else None


def _keep_memory(kind: str, name: str) -> Keeper | None:
    return Keeper() if kind == CONFIG and name == "/proc/meminfo" else None


_KVM_COMMANDS = ("lsmod | grep ^kvm", "virsh nodeinfo", "virsh list --all", "lscpu")


def _keep_kvm(kind: str, name: str) -> Keeper | None:
    if kind == VERIFICATION:
        return Keeper()
    if kind == COMMAND:
        command = command_of(name)
        if command in _KVM_COMMANDS or command.startswith("virsh dumpxml "):
            return Keeper()
    elif kind == CONFIG and name.startswith(QEMU_CONF):
        return Keeper()
    elif kind == LOG and name.startswith(QEMU_LOGS):
        return KeepNewestStart()
    return None


def _keep_health(kind: str, name: str) -> Keeper | None:
    command = command_of(name)
    if kind == COMMAND and command.startswith("ps ") and "axww" in command:
        return keep_qemu_processes()
    return None


# Files of which only these Configuration File blocks are used (host.py takes the first of
# each name): the rest of the file is skipped once all of them have been seen.
ENOUGH = {HARDWARE: frozenset({"/proc/cpuinfo", "/proc/cmdline"}),
          MEMORY: frozenset({"/proc/meminfo"})}

KEEP = {BASIC_ENV: _keep_basic, HARDWARE: _keep_hardware, MEMORY: _keep_memory, KVM: _keep_kvm,
        HEALTH: _keep_health}


def _display_name(path: Path) -> str:
    return path.resolve().name if path.name in ("", ".", "..") else path.name


def read_bundle(path: str | os.PathLike[str], progress: ProgressFn | None = None,
                cancelled: CancelFn | None = None) -> Bundle:
    """Read the supportconfig at PATH; BundleError (one line) when it is not a readable one.

    `progress(done, total)` is called about every 256 KiB of input (bytes; only the ratio
    means anything), `cancelled()` at every chunk: True stops the reading with
    BundleCancelled. Both run on the caller's thread.
    """
    where = Path(path)
    watch = Watch(progress, cancelled)
    blocks = Blocks()
    bundle = Bundle(name=_display_name(where), kind="", folder="")
    folder: str | None = None
    try:
        with opened(where, watch, SIGNATURE) as source:
            bundle.kind = source.kind
            for entry in source.entries():
                if entry.name not in WANTED:
                    continue
                if folder is None:
                    folder = entry.folder
                if entry.folder != folder or entry.name in bundle.files:
                    bundle.notes.append(f"{entry.path}: skipped: a second copy of {entry.name} "
                                        f"(the bundle's files are in '{folder or '.'}')")
                    continue
                _read_file(entry, blocks, bundle)
                if all(name in bundle.files for name in WANTED):
                    break
            bundle.notes[:0] = source.notes.all()
    except MemoryError:
        raise BundleError(f"{bundle.name}: too large to read in the memory available") from None
    watch.finish()
    if not any(name in bundle.files for name in SIGNATURE):
        raise BundleError(f"{bundle.name}: not a supportconfig (no {', '.join(SIGNATURE)} "
                          "inside)")
    if not blocks.by_file:
        raise BundleError(f"{bundle.name}: not a supportconfig (its files hold no "
                          "supportconfig blocks)")
    bundle.folder = _folder_name(folder, where, bundle.kind)
    bundle.host = read_host(blocks)
    bundle.domains, notes = read_domains(blocks)
    bundle.notes += bundle.host.notes + notes
    for domain in bundle.domains:
        bundle.notes += [f"{domain.name}: {note}" for note in domain.notes]
    return bundle


def _read_file(entry: Entry, blocks: Blocks, bundle: Bundle) -> None:
    stats = LineStats()
    lines = iter_lines(entry.chunks(), stats)
    blocks_of_file = split_blocks(lines, entry.name, KEEP[entry.name], lambda: entry.complete)
    missing = set(ENOUGH.get(entry.name, ()))
    for count, block in enumerate(blocks_of_file, 1):
        if count > MAX_BLOCKS_PER_FILE:
            bundle.notes.append(f"{entry.name}: more than {MAX_BLOCKS_PER_FILE:,} blocks (the "
                                "cap): the rest of the file was not read")
            break
        blocks.add(block)
        if missing and block.kind == CONFIG:
            missing.discard(block.name)
            if not missing:  # every block used from this file is in: skip the rest
                break
    bundle.files.append(entry.name)
    if stats.cut:
        bundle.notes.append(f"{entry.name}: {stats.cut} lines longer than 1 MiB were cut there")
    if stats.replaced:
        bundle.notes.append(f"{entry.name}: bytes that are not UTF-8 were replaced by "
                            "\N{REPLACEMENT CHARACTER}")
    if not entry.complete:
        bundle.notes.append(f"{entry.name}: read only in part (the archive ends inside it)")


def _folder_name(folder: str | None, path: Path, kind: str) -> str:
    if folder:
        return folder.rsplit("/", 1)[-1]
    name = _display_name(path)
    return name if kind == "folder" else _ARCHIVE_SUFFIX.sub("", name)
