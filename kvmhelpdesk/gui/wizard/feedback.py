"""Live feedback while answering: the core's findings shown beside fields and in lists.

Nothing here judges anything: findings come from triage (check / check_guest / match_os); this
module only words, orders and decorates them. Every status is shown with its icon and its word,
never by colour alone.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from kvmhelpdesk.gui.icons import status_icon
from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.report.document import LABELS
from kvmhelpdesk.triage.findings import Finding

# Display order in lists: what breaks support first, reassurance last.
SEVERITY: tuple[str, ...] = ("unsupported", "tech-preview", "best-effort", "unlisted",
                             "condition", "advice", "supported")
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 20


def status_word(status: str) -> str:
    return LABELS.get(status, status.replace("-", " ").capitalize())


def severity(status: str) -> int:
    return SEVERITY.index(status) if status in SEVERITY else len(SEVERITY)


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Worst first; a stable sort keeps the rules' own order within one status."""
    return sorted(findings, key=lambda f: severity(f.status))


def badge_html(status: str, size: int = 16) -> str:
    """Icon and word of a status, for rich-text labels (`icons:` search path)."""
    return (f'<img src="icons:status-{html.escape(status)}.svg" width="{size}" '
            f'height="{size}" style="vertical-align: middle"> '
            f"<b>{html.escape(status_word(status))}</b>")


def entry_link(entry_id: str | None, kb: KnowledgeBase, release: str | None,
               text: str | None = None) -> str:
    """An `entry:` link naming the entry's title (the wizard opens it in the main window)."""
    if not entry_id:
        return ""
    entry = kb.find(entry_id, release)
    label = text or (entry.title if entry else entry_id)
    return f'<a href="entry:{html.escape(entry_id)}">{html.escape(label)}</a>'


def finding_item(finding: Finding, kb: KnowledgeBase, release: str | None) -> QListWidgetItem:
    item = QListWidgetItem(status_icon(finding.status),
                           f"{status_word(finding.status)}: {finding.message}")
    item.setData(ENTRY_ROLE, finding.entry)
    entry = kb.find(finding.entry, release) if finding.entry else None
    if entry is not None:
        section = finding.section or kb.section_heading(entry)
        item.setToolTip(f"Double-click to read: {entry.title} ({section})")
    return item


def fill_findings(view: QListWidget, findings: Sequence[Finding], kb: KnowledgeBase,
                  release: str | None, empty: str = "Nothing to report yet.") -> None:
    view.clear()
    for finding in by_severity(findings):
        view.addItem(finding_item(finding, kb, release))
    if not findings:
        placeholder = QListWidgetItem(empty)
        placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        view.addItem(placeholder)


def show_mark(label: QLabel, findings: Sequence[Finding], answered: bool) -> None:
    """Beside a field: the worst finding about it, with its reason; nothing while unanswered."""
    if not answered or not findings:
        label.clear()
        label.setToolTip("")
        return
    worst = by_severity(findings)[0]
    label.setText(f"{badge_html(worst.status)}: {html.escape(worst.message)}")
    label.setToolTip(worst.message)
    label.setAccessibleDescription(f"{status_word(worst.status)}: {worst.message}")


def summary_counts(findings: Sequence[Finding]) -> str:
    """`Unsupported: 1 · Condition: 2`: how many findings of each status, worst first."""
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.status] = counts.get(finding.status, 0) + 1
    parts = [f"{status_word(s)}: {counts[s]}" for s in SEVERITY if counts.get(s)]
    return " · ".join(parts) or "no findings"
