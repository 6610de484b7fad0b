"""Page 2: the KVM host, with the statement's verdict on each answer as it is given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout

from kvmhelpdesk.gui.forms.ui_wizard_host import Ui_HostPage
from kvmhelpdesk.gui.wizard.answers import (
    YES_NO,
    Answer,
    ChoiceAnswer,
    IntAnswer,
    SetAnswer,
    TextAnswer,
    connect_all,
    load_answers,
    store_answers,
)
from kvmhelpdesk.gui.wizard.feedback import fill_findings, show_mark
from kvmhelpdesk.gui.wizard.pages.base import CasePage
from kvmhelpdesk.gui.wizard.source_marks import SourceMarks
from kvmhelpdesk.triage import CaseError

if TYPE_CHECKING:
    from kvmhelpdesk.gui.wizard.wizard import CaseWizard

ARCHES = (("x86_64", "x86_64"), ("i686 (32-bit)", "i686"), ("ia64", "ia64"),
          ("ppc64", "ppc64"), ("s390x", "s390x"))
STATE = (("Enabled", "enabled"), ("Disabled (in the BIOS)", "disabled"),
         ("Absent (not in the CPU)", "absent"))
WIDE_LAYOUT = 820  # page width (px) from which the hardware and kernel groups sit side by side
# Releases engineers meet on KVM hosts, offered beside the loaded statements' own products.
OTHER_RELEASES = ("SLES 11 SP2", "SLES 11 SP3", "SLES 11 SP4", "SLES 11 GA", "SLES 10 SP3",
                  "SLES 12", "SLED 11 SP1")


def host_answers(ui: Ui_HostPage, products: tuple[str, ...] = ()) -> list[Answer]:
    """The host questions in case-file order (new answers are saved in this order)."""
    releases = tuple(dict.fromkeys((*products, *OTHER_RELEASES)))
    return [
        ChoiceAnswer("os", ui.osCombo, tuple((r, r) for r in releases)),
        ChoiceAnswer("arch", ui.archCombo, ARCHES),
        ChoiceAnswer("cpu_vendor", ui.vendorCombo, (("Intel", "intel"), ("AMD", "amd"))),
        IntAnswer("cpu_cores", ui.coresEdit),
        ChoiceAnswer("hardware_virtualization", ui.hwvirtCombo, STATE),
        ChoiceAnswer("ept_npt", ui.eptCombo, YES_NO),
        ChoiceAnswer("kvm_modules_loaded", ui.modulesCombo, YES_NO),
        ChoiceAnswer("iommu", ui.iommuCombo, STATE),
        TextAnswer("kernel_cmdline", ui.cmdlineEdit),
        ChoiceAnswer("constant_tsc", ui.tscCombo, YES_NO),
        IntAnswer("numa_nodes", ui.numaEdit),
        ChoiceAnswer("ksm", ui.ksmCombo, (("On", True), ("Off", False))),
        ChoiceAnswer("ntp", ui.ntpCombo, (("Runs", True), ("Does not run", False))),
        ChoiceAnswer("kvm_module_parameters", ui.moduleParamsCombo,
                     (("Defaults", "default"), ("Custom", "custom"),
                      ("Custom, as directed by SUSE support", "support-directed"))),
        ChoiceAnswer("suspend_with_guests", ui.suspendCombo, YES_NO),
        ChoiceAnswer("power_changes_with_guests", ui.powerCombo, YES_NO),
        ChoiceAnswer("qemu_user", ui.qemuUserCombo,
                     (("root", "root"), ("A member of the kvm group", "kvm-group"),
                      ("Another user", "other"))),
        SetAnswer("management", {"vm-install": ui.vmInstallCheck,
                                 "virt-manager": ui.virtManagerCheck,
                                 "virsh": ui.virshCheck, "qemu-kvm": ui.qemuDirectCheck}),
        ChoiceAnswer("virsh_usage", ui.virshUsageCombo,
                     (("Read-only functions", "read-only"),
                      ("Read-only and VM lifecycle (start, stop…)", "lifecycle"),
                      ("Also modifying guests", "modify"))),
    ]


class HostPage(CasePage):
    def __init__(self, wizard: CaseWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_HostPage()
        self.ui.setupUi(self)
        products = tuple(r.product for r in reversed(self.kb.releases.values()))
        self.answers = host_answers(self.ui, products)
        self.marks = SourceMarks()  # answers read from a support bundle
        connect_all(self.answers, self.answered)
        self.ui.virshCheck.toggled.connect(self._virsh_toggled)
        self.ui.feedbackList.itemDoubleClicked.connect(self.open_item_entry)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side where there is room, one above the other on a narrow window (the
        answers then scroll above the live check)."""
        wide = event.size().width() >= WIDE_LAYOUT
        self.ui.groupsLayout.setDirection(QBoxLayout.Direction.LeftToRight if wide
                                          else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    def answer(self, key: str) -> Answer:
        return next(a for a in self.answers if a.key == key)

    def show_case(self) -> None:
        load_answers(self.answers, self.case.get("host"))
        self._virsh_toggled(self.ui.virshCheck.isChecked())

    def store(self) -> None:
        host = store_answers(self.answers, self.case.get("host"))
        if host or "host" in self.case:
            self.case["host"] = host

    def refresh(self) -> None:
        """Host-wide findings of the whole case (the vCPU total needs the guests too), and
        which answers are (still) as read from a support bundle."""
        read = self.wiz.evidence("host")
        self.marks.show((a.widgets()[0], read.get(a.key)) for a in self.answers
                        if not isinstance(a, SetAnswer))
        try:
            findings = [f for f in self.wiz.verdict().findings if f.scope == "host"]
        except CaseError as exc:
            self.ui.feedbackList.clear()
            self.ui.feedbackList.addItem(f"The case cannot be checked yet: {exc}")
            return
        fill_findings(self.ui.feedbackList, findings, self.kb, self.release)
        show_mark(self.ui.osComboMark, [f for f in findings if f.rule == "host.os"],
                  "os" in (self.case.get("host") or {}))

    def _virsh_toggled(self, on: bool) -> None:
        self.ui.virshUsageCombo.setEnabled(on or self.ui.virshUsageCombo.currentIndex() > 0)
