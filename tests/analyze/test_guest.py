"""A guest (and host hints) derived from a command line, in case-file format v1."""

from __future__ import annotations

from typing import Any

import pytest

from kvmhelpdesk.analyze import analyze_qemu_cmdline
from kvmhelpdesk.analyze.devices import storage_of
from kvmhelpdesk.analyze.guest import parse_memory_mb
from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.triage.case import case_problems


def guest_of(kb: KnowledgeBase, cmdline: str) -> dict[str, Any]:
    analysis = analyze_qemu_cmdline(cmdline, kb)
    case = {"format": "kvmhelpdesk-case", "version": 1, "host": analysis.host,
            "guests": analysis.guests}
    assert case_problems(case) == []
    [guest] = analysis.guests
    return guest


@pytest.mark.parametrize("value, mb", [
    ("512", 512), ("512M", 512), ("1G", 1024), ("1.5G", 1536), ("219136k", 214), ("2T", 2097152),
    ("1024MB", 1024), ("0", None), ("lots", None), ("", None), (None, None),
])
def test_memory_sizes(value: str | None, mb: int | None) -> None:
    assert parse_memory_mb(value) == mb


@pytest.mark.parametrize("smp, vcpus", [
    ("4", 4), ("cpus=6,sockets=6", 6), ("sockets=2,cores=4,threads=2", 16), ("1,maxcpus=4", 1),
])
def test_vcpus(kb: KnowledgeBase, smp: str, vcpus: int) -> None:
    assert guest_of(kb, f"qemu-kvm -smp {smp}")["vcpus"] == vcpus


def test_nothing_is_assumed_for_missing_options(kb: KnowledgeBase) -> None:
    assert guest_of(kb, "qemu-kvm -S") == {"name": "guest1"}


def test_a_full_legacy_guest(kb: KnowledgeBase) -> None:
    guest = guest_of(kb, (
        "/usr/bin/qemu-kvm -name web1 -m 2G -smp 2 -hda /dev/system/web1 -cdrom /iso/sles.iso "
        "-fda /tmp/floppy.img -drive file=/srv/data.qcow2,if=virtio,format=qcow2,snapshot=on "
        "-net nic,model=virtio,macaddr=52:54:00:12:34:56 -net tap -net nic -vga std "
        "-soundhw ac97 -usbdevice tablet -usbdevice host:1234:5678 -pcidevice host=06:00.0 "
        "-balloon virtio -incoming tcp:0:4444 -kernel /boot/vmlinuz -append "
        "\"root=/dev/vda clock=pmtmr\""))
    assert guest == {
        "name": "web1", "vcpus": 2, "memory_mb": 2048, "boot_options": "root=/dev/vda clock=pmtmr",
        "disks": [
            {"bus": "ide", "storage": "lvm", "snapshot": False},
            {"bus": "ide", "storage": "file", "snapshot": False},
            {"bus": "floppy", "storage": "file", "snapshot": False},
            {"bus": "virtio", "format": "qcow2", "storage": "file", "snapshot": True},
        ],
        "nics": [{"model": "virtio", "mac": "52:54:00:12:34:56"}, {"mac": None}],
        "video": "std",
        "devices": ["sound", "tablet", "usb-host", "pci-passthrough", "balloon"],
        "features": ["pci-passthrough", "live-migration"],
    }


def test_snapshot_flag_applies_to_every_disk(kb: KnowledgeBase) -> None:
    guest = guest_of(kb, "qemu-kvm -snapshot -hda a.img -drive file=b.img,if=virtio")
    assert [d["snapshot"] for d in guest["disks"]] == [True, True]


def test_drive_and_device_pairs(kb: KnowledgeBase) -> None:
    guest = guest_of(kb, (
        "qemu-kvm -drive file=/dev/sdb,if=none,id=drive-virtio-disk0,format=raw "
        "-device virtio-blk-pci,drive=drive-virtio-disk0 "
        "-drive if=none,id=drive-fdc0-0-0,file=/f.img -global isa-fdc.driveA=drive-fdc0-0-0 "
        "-drive file=/dev/sdc1,if=none,id=unused "
        "-netdev tap,id=hostnet0 -device e1000,netdev=hostnet0,mac=52:54:00:00:00:02 "
        "-device cirrus-vga -device pci-assign,host=06:00.0 -device intel-hda "
        "-device usb-tablet -device virtio-balloon-pci"))
    assert guest["disks"] == [
        {"bus": "virtio", "format": "raw", "storage": "disk", "snapshot": False},
        {"bus": "floppy", "storage": "file", "snapshot": False},
    ]
    assert guest["nics"] == [{"model": "e1000", "mac": "52:54:00:00:00:02"}]
    assert guest["video"] == "cirrus"
    # -device usb-tablet keeps its driver name: triage judges that route (L288, L289)
    assert guest["devices"] == ["pci-passthrough", "sound", "usb-tablet", "balloon"]
    assert guest["features"] == ["pci-passthrough"]


def test_blockdev_chain_gives_format_and_storage(kb: KnowledgeBase) -> None:
    guest = guest_of(kb, (
        "qemu-system-x86_64 -nodefaults "
        "-blockdev '{\"driver\":\"host_device\",\"filename\":\"/dev/HostVG/g\","
        "\"node-name\":\"s1\"}' "
        "-blockdev '{\"node-name\":\"f1\",\"driver\":\"qcow2\",\"file\":\"s1\"}' "
        "-device '{\"driver\":\"ide-hd\",\"drive\":\"f1\"}' "
        "-blockdev '{\"driver\":\"iscsi\",\"node-name\":\"s2\",\"target\":\"iqn.x\"}' "
        "-device '{\"driver\":\"scsi-hd\",\"drive\":\"s2\"}'"))
    assert guest["disks"] == [
        {"bus": "ide", "format": "qcow2", "storage": "lvm", "snapshot": False},
        {"bus": "scsi", "storage": "iscsi", "snapshot": False},
    ]
    assert guest["video"] == "none"


def test_net_none_means_no_nics_and_qemu_only_modes(kb: KnowledgeBase) -> None:
    assert guest_of(kb, "qemu -net none")["nics"] == []
    assert guest_of(kb, "qemu-system-x86_64 -accel tcg")["features"] == ["qemu-only"]
    assert guest_of(kb, "qemu-system-x86_64 -machine pc,accel=tcg")["features"] == ["qemu-only"]
    assert "features" not in guest_of(kb, "qemu-system-x86_64 -machine pc,accel=kvm")


def test_host_hints(kb: KnowledgeBase) -> None:
    analysis = analyze_qemu_cmdline(
        "root 42 1 0 10:00 ? 00:00:01 /usr/bin/qemu-system-x86_64 -m 512", kb)
    assert analysis.host == {"arch": "x86_64", "qemu_user": "root"}
    assert analyze_qemu_cmdline("qemu-system-i386 -m 512", kb).host == {}
    assert analyze_qemu_cmdline("qemu-system-x86_64 -no-kvm", kb).host == {}


def test_guest_names_are_unique_per_paste(kb: KnowledgeBase) -> None:
    analysis = analyze_qemu_cmdline("qemu-kvm -name a -m 1\nqemu-kvm -name a -m 2\nkvm -m 3", kb)
    assert [g["name"] for g in analysis.guests] == ["a", "a (2)", "guest3"]
    assert {o.scope for o in analysis.options} == {"guest:a", "guest:a (2)", "guest:guest3"}


@pytest.mark.parametrize("path, storage", [
    ("/var/lib/libvirt/images/a.img", "file"), ("/dev/HostVG/QEMUGuest1", "lvm"),
    ("/dev/mapper/vg-lv", "lvm"), ("/dev/sda", "disk"), ("/dev/sda2", "partition"),
    ("/dev/disk/by-id/ata-X-part1", "partition"), ("/dev/disk/by-id/ata-X", "disk"),
    ("/dev/disk/by-path/ip-1.2.3.4:3260-iscsi-iqn.x-lun-0", "iscsi"),
    ("iscsi://host/iqn.x/1", "iscsi"), ("rbd:pool/image", "network"),
    ("nbd:example.org:6000", "network"), ("http://example.org/a.iso", "network"),
    ("", None), ("/dev/nvme0n1p3", "partition"), ("/dev/cdrom", "disk"),
])
def test_storage_words(path: str, storage: str | None) -> None:
    assert storage_of(path) == storage
