"""Editable tables of case records (disks, NICs, performance complaints).

Each cell holds the case value itself; an empty cell is an unanswered key. Cells the engineer
never touched give back the loaded value exactly, so a typed-in disk bus or an explicit
`"mac": null` in a case file survive a round trip.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kvmhelpdesk.gui.wizard.answers import UNKNOWN

VALUE_ROLE = Qt.ItemDataRole.UserRole + 10
TOUCHED_ROLE = Qt.ItemDataRole.UserRole + 11
RECORD_ROLE = Qt.ItemDataRole.UserRole + 12
ORIGIN_ROLE = Qt.ItemDataRole.UserRole + 13  # the row's place among the loaded records
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One key of the records: free text with suggestions, fixed choices, or a number."""

    key: str
    header: str
    choices: tuple[tuple[str, Any], ...] = ()  # (label, value)
    free: bool = True  # free text allowed besides the choices
    number: bool = False
    tip: str = ""

    def label(self, value: Any) -> str:
        if value is None:
            return ""
        for label, choice in self.choices:
            if type(choice) is type(value) and choice == value:
                return label
        if isinstance(value, float) and value.is_integer():
            return f"{value:g}"
        return str(value)

    def parse(self, text: str) -> Any:
        """Cell text -> case value; None when the cell is empty (unanswered)."""
        text = text.strip()
        if not text or text == UNKNOWN:
            return None
        for label, value in self.choices:
            if text == label:
                return value
        if self.number:
            try:
                number = float(text)
            except ValueError:
                return None
            return int(number) if number.is_integer() and "." not in text else number
        return text


class _Delegate(QStyledItemDelegate):
    def __init__(self, table: RecordTable) -> None:
        super().__init__(table.view)
        self.table = table

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: ModelIndex) -> QWidget:
        column = self.table.columns[index.column()]
        if column.number:
            edit = QLineEdit(parent)
            edit.setValidator(QRegularExpressionValidator(
                QRegularExpression(r"\d{0,4}(\.\d{0,2})?"), edit))
            edit.setPlaceholderText(UNKNOWN)
            return edit
        combo = QComboBox(parent)
        combo.setEditable(column.free)
        combo.addItem(UNKNOWN if not column.free else "")
        combo.addItems([label for label, _ in column.choices])
        if column.free:
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.lineEdit().setPlaceholderText(UNKNOWN)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if isinstance(editor, QComboBox):
            found = editor.findText(text)
            if found >= 0:
                editor.setCurrentIndex(found)
            elif editor.isEditable():
                editor.setEditText(text)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: ModelIndex) -> None:
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
        self.table.set_value(index.row(), index.column(),
                             self.table.columns[index.column()].parse(text))


class RecordTable(QObject):
    """Drives a QTableWidget whose rows are case records (list of dicts)."""

    changed = Signal()

    def __init__(self, view: QTableWidget, columns: Iterable[Column]) -> None:
        super().__init__(view)
        self.view = view
        self.columns = list(columns)
        # The loaded records by row token (kept in Python: a QVariant map would mangle None).
        self._records: dict[int, dict[str, Any]] = {}
        self._next_token = 0
        view.setColumnCount(len(self.columns))
        view.setHorizontalHeaderLabels([c.header for c in self.columns])
        for number, column in enumerate(self.columns):
            if column.tip:
                view.horizontalHeaderItem(number).setToolTip(column.tip)
        view.setItemDelegate(_Delegate(self))
        view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                             & ~QAbstractItemView.EditTrigger.CurrentChanged)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    # -- records --------------------------------------------------------------------------
    def load(self, records: Iterable[Mapping[str, Any]] | None) -> None:
        self.view.setRowCount(0)
        self._records.clear()
        for number, record in enumerate(records or ()):
            self._append(dict(record), number)

    def add_row(self, defaults: Mapping[str, Any] | None = None) -> int:
        """A new row (its default cells count as answered); returns its number."""
        row = self._append({})
        for key, value in (defaults or {}).items():
            self.set_value(row, self.column_of(key), value)
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectedIndexes()}, reverse=True)
        if not rows and self.view.currentRow() >= 0:
            rows = [self.view.currentRow()]
        for row in rows:
            self._records.pop(self.view.item(row, 0).data(RECORD_ROLE), None)
            self.view.removeRow(row)
        if rows:
            self.changed.emit()

    def records(self) -> list[dict[str, Any]]:
        out = []
        for row in range(self.view.rowCount()):
            first = self.view.item(row, 0)
            record = dict(self._records.get(first.data(RECORD_ROLE), {}))
            for number, column in enumerate(self.columns):
                item = self.view.item(row, number)
                if not item.data(TOUCHED_ROLE):
                    continue
                value = item.data(VALUE_ROLE)
                if value is None:
                    record.pop(column.key, None)
                else:
                    record[column.key] = value
            out.append(record)
        return out

    def origins(self) -> list[int | None]:
        """For each row, its index among the loaded records (None for a row added since):
        what answer paths such as `disks[1].format` of the loaded records now point at."""
        return [self.view.item(row, 0).data(ORIGIN_ROLE) for row in range(self.view.rowCount())]

    def loaded_row(self, origin: int) -> int | None:
        """The row now showing loaded record number `origin` (None if it was removed)."""
        found = [row for row, o in enumerate(self.origins()) if o == origin]
        return found[0] if found else None

    def item(self, row: int, key: str) -> QTableWidgetItem:
        return self.view.item(row, self.column_of(key))

    # -- cells ----------------------------------------------------------------------------
    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def set_value(self, row: int, column: int | str, value: Any) -> None:
        """Set one cell as the engineer would (marks it answered; None empties it)."""
        number = self.column_of(column) if isinstance(column, str) else column
        item = self.view.item(row, number)
        item.setData(VALUE_ROLE, value)
        item.setData(TOUCHED_ROLE, True)
        item.setText(self.columns[number].label(value))
        self.changed.emit()

    def _append(self, record: dict[str, Any], origin: int | None = None) -> int:
        row = self.view.rowCount()
        token, self._next_token = self._next_token, self._next_token + 1
        self._records[token] = record
        self.view.insertRow(row)
        for number, column in enumerate(self.columns):
            value = record.get(column.key)
            item = QTableWidgetItem(column.label(value))
            item.setData(VALUE_ROLE, value)
            item.setData(TOUCHED_ROLE, False)
            if column.tip:
                item.setToolTip(column.tip)
            if number == 0:
                item.setData(RECORD_ROLE, token)
                item.setData(ORIGIN_ROLE, origin)
            self.view.setItem(row, number, item)
        return row
