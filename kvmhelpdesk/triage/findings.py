"""Findings: what a rule or an analyzer says about one part of a case, with its citation.

Shared by triage (rules), analyze (option-by-option findings) and report (rendering), so
every producer speaks the same JSON contract.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any

# Verdict-bearing statuses, best to worst; the overall verdict is the worst of these found.
VERDICT_ORDER: tuple[str, ...] = ("supported", "best-effort", "tech-preview", "unsupported")
# Statuses that never change a verdict.
CONDITION, ADVICE, UNLISTED = "condition", "advice", "unlisted"
FINDING_STATUSES: tuple[str, ...] = (*VERDICT_ORDER, CONDITION, ADVICE, UNLISTED)


@dataclass(frozen=True)
class Finding:
    """One line of a verdict: `rule` says which check, `entry`/`section` say where it is written."""

    rule: str
    scope: str  # "host", "guest:NAME" or "performance"
    status: str  # one of FINDING_STATUSES
    message: str  # plain words with the numbers
    entry: str | None  # knowledge-base entry id
    section: str | None  # section heading of that entry

    def to_dict(self) -> dict[str, Any]:
        # Not dataclasses.asdict: its deep copy made a 100,000-guest verdict take ~20 s.
        return {name: getattr(self, name) for name in _field_names(type(self))}


@dataclass(frozen=True)
class OptionFinding:
    """What Appendix A says about one parsed command-line option (JSON `options` item)."""

    option: str  # "-drive"
    value: str  # the option's raw value ("" for a flag)
    status: str  # supported | unsupported | unlisted
    message: str  # why, in plain words ("format=qcow2 is not supported: raw only")
    entry: str | None  # knowledge-base entry id, e.g. "opt-drive"
    scope: str = ""  # "guest:NAME" when known (extension; not in the minimum shape)

    def to_dict(self) -> dict[str, Any]:
        return {"option": self.option, "value": self.value, "status": self.status,
                "message": self.message, "entry": self.entry, "scope": self.scope}


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def worst(statuses: list[str]) -> str:
    """The worst verdict-bearing status of `statuses` ("supported" when none bear a verdict)."""
    ranked = [VERDICT_ORDER.index(s) for s in statuses if s in VERDICT_ORDER]
    return VERDICT_ORDER[max(ranked)] if ranked else "supported"
