"""Reviewer defects of issue 8 on the import page and the guest editor: a MAC address in
an option value is never cut, the memory field shows its whole placeholder, and a memory
size says what it was read as (or that it is refused)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kvmhelpdesk.gui.wizard.guest_editor import GuestEditor
from kvmhelpdesk.gui.wizard.import_page import ImportPage
from tests.helpers.wizard import type_into

MAC = "52:54:00:12:34:56"
CMDLINE = ("/usr/bin/qemu-kvm -M pc-0.12 -m 2048 -smp 2 -name web01 -drive "
           "file=/var/lib/kvm/images/web01/disk0.raw,if=virtio,format=raw "
           f"-net nic,vlan=0,model=virtio,macaddr={MAC} -net tap,vlan=0,ifname=vnet0")


def test_a_mac_address_in_the_option_table_is_never_cut(qtbot, window, dialogs) -> None:
    window.cases.import_input()
    page: ImportPage = window.cases.wizard.currentPage()
    page.set_text(CMDLINE)
    page.analyze()
    qtbot.waitUntil(lambda: page.analysis is not None)
    table = page.ui.optionTable
    row = next(r for r in range(table.rowCount()) if MAC in table.item(r, 1).text())
    cell = table.item(row, 1)
    assert cell.text().replace("\u200b", "") == f"nic,vlan=0,model=virtio,macaddr={MAC}"
    assert MAC in cell.toolTip()
    # Every piece between break points fits the column: the cell wraps, it never elides.
    metrics = table.fontMetrics()
    width = table.columnWidth(1)
    assert all(metrics.horizontalAdvance(piece) < width for piece in cell.text().split("\u200b"))
    assert table.rowHeight(row) > metrics.height() * 1.5  # wrapped onto a second line


def test_the_memory_field_shows_its_whole_placeholder(qtbot, wizard) -> None:
    editor = GuestEditor(wizard.kb, None, {"name": "m"}, parent=wizard)
    qtbot.addWidget(editor)
    editor.show()
    edit = editor.ui.memoryEdit
    assert edit.placeholderText().startswith("Unknown (MB")
    assert edit.width() > edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 8


def test_a_memory_size_says_what_it_was_read_as(qtbot, wizard) -> None:
    editor = GuestEditor(wizard.kb, None, {"name": "m"}, parent=wizard)
    qtbot.addWidget(editor)
    mark = editor.ui.memoryEditMark
    type_into(qtbot, editor.ui.memoryEdit, "512K")
    assert "512K is under 1 MB: not taken" in mark.text()
    assert mark.textFormat() == Qt.TextFormat.RichText  # "guest&#x27;s" shows as "guest's"
    assert "memory_mb" not in editor.guest()
    type_into(qtbot, editor.ui.memoryEdit, "8 GB")
    assert "read as 8192 MB" in mark.text() and editor.guest()["memory_mb"] == 8192
    type_into(qtbot, editor.ui.memoryEdit, "2048")
    assert "a number without a unit is MB" in mark.text()
    type_into(qtbot, editor.ui.memoryEdit, "")
    assert "read as" not in mark.text() and "not taken" not in mark.text()


def test_a_half_screen_guests_table_cuts_no_heading(qtbot, window, dialogs, tmp_path) -> None:
    from kvmhelpdesk.gui.wizard.pages.guests import COLUMNS, COMPACT_COLUMNS, GuestsPage
    from kvmhelpdesk.gui.wizard.wizard import GUESTS
    from tests.helpers.supportconfig import standard_bundle

    window.bundles.open(str(standard_bundle().write_tar(tmp_path)))
    qtbot.waitUntil(lambda: window.cases.active, timeout=20000)
    wizard = window.cases.wizard
    wizard.go_to(GUESTS)
    table = wizard.page_of(GuestsPage).ui.guestTable
    header = table.horizontalHeader()

    def headings() -> list[str]:
        return [table.horizontalHeaderItem(c).text() for c in range(header.count())]

    wizard.resize(683, 700)
    qtbot.waitUntil(lambda: headings() == list(COMPACT_COLUMNS))
    assert header.sectionSize(1) >= header.sectionSizeHint(1)  # "Operating system" whole
    assert sum(header.sectionSize(c) for c in range(header.count())) <= (
        table.viewport().width())  # and the Verdict column in view
    wizard.resize(1366, 700)
    qtbot.waitUntil(lambda: headings() == list(COLUMNS))
