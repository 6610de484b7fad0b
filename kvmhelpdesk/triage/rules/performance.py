"""Performance complaints against the statement's expectations table (performance entries)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kvmhelpdesk.kb import Entry
from kvmhelpdesk.triage.findings import ADVICE, CONDITION, Finding
from kvmhelpdesk.triage.lookup import Lookup
from kvmhelpdesk.triage.rules.base import PERFORMANCE

WITHIN, BELOW, OUTSIDE = "within-expectation", "below-expectation", "outside-expectation"
UNSUPPORTED_MODE, NO_FIGURE = "unsupported-mode", "no-figure"
TIME = "time"  # the category where 100% is exact and both directions are wrong
EPSILON = 1e-9


@dataclass(frozen=True)
class PerformanceItem:
    """One complaint judged against its table cell."""

    category: str
    mode: str
    measured_percent: float | None
    expected_percent: int | None  # a single figure
    expected_range: tuple[int, int] | None  # a range (time accuracy 95-105)
    assessment: str
    message: str
    entry: str | None
    section: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"category": self.category, "mode": self.mode,
                "measured_percent": self.measured_percent,
                "expected_percent": self.expected_percent,
                "expected_range": list(self.expected_range) if self.expected_range else None,
                "assessment": self.assessment, "message": self.message,
                "entry": self.entry, "section": self.section}


def _fmt(value: float) -> str:
    return f"{value:g}%"


def assess(look: Lookup, complaint: dict[str, Any]) -> tuple[PerformanceItem, Finding]:
    """Judge one complaint; the finding is advice unless the mode itself is unsupported."""
    category, mode = complaint.get("category"), complaint.get("mode")
    measured = complaint.get("measured_percent")
    cells = look.perf_cells(category, mode) if category and mode else []
    cell: Entry | None = cells[0] if cells else None
    what = f"{category or '?'} ({mode or '?'})"
    expected: int | None = None
    span: tuple[int, int] | None = None
    status = ADVICE
    if cell is None:
        assessment = NO_FIGURE
        message = f"{what}: the performance table has no cell for this category and mode."
    else:
        f = cell.fields
        if f.get("percent_min") is not None and f.get("percent_max") is not None:
            span = (f["percent_min"], f["percent_max"])
        elif f.get("percent") is not None:
            expected = f["percent"]
        assessment, message = _judge(cell, what, measured, expected, span)
        if cell.status == "unsupported":
            status = "unsupported"
        elif measured is None:
            status = CONDITION
    item = PerformanceItem(category or "", mode or "", measured, expected, span, assessment,
                           message, cell.id if cell else None, look.heading(cell))
    return item, look.finding(f"performance.{category or 'unknown'}", PERFORMANCE, status,
                              message, cell)


def _judge(cell: Entry, what: str, measured: float | None, expected: int | None,
           span: tuple[int, int] | None) -> tuple[str, str]:
    kind = cell.fields.get("cell")
    basis = f" ({cell.fields['basis']})" if cell.fields.get("basis") else ""
    if kind == "not-applicable":
        return UNSUPPORTED_MODE, f"{what}: the performance table marks this mode not applicable."
    if cell.status == "unsupported":
        figure = f" (about {_fmt(expected)} expected)" if expected is not None else ""
        return UNSUPPORTED_MODE, f"{what}: this mode is not supported{figure}."
    if expected is None and span is None:
        return NO_FIGURE, f"{what}: the performance table gives no figure for this cell."
    target = f"{_fmt(span[0])} - {_fmt(span[1])}" if span else _fmt(expected or 0)
    if measured is None:
        return NO_FIGURE, (f"{what}: no measured figure given; expected {target}{basis}. "
                           "Measure against the same workload without virtualization.")
    low, high = span if span else (expected, expected)
    assert low is not None and high is not None
    if cell.fields.get("category") == TIME:
        if low - EPSILON <= measured <= high + EPSILON:
            return WITHIN, (f"{what}: measured {_fmt(measured)} is within the expected "
                            f"{target}{basis}: not a bug by the statement's guideline.")
        way = "fast" if measured > high else "slow"
        return OUTSIDE, (f"{what}: measured {_fmt(measured)} (time runs {way}) is outside the "
                         f"expected {target}{basis}: worth investigating.")
    if measured + EPSILON >= low:
        return WITHIN, (f"{what}: measured {_fmt(measured)} meets the expected {target}{basis}: "
                        "not a bug by the statement's guideline (figures are not guaranteed).")
    return BELOW, (f"{what}: measured {_fmt(measured)} is below the expected {target}{basis}: "
                   "worth investigating as a possible bug.")
