"""Typo tolerance: fuzzy matching when a word is unknown, and a "did you mean" suggestion."""

from __future__ import annotations

import pytest

from kvmhelpdesk.search import SearchEngine
from kvmhelpdesk.search.suggest import Vocabulary, edit_distance


@pytest.mark.parametrize("typo, suggestion, entry", [
    ("ballon", "balloon", "feat-ballooning"),
    ("miration", "migration", "feat-live-migration"),
    ("hotplgu", "hotplug", "feat-cpu-hotplug"),
    ("ballon driver", "balloon driver", "feat-ballooning"),
    ("live migartion", "live migration", "feat-live-migration"),
    ("passthrogh", "passthrough", "feat-pci-passthrough"),
    ("timekeepign", "timekeeping", "art-timekeeping"),
    ("overcomit", "overcommit", "art-overcommit"),
    ("-pcidevcie", "-pcidevice", "opt-pcidevice"),
])
def test_typos_are_suggested_and_still_found(engine: SearchEngine, typo: str, suggestion: str,
                                             entry: str) -> None:
    result = engine.search(typo + " ")  # trailing space: the last word is finished
    assert result.suggestion == suggestion
    assert entry in result.ids[:3], result.ids[:5]


@pytest.mark.parametrize("query", ["balloon", "live migration", "hotplug", "qcow2", "-no-kvm",
                                   "Windows Server 2008 R2", "SLES 11 SP1"])
def test_known_words_get_no_suggestion(engine: SearchEngine, query: str) -> None:
    assert engine.search(query).suggestion is None


def test_a_word_being_typed_is_completed_not_corrected(engine: SearchEngine) -> None:
    result = engine.search("ballo")
    assert result.suggestion is None
    assert "feat-ballooning" in result.ids[:3]
    assert "feat-live-migration" in engine.search("live migr").ids[:3]


def test_versions_are_not_corrected(engine: SearchEngine) -> None:
    # "win8" is not a typo of "win7": the statement simply does not name it.
    assert engine.search("win8 ").suggestion is None


def test_correction_is_spent_only_when_needed(engine: SearchEngine,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = Vocabulary.correct

    def counting(self: Vocabulary, word: str, limit: int = 3) -> list[str]:
        calls.append(word)
        return original(self, word, limit)

    monkeypatch.setattr(Vocabulary, "correct", counting)
    engine.search("live migration of a guest with pci passthrough")
    assert calls == []
    engine.search("ballon ")
    assert calls == ["ballon"]


def test_a_correction_is_worked_out_once_per_word(monkeypatch: pytest.MonkeyPatch) -> None:
    # typing "miratio" letter by letter asks again and again; the answer is remembered
    vocabulary = Vocabulary({"migration": 5, "balloon": 3})
    calls: list[str] = []
    original = Vocabulary._correct

    def counting(self: Vocabulary, word: str, limit: int) -> list[str]:
        calls.append(word)
        return original(self, word, limit)

    monkeypatch.setattr(Vocabulary, "_correct", counting)
    assert vocabulary.correct("miratio") == vocabulary.correct("miratio") == ["migration"]
    assert calls == ["miratio"]


def test_a_failing_corrector_never_breaks_a_search(engine: SearchEngine,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Vocabulary, word: str, limit: int) -> list[str]:
        raise TypeError("simulated whoosh-style failure")

    monkeypatch.setattr(Vocabulary, "_correct", broken)
    monkeypatch.setattr(engine._vocabulary, "_answers", {})  # nothing remembered either
    result = engine.search("ballon migraton ")
    assert result.suggestion is None


@pytest.mark.parametrize("word", ["", "a", "-", "--x", "x" * 500, "é€😀", "\x00\x01", "1.2.3"])
def test_vocabulary_handles_odd_words(word: str) -> None:
    vocabulary = Vocabulary({"balloon": 3, "migration": 5, "-no-kvm": 1})
    assert isinstance(vocabulary.correct(word), list)
    assert isinstance(vocabulary.complete(word), list)


def test_vocabulary_prefers_close_and_frequent_words() -> None:
    vocabulary = Vocabulary({"balloon": 3, "ballot": 1, "migration": 5, "hotplug": 2})
    assert vocabulary.correct("ballon")[0] == "balloon"
    assert vocabulary.correct("hotplgu") == ["hotplug"]
    assert vocabulary.correct("migraiton") == ["migration"]  # two edits on a long word
    assert vocabulary.correct("zzzzzz") == []
    assert vocabulary.complete("ball") == ["balloon", "ballot"]


@pytest.mark.parametrize("a, b, distance", [
    ("balloon", "balloon", 0), ("ballon", "balloon", 1), ("hotplgu", "hotplug", 1),
    ("miration", "migration", 1), ("abc", "xyz", 3), ("", "ab", 2),
])
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, limit=3) == distance


def test_a_typo_finds_the_entry_named_by_what_it_meant(engine: SearchEngine) -> None:
    # "maximum vcpus" names the vCPU limit (L97); one wrong letter must not hand the first
    # place to "Maximum number of guests", which only mentions vCPUs.
    result = engine.search("maximun vcpus")
    assert result.suggestion == "maximum vcpus"
    assert result.ids[0] == "limit-guest-vcpus"


@pytest.mark.parametrize("typo", ["miratio", "passthrog", "overcomi", "hiberant", "ballooing",
                                  "timekeepgn", "vritio-blk", "permision", "mgiratoin",
                                  "hbiernaet"])
def test_the_fast_two_edit_scan_misses_no_word_of_the_full_one(engine: SearchEngine,
                                                               typo: str) -> None:
    # Letter pairs only rule out words more than two edits away; never a word within two.
    vocabulary = engine._vocabulary
    heads = {typo[0], typo[1]}
    full = {w for w in vocabulary.frequencies
            if abs(len(w) - len(typo)) <= 2 and (w[0] in heads or w[1:2] in heads)
            and edit_distance(typo, w, 2) <= 2}
    assert full <= vocabulary._scan(typo, 2)
