"""Issue 8 in the wizard: the host's release, memory with units, the undetermined banner and
confirmations that last (recorded on the verdict page, saved, reopened, reported)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kvmhelpdesk.gui.wizard.answers import parse_memory
from kvmhelpdesk.gui.wizard.pages.host import HostPage
from kvmhelpdesk.gui.wizard.pages.verdict import VerdictPage
from kvmhelpdesk.gui.wizard.verdict_view import KEYS_ROLE
from kvmhelpdesk.gui.wizard.wizard import HOST, VERDICT
from tests.helpers.wizard import type_into

GROUPED = {"format": "kvmhelpdesk-case", "version": 2, "title": "grouped",
           "host": {"os": "SLES 11 SP1", "arch": "x86_64", "cpu_cores": 8,
                    "hardware_virtualization": "enabled"},
           "guests": [{"name": "web01", "os": "SLES 11 SP1", "vcpus": 2, "memory_mb": 2048},
                      {"name": "db01", "os": "SLES 11 SP1", "vcpus": 2, "memory_mb": 2048}]}


def verdict_page(wizard) -> VerdictPage:
    wizard.go_to(VERDICT)
    page = wizard.currentPage()
    assert isinstance(page, VerdictPage)
    return page


def select(page: VerdictPage, text: str) -> list[str]:
    """Select the condition line containing `text`; its keys."""
    view = page.ui.conditionsList
    for row in range(view.count()):
        if text in view.item(row).text():
            view.setCurrentRow(row)
            return list(view.item(row).data(KEYS_ROLE))
    raise AssertionError(f"no condition line with {text!r}")


def test_the_host_release_is_the_first_question(wizard, qtbot) -> None:
    """kvm-supported.txt L5-9, L23: the statement covers SLES 11 SP1 hosts."""
    wizard.go_to(HOST)
    page: HostPage = wizard.currentPage()
    assert page.answers[0].key == "os"
    page.ui.osCombo.setEditText("SLES 11 SP2")
    assert wizard.case["host"] == {"os": "SLES 11 SP2"}
    assert "Unsupported" in page.ui.osComboMark.text()
    assert "SLES 11 SP1 hosts only" in page.ui.osComboMark.text()
    page.ui.osCombo.setEditText("SLES 11 SP1")
    assert "Supported" in page.ui.osComboMark.text()
    page.ui.osCombo.setEditText("")
    assert "os" not in wizard.case.get("host", {})


@pytest.mark.parametrize(("typed", "mb"), [("8 GB", 8192), ("8G", 8192), ("8192 MiB", 8192),
                                            ("8192", 8192), ("512m", 512), ("1.5 GB", 1536),
                                            ("2 TiB", 2 * 1024 * 1024), ("8 GB ", 8192),
                                            ("", None), ("GB", None), ("0", None)])
def test_memory_accepts_units(typed: str, mb: int | None) -> None:
    """A bare number is MB, as qemu-kvm -m reads it; "8 GB" is never 8 MB."""
    assert parse_memory(typed) == mb


def test_guest_editor_memory_field_reads_units(wizard, qtbot) -> None:
    from kvmhelpdesk.gui.wizard.guest_editor import GuestEditor

    editor = GuestEditor(wizard.kb, None, {"name": "m"}, parent=wizard)
    qtbot.addWidget(editor)
    type_into(qtbot, editor.ui.memoryEdit, "8 GB")
    assert editor.guest()["memory_mb"] == 8192
    assert "8192 MB" in editor.ui.memoryEditMark.text()  # says how the entry was read
    loaded = GuestEditor(wizard.kb, None, {"name": "m", "memory_mb": 4096}, parent=wizard)
    qtbot.addWidget(loaded)
    assert loaded.ui.memoryEdit.text() == "4096 MB"
    assert loaded.guest()["memory_mb"] == 4096


def test_an_empty_case_is_not_determined(wizard) -> None:
    page = verdict_page(wizard)
    assert page.ui.verdictLabel.text() == "Not determined"
    assert "Information needed" in page.ui.detailLabel.text()
    assert "provided that" not in page.ui.detailLabel.text().lower()


def test_confirm_refute_and_note_are_kept_in_the_case(wizard) -> None:
    """kvm-supported.txt L41-43: refuting "the kvm modules are loaded" is qemu-only mode."""
    wizard.load_case(GROUPED)
    page = verdict_page(wizard)
    changed = []
    wizard.changed.connect(lambda: changed.append(1))
    keys = select(page, "kvm kernel modules are loaded")
    page.ui.confirmedRadio.click()
    record = wizard.case["confirmations"][keys[0]]
    assert record["state"] == "confirmed" and record["at"].endswith("Z") and changed
    assert page.verdict is not None and page.verdict.verdict == "supported"
    assert page.ui.conditionsList.currentItem().text().startswith("[x]")
    assert page.ui.confirmedRadio.isChecked()

    page.ui.noteEdit.setText("lsmod output in the SR")
    page.ui.noteEdit.editingFinished.emit()
    assert wizard.case["confirmations"][keys[0]]["note"] == "lsmod output in the SR"
    assert "lsmod output in the SR" in page.ui.conditionsList.currentItem().text()

    page.ui.refutedRadio.click()
    assert wizard.case["confirmations"][keys[0]]["state"] == "refuted"
    assert page.verdict.verdict == "unsupported"
    assert page.ui.verdictLabel.text() == "Unsupported"
    assert "provided that" not in page.ui.detailLabel.text().lower()

    page.ui.noteEdit.clear()
    page.ui.openRadio.click()
    assert "confirmations" not in wizard.case  # nothing recorded: the case is as it was


def test_a_grouped_line_records_each_member(wizard) -> None:
    wizard.load_case(GROUPED)
    page = verdict_page(wizard)
    keys = select(page, "Where the images of web01 and db01")
    assert keys == ["guestos.created-with@guest:web01", "guestos.created-with@guest:db01"]
    page.ui.confirmedRadio.click()
    assert {k: r["state"] for k, r in wizard.case["confirmations"].items()} == {
        key: "confirmed" for key in keys}
    assert select(page, "Where the images of") == keys  # still one line, now confirmed
    assert page.ui.confirmedRadio.isChecked()


def test_confirmations_survive_save_and_reopen(window, dialogs, tmp_path: Path) -> None:
    window.cases.new_case()
    wizard = window.cases.wizard
    wizard.load_case(GROUPED)
    page = verdict_page(wizard)
    select(page, "kvm kernel modules are loaded")
    page.ui.noteEdit.setText("lsmod in the SR")
    page.ui.confirmedRadio.click()
    assert window.cases.dirty
    path = tmp_path / "kept.json"
    assert window.cases.save_case_as(str(path))
    saved = json.loads(path.read_text())
    assert saved["version"] == 2
    assert saved["confirmations"]["host.kvm-modules@host"]["note"] == "lsmod in the SR"

    window.cases.new_case()
    assert window.cases.open_case(str(path))
    page = verdict_page(window.cases.wizard)
    select(page, "kvm kernel modules are loaded")
    assert page.ui.confirmedRadio.isChecked()
    assert page.ui.noteEdit.text() == "lsmod in the SR"
    assert "1 of" in page.ui.conditionsLabel.text()
    report = window.cases.copy_report()
    assert "[x]" in report and "lsmod in the SR" in report


def test_matrix_shows_the_rhel_pv_driver_cell(kb) -> None:
    """kvm-supported.txt L78-79: the guest matrix shows "Yes, see ..." instead of "-"."""
    from kvmhelpdesk.gui.matrix import COLUMNS, row_cells

    cells = dict(zip(COLUMNS, row_cells(kb.get("os-rhel5")), strict=True))
    assert cells["PV drivers"] == "Yes, see the Red Hat website for details"
