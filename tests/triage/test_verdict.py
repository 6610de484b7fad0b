"""Verdict aggregation: ordering, per-guest verdicts, conditions, the JSON document."""

from __future__ import annotations

import json

import pytest

from kvmhelpdesk.triage import (
    CaseError,
    Finding,
    OptionFinding,
    check,
    worst,
)
from kvmhelpdesk.triage.findings import VERDICT_ORDER
from tests.helpers.cases import disk, make_case, make_guest, minimal_case


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [([], "supported"), (["supported"], "supported"),
     (["supported", "best-effort"], "best-effort"),
     (["tech-preview", "best-effort", "supported"], "tech-preview"),
     (["best-effort", "unsupported", "tech-preview"], "unsupported"),
     (["condition", "advice", "unlisted"], "supported"),
     (["condition", "best-effort", "unlisted"], "best-effort")],
)
def test_worst_follows_the_verdict_order(statuses: list[str], expected: str) -> None:
    assert worst(statuses) == expected


def test_verdict_order_is_the_issue_order() -> None:
    assert VERDICT_ORDER == ("supported", "best-effort", "tech-preview", "unsupported")


@pytest.mark.parametrize(
    ("os", "verdict", "row"),
    [("SLES 11 SP1", "supported", "os-sles11-sp1"),
     ("Windows Server 2008 R2 SP1", "best-effort", "os-win2k8"),
     ("SLED 11 SP1", "tech-preview", "os-sled11-sp1"),
     ("SLES 10 SP2", "unsupported", None)],
)
def test_guest_verdict_includes_the_os_row_status(kb, os: str, verdict: str,
                                                  row: str | None) -> None:
    result = check(make_case(guests=[make_guest(os=os, clock="pmtmr", ntp_in_guest=True)]), kb)
    assert result.guests[0].verdict == verdict
    assert result.guests[0].os_entry == row
    assert result.verdict == verdict


def test_overall_verdict_is_the_worst_guest_and_guests_keep_their_own(kb) -> None:
    guests = [make_guest(name="ok"), make_guest(name="win", os="Win7 x64", clock="other",
                                                ntp_in_guest=True),
              make_guest(name="desk", os="SLED 11 SP1"),
              make_guest(name="big", vcpus=17)]
    result = check(make_case(guests=guests), kb)
    assert [(g.name, g.verdict) for g in result.guests] == [
        ("ok", "supported"), ("win", "best-effort"), ("desk", "tech-preview"),
        ("big", "unsupported")]
    assert result.verdict == "unsupported"
    unsupported = [f for f in result.findings if f.status == "unsupported"]
    assert [f.scope for f in unsupported] == ["guest:big"]


def test_conditions_and_advice_do_not_change_the_verdict(kb) -> None:
    result = check(make_case(guests=[make_guest(nics=[{"model": "virtio", "mac": None}],
                                                clock="tsc")]), kb)
    assert result.conditions and result.advice
    assert result.verdict == "supported"


def test_minimal_case_turns_every_gap_into_a_condition(kb) -> None:
    result = check(minimal_case(guests=[{"name": "bare"}]), kb)
    assert result.verdict == "undetermined"  # nothing given bears on the verdict
    condition_rules = {key.split("@")[0] for f in result.conditions
                       for key in (f.members or (f.key,))}
    for rule in ("host.os", "host.arch", "host.hardware-virtualization", "host.kvm-modules",
                 "limits.host-vcpus", "management.tools", "features.host-suspend",
                 "features.kvm-module-parameters", "guestos.row", "limits.guest-vcpus",
                 "limits.guest-ram", "limits.guest-nics", "limits.block-devices",
                 "storage.format", "network.model", "management.video",
                 "guestos.created-with"):
        assert rule in condition_rules, rule
    assert all(f.message for f in result.conditions)


def test_every_finding_cites_an_existing_entry_and_its_section(kb) -> None:
    guests = [make_guest(os=name, vcpus=17, disks=[disk("scsi", "qcow2", snapshot=True)],
                         nics=[{"model": "e1000"}], video="vmware",
                         devices=["sound", "usb-host", "pci-passthrough"],
                         features=["live-migration", "ballooning", "ksm", "cpu-hotplug",
                                   "device-hotplug", "qemu-only"],
                         created_with="pre-sles11-sp1", monitor_commands=["savevm x", "zap"])
              for name in ("SLES 9 SP4", "Windows XP SP2")]
    result = check(make_case(guests=guests, performance=[
        {"category": c, "mode": m, "measured_percent": 50}
        for c in ("cpu", "network", "disk", "graphics", "time")
        for m in ("emulated", "paravirtualized", "passthrough")]), kb)
    for finding in result.findings:
        if finding.status == "unlisted":
            continue
        assert finding.entry, finding
        entry = kb.get(finding.entry, "sles11-sp1")
        assert finding.section == kb.section_heading(entry)
        assert finding.status in ("supported", "best-effort", "tech-preview", "unsupported",
                                  "condition", "advice")


def test_json_document_shape(kb) -> None:
    result = check(make_case(performance=[{"category": "time", "mode": "emulated",
                                           "measured_percent": 103}]), kb)
    data = json.loads(json.dumps(result.to_dict()))
    assert {"verdict", "release", "guests", "findings", "performance", "options"} <= set(data)
    assert data["release"] == "sles11-sp1"
    assert set(data["guests"][0]) >= {"name", "verdict", "os_entry"}
    assert set(data["findings"][0]) == {"rule", "scope", "status", "message", "entry",
                                        "section", "key", "basis", "members", "confirmation",
                                        "evidence"}
    assert data["findings"][0]["evidence"] == []  # a case typed in: nothing read from a bundle
    assert data["condition_counts"] == {"conditions": 2, "confirmed": 0, "open": 2, "refuted": 0}
    assert data["performance"][0]["assessment"] == "within-expectation"
    assert data["performance"][0]["expected_range"] == [95, 105]
    assert data["options"] == []


def test_analysis_findings_and_options_join_the_verdict(kb) -> None:
    result = check(make_case(), kb)
    assert result.verdict == "supported"
    option = OptionFinding("-soundhw", "ac97", "unsupported", "refused", "opt-soundhw",
                           "guest:sles01")
    finding = Finding("analyze.option", "guest:sles01", "unsupported", "-soundhw is refused",
                      "opt-soundhw", "Appendix A")
    result.add([finding], [option])
    assert result.verdict == "unsupported"
    assert result.guests[0].verdict == "unsupported"
    assert result.to_dict()["options"] == [option.to_dict()]
    result.add([Finding("analyze.option", "guest:sles01", "unlisted", "-foo", None, None)])
    assert result.verdict == "unsupported" and len(result.unlisted) == 1


def test_guest_names_are_unique_scopes(kb) -> None:
    result = check(make_case(guests=[make_guest(name="a"), make_guest(name="a"),
                                     make_guest(name=""), make_guest(name="c", vcpus=99)]), kb)
    assert [g.name for g in result.guests] == ["a", "a (2)", "guest 3", "c"]
    assert result.guests[3].verdict == "unsupported"
    assert result.guests[1].verdict == "supported"


def test_unknown_release_and_invalid_case(kb) -> None:
    with pytest.raises(CaseError, match="unknown release 'sles99'"):
        check(make_case(release="sles99"), kb)
    with pytest.raises(CaseError, match=r"guests\[0\]\.vcpus"):
        check(make_case(guests=[make_guest(vcpus="x")]), kb)


def test_default_release_is_the_newest(kb) -> None:
    case = make_case()
    del case["release"]
    assert check(case, kb).release == kb.default_release


def test_a_case_without_guests_says_so(kb) -> None:
    from kvmhelpdesk.triage import check

    verdict = check({"format": "kvmhelpdesk-case", "version": 1}, kb)
    rules = {f.rule: f for f in verdict.findings}
    # A note, not a condition: nothing to confirm, and ticking it must not decide anything.
    assert rules["case.guests"].status == "advice"
    assert "host only" in rules["case.guests"].message
