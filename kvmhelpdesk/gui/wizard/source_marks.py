"""Answers read from a support bundle, marked where they are shown: a small bundle icon beside
the value, and its source on hover ("hardware.txt line 412 (/proc/cpuinfo): cpu cores : 4").

The mark goes as soon as the answer is changed: it is then the engineer's, not the bundle's
(the case's evidence for it is dropped on the same change, see triage.evidence).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QTableWidgetItem, QWidget

from kvmhelpdesk.gui.icons import icon
from kvmhelpdesk.triage.evidence import describe

ICON = "from-bundle"


def source_tip(entry: Mapping[str, Any]) -> str:
    """The tooltip of a marked answer."""
    return f"Read from the support bundle: {describe(entry)}"


def mark_item(item: QTableWidgetItem | None, entry: Mapping[str, Any] | None,
              tip: str = "") -> None:
    """A table cell (a guest's vCPUs, a disk's format) with or without its bundle mark;
    `tip` is its tooltip otherwise."""
    if item is None:
        return
    item.setIcon(icon(ICON) if entry else QIcon())
    item.setToolTip(f"{source_tip(entry)}\n{tip}".strip() if entry else tip)


class SourceMarks:
    """Marks widgets (line edits, combo boxes, check boxes) as read from a bundle.

    `show(pairs)` takes (widget, evidence entry or None) for every answer widget of a page and
    leaves exactly those with an entry marked.
    """

    def __init__(self) -> None:
        self._undo: dict[QWidget, Callable[[], None]] = {}
        self._tips: dict[QWidget, str] = {}

    def show(self, pairs: Iterable[tuple[QWidget, Mapping[str, Any] | None]]) -> None:
        for widget, entry in pairs:
            if entry and self._tips.get(widget) == source_tip(entry):
                continue  # marked already, with this source
            self.unmark(widget)
            if entry:
                self.mark(widget, entry)

    def marked(self) -> list[QWidget]:
        return list(self._undo)

    def mark(self, widget: QWidget, entry: Mapping[str, Any]) -> None:
        tip = source_tip(entry)
        edit = widget if isinstance(widget, QLineEdit) else (
            widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else None)
        old_tip, old_description = widget.toolTip(), widget.accessibleDescription()
        widget.setToolTip(tip)
        widget.setAccessibleDescription(tip)
        restore: Callable[[], None]
        if edit is not None:
            action = QAction(icon(ICON), "Read from the support bundle", edit)
            action.setToolTip(tip)
            edit.addAction(action, QLineEdit.ActionPosition.TrailingPosition)

            def restore() -> None:
                edit.removeAction(action)
                action.deleteLater()
        elif isinstance(widget, QComboBox):
            index = widget.currentIndex()
            old_icon = widget.itemIcon(index)
            widget.setItemIcon(index, icon(ICON))

            def restore() -> None:
                if index < widget.count():
                    widget.setItemIcon(index, old_icon)
        elif isinstance(widget, QCheckBox):
            widget.setIcon(icon(ICON))

            def restore() -> None:
                widget.setIcon(QIcon())
        else:
            def restore() -> None:
                pass

        def undo() -> None:
            restore()
            widget.setToolTip(old_tip)
            widget.setAccessibleDescription(old_description)

        self._undo[widget] = undo
        self._tips[widget] = tip

    def unmark(self, widget: QWidget) -> None:
        self._tips.pop(widget, None)
        undo = self._undo.pop(widget, None)
        if undo is not None:
            undo()

    def clear(self) -> None:
        for widget in list(self._undo):
            self.unmark(widget)
