"""The Index tab: every entry title and alias from A to Z, as in Qt Assistant's Index.

Typing narrows the list to the names that contain the text and selects the first that starts
with it; Enter opens it. Leading dashes are ignored when sorting, so `-drive` files under D.
Built when the tab is first shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel

from kvmhelpdesk.gui.history import Place
from kvmhelpdesk.kb import KnowledgeBase

if TYPE_CHECKING:
    from kvmhelpdesk.gui.mainwindow import MainWindow

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1  # (release, entry id)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def sort_key(name: str) -> str:
    return name.lstrip("-_. ").casefold()


def index_rows(kb: KnowledgeBase) -> list[tuple[str, str, str, str]]:
    """(shown text, sort key, release, entry id) for every title and alias, sorted."""
    many = len(kb.releases) > 1
    rows: dict[tuple[str, str, str], tuple[str, str, str, str]] = {}
    for release in kb.releases.values():
        suffix = f" ({release.id})" if many else ""
        for entry in release.entries.values():
            names = [(entry.title, entry.title + suffix)]
            names += [(alias, f"{alias} — {entry.title}{suffix}") for alias in entry.aliases
                      if alias.casefold() != entry.title.casefold()]
            for name, shown in names:
                key = (shown.casefold(), release.id, entry.id)
                rows.setdefault(key, (shown, sort_key(name), release.id, entry.id))
    return sorted(rows.values(), key=lambda r: (r[1], r[0]))


class IndexFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


class IndexPanel(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        ui = window.ui
        self.model = QStandardItemModel(self)
        self.proxy = IndexFilter(self)
        self.proxy.setSourceModel(self.model)
        ui.indexList.setModel(self.proxy)
        self.fill()
        ui.indexFilter.textChanged.connect(self._on_filter)
        ui.indexFilter.returnPressed.connect(self.open_current)
        ui.indexFilter.installEventFilter(self)
        ui.indexList.activated.connect(self._open_index)
        ui.indexList.clicked.connect(self._open_index)

    def reload(self) -> None:
        self.fill()

    def fill(self) -> None:
        """(Re)build from the current knowledge base (also after a content pack change)."""
        self.model.clear()
        root = self.model.invisibleRootItem()
        items = []
        for shown, key, release, entry_id in index_rows(self.window.kb):
            item = QStandardItem(shown)
            item.setEditable(False)
            item.setData((release, entry_id), PLACE_ROLE)
            item.setData(key, SORT_ROLE)
            items.append(item)
        for item in items:
            root.appendRow(item)
        self._on_filter(self.window.ui.indexFilter.text())

    def count(self) -> int:
        return self.proxy.rowCount()

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        view = self.window.ui.indexList
        wanted = sort_key(text.strip())
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if not wanted or str(index.data(SORT_ROLE)).startswith(wanted):
                view.setCurrentIndex(index)
                view.scrollTo(index, view.ScrollHint.PositionAtTop)
                return
        if self.proxy.rowCount():
            view.setCurrentIndex(self.proxy.index(0, 0))

    def open_current(self) -> None:
        self._open_index(self.window.ui.indexList.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        place = index.data(PLACE_ROLE) if index.isValid() else None
        if place:
            self.window.open_place(Place(*place))

    def place_at(self, index: QModelIndex) -> Place | None:
        place = index.data(PLACE_ROLE) if index.isValid() else None
        return Place(*place) if place else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            view = self.window.ui.indexList
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown,
                               Qt.Key.Key_PageUp):
                view.setFocus()
                QCoreApplication.sendEvent(view, QKeyEvent(event.type(), event.key(),
                                                           event.modifiers()))
                return True
        return super().eventFilter(watched, event)
