"""How one search hit looks in the result list (made when the first results arrive)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kvmhelpdesk.gui.icons import kind_icon, status_icon
from kvmhelpdesk.gui.search_panel import HIT_ROLE
from kvmhelpdesk.gui.theme import muted_text
from kvmhelpdesk.kb import STATUS_LABELS
from kvmhelpdesk.kb.render import highlight_html

if TYPE_CHECKING:
    from kvmhelpdesk.search import Hit

SNIPPET_CHARS = 180  # a snippet of two or three lines keeps rows short and quick to lay out


class HitDelegate(QStyledItemDelegate):
    """Draws a hit: kind and status icons, bold title, status word, snippet with marked words.

    Text-only documents, built once per hit and width and kept until the next result list, so
    a result update costs little on the GUI thread; icons are painted from QIcon's pixmap cache.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # (row, width) -> (hit id, document). The id is kept here, not as a Qt dynamic
        # property: QObject.property() of an unset name returns None with a refcount error in
        # PySide6 and eventually crashes the interpreter.
        self._docs: dict[tuple[int, int], tuple[str, QTextDocument, int]] = {}

    def forget(self) -> None:
        """Drop cached documents (the result list changed)."""
        self._docs.clear()

    def _document(self, row: int, hit: Hit, width: int) -> tuple[QTextDocument, int]:
        """The row's document and its height (QTextDocument.size() re-measures each call)."""
        key = (row, width)
        cached = self._docs.get(key)
        if cached is not None and cached[0] == hit.id:
            return cached[1], cached[2]
        doc = QTextDocument()
        doc.setDocumentMargin(3)
        status = ""
        muted = muted_text(QGuiApplication.palette()).name()  # theme colours: light or dark
        if hit.status:
            status = (f' <span style="color:{muted}">· '
                      f'{html.escape(STATUS_LABELS.get(hit.status, hit.status))}</span>')
        text = hit.snippet if len(hit.snippet) <= SNIPPET_CHARS else \
            hit.snippet[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        snippet = highlight_html(html.escape(text), hit.terms)
        doc.setHtml(f"<b>{html.escape(hit.title)}</b>{status}<br>"
                    f'<span style="color:{muted}">{snippet}</span>')
        doc.setTextWidth(max(width - 30, 80))
        height = int(doc.size().height())
        self._docs[key] = (hit.id, doc, height)
        return doc, height

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        painter.save()
        rect: QRect = option.rect
        painter.setClipRect(rect)
        kind_icon(hit.kind).paint(painter, QRect(rect.left() + 4, rect.top() + 4, 18, 18))
        if hit.status:
            status_icon(hit.status).paint(painter, QRect(rect.left() + 7, rect.top() + 25, 12, 12))
        painter.translate(rect.left() + 26, rect.top())
        self._document(index.row(), hit, rect.width())[0].drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hit = index.data(HIT_ROLE)
        width = option.widget.viewport().width() if option.widget else 300
        return QSize(width, max(self._document(index.row(), hit, width)[1] + 4, 42))
