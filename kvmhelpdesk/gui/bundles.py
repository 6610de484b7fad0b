"""Support bundles in the app: File › Open support bundle…, a drop on the window or on the
wizard's Import page, `kvmhelpdesk nts_x.tbz` and a second launch handing one over.

A bundle is read and judged on a worker thread (bundle.read_bundle, then build_case: the GUI
thread never decompresses a byte). A BundleBar shows the progress with Cancel, which stops the
reader at its next chunk, and says in one line why a bundle could not be read; the case then
opens in the wizard, filled, on its verdict page (CaseWizard.show_bundle).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QWidget,
)

from kvmhelpdesk.bundle import BundleCancelled, BundleCase, BundleError, build_case, read_bundle
from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui.icons import icon, status_icon
from kvmhelpdesk.gui.tasks import BackgroundRunner, ProgressRelay
from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.safetext import shown
from kvmhelpdesk.triage import CaseError, Verdict, check
from kvmhelpdesk.triage.plaindata import case_key

if TYPE_CHECKING:
    from kvmhelpdesk.gui.mainwindow import MainWindow

ARCHIVES = "*.tbz *.tbz2 *.tar.bz2 *.txz *.tar.xz *.tgz *.tar.gz *.tar *.zip"
BUNDLE_FILTERS = (f"supportconfig archives ({ARCHIVES})",
                  "A file of an unpacked supportconfig folder (*.txt)", "All files (*)")
ICON = QSize(16, 16)
Reader = Callable[..., Any]  # read_bundle(path, progress=, cancelled=) -> Bundle


@dataclass
class CheckedBundle(BundleCase):
    """A BundleCase with the core's check of its case, made on the reading thread as well:
    the wizard that opens it on its verdict then does not judge 100 guests on the GUI thread
    (CaseWizard.prime; `answers` is the case's `case_key`)."""

    answers: str = ""
    checked: Verdict | None = None
    checked_on: KnowledgeBase | None = None  # the knowledge base it was checked against

    @classmethod
    def of(cls, built: BundleCase, kb: KnowledgeBase) -> BundleCase:
        try:
            checked = check(built.case, kb)
        except CaseError:  # cannot happen for a built case; the wizard says it if it does
            return built
        return cls(**{f.name: getattr(built, f.name) for f in fields(BundleCase)},
                   answers=case_key(built.case), checked=checked, checked_on=kb)


def one_line(text: str) -> str:
    """Customer-supplied text (a member name) as one safe line."""
    return shown(" ".join(str(text).split()))


def bundle_name(path: str) -> str:
    where = Path(path)
    return where.name or str(where)


class BundleBar(QFrame):
    """One line while a bundle is read: what, how far, Cancel; or why it could not be read."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bundleBar")
        self.setAccessibleName("Support bundle")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setMinimumWidth(60)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Reading progress")
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setToolTip("Stop reading this support bundle")
        self.cancel.clicked.connect(self.cancel_requested)
        self.close_button = QToolButton(self)
        self.close_button.setText("\N{MULTIPLICATION SIGN}")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName("Dismiss this message")
        self.close_button.setToolTip("Dismiss this message")
        self.close_button.clicked.connect(self.clear)
        for widget in (self.icon, self.text):
            layout.addWidget(widget)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel)
        layout.addWidget(self.close_button)
        layout.setStretch(1, 1)
        self.hide()

    @property
    def message(self) -> str:
        return self.text.text()

    def _say(self, text: str, icon_name: str, busy: bool) -> None:
        self.text.setText(text)
        self.text.setToolTip(text)
        self.icon.setPixmap((icon(icon_name) if icon_name == "from-bundle"
                             else status_icon(icon_name)).pixmap(ICON))
        self.progress.setVisible(busy)
        self.cancel.setVisible(busy)
        self.close_button.setVisible(not busy)
        self.setAccessibleDescription(text)
        self.show()

    def reading(self, name: str) -> None:
        self.progress.setValue(0)
        self._say(f"Reading {one_line(name)}…", "from-bundle", busy=True)

    def set_progress(self, permille: int) -> None:
        self.progress.setValue(permille)

    def failed(self, message: str) -> None:
        self._say(f"Not opened: {one_line(message)}", "unsupported", busy=False)

    def clear(self) -> None:
        self.text.clear()
        self.hide()


class BundleReader(QObject):
    """Reads one bundle at a time off the GUI thread into a BundleCase (`read` signal).

    A newer request cancels the running one; Cancel (the bar's or `cancel()`) sets the job's
    event, which the reader asks at every chunk. `read_bundle` may be replaced (tests).
    """

    read = Signal(object)  # BundleCase
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, bar: BundleBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.read_bundle: Reader = read_bundle
        self.runner = BackgroundRunner(self)
        self.relay = ProgressRelay(self)
        self.relay.changed.connect(bar.set_progress)
        bar.cancel_requested.connect(self.cancel)
        self._stop: threading.Event | None = None

    @property
    def busy(self) -> bool:
        return self._stop is not None

    def start(self, path: str, kb: KnowledgeBase, release: str | None = None) -> None:
        if self._stop is not None:
            self._stop.set()  # the newer request wins; the runner drops the older answer
        stop = self._stop = threading.Event()
        self.relay.reset()
        name = bundle_name(path)
        self.bar.reading(name)
        reader, report = self.read_bundle, self.relay.report

        def work() -> BundleCase:
            bundle = reader(path, progress=report, cancelled=stop.is_set)
            if stop.is_set():
                raise BundleCancelled()
            return CheckedBundle.of(build_case(bundle, kb, release), kb)

        self.runner.submit(work, lambda result, error: self._done(stop, name, result, error))

    def cancel(self) -> None:
        """Stop the reading now: the bar goes at once, the worker at its next chunk."""
        if self._stop is None:
            return
        self._stop.set()
        self._stop = None
        self.bar.clear()
        self.cancelled.emit()

    def wait(self, msecs: int = 30000) -> bool:
        return self.runner.wait(msecs)

    def shutdown(self) -> None:
        if self._stop is not None:
            self._stop.set()
        self.runner.wait(5000)

    def _done(self, stop: threading.Event, name: str, result: Any,
              error: Exception | None) -> None:
        if stop is not self._stop:
            return  # cancelled, or a newer request replaced it
        self._stop = None
        if isinstance(error, BundleCancelled):
            self.bar.clear()
            self.cancelled.emit()
            return
        if error is not None or not isinstance(result, BundleCase):
            message = str(error) if isinstance(error, BundleError) else (
                f"{name}: could not be read ({type(error).__name__}: {error})")
            self.bar.failed(message)
            self.failed.emit(self.bar.message)
            return
        self.bar.clear()
        self.read.emit(result)


def choose_bundle(parent: QWidget, folder: str = "") -> str | None:
    """An archive, or a folder: the dialog's "Open this folder" takes the folder shown (or a
    file chosen inside an unpacked supportconfig stands for its folder)."""
    dialog = QFileDialog(parent, "Open support bundle", folder, ";;".join(BUNDLE_FILTERS))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # native ones cannot add a button
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen: list[str] = []
    button = QPushButton("Open this &folder", dialog)
    button.setToolTip("Read the unpacked supportconfig folder shown (nts_HOST_DATE)")

    def take_folder() -> None:
        selected = [p for p in dialog.selectedFiles() if Path(p).is_dir()]
        chosen.append(selected[0] if selected else dialog.directory().absolutePath())
        dialog.accept()

    button.clicked.connect(take_folder)
    layout = dialog.layout()
    if layout is not None:
        layout.addWidget(button)
    if not dialog.exec():
        return None
    if chosen:
        return chosen[0]
    files = dialog.selectedFiles()
    return bundle_path(files[0]) if files else None


def bundle_path(chosen: str) -> str:
    """A `.txt` file chosen inside an unpacked supportconfig means its folder."""
    path = Path(chosen)
    if path.suffix.lower() == ".txt" and path.parent.name.startswith(("nts_", "scc_")):
        return str(path.parent)
    return chosen


class BundleOpener(QObject):
    """The main window's support bundles: its bar in the status bar, its reader."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bar = BundleBar(window)
        window.statusBar().addPermanentWidget(self.bar, 1)
        self.reader = BundleReader(self.bar, self)
        self.reader.read.connect(self._read)
        self.reader.cancelled.connect(
            lambda: window.statusBar().showMessage("Reading the support bundle was cancelled",
                                                   5000))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.reader.shutdown)

    def open(self, path: str | None = None) -> bool:
        """Read a bundle (asks for one when `path` is None); the wizard opens when done."""
        if path is None:
            folder = cfg.read(self.window.settings, cfg.WindowState.LAST_BUNDLE_DIR)
            path = choose_bundle(self.window, folder or str(Path.home()))
            if not path:
                return False
        where = Path(path)
        cfg.write(self.window.settings, cfg.WindowState.LAST_BUNDLE_DIR,
                  str(where if where.is_dir() else where.parent))
        self.reader.start(str(path), self.window.kb)
        QTimer.singleShot(0, self.window.cases.prepare)  # meanwhile, where it opens
        return True

    def when_idle(self, then: Callable[[], None]) -> None:
        """Run `then` now, or once the bundle being read is done (read and shown, failed or
        cancelled). The search index, opened after the first paint, waits so for a bundle
        given at launch (a double-click on nts_x.tbz): both want the CPU, and the engineer
        is waiting for the verdict."""
        reader = self.reader
        if not reader.busy:
            then()
            return
        signals = (reader.read, reader.failed, reader.cancelled)

        def once(*_args: object) -> None:
            for signal in signals:
                signal.disconnect(once)
            then()

        for signal in signals:
            signal.connect(once)

    def _read(self, built: BundleCase) -> None:
        if self.window.cases.open_bundle(built):
            self.window.statusBar().showMessage(read_summary(built), 8000)


def read_summary(built: BundleCase) -> str:
    """`Read nts_web01_110302_1011.tbz: 4 guests, 2 notes (on the ticket page)`."""
    from kvmhelpdesk.report.document import plural

    notes = f", {plural(len(built.notes), 'note')} (on the ticket page)" if built.notes else ""
    name = (built.case.get("source") or {}).get("name", "the bundle")
    return f"Read {one_line(name)}: {plural(len(built.case['guests']), 'guest')}{notes}"
