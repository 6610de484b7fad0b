"""Page 3: the guests as a list (add, edit, duplicate, remove), each with its own verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QTableWidgetItem

from kvmhelpdesk.gui.forms.ui_wizard_guests import Ui_GuestsPage
from kvmhelpdesk.gui.icons import status_icon
from kvmhelpdesk.gui.wizard.feedback import status_word
from kvmhelpdesk.gui.wizard.guest_editor import GuestEditor
from kvmhelpdesk.gui.wizard.pages.base import CasePage
from kvmhelpdesk.gui.wizard.source_marks import mark_item
from kvmhelpdesk.report.document import plural
from kvmhelpdesk.safetext import shown
from kvmhelpdesk.triage import CaseError, GuestVerdict
from kvmhelpdesk.triage.evidence import describe
from kvmhelpdesk.triage.plaindata import plain_copy

if TYPE_CHECKING:
    from kvmhelpdesk.gui.wizard.wizard import CaseWizard

COLUMNS = ("Name", "Operating system", "Guest table row", "vCPUs", "RAM (MB)", "Disks", "NICs",
           "Verdict")
COMPACT_COLUMNS = ("Name", "Operating\nsystem", "Guest table\nrow", "vCPUs", "RAM\n(MB)",
                   "Disks", "NICs", "Verdict")  # the headings in a narrow window
NOT_GIVEN = "—"
MARKED = {0: "name", 3: "vcpus", 4: "memory_mb"}  # columns whose answer may be a bundle's


def _count(guest: dict[str, Any], key: str) -> str:
    return str(len(guest[key])) if isinstance(guest.get(key), list) else NOT_GIVEN


class GuestsPage(CasePage):
    def __init__(self, wizard: CaseWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_GuestsPage()
        self.ui.setupUi(self)
        self.editor: GuestEditor | None = None
        self._editing: int | None = None  # index of the guest in the editor; None = new
        table = self.ui.guestTable
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels(COLUMNS)
        self._labels = COLUMNS
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.cellDoubleClicked.connect(lambda row, _col: self.edit_guest(row))
        table.itemSelectionChanged.connect(self._sync_buttons)
        table.viewport().installEventFilter(self)  # resized: fit the OS column again
        self.ui.addButton.clicked.connect(self.add_guest)
        self.ui.editButton.clicked.connect(lambda: self.edit_guest())
        self.ui.duplicateButton.clicked.connect(lambda: self.duplicate_guest())
        self.ui.removeButton.clicked.connect(lambda: self.remove_guest())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.ui.guestTable.viewport():
            self._fit_os_column()
        return super().eventFilter(watched, event)

    def _fit_os_column(self) -> None:
        """The OS column takes the spare width, but never less than its heading and values.
        In a half-screen window the long headings go on two lines first; only if that is not
        enough does the table scroll sideways (never "Operating system" cut to "ing s")."""
        table = self.ui.guestTable
        header = table.horizontalHeader()
        if self._labels is COLUMNS and self._os_room() < 0:
            self._labels = COMPACT_COLUMNS
        elif self._labels is COMPACT_COLUMNS and self._os_room(COLUMNS) >= 0:
            self._labels = COLUMNS
        if [table.horizontalHeaderItem(c).text() for c in range(header.count())] != list(
                self._labels):
            table.setHorizontalHeaderLabels(self._labels)
        room = self._os_room()
        mode = (QHeaderView.ResizeMode.Stretch if room >= 0
                else QHeaderView.ResizeMode.Interactive)
        if header.sectionResizeMode(1) != mode:
            header.setSectionResizeMode(1, mode)
        if room < 0:
            header.resizeSection(1, self._os_width())

    def _os_width(self) -> int:
        table = self.ui.guestTable
        return max(table.horizontalHeader().sectionSizeHint(1), table.sizeHintForColumn(1))

    def _os_room(self, labels: tuple[str, ...] | None = None) -> int:
        """Spare width beyond what the OS column needs (negative: too little), were the
        headings `labels` (default: the ones shown)."""
        table = self.ui.guestTable
        header = table.horizontalHeader()

        def wide(text: str) -> int:
            return max(header.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))

        extra = sum(max(0, wide(new) - wide(old)) for new, old in
                    zip(labels, self._labels, strict=True)) if labels else 0
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != 1 and not header.isSectionHidden(c))
        return table.viewport().width() - others - extra - self._os_width()

    @property
    def guests(self) -> list[dict[str, Any]]:
        return list(self.case.get("guests") or [])

    def selected(self) -> int | None:
        row = self.ui.guestTable.currentRow()
        return row if 0 <= row < len(self.guests) else None

    # -- list actions -----------------------------------------------------------------------
    def add_guest(self) -> GuestEditor:
        return self._open_editor(None, {"name": f"guest{len(self.guests) + 1}"})

    def edit_guest(self, index: int | None = None) -> GuestEditor | None:
        index = self.selected() if index is None else index
        if index is None:
            return None
        return self._open_editor(index, self.guests[index])

    def duplicate_guest(self, index: int | None = None) -> None:
        index = self.selected() if index is None else index
        if index is None:
            return
        copied = plain_copy(self.guests[index])
        copied["name"] = f"{copied.get('name') or f'guest{index + 1}'} (copy)"
        for nic in copied.get("nics") or ():
            nic.pop("mac", None)  # two NICs with one MAC break networking
        count = len(self.guests)
        self._set_guests([*self.guests, copied], [*range(count), None])  # the copy: not read
        self.ui.guestTable.selectRow(len(self.guests) - 1)

    def remove_guest(self, index: int | None = None) -> None:
        index = self.selected() if index is None else index
        if index is None:
            return
        guests = self.guests
        del guests[index]
        self._set_guests(guests, [n for n in range(len(guests) + 1) if n != index])

    def _open_editor(self, index: int | None, guest: dict[str, Any]) -> GuestEditor:
        """Window-modal to the wizard only (open(), not exec()): the main window stays usable."""
        sources = self.wiz.evidence(f"guests[{index}]") if index is not None else {}
        editor = GuestEditor(self.kb, self.release, guest, self.case.get("host"), self,
                             sources)
        editor.open_entry = self.wiz.request_entry
        editor.finished.connect(self._editor_finished)
        self.editor, self._editing = editor, index
        editor.open()
        return editor

    def _editor_finished(self, result: int) -> None:
        editor, index = self.editor, self._editing
        self.editor, self._editing = None, None
        if editor is None:
            return
        if result == QDialog.DialogCode.Accepted.value:
            guests = self.guests
            order: list[int | None] = list(range(len(guests)))
            if index is None:
                guests.append(editor.guest())
                order.append(None)
            else:
                guests[index] = editor.guest()
                for key in ("disks", "nics"):  # a disk removed: the next one's sources follow
                    self.wiz.reorder(f"guests[{index}].{key}", editor.origins(key))
            self._set_guests(guests, order)
            self.ui.guestTable.selectRow(len(guests) - 1 if index is None else index)
        editor.deleteLater()

    def _set_guests(self, guests: list[dict[str, Any]], order: list[int | None]) -> None:
        """The new list of guests; `order[new index]` is each one's old index (None: new), so
        the answers read from a bundle keep their sources (`guests[N]...` paths)."""
        self.wiz.reorder("guests", order)
        self.case["guests"] = guests
        self.wiz.mark_changed()
        self.refresh()

    # -- display ------------------------------------------------------------------------------
    def refresh(self) -> None:
        guests = self.guests
        try:
            verdict = self.wiz.verdict()
            judged: list[GuestVerdict | None] = list(verdict.guests)
            total = verdict.verdict
        except CaseError as exc:
            judged, total = [None] * len(guests), None
            self.ui.summaryLabel.setText(f"The case cannot be checked yet: {shown(str(exc))}")
        table = self.ui.guestTable
        current = table.currentRow()
        read = self.case.get("evidence") or {}  # answers read from a support bundle
        table.setRowCount(len(guests))
        for row, (guest, judgement) in enumerate(zip(guests, judged, strict=True)):
            cells = (guest.get("name") or f"guest {row + 1}", guest.get("os") or NOT_GIVEN,
                     (judgement.os_row if judgement else None) or NOT_GIVEN,
                     str(guest.get("vcpus", NOT_GIVEN)), str(guest.get("memory_mb", NOT_GIVEN)),
                     _count(guest, "disks"), _count(guest, "nics"))
            for column, text in enumerate(cells):  # customer text: controls as escapes
                item = QTableWidgetItem(shown(str(text)))
                mark_item(item, read.get(f"guests[{row}].{MARKED.get(column, '-')}"))
                table.setItem(row, column, item)
            defined = read.get(f"guests[{row}]")
            if defined:  # where the guest is defined
                table.item(row, 0).setToolTip(
                    "\n".join(t for t in (table.item(row, 0).toolTip(),
                                          f"Defined in the support bundle: {describe(defined)}")
                              if t))
            status = judgement.verdict if judgement else None
            verdict_item = QTableWidgetItem(status_icon(status),
                                            status_word(status) if status else NOT_GIVEN)
            table.setItem(row, len(cells), verdict_item)
        if 0 <= current < len(guests):
            table.selectRow(current)
        if total is not None:
            vcpus = sum(g.get("vcpus") or 0 for g in guests)
            self.ui.summaryLabel.setText(
                f"{plural(len(guests), 'guest')}, {plural(vcpus, 'vCPU')} given in all. "
                "Case so far: "
                f"{status_word(total)}. Double-click a guest to edit it."
                + (" The bundle icon marks an answer read from the support bundle (hover for "
                   "its line)." if read else "")
                if guests else "No guests yet: add the customer's virtual machines "
                "(or import their configuration from the ticket page).")
        self._sync_buttons()
        self._fit_os_column()

    def _sync_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.ui.editButton, self.ui.duplicateButton, self.ui.removeButton):
            button.setEnabled(chosen)
