"""Page 5: the verdict, with save, export and copy right where the engineer ends up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kvmhelpdesk.gui.forms.ui_wizard_verdict import Ui_VerdictPage
from kvmhelpdesk.gui.wizard import verdict_view as view
from kvmhelpdesk.gui.wizard.pages.base import CasePage
from kvmhelpdesk.resources import icons_dir
from kvmhelpdesk.triage import CaseError, Verdict

if TYPE_CHECKING:
    from kvmhelpdesk.gui.wizard.wizard import CaseWizard


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
        ui.adviceList.itemDoubleClicked.connect(self.open_item_entry)
        ui.splitter.setSizes([560, 380])
        ui.saveButton.clicked.connect(wizard.save_requested)
        ui.exportButton.clicked.connect(wizard.export_requested)
        ui.copyButton.clicked.connect(wizard.copy_requested)

    def show_case(self) -> None:
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
            return
        view.show_banner(*banner, verdict)
        ui.findingsView.setHtml(view.findings_html(verdict, self.kb))
        ui.findingsView.setAccessibleDescription(view.findings_description(verdict))
        view.fill_checklist(ui.conditionsList, verdict.conditions, True, "Nothing to confirm.")
        view.fill_checklist(ui.adviceList, verdict.advice, False, "No advice.")
        ui.conditionsLabel.setText(f"Conditions to confirm with the customer "
                                   f"({len(verdict.conditions)}; tick each one as it is "
                                   "confirmed):")

    def show_status(self, text: str) -> None:
        self.ui.actionStatus.setText(text)
