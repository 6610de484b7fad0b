"""qemu and libvirt device names -> the case file's words (bus, NIC model, video, devices).

This is vocabulary, not judgement: it says that `virtio-net-pci` is a virtio NIC and that
`/dev/HostVG/lv0` is a logical volume; the triage rules decide what that means for support.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

# -device driver -> NIC model word (the words `-net nic,model=` and libvirt's <model> use).
NIC_DRIVERS: Mapping[str, str] = MappingProxyType({
    "virtio-net-pci": "virtio", "virtio-net": "virtio", "virtio-net-device": "virtio",
    "virtio-net-ccw": "virtio", "virtio-net-pci-transitional": "virtio",
    "virtio-net-pci-non-transitional": "virtio", "rtl8139": "rtl8139", "e1000": "e1000",
    "e1000-82540em": "e1000", "e1000-82544gc": "e1000", "e1000-82545em": "e1000",
    "e1000e": "e1000e", "ne2k_pci": "ne2k_pci", "ne2k_isa": "ne2k_isa", "pcnet": "pcnet",
    "i82551": "i82551", "i82557b": "i82557b", "i82559er": "i82559er", "vmxnet3": "vmxnet3",
    "usb-net": "usb-net", "spapr-vlan": "spapr-vlan", "smc91c111": "smc91c111",
    "netfront": "netfront",
})
# -device driver -> disk bus.
DISK_DRIVERS: Mapping[str, str] = MappingProxyType({
    "virtio-blk-pci": "virtio", "virtio-blk": "virtio", "virtio-blk-device": "virtio",
    "virtio-blk-ccw": "virtio", "virtio-blk-pci-non-transitional": "virtio",
    "virtio-blk-pci-transitional": "virtio", "vhost-user-blk-pci": "virtio",
    "ide-drive": "ide", "ide-hd": "ide", "ide-cd": "ide", "scsi-disk": "scsi",
    "scsi-hd": "scsi", "scsi-cd": "scsi", "scsi-block": "scsi", "scsi-generic": "scsi",
    "usb-storage": "usb", "usb-bot": "usb", "floppy": "floppy", "nvme": "nvme",
})
# -device driver -> video word; -vga value -> video word; libvirt <model type> -> video word.
VIDEO_DRIVERS: Mapping[str, str] = MappingProxyType({
    "VGA": "std", "isa-vga": "std", "secondary-vga": "std", "cirrus-vga": "cirrus",
    "isa-cirrus-vga": "cirrus", "qxl-vga": "qxl", "qxl": "qxl", "vmware-svga": "vmware",
    "virtio-vga": "virtio", "virtio-gpu-pci": "virtio", "virtio-gpu": "virtio",
    "virtio-vga-gl": "virtio", "virtio-gpu-gl-pci": "virtio", "bochs-display": "bochs",
    "ramfb": "ramfb",
})
VGA_VALUES: Mapping[str, str] = MappingProxyType({
    "std": "std", "cirrus": "cirrus", "vmware": "vmware", "qxl": "qxl", "xenfb": "xen",
    "none": "none", "virtio": "virtio", "tcx": "tcx", "cg3": "cg3",
})
XML_VIDEO: Mapping[str, tuple[str, str]] = MappingProxyType({  # model -> (video word, -vga)
    "vga": ("std", "std"), "cirrus": ("cirrus", "cirrus"), "vmvga": ("vmware", "vmware"),
    "xen": ("xen", "xenfb"), "qxl": ("qxl", "qxl"), "none": ("none", "none"),
    "virtio": ("virtio", "virtio"), "vbox": ("vbox", "vbox"), "bochs": ("bochs", "bochs"),
    "ramfb": ("ramfb", "ramfb"), "gop": ("gop", "gop"),
})
SOUND_DRIVERS: frozenset[str] = frozenset({
    "intel-hda", "ich9-intel-hda", "AC97", "ac97", "ES1370", "es1370", "sb16", "cs4231a",
    "gus", "adlib", "hda-duplex", "hda-micro", "hda-output", "usb-audio",
})
PASSTHROUGH_DRIVERS: frozenset[str] = frozenset({
    "pci-assign", "kvm-pci-assign", "vfio-pci", "vfio-pci-nohotplug",
})
# -device usb-tablet keeps its driver name: the same device as -usbdevice tablet, but a driver
# the -device list does not name, which triage judges as such (one judgement for both).
USB_DEVICE_DRIVERS: Mapping[str, str] = MappingProxyType({
    "usb-tablet": "usb-tablet", "usb-wacom-tablet": "usb-wacom-tablet",
    "usb-mouse": "usb-mouse", "usb-host": "usb-host", "usb-kbd": "usb-kbd",
    "usb-redir": "usb-redir",
})
# -usbdevice NAME -> devices word (others become "usb-NAME").
USBDEVICE_NAMES: Mapping[str, str] = MappingProxyType({
    "tablet": "tablet", "mouse": "mouse", "host": "usb-host", "keyboard": "keyboard",
})
# qemu image format drivers (a -blockdev node of these is the format layer).
FORMAT_DRIVERS: frozenset[str] = frozenset({
    "raw", "qcow2", "qcow", "vmdk", "vdi", "vpc", "vhdx", "qed", "luks", "cloop", "dmg",
    "parallels", "bochs", "cow",
})
NETWORK_PROTOCOLS: frozenset[str] = frozenset({
    "rbd", "nbd", "sheepdog", "gluster", "http", "https", "ftp", "ftps", "tftp", "ssh",
    "vxhs", "nfs", "iscsi",
})

# Storage words for case disks: what the statement's raw-storage note distinguishes.
STORAGE_FILE, STORAGE_LVM, STORAGE_PARTITION, STORAGE_DISK = "file", "lvm", "partition", "disk"
STORAGE_ISCSI, STORAGE_NETWORK, STORAGE_POOL = "iscsi", "network", "pool"

_PARTITION = re.compile(
    r"/dev/(?:[shv]d[a-z]+\d+|xvd[a-z]+\d+|nvme\d+n\d+p\d+|mmcblk\d+p\d+|disk/by-[a-z]+/.*-part\d+)")
_WHOLE_DISK = re.compile(
    r"/dev/(?:[shv]d[a-z]+|xvd[a-z]+|nvme\d+n\d+|mmcblk\d+|sr\d+|cdrom|disk/by-[a-z]+/.*|cciss/.*)")
_DEV_DIRS = ("disk", "cciss", "mapper", "pts", "shm", "fd", "input", "net", "bus", "snd")


def storage_of(path: str) -> str | None:
    """What backs a disk, from its path or URL; None when there is nothing to tell."""
    path = path.strip()
    if not path or path.startswith(("fd:", "/dev/fdset/")):
        return None
    scheme = re.match(r"([a-z][a-z0-9+]*)(?::|\+)", path)
    if scheme and scheme.group(1) in NETWORK_PROTOCOLS:
        return STORAGE_ISCSI if scheme.group(1) == "iscsi" else STORAGE_NETWORK
    if "iscsi" in path and path.startswith("/dev/disk/by-path/"):
        return STORAGE_ISCSI
    if path.startswith("/dev/"):
        if path.startswith("/dev/mapper/") or path.startswith("/dev/dm-"):
            return STORAGE_LVM
        if _PARTITION.fullmatch(path):
            return STORAGE_PARTITION
        if _WHOLE_DISK.fullmatch(path):
            return STORAGE_DISK
        parts = path.split("/")
        if len(parts) == 4 and parts[2] not in _DEV_DIRS:  # /dev/VG/LV
            return STORAGE_LVM
        return STORAGE_DISK
    return STORAGE_FILE


def storage_of_blockdev(driver: str, params: Mapping[str, str]) -> str | None:
    """Storage of a -blockdev protocol node (`file`, `host_device`, `iscsi`, `rbd`...)."""
    if driver in ("file", "host_device", "host_cdrom"):
        return storage_of(params.get("filename", ""))
    if driver == "iscsi":
        return STORAGE_ISCSI
    if driver in NETWORK_PROTOCOLS:
        return STORAGE_NETWORK
    return None


def usbdevice_word(value: str) -> str:
    """`-usbdevice tablet` -> tablet, `host:1234:5678` -> usb-host, `disk:x.img` -> usb-disk."""
    name = value.split(":", 1)[0].strip()
    return USBDEVICE_NAMES.get(name, f"usb-{name}" if name else "usb")
