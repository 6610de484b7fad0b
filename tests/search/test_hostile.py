"""No query string raises: syntax, junk and huge input fall back to plain terms or no hits."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvmhelpdesk.search import SearchEngine, SearchResult

QUICK_SECONDS = 1.0  # generous: a slow CI box, not a benchmark

HOSTILE = [
    '"unbalanced quote', "'single", 'a "b', '"', "''", "AND", "OR", "NOT", "AND OR NOT",
    "NOT NOT NOT", "hot AND", "OR cpu", "* ", "*", "?", "**", "*cpu*", "cpu*", "~", "cpu~2",
    "cpu^3", "title:savevm", "kind:feature", "id:opt-drive status:unsupported", ":", "::::",
    "field:", ":value", "(", ")", "((((", "))))", "(hot AND (add OR", "[a TO z]", "{a TO b}",
    "\\", "\\\\", "/", "//", "-", "--", "---", "+", "++", "+-+-", "&&", "||", "!", "@#$%^&",
    "a" * 10_000, "hot add cpu " * 900, ("x" * 99 + " ") * 100, "\x00", "\x00hot\x00add",
    "\x07\x08\x1b[31m", "\t\n\r", "\u200b\u200b", "\ufeff", "😀", "🚀 KVM 🚀", "👩‍💻",
    "ＳＡＶＥＶＭ", "∑∫√", "中文 查询", "ملف", "\ud800", "a\udfffb", "‮rtl override",
    "", " ", "     ", "%s %d {0}", "${HOME}", "$(rm -rf /)", "<script>alert(1)</script>",
    "' OR 1=1 --", "NULL", "None", "0", "-1", "1e309", "nan", "inf",
]


def assert_sound(result: SearchResult, query: object) -> None:
    assert isinstance(result, SearchResult)
    assert isinstance(result.hits, list)
    assert result.suggestion is None or isinstance(result.suggestion, str)
    data = result.to_dict()
    assert set(data) == {"query", "hits", "suggestion", "total", "notice"}
    assert result.notice is None or isinstance(result.notice, str)
    assert result.total >= len(result.hits)
    for hit in result.hits:
        assert isinstance(hit.snippet, str) and isinstance(hit.score, float)


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_strings_never_raise_and_are_quick(engine: SearchEngine, query: str) -> None:
    started = time.perf_counter()
    result = engine.search(query)
    assert time.perf_counter() - started < QUICK_SECONDS
    assert_sound(result, query)


@pytest.mark.parametrize("query", [None, 42, b"savevm", ["a"], 3.5])
def test_non_strings_give_an_empty_result(engine: SearchEngine, query: object) -> None:
    result = engine.search(query)  # type: ignore[arg-type]
    assert result.hits == [] and result.suggestion is None


def test_operators_are_plain_words(engine: SearchEngine) -> None:
    # Field syntax is not interpreted: "title:savevm" still finds savevm by its words.
    assert "mon-savevm" in engine.search("title:savevm").ids[:3]
    assert "feat-cpu-hotplug" in engine.search('"hot add" AND cpu').ids[:3]


FRAGMENTS = st.sampled_from(["AND", "OR", "NOT", '"', "(", ")", "*", ":", "-", "+", "~", "^",
                             "title:", "-no-kvm", "pc-0.12", "savevm", "ballon", "😀", "\x00",
                             "hot", "add", "cpu", "=", "[", "]", "\\", "'", "?", "intel_iommu="])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=200))
def test_any_text_is_a_query(engine: SearchEngine, query: str) -> None:
    assert_sound(engine.search(query), query)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(parts=st.lists(FRAGMENTS | st.text(max_size=8), max_size=20),
       joiner=st.sampled_from(["", " ", "\t", ","]))
def test_query_syntax_soup_is_a_query(engine: SearchEngine, parts: list[str], joiner: str) -> None:
    query = joiner.join(parts)
    assert_sound(engine.search(query), query)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(kind=st.none() | st.text(max_size=15), status=st.none() | st.text(max_size=15),
       limit=st.integers(min_value=-5, max_value=10_000))
def test_odd_filters_and_limits_never_raise(engine: SearchEngine, kind: str | None,
                                            status: str | None, limit: int) -> None:
    result = engine.search("cpu", kind=kind, status=status, limit=limit)
    assert len(result.hits) <= max(0, limit)
