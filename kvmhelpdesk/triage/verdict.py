"""Run the rules over a case and aggregate the findings into a Verdict.

`check(case, kb)` is the one entry point for CLI, reports and wizard; `check_guest` runs only
the guest rules so a wizard can give feedback after every answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.triage.case import CaseError, validate_case, validate_guest
from kvmhelpdesk.triage.findings import (
    ADVICE,
    CONDITION,
    UNLISTED,
    Finding,
    OptionFinding,
    worst,
)
from kvmhelpdesk.triage.lookup import Lookup, lookup
from kvmhelpdesk.triage.rules import GUEST_RULES, HOST_RULES, CaseContext, GuestContext
from kvmhelpdesk.triage.rules.guestos import match_guest
from kvmhelpdesk.triage.rules.performance import PerformanceItem, assess

GUEST_SCOPE = "guest:"


@dataclass
class GuestVerdict:
    """One guest's own verdict and the OS row it matched."""

    name: str
    verdict: str
    os_entry: str | None
    os: str | None = None  # the case's free text
    os_row: str | None = None  # the row label as printed ("Win 2K8+")

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

    def add(self, findings: Iterable[Finding] = (), options: Iterable[OptionFinding] = ()) -> None:
        """Append findings from elsewhere (an analyzer) and recompute the verdicts."""
        self.findings.extend(findings)
        self.options.extend(options)
        self.recompute()

    def recompute(self) -> None:
        """Each guest's verdict is the worst of its findings; the overall one of all findings."""
        by_scope: dict[str, list[str]] = {}
        for finding in self.findings:
            by_scope.setdefault(finding.scope, []).append(finding.status)
        for guest in self.guests:
            guest.verdict = worst(by_scope.get(guest.scope, []))
        self.verdict = worst([f.status for f in self.findings])

    def with_status(self, *statuses: str) -> list[Finding]:
        return [f for f in self.findings if f.status in statuses]

    @property
    def conditions(self) -> list[Finding]:
        return self.with_status(CONDITION)

    @property
    def advice(self) -> list[Finding]:
        return self.with_status(ADVICE)

    @property
    def unlisted(self) -> list[Finding]:
        return self.with_status(UNLISTED)

    def to_dict(self) -> dict[str, Any]:
        """The `check --json` document (a contract for tools outside the project)."""
        return {
            "verdict": self.verdict,
            "release": self.release,
            "title": self.title,
            "guests": [g.to_dict() for g in self.guests],
            "findings": [f.to_dict() for f in self.findings],
            "performance": [p.to_dict() for p in self.performance],
            "options": [o.to_dict() for o in self.options],
        }


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


def check(case: dict[str, Any], kb: KnowledgeBase, *, validate: bool = True) -> Verdict:
    """Judge a case (format v1) against its release (default: the newest loaded)."""
    if validate:
        validate_case(case)
    look = _lookup(kb, case.get("release"))
    ctx = CaseContext(look=look, host=dict(case.get("host") or {}))
    guests = list(case.get("guests") or ())
    for guest, name in zip(guests, guest_names(guests), strict=True):
        gctx = GuestContext(case=ctx, guest=guest, name=name)
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
    for complaint in case.get("performance") or ():
        item, finding = assess(look, complaint)
        performance.append(item)
        findings.append(finding)

    release = kb.release(look.release)
    verdict = Verdict(
        verdict="supported", release=look.release, findings=findings, performance=performance,
        title=case.get("title") or "", release_title=release.title, host=dict(ctx.host),
        guests=[GuestVerdict(name=g.name, verdict="supported",
                             os_entry=g.os.entry.id if g.os and g.os.entry else None,
                             os=g.get("os"),
                             os_row=(g.os.entry.source_text or g.os.entry.title)
                             if g.os and g.os.entry else None)
                for g in ctx.guests],
    )
    verdict.recompute()
    return verdict


def _no_guests(kb: KnowledgeBase, release: str) -> Finding:
    """A case without guests: say so, or "Supported" would read as a verdict on guests too."""
    table = kb.find("art-guest-os-table", release)
    return Finding(rule="case.guests", scope="host", status=CONDITION,
                   message="No guest is described: this verdict covers the host only. Add the "
                           "guests (or import their command lines or XML) to check them.",
                   entry=table.id if table else None,
                   section=kb.section_heading(table) if table else None)


def check_guest(guest: dict[str, Any], kb: KnowledgeBase, release: str | None = None,
                host: dict[str, Any] | None = None) -> list[Finding]:
    """The guest rules alone, for live feedback while a wizard's guest page is edited.

    Host-wide rules (vCPU total, duplicate MACs, PCI passthrough prerequisites) need the whole
    case and are left to `check`.
    """
    validate_guest(guest)
    ctx = CaseContext(look=_lookup(kb, release), host=dict(host or {}))
    gctx = GuestContext(case=ctx, guest=guest, name=guest_names([guest])[0])
    gctx.os = match_guest(gctx, kb)
    ctx.guests.append(gctx)
    findings: list[Finding] = []
    for guest_rule in GUEST_RULES:
        findings += guest_rule(gctx)
    return findings
