"""A group line refuted on the verdict page: one record under the line's key, so the check
makes it a needs-review point instead of refuting every guest it names (issue 8 review, 5)."""

from __future__ import annotations

from kvmhelpdesk.gui.wizard.pages.verdict import VerdictPage
from kvmhelpdesk.gui.wizard.verdict_view import KEYS_ROLE, LINE_ROLE
from kvmhelpdesk.gui.wizard.wizard import VERDICT

TWO_GUESTS = {"format": "kvmhelpdesk-case", "version": 2, "title": "grouped",
              "host": {"os": "SLES 11 SP1", "arch": "x86_64", "cpu_cores": 8},
              "guests": [{"name": "web01", "os": "SLES 11 SP1", "vcpus": 2},
                         {"name": "db01", "os": "SLES 11 SP1", "vcpus": 2}]}


def test_refuting_a_group_line_refutes_no_guest_by_itself(wizard) -> None:
    """kvm-supported.txt L274, L283: raw disks only; "not for all of web01 and db01" does not
    say which guest, so neither is marked unsupported on it."""
    wizard.load_case(TWO_GUESTS)
    wizard.go_to(VERDICT)
    page = wizard.currentPage()
    assert isinstance(page, VerdictPage)
    view = page.ui.conditionsList
    row = next(r for r in range(view.count()) if "Disks not given" in view.item(r).text())
    view.setCurrentRow(row)
    members, line = list(view.item(row).data(KEYS_ROLE)), view.item(row).data(LINE_ROLE)
    assert len(members) > 1 and line not in members
    page.ui.refutedRadio.click()
    assert {k: r["state"] for k, r in wizard.case["confirmations"].items()} == {line: "refuted"}
    assert page.verdict is not None
    assert all(g.verdict != "unsupported" for g in page.verdict.guests)
    assert any(f.status == "unlisted" and "guest by guest" in f.message
               for f in page.verdict.findings)
    row = next(r for r in range(view.count()) if "Disks not given" in view.item(r).text())
    assert view.item(row).text().startswith("[!]")
    view.setCurrentRow(row)
    page.ui.confirmedRadio.click()  # confirmed for all of them: each member, the line's gone
    assert {k: r["state"] for k, r in wizard.case["confirmations"].items()} == {
        key: "confirmed" for key in members}
