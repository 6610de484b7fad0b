"""Conditions that last: the engineer's confirmations applied, and conditions grouped.

A confirmed condition counts as its answer given; a refuted one as the opposite answer, so
the rules say what the statement makes of it (refuting "the kvm modules are loaded" is
qemu-only mode). Where no single answer expresses a condition ("every disk is raw"), its
`Ask` names the finding a refutation becomes. Conditions of one kind across guests become one
line naming them ("Disks not given for web01, db01: ..."), each member keeping its own key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from kvmhelpdesk.kb.hashing import sha1
from kvmhelpdesk.triage.findings import (
    CONDITION,
    CONFIRMED,
    OPEN,
    REFUTED,
    UNLISTED,
    VERDICT_ORDER,
    Confirmation,
    Finding,
)
from kvmhelpdesk.triage.paths import set_path
from kvmhelpdesk.triage.plaindata import plain_copy

MAX_WHO = 12  # members named in a group line before "and N more"
GUEST_SCOPE = "guest:"
SAME = "="  # a group of conditions that say the same about several guests


def read_records(case: Mapping[str, Any]) -> dict[str, Confirmation]:
    """The case's `confirmations` (format v2) as Confirmation objects, by condition key."""
    out: dict[str, Confirmation] = {}
    for key, record in (case.get("confirmations") or {}).items():
        if isinstance(record, Mapping) and record.get("state") in (CONFIRMED, OPEN, REFUTED):
            out[key] = Confirmation(record["state"], record.get("note") or "",
                                    record.get("at") or "")
    return out


def bears_verdict(condition: Finding) -> bool:
    """Whether an answer to this condition can change a verdict: it stands for answers the
    rules judge, or its confirmation or refutation becomes a verdict-bearing finding. A
    condition without that (a note to check, advice) is informational: confirming it is no
    evidence for the verdict."""
    ask = condition.ask
    if ask is None:
        return False
    return bool(ask.confirm or ask.refute) or any(
        outcome is not None and outcome[0] in VERDICT_ORDER
        for outcome in (ask.confirmed, ask.refuted))


@dataclass
class Resolution:
    """What the recorded answers to conditions amount to."""

    overlay: dict[str, Any] = field(default_factory=dict)  # answer path -> value
    sources: dict[str, Confirmation] = field(default_factory=dict)  # path -> its record
    outcomes: list[Finding] = field(default_factory=list)  # findings refutations become
    settled: set[str] = field(default_factory=set)  # answer paths a record speaks for
    states: dict[str, Confirmation] = field(default_factory=dict)  # condition key -> record


@dataclass
class States:
    """The records each condition shows, and which of them the check does not act on."""

    shown: dict[str, Confirmation] = field(default_factory=dict)  # condition key -> record
    # Members of a group line refuted as a whole: shown refuted, judged on nothing.
    undecided: set[str] = field(default_factory=set)
    reviews: list[Finding] = field(default_factory=list)  # one needs-review line per such group

    @property
    def acted(self) -> dict[str, Confirmation]:
        """The records the check turns into answers or findings."""
        return {k: r for k, r in self.shown.items() if k not in self.undecided}


def member_states(conditions: list[Finding],
                  records: Mapping[str, Confirmation]) -> States:
    """Each condition's record: its own key's, else that of the group line it falls in.

    A group line of several guests refuted as a whole does not say which of them it fails for:
    no member is judged on it (never all of them unsupported at once); the line shows the
    refutation and a needs-review finding names the guests still to answer one by one.
    """
    out = States({c.key: records[c.key] for c in conditions if c.key in records})
    if not records:
        return out
    by_key = {c.key: c for c in conditions}
    for line in group_conditions([_with_state(c, out.shown) for c in conditions]):
        record = records.get(line.key)
        if record is None or not line.members:
            continue
        fresh = [m for m in line.members if m not in out.shown]
        for member in fresh:
            out.shown[member] = record
        if record.state == REFUTED and len(line.members) > 1 and fresh:
            out.undecided.update(fresh)
            out.reviews.append(_refuted_group(line, record, [by_key[m] for m in fresh]))
    return out


def _refuted_group(line: Finding, record: Confirmation, members: list[Finding]) -> Finding:
    """A group line refuted as a whole: needs review, naming the guests left unanswered."""
    who = _who([m.ask.who if m.ask is not None and m.ask.who else
                m.scope[len(GUEST_SCOPE):] if m.scope.startswith(GUEST_SCOPE) else m.scope
                for m in members])
    note = f" (Note: {record.note.strip().rstrip('.')}.)" if record.note.strip() else ""
    return Finding(rule=line.rule, scope=line.scope, status=UNLISTED,
                   message=f"Refuted for {who} as a group: the customer says it does not hold "
                           "for at least one of them but not for which, so none of them is "
                           "judged on it. Record the answer guest by guest (each can be refuted "
                           f"on its own): needs review.{note}",
                   entry=line.entry, section=line.section, key=f"{line.key}#{REFUTED}",
                   basis=line.basis, confirmation=record)


def resolve(conditions: list[Finding], states: Mapping[str, Confirmation]) -> Resolution:
    """The answers confirmations and refutations stand for, and the findings refutations
    become where no answer can say it."""
    out = Resolution(states=dict(states))
    said: set[tuple[str, str, str]] = set()
    for condition in conditions:
        record = states.get(condition.key)
        if record is None or record.state == OPEN:
            continue
        out.settled.update(condition.basis)
        ask = condition.ask
        answers = (ask.confirm if record.state == CONFIRMED else ask.refute) if ask else ()
        for path, value in answers:
            out.overlay[path] = value
            out.sources[path] = record
        if answers:
            continue
        if record.state == CONFIRMED:
            if ask is None or ask.confirmed is None:
                continue
            status, message = ask.confirmed
        else:
            status, message = (ask.refuted if ask and ask.refuted else
                               (UNLISTED, f"The customer says this does not hold: "
                                          f"{condition.message} What the statement makes of "
                                          "that is not encoded here: needs review."))
        once = (condition.scope, ask.group if ask else condition.key, message)
        if once in said:
            continue
        said.add(once)
        note = f" (Note: {record.note.strip().rstrip('.')}.)" if record.note.strip() else ""
        out.outcomes.append(replace(condition, status=status, message=message + note,
                                    key=f"{condition.key}#{record.state}", confirmation=record,
                                    ask=None))
    return out


def apply_overlay(case: Mapping[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the case with the answers the confirmations stand for."""
    effective = plain_copy(dict(case))
    for path, value in overlay.items():
        set_path(effective, path, value)
    return effective


def _noted(message: str, record: Confirmation) -> str:
    note = f": {record.note.strip().rstrip('.')}" if record.note.strip() else ""
    if record.state == CONFIRMED:
        return f"{message} (Confirmed by the customer{note}.)"
    return f"{message} (The customer said so{note}.)"


def annotate(findings: Iterable[Finding], sources: Mapping[str, Confirmation]) -> list[Finding]:
    """Findings resting on an answer a confirmation gave say so, with the note."""
    out = []
    for finding in findings:
        record = next((sources[p] for p in finding.basis if p in sources), None)
        if record is None or finding.status == CONDITION:
            out.append(finding)
        else:
            out.append(replace(finding, message=_noted(finding.message, record),
                               confirmation=record))
    return out


def merge(first: list[Finding], second: list[Finding],
          states: Mapping[str, Confirmation]) -> list[Finding]:
    """The conditions to show: the first run's (with their records) where answered, else the
    second run's, then conditions the confirmed answers newly raise."""
    now = {c.key: c for c in second if c.status == CONDITION}
    seen: set[str] = set()
    out: list[Finding] = []
    for condition in first:
        if condition.status != CONDITION:
            continue
        record = states.get(condition.key)
        if record is not None and record.state != OPEN:
            out.append(replace(condition, confirmation=record))
        elif condition.key in now:
            out.append(_with_state(now[condition.key], states))
        seen.add(condition.key)
    out += [_with_state(c, states) for key, c in now.items() if key not in seen]
    return out


def _with_state(condition: Finding, states: Mapping[str, Confirmation]) -> Finding:
    record = states.get(condition.key)
    return replace(condition, confirmation=record) if record is not None else condition


def group_key(group: str, members: list[str]) -> str:
    digest = sha1("\n".join(members).encode("utf-8")).hexdigest()[:12]
    return f"{group}@group#{digest}"


_PART = re.compile(r"(.+) (disk|NIC) (\d+)")


def _compact(names: list[str]) -> list[str]:
    """`web01 disk 1`, `web01 disk 2` -> `web01 (disks 1 and 2)`."""
    parts: dict[tuple[str, str], list[str]] = {}
    out: list[str | tuple[str, str]] = []
    for name in names:
        found = _PART.fullmatch(name)
        if found is None:
            out.append(name)
            continue
        slot = (found.group(1), found.group(2))
        if slot not in parts:
            parts[slot] = []
            out.append(slot)
        parts[slot].append(found.group(3))
    words = []
    for item in out:
        if isinstance(item, str):
            words.append(item)
            continue
        numbers = parts[item]
        noun = item[1] if len(numbers) == 1 else f"{item[1]}s"
        listed = numbers[0] if len(numbers) == 1 else \
            f"{', '.join(numbers[:-1])} and {numbers[-1]}"
        words.append(f"{item[0]} ({noun} {listed})")
    return words


def _who(names: list[str]) -> str:
    names = _compact(list(dict.fromkeys(names)))
    if len(names) > MAX_WHO:
        shown = ", ".join(names[:MAX_WHO])
        return f"{shown} and {len(names) - MAX_WHO} more"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def group_conditions(conditions: list[Finding]) -> list[Finding]:
    """Conditions of one kind and state as one line naming their guests (a lone one stays)."""
    buckets: dict[tuple[str, str], list[Finding]] = {}
    order: list[tuple[str, str] | Finding] = []
    for condition in conditions:
        ask = condition.ask
        if ask is not None and ask.group:
            group = ask.group
        elif condition.scope.startswith(GUEST_SCOPE):
            # The same words about several guests ("'Windows XP SP3' ..."): one line too.
            group = f"{SAME}{condition.rule}\n{condition.message}"
        else:
            order.append(condition)
            continue
        slot = (group, condition.state)
        if slot not in buckets:
            buckets[slot] = []
            order.append(slot)
        buckets[slot].append(condition)
    out: list[Finding] = []
    for item in order:
        if isinstance(item, Finding):
            out.append(item)
            continue
        members = buckets[item]
        if len(members) == 1:
            out.append(members[0])
            continue
        out.append(_line(item[0], members))
    return out


def _line(group: str, members: list[Finding]) -> Finding:
    first = members[0]
    keys = [m.key for m in members]
    scopes = list(dict.fromkeys(m.scope for m in members))
    basis = tuple(dict.fromkeys(p for m in members for p in m.basis))
    if group.startswith(SAME):
        message = f"For {_who([s[len(GUEST_SCOPE):] for s in scopes])}: {first.message}"
        group = f"{first.rule}:{sha1(first.message.encode('utf-8')).hexdigest()[:8]}"
    else:
        assert first.ask is not None
        text = first.ask.text or first.message
        message = text.replace("{who}", _who([m.ask.who or m.scope for m in members if m.ask]))
    return Finding(rule=first.rule, scope=scopes[0] if len(scopes) == 1 else "guests",
                   status=CONDITION, message=message, entry=first.entry, section=first.section,
                   key=group_key(group, keys), basis=basis, members=tuple(keys),
                   confirmation=_joint([m.confirmation for m in members]), ask=first.ask)


def _joint(records: list[Confirmation | None]) -> Confirmation | None:
    """Members of a line share a state; the line shows their notes and the latest time."""
    present = [r for r in records if r is not None]
    if not present:
        return None
    notes = list(dict.fromkeys(r.note for r in present if r.note))
    return Confirmation(present[0].state, "; ".join(notes), max(r.at for r in present))
