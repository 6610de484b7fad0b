"""Search in the app: type, see results, open one with the matched words highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
