"""The import page: pasted or dropped customer input -> option table -> wizard answers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from kvmhelpdesk.gui.wizard.import_page import COLUMNS, ImportPage, detect_kind
from kvmhelpdesk.gui.wizard.wizard import GUESTS, IMPORT, TICKET, VERDICT

CMDLINE = ("/usr/bin/qemu-kvm -name web02 -m 2048 -smp 4 "
           "-drive file=/var/lib/kvm/web02.qcow2,if=virtio,format=qcow2 "
           "-net nic,model=virtio,macaddr=52:54:00:12:34:57 -net tap -vga std")
XML = """<domain type='kvm'><name>db01</name><memory unit='KiB'>1048576</memory>
<vcpu>2</vcpu><os><type arch='x86_64'>hvm</type></os></domain>"""


def cell(page: ImportPage, row: int, column: str):
    return page.ui.optionTable.item(row, COLUMNS.index(column))


def row_of(page: ImportPage, option: str) -> int:
    table = page.ui.optionTable
    return next(r for r in range(table.rowCount()) if cell(page, r, "Option").text() == option)


def test_import_action_opens_the_import_page(window, dialogs) -> None:
    window.ui.actionImport.trigger()
    wizard = window.cases.wizard
    assert wizard.isVisible() and wizard.currentId() == IMPORT
    assert isinstance(wizard.currentPage(), ImportPage)


def test_pasted_command_line_table_then_guest_page(window, dialogs, qtbot) -> None:
    window.cases.import_input()
    wizard = window.cases.wizard
    page: ImportPage = wizard.currentPage()
    page.set_text(CMDLINE)
    qtbot.mouseClick(page.ui.analyzeButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.analysis is not None)  # analyzed off the GUI thread

    drive = row_of(page, "-drive")
    status = cell(page, drive, "Status")
    assert status.text() == "Unsupported"
    assert not status.icon().isNull()  # icon and word
    assert "qcow2" in cell(page, drive, "Why").text()
    assert cell(page, drive, "Entry").text()
    assert cell(page, row_of(page, "-m"), "Status").text() == "Supported"
    assert "web02" in page.ui.resultLabel.text()

    page.ui.optionTable.cellClicked.emit(drive, COLUMNS.index("Entry"))
    assert window.current_place().entry_id == "opt-drive"

    wizard.next()
    assert wizard.currentId() == TICKET
    wizard.go_to(GUESTS)
    table = wizard.currentPage().ui.guestTable
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "web02"
    assert table.item(0, 3).text() == "4" and table.item(0, 4).text() == "2048"
    assert table.item(0, 7).text() == "Unsupported"
    guest = wizard.case["guests"][0]
    assert guest["disks"][0]["format"] == "qcow2"
    assert window.cases.dirty

    wizard.go_to(VERDICT)
    assert wizard.currentPage().ui.verdictLabel.text() == "Unsupported"
    assert wizard.verdict().options  # the option account joins the verdict, as in the CLI
    # Going back through the import page must not import the same input twice.
    wizard.go_to(TICKET)
    wizard.back()
    assert wizard.currentId() == IMPORT
    wizard.next()
    assert len(wizard.case["guests"]) == 1


def test_import_joins_an_open_case_without_overwriting(window, dialogs, qtbot) -> None:
    window.cases.new_case()
    wizard = window.cases.wizard
    wizard.case["host"] = {"arch": "x86_64", "qemu_user": "kvm-group"}
    wizard.case["guests"] = [{"name": "web02", "vcpus": 1}]
    window.cases.import_input()
    page: ImportPage = wizard.currentPage()
    page.set_text("ps: root 123 1 0 " + CMDLINE)
    wizard.next()  # analyzes in the background, then goes on by itself
    qtbot.waitUntil(lambda: wizard.currentId() != IMPORT)
    assert [g["name"] for g in wizard.case["guests"]] == ["web02", "web02-2"]
    assert wizard.case["host"]["qemu_user"] == "kvm-group"  # the engineer's answer wins
    scopes = {f.scope for f in wizard.verdict().findings if f.status == "unsupported"}
    assert scopes == {"guest:web02-2"}


def test_unusable_input_is_a_message_and_stays(window, dialogs, qtbot) -> None:
    window.cases.import_input()
    wizard = window.cases.wizard
    page: ImportPage = wizard.currentPage()
    page.set_text("hello, this is not a configuration")
    wizard.next()
    qtbot.waitUntil(lambda: not page.busy)
    assert wizard.currentId() == IMPORT
    assert page.ui.resultLabel.text().startswith("Cannot import this input:")
    assert page.ui.optionTable.rowCount() == 0
    page.set_text("")
    wizard.next()  # nothing pasted: nothing to import, the wizard goes on
    assert wizard.currentId() == TICKET and wizard.case.get("guests") is None


def test_dropped_file_and_clipboard(window, dialogs, tmp_path: Path, qtbot) -> None:
    window.cases.import_input()
    page: ImportPage = window.cases.wizard.currentPage()
    xml_file = tmp_path / "db01.xml"
    xml_file.write_text(XML, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(xml_file))])
    viewport = page.ui.inputEdit.viewport()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    assert page.eventFilter(viewport, drop) is True
    assert page.ui.inputEdit.toPlainText() == XML
    qtbot.waitUntil(lambda: page.analysis is not None)
    assert page.analysis is not None and page.analysis.guests[0]["name"] == "db01"

    QGuiApplication.clipboard().setText(CMDLINE)
    page.ui.clipboardButton.click()
    assert page.ui.inputEdit.toPlainText() == CMDLINE
    qtbot.waitUntil(lambda: page.analysis is not None)
    assert page.analysis is not None and page.analysis.guests[0]["name"] == "web02"


def test_kind_detection() -> None:
    assert detect_kind("  <domain/>") == "xml"
    assert detect_kind("# virsh dumpxml web01\n<domain type='kvm'>") == "xml"
    assert detect_kind("(qemu) info status\n(qemu) savevm x") == "monitor"
    assert detect_kind(CMDLINE) == "cmdline"
