"""PDF through Qt's rich text: the wizard's report export, `check --pdf`, an entry as PDF.

The CLI may call this with no display and no QApplication, so a QGuiApplication on the
offscreen platform is created when none exists. The file appears complete or not at all: Qt
writes a temporary file beside the target, which then replaces it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from kvmhelpdesk import APP_NAME

_APP: QGuiApplication | None = None  # kept alive for the process when created here
RESOLUTION_DPI = 300


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


def _file_mode(target: Path) -> int:
    """The mode the file would get if written in place: the old file's, else the umask's."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_pdf(html: str, path: str | os.PathLike[str]) -> None:
    """Print `html` to an A4 PDF at `path`; OSError when the file cannot be written."""
    _ensure_gui_app()
    document = QTextDocument()
    document.setHtml(html)
    write_document_pdf(document, path)


def write_document_pdf(document: QTextDocument, path: str | os.PathLike[str]) -> None:
    """Print a prepared document (an entry with its icons) to an A4 PDF at `path`."""
    _ensure_gui_app()
    target = Path(path)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                dir=target.parent if str(target.parent) else ".")
    os.close(fd)
    try:
        writer = QPdfWriter(temp)
        writer.setResolution(RESOLUTION_DPI)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        writer.setCreator(APP_NAME)
        writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        document.print_(writer)
        del writer  # closes the file
        if os.path.getsize(temp) == 0:
            raise OSError(f"{target}: Qt wrote no PDF data")
        os.chmod(temp, _file_mode(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
