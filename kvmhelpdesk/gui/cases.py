"""Case files in the app: New / Open / Save / Save As / recent, import, reports, and the wizard.

The open case lives in the wizard window; this controller owns its file, its unsaved state and
everything that can lose or write data (the Save / Discard / Cancel prompt, atomic saving
through the triage core, report export). A file that cannot be opened is a one-line message
and leaves the current case exactly as it was.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kvmhelpdesk import APP_NAME, fileio
from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.safetext import shown
from kvmhelpdesk.triage.case import (
    CaseError,
    CaseReadOnlyError,
    empty_case,
    load_case,
    save_case,
)

# The wizard, the rules and the reports are imported when a case is first opened, not at
# start-up: the main window paints without them.
if TYPE_CHECKING:
    from kvmhelpdesk.bundle import BundleCase
    from kvmhelpdesk.gui.mainwindow import MainWindow
    from kvmhelpdesk.gui.wizard.wizard import CaseWizard
    from kvmhelpdesk.triage import Verdict

# Case files are JSON; their own suffix lets the desktop open them with the app (see
# kvmhelpdesk/desktop/). Plain .json case files, the older habit, still open and save.
CASE_SUFFIX = ".kvmcase"
CASE_FILTER = "KVM Helpdesk case (*.kvmcase *.json);;All files (*)"
SAVE_FILTERS = {"KVM Helpdesk case (*.kvmcase)": ".kvmcase",
                "KVM Helpdesk case as plain JSON (*.json)": ".json"}
EXPORT_FILTERS = {"Markdown (*.md)": "markdown", "HTML (*.html)": "html", "PDF (*.pdf)": "pdf",
                  "Text (*.txt)": "text"}
SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html",
                  ".htm": "html", ".pdf": "pdf", ".txt": "text"}
FORMAT_SUFFIXES = {"markdown": ".md", "html": ".html", "pdf": ".pdf", "text": ".txt"}
MAX_RECENT = 8


class CaseController(QObject):
    """Owns the current case (dict in case-file format v1), its path and its unsaved state."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.wizard: CaseWizard | None = None
        self.active = False  # a case is open (its wizard window is shown)
        self.path: str | None = None
        self.dirty = False
        self.fill_recent_menu()
        self._sync_actions()

    # -- the File menu ------------------------------------------------------------------------
    def new_case(self) -> None:
        """Start the wizard on an empty case (after the unsaved-changes prompt)."""
        if not self.maybe_discard():
            return
        self._show(empty_case(self.window.kb.default_release), None)

    def open_case(self, path: str | None = None) -> bool:
        """Open a case file (asks for a path when None) and show it in the wizard."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Open case", self._case_dir(),
                                                  CASE_FILTER)
            if not path:
                return False
        try:
            case = load_case(path)
        except CaseError as exc:
            QMessageBox.warning(self.window, "Open case",
                                f"The case was not opened.\n\n{shown(str(exc))}")
            return False
        if not self.maybe_discard():
            return False
        self._show(case, str(path))
        self._remember(str(path))
        self.window.statusBar().showMessage(f"Opened case {shown(str(path))}", 5000)
        return True

    def open_bundle(self, built: BundleCase) -> bool:
        """A support bundle read into a case (gui.bundles): the wizard opens filled, on its
        verdict (the filled pages are one Back away); not saved until the engineer saves."""
        if not self.maybe_discard():
            return False
        self._show(built.case, None)
        assert self.wizard is not None
        self.wizard.show_bundle(built)
        return True

    def save_case(self) -> bool:
        if not self._require_case():
            return False
        if self.path is None:
            return self.save_case_as()
        return self._write(self.path)

    def save_case_as(self, path: str | None = None) -> bool:
        path = _given(path)
        if not self._require_case():
            return False
        if path is None:
            suggested = self.path or str(Path(self._case_dir()) / self._suggested_name())
            path, chosen = QFileDialog.getSaveFileName(
                self.window, "Save case as", suggested, ";;".join(SAVE_FILTERS),
                next(iter(SAVE_FILTERS)))
            if not path:
                return False
            if not Path(path).suffix:
                path += SAVE_FILTERS.get(chosen, CASE_SUFFIX)
        return self._write(path)

    def import_input(self) -> None:
        """Open the wizard on its import page (paste, drop, clipboard)."""
        if not self.active:
            self._show(empty_case(self.window.kb.default_release), None)
        assert self.wizard is not None
        self.wizard.start_import()
        self._raise_wizard()

    def export_report(self, path: str | None = None, fmt: str | None = None) -> bool:
        """Export the current verdict (Markdown, HTML, PDF, text)."""

        path = _given(path)
        verdict = self._verdict()
        if verdict is None:
            return False
        if path is None:
            folder = cfg.read(self.settings, cfg.WindowState.LAST_EXPORT_DIR) or self._case_dir()
            name = Path(self.path).stem if self.path else self._suggested_name(suffix="")
            path, chosen = QFileDialog.getSaveFileName(
                self.window, "Export report", str(Path(folder) / f"{name}.md"),
                ";;".join(EXPORT_FILTERS), next(iter(EXPORT_FILTERS)))
            if not path:
                return False
            fmt = fmt or SUFFIX_FORMATS.get(Path(path).suffix.lower()) or EXPORT_FILTERS.get(chosen)
        fmt = fmt or SUFFIX_FORMATS.get(Path(path).suffix.lower(), "markdown")
        if not Path(path).suffix:
            path += FORMAT_SUFFIXES[fmt]
        try:
            try:
                _export(verdict, fmt, path)
            except fileio.ReadOnlyFileError:
                if not self._replace_read_only(path, "Export report"):
                    return False
                _export(verdict, fmt, path, replace_read_only=True)
        except OSError as exc:
            QMessageBox.warning(self.window, "Export report", "The report was not written.\n\n"
                                f"{shown(path)}: {fileio.reason(exc)}")
            return False
        cfg.write(self.settings, cfg.WindowState.LAST_EXPORT_DIR, str(Path(path).parent))
        self._tell(f"Report written to {path}")
        return True

    def print_report(self) -> bool:
        """Print preview of the verdict report (the same HTML as the export)."""
        from kvmhelpdesk.gui.printing import preview, print_document
        from kvmhelpdesk.report import render

        verdict = self._verdict()
        if verdict is None:
            return False
        title = f"Support check: {self._title()}"
        preview(self.wizard or self.window, print_document(render(verdict, "html"), title,
                                                           entry_page=False), title)
        return True

    def copy_report(self) -> str:
        """Put the plain-text report on the clipboard (what ticket systems paste best)."""
        from kvmhelpdesk.report import render

        verdict = self._verdict()
        if verdict is None:
            return ""
        text = render(verdict, "text")
        QGuiApplication.clipboard().setText(text)
        self._tell("Report copied to the clipboard as plain text")
        return text

    def maybe_close(self) -> bool:
        """Ask about unsaved changes; True when the app may close."""
        if not self.maybe_discard():
            return False
        self._close_wizard()
        return True

    # -- unsaved changes ----------------------------------------------------------------------
    def maybe_discard(self) -> bool:
        """Save / Discard / Cancel when the open case has unsaved changes."""
        if not (self.active and self.dirty):
            return True
        self._raise_wizard()
        answer = QMessageBox.question(
            self.wizard or self.window, APP_NAME,
            f"The case “{shown(self._title())}” has unsaved changes. Save them?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_case()
        return answer == QMessageBox.StandardButton.Discard

    def close_case(self) -> None:
        """The wizard window asked to close: prompt, then close the case."""
        if self.maybe_discard():
            self._close_wizard()

    # -- recent cases -------------------------------------------------------------------------
    def recent_cases(self) -> list[str]:
        """Remembered case files, newest first; files that are gone are dropped."""
        stored = cfg.read(self.settings, cfg.WindowState.RECENT_CASES)
        present = [p for p in stored if os.path.isfile(p)][:MAX_RECENT]
        if present != stored:
            cfg.write(self.settings, cfg.WindowState.RECENT_CASES, present)
        return present

    def _remember(self, path: str) -> None:
        path = os.path.abspath(path)
        recent = [path, *(p for p in self.recent_cases() if p != path)][:MAX_RECENT]
        cfg.write(self.settings, cfg.WindowState.RECENT_CASES, recent)
        cfg.write(self.settings, cfg.WindowState.LAST_CASE_DIR, str(Path(path).parent))

    def fill_recent_menu(self) -> None:
        """Rebuilt each time the menu opens (never from an action's own slot: that would
        delete the action while it is being triggered)."""
        menu = self.window.ui.menuRecentCases
        menu.clear()
        recent = self.recent_cases()
        for number, path in enumerate(recent, 1):
            action = QAction(f"&{number} {Path(path).name} — {Path(path).parent}", menu)
            action.setData(path)
            action.triggered.connect(lambda _=False, p=path: self.open_case(p))
            menu.addAction(action)
        if not recent:
            menu.addAction("No recent cases").setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction("&Clear list", self._clear_recent)

    def _clear_recent(self) -> None:
        cfg.write(self.settings, cfg.WindowState.RECENT_CASES, [])

    def prepare(self) -> None:
        """Build the wizard now, hidden: a bundle is being read and the GUI thread is idle."""
        self._ensure_wizard()

    # -- inner workings -----------------------------------------------------------------------
    def _ensure_wizard(self) -> CaseWizard:
        kb = self.window.kb
        if self.wizard is not None and self.wizard.kb is not kb and not self.active:
            self.wizard.deleteLater()  # a content pack was loaded since: rebuild on the new kb
            self.wizard = None
        if self.wizard is None:
            from kvmhelpdesk.gui.wizard.wizard import CaseWizard

            wizard = CaseWizard(kb, self.window)
            geometry = cfg.read(self.settings, cfg.WindowState.WIZARD_GEOMETRY)
            if not geometry.isEmpty():
                wizard.restoreGeometry(geometry)
            wizard.changed.connect(self._on_changed)
            wizard.entry_requested.connect(self._open_entry)
            wizard.save_requested.connect(self.save_case)
            wizard.export_requested.connect(lambda: self.export_report())
            wizard.copy_requested.connect(self.copy_report)
            wizard.close_requested.connect(self.close_case)
            # Ctrl+P in the wizard window prints the report (the main window's prints entries).
            print_action = QAction("Print report…", wizard)
            print_action.setShortcut(QKeySequence("Ctrl+P"))
            print_action.triggered.connect(lambda: self.print_report())
            wizard.addAction(print_action)
            self.wizard = wizard
        return self.wizard

    def _show(self, case: dict, path: str | None) -> None:
        wizard = self._ensure_wizard()
        self.path, self.dirty, self.active = path, False, True
        wizard.load_case(case, path or "")
        self._update_title()
        self._sync_actions()
        self._raise_wizard()

    def _raise_wizard(self) -> None:
        if self.wizard is not None and self.active:
            self.wizard.show()
            self.wizard.raise_()
            self.wizard.activateWindow()

    def _close_wizard(self) -> None:
        if self.wizard is not None and self.active:
            cfg.write(self.settings, cfg.WindowState.WIZARD_GEOMETRY, self.wizard.saveGeometry())
            self.wizard.close_now()
        self.active, self.dirty, self.path = False, False, None
        self._sync_actions()

    def _write(self, path: str) -> bool:
        assert self.wizard is not None
        try:
            try:
                save_case(self.wizard.case, path)
            except CaseReadOnlyError:
                if not self._replace_read_only(path):
                    return False
                save_case(self.wizard.case, path, replace_read_only=True)
        except CaseError as exc:
            QMessageBox.warning(self.wizard, "Save case",
                                f"The case was not saved.\n\n{shown(str(exc))}")
            return False
        self.path, self.dirty = path, False
        self.wizard.file_label = path
        self._remember(path)
        self._update_title()
        self._tell(f"Saved {path}")
        return True

    def _replace_read_only(self, path: str, title: str = "Save case") -> bool:
        """Ask before replacing a read-only file, as editors do; No is the default."""
        answer = QMessageBox.question(
            self.wizard, title, f"{shown(path)} is read-only.\n\nReplace it anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _verdict(self) -> Verdict | None:
        if not self._require_case():
            return None
        assert self.wizard is not None
        try:
            return self.wizard.verdict()
        except CaseError as exc:
            QMessageBox.warning(self.wizard, APP_NAME,
                                f"The case cannot be checked.\n\n{shown(str(exc))}")
            return None

    def _require_case(self) -> bool:
        if self.active and self.wizard is not None:
            return True
        self.window.statusBar().showMessage("No case is open: start one with File › New case",
                                            5000)
        return False

    def _on_changed(self) -> None:
        self.dirty = True
        self._update_title()

    def _open_entry(self, release: str, entry_id: str) -> None:
        self.window.open_entry(entry_id, release)
        self.window.raise_()
        self.window.activateWindow()

    def _title(self) -> str:
        case = self.wizard.case if self.wizard else {}
        return str(case.get("title") or (Path(self.path).stem if self.path else "Untitled case"))

    def _suggested_name(self, suffix: str = CASE_SUFFIX) -> str:
        title = self._title() if self.wizard else "case"
        safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in title).strip("-")
        return f"{safe or 'case'}{suffix}"

    def _case_dir(self) -> str:
        return cfg.read(self.settings, cfg.WindowState.LAST_CASE_DIR) or str(Path.home())

    def _update_title(self) -> None:
        if self.wizard is None:
            return
        # Case text and file names are data: a U+202E or an ESC in a ticket title must not
        # reorder or garble the title bar (shown as escapes, as the command line does).
        where = Path(self.path).name if self.path else "not saved"
        self.wizard.setWindowTitle(f"{shown(self._title())} ({shown(where)})[*] — {APP_NAME}")
        self.wizard.setWindowModified(self.dirty)

    def _tell(self, message: str) -> None:
        message = shown(message)
        self.window.statusBar().showMessage(message, 8000)
        if self.wizard is not None:
            from kvmhelpdesk.gui.wizard.pages.verdict import VerdictPage

            page = self.wizard.page_of(VerdictPage)
            page.show_status(message)

    def _sync_actions(self) -> None:
        ui = self.window.ui
        for action in (ui.actionSaveCase, ui.actionSaveCaseAs, ui.actionExportReport,
                       ui.actionPrintReport):
            action.setEnabled(self.active)


def _given(path: object) -> str | None:
    """A path argument, or None: QAction.triggered passes its `checked` flag to slots."""
    return str(path) if isinstance(path, (str, os.PathLike)) else None


def _export(verdict: Verdict, fmt: str, path: str, replace_read_only: bool = False) -> None:
    """Write the report as `fmt` like a saved case (kvmhelpdesk.fileio): atomically, through
    a symbolic link, never over a device; fileio.ReadOnlyFileError for a read-only file."""
    from kvmhelpdesk.report import render

    if fmt == "pdf":
        from kvmhelpdesk.gui.pdf import write_pdf

        write_pdf(render(verdict, "html"), path, replace_read_only=replace_read_only)
    else:
        data = render(verdict, fmt).encode("utf-8", "backslashreplace")
        fileio.atomic_write(path, data, replace_read_only=replace_read_only)
