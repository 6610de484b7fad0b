"""GUI fixtures: a main window on the embedded knowledge base with private settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    from kvmhelpdesk.gui.app import create_window

    win = create_window(settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # As a user finds it: event filters, menus and drops are set up once it has painted.
    qtbot.waitUntil(lambda: win._after_paint_done)
    return win


class Dialogs:
    """Stand-ins for blocking message boxes: record what was shown, answer as told."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        from PySide6.QtWidgets import QMessageBox

        # question()'s answer; Discard lets teardown close windows holding unsaved cases.
        self.answer = QMessageBox.StandardButton.Discard

    def warning(self, _parent, title, text, *_args):
        self.shown.append((title, text))

    def question(self, _parent, title, text, *_args):
        self.shown.append((title, text))
        return self.answer


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    from PySide6.QtWidgets import QMessageBox

    recorder = Dialogs()
    monkeypatch.setattr(QMessageBox, "warning", recorder.warning)
    monkeypatch.setattr(QMessageBox, "question", recorder.question)
    return recorder


@pytest.fixture
def wizard(window, dialogs):
    """A new case's wizard window, on its ticket page."""
    window.cases.new_case()
    return window.cases.wizard
