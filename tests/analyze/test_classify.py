"""Option classification comes from the knowledge base's lists, never from code."""

from __future__ import annotations

import pytest

from kvmhelpdesk.analyze import analyze_qemu_cmdline
from kvmhelpdesk.analyze.classify import Classifier
from kvmhelpdesk.analyze.options import make_option
from kvmhelpdesk.kb import KnowledgeBase


def account(kb: KnowledgeBase, cmdline: str) -> dict[str, tuple[str, str | None, str]]:
    """option value -> (status, entry, message) for a one-guest command line."""
    analysis = analyze_qemu_cmdline(cmdline, kb)
    return {f"{o.option} {o.value}".strip(): (o.status, o.entry, o.message)
            for o in analysis.options}


@pytest.mark.parametrize("cmdline, key, entry", [
    ("-drive file=/x.qcow2,format=qcow2", "-drive file=/x.qcow2,format=qcow2", "opt-drive"),
    ("-drive file=/x,if=scsi", "-drive file=/x,if=scsi", "opt-drive"),
    ("-drive file=/x,snapshot=on", "-drive file=/x,snapshot=on", "opt-drive"),
    ("-net nic,model=e1000", "-net nic,model=e1000", "opt-net"),
    ("-device lsi", "-device lsi", "opt-device"),
    ("-cpu core2duo", "-cpu core2duo", "opt-cpu"),
    ("-M pc-0.11", "-M pc-0.11", "opt-machine"),
    ("-vga vmware", "-vga vmware", "opt-vga"),
    ("-usbdevice disk:/tmp/usb.img", "-usbdevice disk:/tmp/usb.img", "opt-usbdevice"),
    ("-soundhw ac97", "-soundhw ac97", "opt-soundhw"),
    ("-net socket,listen=:5000", "-net socket,listen=:5000", "opt-net"),
    ("-machine q35,accel=kvm", "-machine q35,accel=kvm", "opt-machine"),
])
def test_issue_examples_are_unsupported(kb: KnowledgeBase, cmdline: str, key: str,
                                        entry: str) -> None:
    status, found_entry, message = account(kb, f"qemu-kvm {cmdline}")[key]
    assert (status, found_entry) == ("unsupported", entry)
    assert "not supported" in message


@pytest.mark.parametrize("cmdline, key", [
    ("-drive file=/dev/vg/lv,if=virtio,format=raw,cache=none", "-drive "
     "file=/dev/vg/lv,if=virtio,format=raw,cache=none"),
    ("-M pc-0.12", "-M pc-0.12"),
    ("-cpu qemu64,+x2apic", "-cpu qemu64,+x2apic"),
    ("-net nic,model=virtio,macaddr=52:54:00:00:00:01", "-net "
     "nic,model=virtio,macaddr=52:54:00:00:00:01"),
    ("-device virtio-net-pci,netdev=n0", "-device virtio-net-pci,netdev=n0"),
    ("-usbdevice tablet", "-usbdevice tablet"),
    ("-vga cirrus", "-vga cirrus"),
    ("-smp 4,sockets=1,cores=4", "-smp 4,sockets=1,cores=4"),
    ("-std-vga", "-std-vga"),
])
def test_supported_examples(kb: KnowledgeBase, cmdline: str, key: str) -> None:
    status, entry, _ = account(kb, f"qemu-kvm {cmdline}")[key]
    assert status == "supported" and entry


@pytest.mark.parametrize("flag", ["-S", "-nodefaults", "-nodefconfig", "-enable-kvm", "-no-acpi",
                                  "-rtc-td-hack", "-usb", "-localtime", "-no-reboot"])
def test_options_libvirt_adds_are_not_covered_not_refused(kb: KnowledgeBase, flag: str) -> None:
    analysis = analyze_qemu_cmdline(f"/usr/bin/qemu-kvm {flag} -m 512", kb)
    item = analysis.options[0]
    assert (item.option, item.status, item.entry) == (flag, "unlisted", None)
    assert "libvirt adds it" in item.message
    [finding] = [f for f in analysis.findings if f.message.startswith(flag)]
    assert finding.status == "unlisted" and finding.rule == "qemu-option"


def test_unknown_and_later_options_are_unlisted_with_their_reason(kb: KnowledgeBase) -> None:
    result = account(kb, "qemu-system-x86_64 -blockdev {} -unknown parameter -spice port=5900")
    assert result["-blockdev {}"][0] == "unlisted"
    assert "later or other qemu" in result["-blockdev {}"][2]
    assert result["-unknown parameter"][0] == "unlisted"
    assert "does not list it" in result["-spice port=5900"][2]


def test_no_kvm_is_judged_through_the_feature_and_left_to_triage(kb: KnowledgeBase) -> None:
    analysis = analyze_qemu_cmdline("qemu-kvm -no-kvm -m 512", kb)
    item = analysis.options[0]
    assert (item.status, item.entry) == ("unsupported", "feat-qemu-only")
    assert not [f for f in analysis.findings if f.entry == "feat-qemu-only"]
    assert analysis.guests[0]["features"] == ["qemu-only"]


def test_unsupported_option_becomes_a_cited_verdict_finding(kb: KnowledgeBase) -> None:
    analysis = analyze_qemu_cmdline("qemu-kvm -name web1 -M isapc -m 512", kb)
    [finding] = [f for f in analysis.findings if f.status == "unsupported"]
    assert finding.rule == "qemu-option"
    assert finding.scope == "guest:web1"
    assert finding.entry == "opt-machine"
    assert finding.section == kb.section_heading(kb.get("opt-machine"))
    assert "isapc" in finding.message
    assert finding.key == "qemu-option@guest:web1#-M"


def test_the_same_options_follow_another_release(small_kb: KnowledgeBase) -> None:
    """A release's content changes results without a code change."""
    result = account(small_kb, "qemu-kvm -M pc -drive file=/x,format=qcow2 -smp 2 -soundhw ac97")
    assert result["-M pc"][0] == "unsupported"
    assert result["-drive file=/x,format=qcow2"][0] == "supported"
    assert result["-smp 2"][0] == "unsupported"
    assert result["-soundhw ac97"][0] == "supported"
    other = account(small_kb, "qemu-kvm -drive file=/x,format=raw -M pc-0.11 -no-kvm")
    assert other["-drive file=/x,format=raw"][0] == "unsupported"
    assert other["-M pc-0.11"][0] == "supported"
    assert other["-no-kvm"][:2] == ("unlisted", "feat-qemu-only")


def test_a_spelling_the_content_names_itself_wins(small_kb: KnowledgeBase) -> None:
    classifier = Classifier(small_kb)
    item = classifier.classify(make_option("-machine", "pc"), "guest:g")
    assert (item.status, item.entry) == ("unsupported", "opt-machine")
    assert "later spelling of -M" in item.message


def test_unknown_release_is_an_analyze_error(kb: KnowledgeBase) -> None:
    from kvmhelpdesk.analyze import AnalyzeError

    with pytest.raises(AnalyzeError, match="unknown release"):
        analyze_qemu_cmdline("qemu-kvm -m 1", kb, release="sles99")


def test_repeated_unlisted_option_is_one_item_to_review(kb: KnowledgeBase) -> None:
    analysis = analyze_qemu_cmdline("qemu-system-x86_64 -object a,id=1 -object b,id=2", kb)
    assert [o.status for o in analysis.options] == ["unlisted", "unlisted"]
    [finding] = analysis.findings
    assert finding.message.startswith("-object: ")


def test_an_option_rated_tech_preview_counts_as_such() -> None:
    from tests.analyze.support import fake_kb, option

    kb = fake_kb([option("opt-numa", "-numa", status="tech-preview")])
    analysis = analyze_qemu_cmdline("qemu-kvm -numa node", kb)
    assert analysis.options[0].status == "tech-preview"
    assert analysis.options[0].message.startswith("tech preview: ")
    assert [f.status for f in analysis.findings] == ["tech-preview"]


def test_if_none_is_needs_review_and_the_device_decides(kb: KnowledgeBase) -> None:
    lines = account(kb, "qemu-kvm -drive file=/x.img,if=none,id=d0,format=raw "
                        "-device virtio-blk-pci,drive=d0")
    status, entry, message = lines["-drive file=/x.img,if=none,id=d0,format=raw"]
    assert (status, entry) == ("unlisted", "opt-drive") and "needs review" in message
    assert lines["-device virtio-blk-pci,drive=d0"][0] == "supported"
    qcow = account(kb, "qemu-kvm -drive file=/x,if=none,id=d0,format=qcow2")
    assert qcow["-drive file=/x,if=none,id=d0,format=qcow2"][0] == "unsupported"
