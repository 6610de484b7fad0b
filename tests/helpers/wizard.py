"""Drive the case wizard the way an engineer does: type, pick, tick, press Next."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

WIN_GUEST = {"name": "win01", "os": "Windows Server 2008 R2", "vcpus": 4, "memory_mb": 4096}


def pick(combo: QComboBox, text: str) -> None:
    """Choose the item whose label starts with `text`, as a mouse pick would."""
    for index in range(combo.count()):
        if combo.itemText(index).startswith(text):
            combo.setCurrentIndex(index)
            return
    raise AssertionError(f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}")


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def fill_host(qtbot: Any, page: Any) -> None:
    ui = page.ui
    ui.archCombo.setEditText("x86_64")
    pick(ui.vendorCombo, "Intel")
    type_into(qtbot, ui.coresEdit, "8")
    pick(ui.hwvirtCombo, "Enabled")
    pick(ui.modulesCombo, "Yes")
    ui.virtManagerCheck.setChecked(True)
    pick(ui.qemuUserCombo, "root")


def fill_guest(qtbot: Any, editor: Any, guest: dict[str, Any] = WIN_GUEST) -> None:
    ui = editor.ui
    type_into(qtbot, ui.nameEdit, guest["name"])
    type_into(qtbot, ui.osEdit, guest["os"])
    type_into(qtbot, ui.vcpusEdit, str(guest["vcpus"]))
    type_into(qtbot, ui.memoryEdit, str(guest["memory_mb"]))
    editor.disks.add_row({"bus": "virtio", "format": "raw", "storage": "file"})
    editor.nics.add_row({"model": "virtio", "mac": "52:54:00:12:34:56"})


def press_ok(editor: Any) -> None:
    editor.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
