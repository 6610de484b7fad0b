"""Performance complaints against the expectations table (kvm-supported.txt L220-259)."""

from __future__ import annotations

import pytest

from kvmhelpdesk.triage import check
from tests.helpers.cases import make_case, make_host


def judge(kb, category: str, mode: str, measured: float | None = None, **host):
    complaint = {"category": category, "mode": mode}
    if measured is not None:
        complaint["measured_percent"] = measured
    result = check(make_case(performance=[complaint], host=make_host(**host)), kb)
    finding = next(f for f in result.findings if f.scope == "performance")
    return result.performance[0], finding


@pytest.mark.parametrize(
    ("category", "mode", "measured", "assessment", "expected"),
    [("network", "paravirtualized", 75, "within-expectation", 75),
     ("network", "emulated", 20, "within-expectation", 20),
     ("disk", "paravirtualized", 60, "below-expectation", 85),
     ("disk", "emulated", 41, "within-expectation", 40),
     ("graphics", "emulated", 50, "within-expectation", 50),
     ("time", "paravirtualized", 100, "within-expectation", 100),
     ("time", "paravirtualized", 102, "outside-expectation", 100)],
)
def test_single_figures(kb, category, mode, measured, assessment, expected) -> None:
    item, finding = judge(kb, category, mode, measured)
    assert item.assessment == assessment
    assert item.expected_percent == expected and item.expected_range is None
    assert item.entry == f"perf-{category}-{mode}"
    assert finding.status == "advice" and finding.entry == item.entry
    assert f"{measured:g}%" in finding.message and f"{expected}%" in finding.message


@pytest.mark.parametrize(
    ("category", "mode", "measured", "assessment"),
    [("disk", "passthrough", 94, "within-expectation"),
     ("network", "paravirtualized", 74.5, "within-expectation"),
     ("network", "passthrough", 86, "within-expectation"),
     ("network", "passthrough", 85, "below-expectation"),
     ("time", "paravirtualized", 100.5, "within-expectation"),
     ("time", "paravirtualized", 98.9, "outside-expectation")],
)
def test_rough_figures_have_a_tolerance(kb, category, mode, measured, assessment) -> None:
    """kvm-supported.txt L234-235: the figures are "rough approximations": within 10% of a
    throughput figure (1 point of a single time figure) is within expectation; only beyond it
    is a shortfall "clearly below"."""
    item, finding = judge(kb, category, mode, measured)
    assert item.assessment == assessment
    if assessment == "below-expectation":
        assert "clearly below" in finding.message and "possible bug" in finding.message
    else:
        assert "bug" not in finding.message or "not a bug" in finding.message


@pytest.mark.parametrize(("measured", "assessment"), [(95, "within-expectation"),
                                                      (105, "within-expectation"),
                                                      (94.9, "outside-expectation"),
                                                      (150, "outside-expectation")])
def test_time_range(kb, measured: float, assessment: str) -> None:
    """kvm-supported.txt L251: time accuracy 95% - 105% (fully virtualized): the range is
    exact, it is the tolerance itself."""
    item, finding = judge(kb, "time", "emulated", measured)
    assert item.assessment == assessment
    assert item.expected_range == (95, 105) and item.expected_percent is None
    if measured == 150:
        assert "fast" in finding.message


def test_emulated_cpu_is_a_condition_not_a_verdict(kb) -> None:
    """kvm-supported.txt L238: the 7% is QEMU emulation (unsupported); a KVM guest's CPU is
    not emulated, so a complaint in that column asks instead of flipping the case."""
    item, finding = judge(kb, "cpu", "emulated", 90)
    # 90% is far above emulation's 7%: not an unsupported mode (see test_issue8_review.py)
    assert finding.status == "condition" and item.assessment == "outside-expectation"
    assert "qemu-only" in finding.message and "not emulated" in finding.message
    result = check(make_case(performance=[{"category": "cpu", "mode": "emulated",
                                           "measured_percent": 90}]), kb)
    assert result.verdict == "supported"


def test_cpu_against_97_only_with_ept_or_npt(kb) -> None:
    """kvm-supported.txt L238-240: 97% is printed for Hardware Virt. + EPT/NPT; the shadow
    page tables line has no figure."""
    item, finding = judge(kb, "cpu", "passthrough", 97, ept_npt=True)
    assert (item.assessment, finding.status) == ("within-expectation", "advice")
    assert item.entry == "perf-cpu-passthrough"
    item, finding = judge(kb, "cpu", "passthrough", 60, ept_npt=False)
    assert (item.assessment, item.entry) == ("no-figure", "perf-cpu-passthrough-shadow")
    item, finding = judge(kb, "cpu", "passthrough", 60)
    assert finding.status == "condition" and "EPT" in finding.message
    assert "host.ept_npt" in finding.basis


def test_not_applicable_cells(kb) -> None:
    """kvm-supported.txt L238, L248, L251: cells printed "not applicable" are reported as
    such, not as an unsupported mode."""
    for category, mode in (("cpu", "paravirtualized"), ("graphics", "passthrough"),
                           ("time", "passthrough")):
        item, finding = judge(kb, category, mode, 50)
        assert item.assessment == "not-applicable" and finding.status == "advice"
        assert "not applicable" in finding.message


def test_missing_cells_and_figures(kb) -> None:
    item, _ = judge(kb, "graphics", "paravirtualized", 50)
    assert item.assessment == "no-figure"
    item, finding = judge(kb, "disk", "paravirtualized")
    assert item.assessment == "no-figure" and finding.status == "condition"
    assert "85%" in finding.message


def test_each_complaint_has_its_own_key_and_basis(kb) -> None:
    result = check(make_case(performance=[
        {"category": "disk", "mode": "paravirtualized", "measured_percent": 80},
        {"category": "disk", "mode": "paravirtualized", "measured_percent": 50}]), kb)
    found = [f for f in result.findings if f.scope == "performance"]
    assert len({f.key for f in found}) == 2
    assert found[1].basis[0] == "performance[1].category"
