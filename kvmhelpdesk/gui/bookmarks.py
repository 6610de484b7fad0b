"""Bookmarks: Ctrl+D adds or removes the current entry; a Bookmarks menu and a panel list them.

Stored as "release/entry id" strings in the user's order (drag to reorder in the panel).
A bookmark whose entry is not in the loaded content (a content pack was forgotten) stays in
the list, greyed out, so nothing is lost. Made on first use: start-up reads no bookmarks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QListWidgetItem

from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui.contents import entry_icon
from kvmhelpdesk.gui.history import Place
from kvmhelpdesk.gui.icons import icon

if TYPE_CHECKING:
    from kvmhelpdesk.gui.mainwindow import MainWindow

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
MENU_LIMIT = 40  # more than this: the panel lists them all


def place_key(place: Place) -> str:
    return f"{place.release}/{place.entry_id}"


def key_place(key: str) -> Place | None:
    release, sep, entry_id = key.partition("/")
    return Place(release, entry_id) if sep and release and entry_id else None


class Bookmarks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._panel_built = False
        self._menu_actions: list[QAction] = []
        ui = window.ui
        ui.bookmarksList.itemActivated.connect(self._open_item)
        ui.bookmarksList.model().rowsMoved.connect(self._save_panel_order)
        ui.bookmarksList.installEventFilter(self)
        ui.removeBookmarkButton.clicked.connect(self._remove_selected)

    # -- the list --------------------------------------------------------------------------
    def places(self) -> list[Place]:
        stored = cfg.read(self.window.settings, cfg.Reading.BOOKMARKS)
        places = [key_place(k) for k in stored]
        return list(dict.fromkeys(p for p in places if p is not None))

    def _store(self, places: list[Place]) -> None:
        cfg.write(self.window.settings, cfg.Reading.BOOKMARKS, [place_key(p) for p in places])
        self.refresh()

    def contains(self, place: Place | None) -> bool:
        return place is not None and place in self.places()

    def add(self, place: Place) -> None:
        if not self.contains(place):
            self._store([*self.places(), place])

    def remove(self, place: Place) -> None:
        self._store([p for p in self.places() if p != place])

    def toggle(self, place: Place | None = None) -> bool | None:
        """Ctrl+D: bookmark the current entry, or remove its bookmark; the new state."""
        place = place or self.window.current_place()
        if place is None:
            return None
        entry = self.window.kb.find(place.entry_id, place.release)
        title = entry.title if entry else place.entry_id
        if self.contains(place):
            self.remove(place)
            self.window.statusBar().showMessage(f"Bookmark removed: {title}", 4000)
            added = False
        else:
            self.add(place)
            self.window.statusBar().showMessage(f"Bookmarked: {title} (Ctrl+B lists them)",
                                                4000)
            added = True
        self.sync_toggle_action()
        return added

    def sync_toggle_action(self) -> None:
        """The toggle says what it will do for the entry on screen: add or remove."""
        action = self.window.ui.actionToggleBookmark
        place = self.window.current_place()
        marked = self.contains(place)
        action.setChecked(marked)
        action.setEnabled(place is not None)
        action.setText("&Remove bookmark" if marked else "&Add bookmark")
        action.setToolTip("Remove the entry from your bookmarks (Ctrl+D)" if marked else
                          "Add the entry to your bookmarks (Ctrl+D)")

    # -- the menu --------------------------------------------------------------------------
    def fill_menu(self) -> None:
        """Rebuilt each time the Bookmarks menu opens."""
        ui = self.window.ui
        menu = ui.menuBookmarks
        for action in self._menu_actions:
            menu.removeAction(action)
            action.deleteLater()
        self._menu_actions = []
        self.sync_toggle_action()
        # The list below its own separator (the menu's actions above it), made here so it
        # never depends on what the form left at the end of the menu.
        separator = QAction(menu)
        separator.setSeparator(True)
        menu.addAction(separator)
        self._menu_actions.append(separator)
        places = self.places()
        for place in places[:MENU_LIMIT]:
            action = QAction(self._title(place), menu)
            entry = self.window.kb.find(place.entry_id, place.release)
            action.setIcon(entry_icon(entry) if entry else icon("status-none"))
            action.setEnabled(entry is not None)
            action.triggered.connect(lambda _=False, p=place: self.window.open_place(p))
            menu.addAction(action)
            self._menu_actions.append(action)
        if not places:
            empty = QAction("No bookmarks yet: Ctrl+D bookmarks the entry you are reading", menu)
            empty.setEnabled(False)
            menu.addAction(empty)
            self._menu_actions.append(empty)
        elif len(places) > MENU_LIMIT:
            more = QAction(f"All {len(places)} bookmarks…", menu)
            more.triggered.connect(self.window.show_bookmarks)
            menu.addAction(more)
            self._menu_actions.append(more)

    def _title(self, place: Place) -> str:
        entry = self.window.kb.find(place.entry_id, place.release)
        if entry is None:
            return f"{place.entry_id} (not in the loaded content)"
        many = len(self.window.kb.releases) > 1
        return f"{entry.title} ({place.release})" if many else entry.title

    # -- the panel -------------------------------------------------------------------------
    def build_panel(self) -> None:
        self._panel_built = True
        self.refresh()

    def reload(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if not self._panel_built:
            return
        view = self.window.ui.bookmarksList
        current = view.currentItem().data(PLACE_ROLE) if view.currentItem() else None
        view.clear()
        for place in self.places():
            entry = self.window.kb.find(place.entry_id, place.release)
            item = QListWidgetItem(entry_icon(entry) if entry else icon("status-none"),
                                   self._title(place))
            item.setData(PLACE_ROLE, place_key(place))
            item.setToolTip(f"{place.release}/{place.entry_id}")
            if entry is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            view.addItem(item)
            if place_key(place) == current:
                view.setCurrentItem(item)
        if view.currentItem() is None and view.count():
            view.setCurrentRow(0)
        self.window.ui.removeBookmarkButton.setEnabled(view.count() > 0)

    def _open_item(self, item: QListWidgetItem) -> None:
        place = key_place(item.data(PLACE_ROLE) or "")
        if place is not None:
            self.window.open_place(place)

    def _remove_selected(self) -> None:
        item = self.window.ui.bookmarksList.currentItem()
        place = key_place(item.data(PLACE_ROLE) or "") if item else None
        if place is not None:
            self.remove(place)

    def _save_panel_order(self, *_: object) -> None:
        view = self.window.ui.bookmarksList
        keys = [view.item(row).data(PLACE_ROLE) for row in range(view.count())]
        cfg.write(self.window.settings, cfg.Reading.BOOKMARKS, keys)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            self._remove_selected()
            return True
        return super().eventFilter(watched, event)
