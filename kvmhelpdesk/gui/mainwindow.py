"""The main window: contents tree, entry view with history, and the guest OS matrix.

Reading tools (find, zoom, print), the layout policy and the theme are small and made with
the window; bookmarks, the index, navigation menus, help and preferences are made on first
use, so the first window paints as fast as a bare one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from kvmhelpdesk import APP_NAME
from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui.contents import PLACE_ROLE, build_contents_model, find_entry_index
from kvmhelpdesk.gui.forms.ui_mainwindow import Ui_MainWindow
from kvmhelpdesk.gui.history import History, Place
from kvmhelpdesk.gui.icons import icon
from kvmhelpdesk.gui.layout import WindowLayout
from kvmhelpdesk.gui.parts import Part
from kvmhelpdesk.gui.reading import ReadingTools
from kvmhelpdesk.gui.theme import Theme
from kvmhelpdesk.kb import Entry, KnowledgeBase
from kvmhelpdesk.kb.render import entry_html, save_render_cache
from kvmhelpdesk.safetext import shown

# Event and dialog classes only in annotations or on first use: each Qt class costs a
# millisecond or more the first time Python sees it.
if TYPE_CHECKING:
    from PySide6.QtCore import QEvent, QModelIndex, QUrl
    from PySide6.QtGui import QCloseEvent, QKeyEvent

    from kvmhelpdesk.gui.cases import CaseController
    from kvmhelpdesk.gui.matrix import GuestMatrixFilter

HOME_ENTRY = "art-overview"
ENTRY_TAB, MATRIX_TAB = 0, 1
CONTENTS_TAB, RESULTS_TAB, INDEX_TAB, BOOKMARKS_TAB = range(4)


class MainWindow(QMainWindow):
    entry_opened = Signal(str, str)  # release id, entry id
    first_painted = Signal()  # the first window is on screen: time for work it did not need

    def __init__(self, kb: KnowledgeBase, settings: QSettings,
                 extra_content: Sequence[str] = (), theme: Theme | None = None) -> None:
        super().__init__()
        self.kb = kb
        self.settings = settings
        self.extra_content = list(extra_content)
        self.history = History()
        self.highlight: tuple[str, ...] = ()
        self.theme = theme or Theme(QApplication.instance(), settings)
        self._apply_default_release()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("app"))
        self.layout_policy = WindowLayout(self)
        self._setup_actions()
        self._setup_entry_view()
        self._setup_contents()
        self.ui.mainTabs.currentChanged.connect(self._on_main_tab)
        self.ui.navTabs.currentChanged.connect(self._on_nav_tab)
        self._setup_cases()
        self._setup_search()
        self.theme.changed.connect(self._on_theme_changed)
        self._restore_state()

    # -- set-up ---------------------------------------------------------------------------
    def _setup_actions(self) -> None:
        ui = self.ui
        self._set_icons()
        ui.actionBack.triggered.connect(self.go_back)
        ui.actionForward.triggered.connect(self.go_forward)
        ui.actionHome.triggered.connect(lambda: self.open_entry(HOME_ENTRY))
        ui.actionShowMatrix.triggered.connect(self.show_matrix)
        ui.actionShowContents.triggered.connect(self.show_contents)
        ui.actionShowIndex.triggered.connect(self.show_index)
        ui.actionShowBookmarks.triggered.connect(self.show_bookmarks)
        ui.actionToggleBookmark.triggered.connect(lambda: self.bookmarks.toggle())
        ui.menuBookmarks.aboutToShow.connect(lambda: self.bookmarks.fill_menu())
        ui.actionQuit.triggered.connect(self.close)
        ui.actionUserGuide.triggered.connect(lambda: self.help.user_guide())
        ui.actionShortcuts.triggered.connect(lambda: self.help.shortcuts())
        ui.actionAbout.triggered.connect(lambda: self.help.about())
        ui.actionAboutQt.triggered.connect(lambda: self.help.about_qt())
        ui.actionPreferences.triggered.connect(self.show_preferences)
        ui.actionLoadContentPack.triggered.connect(self._choose_content_pack)
        ui.actionForgetContentPacks.triggered.connect(self.forget_content_packs)
        ui.actionForgetContentPacks.setEnabled(bool(self.extra_content))
        self._update_nav_actions()

    def _set_icons(self) -> None:
        ui = self.ui
        for action, name in ((ui.actionBack, "go-back"), (ui.actionForward, "go-forward"),
                             (ui.actionShowMatrix, "matrix"), (ui.actionFocusSearch, "search"),
                             (ui.actionNewCase, "wizard"), (ui.actionImport, "import"),
                             (ui.actionToggleBookmark, "bookmark")):
            action.setIcon(icon(name))

    def _setup_entry_view(self) -> None:
        self.reading = ReadingTools(self)
        self.ui.entryView.anchorClicked.connect(self._on_link)

    def _setup_contents(self) -> None:
        tree = self.ui.contentsTree
        tree.activated.connect(self._on_tree_activated)
        tree.clicked.connect(self._on_tree_activated)
        self._fill_contents()

    def _fill_contents(self) -> None:
        self.contents_model = build_contents_model(self.kb)
        self.ui.contentsTree.setModel(self.contents_model)
        self.ui.contentsTree.expandToDepth(0)

    def _on_main_tab(self, index: int) -> None:
        if index == MATRIX_TAB:
            self.matrix  # noqa: B018 (built when first shown: start-up lays out no hidden table)

    def _on_nav_tab(self, index: int) -> None:
        if index == INDEX_TAB:
            self.index_panel  # noqa: B018 (built on first show)
        elif index == BOOKMARKS_TAB:
            self.bookmarks.build_panel()

    def _setup_search(self) -> None:
        from kvmhelpdesk.gui.search_panel import SearchPanel

        self.search = SearchPanel(self)
        self.layout_policy.place_search_field()

    # -- parts made on first use ------------------------------------------------------------
    bookmarks = Part["Bookmarks"]("kvmhelpdesk.gui.bookmarks", "Bookmarks")
    index_panel = Part["IndexPanel"]("kvmhelpdesk.gui.index_panel", "IndexPanel")
    matrix = Part["MatrixTab"]("kvmhelpdesk.gui.matrix", "MatrixTab")
    navigation = Part["Navigation"]("kvmhelpdesk.gui.navigation", "Navigation")
    help = Part["HelpMenu"]("kvmhelpdesk.gui.help", "HelpMenu")
    preferences = Part["PreferencesDialog"]("kvmhelpdesk.gui.preferences", "PreferencesDialog")
    bundles = Part["BundleOpener"]("kvmhelpdesk.gui.bundles", "BundleOpener")

    @property
    def matrix_proxy(self) -> GuestMatrixFilter:
        return self.matrix.proxy

    def show_preferences(self) -> None:
        dialog = self.preferences
        dialog.load()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    @property
    def cases(self) -> CaseController:
        """The case-file controller, made on first use: start-up does not pay for it."""
        if self._cases is None:
            from kvmhelpdesk.gui.cases import CaseController

            self._cases = CaseController(self)
        return self._cases

    def _setup_cases(self) -> None:
        ui = self.ui
        self._cases: CaseController | None = None
        for action in (ui.actionSaveCase, ui.actionSaveCaseAs, ui.actionExportReport,
                       ui.actionPrintReport):
            action.setEnabled(False)  # until a case is open (the controller keeps this in step)
        ui.menuRecentCases.aboutToShow.connect(lambda: self.cases.fill_recent_menu())
        ui.actionNewCase.setIcon(icon("wizard"))
        ui.actionImport.setIcon(icon("import"))
        # Lambdas: `triggered` passes a `checked` flag that must not land in a path argument.
        ui.actionNewCase.triggered.connect(lambda: self.cases.new_case())
        ui.actionOpenCase.triggered.connect(lambda: self.cases.open_case())
        ui.actionOpenSupportBundle.triggered.connect(lambda: self.bundles.open())
        ui.actionSaveCase.triggered.connect(lambda: self.cases.save_case())
        ui.actionSaveCaseAs.triggered.connect(lambda: self.cases.save_case_as())
        ui.actionImport.triggered.connect(lambda: self.cases.import_input())
        ui.actionExportReport.triggered.connect(lambda: self.cases.export_report())
        ui.actionPrintReport.triggered.connect(lambda: self.cases.print_report())

    # -- navigation -----------------------------------------------------------------------
    def open_entry(self, entry_id: str, release: str | None = None,
                   highlight: Iterable[str] = (), record: bool = True) -> bool:
        """Show an entry; False (and a status message) when it does not exist."""
        release = release or self.kb.default_release
        entry = self.kb.find(entry_id, release)
        if entry is None:
            self.statusBar().showMessage(f"No entry {entry_id!r} in release {release}", 5000)
            return False
        self.highlight = tuple(highlight)
        self.ui.entryView.setHtml(entry_html(entry, self.kb, self.highlight))
        self.show_entry_tab()
        if record:
            self.history.visit(Place(release, entry_id))
        self._select_in_tree(release, entry_id)
        self._update_nav_actions()
        self.setWindowTitle(f"{shown(entry.title)} — {APP_NAME}")  # pack text is data
        self.entry_opened.emit(release, entry_id)
        return True

    def open_place(self, place: Place) -> bool:
        return self.open_entry(place.entry_id, place.release)

    def current_place(self) -> Place | None:
        return self.history.current

    def current_entry(self) -> Entry | None:
        place = self.history.current
        return self.kb.find(place.entry_id, place.release) if place else None

    def rerender(self, highlight: Iterable[str] | None = None) -> None:
        """Show the current entry again (theme, highlights) where the reader was."""
        entry = self.current_entry()
        if entry is None:
            return
        if highlight is not None:
            self.highlight = tuple(highlight)
        bar = self.ui.entryView.verticalScrollBar()
        position = bar.value()
        self.ui.entryView.setHtml(entry_html(entry, self.kb, self.highlight))
        bar.setValue(position)

    def go_back(self) -> None:
        if self.history.can_go_back():
            self._show_history(self.history.back())

    def go_forward(self) -> None:
        if self.history.can_go_forward():
            self._show_history(self.history.forward())

    def go_to_history(self, position: int) -> None:
        self._show_history(self.history.jump(position))

    def _show_history(self, place: Place | None) -> None:
        if place:
            self.open_entry(place.entry_id, place.release, record=False)

    def show_entry_tab(self) -> None:
        self.ui.mainTabs.setCurrentIndex(ENTRY_TAB)

    def show_matrix(self) -> None:
        self.ui.mainTabs.setCurrentIndex(MATRIX_TAB)
        self.ui.matrixFilter.setFocus()

    def show_contents(self) -> None:
        self.ui.navTabs.setCurrentIndex(CONTENTS_TAB)
        self.ui.contentsTree.setFocus()

    def show_index(self) -> None:
        self.ui.navTabs.setCurrentIndex(INDEX_TAB)
        self.ui.indexFilter.setFocus()
        self.ui.indexFilter.selectAll()

    def show_bookmarks(self) -> None:
        self.ui.navTabs.setCurrentIndex(BOOKMARKS_TAB)
        self.ui.bookmarksList.setFocus()

    def _update_nav_actions(self) -> None:
        self.ui.actionBack.setEnabled(self.history.can_go_back())
        self.ui.actionForward.setEnabled(self.history.can_go_forward())

    def _select_current_in_tree(self) -> None:
        place = self.history.current
        if place is not None:
            self._select_in_tree(place.release, place.entry_id)

    def _select_in_tree(self, release: str, entry_id: str) -> None:
        index = find_entry_index(self.contents_model, release, entry_id)
        if index.isValid():
            tree = self.ui.contentsTree
            tree.blockSignals(True)
            tree.setCurrentIndex(index)
            tree.scrollTo(index)
            tree.blockSignals(False)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        place = index.data(PLACE_ROLE)
        if place:
            release, entry_id = place
            self.open_entry(entry_id, release)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "entry":
            current = self.history.current
            self.open_entry(url.path(), current.release if current else None,
                            highlight=self.highlight)
        else:
            # The app never goes online; show where the link points instead.
            self.statusBar().showMessage(f"External link (not opened): {url.toString()}", 8000)

    # -- content packs ----------------------------------------------------------------------
    def _choose_content_pack(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, "Load content pack")
        if folder:
            self.load_content_pack(folder)

    def load_content_pack(self, folder: str) -> bool:
        """Load a pack beside the embedded content; a broken pack is reported and left out."""
        from kvmhelpdesk.gui.content_packs import load_content_pack

        return load_content_pack(self, folder)

    def forget_content_packs(self) -> None:
        """Back to the embedded knowledge base only (also for the next start)."""
        from kvmhelpdesk.gui.content_packs import forget_content_packs

        forget_content_packs(self)

    def use_kb(self, kb: KnowledgeBase, extra_content: list[str]) -> None:
        """Show another knowledge base everywhere (after loading or forgetting a pack)."""
        self.extra_content = extra_content
        cfg.write(self.settings, cfg.Prefs.EXTRA_CONTENT, extra_content)
        self.kb = kb
        self._apply_default_release()
        self._fill_contents()
        for part in (MainWindow.index_panel, MainWindow.bookmarks, MainWindow.matrix):
            made = part.made(self)
            if made is not None:
                made.reload()
        self.ui.actionForgetContentPacks.setEnabled(bool(extra_content))
        self.search.restart()
        place = self.history.current
        if place is None or kb.find(place.entry_id, place.release) is None:
            self.open_entry(HOME_ENTRY)

    # -- state ----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.settings
        geometry = cfg.read(s, cfg.WindowState.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = cfg.read(s, cfg.WindowState.STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = cfg.read(s, cfg.WindowState.SPLITTER)
        if splitter.isEmpty() or not self.ui.splitter.restoreState(splitter):
            self.layout_policy.default_splitter()
        last = cfg.read(s, cfg.WindowState.LAST_ENTRY)
        release = cfg.read(s, cfg.WindowState.LAST_RELEASE) or None
        if release not in self.kb.releases:
            release = None
        if not (last and self.open_entry(last, release)):
            self.open_entry(HOME_ENTRY)
        self.search.restore()
        self.layout_policy.fit_now()
        # Slow work (opening the search index, saving rendered pages, the event filters)
        # waits until the event loop has shown the window: two turns of the loop after the
        # window was built. No Python code sees an event before then: PySide's first event
        # wrapper makes the QEvent.Type enum (180 members, some 15 ms), and the first
        # viewport wrapper is as slow, so the first window paints without either.
        self._after_paint_done = False
        QTimer.singleShot(0, self._next_turn)

    def _next_turn(self) -> None:
        QTimer.singleShot(0, self._after_first_paint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window's palette changed (the desktop's theme): colours made from it again."""
        if watched is self and event.type() == event.Type.PaletteChange:
            self._recolour()
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        if self._after_paint_done:
            return
        self._after_paint_done = True
        self.installEventFilter(self)  # palette changes (see eventFilter)
        self.layout_policy.start_watching()  # window, splitter and tab resizes
        opener = MainWindow.bundles.made(self)
        if opener is not None:  # a bundle given at launch is being read: its verdict first
            opener.when_idle(self.search.start)
        else:
            self.search.start()
        self.navigation  # noqa: B018 (history menus, mouse buttons, context menus)
        save_render_cache()
        self.first_painted.emit()

    def save_state(self) -> None:
        s = self.settings
        cfg.write(s, cfg.WindowState.GEOMETRY, self.saveGeometry())
        cfg.write(s, cfg.WindowState.STATE, self.saveState())
        cfg.write(s, cfg.WindowState.SPLITTER, self.ui.splitter.saveState())
        self.search.save()
        save_render_cache()
        place = self.history.current
        if place:
            cfg.write(s, cfg.WindowState.LAST_ENTRY, place.entry_id)
            cfg.write(s, cfg.WindowState.LAST_RELEASE, place.release)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._cases is not None and not self._cases.maybe_close():
            event.ignore()
            return
        self.save_state()
        self.search.shutdown()
        super().closeEvent(event)

    # -- preferences and look ----------------------------------------------------------------
    def _apply_default_release(self) -> None:
        self.kb.prefer_release(cfg.read(self.settings, cfg.Prefs.DEFAULT_RELEASE) or None)

    def set_default_release(self, release: str) -> None:
        cfg.write(self.settings, cfg.Prefs.DEFAULT_RELEASE, release)
        self._apply_default_release()
        self.statusBar().showMessage(f"Default release: {self.kb.release().title}", 6000)

    def _on_theme_changed(self, _dark: bool) -> None:
        """Icons have light and dark variants; entry pages and result rows are re-coloured."""
        self._set_icons()
        self.layout_policy.refresh_icons()
        self._fill_contents()
        self._select_current_in_tree()
        self._recolour()

    def _recolour(self) -> None:
        from kvmhelpdesk.gui.theme import use_soft_selection

        self.reading.apply_colours()
        self.search.recolour()
        use_soft_selection(self.ui.resultsList)
        if self.search.delegate is not None:
            self.search.delegate.forget()
            self.ui.resultsList.viewport().update()
        self.rerender()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc that no field used: clear find and search highlights."""
        if event.key() == Qt.Key.Key_Escape and self.reading.clear_highlights():
            event.accept()
            return
        super().keyPressEvent(event)
