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
from kvmhelpdesk.analyze.hostfacts import (
    CpuInfo,
    Release,
    parse_cpuinfo,
    parse_os_release,
    parse_suse_release,
)
from kvmhelpdesk.analyze.rootfs import RootFolder, RootPath

MAX_READ = 8 * 1024 * 1024
_NODE = re.compile(r"node\d+")


def _read(path: RootPath) -> str | None:
    return rootfs.read_text(path, MAX_READ)


def _exists(path: RootPath) -> bool:
    return rootfs.exists(path)


def _listdir(path: RootPath) -> list[str] | None:
    return rootfs.listdir(path)


def _cpu_answers(host: dict[str, Any], text: str | None) -> CpuInfo | None:
    """Vendor, cores and EPT/NPT from /proc/cpuinfo.

    `cpu_cores` is the statement's "cpu cores" (L100): distinct physical cores, never
    hyperthreads. Without topology lines only `logical_cpus` is known, and the vCPU rule then
    says so in a condition instead of counting hyperthreads as cores.
    """
    if text is None:
        return None
    cpu = parse_cpuinfo(text)
    if cpu.case_vendor:
        host["cpu_vendor"] = cpu.case_vendor
    if cpu.physical_cores:
        host["cpu_cores"] = cpu.physical_cores
    if cpu.logical:
        host["logical_cpus"] = cpu.logical
    if cpu.x86 and cpu.hardware_virtualization_flag and {"ept", "npt"} & cpu.flags:
        # The kernel lists EPT (Intel) and NPT (AMD) among the flags of a CPU that has them;
        # an older kernel (or a BIOS setting) may not, so a missing flag proves nothing: the
        # answer stays unknown and the 97% CPU figure (L238-240) is asked about.
        host["ept_npt"] = True
    return cpu


def host_release(base: RootPath) -> Release | None:
    """The host's release from /etc/SuSE-release (SLES 11) or /etc/os-release (later)."""
    for name, parse in (("etc/SuSE-release", parse_suse_release),
                        ("etc/os-release", parse_os_release)):
        text = _read(base / name)
        if text is not None:
            found = parse(text)
            if found is not None and found.text.strip():
                return found
    return None


def probe_host(root: str | os.PathLike[str] = "/") -> dict[str, Any]:
    """The host answers that can be read under `root` (case-file `host` keys)."""
    base = RootFolder(root)
    host: dict[str, Any] = {}
    release = host_release(base)
    if release is not None:
        host["os"] = release.text
    arch = _arch(base)
    if arch:
        host["arch"] = arch
    cpu = _cpu_answers(host, _read(base / "proc/cpuinfo"))
    modules_text = _read(base / "proc/modules")
    modules = {line.split(" ", 1)[0] for line in modules_text.splitlines()} \
        if modules_text is not None else None
    dev_kvm = _exists(base / "dev/kvm")
    vendor_module = modules is not None and bool({"kvm_intel", "kvm_amd"} & modules)
    if modules is not None:
        host["kvm_modules_loaded"] = ("kvm" in modules and vendor_module) or dev_kvm
    elif dev_kvm:
        host["kvm_modules_loaded"] = True
    x86 = cpu is not None and cpu.x86
    if dev_kvm or vendor_module:  # /dev/kvm comes with kvm_intel/kvm_amd: VT is enabled
        host["hardware_virtualization"] = "enabled"
    elif x86 and cpu is not None and not cpu.hardware_virtualization_flag:
        host["hardware_virtualization"] = "absent"
    if x86 and cpu is not None:
        host["constant_tsc"] = "constant_tsc" in cpu.flags
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
