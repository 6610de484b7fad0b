"""A verdict laid out as a report document, independent of the output format.

Text, Markdown and HTML (and the PDF the GUI prints from HTML) render this same structure, so
every format carries the same sections, findings and citations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk import APP_NAME
from kvmhelpdesk.kb import STATUS_LABELS
from kvmhelpdesk.triage.findings import ADVICE, CONDITION, UNLISTED, VERDICT_ORDER, Finding
from kvmhelpdesk.triage.verdict import Verdict

LABELS = {**STATUS_LABELS, CONDITION: "Condition", ADVICE: "Advice",
          UNLISTED: "Not covered by the statement"}
NEEDS_REVIEW = "Needs review: not covered by the statement"
ASSESSMENT_LABELS = {
    "within-expectation": "within expectation",
    "below-expectation": "below expectation",
    "outside-expectation": "outside expectation",
    "unsupported-mode": "unsupported mode",
    "no-figure": "no figure",
}
HOST_LABELS = (
    ("arch", "architecture"), ("cpu_vendor", "CPU vendor"), ("cpu_cores", "CPU cores"),
    ("hardware_virtualization", "hardware virtualization"),
    ("kvm_modules_loaded", "kvm modules loaded"), ("iommu", "IOMMU"),
    ("kernel_cmdline", "kernel command line"), ("constant_tsc", "constant_tsc"),
    ("numa_nodes", "NUMA nodes"), ("ksm", "KSM"), ("ntp", "NTP"),
    ("kvm_module_parameters", "kvm module parameters"),
    ("suspend_with_guests", "suspended with guests running"),
    ("power_changes_with_guests", "power-state changes with guests running"),
    ("qemu_user", "qemu-kvm user"), ("management", "management tools"),
    ("virsh_usage", "virsh usage"),
)


@dataclass(frozen=True)
class Item:
    """One line of a list: a finding's message with its scope and citation."""

    text: str
    scope: str = ""
    entry: str | None = None
    section: str | None = None
    status: str = ""


@dataclass
class Block:
    """A section of the report: prose lines, a list of items, a checklist, or a table."""

    heading: str
    kind: str  # "lines" | "items" | "checklist" | "table"
    lines: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    level: int = 2


@dataclass
class Document:
    title: str
    verdict: str
    verdict_label: str
    release: str
    blocks: list[Block] = field(default_factory=list)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    return str(value)


def _item(finding: Finding) -> Item:
    return Item(finding.message, finding.scope, finding.entry, finding.section, finding.status)


def build(verdict: Verdict) -> Document:
    """Lay a verdict out as: issue, environment, verdict, findings, conditions, advice,
    needs review, performance, options."""
    label = LABELS.get(verdict.verdict, verdict.verdict)
    doc = Document(title=verdict.title or "Untitled case", verdict=verdict.verdict,
                   verdict_label=label, release=verdict.release)
    doc.blocks.append(Block("Issue", "lines", lines=[verdict.title or "(no title given)"]))
    doc.blocks.append(_environment(verdict))
    doc.blocks.append(_verdict_block(verdict, label))
    doc.blocks += _findings(verdict)
    conditions = [_item(f) for f in verdict.conditions]
    if conditions:
        doc.blocks.append(Block("Conditions to confirm", "checklist", items=conditions))
    advice = [_item(f) for f in verdict.advice]
    if advice:
        doc.blocks.append(Block("Advice", "items", items=advice))
    review = [_item(f) for f in verdict.unlisted]
    review += [Item(f"{o.option} {o.value}".strip() + f": {o.message}", o.scope, o.entry, None,
                    o.status) for o in verdict.options if o.status == UNLISTED]
    if review:
        doc.blocks.append(Block(NEEDS_REVIEW, "items", items=review))
    if verdict.performance:
        doc.blocks.append(_performance(verdict))
    if verdict.options:
        doc.blocks.append(Block("Command-line options", "table",
                                header=["Option", "Value", "Status", "Why", "Entry"],
                                rows=[[o.option, o.value, LABELS.get(o.status, o.status),
                                       o.message, o.entry or ""] for o in verdict.options]))
    doc.blocks.append(Block("About this note", "lines", lines=[
        f"Checked by {APP_NAME} against the support statement of release {verdict.release}"
        + (f" ({verdict.release_title})" if verdict.release_title else "") + ".",
        "Each finding cites its knowledge-base entry and the statement's section.",
    ]))
    return doc


def _environment(verdict: Verdict) -> Block:
    lines = [f"Release: {verdict.release}"
             + (f" ({verdict.release_title})" if verdict.release_title else "")]
    host = [Item(f"{name}: {_value(verdict.host[key])}") for key, name in HOST_LABELS
            if key in verdict.host]
    lines.append("Host:" if host else "Host: no host answers given.")
    block = Block("Environment", "table", lines=lines, items=host,
                  header=["Guest", "Operating system", "Table row", "Verdict"])
    block.rows = [[g.name, g.os or "(not given)", g.os_row or "none matched",
                   LABELS.get(g.verdict, g.verdict)] for g in verdict.guests]
    return block


def _verdict_block(verdict: Verdict, label: str) -> Block:
    lines = [f"Overall verdict: {label}."]
    if verdict.verdict != "supported":
        lines.append(f"Set by the worst finding(s), rated {label}: see below.")
    if verdict.conditions:
        count = len(verdict.conditions)
        lines.append(f"Also confirm the {count} condition(s) below." if verdict.verdict ==
                     "unsupported" else
                     f"It holds only if the {count} condition(s) below are confirmed.")
    worst_items = [_item(f) for f in verdict.findings if f.status == verdict.verdict] \
        if verdict.verdict != "supported" else []
    return Block("Verdict", "items", lines=lines, items=worst_items)


def _findings(verdict: Verdict) -> list[Block]:
    blocks = [Block("Findings", "lines", lines=[
        "Worst first; each cites its knowledge-base entry and statement section."])]
    for status in reversed(VERDICT_ORDER):
        items = [_item(f) for f in verdict.findings if f.status == status]
        if items:
            blocks.append(Block(f"{LABELS[status]} ({len(items)})", "items", items=items,
                                level=3))
    return blocks


def _performance(verdict: Verdict) -> Block:
    rows = []
    for p in verdict.performance:
        if p.expected_range:
            expected = f"{p.expected_range[0]}% - {p.expected_range[1]}%"
        elif p.expected_percent is not None:
            expected = f"{p.expected_percent}%"
        else:
            expected = "-"
        measured = f"{p.measured_percent:g}%" if p.measured_percent is not None else "-"
        rows.append([p.category, p.mode, measured, expected,
                     ASSESSMENT_LABELS.get(p.assessment, p.assessment), p.entry or ""])
    return Block("Performance", "table",
                 header=["Category", "Mode", "Measured", "Expected", "Assessment", "Entry"],
                 rows=rows)


def citation(item: Item) -> str:
    """`os-win2k8, "Guest Hardware Details"`: the entry id and the statement section."""
    if item.entry and item.section:
        return f'{item.entry}, "{item.section}"'
    return item.entry or ""
