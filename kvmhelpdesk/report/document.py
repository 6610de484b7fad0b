"""A verdict laid out as a report document, independent of the output format.

Text, Markdown and HTML (and the PDF the GUI prints from HTML) render this same structure, so
every format carries the same sections, findings and citations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk import APP_NAME
from kvmhelpdesk.kb import STATUS_LABELS
from kvmhelpdesk.triage.evidence import EvidenceIndex, cite, cite_all, describe, source_line
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
    asks_statement_owner,
)
from kvmhelpdesk.triage.verdict import GuestVerdict, Verdict

LABELS = {**STATUS_LABELS, CONDITION: "Condition", ADVICE: "Advice",
          UNLISTED: "Not covered by the statement", UNDETERMINED: "Not determined"}
UNDETERMINED_LONG = "Not determined: information needed"
# How a condition's confirmation state is marked in every report format.
STATE_MARKS = {CONFIRMED: "[x]", REFUTED: "[!]"}
OPEN_MARK = "[ ]"
STATE_WORDS = {CONFIRMED: "confirmed", OPEN: "not yet", REFUTED: "refuted by the customer"}
VENDOR_NAMES = {"intel": "Intel", "amd": "AMD"}
NEEDS_REVIEW = "Needs review: not covered by the statement"
ASK_CUSTOMER = "Ask the customer"
OWNER_QUESTIONS = "Open questions about the statement"
ASSESSMENT_LABELS = {
    "within-expectation": "within expectation",
    "below-expectation": "below expectation",
    "outside-expectation": "outside expectation",
    "unsupported-mode": "unsupported mode",
    "no-figure": "no figure",
    "not-applicable": "not applicable",
}
HOST_LABELS = (
    ("os", "release"), ("arch", "architecture"), ("cpu_vendor", "CPU vendor"),
    ("cpu_cores", "CPU cores"), ("logical_cpus", "logical CPUs"), ("ept_npt", "EPT/NPT"),
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
    state: str = ""  # a condition's confirmation: confirmed | open | refuted
    note: str = ""
    at: str = ""
    # Where the answers it rests on were read (case `evidence` entries): shown after it.
    sources: tuple[dict[str, Any], ...] = ()

    @property
    def origin(self) -> str:
        """`from hardware.txt line 412, /proc/cpuinfo`, or "" for an answer not read."""
        return f"from {cite_all(self.sources)}" if self.sources else ""

    @property
    def origin_detail(self) -> str:
        """Each source with the line as read, one per line (an HTML tooltip)."""
        return "\n".join(describe(s) for s in self.sources)

    @property
    def mark(self) -> str:
        """`[x]` confirmed, `[!]` refuted, `[ ]` open: the checklist box in every format."""
        return STATE_MARKS.get(self.state, OPEN_MARK)

    @property
    def record_word(self) -> str:
        """`confirmed`, `refuted by the customer`, `not yet`; "" for an open condition
        nobody has written anything about."""
        if self.state not in STATE_WORDS:
            return ""
        if self.state == OPEN and not (self.note or self.at):
            return ""
        return STATE_WORDS[self.state]

    @property
    def record_detail(self) -> str:
        """What follows the word: `lsmod in the SR (2026-11-30)`, the note and when."""
        if not self.record_word:
            return ""
        when = f"({self.at})" if self.at else ""
        return " ".join(part for part in (self.note, when) if part)

    @property
    def record(self) -> str:
        """`confirmed: lsmod in the SR (2026-11-30)`, `not yet: asked on the phone`, or ""
        for an open condition with no note."""
        word, detail = self.record_word, self.record_detail
        if not word:
            return ""
        if not self.note:
            return f"{word} {detail}".rstrip()
        return f"{word}: {detail}"


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


def _value(value: Any, key: str = "") -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    if key == "cpu_vendor":
        return VENDOR_NAMES.get(str(value).lower(), str(value))
    return str(value)


def plural(count: int, noun: str) -> str:
    """`1 guest`, `2 guests`, `1 condition holds`-style counts, never `guest(s)`."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def finding_sources(finding: Finding, index: EvidenceIndex) -> tuple[dict[str, Any], ...]:
    """The bundle lines a finding rests on, as every report (and the wizard) shows them; a
    source the message names already ("Running now (kvm.txt line 812): ...") is left out."""
    if not index:
        return ()
    return tuple(e for _, e in index.sources(finding.basis)
                 if f"{e.get('file')} line {e.get('line')}" not in finding.message)


def _item(finding: Finding, index: EvidenceIndex) -> Item:
    record = finding.confirmation
    sources = finding_sources(finding, index)
    return Item(finding.message, finding.scope, finding.entry, finding.section, finding.status,
                state=finding.state if finding.status == CONDITION else "",
                note=record.note if record else "", at=record.at if record else "",
                sources=sources)


def label_of(verdict: str) -> str:
    return LABELS.get(verdict, verdict)


def deciding(verdict: Verdict) -> list[Finding]:
    """The findings that set a verdict other than supported (none for supported/undetermined)."""
    if verdict.verdict in (UNDETERMINED, "supported"):
        return []
    return [f for f in verdict.findings if f.status == verdict.verdict]


def confirmation_count(verdict: Verdict) -> str:
    """`all 8 conditions confirmed`, `3 of 8 confirmed`, `1 refuted`; "" without conditions."""
    counts = verdict.condition_counts()
    total, confirmed, refuted = counts["conditions"], counts[CONFIRMED], counts[REFUTED]
    if not total:
        return ""
    if confirmed == total:
        return "the condition is confirmed" if total == 1 else f"all {total} conditions confirmed"
    text = f"{confirmed} of {total} confirmed"
    return text + (f", {refuted} refuted" if refuted else "")


def headline(verdict: Verdict) -> str:
    """The verdict in one sentence whose wording follows the verdict.

    Only a supported verdict is "provided that N conditions hold"; an unsupported one says
    why; an undetermined one says information is needed.
    """
    return _headline(verdict)


def banner_line(verdict: Verdict) -> str:
    """The headline without the verdict word and its reasons, for a banner that shows the word
    large and lists the reasons itself: "Provided that 5 conditions hold", "Information
    needed ...", "12 conditions still to confirm"."""
    if verdict.verdict not in ("supported", UNDETERMINED):
        return _conditions_note(verdict).strip()
    text = _headline(verdict)
    label = label_of(verdict.verdict)
    rest = text[len(label):].lstrip(":, ").strip() if text.startswith(label) else text
    return rest[:1].upper() + rest[1:] if rest not in ("", ".") else ""


def _conditions_note(verdict: Verdict) -> str:
    open_count = len(verdict.open_conditions)
    if not open_count:
        counted = confirmation_count(verdict)
        return f" {counted[:1].upper()}{counted[1:]}." if counted else ""
    counted = confirmation_count(verdict)
    return f" {plural(open_count, 'condition')} still to confirm" + (
        f" ({counted})." if verdict.condition_counts()[CONFIRMED] else ".")


def _headline(verdict: Verdict) -> str:
    open_count = len(verdict.open_conditions)
    counted = confirmation_count(verdict)
    label = label_of(verdict.verdict)
    if verdict.verdict == "supported":
        if open_count:
            holds = "holds" if open_count == 1 else "hold"
            tail = f" ({counted})" if verdict.condition_counts()[CONFIRMED] else ""
            return f"Supported, provided that {plural(open_count, 'condition')} {holds}{tail}."
        return f"Supported: {counted}." if counted else "Supported."
    if verdict.verdict == UNDETERMINED:
        ask = f"; {plural(open_count, 'condition')} to confirm" if open_count else ""
        return f"{label}: information needed. No answer given so far bears on the verdict{ask}."
    reasons = deciding(verdict)
    where = list(dict.fromkeys(_where(f.scope) for f in reasons))
    why = ""
    if reasons:
        which = "the finding" if len(reasons) == 1 else f"the {len(reasons)} findings"
        why = f" because of {which} below ({', '.join(where)})"
    return f"{label}{why}.{_conditions_note(verdict)}"


def _where(scope: str) -> str:
    if scope == "host":
        return "the host"
    if scope == "performance":
        return "a performance complaint"
    return scope.split(":", 1)[1] if ":" in scope else scope


def build(verdict: Verdict) -> Document:
    """Lay a verdict out as: issue, environment, verdict, findings, conditions, advice,
    needs review, performance, options."""
    label = LABELS.get(verdict.verdict, verdict.verdict)
    if verdict.verdict == UNDETERMINED:
        label = UNDETERMINED_LONG
    doc = Document(title=verdict.title or "Untitled case", verdict=verdict.verdict,
                   verdict_label=label, release=verdict.release)
    index = verdict.evidence_index()
    doc.blocks.append(Block("Issue", "lines", lines=[verdict.title or "(no title given)"]))
    doc.blocks.append(_environment(verdict, index))
    doc.blocks.append(_verdict_block(verdict, index))
    doc.blocks += _findings(verdict, index)
    doc.blocks += _conditions(verdict, index)
    advice = [_item(f, index) for f in verdict.advice]
    if advice:
        doc.blocks.append(Block("Advice", "items", items=advice))
    # An option that needs review normally has its finding here (its own, or that of the
    # answer it was carried into: `-device usb-tablet` -> device usb-tablet): one line per
    # problem; the options table below keeps the option-by-option view.
    review = [_item(f, index) for f in verdict.unlisted]
    said = {(f.scope, f.key.rsplit("#", 1)[-1]) for f in verdict.unlisted if "#" in f.key}
    review += [Item(f"{o.option} {o.value}".strip() + f": {o.message}", o.scope, o.entry, None,
                    o.status) for o in verdict.options
               if o.status == UNLISTED and (o.scope, o.option) not in said
               and (o.scope, o.value.split(",", 1)[0]) not in said]
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
        *(["Where a finding or an answer says \"from FILE line N\", it rests on that line of "
           "the support bundle named above; the engineer gave or changed the rest."]
          if index else []),
    ]))
    return doc


def _conditions(verdict: Verdict, index: EvidenceIndex) -> list[Block]:
    """What the customer must confirm, and apart from it what only the statement's owner can
    answer (the statement is silent or unclear there): asking the customer would not help."""
    if not verdict.conditions:
        return []
    legend = (f"Conditions to confirm: {confirmation_count(verdict)}. "
              "[x] confirmed, [ ] not yet, [!] refuted.")
    customer = [_item(f, index) for f in verdict.conditions if not asks_statement_owner(f)]
    owner = [_item(f, index) for f in verdict.conditions if asks_statement_owner(f)]
    blocks = []
    if customer:
        blocks.append(Block(ASK_CUSTOMER, "checklist", items=customer, lines=[legend]))
    if owner:
        blocks.append(Block(OWNER_QUESTIONS, "checklist", items=owner, lines=[
            "The statement is silent or unclear on these points, so the customer cannot settle "
            "them: ask the statement's owner (SUSE) and record the answer here."
            + ("" if customer else " [x] confirmed, [ ] not yet, [!] refuted.")]))
    return blocks


def _environment(verdict: Verdict, index: EvidenceIndex) -> Block:
    lines = [f"Release: {verdict.release}"
             + (f" ({verdict.release_title})" if verdict.release_title else "")]
    source = source_line(verdict.source)
    if source:
        lines.insert(0, f"{source}.")
    host = [Item(f"{name}: {_value(verdict.host[key], key)}",
                 sources=tuple(e for _, e in index.sources([f"host.{key}"])) if index else ())
            for key, name in HOST_LABELS if key in verdict.host]
    lines.append("Host:" if host else "Host: no host answers given.")
    if not verdict.guests:
        lines.append("Guests: none described.")
    read = bool(index) and any(f"guests[{n}]" in index.map for n in range(len(verdict.guests)))
    block = Block("Environment", "table", lines=lines, items=host,
                  header=["Guest", "OS as given", "Table row", "Bits", "vCPUs", "Memory",
                          "Verdict", *(["Read from"] if read else [])])
    block.rows = [_guest_row(g) + ([_read_from(index, n)] if read else [])
                  for n, g in enumerate(verdict.guests)]
    return block


def _read_from(index: EvidenceIndex, number: int) -> str:
    """`kvm.txt line 259`: where the guest's definition was read (its section names it)."""
    entry = index.map.get(f"guests[{number}]")
    return cite({"file": entry.get("file"), "line": entry.get("line")}) if entry else "-"


def _guest_row(guest: GuestVerdict) -> list[str]:
    memory = f"{guest.memory_mb} MB" if guest.memory_mb is not None else "not given"
    return [guest.name, guest.os or "(not given)", guest.os_row or "none matched",
            f"{guest.bits}-bit" if guest.bits else "not given",
            str(guest.vcpus) if guest.vcpus is not None else "not given", memory,
            LABELS.get(guest.verdict, guest.verdict)]


def _verdict_block(verdict: Verdict, index: EvidenceIndex) -> Block:
    lines = [headline(verdict)]
    return Block("Verdict", "items", lines=lines,
                 items=[_item(f, index) for f in deciding(verdict)])


def _findings(verdict: Verdict, index: EvidenceIndex) -> list[Block]:
    judged = any(f.status in VERDICT_ORDER for f in verdict.findings)
    blocks = [Block("Findings", "lines", lines=[
        "Worst first; each cites its knowledge-base entry and statement section." if judged
        else "None yet: no answer given bears on the verdict."])]
    for status in reversed(VERDICT_ORDER):
        items = [_item(f, index) for f in verdict.findings if f.status == status]
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
