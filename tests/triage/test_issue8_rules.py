"""Issue 8's rules: the host's own release and the judgement calls, each against the line of
kvm-supported.txt it follows."""

from __future__ import annotations

import shutil

import pytest

from kvmhelpdesk.triage import check, check_guest, match_os
from tests.helpers.cases import disk, make_case, make_guest, make_host


def host_os(kb, text):
    host = make_host() if text is None else make_host(os=text)
    verdict = check(make_case(host=host), kb)
    return next(f for f in verdict.findings if f.rule == "host.os"), verdict


# ---------------------------------------------------------------- the host's own release

@pytest.mark.parametrize(("text", "status"), [
    ("SLES 11 SP1", "supported"),
    ("SUSE Linux Enterprise Server 11 SP1", "supported"),
    ("SLES11 SP1", "supported"),
    ("SUSE Linux Enterprise Server 11 SP2", "unsupported"),
    ("SLES 11", "condition"),  # no service pack given
    ("SLES 11 GA", "tech-preview"),  # L5: kvm was a technical preview in SLES 11 GA
    ("SLE 11 SP1", "condition"),  # Server or Desktop?
    ("SLED 11 SP1", "unsupported"),
    ("Ubuntu 20.04", "unsupported"),
    ("our big box", "condition"),
    (None, "condition"),
])
def test_the_host_must_run_the_statements_release(kb, text, status) -> None:
    """kvm-supported.txt L5-9 and L23: the statement covers SLES 11 SP1 (qemu-kvm 0.12.5)."""
    finding, verdict = host_os(kb, text)
    assert finding.status == status
    assert finding.basis == ("host.os",) and finding.entry == "art-overview"
    if status == "unsupported":
        assert verdict.verdict == "unsupported"
        assert "SLES 11 SP1 hosts only" in finding.message
    if text == "SUSE Linux Enterprise Server 11 SP2":
        assert "the KVM support statement of SLES 11 SP2 applies" in finding.message


def test_another_loaded_release_is_named(tmp_path) -> None:
    """When the host's own release is loaded too, the finding says to check against it."""
    from kvmhelpdesk.kb import KnowledgeBase, load_release
    from kvmhelpdesk.resources import content_dir

    folder = tmp_path / "sles11-sp2"
    shutil.copytree(content_dir() / "sles11-sp1", folder)
    release = folder / "release.toml"
    text = release.read_text(encoding="utf-8")
    for old, new in (('id = "sles11-sp1"', 'id = "sles11-sp2"'),
                     ('product = "SLES 11 SP1"', 'product = "SLES 11 SP2"'),
                     ("order = 10", "order = 20")):
        assert old in text
        text = text.replace(old, new)
    release.write_text(text, encoding="utf-8")
    both = KnowledgeBase([load_release(content_dir() / "sles11-sp1"), load_release(folder)])
    case = make_case(host=make_host(os="SLES 11 SP2"))  # judged against sles11-sp1
    finding = next(f for f in check(case, both).findings if f.rule == "host.os")
    assert finding.status == "unsupported" and "release sles11-sp2" in finding.message


def test_confirming_the_host_release(kb) -> None:
    case = make_case()
    case["version"] = 2
    case["confirmations"] = {"host.os@host": {"state": "refuted", "note": "runs SP2"}}
    verdict = check(case, kb)
    assert verdict.verdict == "unsupported"
    assert any("does not run SLES 11 SP1" in f.message for f in verdict.findings)


# ---------------------------------------------------------------- judgement calls

def test_1_pre_sp1_images_are_a_condition_with_advice(kb) -> None:
    """kvm-supported.txt L66: "not assumed to be compatible": a condition, not a verdict."""
    verdict = check(make_case(guests=[make_guest(created_with="pre-sles11-sp1")]), kb)
    found = [f for f in verdict.findings if f.rule == "guestos.created-with"]
    assert [f.status for f in found] == ["condition"]
    assert "Reproduce the problem on a guest created under SLES 11 SP1" in found[0].message
    assert verdict.verdict == "supported"


def test_6_logical_cpus_only_are_said_so(kb) -> None:
    """kvm-supported.txt L100: "8 times the number of cpu cores"; hyperthreads are not."""
    host = make_host(logical_cpus=16)
    del host["cpu_cores"]
    verdict = check(make_case(host=host), kb)
    found = next(f for f in verdict.findings if f.rule == "limits.host-vcpus")
    assert found.status == "condition"
    assert "logical CPUs are known (16" in found.message and "L100" in found.message
    assert "host.logical_cpus" in found.basis


def test_7_hot_unplug_commands_cite_hotplug_devices(kb) -> None:
    """kvm-supported.txt L175-179: adding or removing devices in a running guest is not
    supported; L388 and L406 refuse device_del and cpu_set by name."""
    findings = check_guest(make_guest(monitor_commands=[
        "pci_del 0 2", "usb_del 1.2", "drive_del drive0", "device_del nic1", "cpu_set 2 offline",
        "pci_add auto nic model=virtio"]), kb)
    found = {f.key.split("#")[-1]: (f.status, f.entry) for f in findings
             if f.rule == "monitor.command"}
    assert found == {"pci_del": ("unsupported", "feat-device-hotplug"),
                     "usb_del": ("unsupported", "feat-device-hotplug"),
                     "drive_del": ("unsupported", "feat-device-hotplug"),
                     "device_del": ("unsupported", "mon-device_del"),
                     "cpu_set": ("unsupported", "mon-cpu_set"),
                     "pci_add": ("unsupported", "mon-pci_add")}


def test_7_unlisted_commands_say_the_list_may_be_incomplete(kb) -> None:
    """kvm-supported.txt L406: the refused list ends at the file's last line."""
    [finding] = [f for f in check_guest(make_guest(monitor_commands=["frobnicate"]), kb)
                 if f.rule == "monitor.command"]
    assert finding.status == "unlisted" and "may be incomplete" in finding.message


def test_9_the_balloon_device_is_judged_once(kb) -> None:
    """kvm-supported.txt L289 (virtio-balloon-pci) and L294 (-balloon): supported."""
    findings = check_guest(make_guest(devices=["balloon"]), kb)
    assert [f for f in findings if f.rule == "management.devices"] == []


def test_9_a_usb_keyboard_is_unsupported_on_any_route(kb) -> None:
    """kvm-supported.txt L288: -usbdevice [tablet|mouse] only; L289: no usb-kbd driver."""
    for word in ("keyboard", "usb-kbd"):
        findings = check_guest(make_guest(devices=[word]), kb)
        assert [f.status for f in findings if f.rule == "management.devices"] == ["unsupported"]


def test_9_power_changes_not_given_are_not_stated_as_happening(kb) -> None:
    """kvm-supported.txt L195-199: power-state changes need a constant_tsc machine."""
    host = make_host(constant_tsc=True)
    del host["power_changes_with_guests"]
    found = next(f for f in check(make_case(host=host), kb).findings
                 if f.rule == "features.power-management")
    # not stated as happening, and not supported on the flag alone (L199: "properly
    # functioning"): a condition (issue 8 review, 11)
    assert found.status == "condition" and "not given" in found.message
    assert found.basis == ("host.power_changes_with_guests", "host.constant_tsc")


@pytest.mark.parametrize(("text", "status", "says"), [
    ("SLE 11 SP1", "condition", "does not say Server or Desktop"),
    ("Windows Server 2012", "best-effort", 'if that "+" also meant later releases'),
    ("Windows Server 2016", "best-effort", "Win 2K8+"),
])
def test_10_os_names_the_table_leaves_open(kb, text, status, says) -> None:
    """kvm-supported.txt L70-86: SLES11 SP1 is Fully Supported, SLED11 SP1 Tech Preview;
    "Win 2K8+" (L84) does not say what its "+" covers: at best best effort, needs review."""
    match = match_os(text, None, kb)
    assert match.status == status and says in match.message
    assert match.entry is None


@pytest.mark.parametrize(("text", "says"), [
    ("Windows Server 2008 R2 x86", "64-bit product only"),
    ("Windows XP SP3 x64", "never had a Service Pack 3"),
])
def test_10_products_that_never_existed(kb, text, says) -> None:
    """kvm-supported.txt L54: every listed guest "includes both 32 and 64 bit"; 2008 R2 is
    64-bit only and XP x64 stopped at SP2."""
    match = match_os(text, None, kb)
    assert match.entry is not None and any(says in c for c in match.confirm)


def test_10_a_floppy_beside_four_ide_disks_is_a_condition(kb) -> None:
    """kvm-supported.txt L99: whether "4 emulated" counts the floppy drive is not stated."""
    guest = make_guest(disks=[disk("ide") for _ in range(4)] + [disk("floppy")])
    found = [f for f in check_guest(guest, kb) if f.rule == "limits.block-emulated"]
    assert [f.status for f in found] == ["condition"]
    assert "floppy" in found[0].message and "not stated" in found[0].message
    five = make_guest(disks=[disk("ide") for _ in range(5)])
    assert [f.status for f in check_guest(five, kb)
            if f.rule == "limits.block-emulated"] == ["unsupported"]


def test_unknown_buses_that_cannot_break_a_limit_ask_nothing(kb) -> None:
    """kvm-supported.txt L99: 4 emulated, 20 virtio-blk: two disks fit whatever their bus."""
    findings = check_guest(make_guest(disks=[{"format": "raw"}, {"format": "raw"}]), kb)
    limits = [f for f in findings if f.rule.startswith("limits.block")]
    assert [(f.rule, f.status) for f in limits] == [("limits.block-devices", "supported")]
    five = check_guest(make_guest(disks=[{"format": "raw"}] * 5), kb)
    assert [f.status for f in five if f.rule.startswith("limits.block")] == ["condition"]


def test_11_one_judgement_for_the_usb_tablet_whatever_the_route(kb) -> None:
    """kvm-supported.txt L288 (-usbdevice tablet), L289 and L357 (-device list): the XML
    <input type='tablet' bus='usb'/> and the -device usb-tablet libvirt 0.8 starts it with
    get the same answer; -usbdevice tablet itself is supported."""
    from kvmhelpdesk.analyze import analyze_libvirt_xml, analyze_qemu_cmdline
    from kvmhelpdesk.triage import empty_case, merge_case

    def judged(analysis):
        case = merge_case(empty_case(), analysis.host, analysis.guests)
        verdict = check(case, kb)
        verdict.add(analysis.findings, analysis.options)
        return ([f.status for f in verdict.findings if "tablet" in f.message],
                [o.status for o in verdict.options if "tablet" in o.value])

    xml = analyze_libvirt_xml("<domain type='kvm'><name>x</name><devices>"
                              "<input type='tablet' bus='usb'/></devices></domain>", kb)
    line = analyze_qemu_cmdline("qemu-kvm -name x -device usb-tablet", kb)
    assert judged(xml) == judged(line) == (["unlisted"], ["unlisted"])
    direct = analyze_qemu_cmdline("qemu-kvm -name x -usbdevice tablet", kb)
    assert judged(direct) == ([], ["supported"])
