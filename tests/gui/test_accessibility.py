"""Screen readers and keyboards: every control has a name, Tab reaches everything in order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QTextEdit)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls (buttons, fields, lists, ...) a screen reader would announce without a name."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if (not isinstance(widget, CONTROLS) or widget.objectName().startswith("qt_")
                or widget.isHidden()):
            continue
        if (isinstance(widget.parent(), (QComboBox, QAbstractSpinBox, QLineEdit))
                or widget.window() is not root.window()):
            continue  # the inner parts of a composite control, a combo box's popup list
        if not accessible_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def unnamed_parts(root: QWidget) -> list[str]:
    """What `unnamed_controls` lets pass but a screen reader still visits: tab widgets,
    scroll areas, header views, selectable labels, an editable combo box's field."""
    from PySide6.QtWidgets import QAbstractScrollArea, QHeaderView, QLabel, QTabWidget

    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName().startswith("qt_") or widget.window() is not root.window():
            continue
        selectable = (isinstance(widget, QLabel) and widget.textInteractionFlags()
                      & Qt.TextInteractionFlag.TextSelectableByMouse)
        if not (isinstance(widget, (QTabWidget, QAbstractScrollArea, QHeaderView)) or selectable
                or (isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox))):
            continue
        if isinstance(widget, QAbstractItemView) and isinstance(widget.parent(), QWidget) \
                and widget.parent().objectName() == "" and not isinstance(widget, QHeaderView):
            continue  # a combo box's popup list
        own = widget.accessibleName()
        if not own or (selectable and own == widget.text()):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                           f"{widget.parent().objectName()!r}")
    return missing


def _build_everything(window) -> None:
    """Make the parts that are built on first use, so they are checked too."""
    window.reading.find()
    window.show_index()
    window.show_bookmarks()
    window.show_matrix()
    window.navigation  # noqa: B018


def test_every_control_in_the_main_window_has_a_name(window) -> None:
    _build_everything(window)
    assert unnamed_controls(window) == []
    assert unnamed_parts(window) == []
    assert window.ui.mainTabs.accessibleName() == "Entry and guest OS matrix"


def test_every_wizard_page_names_its_parts(wizard) -> None:
    """Tables' headers, the host page's scroll area and editable combos, the case file."""
    from kvmhelpdesk.gui.wizard.pages.guests import GuestsPage
    from kvmhelpdesk.gui.wizard.pages.host import HostPage
    from kvmhelpdesk.gui.wizard.pages.performance import PerformancePage
    from kvmhelpdesk.gui.wizard.pages.ticket import TicketPage

    host = wizard.page_of(HostPage).ui
    assert host.answersScroll.accessibleName() == "Host answers"
    assert host.osCombo.lineEdit().accessibleName() == host.osCombo.accessibleName() != ""
    assert host.archCombo.lineEdit().accessibleName() == host.archCombo.accessibleName() != ""
    assert wizard.page_of(TicketPage).ui.caseFileLabel.accessibleName() == "Case file"
    for page, table in ((GuestsPage, "guestTable"), (PerformancePage, "perfTable")):
        view = getattr(wizard.page_of(page).ui, table)
        name = view.horizontalHeader().accessibleName()
        assert name.endswith("column headers") and table not in name, name
    for page_class in (TicketPage, HostPage, GuestsPage, PerformancePage):
        assert unnamed_parts(wizard.page_of(page_class)) == [], page_class.__name__


def test_tabs_have_names_even_as_icons(window, qtbot) -> None:
    window.resize(683, 700)
    qtbot.waitUntil(lambda: window.width() == 683)
    bar: QTabBar = window.ui.navTabs.tabBar()
    for index in range(bar.count()):
        assert bar.accessibleTabName(index) or bar.tabText(index)


def test_dialogs_have_names(window) -> None:
    window.show_preferences()
    assert unnamed_controls(window.preferences) == []
    for dialog in (window.help.user_guide(), window.help.shortcuts()):
        assert unnamed_controls(dialog) == []
        dialog.close()
    window.preferences.close()


def test_status_is_announced_in_words(window) -> None:
    from kvmhelpdesk.gui.contents import find_entry_index

    index = find_entry_index(window.contents_model, "sles11-sp1", "feat-cpu-hotplug")
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "CPU hotplug, Unsupported"
    assert "Unsupported" in index.data(Qt.ItemDataRole.ToolTipRole)


def _tab_sequence(start: QWidget, presses: int = 30) -> list[QWidget]:
    from PySide6.QtTest import QTest

    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        if widget is None:
            break
        if not seen or seen[-1] is not widget:
            seen.append(widget)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        QApplication.processEvents()
    return seen


def _in_order(sequence: list[QWidget], expected: list[QWidget]) -> bool:
    positions = [sequence.index(w) if w in sequence else -1 for w in expected]
    return -1 not in positions and positions == sorted(positions)


@pytest.mark.parametrize("nav_page", ["contents", "results", "index", "bookmarks"])
def test_tab_order_on_each_navigation_page(window, qtbot, nav_page) -> None:
    ui = window.ui
    window.open_entry("feat-ksm")
    window.bookmarks.toggle()
    pages = {"contents": (ui.contentsTab, [ui.contentsTree]),
             "results": (ui.resultsTab, [ui.resultsList]),
             "index": (ui.indexTab, [ui.indexFilter, ui.indexList]),
             "bookmarks": (ui.bookmarksTab, [ui.bookmarksList, ui.removeBookmarkButton])}
    page, controls = pages[nav_page]
    ui.navTabs.setCurrentWidget(page)
    window.activateWindow()
    sequence = _tab_sequence(window.search.field)
    expected = [window.search.field, ui.navTabs.tabBar(), *controls, ui.mainTabs.tabBar(),
                ui.entryView]
    assert _in_order(sequence, expected), [w.objectName() for w in sequence]


def test_tab_order_on_the_matrix_page(window) -> None:
    ui = window.ui
    window.show_matrix()
    sequence = _tab_sequence(window.search.field)
    expected = [window.search.field, ui.mainTabs.tabBar(), ui.matrixFilter,
                ui.matrixStatusFilter, ui.matrixTable]
    assert _in_order(sequence, expected), [w.objectName() for w in sequence]


def test_tab_order_in_the_find_bar_and_preferences(window) -> None:
    window.reading.find()
    bar = window.reading.find_bar.ui
    sequence = _tab_sequence(bar.findField, 12)
    assert _in_order(sequence, [bar.findField, bar.caseBox, bar.closeButton])
    window.show_preferences()
    ui = window.preferences.ui
    sequence = _tab_sequence(ui.fontSizeBox, 12)
    assert _in_order(sequence, [ui.fontSizeBox, ui.themeBox, ui.releaseBox,
                                ui.clearIndexButton, ui.clearContentButton,
                                ui.defaultsButton])
    window.preferences.close()


def test_whole_app_from_the_keyboard(window, qtbot) -> None:
    """Search, open, find, bookmark, go back: no mouse."""
    from kvmhelpdesk.gui import settings as cfg

    window.search.start()
    qtbot.waitUntil(lambda: window.search.engine is not None, timeout=60000)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.search.results_shown, timeout=10000):
        qtbot.keyClicks(window.search.field, "ksm")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_place().entry_id == "feat-ksm"
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert cfg.read(window.settings, cfg.Reading.BOOKMARKS) == ["sles11-sp1/feat-ksm"]
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.contentsTree.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_place().entry_id == "art-overview"


def test_verdict_banner_and_findings_are_described(wizard) -> None:
    from kvmhelpdesk.gui.wizard.pages.verdict import VerdictPage
    from kvmhelpdesk.gui.wizard.wizard import VERDICT

    wizard.go_to(VERDICT)
    page = wizard.page_of(VerdictPage)
    assert page.ui.banner.accessibleDescription().startswith("Verdict: ")
    assert page.ui.findingsView.accessibleDescription().startswith("Verdict ")
    assert unnamed_controls(page) == []
