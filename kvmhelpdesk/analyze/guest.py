"""Parsed qemu options -> a case-file (format v1) guest object.

Only what the options actually say goes in: a missing `-m` could be a truncated `ps` line, so
no qemu default is assumed; triage turns a missing answer into a condition to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kvmhelpdesk.analyze import devices as dev
from kvmhelpdesk.analyze.model import AnalyzeError
from kvmhelpdesk.analyze.options import POSITIONAL_IMAGE, ParsedOption
from kvmhelpdesk.triage.case import MAX_ITEMS
from kvmhelpdesk.triage.casejson import MAX_NUMBER

_TRUE = frozenset({"on", "yes", "true", "1"})
_NUMBER = re.compile(r"\s*(\d{1,15})(?:\.(\d{1,6}))?\s*([kKmMgGtT]?)[iI]?[bB]?\s*")
_SIZE_FACTOR = {"": 1.0, "m": 1.0, "k": 1 / 1024, "g": 1024.0, "t": 1024.0 * 1024}
_IDE_IMAGES = ("-hda", "-hdb", "-hdc", "-hdd", "-cdrom")


def parse_memory_mb(value: str | None) -> int | None:
    """`512`, `1G`, `219136k` -> megabytes (a bare number is megabytes in qemu)."""
    if not value:
        return None
    match = _NUMBER.fullmatch(value)
    if not match:
        return None
    number = float(f"{match.group(1)}.{match.group(2) or 0}")
    mb = round(number * _SIZE_FACTOR[match.group(3).lower()])
    return mb if 1 <= mb <= MAX_NUMBER else None  # beyond 2^53: no real guest, no answer


def _int(value: str | None) -> int | None:
    if value is None or not re.fullmatch(r"\s*\d{1,9}\s*", value):
        return None
    return int(value)


def parse_vcpus(opt: ParsedOption) -> int | None:
    """`-smp 4`, `-smp cpus=4`, or sockets x cores x threads when no count is given."""
    count = _int(opt.first)
    if count:
        return count
    product, seen = 1, False
    for key in ("sockets", "dies", "cores", "threads"):
        value = _int(opt.params.get(key))
        if value:
            product, seen = product * value, True
    return product if seen and product <= MAX_NUMBER else None


def guest_name(options: list[ParsedOption]) -> str | None:
    for opt in options:
        if opt.name == "-name" and opt.first:
            return opt.first.strip() or None
    return None


_KEY_ORDER = ("name", "os", "bits", "vcpus", "memory_mb", "created_with", "clock", "ntp_in_guest",
              "boot_options", "disks", "nics", "video", "devices", "features", "balloon_driver",
              "migration", "monitor_commands")


def in_case_order(guest: dict[str, Any]) -> dict[str, Any]:
    """The same guest with its keys in the case file's order (stable, readable JSON)."""
    rank = {key: i for i, key in enumerate(_KEY_ORDER)}
    return dict(sorted(guest.items(), key=lambda kv: rank.get(kv[0], len(rank))))


def check_sizes(guest: dict[str, Any]) -> None:
    """AnalyzeError when a list of the guest is longer than a case holds (MAX_ITEMS)."""
    for key, value in guest.items():
        if isinstance(value, list) and len(value) > MAX_ITEMS:
            raise AnalyzeError(f"guest {guest.get('name', '')!r} has {len(value):,} "
                               f"{key.replace('_', ' ')}: a case holds at most {MAX_ITEMS:,}")


class UniqueNames:
    """Guest names made unique within one input: `name`, then `name (2)`, `name (3)`...

    Each name remembers the last number it tried, so 20,000 guests called `a` take linear
    time, not a scan from `a (2)` for every one of them."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._next: dict[str, int] = {}

    def take(self, name: str) -> str:
        candidate, number = name, self._next.get(name, 1)
        while candidate in self.used:
            number += 1
            candidate = f"{name} ({number})"
        self._next[name] = number
        self.used.add(candidate)
        return candidate


class _Guest:
    """Collects one guest's answers while walking its options in order."""

    def __init__(self, options: list[ParsedOption]) -> None:
        self.options = options
        self.snapshot_all = any(o.name == "-snapshot" for o in options)
        self.drives: dict[str, Mapping[str, str]] = {}
        self.blockdevs: dict[str, Mapping[str, str]] = {}
        for o in options:
            if o.name == "-drive" and o.params.get("id"):
                self.drives[o.params["id"]] = o.params
            elif o.name == "-blockdev" and o.params.get("node-name"):
                self.blockdevs[o.params["node-name"]] = o.params
        self.disks: list[dict[str, Any]] = []
        self.nics: list[dict[str, Any]] = []
        self.devices: list[str] = []
        self.features: list[str] = []
        self.video: str | None = None

    def add(self, items: list[str], word: str) -> None:
        if word not in items:
            items.append(word)

    def disk(self, bus: str, params: Mapping[str, str] | None = None,
             path: str | None = None) -> None:
        params = params or {}
        disk: dict[str, Any] = {"bus": bus}
        if params.get("format"):
            disk["format"] = params["format"]
        storage = dev.storage_of(path if path is not None else params.get("file", ""))
        if storage:
            disk["storage"] = storage
        snapshot = params.get("snapshot", "off").strip().lower() in _TRUE
        disk["snapshot"] = self.snapshot_all or snapshot
        self.disks.append(disk)

    def device_disk(self, bus: str, drive_id: str | None) -> None:
        if drive_id in self.drives:
            self.disk(bus, self.drives[drive_id])
            return
        node = self.blockdevs.get(drive_id or "")
        fmt: str | None = None
        storage: str | None = None
        for _ in range(8):  # a format node over a protocol node; never loop on a cycle
            if node is None:
                break
            driver = node.get("driver", "")
            if driver in dev.FORMAT_DRIVERS and fmt is None:
                fmt = driver
                node = self.blockdevs.get(node.get("file", ""))
                continue
            storage = dev.storage_of_blockdev(driver, node)
            break
        disk: dict[str, Any] = {"bus": bus}
        if fmt:
            disk["format"] = fmt
        if storage:
            disk["storage"] = storage
        disk["snapshot"] = self.snapshot_all
        self.disks.append(disk)

    def nic(self, model: str | None, mac: str | None) -> None:
        nic: dict[str, Any] = {}
        if model:
            nic["model"] = model
        nic["mac"] = mac or None
        self.nics.append(nic)

    def device(self, opt: ParsedOption) -> None:
        driver = opt.first or ""
        p = opt.params
        if driver in dev.DISK_DRIVERS:
            self.device_disk(dev.DISK_DRIVERS[driver], p.get("drive"))
        elif driver in dev.NIC_DRIVERS:
            self.nic(dev.NIC_DRIVERS[driver], p.get("mac"))
        elif driver in dev.VIDEO_DRIVERS:
            self.video = self.video or dev.VIDEO_DRIVERS[driver]
        elif driver in dev.SOUND_DRIVERS:
            self.add(self.devices, "sound")
        elif driver in dev.PASSTHROUGH_DRIVERS:
            self.passthrough()
        elif driver in dev.USB_DEVICE_DRIVERS:
            self.add(self.devices, dev.USB_DEVICE_DRIVERS[driver])
        elif driver.startswith("virtio-balloon"):
            self.add(self.devices, "balloon")

    def passthrough(self) -> None:
        self.add(self.devices, "pci-passthrough")
        self.add(self.features, "pci-passthrough")

    def walk(self) -> None:
        for o in self.options:
            self.option(o)

    def option(self, o: ParsedOption) -> None:
        name, p = o.name, o.params
        if name in _IDE_IMAGES or name == POSITIONAL_IMAGE:
            self.disk("ide", path=o.value)
        elif name in ("-fda", "-fdb"):
            self.disk("floppy", path=o.value)
        elif name == "-drive":
            bus = p.get("if", "ide") or "ide"
            if bus != "none":  # if=none drives appear through the -device that uses them
                self.disk(bus, p)
        elif name == "-global" and re.fullmatch(r"isa-fdc\.drive[AB]=.+", o.value):
            self.disk("floppy", self.drives.get(o.value.split("=", 1)[1]))
        elif name == "-device":
            self.device(o)
        elif name == "-net" and o.first == "nic":
            self.nic(p.get("model"), p.get("macaddr"))
        elif name == "-nic" and o.first != "none":
            self.nic(p.get("model"), p.get("mac"))
        elif name == "-vga":
            self.video = dev.VGA_VALUES.get(o.first or "", o.first or None)
        elif name == "-std-vga":
            self.video = "std"
        elif name == "-soundhw":
            self.add(self.devices, "sound")
        elif name == "-usbdevice":
            # -usbdevice disk:FILE is one refused device (L356), judged once as that device,
            # not also as a disk on an unsupported bus.
            self.add(self.devices, dev.usbdevice_word(o.value))
        elif name == "-pcidevice":
            self.passthrough()
        elif name == "-balloon" and (o.first or "").startswith("virtio"):
            self.add(self.devices, "balloon")
        elif name == "-no-kvm" or (name == "-accel" and o.first == "tcg") or (
                name in ("-M", "-machine") and p.get("accel", "").startswith("tcg")):
            self.add(self.features, "qemu-only")
        elif name == "-incoming":
            self.add(self.features, "live-migration")


def build_guest(options: list[ParsedOption], default_name: str) -> dict[str, Any]:
    """A case-file guest from one command line's options."""
    g = _Guest(options)
    g.walk()
    guest: dict[str, Any] = {"name": guest_name(options) or default_name}
    vcpus = memory = None
    boot_options = None
    for o in options:
        if o.name == "-smp":
            vcpus = parse_vcpus(o) or vcpus
        elif o.name == "-m":
            memory = parse_memory_mb(o.first) or memory
        elif o.name == "-append" and o.value.strip():
            boot_options = o.value.strip()
    if vcpus:
        guest["vcpus"] = vcpus
    if memory:
        guest["memory_mb"] = memory
    if boot_options:
        guest["boot_options"] = boot_options
    if g.disks:
        guest["disks"] = g.disks
    nets = [o for o in options if o.name in ("-net", "-nic", "-netdev")]
    if g.nics or any(o.first == "none" for o in nets):
        guest["nics"] = g.nics
    if g.video is None and any(o.name == "-nodefaults" for o in options):
        g.video = "none"
    if g.video:
        guest["video"] = g.video
    if g.devices:
        guest["devices"] = g.devices
    if g.features:
        guest["features"] = g.features
    return guest
