"""A query about something the statement does not cover gets a notice, not just a confident hit.

The statement covers KVM on SLES 11 SP1 hosts (kvm-supported.txt L5-L9, L21-L23), the guest
rows of its table (L68-L86) and qemu-kvm 0.12.5 (L23).
"""

from __future__ import annotations

import pytest

from kvmhelpdesk.search import SearchEngine
from kvmhelpdesk.search.outside import TOPICS
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


def test_a_later_windows_server_opens_the_row_it_falls_short_of(engine: SearchEngine) -> None:
    # L84: "Win 2K8+" is the nearest row to Windows Server 2012; the notice says 2012 is no
    # row, and that the row's "+" decides (the statement does not say how to read it).
    for query in ("Windows Server 2012", "windows server 2012 guest", "Windows Server 2012 "):
        result = engine.search(query)
        assert result.ids[0] == "os-win2k8", query
        assert "2012' is not in the guest OS table" in result.notice
        assert "Win 2K8+" in result.notice


@pytest.mark.parametrize("query, first", [
    ("xp sp2 guest", "os-winxp"),  # L82: SP3 or later
    ("SLES 11 SP2", "os-sles11-sp1"),  # L70: SP1 only
])
def test_a_service_pack_outside_a_row_opens_that_row(engine: SearchEngine, query: str,
                                                     first: str) -> None:
    result = engine.search(query)
    assert result.notice and result.ids[0] == first


@pytest.mark.parametrize("query, name, first", [
    ("spice", "SPICE", "opt-vnc"),
    ("SPICE display", "SPICE", "opt-vnc"),
    ("nested virtualization", "nested virtualization", "art-hardware-virtualization"),
    ("can I run nested kvm guests", "nested virtualization", "feat-kvm-module-parameters"),
    ("vfio", "VFIO", "feat-pci-passthrough"),
    ("virtio-scsi", "virtio-scsi", "opt-drive"),
])
def test_a_technology_the_statement_never_mentions_gets_a_notice(
        engine: SearchEngine, query: str, name: str, first: str) -> None:
    result = engine.search(query)
    assert result.notice is not None, query
    assert f"the statement does not mention {name} " in result.notice
    assert "; nearest: " in result.notice and result.notice.endswith("Closest entries below.")
    nearest = next(t.nearest for t in TOPICS if t.name == name)
    assert first in nearest and result.ids[0] in nearest, result.ids[:3]
    assert result.suggestion is None  # "spice" is no typo of "space"


@pytest.mark.parametrize("query", ["nested paging", "qxl", "vhost", "virtio disk", "spic"])
def test_words_an_entry_speaks_of_get_no_topic_notice(engine: SearchEngine, query: str) -> None:
    # "nested paging" is EPT/NPT (L239); -vga names qxl and -netdev vhost as keywords.
    assert engine.search(query).notice is None


def test_the_topics_are_absent_from_the_statement_and_their_entries_exist(kb) -> None:
    from tests.conftest import SOURCE

    for topic in TOPICS:
        assert all(kb.find(entry) is not None for entry in topic.nearest), topic.name
    if not SOURCE.is_file():
        pytest.skip("the statement is not beside the project")
    words = " ".join(SOURCE.read_text(encoding="utf-8", errors="replace").lower().split())
    for topic in TOPICS:
        assert not any(" ".join(p) in words for p in topic.phrases), topic.name
