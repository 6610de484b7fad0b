"""The main window as a user drives it: tree, links, back/forward, matrix, remembered state."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from kvmhelpdesk.gui.contents import PLACE_ROLE, find_entry_index
from kvmhelpdesk.gui.history import History, Place
from kvmhelpdesk.gui.matrix import STATUS_COLUMN


def test_opens_on_the_overview(window) -> None:
    assert window.current_place().entry_id == "art-overview"
    assert "0.12.5" in window.ui.entryView.toPlainText() or window.ui.entryView.toPlainText()


def test_tree_has_sections_and_kind_icons(window) -> None:
    model = window.contents_model
    headings = [model.item(r).text() for r in range(model.rowCount())]
    assert "Appendix A" in headings and "Supported Limits" in headings
    index = find_entry_index(model, "sles11-sp1", "mon-savevm")
    assert index.isValid()
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()


def test_navigate_by_tree(window, qtbot) -> None:
    index = find_entry_index(window.contents_model, "sles11-sp1", "limit-guest-vcpus")
    window.ui.contentsTree.setCurrentIndex(index)
    window.ui.contentsTree.activated.emit(index)
    assert window.current_place().entry_id == "limit-guest-vcpus"
    assert "16" in window.ui.entryView.toPlainText()
    assert index.data(PLACE_ROLE) == ("sles11-sp1", "limit-guest-vcpus")


def test_navigate_by_link_then_back_and_forward(window, qtbot) -> None:
    window.open_entry("os-win2k8")
    html = window.ui.entryView.toHtml()
    assert 'href="entry:art-paravirt-drivers"' in html
    window.ui.entryView.anchorClicked.emit(QUrl("entry:art-paravirt-drivers"))
    assert window.current_place().entry_id == "art-paravirt-drivers"
    assert window.ui.actionBack.isEnabled() and not window.ui.actionForward.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_place().entry_id == "os-win2k8"
    assert window.ui.actionForward.isEnabled()
    window.ui.actionForward.trigger()
    assert window.current_place().entry_id == "art-paravirt-drivers"


def test_external_link_is_not_opened(window) -> None:
    window.ui.entryView.anchorClicked.emit(QUrl("https://example.com/"))
    assert "not opened" in window.statusBar().currentMessage()
    assert window.current_place().entry_id == "art-overview"


def test_unknown_entry_is_a_message(window) -> None:
    assert window.open_entry("os-nothing") is False
    assert "os-nothing" in window.statusBar().currentMessage()


def test_matrix_filters_and_sorts(window) -> None:
    window.show_matrix()
    proxy = window.matrix_proxy
    assert proxy.rowCount() == 12
    window.ui.matrixFilter.setText("windows")
    assert proxy.rowCount() == 5
    assert window.ui.matrixCount.text() == "5 of 12 rows"
    window.ui.matrixFilter.setText("")
    status_box = window.ui.matrixStatusFilter
    status_box.setCurrentIndex(status_box.findData("tech-preview"))
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data() == "SLED11 SP1"
    status_box.setCurrentIndex(0)
    window.ui.matrixTable.sortByColumn(STATUS_COLUMN, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, STATUS_COLUMN).data() == "Tech preview"  # worst first
    status_cell = proxy.index(0, STATUS_COLUMN)
    assert not status_cell.data(Qt.ItemDataRole.DecorationRole).isNull()  # icon and word


def test_matrix_row_opens_entry(window) -> None:
    window.show_matrix()
    window.ui.matrixFilter.setText("2K8")
    window.ui.matrixTable.doubleClicked.emit(window.matrix_proxy.index(0, 0))
    assert window.current_place().entry_id == "os-win2k8"


def test_state_is_remembered(qtbot, settings) -> None:
    from kvmhelpdesk.gui.app import create_window

    first = create_window(settings=settings)
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.open_entry("feat-ksm")
    first.close()
    second = create_window(settings=settings)
    qtbot.addWidget(second)
    assert second.current_place().entry_id == "feat-ksm"
    assert second.size().width() == 700


def test_mangled_settings_fall_back(qtbot, settings) -> None:
    from kvmhelpdesk.gui.app import create_window

    settings.setValue("window/geometry", "garbage")
    settings.setValue("session/last_entry", "no-such-entry")
    win = create_window(settings=settings)
    qtbot.addWidget(win)
    assert win.current_place().entry_id == "art-overview"


def test_history_logic() -> None:
    history = History()
    a, b, c = (Place("r", x) for x in "abc")
    history.visit(a)
    history.visit(b)
    history.visit(b)
    assert history.back() == a and history.forward() == b
    history.back()
    history.visit(c)
    assert not history.can_go_forward() and history.back() == a


def test_load_and_forget_a_content_pack(window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from kvmhelpdesk.gui import settings as cfg
    from tests.helpers.content import LIMITS_TOML, make_release

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    broken = make_release(tmp_path / "broken", limits=LIMITS_TOML.replace("value = 32", "x"))
    assert window.load_content_pack(str(broken)) is False
    assert warnings and "limits.toml" in warnings[0]
    assert "test-rel" not in window.kb.releases

    pack = make_release(tmp_path / "pack")
    assert window.load_content_pack(str(pack)) is True
    assert "test-rel" in window.kb.releases
    assert window.ui.actionForgetContentPacks.isEnabled()
    assert cfg.read(window.settings, cfg.Prefs.EXTRA_CONTENT) == [str(pack)]
    assert window.open_entry("limit-guest-vcpus", "test-rel")
    assert "32" in window.ui.entryView.toPlainText()

    window.ui.actionForgetContentPacks.trigger()
    assert list(window.kb.releases) == ["sles11-sp1"]
    assert cfg.read(window.settings, cfg.Prefs.EXTRA_CONTENT) == []
    assert window.current_place().release == "sles11-sp1"


def test_tree_shows_each_entry_status(window) -> None:
    from PySide6.QtGui import QIcon

    from kvmhelpdesk.gui.contents import entry_icon

    def icon_key(entry_id: str) -> int:
        index = find_entry_index(window.contents_model, "sles11-sp1", entry_id)
        icon: QIcon = index.data(Qt.ItemDataRole.DecorationRole)
        return icon.cacheKey()

    hotplug = window.kb.get("feat-cpu-hotplug")
    ksm = window.kb.get("feat-ksm")
    assert hotplug.status == "unsupported" and ksm.status == "supported"
    assert entry_icon(hotplug).cacheKey() != entry_icon(ksm).cacheKey()
    assert icon_key("feat-cpu-hotplug") == entry_icon(hotplug).cacheKey()
    assert icon_key("feat-ksm") == entry_icon(ksm).cacheKey()
    index = find_entry_index(window.contents_model, "sles11-sp1", "feat-ksm")
    assert "Supported" in index.data(Qt.ItemDataRole.ToolTipRole)
