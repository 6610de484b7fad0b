"""Run the rules over a case and aggregate the findings into a Verdict.

`check(case, kb)` is the one entry point for CLI, reports and wizard; `check_guest` runs only
the guest rules so a wizard can give feedback after every answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.triage import confirm
from kvmhelpdesk.triage.case import CaseError, validate_case, validate_guest
from kvmhelpdesk.triage.evidence import EvidenceIndex
from kvmhelpdesk.triage.findings import (
    ADVICE,
    CONDITION,
    CONFIRMED,
    OPEN,
    REFUTED,
    UNDETERMINED,
    UNLISTED,
    VERDICT_ORDER,
    Finding,
    OptionFinding,
    worst,
)
from kvmhelpdesk.triage.lookup import Lookup, lookup
from kvmhelpdesk.triage.paths import has_path
from kvmhelpdesk.triage.rules import GUEST_RULES, HOST_RULES, CaseContext, GuestContext
from kvmhelpdesk.triage.rules.guestos import match_guest
from kvmhelpdesk.triage.rules.performance import PerformanceItem, assess

GUEST_SCOPE = "guest:"


@dataclass
class GuestVerdict:
    """One guest's own verdict, the OS row it matched and the answers a report lists."""

    name: str
    verdict: str
    os_entry: str | None
    os: str | None = None  # the case's free text
    os_row: str | None = None  # the row label as printed ("Win 2K8+")
    bits: int | None = None  # as given, else as the OS text says
    vcpus: int | None = None
    memory_mb: int | None = None

    @property
    def scope(self) -> str:
        return f"{GUEST_SCOPE}{self.name}"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "verdict": self.verdict, "os_entry": self.os_entry,
                "os": self.os, "os_row": self.os_row}


@dataclass
class Verdict:
    """Everything a report shows: the overall verdict, per-guest verdicts, cited findings."""

    verdict: str
    release: str
    guests: list[GuestVerdict] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    performance: list[PerformanceItem] = field(default_factory=list)
    options: list[OptionFinding] = field(default_factory=list)
    title: str = ""
    release_title: str = ""
    host: dict[str, Any] = field(default_factory=dict)  # the case's host answers (reports)
    # The answers as judged (the case plus what confirmations stand for) and the answer paths
    # a confirmation or refutation speaks for: what decides whether anything was judged.
    answers: dict[str, Any] = field(default_factory=dict, repr=False)
    settled: frozenset[str] = frozenset()
    # Where the case's answers were read (answer path -> file, line, section, excerpt) and
    # what from (a support bundle): reports show each finding's source lines.
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    source: dict[str, Any] = field(default_factory=dict)

    def add(self, findings: Iterable[Finding] = (), options: Iterable[OptionFinding] = ()) -> None:
        """Append findings from elsewhere (an analyzer) and recompute the verdicts.

        A finding about a guest that names no answers rests on that guest as imported.
        """
        index = {g.scope: i for i, g in enumerate(self.guests)}
        keys = {f.key for f in self.findings}
        for finding in findings:
            if not finding.basis and finding.scope in index:
                finding = replace(finding, basis=(f"guests[{index[finding.scope]}]",))
            key, number = finding.key, 1
            while key in keys:
                number += 1
                key = f"{finding.key}#{number}"
            keys.add(key)
            self.findings.append(finding if key == finding.key else replace(finding, key=key))
        self.options.extend(options)
        self.recompute()

    def judged(self, finding: Finding) -> bool:
        """A verdict-bearing finding resting on an answer given (or spoken for by the
        customer); one naming no answer rests on input outside the case (a command line)."""
        if finding.status not in VERDICT_ORDER:
            return False
        if not finding.basis:
            return True
        return any(p in self.settled or has_path(self.answers, p) for p in finding.basis)

    def _verdict_of(self, findings: list[Finding]) -> str:
        """A confirmed condition is evidence only where it bears on the verdict (its answer or
        its refutation would change it): ticking an informational one decides nothing."""
        if any(self.judged(f) for f in findings) or any(
                f.status == CONDITION and f.state == CONFIRMED and confirm.bears_verdict(f)
                for f in findings):
            return worst([f.status for f in findings])
        return UNDETERMINED

    def recompute(self) -> None:
        """Each guest's verdict is the worst of its findings; the overall one of all findings.

        Nothing judged (no verdict-bearing finding rests on a given answer) is `undetermined`.
        """
        by_scope: dict[str, list[Finding]] = {}
        for finding in self.findings:
            by_scope.setdefault(finding.scope, []).append(finding)
        for guest in self.guests:
            guest.verdict = self._verdict_of(by_scope.get(guest.scope, []))
        self.verdict = self._verdict_of(self.findings)

    def with_status(self, *statuses: str) -> list[Finding]:
        return [f for f in self.findings if f.status in statuses]

    @property
    def conditions(self) -> list[Finding]:
        return self.with_status(CONDITION)

    @property
    def open_conditions(self) -> list[Finding]:
        return [f for f in self.conditions if f.state == OPEN]

    def condition_counts(self) -> dict[str, int]:
        """How many conditions there are and how many the customer confirmed or refuted."""
        counts = {"conditions": 0, CONFIRMED: 0, OPEN: 0, REFUTED: 0}
        for condition in self.conditions:
            counts["conditions"] += 1
            counts[condition.state] += 1
        return counts

    @property
    def advice(self) -> list[Finding]:
        return self.with_status(ADVICE)

    @property
    def unlisted(self) -> list[Finding]:
        return self.with_status(UNLISTED)

    def evidence_index(self) -> EvidenceIndex:
        """The case's evidence, ready to join to findings (`.sources(finding.basis)`)."""
        return EvidenceIndex(self.evidence)

    def to_dict(self) -> dict[str, Any]:
        """The `check --json` document (a contract for tools outside the project)."""
        index = self.evidence_index()
        findings = []
        for finding in self.findings:
            item = finding.to_dict()
            item["evidence"] = [{"path": path, **entry} for path, entry in
                                index.sources(finding.basis)] if index else []
            findings.append(item)
        document = {
            "verdict": self.verdict,
            "release": self.release,
            "title": self.title,
            "guests": [g.to_dict() for g in self.guests],
            "findings": findings,
            "performance": [p.to_dict() for p in self.performance],
            "options": [o.to_dict() for o in self.options],
            "condition_counts": self.condition_counts(),
        }
        if self.source:
            document["source"] = dict(self.source)
        if self.evidence:
            document["evidence"] = {path: dict(entry) for path, entry in self.evidence.items()}
        return document


def _lookup(kb: KnowledgeBase, release: str | None) -> Lookup:
    try:
        return lookup(kb, release)
    except KeyError:
        known = ", ".join(kb.releases) or "none"
        raise CaseError(f"unknown release {release!r} (known: {known})", "release") from None


def guest_names(guests: list[dict[str, Any]]) -> list[str]:
    """Scope names: the guest's name (or `guest N`), made unique with ` (2)`, ` (3)`."""
    used: dict[str, int] = {}
    names = []
    for index, guest in enumerate(guests):
        base = (guest.get("name") or "").strip() or f"guest {index + 1}"
        used[base] = used.get(base, 0) + 1
        names.append(base if used[base] == 1 else f"{base} ({used[base]})")
    return names


def _judge(case: dict[str, Any], look: Lookup,
           kb: KnowledgeBase) -> tuple[CaseContext, list[Finding], list[PerformanceItem]]:
    """Every rule over the case's answers."""
    ctx = CaseContext(look=look, host=dict(case.get("host") or {}))
    guests = list(case.get("guests") or ())
    for index, (guest, name) in enumerate(zip(guests, guest_names(guests), strict=True)):
        gctx = GuestContext(case=ctx, guest=guest, name=name, index=index)
        gctx.os = match_guest(gctx, kb)
        ctx.guests.append(gctx)
    findings: list[Finding] = []
    for host_rule in HOST_RULES:
        findings += host_rule(ctx)
    for gctx in ctx.guests:
        for guest_rule in GUEST_RULES:
            findings += guest_rule(gctx)
    if not guests:
        findings.append(_no_guests(kb, look.release))
    performance: list[PerformanceItem] = []
    for index, complaint in enumerate(case.get("performance") or ()):
        item, finding = assess(look, complaint, index, ctx.host)
        performance.append(item)
        findings.append(finding)
    return ctx, findings, performance


def check(case: dict[str, Any], kb: KnowledgeBase, *, validate: bool = True) -> Verdict:
    """Judge a case (format v1 or v2) against its release (default: the newest loaded).

    The engineer's `confirmations` count: a confirmed condition as its answer given, a refuted
    one as what the statement says of the opposite answer.
    """
    if validate:
        validate_case(case)
    look = _lookup(kb, case.get("release"))
    ctx, findings, performance = _judge(case, look, kb)
    records = confirm.read_records(case)
    answers, settled = case, frozenset[str]()
    if records:
        first = [f for f in findings if f.status == CONDITION]
        states = confirm.member_states(first, records)
        resolution = confirm.resolve(first, states.acted)
        if resolution.overlay:
            answers = confirm.apply_overlay(case, resolution.overlay)
            ctx, second, performance = _judge(answers, look, kb)
        else:
            second = findings
        conditions = confirm.merge(findings, second, states.shown)
        judged = confirm.annotate((f for f in second if f.status != CONDITION),
                                  resolution.sources)
        findings = _in_order(judged + resolution.outcomes + states.reviews, conditions)
        settled = frozenset(resolution.settled)
    findings = _unique_keys(_grouped(findings))

    release = kb.release(look.release)
    verdict = Verdict(
        verdict=UNDETERMINED, release=look.release, findings=findings,
        performance=performance, title=case.get("title") or "", release_title=release.title,
        host=dict(case.get("host") or {}), answers=answers, settled=settled,
        guests=[_guest_verdict(g, case) for g in ctx.guests],
        evidence={p: dict(e) for p, e in (case.get("evidence") or {}).items()},
        source=dict(case.get("source") or {}),
    )
    verdict.recompute()
    return verdict


def _guest_verdict(g: GuestContext, case: dict[str, Any]) -> GuestVerdict:
    """The guest as judged; its OS as the case gives it (a confirmed answer may have made the
    OS text the rules judged unambiguous: "SLE 11 SP1 (Server)")."""
    entry = g.os.entry if g.os is not None else None
    bits = g.get("bits") if g.get("bits") is not None else (g.os.bits if g.os else None)
    given = list(case.get("guests") or ())
    os_text = given[g.index].get("os") if g.index < len(given) else g.get("os")
    return GuestVerdict(name=g.name, verdict=UNDETERMINED, os_entry=entry.id if entry else None,
                        os=os_text, os_row=(entry.source_text or entry.title)
                        if entry else None, bits=bits, vcpus=g.get("vcpus"),
                        memory_mb=g.get("memory_mb"))


def _in_order(judged: list[Finding], conditions: list[Finding]) -> list[Finding]:
    """Judged findings and conditions together, by scope in the rules' order."""
    order: dict[str, int] = {}
    for finding in (*judged, *conditions):
        order.setdefault(finding.scope, len(order))
    return sorted((*judged, *conditions), key=lambda f: order[f.scope])


def _grouped(findings: list[Finding]) -> list[Finding]:
    """Conditions of one kind across guests as one line, where the first of them stood."""
    conditions = [f for f in findings if f.status == CONDITION]
    if not any(c.ask is not None and c.ask.group for c in conditions):
        return findings
    lines = confirm.group_conditions(conditions)
    place = {m: line for line in lines for m in (line.members or (line.key,))}
    out: list[Finding] = []
    done: set[str] = set()
    for finding in findings:
        if finding.status != CONDITION:
            out.append(finding)
            continue
        line = place[finding.key]
        if line.key not in done:
            done.add(line.key)
            out.append(line)
    return out


def _unique_keys(findings: list[Finding]) -> list[Finding]:
    """Keys are unique within a verdict. A condition keeps its key (confirmations are stored
    under it); the finding a confirmed answer produced under the same key gets `#confirmed`
    (`#refuted`); any other repeat gets `#2`, `#3` in order."""
    conditions = {f.key for f in findings if f.status == CONDITION}
    findings = [replace(f, key=f"{f.key}#{f.state if f.confirmation else 'judged'}")
                if f.status != CONDITION and f.key in conditions else f for f in findings]
    seen: dict[str, int] = {}
    out = []
    for finding in findings:
        count = seen[finding.key] = seen.get(finding.key, 0) + 1
        out.append(finding if count == 1 else replace(finding, key=f"{finding.key}#{count}"))
    return out


def _no_guests(kb: KnowledgeBase, release: str) -> Finding:
    """A case without guests: say so, or "Supported" would read as a verdict on guests too.

    A note, not a condition: there is nothing for the customer to confirm, and ticking it must
    not turn an empty case green.
    """
    table = kb.find("art-guest-os-table", release)
    return Finding(rule="case.guests", scope="host", status=ADVICE,
                   message="No guest is described: this verdict covers the host only. Add the "
                           "guests (or import their command lines or XML) to check them.",
                   entry=table.id if table else None,
                   section=kb.section_heading(table) if table else None, basis=("guests",))


def check_guest(guest: dict[str, Any], kb: KnowledgeBase, release: str | None = None,
                host: dict[str, Any] | None = None) -> list[Finding]:
    """The guest rules alone, for live feedback while a wizard's guest page is edited.

    Host-wide rules (vCPU total, duplicate MACs, PCI passthrough prerequisites) need the whole
    case and are left to `check`.
    """
    validate_guest(guest)
    ctx = CaseContext(look=_lookup(kb, release), host=dict(host or {}))
    gctx = GuestContext(case=ctx, guest=guest, name=guest_names([guest])[0], index=0)
    gctx.os = match_guest(gctx, kb)
    ctx.guests.append(gctx)
    findings: list[Finding] = []
    for guest_rule in GUEST_RULES:
        findings += guest_rule(gctx)
    return findings
