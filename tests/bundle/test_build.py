"""From a bundle to a checked case: guests per domain, evidence, drift, hints, host-only."""

from __future__ import annotations

from pathlib import Path

from kvmhelpdesk.bundle import build_case, evidence_for, merge_into, read_bundle
from kvmhelpdesk.bundle.build import GROUP_AT
from kvmhelpdesk.triage import check, validate_case
from tests.bundle.conftest import assert_evidence_true
from tests.helpers.cases import make_case, make_guest
from tests.helpers.supportconfig import (
    DomainSpec,
    SupportconfigBuilder,
    add_host,
    add_kvm,
    standard_bundle,
)


def built_of(builder: SupportconfigBuilder, tmp_path: Path, kb):
    return build_case(read_bundle(builder.write_tar(tmp_path)), kb)


def verdict_of(built, kb):
    verdict = check(built.case, kb)
    verdict.add(built.analysis.findings, built.analysis.options)
    return verdict


def findings(built, rule: str, scope: str | None = None):
    return [f for f in built.analysis.findings
            if f.rule == rule and (scope is None or f.scope == scope)]


def test_the_case_is_valid_v2_with_source_and_a_guest_per_domain(bundle, kb):
    built = build_case(bundle, kb)
    case = validate_case(built.case)
    assert case["version"] == 2 and case["host"]["os"] == "SLES 11 SP1"
    assert [g["name"] for g in case["guests"]] == ["sles11-web", "w2k8-db", "sles10-app",
                                                   "winxp-desk"]
    assert case["source"] == {
        "kind": "supportconfig", "name": "nts_kvmhost01_110302_1011.tbz",
        "hostname": "kvmhost01", "collected": "2011-03-02 10:11",
        "files": ["basic-environment.txt", "hardware.txt", "memory.txt", "kvm.txt",
                  "basic-health-check.txt"]}
    assert case["host"]["qemu_user"] == "root"  # every qemu process in ps runs as root
    assert "management" not in case["host"]  # libvirt says nothing of which tool


def test_every_evidence_entry_quotes_its_line(builder, bundle, kb):
    evidence = build_case(bundle, kb).case["evidence"]
    assert_evidence_true(builder, evidence)
    assert evidence["guests[1].vcpus"]["excerpt"] == "<vcpu>4</vcpu>"
    assert evidence["guests[1].disks[0].format"]["excerpt"] == "<driver name='qemu' type='raw'/>"
    assert evidence["guests[1].nics[0].model"]["section"] == "/etc/libvirt/qemu/w2k8-db.xml"
    assert {e["origin"] for e in evidence.values()} == {"nts_kvmhost01_110302_1011.tbz"}
    assert evidence["host.cpu_cores"]["file"] == "hardware.txt"


def test_the_guest_os_is_never_guessed_from_the_name(bundle, kb):
    built = build_case(bundle, kb)
    assert all("os" not in guest for guest in built.case["guests"])
    (hint,) = findings(built, "bundle.os-hint", "guest:w2k8-db")
    assert hint.status == "advice" and "suggests Windows Server 2008" in hint.message
    assert "a hint only" in hint.message
    verdict = verdict_of(built, kb)
    assert all(g.os is None for g in verdict.guests)


def test_running_command_line_differs_from_the_definition(bundle, kb):
    built = build_case(bundle, kb)
    (drift,) = findings(built, "bundle.running-differs", "guest:sles10-app")
    assert drift.status == "condition"
    assert "vCPUs 4 vs 2" in drift.message and "disk formats raw vs qcow2" in drift.message
    running = [f for f in built.analysis.findings if f.scope == "guest:sles10-app"
               and f.message.startswith("Running now")]
    assert [f.status for f in running] == ["unsupported"]  # format=qcow2 runs now
    assert built.case["guests"][2]["vcpus"] == 4  # the case holds the definition
    assert not findings(built, "bundle.running-differs", "guest:sles11-web")


def test_one_usb_tablet_in_two_spellings_is_no_difference(tmp_path, kb):
    # <input type='tablet' bus='usb'/> reads as usb-tablet, `-usbdevice tablet` as tablet: the
    # same device, so a running guest with it does not "differ from its definition".
    spec = DomainSpec("w2k8-tab", vcpus=2, memory_mb=2048, clock="localtime", tablet=True)
    built = built_of(standard_bundle([spec]), tmp_path, kb)
    (guest,) = built.case["guests"]
    assert "usb-tablet" in guest["devices"]
    assert not findings(built, "bundle.running-differs")
    spec.running_vcpus = 1  # a real difference is still named, without the tablet
    built = built_of(standard_bundle([spec]), tmp_path / "again", kb)
    (drift,) = findings(built, "bundle.running-differs")
    assert "vCPUs 2 vs 1" in drift.message and "tablet" not in drift.message


def test_a_shut_off_guests_last_start_is_advice(tmp_path, kb):
    spec = DomainSpec("w2k8-old", state="shut off", running_vcpus=1)
    built = built_of(standard_bundle([spec]), tmp_path, kb)
    (drift,) = findings(built, "bundle.running-differs")
    assert drift.status == "advice" and "last start" in drift.message


def test_no_kvm_txt_gives_a_host_only_verdict_that_says_so(tmp_path, kb):
    built = built_of(add_host(SupportconfigBuilder()), tmp_path, kb)
    (finding,) = findings(built, "bundle.no-kvm")
    assert finding.status == "condition" and "covers the host only" in finding.message
    assert built.case["guests"] == []
    verdict = verdict_of(built, kb)
    assert verdict.guests == [] and any(f.rule == "bundle.no-kvm" for f in verdict.conditions)


def test_kvm_package_not_installed(tmp_path, kb):
    builder = add_host(SupportconfigBuilder())
    builder.verification("kvm.txt", None)
    built = built_of(builder, tmp_path, kb)
    (finding,) = findings(built, "bundle.kvm-package")
    assert "kvm.txt line 2" in finding.message and not findings(built, "bundle.no-kvm")


def test_a_bundle_from_a_guest_or_a_xen_host_is_a_condition(tmp_path, kb):
    guest = add_host(SupportconfigBuilder(), identity="Virtual Machine (QEMU Virtual CPU)",
                     hypervisor="KVM (QEMU Virtual CPU)")
    assert findings(built_of(guest, tmp_path / "a", kb), "bundle.from-guest")
    xen = add_host(SupportconfigBuilder(), identity="Virtual Machine Server - Dom0",
                   hypervisor="Xen (/proc/xen)")
    assert findings(built_of(xen, tmp_path / "b", kb), "bundle.xen")


def test_a_domain_known_only_from_its_log_is_judged_from_the_command_line(tmp_path, kb):
    builder = SupportconfigBuilder()
    add_kvm(add_host(builder), virsh=False, processes=False)
    builder.log("kvm.txt", "/var/log/libvirt/qemu/lost.log",
                DomainSpec("lost", running_format="qcow2").log_lines())
    built = built_of(builder, tmp_path, kb)
    (guest,) = built.case["guests"]
    assert guest["name"] == "lost" and guest["disks"][0]["format"] == "qcow2"
    assert built.case["evidence"]["guests[0].vcpus"]["section"] == \
        "/var/log/libvirt/qemu/lost.log"
    assert "-smp" in built.case["evidence"]["guests[0].vcpus"]["excerpt"]
    assert any("judged from the newest start" in note for note in built.notes)
    assert_evidence_true(builder, built.case["evidence"])


def test_many_domains_known_only_from_their_logs_make_one_note(tmp_path, kb):
    # A bundle cut short before the domain XML (or collected without it) would say the same
    # for every domain; from GROUP_AT of them on, one note names them (the first three).
    for count, expected in ((GROUP_AT - 1, GROUP_AT - 1), (GROUP_AT + 2, 1)):
        builder = SupportconfigBuilder()
        add_kvm(add_host(builder), virsh=False, processes=False)
        for number in range(count):
            builder.log("kvm.txt", f"/var/log/libvirt/qemu/lost{number}.log",
                        DomainSpec(f"lost{number}").log_lines())
        built = built_of(builder, tmp_path / str(count), kb)
        assert len(built.case["guests"]) == count
        notes = [note for note in built.notes if "no domain XML in the bundle" in note]
        assert len(notes) == expected
    assert notes == [f"{GROUP_AT + 2} domains have no domain XML in the bundle (lost0, lost1, "
                     "lost2 and 3 more): each is judged from its command line (the running "
                     "process or the newest start in its log)"]
    assert built.case["source"]["notes"] == built.notes


def test_a_guest_started_by_hand_is_judged_from_ps(tmp_path, kb):
    builder = SupportconfigBuilder()
    add_kvm(add_host(builder), processes=False)
    builder.command("basic-health-check.txt", "/bin/ps axwwo user,pid,ppid,%cpu,%mem,vsz,rss,"
                    "stat,time,cmd", ["USER PID PPID %CPU %MEM VSZ RSS STAT TIME CMD",
                                      "tester 999 1 0.0 1.0 1000 1000 Sl 00:00:01 "
                                      "/usr/bin/qemu-kvm -m 512 -smp 2 -name scratch -hda "
                                      "/home/tester/scratch.img"])
    built = built_of(builder, tmp_path, kb)
    assert built.case["guests"][0]["name"] == "scratch"
    assert built.case["guests"][0]["vcpus"] == 2
    assert "qemu_user" not in built.case["host"]  # tester: in the kvm group? not in the bundle
    (advice,) = findings(built, "bundle.management", "guest:scratch")
    assert "started without libvirt" in advice.message and "user tester" in advice.message
    assert any("qemu-kvm runs as tester" in note for note in built.notes)


def test_hostile_or_foreign_domain_xml(tmp_path, kb):
    builder = SupportconfigBuilder()
    builder.domain(DomainSpec("xenguest", kind="xen", state="shut off", starts=0))
    builder.domain(DomainSpec("evil", state="shut off", starts=0))
    add_kvm(add_host(builder))
    kvm = builder.files["kvm.txt"]
    at = kvm.index("# /etc/libvirt/qemu/evil.xml")
    kvm.insert(at + 1, '<!DOCTYPE d [<!ENTITY a "aaaa">]>')
    built = built_of(builder, tmp_path, kb)
    assert [g["name"] for g in built.case["guests"]] == []
    assert [f.status for f in built.analysis.findings if f.scope == "guest:xenguest"
            and f.rule == "domain-type"] == ["unsupported"]
    assert any("evil.xml" in n and "could not be analyzed" in n for n in built.notes)


def test_merge_into_a_case_file(bundle, kb):
    base = make_case(guests=[make_guest(name="ticket-guest")])
    base["host"]["arch"] = "x86_64 (from the ticket)"
    merged = validate_case(merge_into(base, build_case(bundle, kb)))
    assert [g["name"] for g in merged["guests"]][:2] == ["ticket-guest", "sles11-web"]
    assert merged["host"]["arch"] == "x86_64 (from the ticket)"
    assert "host.arch" not in merged["evidence"]  # the file's answer won: no bundle source
    assert merged["evidence"]["guests[1].vcpus"]["excerpt"] == "<vcpu>2</vcpu>"
    assert merged["title"] == base["title"] and merged["version"] == 2


def test_evidence_for_joins_a_findings_basis_with_the_evidence(bundle, kb):
    evidence = build_case(bundle, kb).case["evidence"]
    pairs = evidence_for(["host.cpu_cores", "guests[1].disks", "guests[9].vcpus"], evidence)
    paths = [path for path, _ in pairs]
    assert paths[0] == "host.cpu_cores"
    assert "guests[1].disks[0].format" in paths and "guests[1].vcpus" not in paths
    assert all(not p.startswith("guests[9]") for p in paths)
    assert evidence_for(["guests[1]"], evidence)[0][0] == "guests[1]"
    assert not evidence_for(["guests[1"], evidence)  # a prefix must end at a path step
