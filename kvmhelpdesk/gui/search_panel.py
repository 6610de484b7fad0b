"""Search as you type: the toolbar field, kind and status filters, the result list, the
"not in the statement" notice, "did you mean" and "25 of 161 entries · Show all".

The index opens in the background after the first paint (whoosh is never imported on the way
to the first window), and every query runs off the GUI thread, so typing never waits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit

from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui.theme import use_soft_selection
from kvmhelpdesk.kb.render import escape

# The result delegate, the filters and the worker threads are made on first use: at start-up
# only the search field is on screen.
if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QButtonGroup

    from kvmhelpdesk.gui.mainwindow import MainWindow
    from kvmhelpdesk.gui.search_filters import NoticeBar, SearchFilters
    from kvmhelpdesk.gui.search_results import HitDelegate
    from kvmhelpdesk.gui.tasks import BackgroundRunner
    from kvmhelpdesk.search import SearchEngine, SearchResult

HIT_ROLE = Qt.ItemDataRole.UserRole + 10
RESULTS_TAB = 1
LIMIT = 25  # enough to scan; each row is a laid-out rich-text document ("Show all" for more)
SHOW_ALL = 1000  # the engine's own cap (MAX_LIMIT): every entry of a release
# (kind or "", button text): one click from any result list.
KIND_FILTERS = (("", "All"), ("guest-os", "Guest OS"), ("qemu-option", "Options"),
                ("monitor-command", "Monitor"), ("feature", "Features"), ("limit", "Limits"),
                ("performance", "Perf."), ("article", "Articles"))


def _is_key_press(event: QEvent) -> bool:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress


class SearchPanel(QObject):
    """Wires the search field, kind buttons and result list of the main window to the engine."""

    ready = Signal()
    results_shown = Signal(str)  # the query whose results are now on screen

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.engine: SearchEngine | None = None
        self.kind = ""
        self.status = ""
        self.show_all = False  # this query's whole result list, not only the first LIMIT
        self.last_result: SearchResult | None = None
        self._opener: BackgroundRunner | None = None
        self._searcher: BackgroundRunner | None = None
        self.filters: SearchFilters | None = None
        self.notice_bar: NoticeBar | None = None
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
        self.window.ui.mainToolBar.addWidget(field)
        self.window.ui.actionFocusSearch.triggered.connect(self.focus)
        self.window.addAction(self.window.ui.actionFocusSearch)

    @property
    def kind_buttons(self) -> QButtonGroup | None:
        return self.filters.kind_buttons if self.filters is not None else None

    def _build_filters(self) -> None:
        """Filters and notice: made when the results tab is first needed, not at start-up."""
        if self.filters is not None:
            return
        from kvmhelpdesk.gui.search_filters import NoticeBar, SearchFilters

        ui = self.window.ui
        self.filters = SearchFilters(ui.resultsTab)
        self.filters.changed.connect(self._on_filters)
        ui.kindFilterLayout.addWidget(self.filters)
        self.notice_bar = NoticeBar(ui.resultsTab)
        ui.resultsLayout.insertWidget(ui.resultsLayout.indexOf(ui.suggestionLabel),
                                      self.notice_bar)

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
        ui.suggestionLabel.linkActivated.connect(self._on_link)
        ui.suggestionLabel.setText("")

    # -- engine -----------------------------------------------------------------------------
    def start(self) -> None:
        """Open (or build) the index in the background; call after the window is shown."""
        kb = self.window.kb

        def open_engine() -> SearchEngine:
            from kvmhelpdesk.search import SearchEngine

            engine = SearchEngine.open(kb)
            engine.warm_up()  # here, off the GUI thread, rather than on a keystroke
            return engine

        from kvmhelpdesk.gui.tasks import BackgroundRunner

        self.field.installEventFilter(self)  # Esc and Down (not before: see _restore_state)
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
        self.show_all = False
        self._search(text)

    def _search(self, text: str) -> None:
        query = text.strip()
        if not query:
            self.model.clear()
            self.window.ui.suggestionLabel.setText("")
            if self.notice_bar is not None:
                self.notice_bar.show_notice(None)
            self.last_result = None
            self.window.ui.navTabs.setCurrentIndex(0)
            return
        if self.engine is None:
            return  # runs when the engine is ready
        engine, kind, status = self.engine, self.kind or None, self.status or None
        limit = SHOW_ALL if self.show_all else LIMIT
        # As typed, trailing space kept: a word followed by a space is finished ("SLES 1 ").
        typed = text.lstrip()
        assert self._searcher is not None  # made together with the engine
        self._searcher.submit(
            lambda: engine.search(typed, kind=kind, status=status, limit=limit),
            self._on_results)

    def _on_filters(self) -> None:
        assert self.filters is not None
        self.kind, self.status = self.filters.kind, self.filters.status
        self._search(self.field.text())

    def show_every_result(self) -> None:
        """The whole result list of the current query ("Show all")."""
        self.show_all = True
        self._search(self.field.text())

    def _on_results(self, result: Any, error: Exception | None) -> None:
        if error is not None:
            self.window.statusBar().showMessage(f"Search failed: {error}", 8000)
            return
        if result.query.strip() != self.field.text().strip():
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
        assert self.notice_bar is not None  # made by _build_filters
        self.notice_bar.show_notice(result.notice)
        self.window.ui.suggestionLabel.setText(self._summary(result))
        self.window.ui.navTabs.setCurrentIndex(RESULTS_TAB)
        if self.window.ui.resultsList.model().rowCount():
            self.window.ui.resultsList.setCurrentIndex(self.model.index(0, 0))
        self.results_shown.emit(result.query.strip())

    def recolour(self) -> None:
        """The theme changed: links in the label take the new link colour (a label's rich
        text keeps the colours it was parsed with)."""
        if self.last_result is not None and self.field.text().strip():
            self.window.ui.suggestionLabel.setText(self._summary(self.last_result))

    @staticmethod
    def _summary(result: SearchResult) -> str:
        """"Did you mean", and how many entries match: "25 of 161 matching entries · Show all"
        (short enough for one line of a 683 px window)."""
        from PySide6.QtGui import QGuiApplication, QPalette

        link = QGuiApplication.palette().color(QPalette.ColorRole.Link).name()
        style = f'style="color:{link}"'  # the palette's, now: see recolour
        parts = []
        if result.suggestion:
            parts.append(f'Did you mean <a href="s" {style}>'
                         f'{escape(result.suggestion)}</a>?')
        if not result.hits:
            parts.append("No entry matches. Try fewer or other words.")
        elif result.complete:
            parts.append(result.count_text())
        else:
            parts.append(f'{result.count_text()} · <a href="all" {style}>Show all</a>')
        return " ".join(parts)

    def _on_link(self, link: str) -> None:
        if link == "all":
            self.show_every_result()
        elif self.last_result and self.last_result.suggestion:
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
        if watched is self.field and _is_key_press(event):
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
