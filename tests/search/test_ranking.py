"""Ranking: exact names first; a question has its answering entry within the first three."""

from __future__ import annotations

import pytest

from kvmhelpdesk.search import SearchEngine
from tests.search.ranking_cases import CASES


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40
    assert sum(1 for _, _, n in CASES if n == 1) >= 20


@pytest.mark.parametrize("query, expected, within", CASES)
def test_answering_entry_ranks_high(engine: SearchEngine, query: str, expected: tuple[str, ...],
                                    within: int) -> None:
    found = engine.search(query, limit=10).ids
    assert set(found[:within]) & set(expected), f"{query!r}: {found[:5]}"


@pytest.mark.parametrize("query, no_entry", [
    ("can I hot add a cpu", "feat-cpu-hotplug"),
    ("is qcow2 supported", "opt-drive"),
    ("savevm", "mon-savevm"),
    ("-no-kvm", "feat-qemu-only"),
    ("soundhw", "opt-soundhw"),
])
def test_no_questions_are_answered_by_the_entry_that_says_no(
        engine: SearchEngine, query: str, no_entry: str) -> None:
    result = engine.search(query, limit=3)
    assert result.hits, "a 'no' question must never get an empty list"
    assert no_entry in result.ids


def test_option_case_decides_between_machine_and_memory(engine: SearchEngine) -> None:
    assert engine.search("-M").ids[0] == "opt-machine"
    assert engine.search("-m").ids[0] == "opt-memory"


def test_scores_are_descending_and_ids_unique(engine: SearchEngine) -> None:
    hits = engine.search("virtio disk performance", limit=30).hits
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.id for h in hits}) == len(hits)


def test_stop_words_alone_still_search(engine: SearchEngine) -> None:
    # A query of function words only is searched as typed rather than emptied.
    assert engine.search("is it not").hits


@pytest.mark.parametrize("part, entry", [
    ("blk", "limit-block-virtio"),
    ("iommu", "feat-pci-passthrough"),
    ("0.12", "opt-machine"),
])
def test_technical_tokens_are_found_by_their_parts(engine: SearchEngine, part: str,
                                                   entry: str) -> None:
    assert entry in engine.search(part, limit=5).ids


@pytest.mark.parametrize("one, other", [
    ("balloon", "ballooning"),
    ("migrate guest", "migration guest"),
    ("hibernating", "hibernate"),
])
def test_stemmed_forms_find_the_same_entries(engine: SearchEngine, one: str, other: str) -> None:
    first = set(engine.search(one + " ", limit=3).ids)
    second = set(engine.search(other + " ", limit=3).ids)
    assert first & second
