"""Search as you type: the toolbar field, kind filters, the result list and "did you mean".

The index opens in the background after the first paint (whoosh is never imported on the way
to the first window), and every query runs off the GUI thread, so typing never waits.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit

from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui.theme import use_soft_selection

# The result delegate, the kind buttons and the worker threads are made on first use: at
# start-up only the search field is on screen.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QButtonGroup

    from kvmhelpdesk.gui.mainwindow import MainWindow
    from kvmhelpdesk.gui.search_results import HitDelegate
    from kvmhelpdesk.gui.tasks import BackgroundRunner
    from kvmhelpdesk.search import SearchEngine, SearchResult

HIT_ROLE = Qt.ItemDataRole.UserRole + 10
RESULTS_TAB = 1
LIMIT = 25  # enough to scan; each row is a laid-out rich-text document
# (kind or "", button text): one click from any result list.
KIND_FILTERS = (("", "All"), ("guest-os", "Guest OS"), ("qemu-option", "Options"),
                ("monitor-command", "Monitor"), ("feature", "Features"), ("limit", "Limits"),
                ("performance", "Perf."), ("article", "Articles"))


class SearchPanel(QObject):
    """Wires the search field, kind buttons and result list of the main window to the engine."""

    ready = Signal()
    results_shown = Signal(str)  # the query whose results are now on screen

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.engine: SearchEngine | None = None
        self.kind = ""
        self.last_result: SearchResult | None = None
        self._opener: BackgroundRunner | None = None
        self._searcher: BackgroundRunner | None = None
        self.kind_buttons: QButtonGroup | None = None
        self.delegate: HitDelegate | None = None
        self._build_field()
        self._build_results()

    # -- widgets ----------------------------------------------------------------------------
    def _build_field(self) -> None:
        field = QLineEdit(self.window)
        self.field = field
        field.setObjectName("searchField")
        field.setPlaceholderText("Search the statement: qcow2, Win7, -no-kvm, hot add cpu…")
        field.setClearButtonEnabled(True)
        field.setMinimumWidth(380)
        field.setAccessibleName("Search")
        field.setToolTip("Search (Ctrl+K); Esc clears; Enter opens the best match")
        field.textChanged.connect(self._on_text)
        field.returnPressed.connect(self.open_first)
        field.installEventFilter(self)
        self.window.ui.mainToolBar.addWidget(field)
        self.window.ui.actionFocusSearch.triggered.connect(self.focus)
        self.window.addAction(self.window.ui.actionFocusSearch)

    def _build_filters(self) -> None:
        """The kind buttons: made when the results tab is first needed, not at start-up."""
        if self.kind_buttons is not None:
            return
        from PySide6.QtWidgets import QButtonGroup, QGridLayout, QToolButton

        from kvmhelpdesk.gui.icons import kind_icon

        grid = QGridLayout()
        grid.setSpacing(2)
        self.kind_buttons = QButtonGroup(self)
        self.kind_buttons.setExclusive(True)
        for number, (kind, text) in enumerate(KIND_FILTERS):
            button = QToolButton(self.window)
            button.setText(text)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            if kind:
                button.setIcon(kind_icon(kind))
            button.setToolTip(f"Show only: {text}" if kind else "Show every kind")
            button.setChecked(not kind)
            button.setProperty("kind", kind)
            self.kind_buttons.addButton(button, number)
            grid.addWidget(button, number // 4, number % 4)
        self.kind_buttons.idClicked.connect(self._on_kind)
        self.window.ui.kindFilterLayout.addLayout(grid)

    def _build_results(self) -> None:
        ui = self.window.ui
        self.model = QStandardItemModel(self)
        ui.resultsList.setModel(self.model)
        ui.resultsList.setUniformItemSizes(False)
        # A soft selection keeps the delegate's rich text readable in light and dark themes.
        # A palette, not a style sheet: style sheets cost a tenth of a second at start-up.
        use_soft_selection(ui.resultsList)
        ui.resultsList.activated.connect(self._open_index)
        ui.resultsList.doubleClicked.connect(self._open_index)
        ui.suggestionLabel.linkActivated.connect(self._accept_suggestion)
        ui.suggestionLabel.setText("")

    # -- engine -----------------------------------------------------------------------------
    def start(self) -> None:
        """Open (or build) the index in the background; call after the window is shown."""
        kb = self.window.kb

        def open_engine() -> SearchEngine:
            from kvmhelpdesk.search import SearchEngine

            return SearchEngine.open(kb)

        from kvmhelpdesk.gui.tasks import BackgroundRunner

        if self._opener is None:
            self._opener, self._searcher = BackgroundRunner(self), BackgroundRunner(self)
        self.field.setPlaceholderText("Preparing search…")
        self._opener.submit(open_engine, self._on_engine)

    def _on_engine(self, engine: Any, error: Exception | None) -> None:
        if error is not None:
            self.window.statusBar().showMessage(f"Search is unavailable: {error}")
            self.field.setPlaceholderText("Search is unavailable")
            return
        self.engine = engine
        self.field.setPlaceholderText("Search the statement: qcow2, Win7, -no-kvm, hot add cpu…")
        self.ready.emit()
        if self.field.text().strip():
            self._on_text(self.field.text())

    def restart(self) -> None:
        """The knowledge base changed (content pack loaded): reopen the index."""
        self.engine = None
        self.start()

    # -- queries ----------------------------------------------------------------------------
    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_query(self, text: str) -> None:
        self.field.setText(text)

    def _on_text(self, text: str) -> None:
        query = text.strip()
        if not query:
            self.model.clear()
            self.window.ui.suggestionLabel.setText("")
            self.last_result = None
            self.window.ui.navTabs.setCurrentIndex(0)
            return
        if self.engine is None:
            return  # runs when the engine is ready
        engine, kind = self.engine, self.kind or None
        assert self._searcher is not None  # made together with the engine
        self._searcher.submit(lambda: engine.search(query, kind=kind, limit=LIMIT),
                              self._on_results)

    def _on_kind(self, number: int) -> None:
        self.kind = KIND_FILTERS[number][0]
        self._on_text(self.field.text())

    def _on_results(self, result: Any, error: Exception | None) -> None:
        if error is not None:
            self.window.statusBar().showMessage(f"Search failed: {error}", 8000)
            return
        if result.query != self.field.text().strip():
            return  # the user typed on; a fresher search is coming
        self.last_result = result
        self._build_filters()
        if self.delegate is None:
            from kvmhelpdesk.gui.search_results import HitDelegate

            self.delegate = HitDelegate(self)
            self.window.ui.resultsList.setItemDelegate(self.delegate)
        self.delegate.forget()
        self.model.clear()
        for hit in result.hits:
            item = QStandardItem()
            item.setData(hit, HIT_ROLE)
            item.setData(f"{hit.title}: {hit.snippet}", Qt.ItemDataRole.AccessibleTextRole)
            item.setEditable(False)
            self.model.appendRow(item)
        label = self.window.ui.suggestionLabel
        if result.suggestion:
            label.setText(f'Did you mean <a href="s">{html.escape(result.suggestion)}</a>?')
        elif not result.hits:
            label.setText("No entry matches. Try fewer or other words.")
        else:
            label.setText(f"{len(result.hits)} entries")
        self.window.ui.navTabs.setCurrentIndex(RESULTS_TAB)
        if self.window.ui.resultsList.model().rowCount():
            self.window.ui.resultsList.setCurrentIndex(self.model.index(0, 0))
        self.results_shown.emit(result.query)

    def _accept_suggestion(self, _link: str) -> None:
        if self.last_result and self.last_result.suggestion:
            self.field.setText(self.last_result.suggestion)

    def open_first(self) -> None:
        if self.model.rowCount():
            self._open_index(self.model.index(0, 0))

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.window.open_entry(hit.id, hit.release or None, highlight=hit.terms)

    # -- keys and state ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # PySide hands the filter the QKeyEvent itself
            if key == Qt.Key.Key_Escape:
                self.field.clear()
                return True
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.window.ui.resultsList.setFocus()
                return True
        return super().eventFilter(watched, event)

    def restore(self) -> None:
        """Bring back the last query (the index opens after the first paint: see start)."""
        last = cfg.read(self.window.settings, cfg.WindowState.LAST_QUERY)
        if last:
            self.field.blockSignals(True)
            self.field.setText(last)
            self.field.blockSignals(False)

    def save(self) -> None:
        cfg.write(self.window.settings, cfg.WindowState.LAST_QUERY, self.field.text())

    def shutdown(self) -> None:
        for runner in (self._opener, self._searcher):
            if runner is not None:
                runner.wait()
