"""Where an answer was read: the case file's `evidence` entries, and joining them to findings.

An evidence entry (case format v2, docs/case-format.md) names the file inside the bundle, the
1-based line, the block heading (`/proc/cpuinfo`, `virsh list --all`), the line as read and the
bundle it came from. Answer paths are written as in validation messages: `host.cpu_cores`,
`guests[2].disks[0].format`. Joining them to findings (`evidence_for`) lives in
triage.evidence, which reports and the GUI share; it is re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from kvmhelpdesk.bundle.sections import Block
from kvmhelpdesk.triage.evidence import evidence_for

__all__ = ["MAX_EXCERPT", "Evidence", "evidence_for", "excerpt"]

MAX_EXCERPT = 240  # a qemu-kvm command line runs to kilobytes; the report shows one line


def excerpt(line: str, focus: int = 0) -> str:
    """The line as read, cut to MAX_EXCERPT characters around `focus` (a character index)."""
    line = line.strip()
    if len(line) <= MAX_EXCERPT:
        return line
    start = max(0, min(focus - 40, len(line) - MAX_EXCERPT + 3))
    text = line[start:start + MAX_EXCERPT - 6]
    return f"...{text}..." if start else f"{text}..."


@dataclass(frozen=True)
class Evidence:
    """One source: `file` inside the bundle, 1-based `line`, block `section`, `excerpt`;
    `derived` says how the answer came from the block when it is more than that one line's
    word (the cores of a /proc/cpuinfo are counted over all of it)."""

    file: str
    line: int
    section: str = ""
    excerpt: str = ""
    origin: str = ""
    derived: str = ""

    @classmethod
    def at(cls, block: Block, number: int, line: str, origin: str = "",
           focus: int = 0) -> Evidence:
        """Evidence for line `number` (text `line`) of `block`."""
        return cls(block.file, max(1, number), block.name, excerpt(line, focus), origin)

    @classmethod
    def header(cls, block: Block, origin: str = "") -> Evidence:
        """Evidence for a whole block: its name line (the header's next line)."""
        return cls(block.file, block.line + 1 if block.name else block.line, block.name,
                   excerpt(f"# {block.name}" if block.name else block.kind), origin)

    def with_origin(self, origin: str) -> Evidence:
        return replace(self, origin=origin)

    def with_derivation(self, derived: str) -> Evidence:
        return replace(self, derived=derived)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"file": self.file, "line": self.line}
        if self.section:
            data["section"] = self.section
        if self.excerpt:
            data["excerpt"] = self.excerpt
        if self.origin:
            data["origin"] = self.origin
        if self.derived:
            data["derived"] = self.derived
        return data

    def cite(self) -> str:
        """`kvm.txt line 812 (virsh dumpxml web01)`: for a finding's message."""
        section = f" ({self.section})" if self.section else ""
        return f"{self.file} line {self.line}{section}"
