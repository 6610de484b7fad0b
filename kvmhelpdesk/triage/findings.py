"""Findings: what a rule or an analyzer says about one part of a case, with its citation.

Shared by triage (rules), analyze (option-by-option findings) and report (rendering), so
every producer speaks the same JSON contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Verdict-bearing statuses, best to worst; the overall verdict is the worst of these found.
VERDICT_ORDER: tuple[str, ...] = ("supported", "best-effort", "tech-preview", "unsupported")
# The overall verdict of a case in which no verdict-bearing finding rests on a given answer.
# It ranks outside the four tiers: any judged finding decides instead.
UNDETERMINED = "undetermined"
# Statuses that never change a verdict.
CONDITION, ADVICE, UNLISTED = "condition", "advice", "unlisted"
FINDING_STATUSES: tuple[str, ...] = (*VERDICT_ORDER, CONDITION, ADVICE, UNLISTED)
# The engineer's record of a condition (case format v2 `confirmations[KEY].state`).
CONFIRMED, OPEN, REFUTED = "confirmed", "open", "refuted"
Answers = tuple[tuple[str, Any], ...]  # (answer path, value) pairs


@dataclass(frozen=True)
class Confirmation:
    """What the customer said about a condition, as the case records it."""

    state: str  # confirmed | open | refuted
    note: str = ""
    at: str = ""  # "" when unknown (JSON: null)

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.state, "note": self.note, "at": self.at or None}


@dataclass(frozen=True)
class Ask:
    """How a condition is grouped with its kind across guests and what an answer to it means.

    Not part of the JSON: the verdict uses it to group conditions ("Disks not given for web01,
    db01: ...") and to turn a confirmation or a refutation into the answers it stands for, so
    the rules themselves say what the statement makes of that answer.
    """

    group: str = ""  # conditions with the same group (and state) become one line
    who: str = ""  # this condition's part of a group line: "web01", "web01 disk 2"
    text: str = ""  # the group line, with "{who}" for the list of members
    confirm: Answers = ()  # answers a confirmation stands for
    refute: Answers = ()  # answers a refutation stands for
    refuted: tuple[str, str] | None = None  # (status, message) when no answer expresses it
    confirmed: tuple[str, str] | None = None  # the same for a confirmation, where it decides


@dataclass(frozen=True)
class Finding:
    """One line of a verdict: `rule` says which check, `entry`/`section` say where it is written.

    `key` names the finding stably within a verdict (`rule@scope`, with a `#part` where a rule
    says several things about one scope); conditions are confirmed under it. `basis` lists the
    answer paths the finding rests on (`host.cpu_cores`, `guests[0].disks[1].format`).
    """

    rule: str
    scope: str  # "host", "guest:NAME" or "performance"
    status: str  # one of FINDING_STATUSES
    message: str  # plain words with the numbers
    entry: str | None  # knowledge-base entry id
    section: str | None  # section heading of that entry
    key: str = ""
    basis: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # a grouped condition: the keys of the conditions it joins
    confirmation: Confirmation | None = None
    ask: Ask | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", f"{self.rule}@{self.scope}")

    @property
    def state(self) -> str:
        """The confirmation state of a condition (`open` when nothing is recorded)."""
        return self.confirmation.state if self.confirmation is not None else OPEN

    def to_dict(self) -> dict[str, Any]:
        # Written out by hand: dataclasses.asdict deep-copies and is slow for 100k findings.
        return {"rule": self.rule, "scope": self.scope, "status": self.status,
                "message": self.message, "entry": self.entry, "section": self.section,
                "key": self.key, "basis": list(self.basis), "members": list(self.members),
                "confirmation": self.confirmation.to_dict() if self.confirmation else None}


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


def worst(statuses: list[str]) -> str:
    """The worst verdict-bearing status of `statuses` ("supported" when none bear a verdict)."""
    ranked = [VERDICT_ORDER.index(s) for s in statuses if s in VERDICT_ORDER]
    return VERDICT_ORDER[max(ranked)] if ranked else "supported"


# How a rule words a condition that only the statement's owner can settle (the statement is
# silent or ambiguous on it); every such message ends "confirm with the statement's owner".
OWNER_QUESTION = "confirm with the statement's owner"


def asks_statement_owner(finding: Finding) -> bool:
    """A condition the customer cannot answer: the statement itself is silent or unclear, so
    reports and the verdict page list it apart, as an open question about the statement."""
    return finding.status == CONDITION and OWNER_QUESTION in finding.message.lower()
