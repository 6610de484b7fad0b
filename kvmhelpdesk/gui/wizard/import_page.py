"""The import page: customer input in (paste, drop, file, clipboard), an option-by-option
account out, and the derived host and guest answers handed to the wizard for review.

The analyzers run on the page's background runner, never on the GUI thread: a paste of a
megabyte shows a busy bar while the window stays responsive, and Next pressed meanwhile goes
on by itself once the answer is there.
"""

from __future__ import annotations

import dataclasses
import html
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTableWidgetItem

from kvmhelpdesk import fileio
from kvmhelpdesk.analyze import (
    Analysis,
    AnalyzeError,
    analyze_libvirt_xml,
    analyze_monitor,
    analyze_qemu_cmdline,
)
from kvmhelpdesk.analyze.textin import decode_text, decode_xml
from kvmhelpdesk.bundle import BundleCase, merge_into
from kvmhelpdesk.gui.bundles import ARCHIVES, BundleBar, BundleReader
from kvmhelpdesk.gui.forms.ui_wizard_import import Ui_ImportPage
from kvmhelpdesk.gui.icons import status_icon
from kvmhelpdesk.gui.tasks import BackgroundRunner
from kvmhelpdesk.gui.wizard.feedback import status_word
from kvmhelpdesk.gui.wizard.pages.base import CasePage
from kvmhelpdesk.openable import is_support_bundle
from kvmhelpdesk.report.document import plural
from kvmhelpdesk.safetext import shown, shown_lines
from kvmhelpdesk.triage import merge_case
from kvmhelpdesk.triage.verdict import guest_names

if TYPE_CHECKING:
    from kvmhelpdesk.gui.wizard.wizard import CaseWizard

ANALYZERS = {"cmdline": analyze_qemu_cmdline, "xml": analyze_libvirt_xml,
             "monitor": analyze_monitor}
KINDS = (("Recognise automatically", "auto"), ("qemu-kvm command line", "cmdline"),
         ("libvirt domain XML (virsh dumpxml)", "xml"), ("Monitor transcript", "monitor"))
KIND_LABELS = {kind: label for label, kind in KINDS}
COLUMNS = ("Option", "Value", "Status", "Why", "Entry", "Guest")
ENTRY_COLUMN, GUEST_COLUMN = COLUMNS.index("Entry"), COLUMNS.index("Guest")
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_TABLE_ROWS = 2000
MAX_LISTED_GUESTS = 20
_MONITOR_PROMPT = re.compile(r"^\s*\(qemu\)", re.MULTILINE)


_XML_START = re.compile(r"^\s*<(?:\?xml|domain)\b", re.MULTILINE)


def detect_kind(text: str) -> str:
    """Which analyzer a paste is for: XML starts with `<`, transcripts show `(qemu)` prompts.

    Only routes the input; what the input means is the analyzers' business.
    """
    if text.lstrip().startswith("<") or _XML_START.search(text):
        return "xml"  # also after a shell prompt line such as "# virsh dumpxml web01"
    if _MONITOR_PROMPT.search(text):
        return "monitor"
    return "cmdline"


def read_text_file(path: str) -> str:
    """A dropped or opened file's text: a regular file only (a FIFO would block the window),
    decoded by its BOM, UTF-16 pattern or XML declaration (analyze.textin)."""
    data = fileio.read_regular_file(path, MAX_FILE_BYTES)
    try:
        return decode_xml(data) if _XML_START.match(decode_text(data[:4096])) else \
            decode_text(data)
    except AnalyzeError:  # an unknown declared encoding: the analyzer will say so
        return decode_text(data)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as it is: Qt would take `<b>...` in a tooltip as markup."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


class ImportPage(CasePage):
    def __init__(self, wizard: CaseWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_ImportPage()
        self.ui.setupUi(self)
        self.analysis: Analysis | None = None
        self._analyzed_text: str | None = None
        self._applied_text: str | None = None
        self.runner = BackgroundRunner(self)
        self._next_when_done = False  # Next was pressed while the analysis ran
        ui = self.ui
        for label, kind in KINDS:
            ui.kindCombo.addItem(label, kind)
        table = ui.optionTable
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels(COLUMNS)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("Why"), QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMNS.index("Value"), QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(COLUMNS.index("Value"), 240)
        table.cellClicked.connect(self._cell_clicked)
        ui.splitter.setSizes([200, 320])
        ui.analyzeButton.clicked.connect(self.analyze)
        ui.openFileButton.clicked.connect(self._choose_file)
        ui.clipboardButton.clicked.connect(self.paste_clipboard)
        ui.inputEdit.viewport().installEventFilter(self)
        ui.inputEdit.setFont(QFont("monospace"))
        # A supportconfig (archive or unpacked folder) dropped anywhere on the page is read
        # off the GUI thread, with its progress and Cancel in a bar above the paste box.
        self.bundle_bar = BundleBar(self)
        ui.pageLayout.insertWidget(0, self.bundle_bar)
        self.bundles = BundleReader(self.bundle_bar, self)
        self.bundles.read.connect(self.apply_bundle)
        self.setAcceptDrops(True)

    # -- input ---------------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        self.ui.inputEdit.setPlainText(text)

    def paste_clipboard(self) -> None:
        self.set_text(QGuiApplication.clipboard().text())
        self.analyze()

    def load_file(self, path: str) -> bool:
        if is_support_bundle(path):
            self.read_bundle(path)
            return True
        try:
            text = read_text_file(path)
        except OSError as exc:
            self.ui.resultLabel.setText(f"{shown(path)}: cannot be read: {fileio.reason(exc)}")
            return False
        self.set_text(text)
        self.analyze()
        return True

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open a configuration", "", "Configurations (*.xml *.txt *.log *.cmdline);;"
            f"supportconfig archives ({ARCHIVES});;All files (*)")
        if path:
            self.load_file(path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A file dropped on the paste box is read, not pasted as its file:// address."""
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            mime = event.mimeData()  # type: ignore[attr-defined]
            local = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] \
                if mime.hasUrls() else []
            if local:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                if isinstance(event, QDropEvent):
                    self.load_file(local[0])
                return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """A support bundle may be dropped anywhere on the page (text only on the box)."""
        if _dropped_bundle(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_bundle(event)
        if path:
            event.acceptProposedAction()
            self.read_bundle(path)
        else:
            super().dropEvent(event)

    # -- support bundles -----------------------------------------------------------------------
    def read_bundle(self, path: str) -> None:
        """Read a supportconfig in the background; its answers join the case when done."""
        self.bundles.start(path, self.kb, self.release)

    def apply_bundle(self, built: BundleCase) -> None:
        """The bundle's host answers fill what the case leaves open, its guests follow the
        case's, each answer with its source; then the verdict."""
        self.wiz.replace_case(merge_into(self.case, built))
        self.wiz.mark_changed()
        self.wiz.show_bundle(built)

    # -- analysis ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """An analysis is running (the busy bar shows)."""
        return self.runner.busy

    def analyze(self) -> None:
        """Analyze the input in the background; the table and summary follow when done."""
        text = self.ui.inputEdit.toPlainText()
        kind = self.ui.kindCombo.currentData()
        if kind == "auto":
            kind = detect_kind(text)
        self.analysis, self._analyzed_text = None, None
        self.ui.optionTable.setRowCount(0)
        self.ui.resultLabel.setText("Analyzing…")
        self._set_busy(True)
        analyzer, kb, release = ANALYZERS[kind], self.kb, self.release
        self.runner.submit(lambda: analyzer(text, kb, release),
                           lambda result, error: self._analyzed(text, kind, result, error))

    def _set_busy(self, busy: bool) -> None:
        self.ui.busyBar.setVisible(busy)
        self.ui.analyzeButton.setEnabled(not busy)

    def _analyzed(self, text: str, kind: str, analysis: Analysis | None,
                  error: Exception | None) -> None:
        self._set_busy(False)
        go_on, self._next_when_done = self._next_when_done, False
        if error is not None or analysis is None:
            why = str(error) if isinstance(error, AnalyzeError) else \
                f"the analyzer failed ({type(error).__name__}: {error})"
            self.ui.resultLabel.setText(f"Cannot import this input: {shown(why)}")
            return
        self.analysis, self._analyzed_text = analysis, text
        self._show(analysis, KIND_LABELS[kind])
        if go_on and self.wizard() is not None and self.wizard().currentPage() is self:
            self.wizard().next()

    def _show(self, analysis: Analysis, kind_label: str) -> None:
        """The account as a table (its first MAX_TABLE_ROWS lines: filling the table is GUI
        work, and the verdict lists every option anyway) and a summary."""
        table = self.ui.optionTable
        rows = [*analysis.options, *analysis.monitor][:MAX_TABLE_ROWS]
        table.setRowCount(len(rows))
        for row, option in enumerate(rows):
            entry = self.kb.find(option.entry, self.release) if option.entry else None
            cells = [QTableWidgetItem(shown(option.option)),
                     QTableWidgetItem(wrappable(shown(option.value))),
                     QTableWidgetItem(status_icon(option.status), status_word(option.status)),
                     QTableWidgetItem(shown(option.message)),
                     QTableWidgetItem(entry.title if entry else (option.entry or "")),
                     QTableWidgetItem(shown(option.scope.split(":", 1)[-1]))]
            cells[1].setToolTip(plain_tooltip(option.value))
            cells[3].setToolTip(plain_tooltip(option.message))
            if option.entry:
                link = cells[ENTRY_COLUMN]
                link.setData(Qt.ItemDataRole.UserRole, option.entry)
                font = link.font()
                font.setUnderline(True)
                link.setFont(font)
                link.setForeground(self.palette().link())
                link.setToolTip("Click to read this entry")
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        table.setColumnHidden(GUEST_COLUMN, len(analysis.guests) <= 1)
        table.resizeRowsToContents()
        self.ui.resultLabel.setText(shown_lines(self._summary(analysis, kind_label)))

    def _summary(self, analysis: Analysis, kind_label: str) -> str:
        problems = sum(1 for o in [*analysis.options, *analysis.monitor]
                       if o.status not in ("supported",))
        guests = ", ".join(self._guest_words(g) for g in analysis.guests[:MAX_LISTED_GUESTS]) \
            or "no guest"
        if len(analysis.guests) > MAX_LISTED_GUESTS:
            guests += f" and {len(analysis.guests) - MAX_LISTED_GUESTS:,} more guests"
        host = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in analysis.host.items())
        count = len(analysis.options) + len(analysis.monitor)
        parts = [f"{kind_label}: {plural(count, 'option')}, "
                 f"{problems} not supported or not listed.",
                 f"Derived: {guests}" + (f"; host: {host}" if host else "") + ".",
                 "Next fills these answers into the wizard for review (answers already given "
                 "are kept)."]
        listed = len(analysis.options) + len(analysis.monitor)
        if listed > MAX_TABLE_ROWS:
            parts.append(f"The table shows the first {MAX_TABLE_ROWS:,} of {listed:,} options; "
                         "the verdict lists them all.")
        parts += [f"Left out: {e}" for e in analysis.errors[:MAX_LISTED_GUESTS]]
        return "\n".join(parts)

    @staticmethod
    def _guest_words(guest: dict[str, Any]) -> str:
        facts = [f"{guest[k]} {unit}" for k, unit in (("vcpus", "vCPUs"), ("memory_mb", "MB"))
                 if k in guest]
        facts += [f"{word}: {len(guest[k])}" for k, word in (("disks", "disks"), ("nics", "NICs"))
                  if k in guest]
        return f"{guest.get('name', 'guest')} ({', '.join(facts)})" if facts \
            else str(guest.get("name", "guest"))

    def _cell_clicked(self, row: int, column: int) -> None:
        if column == ENTRY_COLUMN:
            entry = self.ui.optionTable.item(row, column).data(Qt.ItemDataRole.UserRole)
            if entry:
                self.wiz.request_entry(entry)

    # -- into the case -------------------------------------------------------------------------
    def validatePage(self) -> bool:
        """Next: merge the analysis of what is pasted into the case once. When it is not
        analyzed yet (or still running), start it and go on by itself when it is done."""
        text = self.ui.inputEdit.toPlainText()
        if not text.strip() or text == self._applied_text:
            return True
        if self.analysis is None or text != self._analyzed_text:
            self._next_when_done = True
            if not self.busy:
                self.analyze()
            return False
        self.apply(self.analysis)
        self._applied_text = text
        return True

    def apply(self, analysis: Analysis) -> None:
        """Merge the derived answers (existing answers win) and keep the analyzer's findings."""
        taken = guest_names(list(self.case.get("guests") or []))
        renamed = _unclash(analysis, taken)
        self.wiz.replace_case(merge_case(self.case, renamed.host, renamed.guests))
        self.wiz.add_import(renamed)
        self.wiz.mark_changed()


def wrappable(value: str) -> str:
    """An option value that may wrap after each comma (a zero-width space there): without
    one, `nic,model=virtio,macaddr=52:54:00:12:34:56` is a single word the cell cuts short,
    MAC address and all. The tooltip keeps the value as typed."""
    return value.replace(",", ",\u200b")


def _dropped_bundle(event: QDragEnterEvent | QDropEvent) -> str | None:
    mime = event.mimeData()
    paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
    return paths[0] if paths and is_support_bundle(paths[0]) else None


def _unclash(analysis: Analysis, taken: list[str]) -> Analysis:
    """Imported guests renamed where the case already has their name (scopes follow)."""
    used = set(taken)
    scopes: dict[str, str] = {}
    guests = []
    for guest in analysis.guests:
        name = str(guest.get("name") or "guest")
        new, number = name, 2
        while new in used:
            new, number = f"{name}-{number}", number + 1
        used.add(new)
        scopes[f"guest:{name}"] = f"guest:{new}"
        guests.append({**guest, "name": new})
    return dataclasses.replace(
        analysis, guests=guests,
        options=[dataclasses.replace(o, scope=scopes.get(o.scope, o.scope))
                 for o in analysis.options],
        monitor=[dataclasses.replace(o, scope=scopes.get(o.scope, o.scope))
                 for o in analysis.monitor],
        findings=[dataclasses.replace(f, scope=scopes.get(f.scope, f.scope))
                  for f in analysis.findings])
