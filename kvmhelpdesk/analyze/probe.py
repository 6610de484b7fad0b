"""Read the `host` part of a case file from a Linux host, without privileges or changes.

`root` may be a copy of a customer's /proc and /sys from a support bundle. Every answer comes
from one or two files; a file that is missing or unreadable leaves its answer out, and triage
then asks the engineer to confirm it. Nothing here writes, loads modules or runs programs.
Every path is read through analyze.rootfs: links resolve inside the root (never out of a
bundle), and only regular files are read (a FIFO or device never blocks the probe).
"""

from __future__ import annotations

import os
import platform
import re
from typing import Any

from kvmhelpdesk.analyze import rootfs
from kvmhelpdesk.analyze.rootfs import RootFolder, RootPath

MAX_READ = 8 * 1024 * 1024
_VENDORS = {"GenuineIntel": "intel", "AuthenticAMD": "amd"}
_NODE = re.compile(r"node\d+")


def _read(path: RootPath) -> str | None:
    return rootfs.read_text(path, MAX_READ)


def _exists(path: RootPath) -> bool:
    return rootfs.exists(path)


def _listdir(path: RootPath) -> list[str] | None:
    return rootfs.listdir(path)


def parse_cpuinfo(text: str) -> dict[str, Any]:
    """vendor, logical CPU count, the first CPU's flags and whether it is an x86 listing."""
    vendor = ""
    processors = 0
    flags: set[str] = set()
    x86 = False
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            continue
        key = key.strip()
        if key == "processor":
            processors += 1
        elif key == "vendor_id" and not vendor:
            vendor = value.strip()
        elif key == "flags" and not flags:
            x86 = True
            flags = set(value.split())
    return {"vendor": vendor, "processors": processors, "flags": flags, "x86": x86}


def probe_host(root: str | os.PathLike[str] = "/") -> dict[str, Any]:
    """The host answers that can be read under `root` (case file format v1 keys)."""
    base = RootFolder(root)
    host: dict[str, Any] = {}
    arch = _arch(base)
    if arch:
        host["arch"] = arch
    cpu = None
    text = _read(base / "proc/cpuinfo")
    if text is not None:
        cpu = parse_cpuinfo(text)
        if cpu["vendor"] in _VENDORS:
            host["cpu_vendor"] = _VENDORS[cpu["vendor"]]
        if cpu["processors"]:
            host["cpu_cores"] = cpu["processors"]
    modules_text = _read(base / "proc/modules")
    modules = {line.split(" ", 1)[0] for line in modules_text.splitlines()} \
        if modules_text is not None else None
    dev_kvm = _exists(base / "dev/kvm")
    vendor_module = modules is not None and bool({"kvm_intel", "kvm_amd"} & modules)
    if modules is not None:
        host["kvm_modules_loaded"] = ("kvm" in modules and vendor_module) or dev_kvm
    elif dev_kvm:
        host["kvm_modules_loaded"] = True
    x86 = cpu is not None and cpu["x86"]
    if dev_kvm or vendor_module:  # /dev/kvm comes with kvm_intel/kvm_amd: VT is enabled
        host["hardware_virtualization"] = "enabled"
    elif x86 and not {"vmx", "svm"} & cpu["flags"]:
        host["hardware_virtualization"] = "absent"
    if x86:
        host["constant_tsc"] = "constant_tsc" in cpu["flags"]
    cmdline = _read(base / "proc/cmdline")
    if cmdline is not None:
        host["kernel_cmdline"] = cmdline.strip()
    iommu = _iommu(base, cmdline)
    if iommu:
        host["iommu"] = iommu
    nodes = _listdir(base / "sys/devices/system/node")
    if nodes is not None:
        count = sum(1 for n in nodes if _NODE.fullmatch(n))
        if count:
            host["numa_nodes"] = count
    ksm = _read(base / "sys/kernel/mm/ksm/run")
    if ksm is not None and ksm.strip() in ("0", "1", "2"):
        host["ksm"] = ksm.strip() == "1"
    return host


def _arch(base: RootFolder) -> str | None:
    """This machine's architecture; under another root, only what the copy records."""
    if base.is_system_root():
        return platform.machine() or None
    recorded = _read(base / "proc/sys/kernel/arch")
    if recorded is None:
        return None
    return recorded.strip() or None


def _iommu(base: RootFolder, cmdline: str | None) -> str | None:
    """enabled when the kernel was asked for it or has IOMMU groups; disabled when turned off."""
    words = set((cmdline or "").split())
    if words & {"intel_iommu=on", "amd_iommu=on", "amd_iommu=force_isolation"}:
        return "enabled"
    if words & {"intel_iommu=off", "amd_iommu=off", "iommu=off"}:
        return "disabled"
    for folder in ("sys/kernel/iommu_groups", "sys/class/iommu"):
        if _listdir(base / folder):
            return "enabled"
    return None
