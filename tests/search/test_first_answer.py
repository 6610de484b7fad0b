"""The first answer must be the right one: Enter opens the top hit.

The set (first_answer_cases.py) was written from the statement before the ranking was tuned;
this holds the floor the issue asks for (top-1 at least 90%) and the issue's own examples.
Accuracy, not timing: bench/search.py prints the rates and the latency.
"""

from __future__ import annotations

import pytest

from kvmhelpdesk.search import SearchEngine
from tests.search.first_answer_cases import FIRST_ANSWER, HELD_OUT, UNSEEN, first_answer_rates

TOP1_FLOOR = 0.90
TOP3_FLOOR = 0.97


def test_the_set_is_large_and_covers_every_kind(kb) -> None:
    assert len(FIRST_ANSWER) >= 60
    kinds = {kb.find(entry).kind for _, expected, _ in FIRST_ANSWER for entry in expected}
    assert kinds == {"article", "guest-os", "limit", "feature", "qemu-option",
                     "monitor-command", "performance"}


def test_every_expected_entry_exists_and_cites_the_statement(kb) -> None:
    for query, expected, line in [*FIRST_ANSWER, *HELD_OUT, *UNSEEN]:
        assert all(kb.find(entry) is not None for entry in expected), query
        assert line.startswith("L"), query


def test_top1_and_top3_rates_hold_their_floor(engine: SearchEngine) -> None:
    top1, top3, misses = first_answer_rates(engine)
    assert top1 >= TOP1_FLOOR, f"top-1 {top1:.1%}; misses: {misses}"
    assert top3 >= TOP3_FLOOR, f"top-3 {top3:.1%}; misses: {misses}"


@pytest.mark.parametrize("query, first", [
    # the examples of issue 10, each opening a weaker entry before
    ("max vcpus per guest", "limit-guest-vcpus"),  # L97
    ("hot add memory", "feat-ballooning"),  # L161-L165
    ("run qemu-kvm as a normal user", "feat-kvm-user"),  # L181-L186
    ("itanium host", "art-host-arch"),  # L34
    ("emulated disk speed", "perf-disk-emulated"),  # L245-L246
    ("pin guests to numa nodes", "feat-numa"),  # L204
    ("lvm volumes for guest disks", "art-raw-storage"),  # L274
])
def test_the_issues_examples_open_the_answer(engine: SearchEngine, query: str,
                                             first: str) -> None:
    assert engine.search(query, limit=3).ids[0] == first


@pytest.mark.parametrize("query", [
    # held-out questions the issue 10 review found missed at top-1, made right by general
    # words in the thesaurus (hot-remove/unplug, BIOS settings, physical devices, each host
    # architecture) rather than by anything written for one question
    "remove a disk from a running guest",  # L177
    "add a disk to a running guest",  # L177
    "unplug a vcpu",  # L171
    "assign a physical nic to a vm",  # L154-L159
    "bios setting for virtualization",  # L41
    "is a 32 bit host supported",  # L34
    "maximun vcpus",  # L97, a typo
])
def test_the_reviews_held_out_misses_open_the_answer(engine: SearchEngine, query: str) -> None:
    expected = next(ids for q, ids, _ in HELD_OUT if q == query)
    assert engine.search(query, limit=3).ids[0] in expected
