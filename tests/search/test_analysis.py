"""Analysis keeps technical tokens whole and findable by their parts; prose is stemmed."""

from __future__ import annotations

import pytest

from kvmhelpdesk.search import analysis


def wholes(text: str) -> list[str]:
    return [t.whole for t in analysis.tokens(text)]


@pytest.mark.parametrize("text, expected", [
    ("use -no-kvm here", ["use", "-no-kvm", "here"]),
    ("-M [pc|pc-0.12]", ["-m", "pc", "pc-0.12"]),
    ("-device virtio-blk-pci,drive=x", ["-device", "virtio-blk-pci", "drive=x"]),
    ("boot with intel_iommu=on.", ["boot", "with", "intel_iommu=on"]),
    ("kvm-clock, then NTP", ["kvm-clock", "then", "ntp"]),
    ("Win 2K8+", ["win", "2k8+"]),
    ("SLES10 SP3+ (64 bit)", ["sles10", "sp3+", "64", "bit"]),
    ("--drive file=a.img", ["-drive", "file=a.img"]),
    ("/dev/kvm", ["dev", "kvm"]),
    ('"quoted" words*', ["quoted", "words"]),
])
def test_tokens_keep_technical_words_whole(text: str, expected: list[str]) -> None:
    assert wholes(text) == expected


@pytest.mark.parametrize("token, parts", [
    ("virtio-blk-pci", {"virtio", "blk", "pci"}),
    ("intel_iommu=on", {"intel", "iommu", "on"}),
    ("pc-0.12", {"pc", "0.12"}),
    ("-no-kvm", {"no", "kvm"}),
    ("sles11", {"sles", "11"}),
    ("2k8+", {"2k8"}),
])
def test_technical_tokens_are_also_indexed_by_their_parts(token: str, parts: set[str]) -> None:
    tok = analysis.tokens(token)[0]
    assert tok.keys[0] == token
    assert parts <= set(tok.parts)
    assert {analysis.stem(p) for p in parts} <= set(tok.keys)


@pytest.mark.parametrize("a, b", [
    ("balloon", "ballooning"),
    ("migrate", "migration"),
    ("supported", "support"),
    ("disks", "disk"),
    ("guests", "guest"),
])
def test_prose_is_stemmed(a: str, b: str) -> None:
    assert analysis.tokens(a)[0].keys[0] == analysis.tokens(b)[0].keys[0]


def test_technical_tokens_are_not_stemmed() -> None:
    assert analysis.tokens("virtio-balloon")[0].keys[0] == "virtio-balloon"
    assert "balloon" in analysis.tokens("virtio-balloon")[0].keys


def test_phrase_keys_ignore_case_unless_asked() -> None:
    assert analysis.phrase_key("Win  2K8+ ") == "win 2k8+"
    assert analysis.phrase_key_cased("-M") == "-M"
    assert analysis.phrase_key_cased("-m") != analysis.phrase_key_cased("-M")


def test_stop_words_dropped_only_when_something_else_is_left() -> None:
    assert analysis.match_keys("can I hot add a cpu", drop_stop_words=True) == ("hot", "add", "cpu")
    assert analysis.match_keys("is it", drop_stop_words=True) == ("is", "it")


@pytest.mark.parametrize("text", ["\x00\x01\x1f", "😀🚀", "***", "", "   ", "---", "+++", "[]()"])
def test_junk_gives_no_tokens(text: str) -> None:
    assert analysis.tokens(text) == []


def test_control_characters_separate_words() -> None:
    assert wholes("hot\x00add\x07cpu") == ["hot", "add", "cpu"]


def test_full_width_text_is_normalised() -> None:
    assert wholes("ＫＳＭ") == ["ksm"]


def test_token_limit_and_length_cap() -> None:
    assert len(analysis.tokens("a " * 1000, limit=5)) == 5
    assert len(analysis.tokens("x" * 10_000)[0].whole) == analysis.MAX_TOKEN_CHARS


@pytest.mark.parametrize("word, same_as", [
    ("running", "run"),  # whoosh's Porter alone gives "runn"
    ("pinning", "pin"),
    ("plugged", "plug"),
    ("shredded", "shred"),
    ("added", "add"),  # a three-letter stem keeps its pair
    ("falling", "fall"),  # l, s and z stay doubled, as in Porter
])
def test_doubled_consonants_before_ed_and_ing_are_undoubled(word: str, same_as: str) -> None:
    assert analysis.stem(word) == analysis.stem(same_as)
