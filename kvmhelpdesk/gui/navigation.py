"""Getting around as in a browser: history drop-downs on Back/Forward, the mouse's back and
forward buttons everywhere in the window, and context menus on links, results and lists.

Set up after the first paint (none of it is needed to show the first entry).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QToolButton, QWidget

from kvmhelpdesk.gui.contents import PLACE_ROLE, entry_icon
from kvmhelpdesk.gui.history import Place

if TYPE_CHECKING:
    from kvmhelpdesk.gui.mainwindow import MainWindow

HISTORY_LIMIT = 15


def is_menu_key(event: QKeyEvent) -> bool:
    """The Menu key, or Shift+F10 (the other keyboard way to a context menu)."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return ((event.key() == Qt.Key.Key_Menu and mods == Qt.KeyboardModifier.NoModifier)
            or (event.key() == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier))


class Navigation(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        ui = window.ui
        self.back_menu = self._history_button(ui.actionBack, back=True)
        self.forward_menu = self._history_button(ui.actionForward, back=False)
        views: list[QAbstractItemView] = [ui.contentsTree, ui.resultsList, ui.indexList,
                                          ui.bookmarksList, ui.matrixTable]
        for widget in [*(v.viewport() for v in views), window.centralWidget(),
                       ui.mainToolBar, window.statusBar()]:
            widget.installEventFilter(self)
        for view in views:
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self._list_menu(v, pos))
        ui.entryView.customContextMenuRequested.connect(self._entry_menu)
        from kvmhelpdesk.gui.a11y import name_inner_parts

        name_inner_parts(ui.navTabs)  # the lists' header views
        # The keyboard's ways to the same menus (Qt on X11 maps neither Shift+F10 nor, in
        # every view, the Menu key to a context-menu event at the selected row).
        self.keyboard_menu_views: list[QWidget] = [*views, ui.entryView]
        for widget in self.keyboard_menu_views:
            widget.installEventFilter(self)

    # -- history drop-downs ------------------------------------------------------------------
    def _history_button(self, action: QAction, back: bool) -> QMenu:
        menu = QMenu(self.window)
        menu.setObjectName("backHistoryMenu" if back else "forwardHistoryMenu")
        menu.aboutToShow.connect(lambda: self.fill_history(menu, back))
        button = self.window.ui.mainToolBar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        return menu

    def fill_history(self, menu: QMenu, back: bool) -> None:
        menu.clear()
        history = self.window.history
        places = history.back_list() if back else history.forward_list()
        for position, place in places[:HISTORY_LIMIT]:
            entry = self.window.kb.find(place.entry_id, place.release)
            action = menu.addAction(entry.title if entry else place.entry_id)
            if entry is not None:
                action.setIcon(entry_icon(entry))
            action.triggered.connect(lambda _=False, p=position: self.window.go_to_history(p))
        if not places:
            menu.addAction("No history yet").setEnabled(False)

    # -- mouse back / forward buttons --------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and is_menu_key(event) and watched in self.keyboard_menu_views):
            self.keyboard_menu(watched)  # type: ignore[arg-type]
            return True
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.window.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.window.go_forward()
                return True
        return super().eventFilter(watched, event)

    # -- context menus -----------------------------------------------------------------------
    def keyboard_menu(self, widget: QWidget) -> None:
        """Shift+F10 or the Menu key: the right-click menu of the selected row (or, in the
        entry, of the link the keyboard is on), shown at that row or the text cursor."""
        ui = self.window.ui
        if widget is ui.entryView:
            view = ui.entryView
            cursor = view.textCursor()
            anchor = cursor.charFormat().anchorHref() if cursor.hasSelection() else ""
            pos = view.cursorRect(cursor).bottomLeft()
            if not view.viewport().rect().contains(pos):
                pos = view.viewport().rect().center()
            self._exec(self.entry_menu(anchor), view.viewport(), pos)
            return
        assert isinstance(widget, QAbstractItemView)
        index = widget.currentIndex()
        menu = self.list_menu(widget, index)
        if menu is not None:
            rect = widget.visualRect(index)
            self._exec(menu, widget.viewport(), rect.bottomLeft() + QPoint(rect.width() // 4, 0))

    def add_place_actions(self, menu: QMenu, place: Place, link: bool = False) -> None:
        """Open, Copy citation, Bookmark / Remove bookmark for one entry (for a link under
        the pointer the words say so, as the entry's own actions follow in the same menu)."""
        window = self.window
        menu.addAction("&Open link" if link else "&Open", lambda: window.open_place(place))
        entry = window.kb.find(place.entry_id, place.release)
        cite = menu.addAction("Copy &link's citation" if link else "Copy &citation",
                              lambda: window.reading.copy_citation(entry))
        cite.setEnabled(entry is not None)
        marked = window.bookmarks.contains(place)
        words = ("Remove link's &bookmark", "&Bookmark link") if link else \
            ("Remove &bookmark", "&Bookmark")
        menu.addAction(words[0] if marked else words[1], lambda: window.bookmarks.toggle(place))

    def place_of(self, view: QAbstractItemView, index: QModelIndex) -> Place | None:
        """The entry a row of any of the window's lists stands for."""
        if not index.isValid():
            return None
        ui = self.window.ui
        if view is ui.resultsList:
            from kvmhelpdesk.gui.search_panel import HIT_ROLE

            hit = index.data(HIT_ROLE)
            return Place(hit.release or self.window.kb.default_release, hit.id) if hit else None
        if view is ui.matrixTable:
            from kvmhelpdesk.gui.matrix import ENTRY_ROLE

            entry = index.siblingAtColumn(0).data(ENTRY_ROLE)
            return Place(entry.release, entry.id) if entry else None
        if view is ui.bookmarksList:
            from kvmhelpdesk.gui.bookmarks import PLACE_ROLE as BOOKMARK_ROLE
            from kvmhelpdesk.gui.bookmarks import key_place

            return key_place(index.data(BOOKMARK_ROLE) or "")
        place = index.data(PLACE_ROLE)  # contents tree and index: (release, entry id)
        return Place(*place) if place else None

    def _list_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if not index.isValid():
            index = view.currentIndex()  # the keyboard's menu key
        menu = self.list_menu(view, index)
        if menu is not None:
            self._exec(menu, view.viewport(), pos)

    def list_menu(self, view: QAbstractItemView, index: QModelIndex) -> QMenu | None:
        """Open, Copy citation, Bookmark for the entry of a list row (None: not an entry)."""
        place = self.place_of(view, index)
        if place is None:
            return None
        menu = QMenu(view)
        self.add_place_actions(menu, place)
        return menu

    def _entry_menu(self, pos: QPoint) -> None:
        view = self.window.ui.entryView
        self._exec(self.entry_menu(view.anchorAt(pos)), view.viewport(), pos)

    def entry_menu(self, anchor: str = "") -> QMenu:
        """The entry's context menu; a link under the pointer adds its own Open, Copy
        citation and Bookmark."""
        window, view = self.window, self.window.ui.entryView
        menu = QMenu(view)
        if anchor.startswith("entry:"):
            current = window.current_place()
            release = current.release if current else window.kb.default_release
            self.add_place_actions(menu, Place(release, QUrl(anchor).path()), link=True)
            menu.addSeparator()
        elif anchor:
            menu.addAction("Copy link &address",
                           lambda: QGuiApplication.clipboard().setText(anchor))
            menu.addSeparator()
        if view.textCursor().hasSelection():
            menu.addAction("&Copy", view.copy)
        menu.addAction("Select &all", view.selectAll)
        menu.addSeparator()
        ui = window.ui
        window.bookmarks.sync_toggle_action()
        for action in (ui.actionCopyEntry, ui.actionCopyCitation, ui.actionToggleBookmark,
                       ui.actionFind, ui.actionPrint, ui.actionExportEntryPdf):
            menu.addAction(action)
        menu.addSeparator()
        for action in (ui.actionBack, ui.actionForward):
            menu.addAction(action)
        return menu

    @staticmethod
    def _exec(menu: QMenu, widget: QWidget, pos: QPoint) -> None:
        menu.exec(widget.mapToGlobal(pos))
        menu.deleteLater()
