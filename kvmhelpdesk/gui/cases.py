"""Case files in the app: New / Open / Save / Save As / recent, and the triage wizard.

STUB owned by the wizard work: the main window calls exactly these methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from kvmhelpdesk.gui.mainwindow import MainWindow


class CaseController(QObject):
    """Owns the current case (dict in case-file format v1), its path and its unsaved state."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def new_case(self) -> None:
        """Start the wizard on an empty case (after the unsaved-changes prompt)."""

    def open_case(self, path: str | None = None) -> bool:
        """Open a case file (asks for a path when None) and show it in the wizard."""
        return False

    def save_case(self) -> bool:
        return False

    def save_case_as(self) -> bool:
        return False

    def import_input(self) -> None:
        """Open the wizard on its import page (paste, drop, clipboard)."""

    def export_report(self) -> None:
        """Export the current verdict (Markdown, HTML, PDF, text)."""

    def maybe_close(self) -> bool:
        """Ask about unsaved changes; True when the app may close."""
        return True
