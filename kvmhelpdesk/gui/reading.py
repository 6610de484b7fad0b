"""Reading the current entry: find, zoom, copy, citation, print and PDF, highlights.

The find bar and printing are imported on first use; at start-up this only restores the zoom
and gives the entry page its colours from the palette.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui.icons import icon_folders
from kvmhelpdesk.gui.theme import entry_style_sheet
from kvmhelpdesk.kb import Entry
from kvmhelpdesk.kb.render import citation, entry_html

if TYPE_CHECKING:
    from kvmhelpdesk.gui.findbar import FindBar
    from kvmhelpdesk.gui.mainwindow import MainWindow


class ReadingTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.ui.entryView
        self.find_bar: FindBar | None = None
        ui = window.ui
        ui.actionZoomIn.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        ui.actionZoomIn.triggered.connect(lambda: self.view.zoom_step(1))
        ui.actionZoomOut.triggered.connect(lambda: self.view.zoom_step(-1))
        ui.actionZoomReset.triggered.connect(lambda: self.view.set_zoom(100))
        ui.actionFind.triggered.connect(self.find)
        ui.actionFindNext.triggered.connect(lambda: self._find_bar().next())
        ui.actionFindPrevious.triggered.connect(lambda: self._find_bar().previous())
        ui.actionCopyEntry.triggered.connect(self.copy_entry)
        ui.actionCopyCitation.triggered.connect(lambda: self.copy_citation())
        ui.actionPrint.triggered.connect(self.print_entry)
        ui.actionExportEntryPdf.triggered.connect(lambda: self.export_pdf())
        self.view.back_requested.connect(window.go_back)
        self.view.forward_requested.connect(window.go_forward)
        zoom = cfg.read(window.settings, cfg.Reading.ZOOM)
        if zoom != 100:
            self.view.set_zoom(zoom)
        self.view.zoom_changed.connect(self._on_zoom)
        window.entry_opened.connect(self._on_entry_opened)
        window.theme.font_changed.connect(self.view.refresh_zoom)
        self.apply_colours()

    # -- colours ---------------------------------------------------------------------------
    def apply_colours(self) -> None:
        """Entry colours and icon folders for the current palette (at start, on theme change)."""
        self.view.setSearchPaths(icon_folders())
        # The application's palette: a widget's own copy follows it only a moment later.
        self.view.document().setDefaultStyleSheet(entry_style_sheet(QGuiApplication.palette()))

    # -- zoom ------------------------------------------------------------------------------
    def _on_zoom(self, percent: int) -> None:
        cfg.write(self.window.settings, cfg.Reading.ZOOM, percent)
        self.window.statusBar().showMessage(f"Zoom {percent}%", 2000)

    # -- find ------------------------------------------------------------------------------
    def _find_bar(self) -> FindBar:
        if self.find_bar is None:
            from kvmhelpdesk.gui.findbar import FindBar

            self.find_bar = FindBar(self.view, self.window.ui.entryTab)
            self.find_bar.hide()
            self.window.ui.entryLayout.addWidget(self.find_bar)
        return self.find_bar

    def find(self) -> None:
        """Ctrl+F: the find bar on the entry (seeded with a short selection)."""
        self.window.show_entry_tab()
        selected = self.view.textCursor().selectedText()
        seed = selected if selected and len(selected) < 60 and "\u2029" not in selected else ""
        if self.window.highlight:
            self.window.rerender(highlight=())  # the find marks replace the search's marks
        self._find_bar().open_bar(seed)

    def _on_entry_opened(self, _release: str, _entry_id: str) -> None:
        if self.find_bar is not None and self.find_bar.isVisible():
            self.find_bar.search()

    def clear_highlights(self) -> bool:
        """Esc: close the find bar and drop search-term marks; True if anything was cleared."""
        cleared = False
        if self.find_bar is not None and self.find_bar.isVisible():
            self.find_bar.close_bar()
            cleared = True
        if self.window.highlight:
            self.window.rerender(highlight=())
            cleared = True
        return cleared

    # -- copy ------------------------------------------------------------------------------
    def copy_entry(self) -> str:
        text = self.view.plain_text()
        QGuiApplication.clipboard().setText(text)
        self.window.statusBar().showMessage("Entry copied as plain text", 4000)
        return text

    def copy_citation(self, entry: Entry | None = None) -> str:
        entry = entry or self.window.current_entry()
        if entry is None:
            return ""
        line = citation(entry, self.window.kb)
        QGuiApplication.clipboard().setText(line)
        self.window.statusBar().showMessage(f"Copied: {line}", 6000)
        return line

    # -- print and PDF ---------------------------------------------------------------------
    def _document(self, entry: Entry):  # -> QTextDocument
        from kvmhelpdesk.gui.printing import print_document

        return print_document(entry_html(entry, self.window.kb), entry.title)

    def print_entry(self) -> None:
        """Ctrl+P: print preview of the entry (its Print button prints)."""
        entry = self.window.current_entry()
        if entry is None:
            return
        from kvmhelpdesk.gui.printing import preview

        preview(self.window, self._document(entry), entry.title)

    def export_pdf(self, path: str | None = None) -> bool:
        entry = self.window.current_entry()
        if entry is None:
            return False
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        if not isinstance(path, str):
            folder = cfg.read(self.window.settings, cfg.WindowState.LAST_EXPORT_DIR) or \
                str(Path.home())
            path, _ = QFileDialog.getSaveFileName(self.window, "Export entry as PDF",
                                                  str(Path(folder) / f"{entry.id}.pdf"),
                                                  "PDF (*.pdf)")
            if not path:
                return False
            if not Path(path).suffix:
                path += ".pdf"
        from kvmhelpdesk.gui.pdf import write_document_pdf

        try:
            write_document_pdf(self._document(entry), path)
        except OSError as exc:
            QMessageBox.warning(self.window, "Export entry as PDF",
                                f"The PDF was not written.\n\n{path}: {exc.strerror or exc}")
            return False
        cfg.write(self.window.settings, cfg.WindowState.LAST_EXPORT_DIR, str(Path(path).parent))
        self.window.statusBar().showMessage(f"Entry written to {path}", 8000)
        return True

    def focus_entry(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
