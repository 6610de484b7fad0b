"""Question words tilt the ranking towards the kind of entry they ask for."""

from __future__ import annotations

import pytest

from kvmhelpdesk.search import SearchEngine, analysis
from kvmhelpdesk.search.intent import asked_kinds


@pytest.mark.parametrize("query, kinds", [
    ("max vcpus per guest", {"limit"}),
    ("how many nics", {"limit"}),
    ("1 TB ram guest", {"limit"}),
    ("emulated disk speed", {"performance"}),
    ("how slow is tcg", {"performance"}),
    ("virtio network throughput", {"performance"}),
    ("windows 7 guest", set()),
    ("hot add cpu", set()),
])
def test_question_words_name_a_kind(query: str, kinds: set[str]) -> None:
    assert asked_kinds(analysis.tokens(query)) == kinds


def test_a_question_word_never_lifts_an_entry_off_topic(engine: SearchEngine) -> None:
    # "max" asks for a limit, but the topic (KSM) has none: the feature stays first.
    assert engine.search("max ksm").ids[0] == "feat-ksm"


def test_a_rare_completion_does_not_outrank_the_word_as_typed(engine: SearchEngine) -> None:
    # "host" is typed in full; "hostfwd_add" only starts with it.
    ids = engine.search("itanium host", limit=5).ids
    assert "mon-hostfwd_add" not in ids[:3]
    # while typing a prefix that is no word, completions still carry the search
    assert engine.search("hostf").ids[0].startswith("mon-hostfwd")
