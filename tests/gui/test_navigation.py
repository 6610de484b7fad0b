"""Getting around: bookmarks, history drop-downs, mouse buttons, context menus, the index."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolButton

from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui.history import Place
from kvmhelpdesk.gui.index_panel import index_rows, sort_key

RELEASE = "sles11-sp1"


def _texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_ctrl_d_adds_and_removes_a_bookmark(window, qtbot) -> None:
    window.open_entry("feat-ksm")
    assert window.ui.actionToggleBookmark.shortcut().toString() == "Ctrl+D"
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert cfg.read(window.settings, cfg.Reading.BOOKMARKS) == [f"{RELEASE}/feat-ksm"]
    assert "Bookmarked" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert cfg.read(window.settings, cfg.Reading.BOOKMARKS) == []


def test_bookmarks_menu_and_panel(window, qtbot) -> None:
    for entry_id in ("feat-ksm", "os-win7"):
        window.open_entry(entry_id)
        window.bookmarks.toggle()
    menu = window.ui.menuBookmarks
    menu.aboutToShow.emit()
    titles = _texts(menu)
    assert "Kernel samepage merging (KSM)" in titles[2:]
    assert window.ui.actionToggleBookmark.isChecked()  # the current entry is bookmarked
    entry_action = next(a for a in menu.actions() if a.text() == "Kernel samepage merging (KSM)")
    entry_action.trigger()
    assert window.current_place().entry_id == "feat-ksm"
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    panel = window.ui.bookmarksList
    assert window.ui.navTabs.currentWidget() is window.ui.bookmarksTab and panel.count() == 2
    panel.setCurrentRow(1)
    panel.itemActivated.emit(panel.item(1))
    assert window.current_place().entry_id == "os-win7"
    qtbot.keyClick(panel, Qt.Key.Key_Delete)
    assert panel.count() == 1
    assert cfg.read(window.settings, cfg.Reading.BOOKMARKS) == [f"{RELEASE}/feat-ksm"]


def test_bookmarks_are_remembered_and_missing_ones_kept(qtbot, settings) -> None:
    from kvmhelpdesk.gui.app import create_window

    cfg.write(settings, cfg.Reading.BOOKMARKS, ["other-release/x", f"{RELEASE}/feat-ksm", "junk"])
    window = create_window(settings=settings)
    qtbot.addWidget(window)
    assert window.bookmarks.places() == [Place("other-release", "x"), Place(RELEASE, "feat-ksm")]
    window.show_bookmarks()
    panel = window.ui.bookmarksList
    assert panel.count() == 2
    assert not panel.item(0).flags() & Qt.ItemFlag.ItemIsEnabled  # kept, greyed out
    assert "not in the loaded content" in panel.item(0).text()


def test_empty_bookmarks_menu_says_how(window) -> None:
    window.ui.menuBookmarks.aboutToShow.emit()
    assert any("Ctrl+D" in t for t in _texts(window.ui.menuBookmarks))


def test_history_drop_downs(window) -> None:
    for entry_id in ("feat-ksm", "os-win7", "limit-guest-vcpus"):
        window.open_entry(entry_id)
    nav = window.navigation
    button = window.ui.mainToolBar.widgetForAction(window.ui.actionBack)
    assert isinstance(button, QToolButton) and button.menu() is nav.back_menu
    nav.back_menu.aboutToShow.emit()
    titles = _texts(nav.back_menu)
    assert titles[0] == "Windows 7 as a KVM guest"  # nearest first
    assert titles[-1].startswith("Overview")
    nav.back_menu.actions()[1].trigger()  # two steps back
    assert window.current_place().entry_id == "feat-ksm"
    nav.forward_menu.aboutToShow.emit()
    assert _texts(nav.forward_menu) == ["Windows 7 as a KVM guest", "Virtual CPUs per guest: 16"]
    nav.forward_menu.actions()[1].trigger()
    assert window.current_place().entry_id == "limit-guest-vcpus"


def _mouse(widget, button: Qt.MouseButton) -> None:
    point = QPointF(10, 10)
    for kind in (QMouseEvent.Type.MouseButtonPress, QMouseEvent.Type.MouseButtonRelease):
        event = QMouseEvent(kind, point, widget.mapToGlobal(point), button, button,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)


def test_mouse_back_and_forward_buttons(window) -> None:
    window.open_entry("feat-ksm")
    window.open_entry("os-win7")
    _mouse(window.ui.entryView.viewport(), Qt.MouseButton.BackButton)
    assert window.current_place().entry_id == "feat-ksm"
    _mouse(window.ui.entryView.viewport(), Qt.MouseButton.ForwardButton)
    assert window.current_place().entry_id == "os-win7"
    window.navigation  # noqa: B018 (set up after the first paint)
    _mouse(window.ui.contentsTree.viewport(), Qt.MouseButton.BackButton)
    assert window.current_place().entry_id == "feat-ksm"


def test_context_menu_on_a_link(window) -> None:
    window.open_entry("os-win2k8")
    menu = window.navigation.entry_menu("entry:art-paravirt-drivers")
    assert _texts(menu)[:3] == ["Open link", "Copy link's citation", "Bookmark link"]
    menu.actions()[1].trigger()
    assert "art-paravirt-drivers" in QGuiApplication.clipboard().text()
    menu.actions()[2].trigger()
    assert window.bookmarks.contains(Place(RELEASE, "art-paravirt-drivers"))
    menu.actions()[0].trigger()
    assert window.current_place().entry_id == "art-paravirt-drivers"
    plain = _texts(window.navigation.entry_menu(""))
    assert "Copy citation" in plain and "Find in entry…" in plain and "Print entry…" in plain


def test_context_menus_on_lists(window, qtbot) -> None:
    nav = window.navigation
    tree = window.ui.contentsTree
    from kvmhelpdesk.gui.contents import find_entry_index

    index = find_entry_index(window.contents_model, RELEASE, "feat-cpu-hotplug")
    menu = nav.list_menu(tree, index)
    assert _texts(menu) == ["Open", "Copy citation", "Bookmark"]
    menu.actions()[0].trigger()
    assert window.current_place().entry_id == "feat-cpu-hotplug"
    assert nav.list_menu(tree, window.contents_model.index(0, 0)) is None  # a section
    window.show_matrix()
    row = window.matrix_proxy.index(0, 3)
    assert nav.place_of(window.ui.matrixTable, row) == Place(RELEASE, "os-sles11-sp1")


def test_context_menu_on_a_search_result(window, qtbot) -> None:
    window.search.start()
    qtbot.waitUntil(lambda: window.search.engine is not None, timeout=60000)
    with qtbot.waitSignal(window.search.results_shown, timeout=10000):
        window.search.set_query("ksm")
    view = window.ui.resultsList
    menu = window.navigation.list_menu(view, view.model().index(0, 0))
    assert menu is not None and _texts(menu)[0] == "Open"
    menu.actions()[1].trigger()
    assert "entry feat-ksm" in QGuiApplication.clipboard().text()


def test_index_lists_titles_and_aliases_alphabetically(window) -> None:
    rows = index_rows(window.kb)
    keys = [key for _shown, key, _release, _id in rows]
    assert keys == sorted(keys)
    shown = [r[0] for r in rows]
    assert "Kernel samepage merging (KSM)" in shown
    assert any(s.startswith("KSM — ") for s in shown)  # an alias, with its entry
    assert sort_key("-drive (guest disk)") == "drive (guest disk)"
    titles = {e.title for e in window.kb.entries()}
    assert titles <= set(shown)


def test_index_tab_filters_and_opens(window, qtbot) -> None:
    assert window.index_panel.count() > len(window.kb.entries())  # built on demand
    qtbot.keyClick(window, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.ui.navTabs.currentWidget() is window.ui.indexTab
    assert window.ui.indexFilter.hasFocus()
    qtbot.keyClicks(window.ui.indexFilter, "savevm")
    assert window.ui.indexList.currentIndex().data().startswith("savevm")
    qtbot.keyClick(window.ui.indexFilter, Qt.Key.Key_Return)
    assert window.current_place().entry_id == "mon-savevm"
    qtbot.keyClick(window.ui.indexFilter, Qt.Key.Key_Down)
    assert window.ui.indexList.hasFocus()


def test_parts_are_built_on_first_use(qtbot, settings) -> None:
    from kvmhelpdesk.gui.app import create_window
    from kvmhelpdesk.gui.mainwindow import MainWindow

    window = create_window(settings=settings)
    qtbot.addWidget(window)
    for part in (MainWindow.bookmarks, MainWindow.index_panel, MainWindow.matrix,
                 MainWindow.help, MainWindow.preferences):
        assert part.made(window) is None
    assert window.ui.indexList.model() is None
    window.ui.navTabs.setCurrentWidget(window.ui.indexTab)
    assert MainWindow.index_panel.made(window) is not None
    assert window.ui.bookmarksList.count() == 0


def test_keyboard_opens_the_context_menus(window, qtbot, monkeypatch) -> None:
    """Shift+F10 and the Menu key open the menu right-click opens: results, entry, bookmarks."""
    from kvmhelpdesk.gui.navigation import Navigation

    shown: list[tuple[list[str], object]] = []
    monkeypatch.setattr(Navigation, "_exec",
                        staticmethod(lambda menu, widget, _pos: shown.append((_texts(menu),
                                                                             widget))))
    nav = window.navigation
    window.search.start()
    qtbot.waitUntil(lambda: window.search.engine is not None, timeout=60000)
    with qtbot.waitSignal(window.search.results_shown, timeout=10000):
        window.search.set_query("ksm")
    results = window.ui.resultsList
    results.setCurrentIndex(results.model().index(0, 0))
    qtbot.keyClick(results, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert shown[-1] == (["Open", "Copy citation", "Bookmark"], results.viewport())
    qtbot.keyClick(results, Qt.Key.Key_Menu)
    assert len(shown) == 2
    window.open_entry("feat-ksm")
    qtbot.keyClick(window.ui.entryView, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert "Copy citation" in shown[-1][0] and shown[-1][1] is window.ui.entryView.viewport()
    window.bookmarks.toggle()
    window.show_bookmarks()
    qtbot.keyClick(window.ui.bookmarksList, Qt.Key.Key_Menu)
    assert shown[-1][0] == ["Open", "Copy citation", "Remove bookmark"]
    assert nav is window.navigation and len(shown) == 4
    qtbot.keyClick(results, Qt.Key.Key_F10)  # F10 alone is not the menu key
    assert len(shown) == 4


def test_bookmark_toggle_says_what_it_does(window) -> None:
    menu = window.ui.menuBookmarks
    window.open_entry("feat-ksm")
    menu.aboutToShow.emit()
    action = window.ui.actionToggleBookmark
    assert action.text().replace("&", "") == "Add bookmark"
    window.bookmarks.toggle()
    assert action.text().replace("&", "") == "Remove bookmark"
    window.open_entry("os-win7")
    menu.aboutToShow.emit()
    assert action.text().replace("&", "") == "Add bookmark"
    actions = menu.actions()
    # Add/Remove and Show bookmarks, then a separator, then the list.
    assert [a.isSeparator() for a in actions[:3]] == [False, False, True]
    assert actions[3].text() == "Kernel samepage merging (KSM)"
