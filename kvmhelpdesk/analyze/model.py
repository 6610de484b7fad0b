"""What an analyzer returns: case-file fragments plus option-by-option findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk.triage.findings import Finding, OptionFinding


@dataclass
class Analysis:
    """Customer input turned into case-file (format v1) fragments and findings.

    `host` is a partial case-file `host` object, `guests` are case-file guest objects; the
    triage rules judge them exactly as they judge a wizard's answers. `findings` are verdict
    findings the analyzer itself can state (an unsupported option, a non-KVM domain);
    `options` is the per-option account for the JSON `options` list.
    """

    host: dict[str, Any] = field(default_factory=dict)
    guests: list[dict[str, Any]] = field(default_factory=list)
    options: list[OptionFinding] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def extend(self, other: Analysis) -> None:
        """Merge another analysis in (host answers already given win)."""
        for key, value in other.host.items():
            self.host.setdefault(key, value)
        self.guests += other.guests
        self.options += other.options
        self.findings += other.findings
        self.errors += other.errors
