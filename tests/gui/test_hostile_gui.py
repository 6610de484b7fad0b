"""Issue 12 in the app: read-only case files are asked about, case text is never markup, a
remembered broken or blocking pack never stops the start, imports run off the GUI thread."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

CASE = {"format": "kvmhelpdesk-case", "version": 1, "title": "kept",
        "guests": [{"name": "web01", "os": "SLES 11 SP1", "vcpus": 2}]}


def test_saving_over_a_read_only_case_asks_first(window, dialogs, tmp_path: Path) -> None:
    path = tmp_path / "kept.json"
    path.write_text(json.dumps(CASE), encoding="utf-8")
    path.chmod(0o444)
    cases = window.cases
    assert cases.open_case(str(path))
    cases.wizard.currentPage().ui.titleEdit.setText("changed")
    dialogs.answer = QMessageBox.StandardButton.No
    assert cases.save_case() is False
    assert "read-only" in dialogs.shown[-1][1]
    assert json.loads(path.read_text())["title"] == "kept" and cases.dirty
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert cases.save_case() is True
    assert json.loads(path.read_text())["title"] == "changed"
    assert path.stat().st_mode & 0o777 == 0o444  # still read-only, as the user left it


def test_case_text_in_labels_is_plain_text(window, dialogs, tmp_path: Path) -> None:
    """A case's release is shown in the guests page's summary: as text, never as markup."""
    from PySide6.QtCore import Qt

    from kvmhelpdesk.gui.wizard.wizard import GUESTS, TICKET

    injected = "<font size=7 color=red>INJECTED</font><img src='/etc/passwd'>"
    path = tmp_path / "case.json"
    path.write_text(json.dumps({**CASE, "release": injected}), encoding="utf-8")
    assert window.cases.open_case(str(path))
    wizard = window.cases.wizard
    wizard.go_to(GUESTS)
    label = wizard.currentPage().ui.summaryLabel
    assert injected in label.text()
    assert label.textFormat() == Qt.TextFormat.PlainText
    wizard.go_to(TICKET)
    page = wizard.currentPage()
    for shown in (page.ui.caseFileLabel, page.ui.releaseInfo):
        assert shown.textFormat() == Qt.TextFormat.PlainText


def test_a_slow_analysis_never_blocks_the_window(window, dialogs, qtbot, monkeypatch) -> None:
    """The analyzer runs on the background runner: events are handled while it works."""
    import threading

    from PySide6.QtCore import QTimer

    from kvmhelpdesk.gui.wizard import import_page

    gate = threading.Event()
    real = import_page.ANALYZERS["cmdline"]

    def held(text, kb, release):  # stands for a paste that takes long to analyze
        assert gate.wait(30)
        return real(text, kb, release)

    monkeypatch.setitem(import_page.ANALYZERS, "cmdline", held)
    window.cases.import_input()
    page = window.cases.wizard.currentPage()
    page.set_text("qemu-kvm -name big -m 512")
    page.analyze()
    assert page.busy and not page.ui.busyBar.isHidden()
    assert not page.ui.analyzeButton.isEnabled()
    handled: list[bool] = []
    QTimer.singleShot(0, lambda: handled.append(page.busy))
    qtbot.waitUntil(lambda: bool(handled))  # the GUI thread is free while the analyzer works
    assert handled == [True]
    gate.set()
    qtbot.waitUntil(lambda: not page.busy)
    assert page.analysis is not None and page.analysis.guests[0]["name"] == "big"
    assert page.ui.busyBar.isHidden() and page.ui.analyzeButton.isEnabled()


def test_tooltips_of_customer_values_are_not_markup(window, dialogs, qtbot) -> None:
    window.cases.import_input()
    page = window.cases.wizard.currentPage()
    page.set_text("qemu-kvm -name x -append '<img src=/etc/passwd>' -m 1")
    page.analyze()
    qtbot.waitUntil(lambda: page.analysis is not None)
    table = page.ui.optionTable
    tips = [table.item(r, 1).toolTip() for r in range(table.rowCount())]
    assert any("&lt;img src=/etc/passwd&gt;" in t for t in tips)
    assert not any("<img" in t for t in tips)


def test_remembered_broken_packs_never_stop_the_start(qtbot, settings, tmp_path: Path) -> None:
    """Deep nesting, a FIFO content file, non-table synonyms: the window opens, says what was
    left out, and File > Forget content packs is there to drop them."""
    import os

    from kvmhelpdesk.gui import settings as cfg
    from kvmhelpdesk.gui.app import create_window
    from tests.helpers.content import make_release

    deep = make_release(tmp_path / "deep", limits="x = " + "[" * 5000 + "]" * 5000 + "\n")
    synonyms = make_release(tmp_path / "syn", extra={"thesaurus.toml": "synonyms = 5\n"})
    packs = [str(deep), str(synonyms)]
    if hasattr(os, "mkfifo"):
        fifo = make_release(tmp_path / "fifo", limits=None)
        os.mkfifo(fifo / "limits.toml")
        packs.append(str(fifo))
    cfg.write(settings, cfg.Prefs.EXTRA_CONTENT, packs)
    window = create_window(settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert len(window.kb.problems) == len(packs)
    assert "Content pack left out" in window.statusBar().currentMessage()
    forget = window.ui.actionForgetContentPacks
    assert forget.isEnabled()
    forget.trigger()
    assert cfg.read(settings, cfg.Prefs.EXTRA_CONTENT) == []


def test_exporting_over_a_read_only_report_asks_first(window, dialogs, tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE), encoding="utf-8")
    assert window.cases.open_case(str(path))
    report = tmp_path / "report.md"
    report.write_text("keep")
    report.chmod(0o444)
    dialogs.answer = QMessageBox.StandardButton.No
    assert window.cases.export_report(str(report), "markdown") is False
    assert report.read_text() == "keep" and "read-only" in dialogs.shown[-1][1]
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert window.cases.export_report(str(report), "markdown") is True
    assert report.read_text().startswith("# KVM support check")
    device = tmp_path / "null.md"
    device.symlink_to("/dev/null")
    assert window.cases.export_report(str(device), "markdown") is False
    assert "character device" in dialogs.shown[-1][1]


CONTROLS = "\u202eevil\x1b[2J\x07\x9b\n"  # bidi override, ESC, BEL, a C1 control, a newline


def _no_controls(text: str) -> bool:
    import re

    return re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text) is None


def test_case_text_in_titles_and_labels_shows_controls_as_escapes(window, dialogs,
                                                                  tmp_path: Path) -> None:
    """A ticket title or guest name with U+202E or ESC must not reorder or garble the title
    bar, a label or a table: each control is shown as its escape, the text stays readable."""
    from PySide6.QtWidgets import QLabel

    from kvmhelpdesk.gui.wizard.wizard import GUESTS, TICKET

    case = {**CASE, "title": f"Ticket {CONTROLS}",
            "guests": [{"name": f"web{CONTROLS}", "os": "SLES 11 SP1", "vcpus": 2}]}
    path = tmp_path / f"case{CONTROLS.strip()}.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    assert window.cases.open_case(str(path))
    wizard = window.cases.wizard
    title = wizard.windowTitle()
    assert _no_controls(title) and "Ticket \\u202eevil\\x1b[2J\\x07\\x9b\\n" in title
    assert _no_controls(window.statusBar().currentMessage())
    wizard.go_to(TICKET)
    assert _no_controls(wizard.currentPage().ui.caseFileLabel.text())
    wizard.go_to(GUESTS)
    page = wizard.currentPage()
    assert page.ui.guestTable.item(0, 0).text() == "web\\u202eevil\\x1b[2J\\x07\\x9b\\n"
    editor = page.edit_guest(0)
    assert _no_controls(editor.windowTitle()) and "web\\u202eevil" in editor.windowTitle()
    editor.reject()
    labels = [label.text() for label in wizard.findChildren(QLabel)]
    assert all(_no_controls(text.replace("\n", "")) for text in labels)
    # The case itself keeps the customer's text exactly.
    assert wizard.case["title"] == f"Ticket {CONTROLS}"
