"""PDF through Qt's rich text: the wizard's report export, `check --pdf`, an entry as PDF.

The CLI may call this with no display and no QApplication, so a QGuiApplication on the
offscreen platform is created when none exists. Qt prints into memory; the bytes are then
written like a saved case (kvmhelpdesk.fileio): complete or not at all, through a symbolic
link to its target, never over a device or FIFO, over a read-only file only when asked to.
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from kvmhelpdesk import APP_NAME, fileio

# A link to another entry (`entry:ID`) means something only inside the app: on paper and in
# a PDF it would be a dead link (or a URI annotation no viewer can open), so it becomes its
# words. Links to a place in the same document (`#name`) and web addresses stay.
_ENTRY_LINK = re.compile(r'<a\s[^>]*?href="entry:[^"]*"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
_APP: QGuiApplication | None = None  # kept alive for the process when created here
RESOLUTION_DPI = 300


def paper_html(html: str) -> str:
    """`html` for print or PDF: entry links turned into plain text."""
    return _ENTRY_LINK.sub(r"\1", html)


def _ensure_gui_app() -> None:
    """Text layout needs a QGuiApplication (fonts); make one if the caller has none."""
    global _APP
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return
    if existing is not None:
        raise RuntimeError("a QCoreApplication exists; PDF output needs a QGuiApplication")
    argv = ["kvmhelpdesk"]
    if not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]  # no window is ever shown for a PDF
    _APP = QGuiApplication(argv)


def pdf_bytes(html: str) -> bytes:
    """`html` printed to an A4 PDF, in memory."""
    _ensure_gui_app()
    document = QTextDocument()
    document.setHtml(paper_html(html))
    return document_pdf_bytes(document)


def document_pdf_bytes(document: QTextDocument) -> bytes:
    """A prepared document (a report, an entry with its icons) printed to A4 PDF, in memory."""
    _ensure_gui_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setCreator(APP_NAME)
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


def _write(data: bytes, path: str | os.PathLike[str], replace_read_only: bool) -> None:
    if not data:
        raise OSError(f"{path}: Qt wrote no PDF data")
    fileio.atomic_write(path, data, replace_read_only=replace_read_only)


def write_pdf(html: str, path: str | os.PathLike[str], *,
              replace_read_only: bool = False) -> None:
    """Print `html` to an A4 PDF at `path`; OSError when the file cannot be written
    (fileio.ReadOnlyFileError for a read-only file, fileio.NotRegularFileError for a device)."""
    _write(pdf_bytes(html), path, replace_read_only)


def write_document_pdf(document: QTextDocument, path: str | os.PathLike[str], *,
                       replace_read_only: bool = False) -> None:
    """Print a prepared document (an entry with its icons) to an A4 PDF at `path`."""
    _write(document_pdf_bytes(document), path, replace_read_only)
