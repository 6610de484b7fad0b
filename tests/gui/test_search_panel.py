"""Search in the app: type, see results, open one with the matched words highlighted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kvmhelpdesk.gui.search_panel import HIT_ROLE, KIND_FILTERS


def ready(window, qtbot):
    panel = window.search
    if panel.engine is None:
        with qtbot.waitSignal(panel.ready, timeout=60000):
            pass
    return panel


def type_query(window, qtbot, text: str):
    panel = ready(window, qtbot)
    panel.field.clear()
    with qtbot.waitSignal(panel.results_shown, timeout=20000):
        qtbot.keyClicks(panel.field, text)
    return panel


def test_typing_shows_results_and_enter_opens_with_highlight(window, qtbot) -> None:
    panel = type_query(window, qtbot, "savevm")
    assert window.ui.navTabs.currentIndex() == 1
    first = panel.model.index(0, 0).data(HIT_ROLE)
    assert first.id == "mon-savevm"
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert window.current_place().entry_id == "mon-savevm"
    assert "savevm" in [t.lower() for t in window.highlight]
    assert "#fff176" in window.ui.entryView.toHtml()


def test_double_click_opens_entry(window, qtbot) -> None:
    panel = type_query(window, qtbot, "qcow2")
    index = panel.model.index(0, 0)
    window.ui.resultsList.doubleClicked.emit(index)
    assert window.current_place().entry_id == index.data(HIT_ROLE).id


def test_kind_filter_is_one_click(window, qtbot) -> None:
    panel = type_query(window, qtbot, "cpu")
    number = next(i for i, (kind, _) in enumerate(KIND_FILTERS) if kind == "monitor-command")
    with qtbot.waitSignal(panel.results_shown, timeout=20000):
        panel.kind_buttons.button(number).click()
    kinds = {panel.model.index(r, 0).data(HIT_ROLE).kind for r in range(panel.model.rowCount())}
    assert kinds == {"monitor-command"}


def test_did_you_mean_link(window, qtbot) -> None:
    panel = type_query(window, qtbot, "ballon")
    label = window.ui.suggestionLabel.text()
    assert "Did you mean" in label and "balloon" in label
    with qtbot.waitSignal(panel.results_shown, timeout=20000):
        window.ui.suggestionLabel.linkActivated.emit("s")
    assert panel.field.text() == "balloon"


def test_escape_clears_and_shortcut_focuses(window, qtbot) -> None:
    panel = type_query(window, qtbot, "numa")
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert panel.field.text() == "" and panel.model.rowCount() == 0
    window.ui.entryView.setFocus()
    window.ui.actionFocusSearch.trigger()
    assert panel.field.hasFocus() or window.focusWidget() is panel.field


def test_hostile_query_does_not_break_the_panel(window, qtbot) -> None:
    panel = type_query(window, qtbot, 'AND OR "( title:*')
    assert panel.last_result is not None


def test_last_query_comes_back(qtbot, settings) -> None:
    from kvmhelpdesk.gui.app import create_window

    first = create_window(settings=settings)
    qtbot.addWidget(first)
    first.search.field.setText("migration")
    first.close()
    second = create_window(settings=settings)
    qtbot.addWidget(second)
    assert second.search.field.text() == "migration"
    second.search.shutdown()


def test_out_of_statement_query_shows_the_notice_first(window, qtbot) -> None:
    panel = type_query(window, qtbot, "Windows Server 2012")
    assert panel.notice_bar.isVisible()
    assert panel.notice_bar.text.text().startswith("Not in the SLES 11 SP1 statement:")
    layout = window.ui.resultsLayout
    assert layout.indexOf(panel.notice_bar) < layout.indexOf(window.ui.resultsList)
    assert panel.model.rowCount()  # the closest rows are still listed, under the notice
    panel.field.clear()
    type_query(window, qtbot, "Windows Server 2008 R2")
    assert not panel.notice_bar.isVisible()


def test_count_tells_the_truth_and_show_all_loads_the_rest(window, qtbot) -> None:
    from kvmhelpdesk.gui.search_panel import LIMIT

    panel = type_query(window, qtbot, "guest")
    total = panel.last_result.total
    assert total > LIMIT == panel.model.rowCount()
    label = window.ui.suggestionLabel.text()
    assert f"{LIMIT} of {total} matching entries" in label and 'href="all"' in label
    with qtbot.waitSignal(panel.results_shown, timeout=20000):
        window.ui.suggestionLabel.linkActivated.emit("all")
    assert panel.model.rowCount() == total
    assert window.ui.suggestionLabel.text() == f"{total} matching entries"
    panel.field.clear()
    type_query(window, qtbot, "guest memory")  # a new query starts short again
    assert panel.model.rowCount() == LIMIT


def test_the_count_fits_one_line_of_a_683_px_window(window, qtbot) -> None:
    from PySide6.QtGui import QTextDocument

    window.resize(683, 700)
    qtbot.waitUntil(lambda: window.width() == 683)
    panel = type_query(window, qtbot, "guest")
    label = window.ui.suggestionLabel
    assert not panel.last_result.complete
    qtbot.waitUntil(lambda: label.isVisible() and label.width() > 0)
    document = QTextDocument()
    document.setHtml(label.text())
    plain = document.toPlainText()
    assert plain.startswith(f"{panel.model.rowCount()} of ") and plain.endswith("Show all")
    assert label.fontMetrics().horizontalAdvance(plain) <= label.contentsRect().width()
    panel.field.clear()


def test_status_filter(window, qtbot) -> None:
    panel = type_query(window, qtbot, "cpu")
    combo = panel.filters.status_combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == ["Any status", "Supported", "Best effort", "Tech preview", "Unsupported",
                     "No status"]
    for status in ("unsupported", "none"):
        with qtbot.waitSignal(panel.results_shown, timeout=20000):
            combo.setCurrentIndex(combo.findData(status))
        found = {panel.model.index(r, 0).data(HIT_ROLE).status
                 for r in range(panel.model.rowCount())}
        assert found == {None if status == "none" else status}


@pytest.mark.parametrize("width, height", [(640, 440), (683, 700), (900, 700), (1366, 768)])
def test_search_panel_layout_at_common_sizes(window, qtbot, width, height) -> None:
    window.resize(width, height)
    panel = type_query(window, qtbot, "Windows Server 2012")
    qtbot.waitUntil(lambda: window.width() == width)
    QApplication.processEvents()
    filters, tab = panel.filters, window.ui.resultsTab
    for button in panel.kind_buttons.buttons():
        assert button.isVisible()
        # a label is never elided: the button has the width its text and icon need
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.geometry().right() <= filters.width(), button.text()
    combo = filters.status_combo
    assert combo.isVisible() and combo.width() >= combo.sizeHint().width()
    assert combo.mapTo(tab, combo.rect().bottomRight()).x() <= tab.width()
    # the filters get the height their wrapped lines need, and nothing overlaps below them
    assert filters.height() >= filters.heightForWidth(filters.width())
    notice = panel.notice_bar
    assert notice.geometry().top() >= filters.geometry().bottom()
    # one line: the headline, with the whole text behind Details and in the tooltip
    line = notice.headline.fontMetrics().height()
    assert notice.isVisible() and notice.height() <= 2 * line + 8
    assert notice.headline.toolTip() == notice.text.text() and not notice.text.isVisible()
    assert notice.geometry().right() <= tab.width()
    results = window.ui.resultsList
    assert results.geometry().top() >= notice.geometry().bottom()
    assert results.width() >= 240 and results.height() >= (100 if height < 500 else 200)
    notice.details_button.click()  # opened: the whole text, wrapped, still above the list
    QApplication.processEvents()
    assert notice.text.isVisible() and not notice.headline.isVisible()
    assert notice.text.height() >= notice.text.heightForWidth(notice.text.width())
    assert notice.details.height() >= 3 * line  # readable; scrolls beyond a few lines
    assert notice.geometry().top() >= filters.geometry().bottom()
    assert results.geometry().top() >= notice.geometry().bottom()
    notice.details_button.click()
    # the result pane and the entry pane sit side by side without overlapping
    nav, main = window.ui.navTabs, window.ui.mainTabs
    assert nav.geometry().right() < main.geometry().left()
