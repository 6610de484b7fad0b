"""What the analyzer itself knows about qemu's option syntax (not what the statement says).

Which options take a value was read from the `qemu -help` output of qemu 0.12.1, qemu-kvm 0.11,
0.12.1.2, 0.12.3 and 0.13 (the generation the support statement covers), plus the options later
qemu releases and libvirt use, so a pasted 2021 command line splits correctly too. Whether an
option is supported is never decided here: that comes from the knowledge base.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Options of qemu(-kvm) 0.11-0.13 that take no value.
FLAGS_012: frozenset[str] = frozenset({
    "-h", "-help", "-version", "-snapshot", "-audio-help", "-usb", "-nographic", "-curses",
    "-no-frame", "-alt-grab", "-ctrl-grab", "-no-quit", "-sdl", "-portrait", "-full-screen",
    "-win2k-hack", "-rtc-td-hack", "-no-fd-bootchk", "-no-acpi", "-no-hpet", "-singlestep",
    "-S", "-s", "-enable-kvm", "-no-reboot", "-no-shutdown", "-daemonize", "-localtime",
    "-show-cursor", "-nodefaults", "-nodefconfig", "-semihosting", "-old-param", "-xen-create",
    "-xen-attach", "-no-kvm", "-no-kvm-irqchip", "-no-kvm-pit", "-no-kvm-pit-reinjection",
    "-enable-nesting", "-tdf", "-mem-prealloc", "-redhat-disable-KSM", "-std-vga",
    "-kernel-kqemu", "-no-kqemu",
})

# Options of qemu(-kvm) 0.11-0.13 that take one value.
VALUED_012: frozenset[str] = frozenset({
    "-M", "-cpu", "-smp", "-numa", "-fda", "-fdb", "-hda", "-hdb", "-hdc", "-hdd", "-cdrom",
    "-drive", "-set", "-global", "-mtdblock", "-sd", "-pflash", "-boot", "-m", "-mem-path",
    "-k", "-soundhw", "-usbdevice", "-device", "-fsdev", "-virtfs", "-name", "-uuid", "-spice",
    "-vga", "-g", "-vnc", "-balloon", "-acpitable", "-smbios", "-net", "-netdev", "-chardev",
    "-bt", "-kernel", "-append", "-initrd", "-serial", "-parallel", "-monitor", "-qmp", "-mon",
    "-debugcon", "-pidfile", "-gdb", "-d", "-hdachs", "-L", "-bios", "-xen-domid", "-loadvm",
    "-option-rom", "-clock", "-startdate", "-rtc", "-icount", "-watchdog", "-watchdog-action",
    "-echr", "-virtioconsole", "-tb-size", "-incoming", "-chroot", "-runas", "-prom-env",
    "-readconfig", "-writeconfig", "-pcidevice", "-nvram", "-kvm-shadow-memory", "-osk",
})

# Options of later qemu releases (as libvirt 1.x-7.x passes them), with their arity.
FLAGS_LATER: frozenset[str] = frozenset({
    "-no-user-config", "-enable-fips", "-only-migratable", "-preconfig", "-no-graphic",
    "-async-teardown",
})
VALUED_LATER: frozenset[str] = frozenset({
    "-machine", "-accel", "-object", "-blockdev", "-audiodev", "-display", "-overcommit",
    "-sandbox", "-msg", "-realtime", "-add-fd", "-compat", "-fw_cfg", "-tpmdev", "-iscsi",
    "-dtb", "-trace", "-D", "-nic", "-action", "-semihosting-config", "-plugin", "-run-with",
    "-iothread", "-incoming", "-smbios", "-spice", "-seccomp", "-dump-vmstate", "-qmp-pretty",
})

# Options libvirt (the layer under vm-install, virt-manager and virsh) adds on its own when it
# starts a guest. Appendix A does not list them; they are reported as "not covered", not as
# refused, because a guest defined with the supported tools always carries them.
LIBVIRT_ADDED: frozenset[str] = frozenset({
    "-S", "-nodefaults", "-nodefconfig", "-no-user-config", "-enable-kvm", "-no-acpi",
    "-rtc-td-hack", "-usb", "-localtime", "-no-reboot", "-no-shutdown", "-nographic",
    "-no-kvm-pit-reinjection", "-no-hpet", "-daemonize", "-domid", "-mem-prealloc", "-tdf",
})

# Other spellings of an option the statement lists: spelling -> (Appendix A option, value it
# implies or None to keep the given value). Used only when the knowledge base does not itself
# name the spelling.
SPELLINGS: Mapping[str, tuple[str, str | None]] = MappingProxyType({
    "-machine": ("-M", None),  # later qemu's long form of -M
    "-std-vga": ("-vga", "std"),  # qemu before 0.10: the flag that became -vga std
})

# The option key a bare first value stands for (qemu's "implied" key), so `-M type=pc` and
# `-M pc` classify alike.
IMPLIED_KEYS: Mapping[str, str] = MappingProxyType({
    "-M": "type", "-machine": "type", "-net": "type", "-netdev": "type", "-nic": "type",
    "-device": "driver", "-smp": "cpus", "-m": "size", "-name": "guest", "-accel": "accel",
    "-chardev": "backend", "-object": "qom-type", "-blockdev": "driver", "-audiodev": "driver",
    "-display": "type",
})
# In a JSON value (`-device '{...}'`), the key holding the first value.
JSON_FIRST_KEYS: tuple[str, ...] = ("driver", "type", "qom-type")

KNOWN_012: frozenset[str] = FLAGS_012 | VALUED_012


def arity(name: str) -> str:
    """'flag', 'value' or 'unknown' for a normalized option name (`-drive`)."""
    if name in FLAGS_012 or name in FLAGS_LATER:
        return "flag"
    if name in VALUED_012 or name in VALUED_LATER:
        return "value"
    return "unknown"
