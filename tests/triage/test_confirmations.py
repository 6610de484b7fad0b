"""Issue 8: nothing green without evidence, confirmations that last, conditions grouped, and
findings that name their key and the answers they rest on."""

from __future__ import annotations

import json
import re

import pytest

from kvmhelpdesk.triage import Finding, check
from kvmhelpdesk.triage.case import GUEST, HOST, Spec
from kvmhelpdesk.triage.findings import VERDICT_ORDER
from kvmhelpdesk.triage.paths import get_path, has_path, parse_path, set_path
from tests.helpers.cases import disk, make_case, make_guest, make_host, minimal_case


def with_records(case: dict, **records: tuple[str, str]) -> dict:
    case = dict(case, version=2)
    case["confirmations"] = {key.replace("__", "."): {"state": state, "note": note}
                             for key, (state, note) in records.items()}
    return case


def confirm(case: dict, key: str, state: str = "confirmed", note: str = "") -> dict:
    case = dict(case, version=2)
    case["confirmations"] = {**case.get("confirmations", {}), key: {"state": state, "note": note}}
    return case


def one(verdict, rule: str, scope: str = "host") -> Finding:
    """The condition of `rule` about `scope`."""
    [found] = [f for f in verdict.conditions if f.rule == rule and f.scope == scope]
    return found


# ---------------------------------------------------------------- nothing green without evidence

@pytest.mark.parametrize("case", [minimal_case(), minimal_case(guests=[{"name": "bare"}]),
                                  minimal_case(title="only a title")])
def test_nothing_judged_is_undetermined(kb, case) -> None:
    verdict = check(case, kb)
    assert verdict.verdict == "undetermined"
    assert all(g.verdict == "undetermined" for g in verdict.guests)
    assert verdict.to_dict()["verdict"] == "undetermined"


def test_one_judged_answer_decides_as_before(kb) -> None:
    assert check(minimal_case(host={"arch": "x86_64"}), kb).verdict == "supported"
    assert check(minimal_case(host={"arch": "ppc64"}), kb).verdict == "unsupported"
    verdict = check(minimal_case(guests=[{"name": "a"}, {"name": "b", "vcpus": 2}]), kb)
    assert [g.verdict for g in verdict.guests] == ["undetermined", "supported"]


def test_a_confirmed_condition_counts_as_evidence(kb) -> None:
    case = confirm(minimal_case(), "host.arch@host")
    verdict = check(case, kb)
    assert verdict.verdict == "supported"
    arch = [f for f in verdict.findings if f.rule == "host.arch" and f.status == "supported"]
    assert arch and "Confirmed by the customer" in arch[0].message


# ---------------------------------------------------------------- keys and basis

RICH = make_case(
    host=make_host(ksm=True, numa_nodes=2, management=["virt-manager", "virsh", "qemu-kvm"]),
    guests=[make_guest(name="a", os="SLES 9 SP4", bits=32, boot_options="clock=pmtmr",
                       disks=[disk(), disk("ide", "qcow2"), disk("floppy")],
                       nics=[{"model": "virtio", "mac": "52:54:00:00:00:01"},
                             {"model": "e1000", "mac": None}],
                       features=["live-migration", "ballooning", "ksm", "pci-passthrough"],
                       devices=["sound", "keyboard", "usb-tablet", "watchdog"],
                       monitor_commands=["info", "savevm x", "pci_del 2", "zap"],
                       created_with="pre-sles11-sp1", migration={"same_host_type": True}),
            make_guest(name="b", os="Windows Server 2012", nics=[{"model": "virtio",
                                                                  "mac": "52:54:00:00:00:01"}])],
    performance=[{"category": "cpu", "mode": "passthrough", "measured_percent": 80},
                 {"category": "disk", "mode": "emulated", "measured_percent": 20}])


def test_keys_are_unique_and_every_rule_names_its_basis(kb) -> None:
    verdict = check(RICH, kb)
    keys = [f.key for f in verdict.findings]
    assert len(keys) == len(set(keys))
    for finding in verdict.findings:
        assert "@" in finding.key, finding
        if finding.rule == "limits.host-ram-cpu" or finding.rule == "timekeeping.ntp-host":
            continue
        assert finding.basis, finding


def _spec_of(path: str) -> Spec | None:
    """The schema of an answer path (None if the path names no answer of the case format)."""
    parts = parse_path(path)
    if parts[0] == "host":
        spec: Spec | None = HOST
        rest = parts[1:]
    elif parts[0] == "guests" and len(parts) > 1:
        spec, rest = GUEST, parts[2:]
    elif parts[0] in ("performance", "guests"):
        return Spec("list")
    else:
        return None
    for part in rest:
        if spec is None:
            return None
        spec = spec.item if isinstance(part, int) else spec.fields.get(part)
    return spec


def test_basis_paths_are_answer_paths_of_the_case_format(kb) -> None:
    for finding in check(RICH, kb).findings:
        for path in finding.basis:
            if path.startswith("performance["):
                continue
            assert _spec_of(path) is not None, (finding.key, path)


def test_basis_is_accurate(kb) -> None:
    verdict = check(RICH, kb)
    qcow2 = next(f for f in verdict.findings if f.rule == "storage.format")
    assert qcow2.basis == ("guests[0].disks[1].format",)
    assert qcow2.key == "storage.format@guest:a#disk2"
    cores = next(f for f in verdict.findings if f.rule == "limits.host-vcpus")
    assert cores.basis[0] == "host.cpu_cores" and "guests[1].vcpus" in cores.basis
    e1000 = next(f for f in verdict.findings if f.rule == "network.model"
                 and f.status == "unsupported")
    assert e1000.basis == ("guests[0].nics[1].model",)


def test_json_findings_carry_key_basis_members_confirmation(kb) -> None:
    data = json.loads(json.dumps(check(RICH, kb).to_dict()))
    finding = data["findings"][0]
    assert {"key", "basis", "members", "confirmation"} <= set(finding)
    assert isinstance(finding["basis"], list) and finding["confirmation"] is None
    assert set(data["condition_counts"]) == {"conditions", "confirmed", "open", "refuted"}


def test_paths_read_and_write() -> None:
    case = {"guests": [{"disks": [{"bus": "ide"}]}]}
    assert get_path(case, "guests[0].disks[0].bus") == "ide"
    assert has_path(case, "guests[0].disks[0].bus") and not has_path(case, "guests[1].os")
    set_path(case, "host.kvm_modules_loaded", True)
    set_path(case, "guests[0].migration.shared_storage", False)
    set_path(case, "guests[3].os", "x")  # no such guest: nothing written
    assert case["host"] == {"kvm_modules_loaded": True}
    assert case["guests"][0]["migration"] == {"shared_storage": False}
    assert len(case["guests"]) == 1


# ---------------------------------------------------------------- confirmations that last

def test_confirming_the_kvm_modules_counts_as_the_answer(kb) -> None:
    """kvm-supported.txt L41-43: without the kvm modules, qemu-only mode is not supported."""
    base = make_case(host=make_host(kvm_modules_loaded=None))
    del base["host"]["kvm_modules_loaded"]
    verdict = check(confirm(base, "host.kvm-modules@host", note="lsmod in the SR"), kb)
    condition = one(verdict, "host.kvm-modules")
    assert condition.status == "condition" and condition.state == "confirmed"
    assert condition.confirmation.note == "lsmod in the SR"
    judged = [f for f in verdict.findings if f.rule == "host.kvm-modules"
              and f.status == "supported"]
    assert judged[0].message.endswith("(Confirmed by the customer: lsmod in the SR.)")
    assert judged[0].key == "host.kvm-modules@host#confirmed"


def test_refuting_the_kvm_modules_is_qemu_only_mode(kb) -> None:
    """kvm-supported.txt L41-43 and L212-218: refuting "the kvm modules are loaded" becomes
    what the statement says of that answer: qemu-only mode, not supported."""
    base = make_case()
    del base["host"]["kvm_modules_loaded"]
    verdict = check(confirm(base, "host.kvm-modules@host", "refuted", "no kvm in lsmod"), kb)
    assert verdict.verdict == "unsupported"
    refuted = [f for f in verdict.findings if f.rule == "host.kvm-modules"
               and f.status == "unsupported"]
    assert refuted[0].entry == "feat-qemu-only" and "qemu-only" in refuted[0].message
    assert one(verdict, "host.kvm-modules").state == "refuted"


def test_a_refutation_no_answer_expresses_becomes_the_statements_finding(kb) -> None:
    """kvm-supported.txt L41-43: VT absent or off in the BIOS -> no kvm modules."""
    base = make_case()
    del base["host"]["hardware_virtualization"]
    verdict = check(confirm(base, "host.hardware-virtualization@host", "refuted", "VT off"),
                    kb)
    found = [f for f in verdict.findings if f.status == "unsupported"]
    assert len(found) == 1 and "(Note: VT off.)" in found[0].message
    assert found[0].basis == ("host.hardware_virtualization",)
    assert verdict.verdict == "unsupported"


def test_open_records_and_unknown_keys_change_nothing(kb) -> None:
    base = make_case()
    plain = check(base, kb)
    noted = check(confirm(confirm(base, "nothing@here"), "host.os@host", "open", "asked"), kb)
    assert sorted(f.status for f in noted.findings) == sorted(f.status for f in plain.findings)
    assert one(noted, "host.os").confirmation.note == "asked"


def test_banner_counts(kb) -> None:
    from kvmhelpdesk.report.document import confirmation_count, headline

    base = make_case()
    verdict = check(base, kb)
    assert confirmation_count(verdict) == "0 of 2 confirmed"
    assert headline(verdict) == "Supported, provided that 2 conditions hold."
    keys = [f.key for f in verdict.conditions]
    one_done = check(confirm(base, keys[0]), kb)
    assert headline(one_done) == "Supported, provided that 1 condition holds (1 of 2 confirmed)."
    both = check(confirm(confirm(base, keys[0]), keys[1]), kb)
    assert headline(both) == "Supported: all 2 conditions confirmed."


# ---------------------------------------------------------------- grouped conditions

def two_bare_guests() -> dict:
    guests = [make_guest(name="web01"), make_guest(name="db01")]
    for guest in guests:
        del guest["disks"], guest["nics"]
    return make_case(guests=guests)


def test_conditions_group_by_what_is_missing(kb) -> None:
    verdict = check(two_bare_guests(), kb)
    lines = [f.message for f in verdict.conditions]
    disks = [m for m in lines if m.startswith("Disks not given for web01 and db01")]
    assert len(disks) == 1 and "raw" in disks[0]
    assert len([m for m in lines if m.startswith("NICs not given for web01 and db01")]) == 1
    assert len(verdict.conditions) <= 6
    line = next(f for f in verdict.conditions if f.message.startswith("Disks"))
    assert line.scope == "guests" and len(line.members) == 4
    assert set(line.members) == {"limits.block-devices@guest:web01", "storage.format@guest:web01",
                                 "limits.block-devices@guest:db01", "storage.format@guest:db01"}


def test_confirming_a_group_confirms_each_member(kb) -> None:
    case = two_bare_guests()
    line = next(f for f in check(case, kb).conditions if f.message.startswith("Disks"))
    by_group = check(confirm(case, line.key), kb)
    by_members = check(with_records(case, **{m.replace(".", "__"): ("confirmed", "")
                                             for m in line.members}), kb)
    for verdict in (by_group, by_members):
        again = next(f for f in verdict.conditions if f.message.startswith("Disks"))
        assert again.state == "confirmed" and again.members == line.members


def test_refuting_a_group_as_a_whole_needs_review(kb) -> None:
    """kvm-supported.txt L274, L283: only raw images on ide, floppy or virtio. A group line
    refuted as a whole says the disks of at least one guest are not, not which: no guest is
    judged unsupported on it; one needs-review line names the guests to answer one by one."""
    case = two_bare_guests()
    line = next(f for f in check(case, kb).conditions if f.message.startswith("Disks"))
    verdict = check(confirm(case, line.key, "refuted"), kb)
    assert [f for f in verdict.findings if f.status == "unsupported"] == []
    [review] = [f for f in verdict.findings if f.key == f"{line.key}#refuted"]
    assert review.status == "unlisted" and "web01 and db01" in review.message
    assert "guest by guest" in review.message
    shown = next(f for f in verdict.conditions if f.key == line.key)
    assert shown.state == "refuted"


def test_refuting_group_members_one_by_one(kb) -> None:
    """Each member of a group line can be refuted on its own (its key in `members`)."""
    case = two_bare_guests()
    line = next(f for f in check(case, kb).conditions if f.message.startswith("Disks"))
    web01 = [m for m in line.members if m.endswith("@guest:web01")]
    answered = case
    for key in web01:
        answered = confirm(answered, key, "refuted")
    verdict = check(answered, kb)
    assert {g.name: g.verdict for g in verdict.guests}["web01"] == "unsupported"
    refuted = [f for f in verdict.findings if f.status == "unsupported"]
    assert {f.scope for f in refuted} == {"guest:web01"}
    assert verdict.verdict == "unsupported"


def test_a_group_line_names_disks_compactly(kb) -> None:
    case = make_case(guests=[make_guest(name="web01", disks=[{}, {}]),
                             make_guest(name="db01", disks=[{"bus": "virtio"}])])
    lines = [f.message for f in check(case, kb).conditions]
    assert any(m.startswith("Disk image format not given for web01 (disks 1 and 2) and db01 "
                            "(disk 1)") for m in lines)


def test_verdict_order_is_unchanged() -> None:
    assert VERDICT_ORDER == ("supported", "best-effort", "tech-preview", "unsupported")


def test_condition_keys_in_docs_match_the_rules(kb) -> None:
    """docs/case-format.md's example key is a real condition key."""
    case = make_case()
    del case["host"]["kvm_modules_loaded"]
    assert "host.kvm-modules@host" in {f.key for f in check(case, kb).conditions}
    assert re.fullmatch(r"[a-z.-]+@[a-z]+(:[^#]+)?(#.+)?", "storage.format@guest:a#disk2")


def test_the_same_words_about_several_guests_are_one_line(kb) -> None:
    """kvm-supported.txt L54 and L82: XP x64 never reached the row's SP3, for each guest."""
    guests = [make_guest(name=n, os="Windows XP SP3", clock="other", ntp_in_guest=True)
              for n in ("xp1", "xp2", "xp3")]
    verdict = check(make_case(guests=guests), kb)
    lines = [f for f in verdict.conditions if "Service Pack 3" in f.message]
    assert len(lines) == 1 and lines[0].message.startswith("For xp1, xp2 and xp3: ")
    assert len(lines[0].members) == 3
