"""Performance complaints against the statement's expectations table (performance entries)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kvmhelpdesk.kb import Entry
from kvmhelpdesk.triage.findings import ADVICE, CONDITION, Ask, Finding
from kvmhelpdesk.triage.lookup import Lookup
from kvmhelpdesk.triage.rules.base import PERFORMANCE

WITHIN, BELOW, OUTSIDE = "within-expectation", "below-expectation", "outside-expectation"
UNSUPPORTED_MODE, NO_FIGURE = "unsupported-mode", "no-figure"
NOT_APPLICABLE = "not-applicable"  # a cell the table marks "not applicable"
TIME = "time"  # the category where 100% is exact and both directions are wrong
CPU = "cpu"
EPSILON = 1e-9
# The statement calls its figures rough approximations (L234-235): a measured figure within 10%
# of the table's (94% for 95%) is within expectation; only beyond that is it "clearly below".
TOLERANCE = 0.10
# A single time-accuracy figure (kvm-clock: 100%) is met within 1 point either way (100.5%).
TIME_TOLERANCE = 1.0
HOST_EPT = "host.ept_npt"
# A CPU figure over twice QEMU emulation's (7%, L238) is not what emulation delivers.
FAR_ABOVE = 2


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


def assess(look: Lookup, complaint: dict[str, Any], index: int = 0,
           host: dict[str, Any] | None = None) -> tuple[PerformanceItem, Finding]:
    """Judge one complaint; the finding is advice unless the mode itself is unsupported."""
    category, mode = complaint.get("category"), complaint.get("mode")
    measured = complaint.get("measured_percent")
    cells = look.perf_cells(category, mode) if category and mode else []
    what = f"{category or '?'} ({mode or '?'})"
    at = f"performance[{index}]"
    basis: tuple[str, ...] = (f"{at}.category", f"{at}.mode", f"{at}.measured_percent")
    rule, key = f"performance.{category or 'unknown'}", f"performance.{category or 'unknown'}"
    ept = (host or {}).get("ept_npt")
    if category == CPU and mode == "passthrough" and len(cells) > 1:
        basis += (HOST_EPT,)
        cells = cells[1:] if ept is False else cells  # no EPT/NPT: the shadow-paging line
    cell: Entry | None = cells[0] if cells else None
    expected: int | None = None
    span: tuple[int, int] | None = None
    status, ask = ADVICE, None
    said: str | None = None  # the item's own message where it differs from the finding's
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
        if category == CPU and mode == "emulated" and cell.status == "unsupported":
            assessment, said = _emulated_assessment(cell, what, measured, expected)
            status, message, ask = _emulated_cpu(what, said)
        elif cell.status == "unsupported":
            status = "unsupported"
        elif category == CPU and mode == "passthrough" and ept is None and len(cells) > 1:
            status, ask = CONDITION, Ask(confirm=((HOST_EPT, True),), refute=((HOST_EPT, False),))
            message = (f"{message} The table's figure is for hardware virtualization with "
                       "EPT/NPT only; for shadow page tables (no EPT/NPT) it gives none. "
                       "Confirm the host CPU has EPT (Intel) or NPT (AMD).")
        elif measured is None and assessment != NOT_APPLICABLE:
            status = CONDITION
    item = PerformanceItem(category or "", mode or "", measured, expected, span, assessment,
                           said or message, cell.id if cell else None, look.heading(cell))
    return item, look.finding(rule, PERFORMANCE, status, message, cell, basis=basis,
                              key=f"{key}@{PERFORMANCE}#{index + 1}", ask=ask)


def _emulated_assessment(cell: Entry, what: str, measured: float | None,
                         expected: int | None) -> tuple[str, str]:
    """The Fully Virtualized CPU, MMU cell reads "7% (QEMU emulation (unsupported))" (L238-239):
    a figure for QEMU emulation, a mode the table marks unsupported. A measurement near it is
    that mode; one far above it is not what emulation delivers (the CPU is not emulated), and
    calling it an unsupported mode would contradict the figure."""
    cited = f"the {expected}% the table gives for QEMU emulation (unsupported), L238-239" \
        if expected is not None else "the table's QEMU emulation cell (unsupported), L238-239"
    if measured is None:
        return UNSUPPORTED_MODE, (f"{what}: no measured figure given; {cited}: a mode the table "
                                  "marks unsupported.")
    if expected is not None and measured > FAR_ABOVE * expected:
        return OUTSIDE, (f"{what}: measured {_fmt(measured)} is far above {cited}: not what "
                         "QEMU emulation delivers, so this CPU is most likely not emulated; its "
                         "figure to compare with is the Host-Passthrough one (97% with "
                         "hardware virtualization and EPT/NPT, L238-240).")
    return UNSUPPORTED_MODE, (f"{what}: measured {_fmt(measured)} is in line with {cited}: a "
                              "mode the table marks unsupported.")


def _emulated_cpu(what: str, said: str) -> tuple[str, str, Ask]:
    """A complaint in the Fully Virtualized CPU column: an easy mis-pick for a normal KVM guest,
    whose CPU is not emulated. A condition, not a verdict (the host and -no-kvm rules catch
    qemu-only mode on their own), worded so that confirming it is the supported reading."""
    message = (f"{said} Confirm the guest's CPU is not emulated: the kvm modules are loaded "
               "and qemu-kvm runs without -no-kvm (qemu-only mode, L212-218, is what the table's "
               "QEMU emulation figure describes).")
    return CONDITION, message, Ask(
        confirmed=(ADVICE, f"{what}: the guest's CPU is not emulated (the customer says so): "
                           "enter the complaint as Host-Passthrough (hardware virtualization) to "
                           "compare it with that figure (97% with EPT/NPT, L238-240)."),
        refuted=("unsupported", f"{what}: the guest runs in QEMU emulation, qemu-only mode (the "
                                "customer says so): the table marks that mode unsupported "
                                "(L238-239), and the statement does not support it (L218)."))


def _judge(cell: Entry, what: str, measured: float | None, expected: int | None,
           span: tuple[int, int] | None) -> tuple[str, str]:
    kind = cell.fields.get("cell")
    basis = f" ({cell.fields['basis']})" if cell.fields.get("basis") else ""
    if kind == "not-applicable":
        return NOT_APPLICABLE, (f"{what}: the performance table marks this cell not "
                                "applicable; it gives no figure to compare with.")
    if cell.status == "unsupported":
        figure = f" (about {_fmt(expected)} expected)" if expected is not None else ""
        return UNSUPPORTED_MODE, f"{what}: this mode is not supported{figure}."
    if expected is None and span is None:
        return NO_FIGURE, f"{what}: the performance table gives no figure for this cell{basis}."
    target = f"{_fmt(span[0])} - {_fmt(span[1])}" if span else _fmt(expected or 0)
    if measured is None:
        return NO_FIGURE, (f"{what}: no measured figure given; expected {target}{basis}. "
                           "Measure against the same workload without virtualization.")
    low, high = span if span else (expected, expected)
    assert low is not None and high is not None
    rough = "the figures are rough approximations, not guarantees"
    if cell.fields.get("category") == TIME:
        slack = 0.0 if span else TIME_TOLERANCE
        if low - slack - EPSILON <= measured <= high + slack + EPSILON:
            near = "" if low <= measured <= high else f" (within {slack:g} point of it)"
            return WITHIN, (f"{what}: measured {_fmt(measured)} is within the expected "
                            f"{target}{basis}{near}: not a bug by the statement's guideline.")
        way = "fast" if measured > high else "slow"
        return OUTSIDE, (f"{what}: measured {_fmt(measured)} (time runs {way}) is outside the "
                         f"expected {target}{basis}: worth investigating.")
    if measured + EPSILON >= low:
        return WITHIN, (f"{what}: measured {_fmt(measured)} meets the expected {target}{basis}: "
                        f"not a bug by the statement's guideline ({rough}).")
    if measured + EPSILON >= low * (1 - TOLERANCE):
        return WITHIN, (f"{what}: measured {_fmt(measured)} is within {TOLERANCE:.0%} of the "
                        f"expected {target}{basis}: within expectation ({rough}).")
    return BELOW, (f"{what}: measured {_fmt(measured)} is clearly below the expected "
                   f"{target}{basis} (more than {TOLERANCE:.0%} under it): worth investigating "
                   "as a possible bug.")
