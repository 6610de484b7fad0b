"""The guest OS matrix: every guest row of the statement as a sortable, filterable table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from kvmhelpdesk.gui.icons import status_icon
from kvmhelpdesk.kb import STATUS_LABELS, STATUSES, Entry
from kvmhelpdesk.kb.render import product_name, service_pack_text

COLUMNS = ("Guest OS", "Product", "Status", "Service pack", "Bits", "Virt type", "PV drivers",
           "Notes")
STATUS_COLUMN = COLUMNS.index("Status")
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 3
ModelIndex = QModelIndex | QPersistentModelIndex




def row_cells(entry: Entry) -> tuple[str, ...]:
    f = entry.fields
    notes = list(f.get("notes") or ())
    notes += [f"{bits}-bit kernel: {opt}" for bits, opt in (f.get("boot_options") or {}).items()]
    return (
        entry.source_text or entry.title,
        product_name(f),
        STATUS_LABELS.get(entry.status or "", "—"),
        service_pack_text(f),
        " / ".join(str(b) for b in f.get("bits") or ()),
        f.get("virt_type") or "(blank cell)",
        ", ".join(f.get("pv_drivers") or ()) or f.get("pv_drivers_note") or "—",
        "; ".join(notes),
    )


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
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][column]
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
        haystack = " ".join(row_cells(entry)) + " " + " ".join(entry.aliases)
        haystack = haystack.lower()
        return all(word in haystack for word in self._text.split())
