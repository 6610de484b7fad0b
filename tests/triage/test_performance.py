"""Performance complaints against the expectations table."""

from __future__ import annotations

import pytest

from kvmhelpdesk.triage import check
from tests.helpers.cases import make_case


def judge(kb, category: str, mode: str, measured: float | None = None):
    complaint = {"category": category, "mode": mode}
    if measured is not None:
        complaint["measured_percent"] = measured
    result = check(make_case(performance=[complaint]), kb)
    finding = next(f for f in result.findings if f.scope == "performance")
    return result.performance[0], finding


@pytest.mark.parametrize(
    ("category", "mode", "measured", "assessment", "expected"),
    [("network", "paravirtualized", 75, "within-expectation", 75),
     ("network", "paravirtualized", 74.5, "below-expectation", 75),
     ("network", "emulated", 20, "within-expectation", 20),
     ("network", "passthrough", 90, "below-expectation", 95),
     ("disk", "paravirtualized", 60, "below-expectation", 85),
     ("disk", "emulated", 41, "within-expectation", 40),
     ("graphics", "emulated", 50, "within-expectation", 50),
     ("cpu", "passthrough", 97, "within-expectation", 97),
     ("time", "paravirtualized", 100, "within-expectation", 100),
     ("time", "paravirtualized", 101, "outside-expectation", 100)],
)
def test_single_figures(kb, category, mode, measured, assessment, expected) -> None:
    item, finding = judge(kb, category, mode, measured)
    assert item.assessment == assessment
    assert item.expected_percent == expected and item.expected_range is None
    assert item.entry == f"perf-{category}-{mode}"
    assert finding.status == "advice" and finding.entry == item.entry
    assert f"{measured:g}%" in finding.message and f"{expected}%" in finding.message


@pytest.mark.parametrize(("measured", "assessment"), [(95, "within-expectation"),
                                                      (105, "within-expectation"),
                                                      (94.9, "outside-expectation"),
                                                      (150, "outside-expectation")])
def test_time_range(kb, measured: float, assessment: str) -> None:
    item, finding = judge(kb, "time", "emulated", measured)
    assert item.assessment == assessment
    assert item.expected_range == (95, 105) and item.expected_percent is None
    if measured == 150:
        assert "fast" in finding.message


def test_unsupported_and_missing_cells(kb) -> None:
    item, finding = judge(kb, "cpu", "emulated", 7)
    assert item.assessment == "unsupported-mode" and finding.status == "unsupported"
    item, finding = judge(kb, "cpu", "paravirtualized", 50)
    assert item.assessment == "unsupported-mode" and finding.status == "advice"
    item, _ = judge(kb, "graphics", "paravirtualized", 50)
    assert item.assessment == "no-figure"
    item, finding = judge(kb, "disk", "paravirtualized")
    assert item.assessment == "no-figure" and finding.status == "condition"
    assert "85%" in finding.message
