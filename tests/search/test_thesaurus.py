"""The domain thesaurus (content/<release>/thesaurus.toml) bridges engineers' and statement words.

Every pair is tested in both directions: the engineer's word and the statement's word each find
the entry that answers both.
"""

from __future__ import annotations

import pytest

from kvmhelpdesk.kb import KnowledgeBase, SynonymGroup
from kvmhelpdesk.search import SearchEngine, analysis
from kvmhelpdesk.search.thesaurus import Thesaurus

# (engineer's word, statement's word, the entry both must find within the first three)
PAIRS: list[tuple[str, str, str]] = [
    ("Windows 7", "Win 7", "os-win7"),
    ("Win7", "Win 7", "os-win7"),
    ("Windows Server 2003", "Win 2K3 SP2+", "os-win2k3"),
    ("Windows Server 2008", "Win 2K8+", "os-win2k8"),
    ("Windows Server 2008 R2", "Win 2K8+", "os-win2k8"),
    ("W2K8", "Win 2K8+", "os-win2k8"),
    ("Vista", "Win Vista SP1+", "os-winvista"),
    ("Windows Vista", "Win Vista SP1+", "os-winvista"),
    ("XP", "Win XP SP3+", "os-winxp"),
    ("Windows XP", "Win XP SP3+", "os-winxp"),
    ("Red Hat Enterprise Linux 4", "RHEL 4.x", "os-rhel4"),
    ("Red Hat Enterprise Linux 5", "RHEL 5.x", "os-rhel5"),
    ("Red Hat Enterprise Linux 6", "RHEL 6.x", "os-rhel6"),
    ("Red Hat Enterprise Linux", "RHEL", "os-rhel5"),
    ("SUSE Linux Enterprise Server 11 SP1", "SLES11 SP1", "os-sles11-sp1"),
    ("SUSE Linux Enterprise Server 10 SP3", "SLES10 SP3", "os-sles10-sp3"),
    ("SUSE Linux Enterprise Server 9 SP4", "SLES9 SP4", "os-sles9-sp4"),
    ("SUSE Linux Enterprise Desktop", "SLED11 SP1", "os-sled11-sp1"),
    ("VT-d", "IOMMU", "feat-pci-passthrough"),
    ("AMD-Vi", "IOMMU", "feat-pci-passthrough"),
    ("passthrough", "PCI Passthrough", "feat-pci-passthrough"),
    ("device assignment", "PCI Passthrough", "feat-pci-passthrough"),
    ("pci-assign", "-pcidevice", "opt-pcidevice"),
    ("hot add", "Hotplug", "feat-device-hotplug"),
    ("hot plug", "Hotplug", "feat-device-hotplug"),
    ("hot add cpu", "Hotplug cpu", "feat-cpu-hotplug"),
    ("hibernate", "Host Suspend/Hibernate", "feat-host-suspend"),
    ("suspend", "Host Suspend/Hibernate", "feat-host-suspend"),
    ("S3", "Host Suspend/Hibernate", "feat-host-suspend"),
    ("S4", "Host Suspend/Hibernate", "feat-host-suspend"),
    ("KSM", "kernel-samepage-merging", "feat-ksm"),
    ("samepage merging", "kernel-samepage-merging", "feat-ksm"),
    ("page sharing", "kernel-samepage-merging", "feat-ksm"),
    ("image format", "raw disk format", "opt-drive"),
    ("qcow2", "raw disk format", "opt-drive"),
    ("qcow2", "raw", "art-raw-storage"),
    ("vCPU", "Virtual CPUs", "limit-guest-vcpus"),
    ("virtual CPU", "Virtual CPUs", "limit-guest-vcpus"),
    ("RAM", "memory", "limit-guest-ram"),
    ("NIC", "network card", "limit-guest-nics"),
    ("NICs", "network card", "opt-net"),
    ("vMotion", "Live migration", "feat-live-migration"),
    ("TCG", "-no-kvm", "feat-qemu-only"),
    ("snapshot", "savevm", "mon-savevm"),
]


def top3(engine: SearchEngine, query: str) -> list[str]:
    return engine.search(query, limit=3).ids


@pytest.mark.parametrize("engineer, statement, entry", PAIRS)
def test_engineer_word_finds_the_statement_entry(engine: SearchEngine, engineer: str,
                                                 statement: str, entry: str) -> None:
    assert entry in top3(engine, engineer), engineer


@pytest.mark.parametrize("engineer, statement, entry", PAIRS)
def test_statement_word_finds_the_same_entry(engine: SearchEngine, engineer: str,
                                             statement: str, entry: str) -> None:
    assert entry in top3(engine, statement), statement


def test_every_term_of_every_group_finds_one_of_its_entries(engine: SearchEngine,
                                                            kb: KnowledgeBase) -> None:
    misses = []
    for group in kb.release().thesaurus:
        for term in group.terms:
            if group.entries and not set(top3(engine, term)) & set(group.entries):
                misses.append((term, group.entries))
            elif not group.entries and not engine.search(term).hits:
                misses.append((term, "no hits"))
    assert not misses


def test_thesaurus_is_shipped_and_never_maps_option_case(kb: KnowledgeBase) -> None:
    groups = kb.release().thesaurus
    assert len(groups) >= 40
    for group in groups:
        # -M (machine) and -m (memory) differ only by case; the thesaurus ignores case.
        assert not {"-m", "-M"} & set(group.terms)


def test_matching_ignores_stop_words_and_prefers_the_longest_term() -> None:
    thesaurus = Thesaurus([
        SynonymGroup(("Hotplug cpu", "hot add cpu"), ("feat-cpu-hotplug",)),
        SynonymGroup(("Supported Limits", "how many", "max"), ("limit-guest-ram",)),
    ])
    question = "can I hot add a cpu"
    keys = analysis.match_keys(question)
    bare = analysis.match_keys(question, drop_stop_words=True)
    found = thesaurus.matches(keys, bare)
    assert [m.group.terms[0] for m in found] == ["Hotplug cpu"]
    assert found[0].other_terms == ["Hotplug cpu"]
    keys = analysis.match_keys("how many disks")
    found = thesaurus.matches(keys)
    assert [m.group.terms[0] for m in found] == ["Supported Limits"]


def test_a_query_naming_a_synonym_expands_to_the_other_terms(engine: SearchEngine) -> None:
    # "Windows Server 2008 R2" appears in no entry title; the row is printed as "Win 2K8+".
    hit = engine.search("Windows Server 2008 R2").hits[0]
    assert hit.id == "os-win2k8"
    assert any(t.lower() in {"win", "2k8+", "windows"} for t in hit.terms)


def test_a_term_reduced_to_one_word_by_stop_words_does_not_match_that_word_alone() -> None:
    thesaurus = Thesaurus([SynonymGroup(("Maximum number of guests", "how many guests"),
                                        ("limit-max-guests",))])
    assert not thesaurus.matches(analysis.match_keys("max vcpus per guest"),
                                 analysis.match_keys("max vcpus per guest", True))
    assert thesaurus.matches(analysis.match_keys("how many guests"))


def test_a_match_inside_a_longer_match_of_another_group_gives_way() -> None:
    thesaurus = Thesaurus([
        SynonymGroup(("Hotplug", "hot add"), ("feat-device-hotplug",)),
        SynonymGroup(("Memory ballooning", "hot add memory"), ("feat-ballooning",)),
        SynonymGroup(("RAM", "memory"), ("limit-guest-ram",)),
    ])
    found = thesaurus.matches(analysis.match_keys("hot add memory"))
    assert [m.group.terms[0] for m in found] == ["Memory ballooning"]


def test_a_group_weighs_by_the_share_of_the_query_it_covers(engine: SearchEngine) -> None:
    from kvmhelpdesk.search.query import plan_query

    thesaurus = engine._thesauri[engine.kb.default_release]
    whole = plan_query("disks", engine._vocabulary, thesaurus)
    part = plan_query("lvm volumes for guest disks", engine._vocabulary, thesaurus)
    block = next(m for m in part.matches if m.group.terms[0] == "Block devices")
    assert whole.coverage(whole.matches[0]) == 1.0
    assert part.coverage(block) == pytest.approx(0.25)


def test_each_host_architecture_is_its_own_group(kb: KnowledgeBase) -> None:
    # L34 lists x86_64 as the only supported host; Itanium (IA-64) is not POWER, and neither
    # is "power" as in power management (L195-L199).
    groups = kb.release().thesaurus
    itanium = next(g for g in groups if "Itanium" in g.terms)
    assert not any("power" in t.lower() for t in itanium.terms)
    assert not any("ia64" in t.lower() for g in groups if g is not itanium for t in g.terms)


@pytest.mark.parametrize("query", ["itanium", "ia64", "powerpc", "s390x", "32-bit host"])
def test_an_other_architecture_finds_the_host_architecture_only(engine: SearchEngine,
                                                                query: str) -> None:
    ids = engine.search(query, limit=3).ids
    assert ids[0] == "art-host-arch"
    assert "feat-power-management" not in ids
