"""The triage wizard: one non-modal window per open case, owned by the CaseController.

The pages are listed once in PAGES, their ids are their places in it. A case normally starts
on the ticket page; opened through File › Import, it starts on the import page, whose answers
then fill the following pages for review. The wizard never saves or closes on its own: it asks
its controller (signals), which owns the file, the unsaved-changes prompt and the reports.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from kvmhelpdesk.analyze import Analysis
from kvmhelpdesk.gui.icons import icon
from kvmhelpdesk.gui.wizard.import_page import ImportPage
from kvmhelpdesk.gui.wizard.pages.guests import GuestsPage
from kvmhelpdesk.gui.wizard.pages.host import HostPage
from kvmhelpdesk.gui.wizard.pages.performance import PerformancePage
from kvmhelpdesk.gui.wizard.pages.ticket import TicketPage
from kvmhelpdesk.gui.wizard.pages.verdict import VerdictPage
from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.triage import Verdict, check, empty_case
from kvmhelpdesk.triage.evidence import AnswerSources, evidence_under, repointed
from kvmhelpdesk.triage.plaindata import case_key, plain_copy

if TYPE_CHECKING:
    from kvmhelpdesk.bundle import BundleCase

PAGES: tuple[type[QWizardPage], ...] = (ImportPage, TicketPage, HostPage, GuestsPage,
                                        PerformancePage, VerdictPage)
IMPORT, TICKET, HOST, GUESTS, PERFORMANCE, VERDICT = range(len(PAGES))
VERDICT_BUTTON = QWizard.WizardButton.CustomButton1


class CaseWizard(QWizard):
    """Walks a case from ticket to verdict; `case` is the case-file dict being edited."""

    changed = Signal()  # an answer changed: the case has unsaved changes
    entry_requested = Signal(str, str)  # release, entry id: show it in the main window
    save_requested = Signal()
    export_requested = Signal()
    copy_requested = Signal()
    close_requested = Signal()  # the engineer wants the window closed (controller decides)

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.case: dict[str, Any] = empty_case(kb.default_release)
        self.file_label = ""
        # Imported analyses: their own findings (an unsupported option) join the verdict for
        # as long as the guest they are about is unchanged since the import.
        self.imports: list[tuple[Analysis, dict[str, Any]]] = []
        self._last_verdict: tuple[str, Verdict] | None = None  # see verdict()
        self._primed: tuple[str, Verdict] | None = None  # see prime()
        # What each evidence entry (answers read from a support bundle) vouched for: an answer
        # changed since loses its entry (see triage.evidence).
        self.sources = AnswerSources()
        self.setWindowFlag(Qt.WindowType.Window)  # its own window: the main window stays usable
        self.setModal(False)
        self.setWindowIcon(icon("wizard"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOptions(QWizard.WizardOption.HaveCustomButton1
                        | QWizard.WizardOption.NoCancelButtonOnLastPage
                        | QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(VERDICT_BUTTON, "Show &verdict")
        self.button(VERDICT_BUTTON).setToolTip("Skip the remaining questions: what is left "
                                               "open becomes a condition to confirm")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Close")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Close")
        self.setButtonLayout([QWizard.WizardButton.CustomButton1, QWizard.WizardButton.Stretch,
                              QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                              QWizard.WizardButton.FinishButton,
                              QWizard.WizardButton.CancelButton])
        self.customButtonClicked.connect(self._on_custom_button)
        self.currentIdChanged.connect(self._on_page_changed)
        for number, page_class in enumerate(PAGES):
            self.setPage(number, page_class(self))
        from kvmhelpdesk.gui.a11y import name_inner_parts

        name_inner_parts(self)  # table headers, editable combos' fields
        self.setStartId(TICKET)
        self.resize(1000, 740)

    # -- the case ----------------------------------------------------------------------------
    @property
    def release(self) -> str | None:
        """The case's release when it is loaded; None (the newest) otherwise."""
        release = self.case.get("release")
        return release if release in self.kb.releases else None

    def load_case(self, case: dict[str, Any], file_label: str = "") -> None:
        """Show another case from its first page (the dict is copied, never shared)."""
        self.case = plain_copy(case)
        self.file_label = file_label
        self.imports = []
        self.sources = AnswerSources.of(self.case)
        self.setStartId(TICKET)
        self.restart()

    def replace_case(self, case: dict[str, Any]) -> None:
        self.case = case

    def mark_changed(self) -> None:
        """An answer changed: answers no longer as read lose their bundle source."""
        self.sources.settle(self.case)
        self.changed.emit()

    def reorder(self, prefix: str, order: list[int | None]) -> None:
        """Items of the list at `prefix` (`guests`, `guests[1].disks`) were removed, moved or
        added (`order[new] = old index`): their evidence follows them."""
        self.sources.reorder(self.case, prefix, order)

    def evidence(self, prefix: str) -> dict[str, dict[str, Any]]:
        """Where the answers under `prefix` (`host`, `guests[2]`) were read, by relative path."""
        return evidence_under(self.case, prefix)

    def show_bundle(self, built: BundleCase) -> None:
        """The case of a support bundle is loaded (or merged in): keep the findings the bundle
        adds beyond the answers (running command lines, hints) and show the verdict."""
        from kvmhelpdesk.gui.bundles import CheckedBundle

        if isinstance(built, CheckedBundle) and built.checked is not None \
                and built.checked_on is self.kb:
            # Taken, not shared: the verdict made from it gets the bundle's own findings added.
            self.prime(built.answers, built.checked)
            built.checked = None
        self.add_import(Analysis(guests=plain_copy(built.case["guests"]),
                                 findings=list(built.analysis.findings),
                                 options=list(built.analysis.options)))
        self.sources = AnswerSources.of(self.case)
        self.go_to(VERDICT)

    def add_import(self, analysis: Analysis) -> None:
        snapshot = {f"guest:{g.get('name')}": plain_copy(g) for g in analysis.guests}
        self.imports.append((analysis, snapshot))

    def verdict(self) -> Verdict:
        """The core's verdict on the case as answered so far (CaseError if it is invalid),
        plus what imported input says beyond the case's answers, as the CLI adds it.

        The last one is kept while the case, the imports and the knowledge base are the same:
        opening a 100-guest support bundle on its verdict refreshes four pages, and each check
        of such a case costs a fifth of a second (on the GUI thread). Read-only for callers."""
        answers = case_key(self.case)
        key = f"{len(self.imports)} {id(self.kb)} {answers}"
        if self._last_verdict is not None and self._last_verdict[0] == key:
            return self._last_verdict[1]
        verdict = self._check(answers)
        self._last_verdict = (key, verdict)
        return verdict

    def prime(self, answers: str, checked: Verdict) -> None:
        """The core's check of a case (keyed by `case_key`), made off the GUI thread while a
        support bundle was read: the next verdict of exactly that case starts from it instead
        of checking again on the GUI thread. Used once, then dropped."""
        self._primed = (answers, checked)

    def _check(self, answers: str) -> Verdict:
        primed, self._primed = self._primed, None
        verdict = primed[1] if primed is not None and primed[0] == answers else check(
            self.case, self.kb)
        current = {g.scope: guest for g, guest in
                   zip(verdict.guests, self.case.get("guests") or [], strict=False)}
        position = {g.scope: number for number, g in enumerate(verdict.guests)}
        for analysis, snapshot in self.imports:
            def same(scope: str, snapshot: dict[str, Any] = snapshot) -> bool:
                return scope not in snapshot or current.get(scope) == snapshot[scope]

            # A guest moved since (one above it removed): its findings' answer paths follow.
            findings = [dataclasses.replace(f, basis=repointed(f.basis, position[f.scope]))
                        if f.basis and f.scope in position else f
                        for f in analysis.findings if same(f.scope)]
            options = [o for o in analysis.options if same(o.scope)]
            if findings or options:
                verdict.add(findings, options)
        return verdict

    def page_of(self, page_class: type[QWizardPage]) -> Any:
        return self.page(PAGES.index(page_class))

    # -- navigation ----------------------------------------------------------------------------
    def start_import(self) -> None:
        """Go to the import page; after it, the pages show what the input filled in."""
        self.setStartId(IMPORT)
        self.restart()

    def go_to(self, page_id: int) -> None:
        """Step forward or back to a page (each step stores and shows answers as usual)."""
        while self.currentId() < page_id and self.nextId() != -1:
            self.next()
        while self.currentId() > page_id and self.visitedIds()[:-1]:
            self.back()

    def request_entry(self, entry_id: str) -> None:
        self.entry_requested.emit(self.release or self.kb.default_release, entry_id)

    def _on_custom_button(self, which: int) -> None:
        if which == VERDICT_BUTTON.value:
            self.go_to(VERDICT)

    def _on_page_changed(self, page_id: int) -> None:
        self.button(VERDICT_BUTTON).setVisible(page_id not in (VERDICT, IMPORT))

    # -- closing ------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Close, Escape and the title bar's close all ask the controller first."""
        self.close_requested.emit()

    def close_now(self) -> None:
        """Hide the window (the controller has dealt with unsaved changes); a support bundle
        still being read for the Import page is cancelled, not merged into a closed case."""
        self.page_of(ImportPage).bundles.cancel()
        super().done(QWizard.DialogCode.Rejected.value)
