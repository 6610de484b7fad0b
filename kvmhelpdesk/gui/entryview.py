"""The entry pane: a QTextBrowser that copies clean text, zooms in steps and marks matches.

Promoted in ui/mainwindow.ui, so the form builds it. Copying never carries the U+FFFC
placeholders Qt leaves for images (the kind icon before the title, status badges), lists keep
their markers and a facts table keeps "name: value" on one line, as a ticket wants it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextListFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

# Zoom steps in percent, as browsers offer them.
ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
OBJECT_CHAR = "\ufffc"
MATCH_COLOUR, CURRENT_MATCH_COLOUR = QColor("#fff176"), QColor("#ffab40")
_Style = QTextListFormat.Style
ORDERED_LISTS = (_Style.ListDecimal, _Style.ListLowerAlpha, _Style.ListUpperAlpha,
                 _Style.ListLowerRoman, _Style.ListUpperRoman)


def clean_text(text: str) -> str:
    """Plain text without image placeholders, odd spaces or trailing blanks."""
    text = text.replace(OBJECT_CHAR, "").replace("\u00a0", " ").replace("\u2029", "\n")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def document_text(document: QTextDocument) -> str:
    """A document as plain text: list items keep a marker, table rows stay on one line."""
    lines: list[str] = []
    block = document.begin()
    table_row: tuple[object, int] | None = None
    while block.isValid():
        text = block.text()
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        text_list = block.textList()
        if table is not None:
            cell = table.cellAt(cursor)
            row = (table, cell.row())
            if row == table_row and lines:
                lines[-1] = f"{lines[-1]}: {text}" if text.strip() else lines[-1]
            else:
                lines.append(text)
            table_row = row
        else:
            table_row = None
            if text_list is not None:
                number = text_list.itemNumber(block) + 1
                ordered = text_list.format().style() in ORDERED_LISTS
                text = f"{number}. {text}" if ordered else f"- {text}"
            elif block.blockFormat().headingLevel() and lines and lines[-1]:
                lines.append("")
            lines.append(text)
        block = block.next()
    return clean_text("\n".join(lines))


def fragment_text(fragment: QTextDocumentFragment) -> str:
    document = QTextDocument()
    QTextCursor(document).insertFragment(fragment)
    return document_text(document)


class EntryView(QTextBrowser):
    """Entry text with clean copies, zoom steps, mouse back/forward and find highlights."""

    back_requested = Signal()
    forward_requested = Signal()
    zoom_changed = Signal(int)  # percent

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zoom = 100
        self._matches: list[QTextCursor] = []

    # -- copying ---------------------------------------------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:
        data = QMimeData()
        data.setText(fragment_text(self.textCursor().selection()))
        return data

    def plain_text(self) -> str:
        """The whole entry as clean text."""
        return document_text(self.document())

    # -- zoom ------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
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

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:
            result = super().event(event)
            self.set_zoom(self._zoom)  # the font size preference changed: keep the ratio
            return result
        return super().event(event)

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
        selections = []
        for index, cursor in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(CURRENT_MATCH_COLOUR if index == number else MATCH_COLOUR)
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
