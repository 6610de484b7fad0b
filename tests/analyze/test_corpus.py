"""The real-world corpus (../shared/corpus): every file analyzes, and named files say the
right things.

The corpus is third-party test data beside the repository, not part of the project: where it
is absent (a fresh clone) the whole module is skipped with one line, and test_samples.py covers
the same analyzer paths with the project's own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvmhelpdesk.analyze import Analysis
from kvmhelpdesk.kb import KnowledgeBase
from tests.analyze.support import (
    CORPUS,
    CORPUS_ABSENT,
    analyze_file_text,
    assert_valid_analysis,
    corpus_text,
    only_guest,
    statuses,
)

if not CORPUS.is_dir():
    pytest.skip(CORPUS_ABSENT, allow_module_level=True)

FILES = sorted([*CORPUS.glob("args-*/*.args"), *CORPUS.glob("xml/*.xml")])


def analyze(kb: KnowledgeBase, relative: str) -> Analysis:
    return analyze_file_text(kb, relative, corpus_text(relative))


def test_the_corpus_is_all_there() -> None:
    assert len([f for f in FILES if f.suffix == ".args"]) >= 270
    assert len([f for f in FILES if f.suffix == ".xml"]) >= 160


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_corpus_file_analyzes_into_a_valid_case(kb: KnowledgeBase, path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert_valid_analysis(analyze_file_text(kb, path.name, text))


# ------------------------------------------------------------------ spot checks, named files
def test_minimal_legacy(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-legacy/v0.7.6__qemuxml2argv-minimal.args")
    assert only_guest(analysis) == {
        "name": "QEMUGuest1", "vcpus": 1, "memory_mb": 214, "nics": [],
        "disks": [{"bus": "ide", "storage": "lvm", "snapshot": False}]}
    assert "unsupported" not in statuses(analysis).values()
    assert statuses(analysis)["-usb"] == "unlisted"


def test_environment_value_with_a_space(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-legacy/v0.8.8__qemuxml2argv-disk-drive-network-rbd.args")
    assert only_guest(analysis)["disks"][1] == {"bus": "virtio", "format": "raw",
                                                "storage": "network", "snapshot": False}
    assert "-m 214" in statuses(analysis)


def test_continuation_inside_a_word_and_net_socket(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-legacy/v0.10.2__qemuxml2argv-net-client.args")
    assert only_guest(analysis)["nics"] == [{"mac": "52:54:00:8c:b9:05"}]
    assert statuses(analysis)["-net socket,connect=192.168.0.1:5558,vlan=0"] == "unsupported"


def test_unquoted_smbios_values_with_spaces(kb: KnowledgeBase) -> None:
    result = statuses(analyze(kb, "args-legacy/v0.8.8__qemuxml2argv-smbios.args"))
    assert result["-smbios type=0,vendor=LENOVO,version=6FET82WW (3.12 )"] == "supported"
    assert any(k.endswith("family=Red Hat") for k in result)


def test_unknown_option_and_empty_environment_value(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-legacy/v0.8.8__qemuxml2argv-qemu-ns.args")
    assert statuses(analysis)["-unknown parameter"] == "unlisted"
    assert only_guest(analysis)["memory_mb"] == 214


def test_qemu_sh_binary_and_refused_cpu_model(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-legacy/v0.10.2__qemuxml2argv-cpu-host-model.args")
    result = statuses(analysis)
    assert result["-cpu core2duo,+lahf_lm,+xtpr,+cx16,+tm2,+est,+vmx,+ds_cpl,+pbe,+tm,+ht,+ss,"
                  "+acpi,+ds"] == "unsupported"
    assert only_guest(analysis)["vcpus"] == 6


def test_qcow2_drive(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-legacy/v0.10.2__qemuxml2argv-disk-drive-fmt-qcow.args")
    assert statuses(analysis)["-drive file=/dev/HostVG/QEMUGuest1,if=ide,bus=0,unit=0,"
                              "format=qcow2"] == "unsupported"
    assert [d.get("format") for d in only_guest(analysis)["disks"]] == ["qcow2", "raw"]


def test_incoming_migration(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-legacy/v0.10.2__qemuxml2argv-migrate.args")
    assert only_guest(analysis)["features"] == ["live-migration"]
    assert statuses(analysis)["-incoming tcp:10.0.0.1:5000"] == "supported"


def test_pci_assign_device(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-legacy/v0.10.2__qemuxml2argv-hostdev-pci-address-device.args")
    guest = only_guest(analysis)
    assert guest["features"] == ["pci-passthrough"]
    assert guest["devices"] == ["pci-passthrough", "balloon"]
    assert statuses(analysis)["-device pci-assign,host=06:12.5,id=hostdev0,bus=pci.0,"
                              "addr=0x3"] == "unlisted"  # needs review (L155, L289, L318, L357)


def test_guest_numa_is_refused(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-legacy/v0.10.2__qemuxml2argv-cpu-numa1.args")
    assert statuses(analysis)["-numa node,nodeid=0,cpus=0-7,mem=107"] == "unsupported"
    assert only_guest(analysis)["vcpus"] == 16


def test_sound_cards(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-legacy/v0.7.6__qemuxml2argv-sound.args")
    assert only_guest(analysis)["devices"] == ["sound"]
    # one problem, reported once: triage judges the guest's sound device
    assert [o.status for o in analysis.options if o.option == "-soundhw"] == ["unsupported"]
    assert [f for f in analysis.findings if f.status == "unsupported"] == []


def test_hugepages_path_is_not_a_second_binary(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-legacy/v0.7.6__qemuxml2argv-hugepages.args")
    assert statuses(analysis)["-mem-path /dev/hugepages/libvirt/qemu"] == "supported"
    assert statuses(analysis)["-mem-prealloc"] == "unlisted"


def test_modern_blockdev_qcow2_under_tcg(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-modern/current__disk-fmt-qcow.x86_64-latest.args")
    guest = only_guest(analysis)
    assert guest["disks"][0] == {"bus": "ide", "format": "qcow2", "storage": "lvm",
                                 "snapshot": False}
    assert guest["features"] == ["qemu-only"] and guest["memory_mb"] == 214
    assert analysis.host == {}


def test_modern_host_passthrough_cpu(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-modern/current__cpu-host-passthrough.x86_64-latest.args")
    assert statuses(analysis)["-cpu host,migratable=on"] == "unsupported"
    assert analysis.host == {"arch": "x86_64"}
    assert only_guest(analysis)["name"] == "QEMUGuest1"


def test_modern_nic_models_and_a_driver_that_does_not_exist(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-modern/git8970094__net-many-models.args")
    models = [n["model"] for n in only_guest(analysis)["nics"]]
    assert models == ["vmxnet3", "netfront", "virtio", "ne2k_pci", "pcnet"]
    result = statuses(analysis)
    assert result["-device idontexist,netdev=hostnet0,id=net0,mac=00:11:22:33:44:55,bus=pci.0,"
                  "addr=0x2"] == "unsupported"
    assert result["-machine pc,accel=tcg,usb=off,dump-guest-core=off"] == "supported"


def test_aarch64_guest(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "args-modern/git8970094__aarch64-virt-headless.aarch64-latest.args")
    assert only_guest(analysis)["features"] == ["qemu-only"]
    assert any(k.startswith("-machine virt,") and v == "unsupported"
               for k, v in statuses(analysis).items())
    assert statuses(analysis)["-cpu cortex-a15"] == "unsupported"


def test_three_concatenated_virt_install_domains(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "xml/virtinst88603e4__compare__kvm-win2k3-cdrom.xml")
    assert [g["name"] for g in analysis.guests] == ["foobar", "foobar (2)", "foobar (3)"]
    first = analysis.guests[0]
    assert first["memory_mb"] == 64 and first["devices"] == ["sound", "usb-tablet"]
    assert first["nics"] == [{"mac": "00:11:22:33:44:55"}] and first["video"] == "std"
    assert analysis.host == {"arch": "x86_64"}


@pytest.mark.parametrize("relative, kind", [
    ("xml/v0.10.2__domainschemadata__domain-lxc-simple.xml", "lxc"),
    ("xml/v0.10.2__sexpr2xmldata__sexpr2xml-fv-net-ioemu.xml", "xen"),
    ("xml/v0.10.2__vmx2xmldata__vmx2xml-esx-in-the-wild-1.xml", "vmware"),
    ("xml/v0.10.2__test__testdomfv0.xml", "test"),
])
def test_other_hypervisors(kb: KnowledgeBase, relative: str, kind: str) -> None:
    analysis = analyze(kb, relative)
    assert analysis.guests == []
    [finding] = analysis.findings
    assert finding.status == "unsupported" and f"type='{kind}'" in finding.message


def test_qemu_commandline_passthrough(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "xml/git8970094__qemuxml2xmloutdata__qemu-ns.x86_64-latest.xml")
    [item] = [o for o in analysis.options if o.option == "-unknown"]
    assert (item.value, item.status) == ("parameter", "unlisted")
    assert item.message.startswith("from <qemu:commandline>")


def test_old_memory_in_kib_without_unit(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "xml/v0.7.6__qemuxml2argvdata__qemuxml2argv-minimal.xml")
    guest = only_guest(analysis)
    assert guest["memory_mb"] == 214 and guest["bits"] == 32
    assert guest["features"] == ["qemu-only"]


def test_vfio_hostdev(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "xml/git8970094__qemuxml2xmloutdata__hostdev-vfio.xml")
    assert "pci-passthrough" in only_guest(analysis)["features"]
    # <driver name='vfio'/>: a later libvirt starts it as -device vfio-pci, a driver outside
    # the -device list (kvm-supported.txt L289, L357) and outside qemu-kvm 0.12.
    assert statuses(analysis)["-device vfio-pci,host=06:12.1"] == "unsupported"


def test_qcow2_in_xml(kb: KnowledgeBase) -> None:
    analysis = analyze(kb, "xml/v0.7.6__qemuxml2argvdata__qemuxml2argv-disk-drive-fmt-qcow.xml")
    assert any(d.get("format") == "qcow2" for d in only_guest(analysis)["disks"])
    assert any(o.entry == "opt-drive" and o.status == "unsupported" for o in analysis.options)
