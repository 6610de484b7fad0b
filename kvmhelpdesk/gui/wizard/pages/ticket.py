"""Page 1: the ticket title and the support statement (release) the case is judged against."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kvmhelpdesk.gui.forms.ui_wizard_ticket import Ui_TicketPage
from kvmhelpdesk.gui.wizard.answers import (
    ChoiceAnswer,
    TextAnswer,
    connect_all,
    load_answers,
    store_answers,
)
from kvmhelpdesk.gui.wizard.pages.base import CasePage
from kvmhelpdesk.safetext import shown
from kvmhelpdesk.triage.evidence import source_line

if TYPE_CHECKING:
    from kvmhelpdesk.gui.wizard.wizard import CaseWizard


class TicketPage(CasePage):
    def __init__(self, wizard: CaseWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_TicketPage()
        self.ui.setupUi(self)
        releases = [(f"{r.product} (qemu-kvm {r.qemu_kvm_version})", r.id)
                    for r in reversed(self.kb.releases.values())]
        # Left open, a case is judged against the newest loaded statement.
        self.answers = [
            TextAnswer("title", self.ui.titleEdit),
            ChoiceAnswer("release", self.ui.releaseCombo, releases,
                         unknown=f"Not given: the newest loaded ({self.kb.release().product})"),
        ]
        connect_all(self.answers, self.answered)
        self.ui.importButton.clicked.connect(self.wiz.start_import)

    def show_case(self) -> None:
        load_answers(self.answers, self.case)
        self.ui.caseFileLabel.setText(shown(self.wiz.file_label) or "not saved yet")
        self._show_source()

    def _show_source(self) -> None:
        """What a case read from a support bundle was read from, and the reader's notes."""
        source = self.case.get("source") or {}
        ui = self.ui
        line = source_line(source)
        files = source.get("files") or []
        ui.sourceLabel.setText(shown(line[len("Read from "):]) + (
            f" (files read: {', '.join(files)})" if files else "") + (
            ".\nThe answers read from it are marked with a bundle icon; hover over one for the "
            "line it was read from. Change one and it is yours: the mark goes.")
            if line else "")
        notes = [shown(str(n)) for n in source.get("notes") or ()]  # customer text: escaped
        ui.notesList.clear()
        ui.notesList.addItems(notes)
        for widget in (ui.sourceCaption, ui.sourceLabel):
            widget.setVisible(bool(line))
        for widget in (ui.notesCaption, ui.notesList):
            widget.setVisible(bool(notes))

    def store(self) -> None:
        self.wiz.replace_case(store_answers(self.answers, self.case))

    def refresh(self) -> None:
        release = self.kb.releases.get(self.release or self.kb.default_release)
        self.ui.releaseInfo.setText(
            f"{release.title} · source {release.source} · release id {release.id}" if release else
            "This release is not loaded: load its content pack (File › Load content pack) "
            "or pick another.")
