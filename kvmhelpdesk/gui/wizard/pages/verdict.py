"""Page 5: the verdict, with save, export and copy right where the engineer ends up.

Each condition is recorded as the customer answers it (confirmed, not yet, refuted, with a
note and the time) in the case's `confirmations`, so the record lasts: it is saved, reported
and shown again when the case is reopened, and the core's verdict counts it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidgetItem

from kvmhelpdesk.gui.forms.ui_wizard_verdict import Ui_VerdictPage
from kvmhelpdesk.gui.wizard import verdict_view as view
from kvmhelpdesk.gui.wizard.pages.base import CasePage
from kvmhelpdesk.report.document import confirmation_count
from kvmhelpdesk.resources import icons_dir
from kvmhelpdesk.triage import CaseError, Verdict
from kvmhelpdesk.triage.findings import CONFIRMED, OPEN, REFUTED

if TYPE_CHECKING:
    from kvmhelpdesk.gui.wizard.wizard import CaseWizard

WIDE_LAYOUT = 820  # page width (px) from which findings and conditions sit side by side


def now() -> str:
    """When an answer was recorded, ISO 8601 in UTC (`2026-11-30T21:05:00Z`)."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def record_answer(case: dict[str, Any], keys: list[str], state: str, note: str,
                  line: str = "") -> None:
    """Write one answer for every condition key of a line (a grouped line: each member).

    A group line refuted as a whole is one record under the line's key: "not for all of them"
    does not say which guest, and the check makes it a needs-review point rather than refuting
    every member. An open condition without a note leaves no record, so a case nobody answered
    stays as it was (and keeps its case-format version).
    """
    records = case.setdefault("confirmations", {})
    note = note.strip()
    if line and len(keys) > 1:
        records.pop(line, None)
        if state == REFUTED:
            for key in keys:
                records.pop(key, None)
            records[line] = {"state": state, **({"note": note} if note else {}), "at": now()}
            return
    for key in keys:
        if state == OPEN and not note:
            records.pop(key, None)
            continue
        record: dict[str, Any] = {"state": state}
        if note:
            record["note"] = note
        record["at"] = now()
        records[key] = record
    if not records:
        del case["confirmations"]


class VerdictPage(CasePage):
    def __init__(self, wizard: CaseWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_VerdictPage()
        self.ui.setupUi(self)
        self.verdict: Verdict | None = None
        ui = self.ui
        ui.findingsView.setSearchPaths([str(icons_dir())])
        ui.findingsView.anchorClicked.connect(self.open_link)
        ui.conditionsList.itemDoubleClicked.connect(self.open_item_entry)
        ui.conditionsList.currentItemChanged.connect(self._show_answer)
        ui.adviceList.itemDoubleClicked.connect(self.open_item_entry)
        self.radios = {CONFIRMED: ui.confirmedRadio, OPEN: ui.openRadio, REFUTED: ui.refutedRadio}
        for state, radio in self.radios.items():
            radio.toggled.connect(lambda on, state=state: on and self._answer(state))
        ui.noteEdit.editingFinished.connect(self._note_finished)
        ui.splitter.setSizes([560, 380])
        ui.saveButton.clicked.connect(wizard.save_requested)
        ui.exportButton.clicked.connect(wizard.export_requested)
        ui.copyButton.clicked.connect(wizard.copy_requested)
        self._showing = False
        from kvmhelpdesk.gui.theme import current_theme

        theme = current_theme()
        if theme is not None:
            theme.changed.connect(self._on_theme)

    def show_case(self) -> None:
        self.render()

    def _on_theme(self, _dark: bool) -> None:
        """A theme switch: the banner's tint and the findings' link and muted colours are
        made from the palette when rendered, so render again."""
        if self.verdict is not None:
            self.render(self._current_keys())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Findings beside the conditions where there is room; above them on a narrow window,
        so each condition line keeps the full width."""
        wide = event.size().width() >= WIDE_LAYOUT
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        splitter = self.ui.splitter
        if splitter.orientation() != orientation:
            splitter.setOrientation(orientation)
            # The conditions get the larger share: they are what the engineer works through.
            total = splitter.width() if wide else max(splitter.height(), 300)
            splitter.setSizes([total * 3 // 5, total * 2 // 5] if wide else
                              [total * 3 // 10, total * 7 // 10])
        super().resizeEvent(event)

    def render(self, keep: list[str] | None = None) -> None:
        """Show the core's verdict; `keep` reselects the condition line of those keys."""
        ui = self.ui
        ui.actionStatus.clear()
        banner = (ui.banner, ui.bannerIcon, ui.verdictLabel, ui.detailLabel)
        try:
            self.verdict = verdict = self.wiz.verdict()
        except CaseError as exc:
            self.verdict = None
            view.show_error(*banner, str(exc))
            ui.findingsView.clear()
            ui.conditionsList.clear()
            ui.adviceList.clear()
            self._show_answer(None)
            return
        view.show_banner(*banner, verdict)
        scroll = ui.findingsView.verticalScrollBar().value()
        ui.findingsView.setHtml(view.findings_html(verdict, self.kb))
        ui.findingsView.verticalScrollBar().setValue(scroll)
        ui.findingsView.setAccessibleDescription(view.findings_description(verdict))
        index = verdict.evidence_index()
        view.fill_checklist(ui.conditionsList, verdict.conditions, True, "Nothing to confirm.",
                            index)
        view.fill_checklist(ui.adviceList, verdict.advice, False, "No advice.", index)
        counted = confirmation_count(verdict)
        # One line, even in a half-screen window: a second line here pushed the list over
        # the answer buttons below it. How to record an answer is in the tooltip.
        ui.conditionsLabel.setText(f"Conditions to confirm ({counted or 'none'}):")
        ui.conditionsLabel.setToolTip("Conditions to confirm with the customer: select one and "
                                      "record the customer's answer below the list")
        self._select(keep)

    def _select(self, keys: list[str] | None) -> None:
        ui = self.ui
        wanted = set(keys or ())
        for row in range(ui.conditionsList.count()):
            item = ui.conditionsList.item(row)
            if wanted and wanted & set(item.data(view.KEYS_ROLE) or ()):
                ui.conditionsList.setCurrentItem(item)
                return
        self._show_answer(ui.conditionsList.currentItem())

    # -- recording the customer's answers -----------------------------------------------------
    def _current_keys(self) -> list[str]:
        item = self.ui.conditionsList.currentItem()
        return list(item.data(view.KEYS_ROLE) or ()) if item is not None else []

    def _current_line(self) -> str:
        item = self.ui.conditionsList.currentItem()
        return (item.data(view.LINE_ROLE) or "") if item is not None else ""

    def _show_answer(self, item: QListWidgetItem | None, *_: Any) -> None:
        """Put the selected condition's state and note into the controls below the list."""
        keys = list(item.data(view.KEYS_ROLE) or ()) if item is not None else []
        self._showing = True
        try:
            state = item.data(view.STATE_ROLE) if keys and item is not None else OPEN
            for name, radio in self.radios.items():
                radio.setEnabled(bool(keys))
                radio.setChecked(bool(keys) and name == state)
            self.ui.noteEdit.setEnabled(bool(keys))
            self.ui.noteEdit.setText((item.data(view.NOTE_ROLE) or "") if keys and item else "")
        finally:
            self._showing = False

    def _answer(self, state: str) -> None:
        keys = self._current_keys()
        if self._showing or not keys:
            return
        record_answer(self.case, keys, state, self.ui.noteEdit.text(), self._current_line())
        self.wiz.mark_changed()
        self.render(keys)

    def _note_finished(self) -> None:
        keys = self._current_keys()
        item = self.ui.conditionsList.currentItem()
        if self._showing or not keys or item is None:
            return
        note = self.ui.noteEdit.text().strip()
        if note == (item.data(view.NOTE_ROLE) or ""):
            return
        record_answer(self.case, keys, item.data(view.STATE_ROLE) or OPEN, note,
                      item.data(view.LINE_ROLE) or "")
        self.wiz.mark_changed()
        self.render(keys)

    def show_status(self, text: str) -> None:
        self.ui.actionStatus.setText(text)
