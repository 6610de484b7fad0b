"""Prefix completion and "did you mean" from the index's own vocabulary.

whoosh's `correct_query` is not used: in whoosh-reloaded 2.7.5 it raises TypeError on some
hyphenated tokens. Corrections here come from a symmetric-delete table (every word and every
word with one letter deleted), which finds one insertion, deletion, substitution or swap with a
few dict look-ups; longer words fall back to a bounded scan of the words that share a first
letter, of a similar length, that share enough letter pairs to be two edits away (a cheap set
test that spares most of the exact, slow, edit distances). The tables are built on the first
typo only, so queries without typos never pay for them, and answers are remembered: typing
"miratio" letter by letter asks for the same corrections again and again. Nothing in here may
raise.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Mapping

from kvmhelpdesk.search.analysis import STOP_WORDS

MIN_CORRECTABLE = 4  # shorter words have too many neighbours to guess from
MAX_CORRECTABLE = 40
ANSWERS_KEPT = 4096  # corrections remembered (per word asked), then forgotten all at once


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance (a swap of neighbours costs 1), capped at limit + 1."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _pairs(word: str) -> frozenset[str]:
    return frozenset(word[i:i + 2] for i in range(len(word) - 1))


class _ScanIndex:
    """The vocabulary by first or second letter and length, with each word's letter pairs."""

    def __init__(self, words: list[str]) -> None:
        self.by_head: dict[tuple[str, int],
                           list[tuple[str, frozenset[str], frozenset[str]]]] = {}
        for word in words:
            entry = (word, frozenset(word), _pairs(word))
            for head in dict.fromkeys(word[:2]):
                self.by_head.setdefault((head, len(word)), []).append(entry)


class Vocabulary:
    """The words of the index with their document frequencies."""

    def __init__(self, frequencies: Mapping[str, int]) -> None:
        self.frequencies = dict(frequencies)
        self._sorted = sorted(self.frequencies)
        self._table: dict[str, list[str]] | None = None
        self._scan_index: _ScanIndex | None = None
        self._answers: dict[tuple[str, int], list[str]] = {}
        self._lock = threading.Lock()

    def __contains__(self, word: object) -> bool:
        return word in self.frequencies

    def __len__(self) -> int:
        return len(self.frequencies)

    def prepare(self) -> None:
        """Build the typo tables now (about 0.1 s) rather than on the first typo."""
        self._delete_table()
        self._get_scan_index()

    def complete(self, prefix: str, limit: int = 8, scan: int = 400) -> list[str]:
        """The most frequent words that start with `prefix` (not the prefix itself)."""
        if not prefix:
            return []
        start = bisect.bisect_left(self._sorted, prefix)
        found: list[str] = []
        for word in self._sorted[start:start + scan]:
            if not word.startswith(prefix):
                break
            if word != prefix:
                found.append(word)
        found.sort(key=lambda w: (-self.frequencies[w], len(w), w))
        return found[:limit]

    def correct(self, word: str, limit: int = 3) -> list[str]:
        """Likely intended words for an unknown `word`, best first; [] when unsure or on error."""
        key = (word, limit)
        found = self._answers.get(key)
        if found is None:
            try:
                found = self._correct(word, limit)
            except Exception:  # a suggestion is a nicety: it must never break a search
                return []
            if len(self._answers) >= ANSWERS_KEPT:
                self._answers.clear()
            self._answers[key] = found
        return list(found)

    def _correct(self, word: str, limit: int) -> list[str]:
        if not (MIN_CORRECTABLE <= len(word) <= MAX_CORRECTABLE) or word in self.frequencies:
            return []
        if any(ch.isdigit() for ch in word):  # "win8" is not a typo of "win7"
            return []
        max_distance = 1 if len(word) <= 5 else 2
        table = self._delete_table()
        candidates: set[str] = set()
        for variant in (word, *_deletes(word)):
            candidates.update(table.get(variant, ()))
        if not candidates and max_distance > 1:
            candidates = self._scan(word, max_distance)
        scored = []
        for candidate in candidates:
            if candidate in STOP_WORDS or len(candidate) < 3:
                continue
            distance = edit_distance(word, candidate, max_distance)
            if distance <= max_distance:
                same_start = candidate[0] == word[0]
                scored.append((distance, not same_start, -self.frequencies[candidate], candidate))
        scored.sort()
        return [s[-1] for s in scored[:limit]]

    def _scan(self, word: str, max_distance: int) -> set[str]:
        """Words sharing the first or second letter, of similar length, and close enough by
        two cheap set tests that never rule out a word `max_distance` edits away: each edit
        takes at most one letter of either word away, so at most `max_distance` letters of one
        are missing from the other; and it changes at most three letter pairs (a swap of
        neighbours: "abcd"/"acbd"), so they share all but 3 * `max_distance` pairs."""
        by_head = self._get_scan_index().by_head
        letters, pairs = frozenset(word), _pairs(word)
        found = set()
        for head in dict.fromkeys(word[:2]):
            for length in range(len(word) - max_distance, len(word) + max_distance + 1):
                for other, their_letters, their_pairs in by_head.get((head, length), ()):
                    if (len(letters - their_letters) <= max_distance
                            and len(their_letters - letters) <= max_distance
                            and len(pairs & their_pairs)
                            >= max(len(pairs), len(their_pairs)) - 3 * max_distance):
                        found.add(other)
        return found

    def _get_scan_index(self) -> _ScanIndex:
        with self._lock:
            if self._scan_index is None:
                self._scan_index = _ScanIndex(self._sorted)
            return self._scan_index

    def _delete_table(self) -> dict[str, list[str]]:
        with self._lock:
            if self._table is None:
                table: dict[str, list[str]] = {}
                for word in self._sorted:
                    if len(word) < 3 or len(word) > MAX_CORRECTABLE + 1:
                        continue
                    table.setdefault(word, []).append(word)
                    for variant in _deletes(word):
                        table.setdefault(variant, []).append(word)
                self._table = table
            return self._table
