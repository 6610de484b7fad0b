"""Print preview, printing and PDF of an entry or a verdict report (QtPrintSupport).

Imported on the first Ctrl+P: start-up never loads QtPrintSupport. Paper is always light: the
document gets the light entry colours and full-size icons whatever the screen theme is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QIcon,
    QPageLayout,
    QPageSize,
    QPalette,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from kvmhelpdesk.gui.theme import entry_style_sheet
from kvmhelpdesk.resources import icons_dir
from kvmhelpdesk.safetext import shown

_IMAGE = re.compile(r'<img[^>]*\ssrc="([\w.-]+\.svg)"')
ICON_PIXELS = 96  # icons drawn at this size, then scaled by the page: sharp on paper
PRINT_POINTS = 10.5


def print_document(html: str, title: str, entry_page: bool = True) -> QTextDocument:
    """A document ready for paper: light colours, icons as images, the title as metadata."""
    document = QTextDocument()
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(PRINT_POINTS)  # paper, not the screen's size or zoom
    document.setDefaultFont(font)
    if entry_page:
        document.setDefaultStyleSheet(entry_style_sheet(QPalette()))  # the light default
    for name in set(_IMAGE.findall(html)):
        path = icons_dir() / name
        if path.is_file():
            image = QIcon(str(path)).pixmap(ICON_PIXELS, ICON_PIXELS).toImage()
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    from kvmhelpdesk.gui.pdf import paper_html

    document.setHtml(paper_html(html))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return document


def _printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def preview_dialog(parent: QWidget | None, document: QTextDocument,
                   title: str) -> QPrintPreviewDialog:
    """A print preview of `document` (its Print button prints); the caller shows it."""
    title = shown(title)  # a case or entry title: controls as escapes in the title bar
    printer = _printer(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview — {title}")
    dialog.paintRequested.connect(document.print_)
    dialog.printer = printer  # keep the printer as long as the dialog
    dialog.document = document
    return dialog


def preview(parent: QWidget | None, document: QTextDocument, title: str) -> None:
    """Show a print preview and wait for it (Ctrl+P)."""
    dialog = preview_dialog(parent, document, title)
    dialog.resize(900, 700)
    dialog.exec()
    dialog.deleteLater()


def print_now(parent: QWidget | None, document: QTextDocument, title: str) -> bool:
    """The system print dialog, then print; False when cancelled."""
    printer = _printer(title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True
