"""The main window at half a laptop screen, a small window and a full one: geometry checks.

683x700 is half of a 1366x768 laptop; the search field must stay visible (never in the
toolbar's overflow menu) and take Ctrl+K, panes must not overlap, nothing may be squeezed
below a usable width.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QToolButton, QWidget

from kvmhelpdesk.gui.layout import MINIMUM_SIZE, SEARCH_MIN_WIDTH

SIZES = [(683, 700), (900, 700), (1366, 768)]


def _rect(widget: QWidget, window: QWidget) -> QRect:
    """The widget's rectangle in window coordinates."""
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _sized(window, qtbot, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    qtbot.wait(10)  # let the layouts settle


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_search_field_is_visible_and_takes_ctrl_k(window, qtbot, width, height) -> None:
    _sized(window, qtbot, width, height)
    field = window.search.field
    toolbar = window.ui.mainToolBar
    assert field.isVisible() and field.width() >= SEARCH_MIN_WIDTH
    assert _rect(toolbar, window).contains(_rect(field, window))
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()  # nothing in the overflow menu
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if button is not None and button is not field and button.isVisible():
            assert not _rect(button, window).intersects(_rect(field, window))
    window.ui.contentsTree.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert field.hasFocus()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_panes_split_sanely(window, qtbot, width, height) -> None:
    _sized(window, qtbot, width, height)
    nav, main = _rect(window.ui.navTabs, window), _rect(window.ui.mainTabs, window)
    central = _rect(window.centralWidget(), window)
    assert nav.right() < main.left()  # side by side, no overlap
    assert central.contains(nav) and central.contains(main)
    assert nav.width() >= window.ui.navTabs.minimumWidth()
    assert main.width() >= 320 and main.width() > nav.width()
    assert nav.width() <= 0.42 * central.width() or nav.width() <= 330
    view = _rect(window.ui.entryView, window)
    assert view.width() >= 300 and view.height() >= 300
    status = _rect(window.statusBar(), window)
    assert not status.intersects(main) and status.bottom() <= height


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_navigation_tabs_fit(window, qtbot, width, height) -> None:
    _sized(window, qtbot, width, height)
    bar = window.ui.navTabs.tabBar()
    last = bar.tabRect(bar.count() - 1)
    assert last.right() <= bar.width()  # every tab shows, no scroll arrows needed
    for index, name in enumerate(("Contents", "Results", "Index", "Bookmarks")):
        assert bar.accessibleTabName(index) == name or bar.tabText(index) == name
        assert bar.tabText(index) or not bar.tabIcon(index).isNull()


def test_compact_toolbar_below_a_thousand_pixels(window, qtbot) -> None:
    _sized(window, qtbot, 900, 700)
    assert window.ui.mainToolBar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    _sized(window, qtbot, 1366, 768)
    assert (window.ui.mainToolBar.toolButtonStyle()
            == Qt.ToolButtonStyle.ToolButtonTextBesideIcon)


def test_minimum_size_keeps_everything_apart(window, qtbot) -> None:
    assert window.minimumSize() == MINIMUM_SIZE
    window.resize(400, 300)
    qtbot.wait(10)
    assert window.width() >= MINIMUM_SIZE.width() and window.height() >= MINIMUM_SIZE.height()
    _sized(window, qtbot, MINIMUM_SIZE.width(), MINIMUM_SIZE.height())
    nav, main = _rect(window.ui.navTabs, window), _rect(window.ui.mainTabs, window)
    assert nav.right() < main.left() and window.search.field.isVisible()


def test_matrix_shows_every_column_at_the_default_size(window, qtbot) -> None:
    from kvmhelpdesk.gui.matrix import COLUMNS, NOTES_COLUMN, PV_COLUMN

    _sized(window, qtbot, 1180, 760)  # the window's default size (ui/mainwindow.ui)
    window.show_matrix()
    qtbot.wait(10)
    table = window.ui.matrixTable
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width() + 1  # no horizontal scrolling
    assert not table.horizontalScrollBar().isVisible()
    viewport = table.viewport().rect()
    for column in (PV_COLUMN, NOTES_COLUMN):
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + 80 <= viewport.width(), COLUMNS[column]
    rows = sum(table.rowHeight(r) for r in range(table.model().rowCount()))
    assert rows <= table.viewport().height()  # all twelve rows without scrolling either


def test_matrix_never_shows_blank_cell_as_a_value(window) -> None:
    window.show_matrix()
    model = window.matrix.model
    cells = [model.index(r, c).data() for r in range(model.rowCount())
             for c in range(model.columnCount())]
    assert not any("blank" in (cell or "").lower() for cell in cells)
    from kvmhelpdesk.gui.matrix import BLANK_TIP, VIRT_COLUMN

    rhel5 = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "RHEL 5.x")
    assert model.index(rhel5, VIRT_COLUMN).data() == "—"
    assert model.index(rhel5, VIRT_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == BLANK_TIP


def test_matrix_takes_the_whole_width_of_a_compact_window(window, qtbot) -> None:
    _sized(window, qtbot, 683, 700)
    window.show_matrix()
    assert not window.ui.navTabs.isVisible()
    qtbot.waitUntil(lambda: window.ui.mainTabs.width() >= 683 - 20)
    window.open_entry("os-win7")
    assert window.ui.navTabs.isVisible()
    _sized(window, qtbot, 1366, 768)
    window.show_matrix()
    assert window.ui.navTabs.isVisible()


def test_navigation_pane_widens_again(window, qtbot) -> None:
    """Narrowed to fit half a screen, the pane comes back to its width on a full one."""
    _sized(window, qtbot, 1366, 768)
    wide = window.ui.navTabs.width()
    assert wide >= 300
    _sized(window, qtbot, 683, 700)
    assert window.ui.navTabs.width() <= 0.42 * window.centralWidget().width()
    _sized(window, qtbot, 1366, 768)
    assert abs(window.ui.navTabs.width() - wide) <= 2
    # A width the user dragged to is the one kept.
    splitter = window.ui.splitter
    splitter.moveSplitter(420, 1)
    qtbot.wait(10)
    dragged = window.ui.navTabs.width()
    _sized(window, qtbot, 683, 700)
    _sized(window, qtbot, 1366, 768)
    assert abs(window.ui.navTabs.width() - dragged) <= 2
    window.show_matrix()  # the compact window's matrix hides the pane; it comes back
    _sized(window, qtbot, 683, 700)
    window.show_entry_tab()
    _sized(window, qtbot, 1366, 768)
    assert abs(window.ui.navTabs.width() - dragged) <= 2
    _sized(window, qtbot, 683, 700)
    window.show_matrix()  # widened while the matrix hid the pane: back at its width
    _sized(window, qtbot, 1366, 768)
    qtbot.waitUntil(lambda: window.ui.navTabs.isVisible())
    qtbot.wait(10)
    assert abs(window.ui.navTabs.width() - dragged) <= 2


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_matrix_wraps_notes_instead_of_scrolling_sideways(window, qtbot, width, height) -> None:
    from kvmhelpdesk.gui.matrix import COLUMNS, NOTES_COLUMN

    _sized(window, qtbot, width, height)
    window.show_matrix()
    qtbot.wait(10)
    table = window.ui.matrixTable
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width() + 1, [
        (c, header.sectionSize(i)) for i, c in enumerate(COLUMNS)]
    assert table.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(NOTES_COLUMN) >= 140
    from kvmhelpdesk.gui.matrix import MAX_ROW_LINES

    rows = table.verticalHeader()
    cap = rows.maximumSectionSize()
    assert cap >= MAX_ROW_LINES * table.fontMetrics().lineSpacing()
    for row in range(table.model().rowCount()):  # as tall as the wrapped text, up to the cap
        assert table.rowHeight(row) >= min(table.sizeHintForRow(row), cap) - 1
    assert any(table.rowHeight(row) > rows.minimumSectionSize()
               for row in range(table.model().rowCount())) or width > 1000
