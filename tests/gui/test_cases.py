"""File menu behaviour: unsaved-changes prompt, bad files, atomic saving, recent cases."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui.cases import MAX_RECENT
from kvmhelpdesk.gui.wizard.wizard import VERDICT

CASE = {"format": "kvmhelpdesk-case", "version": 1, "title": "kept",
        "host": {"cpu_cores": 8},
        "guests": [{"name": "web01", "os": "SLES 11 SP1", "vcpus": 2}]}


def write_case(folder: Path, name: str, case: dict = CASE) -> str:
    path = folder / name
    path.write_text(json.dumps(case), encoding="utf-8")
    return str(path)


@pytest.fixture
def opened(window, dialogs, tmp_path: Path):
    """The main window with CASE open from a file."""
    path = write_case(tmp_path, "kept.json")
    assert window.cases.open_case(path)
    return window.cases


def test_actions_follow_the_open_case(window, dialogs) -> None:
    ui = window.ui
    assert not ui.actionSaveCase.isEnabled() and not ui.actionExportReport.isEnabled()
    assert window.cases.save_case() is False
    assert "No case is open" in window.statusBar().currentMessage()
    ui.actionNewCase.trigger()
    assert ui.actionSaveCase.isEnabled() and ui.actionExportReport.isEnabled()
    assert window.cases.wizard.isVisible() and window.isEnabled()


def test_unsaved_prompt_on_new(opened, dialogs) -> None:
    wizard = opened.wizard
    wizard.currentPage().ui.titleEdit.setText("changed")
    assert opened.dirty and wizard.isWindowModified()

    dialogs.answer = QMessageBox.StandardButton.Cancel
    opened.new_case()
    assert "unsaved changes" in dialogs.shown[-1][1]
    assert wizard.case["title"] == "changed" and opened.path  # nothing happened

    dialogs.answer = QMessageBox.StandardButton.Save
    opened.new_case()
    assert json.loads(Path(opened.recent_cases()[0]).read_text())["title"] == "changed"
    assert wizard.case.get("title") is None and opened.path is None and not opened.dirty

    wizard.currentPage().ui.titleEdit.setText("throw away")
    dialogs.answer = QMessageBox.StandardButton.Discard
    opened.new_case()
    assert wizard.case.get("title") is None


@pytest.mark.parametrize(("content", "says"), [
    ('{"format": "kvmhelpdesk-case", "version": 1, "title": "cut"', "truncated"),
    ("\x00\x01garbage", "not valid JSON"),
    ('{"format": "something-else", "version": 1}', "format"),
    ('{"format": "kvmhelpdesk-case", "version": 3}', "newer"),
    ("", "empty"),
])
def test_bad_file_is_a_message_and_changes_nothing(opened, dialogs, tmp_path: Path,
                                                    content: str, says: str) -> None:
    before = json.loads(json.dumps(opened.wizard.case))
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert opened.open_case(str(path)) is False
    title, text = dialogs.shown[-1]
    assert title == "Open case" and says in text and str(path) in text
    assert opened.wizard.case == before and opened.path.endswith("kept.json")
    assert not opened.dirty
    assert str(path) not in opened.recent_cases()


def test_failed_save_keeps_the_previous_file(opened, dialogs, monkeypatch) -> None:
    path = Path(opened.path)
    original = path.read_bytes()
    opened.wizard.currentPage().ui.titleEdit.setText("new title")

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)  # the rename step of the atomic save
    assert opened.save_case() is False
    assert "No space left" in dialogs.shown[-1][1]
    assert path.read_bytes() == original and opened.dirty
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []
    monkeypatch.undo()
    assert opened.save_case()
    assert json.loads(path.read_text())["title"] == "new title" and not opened.dirty


def test_save_as_asks_for_a_path_and_adds_the_suffix(window, wizard, monkeypatch,
                                                     tmp_path: Path) -> None:
    target = tmp_path / "asked"
    asked = {}

    def answer(_parent, _title, suggested, filters, selected):
        asked.update(suggested=suggested, filters=filters, selected=selected)
        return str(target), selected

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    window.ui.actionSaveCase.trigger()  # never saved: Save asks like Save As
    assert asked["suggested"].endswith(".kvmcase") and "(*.json)" in asked["filters"]
    assert asked["selected"] == "KVM Helpdesk case (*.kvmcase)"
    assert (tmp_path / "asked.kvmcase").is_file()
    assert window.cases.path == str(tmp_path / "asked.kvmcase")
    assert json.loads((tmp_path / "asked.kvmcase").read_text())["format"] == "kvmhelpdesk-case"


def test_save_as_plain_json_still_works(window, wizard, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (
        str(tmp_path / "plain"), "KVM Helpdesk case as plain JSON (*.json)"))
    window.ui.actionSaveCaseAs.trigger()
    assert window.cases.path == str(tmp_path / "plain.json")
    assert window.cases.open_case(str(tmp_path / "plain.json"))


def test_export_asks_for_path_and_format(window, wizard, monkeypatch, tmp_path: Path) -> None:
    target = tmp_path / "note"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "PDF (*.pdf)"))
    window.ui.actionExportReport.trigger()
    assert (tmp_path / "note.pdf").read_bytes().startswith(b"%PDF")
    assert cfg.read(window.settings, cfg.WindowState.LAST_EXPORT_DIR) == str(tmp_path)


def test_recent_cases_newest_first_pruned_and_capped(window, dialogs, tmp_path: Path) -> None:
    paths = [write_case(tmp_path, f"case{i}.json") for i in range(MAX_RECENT + 2)]
    for path in paths:
        assert window.cases.open_case(path)
    recent = window.cases.recent_cases()
    assert recent[0] == paths[-1] and len(recent) == MAX_RECENT
    os.unlink(paths[-2])
    assert paths[-2] not in window.cases.recent_cases()
    menu = window.ui.menuRecentCases
    menu.aboutToShow.emit()
    actions = [a for a in menu.actions() if a.data()]
    assert [a.data() for a in actions] == window.cases.recent_cases()
    second = actions[1].data()
    actions[1].trigger()
    assert window.cases.path == second
    assert window.cases.recent_cases()[0] == second


def test_close_prompts_and_cancel_keeps_the_app_open(opened, dialogs, window) -> None:
    opened.wizard.currentPage().ui.titleEdit.setText("unsaved")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert window.close() is False
    assert window.isVisible() and opened.wizard.isVisible()
    dialogs.answer = QMessageBox.StandardButton.Discard
    opened.wizard.reject()  # the wizard's Close / Escape
    assert not opened.wizard.isVisible() and not opened.active
    assert not window.ui.actionSaveCase.isEnabled()


def test_export_from_the_verdict_page(opened, monkeypatch, tmp_path: Path) -> None:
    target = tmp_path / "from-page.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Markdown (*.md)"))
    opened.wizard.go_to(VERDICT)
    opened.wizard.currentPage().ui.exportButton.click()
    text = target.read_text(encoding="utf-8")
    assert "web01" in text and "kept" in text
