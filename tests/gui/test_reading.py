"""Reading an entry: find in it, zoom, clean copies, citation, print preview, PDF, Esc."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kvmhelpdesk.gui import settings as cfg


def test_find_counts_steps_and_wraps(window, qtbot) -> None:
    window.open_entry("os-win2k8")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.reading.find_bar
    assert bar is not None and bar.isVisible()
    assert bar.ui.findField.hasFocus()
    qtbot.keyClicks(bar.ui.findField, "virtio")
    count = window.ui.entryView.match_count()
    assert count >= 3
    assert bar.ui.countLabel.text() == f"1 of {count}"
    qtbot.keyClick(bar.ui.findField, Qt.Key.Key_Return)
    assert bar.ui.countLabel.text() == f"2 of {count}"
    window.ui.actionFindPrevious.trigger()
    window.ui.actionFindPrevious.trigger()
    assert bar.ui.countLabel.text() == f"{count} of {count}"  # wraps around
    selections = window.ui.entryView.extraSelections()
    assert len(selections) == count


def test_find_reports_no_match_and_follows_the_entry(window, qtbot) -> None:
    window.reading.find()
    bar = window.reading.find_bar
    bar.ui.findField.setText("no-such-word-anywhere")
    assert bar.ui.countLabel.text() == "No matches"
    bar.ui.findField.setText("kvm-clock")
    window.open_entry("os-sles11-sp1")
    assert window.ui.entryView.match_count() > 0  # searched again in the new entry


def test_esc_closes_find_and_clears_search_highlights(window, qtbot) -> None:
    window.open_entry("feat-ksm", highlight=["samepage"])
    assert "background-color" in window.ui.entryView.toHtml()
    window.reading.find()
    assert not window.highlight  # the find marks replace the search's marks
    window.open_entry("feat-ksm", highlight=["samepage"])
    bar = window.reading.find_bar
    bar.ui.findField.setText("merging")
    qtbot.keyClick(bar.ui.findField, Qt.Key.Key_Escape)
    assert not bar.isVisible() and not window.ui.entryView.extraSelections()
    window.ui.entryView.setFocus()
    qtbot.keyClick(window.ui.entryView, Qt.Key.Key_Escape)
    assert window.highlight == ()
    assert "#fff176" not in window.ui.entryView.toHtml()


def test_zoom_steps_and_is_remembered(qtbot, settings) -> None:
    from kvmhelpdesk.gui.app import create_window

    first = create_window(settings=settings)
    qtbot.addWidget(first)
    view = first.ui.entryView
    base = view.font().pointSizeF()
    first.ui.actionZoomIn.trigger()
    first.ui.actionZoomIn.trigger()
    assert view.zoom == 125 and view.font().pointSizeF() > base
    assert cfg.read(settings, cfg.Reading.ZOOM) == 125
    first.ui.actionZoomOut.trigger()
    assert view.zoom == 110
    first.close()
    second = create_window(settings=settings)
    qtbot.addWidget(second)
    assert second.ui.entryView.zoom == 110
    second.ui.actionZoomReset.trigger()
    assert second.ui.entryView.zoom == 100
    assert abs(second.ui.entryView.font().pointSizeF() - QGuiApplication.font().pointSizeF()) < .1


def test_zoom_shortcuts(window, qtbot) -> None:
    keys = [k.toString() for k in window.ui.actionZoomIn.shortcuts()]
    assert "Ctrl++" in keys and "Ctrl+=" in keys
    assert window.ui.actionZoomOut.shortcut().toString() == "Ctrl+-"
    assert window.ui.actionZoomReset.shortcut().toString() == "Ctrl+0"


def test_copy_gives_clean_text(window, qtbot) -> None:
    window.open_entry("opt-machine")
    view = window.ui.entryView
    text = window.reading.copy_entry()
    assert "\ufffc" not in text and "\u00a0" not in text
    assert text.startswith("-M (machine type)\n")  # no object character before the title
    assert "Supported values: pc, pc-0.12" in text  # a table row stays one line
    assert QGuiApplication.clipboard().text() == text
    view.selectAll()
    view.copy()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("-M (machine type)") and "\ufffc" not in copied


def test_copied_lists_keep_markers(window) -> None:
    window.open_entry("feat-live-migration")
    text = window.ui.entryView.plain_text()
    assert "\n- Source and target hosts are essentially the same type of machine." in text


def test_copy_citation_is_one_line(window) -> None:
    window.open_entry("limit-guest-vcpus")
    window.ui.actionCopyCitation.trigger()
    line = QGuiApplication.clipboard().text()
    assert "\n" not in line
    for part in ("Virtual CPUs per guest: 16", "Supported", "Supported Limits", "sles11-sp1",
                 "limit-guest-vcpus"):
        assert part in line


def test_print_preview_renders_pages(window, qtbot) -> None:
    from kvmhelpdesk.gui.printing import preview_dialog, print_document
    from kvmhelpdesk.kb.render import entry_html

    entry = window.kb.get("os-win2k8")
    document = print_document(entry_html(entry, window.kb), entry.title)
    assert document.pageCount() >= 1
    dialog = preview_dialog(window, document, entry.title)
    painted: list[object] = []
    dialog.paintRequested.connect(painted.append)
    dialog.open()
    qtbot.waitUntil(lambda: bool(painted))
    dialog.close()
    assert "Windows Server 2008" in dialog.windowTitle()


def test_ctrl_p_opens_the_preview(window, monkeypatch) -> None:
    from kvmhelpdesk.gui import printing

    shown: list[str] = []
    monkeypatch.setattr(printing, "preview", lambda _parent, doc, title: shown.append(title))
    window.open_entry("feat-ksm")
    assert window.ui.actionPrint.shortcut().toString() == "Ctrl+P"
    window.ui.actionPrint.trigger()
    assert shown == [window.kb.get("feat-ksm").title]


def test_export_entry_as_pdf(window, tmp_path: Path) -> None:
    window.open_entry("os-win2k8")
    target = tmp_path / "entry.pdf"
    assert window.reading.export_pdf(str(target)) is True
    assert target.read_bytes().startswith(b"%PDF")
    assert "entry.pdf" in window.statusBar().currentMessage()


def test_export_entry_pdf_failure_is_a_message(window, tmp_path: Path, dialogs) -> None:
    assert window.reading.export_pdf(str(tmp_path / "missing" / "entry.pdf")) is False
    assert dialogs.shown and "not written" in dialogs.shown[0][1]


def test_print_document_has_icons_and_light_colours(qapp) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from kvmhelpdesk.gui.printing import print_document

    html = '<p><img src="status-supported.svg" width="16"> Supported</p><p class="source">x</p>'
    document = print_document(html, "Title")
    image = document.resource(QTextDocument.ResourceType.ImageResource,
                              QUrl("status-supported.svg"))
    assert image is not None and not image.isNull()
    assert ".source" in document.defaultStyleSheet()


def test_print_preview_of_a_verdict_report(wizard, window, monkeypatch) -> None:
    from kvmhelpdesk.gui import printing

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(printing, "preview",
                        lambda _parent, doc, title: shown.append((title, doc.toPlainText())))
    assert window.ui.actionPrintReport.isEnabled()
    window.ui.actionPrintReport.trigger()
    assert shown and shown[0][0].startswith("Support check")
    assert "Verdict" in shown[0][1] or "verdict" in shown[0][1].lower()
    ctrl_p = [a for a in wizard.actions() if a.shortcut().toString() == "Ctrl+P"]
    assert ctrl_p  # Ctrl+P in the wizard window prints the report
    ctrl_p[0].trigger()
    assert len(shown) == 2


def test_entry_pdf_and_print_keep_no_dead_entry_links(window, tmp_path: Path) -> None:
    """`entry:` links lead nowhere on paper or in a PDF: their words stay, as plain text."""
    window.open_entry("os-win2k8")  # links to paravirtual drivers, timekeeping, ...
    assert 'href="entry:' in window.ui.entryView.toHtml()
    target = tmp_path / "entry.pdf"
    assert window.reading.export_pdf(str(target)) is True
    data = target.read_bytes()
    assert b"entry:" not in data and b"/URI" not in data
    document = window.reading._document(window.current_entry())
    assert "entry:" not in document.toHtml()
    assert "Paravirtualized drivers" in document.toPlainText()  # the link's words are kept
