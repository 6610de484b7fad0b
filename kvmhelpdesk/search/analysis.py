"""Text analysis shared by indexing and querying, in plain Python.

Engineers paste raw tokens from tickets (`-no-kvm`, `pc-0.12`, `virtio-blk-pci`,
`intel_iommu=on`, `Win 2K8+`), so a token is kept whole *and* split into its parts; plain words
are Porter-stemmed so that balloon/ballooning and migrate/migration meet. The index stores the
output of `index_terms` verbatim (whoosh only splits it on spaces), so the index and the query
side can never drift apart, and the on-disk schema holds no custom classes to unpickle.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

MAX_TOKEN_CHARS = 64
# Function words of English questions. They are dropped from queries that have other words
# (they are in every entry and only add noise) but kept when a query has nothing else.
STOP_WORDS: frozenset[str] = frozenset({
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
    "done", "for", "from", "get", "got", "had", "has", "have", "having", "he", "her", "here",
    "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
    "many", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "per",
    "please", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
    "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "use", "used", "using", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    "yours",
})

# A chunk is a run of characters that are not separators; control characters separate too.
_CHUNK = re.compile(r"[^\s\x00-\x1f\x7f|/\\,;()\[\]{}<>\"'`*!?#~^$&@%]+")
_LEAD = re.compile(r"^[^\w-]+|^-+(?=-)")
_TRAIL = re.compile(r"[^\w+]+$")
_PART = re.compile(r"\d+(?:\.\d+)+|[^\W_]+")
_ALNUM = re.compile(r"\d+|[^\W\d_]+")
_WORD = re.compile(r"^[^\W_]+$")


# whoosh's Porter stemmer never undoubles the consonant left by -ed/-ing (its step 1b test is
# anchored at the start of the word), so "running" stems to "runn", not "run", and "pinning"
# misses "pin". Stems of three letters keep their pair ("added" stays with "add").
_DOUBLED_END = re.compile(r"([^aeiouylsz])\1$")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Porter stem of a lowercase alphabetic word (numbers and mixed tokens stay as they are)."""
    if not word.isalpha() or len(word) < 3:
        return word
    from whoosh.lang.porter import stem as porter

    found = porter(word)
    if len(found) > 3 and word.endswith(("ed", "ing")) and _DOUBLED_END.search(found):
        return found[:-1]
    return found


class Token(NamedTuple):
    """One whitespace-separated chunk of text, trimmed of surrounding punctuation.

    A NamedTuple, not a dataclass: indexing creates tens of thousands of them.
    """

    raw: str  # as written, case kept (for suggestions and case-sensitive option names)
    whole: str  # lowercased
    start: int  # offset of `raw` in the analysed text
    end: int

    @property
    def is_word(self) -> bool:
        """A plain word or number: no hyphens, dots, equals signs or plus signs in it."""
        return bool(_WORD.match(self.whole))

    @property
    def parts(self) -> tuple[str, ...]:
        """Lowercase pieces: `virtio-blk-pci` -> virtio, blk, pci; `sles11` -> sles, 11."""
        return _parts(self.whole)

    @property
    def keys(self) -> tuple[str, ...]:
        """The index terms this token produces (whole token first)."""
        return _keys(self.whole)

    @property
    def is_stop(self) -> bool:
        return self.whole in STOP_WORDS


@lru_cache(maxsize=50_000)
def _parts(whole: str) -> tuple[str, ...]:
    found: list[str] = []
    for part in _PART.findall(whole):
        found.append(part)
        if "." not in part:
            pieces = _ALNUM.findall(part)
            if len(pieces) > 1:
                found += pieces
    return tuple(dict.fromkeys(p for p in found if p != whole))


@lru_cache(maxsize=50_000)
def _keys(whole: str) -> tuple[str, ...]:
    first = stem(whole) if _WORD.match(whole) else whole
    return tuple(dict.fromkeys([first, *(stem(p) for p in _parts(whole))]))


def normalize(text: str) -> str:
    """NFKC (full-width letters, ligatures) so pasted text compares equal to typed text."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text)


def tokens(text: str, limit: int | None = None) -> list[Token]:
    """Split `text` into tokens; at most `limit` of them (long pastes stay cheap)."""
    text = normalize(text)
    found: list[Token] = []
    for match in _CHUNK.finditer(text):
        chunk = match.group()
        start = match.start()
        if chunk.isalnum():  # the common case: a plain word or number, nothing to trim
            raw = chunk[:MAX_TOKEN_CHARS]
        else:
            lead = _LEAD.search(chunk)
            cut_start = lead.end() if lead else 0
            trail = _TRAIL.search(chunk, cut_start)
            cut_end = trail.start() if trail else len(chunk)
            raw = chunk[cut_start:cut_end][:MAX_TOKEN_CHARS]
            if not raw or not _PART.search(raw):
                continue
            start += cut_start
        found.append(Token(raw, raw.lower(), start, start + len(raw)))
        if limit is not None and len(found) >= limit:
            break
    return found


@lru_cache(maxsize=8192)
def first_token(word: str) -> Token | None:
    """The first token of `word` (a completion or correction of a query word); remembered,
    as the same few hundred words come back at every keystroke."""
    found = tokens(word, limit=1)
    return found[0] if found else None


def index_terms(texts: Iterable[str]) -> str:
    """Space-joined index terms of `texts`, in order, for a whoosh field."""
    return terms_of(tok for text in texts for tok in tokens(text))


def terms_of(toks: Iterable[Token]) -> str:
    return " ".join(key for tok in toks for key in tok.keys)


def vocabulary_words(toks: Iterable[Token]) -> Iterator[str]:
    """Unstemmed lowercase words: the spelling dictionary for suggestions and completion."""
    for tok in toks:
        yield tok.whole
        for part in tok.parts:
            if len(part) > 2 and not part.isdigit():
                yield part


def phrase_key(text: str) -> str:
    """A whole phrase, normalised for exact matching: `Win 2K8+` -> `win 2k8+`."""
    return " ".join(tok.whole for tok in tokens(text))


def phrase_key_cased(text: str) -> str:
    """Like `phrase_key` but case kept: `-M` (machine) and `-m` (memory) are different options."""
    return " ".join(tok.raw for tok in tokens(text))


@lru_cache(maxsize=4096)
def match_keys(text: str, drop_stop_words: bool = False) -> tuple[str, ...]:
    """One key per token (its first index term): what thesaurus phrases are compared on."""
    toks = tokens(text)
    if drop_stop_words:
        toks = [t for t in toks if not t.is_stop] or toks
    return tuple(t.keys[0] for t in toks)
