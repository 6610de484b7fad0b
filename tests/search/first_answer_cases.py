"""The first-answer set: questions engineers type, each with the entry Enter should open.

Written before the ranking was tuned, from the knowledge base (`kvmhelpdesk kb list`) and the
statement (kvm-supported.txt), never from what the engine returned. Enter opens the top hit, so
each case names the entry (or, where two entries answer equally well, the entries) that must
come first. bench/search.py prints the top-1 and top-3 rates; tests/search/test_first_answer.py
holds the floor.

Each case: (query, acceptable first entries, statement line or section it rests on).
"""

from __future__ import annotations

from typing import Any

FIRST_ANSWER: list[tuple[str, tuple[str, ...], str]] = [
    # -- Supported Limits (L91-L100): quantity words lead to the limit rows
    ("max vcpus per guest", ("limit-guest-vcpus",), "L97"),
    ("how many cpus can a vm have", ("limit-guest-vcpus",), "L97"),
    ("is 24 vcpus supported", ("limit-guest-vcpus",), "L97"),
    ("maximum ram for a guest", ("limit-guest-ram",), "L96"),
    ("how much memory can one vm get", ("limit-guest-ram",), "L96"),
    ("1 TB ram guest", ("limit-guest-ram",), "L96"),
    ("how many nics per vm", ("limit-guest-nics",), "L98"),
    ("max network interfaces in a guest", ("limit-guest-nics",), "L98"),
    ("how many virtio disks per guest", ("limit-block-virtio",), "L99"),
    ("how many ide disks can i attach", ("limit-block-emulated",), "L99"),
    ("how many vms can run on one host", ("limit-max-guests",), "L100"),
    ("vcpu overcommit ratio", ("limit-max-guests",), "L100"),
    ("limit on guests per host", ("limit-max-guests",), "L100"),
    ("host memory limit with kvm", ("limit-host-ram-cpu",), "L95"),
    # -- features, in engineers' words and in the statement's own verbs (L102-L218)
    ("hot add memory", ("feat-ballooning",), "L161-L165"),
    ("change guest memory while it is running", ("feat-ballooning",), "L163"),
    ("dynamically changing the amount of memory", ("feat-ballooning",), "L163"),
    ("add a vcpu to a running guest", ("feat-cpu-hotplug",), "L169-L173"),
    ("dynamically changing the number of vcpus", ("feat-cpu-hotplug",), "L171"),
    ("hot plug a nic", ("feat-device-hotplug",), "L175-L179"),
    ("dynamically adding devices", ("feat-device-hotplug",), "L177"),
    ("run qemu-kvm as a normal user", ("feat-kvm-user",), "L181-L186"),
    ("permission denied on /dev/kvm", ("feat-kvm-user",), "L185-L186"),
    ("pin guests to numa nodes", ("feat-numa",), "L202-L204"),
    ("suspend laptop with vms running", ("feat-host-suspend",), "L188-L193"),
    ("cpu frequency scaling on the host", ("feat-power-management",), "L195-L199"),
    ("changing power states while guests run", ("feat-power-management",), "L197"),
    ("pass a pci card to a guest", ("feat-pci-passthrough",), "L154-L159"),
    ("move a running vm to another host", ("feat-live-migration",), "L141-L148"),
    ("live migration requirements", ("feat-live-migration",), "L145-L148"),
    ("memory page sharing between guests", ("feat-ksm",), "L151-L152"),
    ("set kvm-intel module options", ("feat-kvm-module-parameters",), "L206-L210"),
    ("specifying parameters for the kvm kernel modules", ("feat-kvm-module-parameters",),
     "L208"),
    ("run guests without the kvm modules", ("feat-qemu-only",), "L42-L43, L212-L218"),
    ("can virsh edit the domain xml", ("feat-virsh",), "L124-L128"),
    ("manage guests via virsh", ("feat-virsh",), "L125"),
    ("install a guest with vm-install", ("feat-vm-install",), "L104-L111"),
    ("sound device in virt-manager", ("feat-virt-manager", "opt-soundhw"), "L122, L355"),
    ("debugging kvm exits", ("feat-kvm-stat",), "L137-L139"),
    # -- guest OS rows (L68-L86)
    ("is windows 7 supported as a guest", ("os-win7",), "L86"),
    ("win2k8 r2 guest status", ("os-win2k8",), "L84"),
    ("windows 2003 r2", ("os-win2k3",), "L83"),
    ("windows vista sp1 guest", ("os-winvista",), "L85"),
    ("rhel 5.5 guest", ("os-rhel5",), "L79"),
    ("red hat 6 vm", ("os-rhel6",), "L80"),
    ("sles 9 clock boot option", ("os-sles9-sp4",), "L74-L75"),
    ("sled desktop guest", ("os-sled11-sp1",), "L76"),
    ("sles 11 sp1 guest", ("os-sles11-sp1",), "L70"),
    ("xp sp3 virtio drivers", ("os-winxp",), "L82-L84"),
    # -- command-line options (Appendix A, L272-L373)
    ("lvm volumes for guest disks", ("art-raw-storage",), "L274"),
    ("qcow2 disk images supported?", ("opt-drive", "art-raw-storage"), "L274, L283, L351"),
    ("scsi disk controller", ("opt-drive",), "L351"),
    ("e1000 network card model", ("opt-net",), "L296"),
    ("usb tablet", ("opt-usbdevice",), "L288"),
    ("usb passthrough of a host device", ("opt-usbdevice",), "L356"),
    ("vmware vga", ("opt-vga",), "L358"),
    ("cpu model core2duo", ("opt-cpu",), "L348"),
    ("machine type pc-0.11", ("opt-machine",), "L347"),
    ("huge pages for guest memory", ("opt-mem-path",), "L319"),
    ("guest numa topology", ("opt-numa",), "L349"),
    ("bluetooth in the guest", ("opt-bt",), "L363"),
    ("qmp json monitor", ("opt-qmp",), "L364"),
    ("custom bios file", ("opt-bios",), "L366"),
    ("virtio console", ("opt-virtioconsole",), "L369"),
    ("direct kernel boot", ("opt-kernel",), "L299"),
    ("guest serial console", ("opt-serial",), "L302"),
    ("extra acpi table", ("opt-acpitable",), "L360"),
    ("boot from cdrom", ("opt-boot", "opt-cdrom"), "L282, L285"),
    ("keyboard layout", ("opt-k",), "L287"),
    ("floppy image", ("opt-fda",), "L280"),
    ("sound card for a guest", ("opt-soundhw",), "L355"),
    # -- monitor commands (L321-L406)
    ("take a snapshot of a running vm", ("mon-savevm",), "L379"),
    ("revert to a snapshot", ("mon-loadvm",), "L380"),
    ("send ctrl-alt-del to the guest", ("mon-sendkey",), "L331"),
    ("screenshot of the guest console", ("mon-screendump",), "L378"),
    # mon-xp added after the first run: its title is this question word for word.
    ("dump guest physical memory", ("mon-pmemsave", "mon-xp"), "L329, L337"),
    ("change the cd iso of a running guest", ("mon-change",), "L326"),
    ("limit migration bandwidth", ("mon-migrate_set_speed",), "L339"),
    ("migration downtime", ("mon-migrate_set_downtime",), "L340"),
    ("inject an nmi", ("mon-nmi",), "L391"),
    ("set the nic link down", ("mon-set_link",), "L398"),
    ("port forwarding at run time", ("mon-hostfwd_add",), "L396"),
    ("inject a machine check", ("mon-mce",), "L343"),
    ("password for an encrypted disk image", ("mon-block_passwd",), "L405"),
    ("commit changes to the backing file", ("mon-commit",), "L377"),
    # -- Performance Limits table (L220-L259): speed words lead to the table's cells
    ("emulated disk speed", ("perf-disk-emulated",), "L245-L246"),
    ("virtio network throughput", ("perf-network-paravirtualized",), "L242-L243"),
    ("how fast is virtio-blk", ("perf-disk-paravirtualized",), "L245-L246"),
    ("cpu performance with ept", ("perf-cpu-passthrough",), "L238-L239"),
    ("how slow is tcg", ("perf-cpu-emulated",), "L238-L239"),
    ("realtek nic throughput", ("perf-network-emulated",), "L242-L243"),
    ("cirrus graphics speed", ("perf-graphics-emulated",), "L248-L249"),
    ("shadow page tables performance", ("perf-cpu-passthrough-shadow",), "L240"),
    ("passthrough disk io performance", ("perf-disk-passthrough",), "L245"),
    ("guest clock runs fast", ("perf-time-emulated", "art-timekeeping"), "L251-L257"),
    ("is slow performance a bug", ("art-performance-expectations",), "L232-L235"),
    # -- articles (the statement's prose)
    ("itanium host", ("art-host-arch",), "L34"),
    ("32-bit host", ("art-host-arch",), "L34"),
    ("enable vt-x in the bios", ("art-hardware-virtualization",), "L35-L41"),
    ("kvm module does not load", ("art-hardware-virtualization",), "L41"),
    ("ntp in a guest with kvm-clock", ("art-timekeeping",), "L57-L60"),
    ("two guests with the same mac address", ("art-mac-address",), "L62-L64"),
    ("thin provisioned disks", ("art-overcommit",), "L45-L48"),
    ("images created on sles 11 ga", ("art-pre-sp1-images",), "L66"),
    ("are pv drivers required", ("art-paravirt-drivers",), "L263"),
    ("minimum memory for a guest", ("art-guest-bits-memory",), "L54-L55"),
    ("which qemu-kvm version", ("art-host-status",), "L23"),
    ("is qemu-img supported", ("art-interoperability",), "L28-L30"),
    ("iscsi storage for guests", ("art-raw-storage",), "L274-L275"),
    ("list of unsupported command line options", ("art-appendix-a",), "L345"),
]


def first_answer_rates(engine: Any, cases: list[tuple[str, tuple[str, ...], str]] | None = None
                       ) -> tuple[float, float, list[tuple[str, list[str]]]]:
    """(top-1 rate, top-3 rate, misses as (query, first three ids)) of an engine on a set."""
    cases = FIRST_ANSWER if cases is None else cases
    top1 = top3 = 0
    misses: list[tuple[str, list[str]]] = []
    for query, expected, _line in cases:
        ids = engine.search(query, limit=3).ids
        if ids[:1] and ids[0] in expected:
            top1 += 1
        else:
            misses.append((query, ids))
        top3 += bool(set(ids) & set(expected))
    return top1 / len(cases), top3 / len(cases), misses


# Held out: written after the first round of tuning and never tuned on, to see whether the
# tuning generalises (bench/search.py prints its rates separately; no floor is asserted).
HELD_OUT: list[tuple[str, tuple[str, ...], str]] = [
    ("most memory a vm can have", ("limit-guest-ram",), "L96"),
    ("can a guest have 10 network cards", ("limit-guest-nics",), "L98"),
    ("upper limit of virtio-blk devices", ("limit-block-virtio",), "L99"),
    ("how many guests per core", ("limit-max-guests",), "L100"),
    ("remove a disk from a running guest", ("feat-device-hotplug", "mon-device_del"), "L177"),
    ("unplug a vcpu", ("feat-cpu-hotplug", "mon-cpu_set"), "L169-L173"),
    ("grow the memory of a guest at run time", ("feat-ballooning",), "L163"),
    ("is numactl recommended", ("feat-numa",), "L204"),
    ("kvm group membership", ("feat-kvm-user",), "L185-L186"),
    ("hibernate the host while guests run", ("feat-host-suspend",), "L192"),
    ("assign a physical nic to a vm", ("feat-pci-passthrough", "opt-pcidevice"), "L154-L159"),
    ("shared storage for migration", ("feat-live-migration",), "L146"),
    ("windows 2008 guest support", ("os-win2k8",), "L84"),
    ("rhel 4.8", ("os-rhel4",), "L78"),
    ("sles 10 guest", ("os-sles10-sp3",), "L72"),
    ("qcow2 images", ("opt-drive", "art-raw-storage"), "L274, L351"),
    ("ide disk images", ("opt-hda",), "L281"),
    ("pxe network boot", ("opt-boot",), "L285"),
    ("usb stick in the guest", ("opt-usbdevice",), "L356"),
    ("cpu model kvm64", ("opt-cpu",), "L348"),
    ("smbios serial number", ("opt-smbios",), "L295"),
    ("gdb stub", ("opt-gdb", "mon-gdbserver"), "L307, L327"),
    ("delete a snapshot", ("mon-delvm",), "L381"),
    ("record guest audio", ("mon-wavcapture",), "L389"),
    ("vnc access control list", ("mon-acl_show", "mon-acl_add", "mon-acl_policy"), "L399-L403"),
    ("network throughput with pci passthrough", ("perf-network-passthrough",), "L242"),
    ("virtio disk performance", ("perf-disk-paravirtualized",), "L245-L246"),
    ("how accurate is guest time with kvm-clock", ("perf-time-paravirtualized",), "L251-L252"),
    ("slow vga display", ("perf-graphics-emulated",), "L248-L249"),
    ("bios setting for virtualization", ("art-hardware-virtualization",), "L41"),
    ("default mac address conflict", ("art-mac-address",), "L62-L64"),
    ("disk overcommit", ("art-overcommit",), "L45"),
    ("upgrade guests from sles 11 ga", ("art-pre-sp1-images",), "L66"),
    ("which tools were tested with kvm", ("art-interoperability",), "L28-L30"),
    # added in the issue 10 review (missed at top-1 then; the fix is general words, not these)
    ("add a disk to a running guest", ("feat-device-hotplug", "mon-drive_add"), "L175-L179"),
    ("is a 32 bit host supported", ("art-host-arch",), "L34"),
    ("maximun vcpus", ("limit-guest-vcpus",), "L97"),
]

# Unseen: written in the issue 10 review from the statement, before the second round of
# tuning, and never tuned on. HELD_OUT has been tuned on by now (its misses were fixed), so
# this set is what says whether that tuning generalises. No floor is asserted.
UNSEEN: list[tuple[str, tuple[str, ...], str]] = [
    ("detach a nic from a running vm", ("feat-device-hotplug", "mon-device_del"), "L177"),
    ("take a cpu offline in a running guest", ("feat-cpu-hotplug", "mon-cpu_set"), "L171"),
    ("attach a usb device to a running guest", ("mon-usb_add", "feat-device-hotplug"), "L177"),
    ("change number of cpus while the guest runs", ("feat-cpu-hotplug",), "L171"),
    ("shrink guest memory without a reboot", ("feat-ballooning",), "L163"),
    ("pass a gpu through to a guest", ("feat-pci-passthrough", "opt-pcidevice"), "L154-L159"),
    ("give a guest direct access to a host network card",
     ("feat-pci-passthrough", "opt-pcidevice"), "L154-L159"),
    ("is intel vt-d needed for passthrough", ("feat-pci-passthrough",), "L156"),
    ("enable amd-v", ("art-hardware-virtualization",), "L35-L41"),
    ("kvm on powerpc", ("art-host-arch",), "L34"),
    ("arm host support", ("art-host-arch",), "L34"),
    ("ia64 support", ("art-host-arch",), "L34"),
    ("x86 32-bit host", ("art-host-arch",), "L34"),
    ("largest number of vcpus", ("limit-guest-vcpus",), "L97"),
    ("maxium memory per guest", ("limit-guest-ram",), "L96"),
    ("virtio nic througput", ("perf-network-paravirtualized",), "L242-L243"),
    ("ballon driver in windows", ("feat-ballooning",), "L165"),
    ("run kvm without root", ("feat-kvm-user",), "L185-L186"),
    ("guest time drifts", ("art-timekeeping",), "L57-L60"),
    ("hot remove a nic", ("feat-device-hotplug", "mon-device_del"), "L177"),
]
