"""The triage wizard as an engineer walks it: ticket, host, a guest, verdict, save, reopen,
export; plus the live feedback and the answers' round trip."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from kvmhelpdesk.gui.wizard.answers import MISSING
from kvmhelpdesk.gui.wizard.pages.guests import GuestsPage
from kvmhelpdesk.gui.wizard.pages.host import HostPage
from kvmhelpdesk.gui.wizard.pages.ticket import TicketPage
from kvmhelpdesk.gui.wizard.pages.verdict import VerdictPage
from kvmhelpdesk.gui.wizard.wizard import GUESTS, HOST, PAGES, PERFORMANCE, TICKET, VERDICT
from tests.helpers.wizard import fill_guest, fill_host, pick, press_ok, type_into


def test_pages_are_listed_once_in_order(wizard) -> None:
    assert [wizard.page(i).__class__ for i in range(len(PAGES))] == list(PAGES)
    assert wizard.currentId() == TICKET
    assert wizard.isVisible() and not wizard.isModal()


def test_walk_to_verdict_save_reopen_export(window, wizard, qtbot, tmp_path: Path) -> None:
    ticket = wizard.currentPage()
    qtbot.keyClicks(ticket.ui.titleEdit, "SR 10742 ACME")
    wizard.next()
    assert wizard.currentId() == HOST
    host = wizard.currentPage()
    fill_host(qtbot, host)
    feedback = [host.ui.feedbackList.item(i).text() for i in range(host.ui.feedbackList.count())]
    assert any("x86_64 is supported" in line for line in feedback)
    wizard.next()

    guests = wizard.currentPage()
    editor = guests.add_guest()
    assert editor.isVisible()
    type_into(qtbot, editor.ui.osEdit, "Windows Server 2008 R2")
    os_line = editor.ui.osFeedback.text()
    assert "Win 2K8+" in os_line and "Best effort" in os_line
    assert 'href="entry:os-win2k8"' in os_line

    type_into(qtbot, editor.ui.vcpusEdit, "17")  # marked at once, with the reason
    mark = editor.ui.vcpusEditMark.text()
    assert "Unsupported" in mark and "over the limit of 16" in mark
    assert "status-unsupported.svg" in mark  # icon and word, not colour alone
    type_into(qtbot, editor.ui.vcpusEdit, "4")
    assert "Supported" in editor.ui.vcpusEditMark.text()
    assert "over the limit" not in editor.ui.vcpusEditMark.text()

    fill_guest(qtbot, editor)
    press_ok(editor)
    assert guests.ui.guestTable.rowCount() == 1
    assert guests.ui.guestTable.item(0, 2).text() == "Win 2K8+"
    assert guests.ui.guestTable.item(0, 7).text() == "Best effort"

    wizard.next()  # performance: nothing to complain about
    wizard.next()
    assert wizard.currentId() == VERDICT
    verdict = wizard.currentPage()
    assert verdict.ui.verdictLabel.text() == "Best effort"
    assert not verdict.ui.bannerIcon.pixmap().isNull()
    html = verdict.ui.findingsView.toHtml()
    assert 'href="entry:os-win2k8"' in html and 'href="entry:limit-guest-vcpus"' in html
    conditions = verdict.ui.conditionsList
    assert conditions.count() > 0
    assert conditions.item(0).flags() & Qt.ItemFlag.ItemIsUserCheckable

    verdict.ui.findingsView.anchorClicked.emit(QUrl("entry:os-win2k8"))
    assert window.current_place().entry_id == "os-win2k8"

    # Save, reopen: every answer comes back.
    path = tmp_path / "acme.json"
    assert window.cases.save_case_as(str(path))
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == "kvmhelpdesk-case" and saved["version"] == 1
    assert saved["guests"][0]["vcpus"] == 4
    assert "iommu" not in saved["host"]  # unanswered stays out
    window.cases.new_case()
    assert wizard.case.get("title") is None
    assert window.cases.open_case(str(path))
    assert wizard.currentPage().ui.titleEdit.text() == "SR 10742 ACME"
    wizard.next()
    assert wizard.currentPage().ui.coresEdit.text() == "8"
    wizard.next()
    editor = wizard.currentPage().edit_guest(0)
    assert editor.ui.osEdit.text() == "Windows Server 2008 R2"
    assert editor.ui.vcpusEdit.text() == "4"
    assert editor.disks.records() == saved["guests"][0]["disks"]
    editor.reject()

    # Export every format, and copy the plain text.
    for suffix in ("md", "html", "pdf", "txt"):
        assert window.cases.export_report(str(tmp_path / f"report.{suffix}"))
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "Best effort" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "<html" in (tmp_path / "report.html").read_text(encoding="utf-8").lower()
    wizard.go_to(VERDICT)
    qtbot.mouseClick(wizard.currentPage().ui.copyButton, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Best effort" in copied and "<" not in copied.splitlines()[0]
    assert "clipboard" in wizard.currentPage().ui.actionStatus.text()


def test_show_verdict_button_skips_ahead(wizard) -> None:
    wizard.button(QWizard.WizardButton.CustomButton1).click()
    assert wizard.currentId() == VERDICT
    page = wizard.currentPage()
    assert page.ui.verdictLabel.text()  # a verdict on an empty case, all conditions
    assert page.ui.conditionsList.count() > 3
    assert wizard.button(QWizard.WizardButton.CustomButton1).isHidden()
    wizard.back()
    assert wizard.currentId() == PERFORMANCE  # every page was stepped through
    assert not wizard.button(QWizard.WizardButton.CustomButton1).isHidden()


def test_unanswered_questions_stay_out_of_the_case(wizard, qtbot) -> None:
    wizard.next()
    host: HostPage = wizard.currentPage()
    type_into(qtbot, host.ui.coresEdit, "8")
    pick(host.ui.iommuCombo, "Enabled")
    assert wizard.case["host"] == {"cpu_cores": 8, "iommu": "enabled"}
    host.ui.coresEdit.clear()
    pick(host.ui.iommuCombo, "Unknown")
    assert wizard.case["host"] == {}
    assert host.answer("iommu").value() is MISSING
    assert wizard.changed is not None and window_title_marked(wizard)


def window_title_marked(wizard) -> bool:
    return wizard.isWindowModified() and "[*]" in wizard.windowTitle()


def test_round_trip_keeps_values_the_wizard_does_not_offer(window, dialogs,
                                                           tmp_path: Path) -> None:
    case = {
        "format": "kvmhelpdesk-case", "version": 1, "title": "odd values",
        "release": "sles11-sp1",
        "host": {"arch": "ppc64le", "management": [], "cpu_cores": 4},
        "guests": [{
            "name": "odd", "os": "FreeBSD 8", "bits": 64, "created_with": "pre-sles11-sp1",
            "disks": [{"bus": "sata", "format": "qed"}, {}],
            "nics": [{"model": "e1000", "mac": None}],
            "video": "qxl", "devices": ["sound", "isa-serial"],
            "features": ["ksm"], "migration": {"shared_storage": True},
            "monitor_commands": ["info status"],
        }],
        "performance": [{"category": "disk", "mode": "emulated", "measured_percent": 37.5}],
    }
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    assert window.cases.open_case(str(path))
    wizard = window.cases.wizard
    wizard.go_to(VERDICT)  # every page shows the case and stores it back
    guests: GuestsPage = wizard.page_of(GuestsPage)
    editor = guests.edit_guest(0)
    assert editor.ui.videoCombo.currentText() == "qxl"
    assert editor.ui.otherDevicesEdit.text() == "isa-serial"
    assert editor.guest() == case["guests"][0]
    editor.accept()
    assert wizard.case == case
    assert window.cases.save_case()
    assert json.loads(path.read_text(encoding="utf-8")) == case


def test_guest_list_duplicate_and_remove(wizard, qtbot) -> None:
    wizard.go_to(GUESTS)
    page: GuestsPage = wizard.currentPage()
    editor = page.add_guest()
    fill_guest(qtbot, editor)
    press_ok(editor)
    page.ui.guestTable.selectRow(0)
    page.ui.duplicateButton.click()
    names = [g["name"] for g in wizard.case["guests"]]
    assert names == ["win01", "win01 (copy)"]
    assert "mac" not in wizard.case["guests"][1]["nics"][0]  # no two NICs share a MAC
    page.ui.guestTable.selectRow(0)
    page.ui.removeButton.click()
    assert [g["name"] for g in wizard.case["guests"]] == ["win01 (copy)"]
    editor = page.edit_guest(0)
    editor.reject()  # Cancel changes nothing
    assert [g["name"] for g in wizard.case["guests"]] == ["win01 (copy)"]


def test_release_choice_and_entry_links_follow_it(wizard, window) -> None:
    ticket: TicketPage = wizard.currentPage()
    assert ticket.ui.releaseCombo.currentData() == "sles11-sp1"
    assert "qemu-kvm 0.12.5" in ticket.ui.releaseCombo.currentText()
    received = []
    wizard.entry_requested.connect(lambda release, entry: received.append((release, entry)))
    wizard.request_entry("feat-ksm")
    assert received == [("sles11-sp1", "feat-ksm")]
    assert window.current_place().entry_id == "feat-ksm"


def test_verdict_page_shows_a_broken_case_as_a_message(wizard) -> None:
    wizard.case["release"] = "sles99"  # e.g. a content pack that is no longer loaded
    wizard.go_to(VERDICT)
    page: VerdictPage = wizard.currentPage()
    assert page.ui.verdictLabel.text() == "No verdict yet"
    assert "sles99" in page.ui.detailLabel.text()
