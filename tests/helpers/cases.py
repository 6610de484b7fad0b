"""Case builders (format v1) for tests: a fully answered, supported baseline to vary from.

`make_case(guests=[make_guest(vcpus=17)])` is one unsupported answer away from a clean case, so
a test changes exactly the answer it is about.
"""

from __future__ import annotations

import copy
from typing import Any

_DROP = object()  # pass as a value to remove that key: make_guest(os=DROP)
DROP: Any = _DROP

BASE_HOST: dict[str, Any] = {
    "arch": "x86_64", "cpu_vendor": "intel", "cpu_cores": 8,
    "hardware_virtualization": "enabled", "kvm_modules_loaded": True,
    "iommu": "enabled", "kernel_cmdline": "root=/dev/sda2 intel_iommu=on",
    "constant_tsc": True, "numa_nodes": 1, "ksm": False, "ntp": True,
    "kvm_module_parameters": "default",
    "suspend_with_guests": False, "power_changes_with_guests": False,
    "qemu_user": "root", "management": ["virt-manager", "virsh"], "virsh_usage": "lifecycle",
}

BASE_GUEST: dict[str, Any] = {
    "name": "sles01", "os": "SLES 11 SP1", "bits": 64, "vcpus": 2, "memory_mb": 2048,
    "created_with": "sles11-sp1", "clock": "kvm-clock", "ntp_in_guest": False,
    "boot_options": "root=/dev/vda2", "disks": [{"bus": "virtio", "format": "raw",
                                                  "storage": "file", "snapshot": False}],
    "nics": [{"model": "virtio", "mac": "52:54:00:00:00:01"}], "video": "cirrus",
    "devices": [], "features": [], "balloon_driver": True,
    "migration": {"same_host_type": True, "shared_storage": True,
                  "timekeeping_controlled": True, "compatible_definition": True},
    "monitor_commands": [],
}


def _apply(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    result = copy.deepcopy(base)
    for key, value in changes.items():
        if value is _DROP:
            result.pop(key, None)
        else:
            result[key] = copy.deepcopy(value)
    return result


def make_host(**changes: Any) -> dict[str, Any]:
    """The baseline host (x86_64 Intel, 8 cores, all answers supported) with `changes`."""
    return _apply(BASE_HOST, changes)


def make_guest(**changes: Any) -> dict[str, Any]:
    """A supported SLES 11 SP1 guest with `changes` (DROP removes a key)."""
    return _apply(BASE_GUEST, changes)


def disk(bus: str = "virtio", fmt: str = "raw", **extra: Any) -> dict[str, Any]:
    return {"bus": bus, "format": fmt, "storage": "file", "snapshot": False, **extra}


def nic(model: str = "virtio", mac: str | None = "52:54:00:00:00:01") -> dict[str, Any]:
    return {"model": model, "mac": mac}


def nics(count: int, model: str = "virtio") -> list[dict[str, Any]]:
    """`count` NICs with distinct MAC addresses."""
    return [nic(model, f"52:54:00:00:{i // 256:02x}:{i % 256:02x}") for i in range(count)]


def make_case(guests: list[dict[str, Any]] | None = None, host: dict[str, Any] | None = None,
              **changes: Any) -> dict[str, Any]:
    """A valid v1 case: the baseline host and one baseline guest unless given."""
    case: dict[str, Any] = {
        "format": "kvmhelpdesk-case", "version": 1, "title": "Test case",
        "release": "sles11-sp1", "host": make_host() if host is None else host,
        "guests": [make_guest()] if guests is None else guests,
    }
    return _apply(case, {k: v for k, v in case.items() if v is _DROP} | changes)


def minimal_case(**changes: Any) -> dict[str, Any]:
    """Only the two required keys: every rule must turn the gaps into conditions."""
    return _apply({"format": "kvmhelpdesk-case", "version": 1}, changes)


def big_case(count: int = 200) -> dict[str, Any]:
    """A case with `count` varied guests (OS names, disks, NICs), for benchmarks and stress."""
    names = ["SLES 11 SP1", "Windows Server 2008 R2 SP1", "RHEL 5.5", "Win7 x64",
             "SLES 10 SP3", "Windows XP SP3", "SLED 11 SP1", "SLES 9 SP4 x86_64"]
    guests = []
    for i in range(count):
        guests.append(make_guest(
            name=f"vm{i:03d}", os=names[i % len(names)], vcpus=1 + i % 4,
            memory_mb=1024 * (1 + i % 8),
            disks=[disk("virtio"), disk("ide")] if i % 3 else [disk("virtio")],
            nics=[nic("virtio", f"52:54:00:01:{i // 256:02x}:{i % 256:02x}")],
            features=["live-migration"] if i % 5 == 0 else [],
            monitor_commands=["info status", "migrate tcp:dst:4444"] if i % 7 == 0 else [],
        ))
        if "SLES 9" in guests[-1]["os"]:  # the row's boot option for a 64-bit kernel
            guests[-1].update(clock="pmtmr", ntp_in_guest=True,
                              boot_options="root=/dev/hda2 ignore_lost_ticks")
    return make_case(guests=guests, host=make_host(cpu_cores=128),
                     performance=[{"category": "disk", "mode": "paravirtualized",
                                   "measured_percent": 80}])
