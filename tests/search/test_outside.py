"""A query about something the statement does not cover gets a notice, not just a confident hit.

The statement covers KVM on SLES 11 SP1 hosts (kvm-supported.txt L5-L9, L21-L23), the guest
rows of its table (L68-L86) and qemu-kvm 0.12.5 (L23).
"""

from __future__ import annotations

import pytest

from kvmhelpdesk.search import SearchEngine
from tests.search.first_answer_cases import FIRST_ANSWER, HELD_OUT


@pytest.mark.parametrize("query, says", [
    ("Windows Server 2012", "guest OS table"),  # no row (L82-L86)
    ("windows 10 guest", "guest OS table"),
    ("RHEL 7", "RHEL rows"),  # L78-L80 stop at 6.x
    ("xp sp2 guest", "SP3 or later"),  # L82: Win XP SP3+
    ("SLES 11 SP2", "names SP1 only"),  # L70
    ("CentOS 6", "CentOS"),
    ("SLES 12 host", "SLES 11 SP1 hosts only"),  # the release's own host product
    ("RHEL 6 host", "SLES 11 SP1 hosts only"),
    ("Xen", "another hypervisor"),
    ("VMware ESX", "VMware ESX is another hypervisor"),
    ("Hyper-V", "another hypervisor"),
    ("docker container", "Docker is a container platform"),
    ("qemu 1.0", "qemu-kvm 0.12.5"),  # L23
])
def test_outside_queries_get_a_notice(engine: SearchEngine, query: str, says: str) -> None:
    result = engine.search(query + " ")
    assert result.notice is not None, query
    assert result.notice.startswith("Not in the SLES 11 SP1 statement: ")
    assert says in result.notice


@pytest.mark.parametrize("query", [
    "RHEL 6",  # a guest row (L80)
    "sles 11 sp1 host",
    "Windows Server 2008 R2",
    "vmware vga",  # -vga vmware is refused by name (L358): a device, not the hypervisor
    "xen video",  # L122
    "qemu-kvm 0.12.5",
    "images created on sles 11 ga",  # L66 speaks of them
    "Windows",  # no version: no claim
    "max 16 vcpus for sles",
])
def test_covered_queries_get_none(engine: SearchEngine, query: str) -> None:
    assert engine.search(query + " ").notice is None


def test_no_question_of_the_first_answer_sets_gets_a_notice(engine: SearchEngine) -> None:
    noticed = [q for q, _, _ in [*FIRST_ANSWER, *HELD_OUT] if engine.search(q).notice]
    assert not noticed


def test_the_closest_entries_still_follow_the_notice(engine: SearchEngine) -> None:
    result = engine.search("Windows Server 2012")
    assert result.notice and result.hits
    assert result.hits[0].kind == "guest-os"


def test_a_version_being_typed_waits_for_its_last_digit(engine: SearchEngine) -> None:
    assert engine.search("SLES 1").notice is None  # on the way to "SLES 11"
    assert engine.search("SLES 1 ").notice is not None  # typed as meant
    assert engine.search("RHEL 7").notice is not None  # no row starts with 7


def test_the_notice_is_in_the_json(engine: SearchEngine) -> None:
    data = engine.search("Xen").to_dict()
    assert "another hypervisor" in data["notice"]
    assert engine.search("KSM").to_dict()["notice"] is None


def test_warm_up_prepares_the_check_and_never_raises(engine: SearchEngine) -> None:
    engine.warm_up()
    engine.warm_up()
    assert engine.search("RHEL 7 ").notice


def test_text_naming_no_product_is_answered_without_tokenizing(monkeypatch) -> None:
    from kvmhelpdesk.kb import load_knowledge_base
    from kvmhelpdesk.search import analysis, outside

    check = outside.OutsideCheck(load_knowledge_base(), "sles11-sp1")
    monkeypatch.setattr(analysis, "tokens", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    assert check.notice("hot add memory") is None
