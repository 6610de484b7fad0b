"""Names for the parts of composite controls that Qt Designer cannot name: a table's header
views and an editable combo box's line edit. A screen reader announces them on their own, so
each gets its owner's name and what it is ("Guests column headers", "Guest OS")."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableView, QTreeView, QWidget


def _owner_name(widget: QWidget) -> str:
    return widget.accessibleName() or widget.toolTip() or widget.objectName()


def name_inner_parts(root: QWidget) -> None:
    """Name every unnamed header view and editable combo field below `root`."""
    for header in root.findChildren(QHeaderView):
        view = header.parent()
        if header.accessibleName() or not isinstance(view, (QTableView, QTreeView)):
            continue
        what = ("column headers" if header.orientation().name == "Horizontal"
                else "row headers")
        header.setAccessibleName(f"{_owner_name(view)} {what}")
    for combo in root.findChildren(QComboBox):
        edit = combo.lineEdit()
        if edit is not None and not edit.accessibleName():
            edit.setAccessibleName(_owner_name(combo))
