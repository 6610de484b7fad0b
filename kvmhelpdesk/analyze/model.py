"""What an analyzer returns: case-file fragments plus option-by-option findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk.triage.findings import Finding, OptionFinding


class AnalyzeError(ValueError):
    """Customer input that cannot be analyzed at all (empty, hostile XML, too large).

    The message is one line, fit to show as is: the CLI prints it, the GUI puts it under the
    paste box. Analyzers raise nothing else for any input.
    """


@dataclass
class Analysis:
    """Customer input turned into case-file (format v1) fragments and findings.

    `host` is a partial case-file `host` object, `guests` are case-file guest objects; the
    triage rules judge them exactly as they judge a wizard's answers. `findings` are verdict
    findings the analyzer itself can state (an unsupported option, a non-KVM domain);
    `options` is the per-option account for the JSON `options` list and `monitor` the same
    account for monitor commands (the verdict on those comes from triage, which judges
    `guests[].monitor_commands`). `errors` are one-line notes about parts of the input that
    were left out (a second XML document that is not well-formed, trailing text).
    """

    host: dict[str, Any] = field(default_factory=dict)
    guests: list[dict[str, Any]] = field(default_factory=list)
    options: list[OptionFinding] = field(default_factory=list)
    monitor: list[OptionFinding] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # The findings already in `findings`, for add_finding(): a set keeps reporting each
    # problem once linear (a list scan per option made 48,000 options take minutes).
    _known: set[Finding] = field(default_factory=set, init=False, repr=False, compare=False)
    _synced: int = field(default=0, init=False, repr=False, compare=False)

    def add_finding(self, finding: Finding) -> bool:
        """Append `finding` unless an equal one is there already; True when appended."""
        if self._synced > len(self.findings):  # the list was replaced or cut: start over
            self._known, self._synced = set(), 0
        self._known.update(self.findings[self._synced:])  # appended directly meanwhile
        self._synced = len(self.findings)
        if finding in self._known:
            return False
        self.findings.append(finding)
        self._known.add(finding)
        self._synced += 1
        return True

    def extend(self, other: Analysis) -> None:
        """Merge another analysis in (host answers already given win)."""
        for key, value in other.host.items():
            self.host.setdefault(key, value)
        self.guests += other.guests
        self.options += other.options
        self.monitor += other.monitor
        self.findings += other.findings
        self.errors += other.errors

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (what `check --json` and the GUI import page show)."""
        return {
            "host": dict(self.host),
            "guests": [dict(g) for g in self.guests],
            "options": [o.to_dict() for o in self.options],
            "monitor": [m.to_dict() for m in self.monitor],
            "findings": [f.to_dict() for f in self.findings],
            "errors": list(self.errors),
        }
