"""Page 4 (optional): performance complaints, each against the statement's expectation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kvmhelpdesk.gui.forms.ui_wizard_performance import Ui_PerformancePage
from kvmhelpdesk.gui.wizard.feedback import fill_findings
from kvmhelpdesk.gui.wizard.pages.base import CasePage
from kvmhelpdesk.gui.wizard.tables import Column, RecordTable
from kvmhelpdesk.triage import CaseError

if TYPE_CHECKING:
    from kvmhelpdesk.gui.wizard.wizard import CaseWizard

CATEGORIES = (("CPU", "cpu"), ("Network", "network"), ("Disk", "disk"),
              ("Graphics", "graphics"), ("Time accuracy", "time"))
# The table's columns. A guest running under KVM does not have an emulated CPU: its CPU is
# "host passthrough" (hardware virtualization); "fully virtualized" is QEMU emulation for CPU.
MODES = (("Fully virtualized: emulated device (CPU: qemu-only)", "emulated"),
         ("Paravirtualized (virtio)", "paravirtualized"),
         ("Host passthrough (CPU: KVM, hardware virtualization)", "passthrough"))


class PerformancePage(CasePage):
    def __init__(self, wizard: CaseWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_PerformancePage()
        self.ui.setupUi(self)
        self.table = RecordTable(self.ui.perfTable, (
            Column("category", "Area", CATEGORIES, free=False),
            Column("mode", "How the device is provided", MODES, free=False),
            Column("measured_percent", "Measured, % of bare metal", number=True,
                   tip="The guest's result as a percentage of the same test on bare metal"),
        ))
        self.table.changed.connect(self.answered)
        self.ui.addButton.clicked.connect(self.add_complaint)
        self.ui.removeButton.clicked.connect(self.table.remove_selected)
        self.ui.feedbackList.itemDoubleClicked.connect(self.open_item_entry)

    def add_complaint(self) -> int:
        row = self.table.add_row()
        self.ui.perfTable.setCurrentCell(row, 0)
        return row

    def show_case(self) -> None:
        self.table.load(self.case.get("performance"))

    def store(self) -> None:
        records = self.table.records()
        if records or "performance" in self.case:
            self.case["performance"] = records

    def refresh(self) -> None:
        try:
            verdict = self.wiz.verdict()
        except CaseError as exc:
            self.ui.feedbackList.clear()
            self.ui.feedbackList.addItem(f"The complaints cannot be checked yet: {exc}")
            return
        findings = [f for f in verdict.findings if f.scope == "performance"]
        fill_findings(self.ui.feedbackList, findings, self.kb, self.release,
                      empty="No complaint: nothing to compare.")
