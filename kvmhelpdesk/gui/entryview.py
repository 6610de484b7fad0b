"""The entry pane: a QTextBrowser that copies clean text, zooms in steps and marks matches.

Promoted in ui/mainwindow.ui, so the form builds it. The text classes (documents, cursors,
formats) are imported on first use: importing them creates a score of Python enums, which
start-up need not pay for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QMouseEvent, QTextCursor, QWheelEvent

# Zoom steps in percent, as browsers offer them.
ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
MATCH_COLOUR, CURRENT_MATCH_COLOUR = "#fff176", "#ffab40"
IMAGE_RESOURCE = 2  # QTextDocument.ResourceType.ImageResource, without importing QTextDocument
BADGE_PIXELS = 48  # drawn large, scaled down by the page: sharp on high-density screens


class EntryView(QTextBrowser):
    """Entry text with clean copies, zoom steps, mouse back/forward and find highlights."""

    back_requested = Signal()
    forward_requested = Signal()
    zoom_changed = Signal(int)  # percent

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zoom = 100
        self._matches: list[QTextCursor] = []

    # -- images ----------------------------------------------------------------------------
    def loadResource(self, kind: int, url: QUrl) -> object:
        """Badges and kind icons (`status-supported.svg`) come from the icon cache, drawn by
        the SVG icon engine that paints the toolbar anyway: reading them as image files would
        make Qt look through every image format plugin at the first entry (about 10 ms)."""
        name = url.toString()
        if kind == IMAGE_RESOURCE and name.endswith(".svg") and "/" not in name:
            from kvmhelpdesk.gui.icons import icon

            found = icon(name[:-4])
            if not found.isNull():
                return found.pixmap(BADGE_PIXELS, BADGE_PIXELS).toImage()
        return super().loadResource(kind, url)

    # -- copying ---------------------------------------------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:
        from PySide6.QtCore import QMimeData

        from kvmhelpdesk.gui.plaintext import fragment_text

        data = QMimeData()
        data.setText(fragment_text(self.textCursor().selection()))
        return data

    def plain_text(self) -> str:
        """The whole entry as clean text."""
        from kvmhelpdesk.gui.plaintext import document_text

        return document_text(self.document())

    # -- zoom ------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        from PySide6.QtGui import QFont, QGuiApplication

        percent = min(max(int(percent), ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self._zoom = percent
        font = QFont(QGuiApplication.font())
        font.setPointSizeF(max(4.0, font.pointSizeF() * percent / 100))
        self.setFont(font)
        self.zoom_changed.emit(percent)

    def zoom_step(self, steps: int) -> None:
        """One step up or down the ladder (from wherever the zoom is now)."""
        if steps > 0:
            bigger = [z for z in ZOOM_STEPS if z > self._zoom]
            self.set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])
        elif steps < 0:
            smaller = [z for z in ZOOM_STEPS if z < self._zoom]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_step(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def refresh_zoom(self) -> None:
        """The app font changed (font size preference): keep the zoom relative to it."""
        self.set_zoom(self._zoom)

    # -- mouse back and forward buttons ----------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.BackButton:
            self.back_requested.emit()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.forward_requested.emit()
        else:
            super().mousePressEvent(event)
            return
        event.accept()

    # -- find highlights -------------------------------------------------------------------
    def find_all(self, text: str, case_sensitive: bool = False) -> int:
        """Mark every match of `text`; returns how many there are."""
        from PySide6.QtGui import QTextDocument

        self._matches = []
        if text:
            flags = QTextDocument.FindFlag.FindCaseSensitively if case_sensitive else \
                QTextDocument.FindFlag(0)
            document = self.document()
            cursor = document.find(text, 0, flags)
            while not cursor.isNull() and len(self._matches) < 10000:
                self._matches.append(cursor)
                cursor = document.find(text, cursor, flags)
        return len(self._matches)

    def show_match(self, number: int) -> None:
        """Colour all matches, the `number`-th (0-based) more strongly, and scroll to it."""
        from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
        from PySide6.QtWidgets import QTextEdit

        selections = []
        for index, cursor in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(CURRENT_MATCH_COLOUR if index == number else MATCH_COLOUR))
            fmt.setForeground(QColor("black"))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)
        if 0 <= number < len(self._matches):
            cursor = QTextCursor(self._matches[number])
            cursor.clearSelection()
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def match_count(self) -> int:
        return len(self._matches)

    def clear_matches(self) -> None:
        self._matches = []
        self.setExtraSelections([])
