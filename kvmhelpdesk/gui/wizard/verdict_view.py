"""A Verdict laid out for the screen: banner, findings by scope, conditions, advice.

The report package lays verdicts out for files; this is the interactive counterpart (entry
links that open the main window, a tickable checklist). Icons and words carry every status.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem

from kvmhelpdesk.gui.icons import status_icon
from kvmhelpdesk.gui.theme import muted_text, status_tint
from kvmhelpdesk.gui.wizard.feedback import ENTRY_ROLE, by_severity, status_word, summary_counts
from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.report.document import (
    ASK_CUSTOMER,
    OWNER_QUESTIONS,
    STATE_MARKS,
    banner_line,
    deciding,
    finding_sources,
)
from kvmhelpdesk.triage import Finding, Verdict
from kvmhelpdesk.triage.evidence import EvidenceIndex, cite_all, describe, source_line
from kvmhelpdesk.triage.findings import (
    ADVICE,
    CONDITION,
    CONFIRMED,
    OPEN,
    REFUTED,
    UNDETERMINED,
    VERDICT_ORDER,
    asks_statement_owner,
)

# Banner tints come from gui.theme.status_tint (light or dark): a help to the eye only, the
# icon and the word carry the meaning.
KEYS_ROLE = Qt.ItemDataRole.UserRole + 21  # the condition keys a checklist line stands for
STATE_ROLE = Qt.ItemDataRole.UserRole + 22
NOTE_ROLE = Qt.ItemDataRole.UserRole + 23
LINE_ROLE = Qt.ItemDataRole.UserRole + 24  # the line's own key (a group line's record)
# A condition's state by icon and by mark: confirmed, refuted, still open.
STATE_ICONS = {CONFIRMED: "supported", REFUTED: "unsupported", OPEN: "condition"}
BANNER_ICON = QSize(48, 48)
MAX_REASONS = 3  # deciding findings named in the banner
MAX_GUESTS_NAMED = 3  # beyond, the banner counts the guests per verdict (names: tooltip)


def scope_title(scope: str, verdict: Verdict) -> str:
    if scope == "host":
        return "Host"
    if scope == "performance":
        return "Performance complaint"
    if scope == "guests":
        return "Several guests"
    name = scope.split(":", 1)[1] if ":" in scope else scope
    guest = next((g for g in verdict.guests if g.scope == scope), None)
    if guest is None:
        return f"Guest {name}"
    row = f" — guest table row {guest.os_row}" if guest.os_row else ""
    return f"Guest {name}{row}: {status_word(guest.verdict)}"


def scope_label(scope: str) -> str:
    """`Host`, `Guest web01`, `Performance`: where a finding applies, in a few words."""
    fixed = {"host": "Host", "performance": "Performance", "guests": "Guests"}
    return fixed.get(scope) or f"Guest {scope.split(':', 1)[-1]}"


def scopes_in_order(verdict: Verdict, findings: Iterable[Finding]) -> list[str]:
    """Host first, then the guests in case order, then performance, then anything else."""
    present = list(dict.fromkeys(f.scope for f in findings))
    order = ["host", *(g.scope for g in verdict.guests), "performance"]
    return [s for s in order if s in present] + [s for s in present if s not in order]


def findings_html(verdict: Verdict, kb: KnowledgeBase) -> str:
    """The verdict-bearing findings grouped by scope; each cites its entry as a link, and
    the bundle line it rests on where it was read from one."""
    shown = [f for f in verdict.findings if f.status not in (CONDITION, ADVICE)]
    if not shown:
        return "<p>No findings: nothing in the case is judged yet.</p>"
    index = verdict.evidence_index()
    muted = muted_text(QGuiApplication.palette()).name()  # theme colour, light or dark
    by_scope: dict[str, list[Finding]] = {}
    for finding in shown:
        by_scope.setdefault(finding.scope, []).append(finding)
    parts = []
    for scope in scopes_in_order(verdict, shown):
        parts.append(f"<h3>{html.escape(scope_title(scope, verdict))}</h3>")
        parts.append('<table width="100%" cellspacing="0" cellpadding="3">')
        for finding in by_severity(by_scope[scope]):
            parts.append(
                f'<tr><td width="20" valign="top"><img src="status-{finding.status}.svg" '
                f'width="16" height="16"></td><td width="120" valign="top"><b>'
                f"{html.escape(status_word(finding.status))}</b></td><td valign=\"top\">"
                f"{html.escape(finding.message)}{_citation(finding, verdict, kb, muted)}"
                f"{_read_from(finding_sources(finding, index), muted)}</td></tr>")
        parts.append("</table>")
    return "\n".join(parts)


def findings_description(verdict: Verdict) -> str:
    """What a screen reader says about the findings pane before reading it."""
    return (f"Verdict {status_word(verdict.verdict)}. {summary_counts(verdict.findings)}. "
            "Findings grouped by host, guest and performance; each names its entry.")


def _citation(finding: Finding, verdict: Verdict, kb: KnowledgeBase, muted: str) -> str:
    if not finding.entry:
        return ""
    entry = kb.find(finding.entry, verdict.release)
    title = entry.title if entry else finding.entry
    section = f" — {html.escape(finding.section)}" if finding.section else ""
    return (f'<br><span style="color:{muted}">Entry: <a href="entry:{html.escape(finding.entry)}">'
            f"{html.escape(title)}</a>{section}</span>")


def _read_from(sources: tuple[dict, ...], muted: str) -> str:
    """`Read from kvm.txt line 812, /etc/libvirt/qemu/web01.xml` under a finding (in the
    theme's muted colour, `muted`)."""
    if not sources:
        return ""
    return (f'<br><span style="color:{muted}"><img src="from-bundle.svg" width="12" '
            f'height="12"> Read from {html.escape(cite_all(sources))}</span>')


def source_tooltip(finding: Finding, index: EvidenceIndex) -> str:
    """The bundle lines a condition or advice rests on, for its tooltip ("" if none)."""
    sources = finding_sources(finding, index)
    return "\n".join(f"Read from {describe(s)}" for s in sources)


def condition_text(finding: Finding) -> str:
    """`[x] Host: ... — confirmed: lsmod in the SR`: the mark, the point, the customer's word."""
    mark = STATE_MARKS.get(finding.state, "[ ]")
    record = finding.confirmation
    said = ""
    if record is not None and finding.state != OPEN:
        word = "confirmed" if finding.state == CONFIRMED else "refuted"
        said = f" — {word}" + (f": {record.note}" if record.note else "")
    elif record is not None and record.note:
        said = f" — note: {record.note}"
    return f"{mark} {scope_label(finding.scope)}: {finding.message}{said}"


def _group_heading(view: QListWidget, text: str) -> None:
    """A line that names the group below it; it cannot be selected or answered."""
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # legible, but not selectable
    font = QFont(view.font())
    font.setBold(True)
    item.setFont(font)
    view.addItem(item)


def fill_checklist(view: QListWidget, findings: Iterable[Finding], checkable: bool,
                   empty: str, index: EvidenceIndex | None = None) -> None:
    """Conditions (`checkable`: with their confirmation state) or advice, one line each;
    the bundle lines each rests on in its tooltip. Conditions only the statement's owner can
    answer follow those for the customer, each group under its heading."""
    view.clear()
    index = index or EvidenceIndex(None)
    findings = list(findings)
    owner = [f for f in findings if checkable and asks_statement_owner(f)]
    if owner:
        customer = [f for f in findings if f not in owner]
        findings = customer + owner
    for finding in findings:
        if owner and finding is (customer[0] if customer else None):
            _group_heading(view, ASK_CUSTOMER)
        if owner and finding is owner[0]:
            _group_heading(view, f"{OWNER_QUESTIONS} (for SUSE: the customer cannot answer)")
        if checkable:
            item = QListWidgetItem(status_icon(STATE_ICONS.get(finding.state, "condition")),
                                   condition_text(finding))
            item.setData(KEYS_ROLE, list(finding.members or (finding.key,)))
            item.setData(LINE_ROLE, finding.key)
            item.setData(STATE_ROLE, finding.state)
            item.setData(NOTE_ROLE, finding.confirmation.note if finding.confirmation else "")
        else:
            item = QListWidgetItem(status_icon(finding.status),
                                   f"{scope_label(finding.scope)}: {finding.message}")
        item.setData(ENTRY_ROLE, finding.entry)
        tips = [source_tooltip(finding, index)]
        if finding.entry:
            tips.append("Double-click to read the entry this point cites")
        item.setToolTip("\n".join(t for t in tips if t))
        view.addItem(item)
    if view.count() == 0:
        placeholder = QListWidgetItem(empty)
        placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        view.addItem(placeholder)


def show_banner(frame: QFrame, icon_label: QLabel, word_label: QLabel, detail_label: QLabel,
                verdict: Verdict) -> None:
    status = verdict.verdict
    icon_label.setPixmap(status_icon(status).pixmap(BANNER_ICON))
    word = status_word(status)
    word_label.setText(word)
    font = QFont(frame.font())  # not the label's own: it grows with every render
    font.setPointSize(max(font.pointSize(), 9) + 9)
    font.setBold(True)
    word_label.setFont(font)
    frame.setStyleSheet(f"QFrame#{frame.objectName()} {{ background-color: "
                        f"{status_tint(status).name()}; border: 1px solid #90a4ae; "
                        "border-radius: 4px; }")
    guests = guests_line(verdict)
    reasons = [f"{scope_label(f.scope)}: {f.message}" for f in deciding(verdict)]
    # The wording follows the verdict: only "Supported" is "provided that N conditions hold".
    rest = banner_line(verdict)
    lines = [f"<b>{html.escape(rest)}</b>" if rest else "",
             html.escape(verdict.release_title + (f" · {guests}" if guests else "")),
             html.escape(source_line(verdict.source))]
    if reasons:
        more = f" (and {len(reasons) - MAX_REASONS} more)" if len(reasons) > MAX_REASONS else ""
        lines.append("<b>Because:</b> " + html.escape(" · ".join(reasons[:MAX_REASONS]) + more))
    lines.append(html.escape(summary_counts(verdict.findings)))
    detail_label.setText("<br>".join(line for line in lines if line))
    # Every guest by name on hover: the banner counts them when there are many (it must fit
    # a half-screen window above the findings and the conditions).
    detail_label.setToolTip("\n".join(f"{g.name}: {status_word(g.verdict)}"
                                       for g in verdict.guests))
    frame.setAccessibleDescription(f"Verdict: {word}. {detail_label.text()}")


def guests_line(verdict: Verdict) -> str:
    """`guests: web01: Supported; db01: Unsupported`, or for more guests (a support bundle of a
    busy host) the count per verdict: `100 guests: 97 Supported, 3 Unsupported`."""
    if len(verdict.guests) <= MAX_GUESTS_NAMED:
        named = "; ".join(f"{g.name}: {status_word(g.verdict)}" for g in verdict.guests)
        return f"guests: {named}" if named else ""
    counts = Counter(g.verdict for g in verdict.guests)
    order = [*reversed(VERDICT_ORDER), UNDETERMINED]
    return f"{len(verdict.guests)} guests: " + ", ".join(
        f"{counts[s]} {status_word(s)}" for s in order if counts[s])


def show_error(frame: QFrame, icon_label: QLabel, word_label: QLabel, detail_label: QLabel,
               message: str) -> None:
    icon_label.setPixmap(status_icon("condition").pixmap(BANNER_ICON))
    word_label.setText("No verdict yet")
    detail_label.setText(html.escape(f"The case has an answer the checker cannot use: "
                                     f"{message}"))
    detail_label.setToolTip("")
    frame.setStyleSheet("")

