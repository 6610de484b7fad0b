"""Issue 12 in the app: read-only case files are asked about, case text is never markup, a
remembered broken or blocking pack never stops the start, imports run off the GUI thread."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

CASE = {"format": "kvmhelpdesk-case", "version": 1, "title": "kept",
        "guests": [{"name": "web01", "os": "SLES 11 SP1", "vcpus": 2}]}


def test_saving_over_a_read_only_case_asks_first(window, dialogs, tmp_path: Path) -> None:
    path = tmp_path / "kept.json"
    path.write_text(json.dumps(CASE), encoding="utf-8")
    path.chmod(0o444)
    cases = window.cases
    assert cases.open_case(str(path))
    cases.wizard.currentPage().ui.titleEdit.setText("changed")
    dialogs.answer = QMessageBox.StandardButton.No
    assert cases.save_case() is False
    assert "read-only" in dialogs.shown[-1][1]
    assert json.loads(path.read_text())["title"] == "kept" and cases.dirty
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert cases.save_case() is True
    assert json.loads(path.read_text())["title"] == "changed"
    assert path.stat().st_mode & 0o777 == 0o444  # still read-only, as the user left it
