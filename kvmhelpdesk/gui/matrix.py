"""The guest OS matrix: every guest row of the statement as a sortable, filterable table.

Status comes second (icon and word); the product's full name is the first cell's tooltip, so
Notes and PV drivers fit beside the rest without scrolling at the default window size. Rows
are two lines high, so all twelve rows show at once; a longer note ends in "…" and is whole in
its tooltip and in the entry. A blank cell of the statement shows as a dash, explained in its
tooltip, never as if it were a value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from kvmhelpdesk.gui.icons import status_icon
from kvmhelpdesk.kb import STATUS_LABELS, STATUSES, Entry
from kvmhelpdesk.kb.render import product_name, service_pack_text

if TYPE_CHECKING:
    from kvmhelpdesk.gui.forms.ui_mainwindow import Ui_MainWindow
    from kvmhelpdesk.gui.mainwindow import MainWindow

COLUMNS = ("Guest OS", "Status", "Service pack", "Bits", "Virt.", "PV drivers", "Notes")
STATUS_COLUMN = COLUMNS.index("Status")
VIRT_COLUMN, PV_COLUMN, NOTES_COLUMN = (COLUMNS.index(c) for c in ("Virt.", "PV drivers",
                                                                    "Notes"))
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 3
ModelIndex = QModelIndex | QPersistentModelIndex
NONE = "—"
BLANK_TIP = "The statement's table leaves this cell blank (see the entry for how it is read)"
HEADER_TIPS = {"Virt.": "Virtualization type (FV: fully virtualized)",
               "PV drivers": "Paravirtual drivers the statement lists for the guest"}
PV_WIDTH = 150  # about two driver names a line
ROW_PADDING = 8
MAX_ROW_LINES = 3  # a longer note ends in "…" and is whole in its tooltip and the entry


def row_cells(entry: Entry) -> tuple[str, ...]:
    f = entry.fields
    notes = list(f.get("notes") or ())
    said = " ".join(notes)
    notes += [f"{bits}-bit kernel: {opt}" for bits, opt in (f.get("boot_options") or {}).items()
              if opt not in said]  # a boot option the notes already name is not repeated
    return (
        entry.source_text or entry.title,
        STATUS_LABELS.get(entry.status or "", NONE),
        service_pack_text(f),
        " / ".join(str(b) for b in f.get("bits") or ()),
        f.get("virt_type") or NONE,
        ", ".join(f.get("pv_drivers") or ()) or f.get("pv_drivers_note") or NONE,
        " ".join(n if n.endswith(".") else n + "." for n in notes),
    )


def cell_tooltip(entry: Entry, column: int, text: str) -> str:
    if column == 0:
        return f"{product_name(entry.fields)}: {entry.title}"
    if column == VIRT_COLUMN and not entry.fields.get("virt_type"):
        return BLANK_TIP
    if column == PV_COLUMN and text == NONE:
        return "No driver is named in the statement's table"
    return text


class GuestMatrixModel(QAbstractTableModel):
    def __init__(self, entries: list[Entry], parent: Any = None) -> None:
        super().__init__(parent)
        self._entries = entries
        self._cells = [row_cells(e) for e in entries]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(COLUMNS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(entry, column, self._cells[index.row()][column])
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS_COLUMN:
            return status_icon(entry.status)
        if role == SORT_ROLE:
            if column == STATUS_COLUMN:
                return STATUSES.index(entry.status) if entry.status in STATUSES else 99
            if column == 0:
                return index.row()  # the statement's own order
            return self._cells[index.row()][column].lower()
        if role == ENTRY_ROLE:
            return entry
        return None


class GuestMatrixFilter(QSortFilterProxyModel):
    """Free-text filter over every column plus an optional status filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange()

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self._status = status or None
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        entry: Entry = model.data(model.index(source_row, 0, source_parent), ENTRY_ROLE)
        if self._status and entry.status != self._status:
            return False
        if not self._text:
            return True
        haystack = " ".join([*row_cells(entry), product_name(entry.fields), *entry.aliases])
        haystack = haystack.lower()
        return all(word in haystack for word in self._text.split())


def setup_matrix_view(ui: Ui_MainWindow, model: GuestMatrixModel,
                      parent: QObject) -> GuestMatrixFilter:
    """Model, filter, columns and the status box of the matrix tab (on its first showing)."""
    from PySide6.QtWidgets import QHeaderView

    proxy = GuestMatrixFilter(parent)
    proxy.setSourceModel(model)
    table = ui.matrixTable
    table.setModel(proxy)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    rows = table.verticalHeader()
    rows.hide()
    # Notes and PV drivers wrap: each row is as tall as its text (at least two lines).
    line = table.fontMetrics().lineSpacing()
    rows.setMinimumSectionSize(2 * line + ROW_PADDING)
    rows.setMaximumSectionSize(MAX_ROW_LINES * line + ROW_PADDING // 2)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = table.horizontalHeader()
    header.setAccessibleName("Matrix columns (activate one to sort by it)")
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    table.setColumnWidth(STATUS_COLUMN, table.columnWidth(STATUS_COLUMN) + 8)
    table.setColumnWidth(PV_COLUMN, PV_WIDTH)
    table.setColumnWidth(NOTES_COLUMN, 120)  # the last column stretches over what is left
    ColumnFitter(table, parent)
    ui.matrixStatusFilter.addItem("All statuses", "")
    for status in STATUSES:
        ui.matrixStatusFilter.addItem(status_icon(status), STATUS_LABELS[status], status)
    return proxy


NOTES_MIN = 150  # narrower than this, the short columns give up some width
SHRINKABLE = (COLUMNS.index("Service pack"), 0)  # these wrap onto two lines before Notes


class ColumnFitter(QObject):
    """Every column inside the table's width, whatever the window: the short columns keep
    their natural width, PV drivers and Notes share the rest and wrap (no sideways scroll)."""

    def __init__(self, table: Any, parent: QObject) -> None:
        super().__init__(parent)
        self.table = table
        self.natural = [table.columnWidth(c) for c in range(len(COLUMNS))]
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        table = self.table
        width = table.viewport().width()
        if width <= 0:
            return
        widths = self.natural[:PV_COLUMN]
        rest = width - sum(widths)
        pv = max(90, min(PV_WIDTH, int(rest * 0.4)))
        short = NOTES_MIN - (rest - pv)
        for column in SHRINKABLE:
            if short > 0:
                give = min(short, widths[column] // 3)
                widths[column] -= give
                short -= give
        for column, size in enumerate(widths):
            table.setColumnWidth(column, size)
        table.setColumnWidth(PV_COLUMN, pv)  # Notes, the last section, stretches over the rest


class MatrixTab(QObject):
    """The matrix tab's model, filter and signals (made when the tab is first shown)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        ui = window.ui
        self.model = GuestMatrixModel(window.kb.entries(kind="guest-os"), self)
        self.proxy = setup_matrix_view(ui, self.model, self)
        from kvmhelpdesk.gui.a11y import name_inner_parts

        name_inner_parts(ui.matrixTab)
        ui.matrixTable.doubleClicked.connect(self._open)
        ui.matrixTable.activated.connect(self._open)
        ui.matrixFilter.textChanged.connect(self.refilter)
        ui.matrixStatusFilter.currentIndexChanged.connect(self.refilter)
        self.refilter()

    def reload(self) -> None:
        """The knowledge base changed (content pack loaded or forgotten)."""
        self.model = GuestMatrixModel(self.window.kb.entries(kind="guest-os"), self)
        self.proxy.setSourceModel(self.model)
        self.refilter()

    def refilter(self, *_: object) -> None:
        ui = self.window.ui
        self.proxy.set_text(ui.matrixFilter.text())
        self.proxy.set_status(ui.matrixStatusFilter.currentData())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        ui.matrixCount.setText(f"{shown} of {total} rows")

    def _open(self, index: QModelIndex) -> None:
        entry = self.proxy.data(index, ENTRY_ROLE)
        if entry is not None:
            self.window.open_entry(entry.id, entry.release)
