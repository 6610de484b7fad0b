"""The public interface the GUI and scripts rely on: names, shapes, filters, snippets."""

from __future__ import annotations

import json

import pytest

from kvmhelpdesk.kb import KINDS, STATUSES
from kvmhelpdesk.search import Hit, SearchEngine, SearchResult

CONTRACT_HIT_KEYS = {"id", "kind", "title", "status", "score", "snippet"}


def test_result_and_hit_contract(engine: SearchEngine) -> None:
    result = engine.search("savevm")
    assert isinstance(result, SearchResult) and result.query == "savevm"
    hit = result.hits[0]
    assert isinstance(hit, Hit)
    assert (hit.id, hit.kind, hit.status) == ("mon-savevm", "monitor-command", "unsupported")
    assert isinstance(hit.score, float) and hit.score > 0
    assert isinstance(hit.terms, tuple) and "savevm" in hit.terms
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) == {"query", "hits", "suggestion", "total", "notice"}
    assert set(data["hits"][0]) >= CONTRACT_HIT_KEYS
    assert data["hits"][0]["id"] == "mon-savevm"


def test_entries_without_status_report_none(engine: SearchEngine) -> None:
    hit = engine.search("art-overview").hits[0]
    assert hit.id == "art-overview" and hit.status is None
    assert hit.to_dict()["status"] is None


@pytest.mark.parametrize("kind", KINDS)
def test_kind_filter(engine: SearchEngine, kind: str) -> None:
    hits = engine.search("guest", kind=kind, limit=50).hits
    assert hits and all(h.kind == kind for h in hits)


@pytest.mark.parametrize("status", STATUSES)
def test_status_filter(engine: SearchEngine, status: str) -> None:
    hits = engine.search("guest", status=status, limit=50).hits
    assert hits and all(h.status == status for h in hits)


def test_filters_combine_and_unknown_values_match_nothing(engine: SearchEngine) -> None:
    hits = engine.search("cpu", kind="monitor-command", status="unsupported").hits
    assert hits and all(h.kind == "monitor-command" and h.status == "unsupported" for h in hits)
    assert engine.search("cpu", kind="no-such-kind").hits == []
    assert engine.search("cpu", release="no-such-release").hits == []


def test_limit(engine: SearchEngine) -> None:
    assert len(engine.search("guest", limit=3).hits) == 3
    assert engine.search("guest", limit=0).hits == []


def test_snippets_are_plain_text_and_show_the_match(engine: SearchEngine) -> None:
    for hit in engine.search("qcow2", limit=10).hits:
        assert "**" not in hit.snippet and "](entry:" not in hit.snippet and "`" not in hit.snippet
        assert 0 < len(hit.snippet) <= 200
    top = engine.search("intel_iommu=on").hits[0]
    assert "intel_iommu=on" in top.snippet


def test_terms_are_words_of_the_entry(engine: SearchEngine) -> None:
    hit = engine.search("ballooning").hits[0]
    text = engine.kb.get(hit.id).text().lower()
    assert hit.terms and all(term.lower() in text for term in hit.terms)


def test_engine_reports_where_its_index_lives(engine: SearchEngine) -> None:
    assert engine.location.endswith(tuple("0123456789abcdef"))
    assert engine.rebuilt is False


def test_completion_and_suggestion_helpers(engine: SearchEngine) -> None:
    assert "balloon" in engine.complete("ballo")
    assert engine.suggest("miration") == ["migration"][:1] + engine.suggest("miration")[1:]
    assert engine.suggest("balloon") == []


def test_total_counts_every_match_beyond_the_limit(engine: SearchEngine) -> None:
    few = engine.search("guest", limit=5)
    every = engine.search("guest", limit=1000)
    assert len(few.hits) == 5 and not few.complete
    assert few.total == every.total == len(every.hits) and every.complete


def test_status_none_keeps_entries_without_a_status(engine: SearchEngine) -> None:
    hits = engine.search("network throughput", status="none", limit=50).hits
    assert hits and all(h.status is None for h in hits)
    assert {h.kind for h in hits} <= {"performance", "article"}


def _lowered(terms: tuple[str, ...]) -> set[str]:
    return {t.lower() for t in terms}


def test_only_the_engineers_words_are_highlighted_not_their_synonyms(engine: SearchEngine
                                                                    ) -> None:
    # The thesaurus expands "hot add memory" to ballooning and "itanium" to the IA-64 group;
    # those synonyms rank entries but are not what the engineer typed, so they stay unmarked.
    hit = engine.search("hot add memory").hits[0]
    assert hit.id == "feat-ballooning"
    assert "memory" in _lowered(hit.terms)
    assert not _lowered(hit.terms) & {"balloon", "ballooning", "dynamically"}
    hit = engine.search("itanium").hits[0]
    assert not _lowered(hit.terms) & {"host", "hosts", "ia64", "power"}
    hit = engine.search("Windows Server 2008 R2").hits[0]
    assert {"windows", "server", "2008", "r2"} <= _lowered(hit.terms)
    assert not _lowered(hit.terms) & {"win2k8", "2k8+", "w2k8"}


def test_highlights_keep_word_forms_and_compounds_of_the_words_only(engine: SearchEngine
                                                                     ) -> None:
    terms = _lowered(engine.search("is a 32 bit host supported").hits[0].terms)
    assert {"32-bit", "host", "hosts", "supported"} <= terms  # stems and a compound of both
    assert "64-bit" not in terms  # shares "bit" only
    assert "balloon" in _lowered(engine.search("ballon ").hits[0].terms)  # the typo corrected
    assert "ballooning" in _lowered(engine.search("ballo").hits[0].terms)  # being typed


def test_the_count_reads_as_matching_entries(engine: SearchEngine) -> None:
    few = engine.search("guest", limit=25)
    assert few.total > 25
    assert few.count_text() == f"25 of {few.total} matching entries"
    every = engine.search("guest", limit=1000)
    assert every.count_text() == f"{every.total} matching entries"
    one = SearchResult("x", [Hit("feat-x", "feature", "X", None, 1.0, "")])
    assert one.count_text() == "1 matching entry"
