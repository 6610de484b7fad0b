"""How the main window fits any size from its minimum to a full screen.

Below COMPACT_WIDTH the toolbar shows icons only and the search field takes what is left, so
the field never moves into the toolbar's overflow menu (where Ctrl+K would type into nothing).
The navigation pane keeps its width when the window grows (the entry gets the space) and is
narrowed to at most NAV_SHARE of a small window, never below its minimum. In a compact window
the guest matrix gets the whole width: the navigation pane steps aside while the matrix tab is
shown and comes back with the entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSizePolicy

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

    from kvmhelpdesk.gui.mainwindow import MainWindow

MINIMUM_SIZE = QSize(640, 440)  # a third of a 1920 screen; everything still fits
COMPACT_WIDTH = 1000  # below this the toolbar shows icons only
SEARCH_MIN_WIDTH = 180
NAV_SHARE = 0.40
NAV_DEFAULT = 330
NAV_TAB_ICONS = ("section", "search", "index", "bookmark")  # shown alone when text won't fit
TAB_PADDING = 30  # a tab's frame and margins around its text, in pixels


class WindowLayout(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.compact: bool | None = None
        self.icon_tabs = False
        # The navigation pane's width as the user last chose it (or the default): narrowed to
        # fit a small window, it comes back to this when the window is widened again.
        self.nav_wanted: int | None = None
        ui = window.ui
        ui.splitter.splitterMoved.connect(self._on_splitter_moved)
        self.tab_texts = [ui.navTabs.tabText(i) for i in range(ui.navTabs.count())]
        window.setMinimumSize(MINIMUM_SIZE)
        ui.splitter.setStretchFactor(0, 0)
        ui.splitter.setStretchFactor(1, 1)
        ui.mainTabs.setMinimumWidth(320)
        ui.mainTabs.currentChanged.connect(lambda _index: self._place_nav_pane())

    def fit_now(self) -> None:
        """The window as built (its restored size): before it is shown, with no event."""
        ui = self.window.ui
        self.adapt(self.window.width())
        nav = ui.splitter.sizes()[0] if ui.splitter.count() else 0
        if nav > 0:
            self._fit_tabs(nav)

    def start_watching(self) -> None:
        """Follow resizes from now on (after the first paint: see MainWindow._restore_state),
        catching up with any the window had until then."""
        ui = self.window.ui
        for widget in (self.window, ui.splitter, ui.navTabs):
            widget.installEventFilter(self)
        self.adapt(self.window.width())
        self._fit_panes(ui.splitter.width())
        self._fit_tabs(ui.navTabs.width())

    def place_search_field(self) -> None:
        """The search field takes the rest of the toolbar (as a browser's address bar does),
        never less than a usable width."""
        field = self.window.search.field
        field.setMinimumWidth(SEARCH_MIN_WIDTH)
        field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def adapt(self, width: int) -> None:
        """Called on every window resize; acts only when the width crosses the threshold."""
        compact = width < COMPACT_WIDTH
        if compact != self.compact:
            self.compact = compact
            style = (Qt.ToolButtonStyle.ToolButtonIconOnly if compact
                     else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.window.ui.mainToolBar.setToolButtonStyle(style)
            self._place_nav_pane()

    def _place_nav_pane(self) -> None:
        ui = self.window.ui
        wide_table = bool(self.compact) and ui.mainTabs.currentWidget() is ui.matrixTab
        hidden = ui.navTabs.isHidden()
        ui.navTabs.setHidden(wide_table)
        if hidden and not wide_table:  # back beside the entry: at its wanted width again
            self._fit_panes(ui.splitter.width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Imported here: an event class imported at start-up makes PySide build the
        # QEvent.Type enum (180 members, some 8-15 ms) before the first paint.
        from PySide6.QtGui import QResizeEvent

        if isinstance(event, QResizeEvent):
            if watched is self.window:
                self.adapt(event.size().width())
            elif watched is self.window.ui.splitter:
                self._fit_panes(event.size().width())
            elif watched is self.window.ui.navTabs:
                self._fit_tabs(event.size().width())
        return super().eventFilter(watched, event)

    def _fit_tabs(self, width: int) -> None:
        """Icons instead of words on the navigation tabs when the words do not fit."""
        metrics = self.window.ui.navTabs.tabBar().fontMetrics()
        needed = sum(metrics.horizontalAdvance(t) + TAB_PADDING for t in self.tab_texts)
        icons = width < needed
        if icons != self.icon_tabs:
            self.icon_tabs = icons
            self.refresh_icons()

    def refresh_icons(self) -> None:
        """Words or icons on the navigation tabs (again after a theme change)."""
        from kvmhelpdesk.gui.icons import icon

        icons = self.icon_tabs
        tabs = self.window.ui.navTabs
        bar = tabs.tabBar()
        for index, (text, name) in enumerate(zip(self.tab_texts, NAV_TAB_ICONS, strict=True)):
            plain = text.replace("&", "")
            tabs.setTabText(index, "" if icons else text)
            tabs.setTabIcon(index, icon(name) if icons else QIcon())
            bar.setAccessibleTabName(index, plain)
            if icons:
                tabs.setTabToolTip(index, tabs.tabToolTip(index) or plain)

    def _on_splitter_moved(self, position: int, _index: int) -> None:
        if not self.window.ui.navTabs.isHidden():
            self.nav_wanted = position  # the user dragged the handle: their width from now on

    def _fit_panes(self, width: int) -> None:
        """The navigation pane takes at most its share of a small window, and its wanted
        width again when there is room (before the splitter lays out its new width, so it
        never shows the panes squeezed first)."""
        ui = self.window.ui
        splitter = ui.splitter
        sizes = splitter.sizes()
        total = width - splitter.handleWidth()
        if len(sizes) != 2 or total <= 0 or ui.navTabs.isHidden():
            return
        if self.nav_wanted is None and sizes[0] > 0:
            self.nav_wanted = sizes[0]  # as restored from the last session
        limit = max(ui.navTabs.minimumWidth(), int(total * NAV_SHARE))
        nav = min(self.nav_wanted or NAV_DEFAULT, limit)
        if sizes[0] != nav and (sizes[0] > limit or sizes[0] < nav or sum(sizes) != total):
            splitter.setSizes([nav, total - nav])

    def default_splitter(self) -> None:
        width = self.window.width()
        nav = min(NAV_DEFAULT, max(self.window.ui.navTabs.minimumWidth(), int(width * 0.3)))
        self.nav_wanted = NAV_DEFAULT
        self.window.ui.splitter.setSizes([nav, max(1, width - nav)])
