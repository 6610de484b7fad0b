"""Plain-text snippets and the words to highlight, taken from the entry itself (not the index).

The knowledge base is in memory anyway, so the index stores no text. Each entry is split into
sentences and analysed once, on its first appearance in a result; later searches reuse that.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from kvmhelpdesk.kb.model import Entry
from kvmhelpdesk.search import analysis

SNIPPET_CHARS = 180
SNIPPETS_KEPT = 8192  # snippets remembered, then forgotten all at once
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"(\*\*|__|`|^#+\s*|^\s*[-*+]\s+|^\s*\d+\.\s+|^>\s*)", re.MULTILINE)
_SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[A-Z0-9*`\[(\"'])|\n\s*\n|\n(?=\s*[-*+] )")
_SPACE = re.compile(r"\s+")


def plain_text(markdown: str) -> str:
    """Markdown to one line of text: links keep their words, emphasis and code marks go."""
    text = _LINK.sub(r"\1", markdown)
    text = _MARKUP.sub("", text)
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class _Analysed:
    sentences: tuple[str, ...]  # plain text; index 0 is the title
    first_label: int  # sentences from here on are aliases and labels: snippets of last resort
    words: dict[str, tuple[str, ...]]  # index key -> the entry's words (as written) with it
    word_keys: dict[str, tuple[str, ...]]  # a word as written -> its keys (whole, then parts)
    places: dict[str, frozenset[int]]  # index key -> sentences that contain it
    summary: str


def _sentences(entry: Entry) -> list[str]:
    markdown = _LINK.sub(r"\1", entry.body)
    chunks = [plain_text(c) for c in _SENTENCE.split(markdown)]
    return [c for c in [*chunks, *entry.restrictions, entry.status_note] if c]


def _analyse(entry: Entry) -> _Analysed:
    prose = (entry.title, *_sentences(entry))
    sentences = (*prose, *(t for t in (entry.source_text, *entry.aliases) if t))
    words: dict[str, dict[str, None]] = {}
    word_keys: dict[str, tuple[str, ...]] = {}
    places: dict[str, set[int]] = {}
    for index, sentence in enumerate(sentences):
        for tok in analysis.tokens(sentence):
            word_keys[tok.raw] = tok.keys
            for key in tok.keys:
                words.setdefault(key, {})[tok.raw] = None
                places.setdefault(key, set()).add(index)
    return _Analysed(sentences, len(prose), {k: tuple(v) for k, v in words.items()}, word_keys,
                     {k: frozenset(v) for k, v in places.items()}, plain_text(entry.summary))


class SnippetKeys:
    """The keys of one search, sorted once for the twenty hits it makes snippets of."""

    __slots__ = ("highlight", "multis", "singles")

    def __init__(self, key_groups: Iterable[tuple[tuple[str, ...], float]],
                 highlight: Collection[str] | None = None) -> None:
        self.singles: dict[str, float] = {}
        self.multis: list[tuple[frozenset[str], tuple[str, ...], float]] = []
        for group, weight in key_groups:
            if len(group) == 1:
                self.singles[group[0]] = max(self.singles.get(group[0], 0.0), weight)
            elif group:
                self.multis.append((frozenset(group), group, weight))
        self.highlight = highlight


class SnippetMaker:
    """Thread-safe cache of analysed entries; builds snippets and highlight terms."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], _Analysed] = {}
        self._lock = threading.Lock()
        # (entry, its keys the query has, the highlighted ones) -> (snippet, terms): the
        # next keystroke mostly finds the same keys in the same entries
        self._made: dict[tuple[Any, ...], tuple[str, tuple[str, ...]]] = {}

    def _analysed(self, entry: Entry) -> _Analysed:
        key = (entry.release, entry.id)
        found = self._cache.get(key)
        if found is None:
            found = _analyse(entry)
            with self._lock:
                self._cache[key] = found
        return found

    def make(self, entry: Entry,
             key_groups: SnippetKeys | Iterable[tuple[tuple[str, ...], float]],
             highlight: Collection[str] | None = None) -> tuple[str, tuple[str, ...]]:
        """(snippet, terms): the sentence that matches the query best, and the words to
        highlight: the entry's words with a key of `highlight` (default: every key present).

        A key group (the keys of a multi-word synonym) counts only if all its keys occur;
        its weight says how much a sentence holding it is worth. A search making several
        snippets passes the same `SnippetKeys` (which holds `highlight`) to each.
        """
        keys = key_groups if isinstance(key_groups, SnippetKeys) \
            else SnippetKeys(key_groups, highlight)
        highlight = keys.highlight
        analysed = self._analysed(entry)
        words = analysed.words
        present = {key: weight for key, weight in keys.singles.items() if key in words}
        for needed, group, weight in keys.multis:
            if words.keys() >= needed:
                for key in group:
                    present[key] = max(present.get(key, 0.0), weight)
        made_key = (entry.release, entry.id, tuple(present.items()),
                    None if highlight is None else frozenset(k for k in present if k in highlight))
        made = self._made.get(made_key)
        if made is None:
            made = self._make(entry, analysed, present, highlight)
            with self._lock:
                if len(self._made) >= SNIPPETS_KEPT:
                    self._made.clear()
                self._made[made_key] = made
        return made

    @staticmethod
    def _make(entry: Entry, analysed: _Analysed, present: dict[str, float],
              highlight: Collection[str] | None) -> tuple[str, tuple[str, ...]]:
        words = analysed.words
        if highlight is None:
            terms = tuple(dict.fromkeys(w for k in present for w in words[k]))
        else:
            terms = _highlighted(analysed, [k for k in present if k in highlight], highlight)
        worth: dict[int, float] = {}
        for key, weight in present.items():
            for index in analysed.places[key]:
                if index:  # the title is shown anyway: never the snippet
                    worth[index] = worth.get(index, 0.0) + weight
        if not worth:
            fallback = analysed.summary or next(iter(analysed.sentences[1:]), entry.title)
            return _trim(fallback, ()), terms
        labels = analysed.first_label
        best = min(worth, key=lambda i: (i >= labels, -worth[i], i))
        return _trim(analysed.sentences[best], terms), terms


def _highlighted(analysed: _Analysed, keys: Iterable[str],
                 highlight: Collection[str]) -> tuple[str, ...]:
    """The entry's words that are the highlighted words: the same word in any form (the same
    key), or a compound made of them only ("32-bit" for "32 bit", never "64-bit" for "bit")."""
    found: dict[str, None] = {}
    for key in keys:
        for word in analysed.words[key]:
            own = analysed.word_keys.get(word, (key,))
            if own[0] in highlight or (len(own) > 1 and all(k in highlight for k in own[1:])):
                found[word] = None
    return tuple(found)


def _trim(text: str, terms: tuple[str, ...], width: int = SNIPPET_CHARS) -> str:
    """At most `width` characters, centred on the first highlighted word when it is far in."""
    if len(text) <= width:
        return text
    lowered = text.lower()
    first = min((i for i in (lowered.find(t.lower()) for t in terms) if i >= 0), default=0)
    start = 0 if first < width // 2 else max(0, first - width // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    piece = text[start:start + width]
    if start + width < len(text):
        piece = piece[: piece.rfind(" ")] if " " in piece else piece
        piece += " …"
    return ("… " if start else "") + piece.strip()
