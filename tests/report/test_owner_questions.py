"""Questions only the statement's owner can answer are kept apart from what the customer must
confirm (issue 8 review), and a Windows 7 guest is asked about its service pack.

kvm-supported.txt L86: the guest table's row reads "Win 7" with no service pack and no "+",
unlike "Win XP SP3+" (L82) or "Win Vista SP1+" (L85): whether Windows 7 SP1 is covered is not
stated. L99: whether floppy drives count among the "4 emulated" block devices is not stated.
"""

from __future__ import annotations

import pytest

from kvmhelpdesk.report import render
from kvmhelpdesk.report.document import ASK_CUSTOMER, OWNER_QUESTIONS, build
from kvmhelpdesk.triage import check
from kvmhelpdesk.triage.findings import asks_statement_owner
from tests.helpers.cases import make_case, make_guest

FORMATS = ("text", "markdown", "html")


def guest_conditions(verdict, rule: str = "guestos.confirm"):
    return [f for f in verdict.conditions if f.rule == rule]


def test_windows_7_without_a_service_pack_is_asked_which_it_runs(kb) -> None:
    """L86 "Win 7": the customer says whether the guest runs a service pack."""
    verdict = check(make_case(guests=[make_guest(os="Windows 7", bits=64)]), kb)
    (asked,) = guest_conditions(verdict)
    assert "without a service pack" in asked.message and "SP1" in asked.message
    assert not asks_statement_owner(asked)  # the customer can answer this one


def test_windows_7_sp1_is_a_question_for_the_statement_owner(kb) -> None:
    """L86: with SP1 given, only the statement's owner can say whether the row covers it."""
    verdict = check(make_case(guests=[make_guest(os="Windows 7 SP1", bits=64)]), kb)
    (question,) = guest_conditions(verdict)
    assert asks_statement_owner(question) and "SP1" in question.message


@pytest.mark.parametrize("os_name", ["Windows XP SP3", "Windows Vista SP2", "SLES 11 SP1",
                                     "Windows Server 2008 R2"])
def test_rows_that_name_their_service_pack_ask_nothing_more(kb, os_name: str) -> None:
    """L82-85: "SP3+", "SP1+" and "2K8+" say which service packs they cover."""
    verdict = check(make_case(guests=[make_guest(os=os_name, bits=64)]), kb)
    assert not [f for f in guest_conditions(verdict) if "service pack" in f.message], os_name


def owner_and_customer_case() -> dict:
    floppy = [{"bus": "ide", "format": "raw"}] * 4 + [{"bus": "floppy", "format": "raw"}]
    return make_case(guests=[make_guest(os="Windows 7 SP1", bits=64, disks=floppy)])


def test_owner_questions_have_their_own_section(kb) -> None:
    verdict = check(owner_and_customer_case(), kb)
    blocks = {b.heading: b for b in build(verdict).blocks}
    owner = [i.text for i in blocks[OWNER_QUESTIONS].items]
    customer = [i.text for i in blocks[ASK_CUSTOMER].items]
    assert any("SP1" in t for t in owner) and any("floppy" in t for t in owner)
    assert not any("statement's owner" in t for t in customer)
    assert customer  # the memory minimum, the host answers: still for the customer
    headings = [b.heading for b in build(verdict).blocks]
    assert headings.index(ASK_CUSTOMER) < headings.index(OWNER_QUESTIONS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_both_groups(kb, fmt: str) -> None:
    out = render(check(owner_and_customer_case(), kb), fmt)
    assert ASK_CUSTOMER in out and OWNER_QUESTIONS in out
    flat = " ".join(out.split())
    assert flat.index(OWNER_QUESTIONS) < flat.index("whether SP1 is covered")


def test_no_owner_section_without_owner_questions(kb) -> None:
    headings = [b.heading for b in build(check(make_case(), kb)).blocks]
    assert ASK_CUSTOMER in headings and OWNER_QUESTIONS not in headings
