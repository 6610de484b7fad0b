"""Files the app is asked to open: from the command line (`kvmhelpdesk FILE`, the desktop
entry's %F), from a second launch (single_instance), or dropped onto the main window.

Case files (.kvmcase, .json) open in the wizard. Supportconfig archives (nts_*.tbz,
scc_*.txz, and .tgz, .tar, .zip copies) and unpacked supportconfig folders are read off the
GUI thread by gui.bundles (imported on first use: start-up does not load the bundle reader).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from kvmhelpdesk.openable import is_openable, is_support_bundle

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from kvmhelpdesk.gui.mainwindow import MainWindow


def open_paths(window: MainWindow, paths: Iterable[str]) -> None:
    """Open each file: bundles and cases; the last case opened stays in the wizard."""
    for path in paths:
        if is_support_bundle(path):
            open_support_bundle(window, path)
        else:
            window.cases.open_case(path)


def open_support_bundle(window: MainWindow, path: str) -> None:
    """Read a supportconfig (archive or folder) off the GUI thread; the wizard opens filled."""
    window.bundles.open(path)


def receive(window: MainWindow, files: Sequence[str], content: Sequence[str]) -> None:
    """A later launch handed over its arguments: load its content packs, open its files."""
    for folder in content:
        if folder not in window.extra_content:
            window.load_content_pack(folder)
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    open_paths(window, files)


class FileDropFilter(QObject):
    """Accepts case files and support bundles dropped anywhere on the main window.

    Installed on the window and on its children that take drops themselves (the search
    field would otherwise paste the file's URL); other drops go on to those widgets."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        # Once the window has painted: a Python event filter before then would cost the
        # first window PySide's slow first event and viewport wrappers (MainWindow).
        window.first_painted.connect(self._install_everywhere)

    def _install_everywhere(self) -> None:
        for widget in [self.window, *self.window.findChildren(QWidget)]:
            if widget.acceptDrops():
                widget.removeEventFilter(self)  # never twice
                widget.installEventFilter(self)

    @staticmethod
    def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        return [p for p in paths if is_openable(p)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Event classes imported here, not at start-up (PySide builds the QEvent.Type enum
        # with the first). DragEnter is a DragMove is a Drop event.
        from PySide6.QtGui import QDragMoveEvent, QDropEvent

        if isinstance(event, QDragMoveEvent):
            if self.dropped_files(event):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
        elif isinstance(event, QDropEvent):
            files = self.dropped_files(event)
            if files:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                # After the drop returns: opening may ask about unsaved changes, and the file
                # manager should not wait on that dialog.
                QTimer.singleShot(0, lambda: open_paths(self.window, files))
                return True
        return super().eventFilter(watched, event)


def install_file_drop(window: MainWindow) -> FileDropFilter:
    return FileDropFilter(window)
