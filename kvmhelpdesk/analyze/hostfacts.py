"""Host facts from the text of /proc and /etc files, with the line each fact was read from.

Shared by `probe-host` (files under a root folder) and the support-bundle reader (the same
files as blocks of a supportconfig text file): both hand over the file's text and get the
facts plus 0-based line numbers, so a bundle can cite where each answer came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

VENDORS = {"GenuineIntel": "intel", "AuthenticAMD": "amd"}


@dataclass
class CpuInfo:
    """What /proc/cpuinfo says; `lines` maps a fact name to the 0-based line it came from.

    `physical_cores` counts distinct (physical id, core id) pairs: the statement's "cpu cores"
    (L100), not hyperthreads. It is None when the listing has no topology lines (some
    virtualized or old kernels), and then only `logical` CPUs are known.
    """

    vendor: str = ""  # vendor_id as printed: GenuineIntel, AuthenticAMD
    logical: int = 0
    physical_cores: int | None = None
    sockets: int | None = None  # distinct physical ids, when physical_cores is known
    flags: set[str] = field(default_factory=set)
    x86: bool = False
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def case_vendor(self) -> str | None:
        """The case file's `host.cpu_vendor` word (`intel`, `amd`) or None."""
        return VENDORS.get(self.vendor)

    @property
    def hardware_virtualization_flag(self) -> bool:
        return bool({"vmx", "svm"} & self.flags)


def parse_cpuinfo(text: str) -> CpuInfo:
    """Parse a /proc/cpuinfo listing (one stanza per logical CPU)."""
    info = CpuInfo()
    pairs: set[tuple[str, str]] = set()
    physical = core = None
    topology = True

    def close_stanza() -> None:
        nonlocal physical, core, topology
        if physical is None or core is None:
            topology = False
        else:
            pairs.add((physical, core))
        physical = core = None

    for number, line in enumerate(text.splitlines()):
        key, sep, value = line.partition(":")
        if not sep:
            continue
        key, value = key.strip(), value.strip()
        if key == "processor":
            if info.logical:
                close_stanza()
            info.logical += 1
            info.lines.setdefault("processor", number)
            info.lines["last_processor"] = number
        elif key == "vendor_id" and not info.vendor:
            info.vendor = value
            info.lines["vendor"] = number
        elif key == "flags" and not info.flags:
            info.x86 = True
            info.flags = set(value.split())
            info.lines["flags"] = number
        elif key == "physical id":
            physical = value
        elif key == "core id":
            core = value
            info.lines.setdefault("core_id", number)
    if info.logical:
        close_stanza()
        info.physical_cores = len(pairs) if topology and pairs else None
        if info.physical_cores:
            info.sockets = len({socket for socket, _ in pairs})
    return info


_SUSE_PRODUCT = re.compile(r"SUSE Linux Enterprise (Server|Desktop)", re.IGNORECASE)
_KEY_VALUE = re.compile(r"^\s*([A-Z_]+)\s*=\s*\"?([^\"]*)\"?\s*$")


@dataclass
class Release:
    """The host's operating system as the case's `host.os` answer, and where it was read."""

    text: str  # "SLES 11 SP1", "SLED 11 SP1", "SUSE Linux Enterprise Server 12 SP3", ...
    line: int  # 0-based line of the product name (or of VERSION when that is all there is)


def parse_suse_release(text: str) -> Release | None:
    """`/etc/SuSE-release`: product line, then `VERSION = 11` and `PATCHLEVEL = 1`."""
    lines = text.splitlines()
    product = ""
    product_line = None
    values: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(lines):
        match = _KEY_VALUE.match(line)
        if match:
            values.setdefault(match.group(1), (match.group(2).strip(), number))
        elif line.strip() and product_line is None:
            product, product_line = line.strip(), number
    version = values.get("VERSION")
    if not product and version is None:
        return None
    suse = _SUSE_PRODUCT.search(product)
    if suse and version:
        short = "SLES" if suse.group(1).lower() == "server" else "SLED"
        patch = values.get("PATCHLEVEL")
        text_ = f"{short} {version[0]}"
        if patch and patch[0] not in ("", "0"):
            text_ += f" SP{patch[0]}"
        elif patch and patch[0] == "0":
            text_ += " GA"  # PATCHLEVEL = 0: the first release (SLES 11 GA, kvm-supported L5)
        return Release(text_, product_line if product_line is not None else version[1])
    if product:
        name = re.sub(r"\s*\([^)]*\)\s*$", "", product)  # drop "(x86_64)"
        if version and version[0] not in name:
            name += f" {version[0]}"
        return Release(name, product_line if product_line is not None else 0)
    return Release(f"VERSION {version[0]}", version[1]) if version else None


def parse_os_release(text: str) -> Release | None:
    """`/etc/os-release` (later releases): PRETTY_NAME, else NAME plus VERSION."""
    values: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(text.splitlines()):
        match = _KEY_VALUE.match(line)
        if match:
            values.setdefault(match.group(1), (match.group(2).strip(), number))
    if "PRETTY_NAME" in values and values["PRETTY_NAME"][0]:
        return Release(*values["PRETTY_NAME"])
    if "NAME" in values:
        name, line = values["NAME"]
        version = values.get("VERSION", ("", line))[0]
        return Release(f"{name} {version}".strip(), line)
    return None


def parse_meminfo_kib(text: str) -> tuple[int, int] | None:
    """MemTotal in KiB and its 0-based line, from /proc/meminfo."""
    for number, line in enumerate(text.splitlines()):
        key, sep, value = line.partition(":")
        if sep and key.strip() == "MemTotal":
            digits = value.split()
            if digits and digits[0].isdigit() and len(digits[0]) < 19:
                return int(digits[0]), number
    return None


IOMMU_ON = frozenset({"intel_iommu=on", "amd_iommu=on", "amd_iommu=force_isolation"})
IOMMU_OFF = frozenset({"intel_iommu=off", "amd_iommu=off", "iommu=off"})


def iommu_from_cmdline(cmdline: str) -> tuple[str, str] | None:
    """(`enabled`/`disabled`, the word that says so) from a kernel command line, else None.

    Only what the command line asks for: an IOMMU the BIOS enables without a kernel word is not
    visible here (probe-host also looks at /sys for that). The last word wins, as in the kernel.
    """
    for word in reversed(cmdline.split()):
        if word in IOMMU_ON:
            return "enabled", word
        if word in IOMMU_OFF:
            return "disabled", word
    return None
