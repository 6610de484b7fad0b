"""The verdict page lists questions for the statement's owner apart from the customer's
conditions (issue 8 review); kvm-supported.txt L86 ("Win 7", no service pack named)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kvmhelpdesk.gui.wizard.pages.verdict import VerdictPage
from kvmhelpdesk.gui.wizard.verdict_view import KEYS_ROLE
from kvmhelpdesk.gui.wizard.wizard import VERDICT
from kvmhelpdesk.report.document import ASK_CUSTOMER, OWNER_QUESTIONS

CASE = {"format": "kvmhelpdesk-case", "version": 2, "title": "win7",
        "host": {"os": "SLES 11 SP1", "arch": "x86_64", "cpu_cores": 8,
                 "hardware_virtualization": "enabled"},
        "guests": [{"name": "desk01", "os": "Windows 7 SP1", "bits": 64, "vcpus": 2,
                    "memory_mb": 2048}]}


def lines(page: VerdictPage) -> list[tuple[str, bool]]:
    view = page.ui.conditionsList
    return [(view.item(r).text(), bool(view.item(r).flags() & Qt.ItemFlag.ItemIsSelectable))
            for r in range(view.count())]


def test_owner_questions_are_a_group_of_their_own(wizard) -> None:
    wizard.load_case(CASE)
    wizard.go_to(VERDICT)
    page = wizard.currentPage()
    assert isinstance(page, VerdictPage)
    shown = lines(page)
    texts = [t for t, _ in shown]
    customer = texts.index(ASK_CUSTOMER)
    owner = next(n for n, t in enumerate(texts) if t.startswith(OWNER_QUESTIONS))
    assert customer < owner
    assert not shown[customer][1] and not shown[owner][1]  # headings cannot be answered
    assert any("SP1" in t and "statement's owner" in t for t in texts[owner + 1:])
    assert not any("statement's owner" in t for t in texts[customer + 1:owner])
    # selecting a heading leaves the answer controls disabled
    page.ui.conditionsList.setCurrentRow(owner)
    assert not page.ui.confirmedRadio.isEnabled()
    view = page.ui.conditionsList
    question = next(r for r in range(owner + 1, view.count()))
    view.setCurrentRow(question)
    assert view.item(question).data(KEYS_ROLE) and page.ui.confirmedRadio.isEnabled()


def test_a_windows_7_guest_is_asked_its_service_pack(wizard) -> None:
    case = dict(CASE, guests=[dict(CASE["guests"][0], os="Windows 7")])
    wizard.load_case(case)
    wizard.go_to(VERDICT)
    texts = [t for t, _ in lines(wizard.currentPage())]
    assert any("without a service pack" in t for t in texts)
    assert not any(t.startswith(OWNER_QUESTIONS) for t in texts)
