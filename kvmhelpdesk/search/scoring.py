"""Ranking a query plan against the whoosh index, in plain Python.

whoosh stores the inverted index; scoring happens here. whoosh's own matcher trees cost
10-100 ms for a thesaurus-expanded query even on a few hundred entries (one Python call per
posting per tree level), while reading each needed posting list once, caching it (the index
never changes while open) and adding scores up in dicts costs about a millisecond per keystroke.

Score of a document, largest parts first:
  the whole query is one of its names (id, title, option or command name)    EXACT_PHRASE
  ... or one of its aliases (other names, the statement's row label)          EXACT_ALIAS
  ... or a value of the option that the statement allows or refuses          EXACT_VALUE
  ... written with the same letter case (-M is not -m)                      + EXACT_PHRASE_CASED
  ... or, after a typo, what the "did you mean" reads is a name or alias     x CORRECTED
  a technical token of a longer query (`-no-kvm`) is one of its names         EXACT_TOKEN
  per thesaurus group the query names that lists the entry                     ENTRY_BOOST
    (times the share of the query's words the group's term covers)
  per query word: the best of the word, its completions and corrections, as BM25 over
  title (x3), names/aliases/keywords (x2), body (x1), kind/section/status words (x0.5);
  a completion of a word that is itself in the index scores at most its weight times the
  word's own best score (a rare completion must not outrank the word's topic)
  per thesaurus group the query names: the best of its other terms, scored like words (x0.4,
    times the same share)
  per entry nearest to something the statement does not cover (outside.py: the guest row
    "Windows Server 2012" falls short of, the options nearest "SPICE")           NEAREST_BOOST
    (times the share of the query that names it, and 0.9 for each entry listed before it)
and then, when the question words ask for a kind of entry (intent.py: "max" a limit, "speed"
a performance figure), the entries of that kind count ASKED_KIND_FACTOR times.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kvmhelpdesk.search import analysis
from kvmhelpdesk.search.query import QueryPlan
from kvmhelpdesk.search.results import NO_STATUS
from kvmhelpdesk.search.schema import FIELD_WEIGHTS

EXACT_PHRASE = 60.0
EXACT_ALIAS = 40.0
EXACT_VALUE = 25.0
EXACT_PHRASE_CASED = 30.0
EXACT_TOKEN = 15.0
EXACT_TOKEN_ALIAS = 10.0
EXACT_TOKEN_VALUE = 6.0
EXACT_TOKEN_CASED = 8.0
ENTRY_BOOST = 20.0
EXPANSION_WEIGHT = 0.4
ASKED_KIND_FACTOR = 1.5
NEAREST_BOOST = 40.0
CORRECTED = 0.9  # an exact match on the corrected query, against one on the query as typed
PARTS_WEIGHT = 0.7
K1, B = 1.2, 0.75
CACHE_SIZE = 8192
COMBINED_SIZE = 4096


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    release: str
    kind: str
    status: str | None


class IndexView:
    """A read-only whoosh index seen as cached, scored posting lists. Not thread-safe on its
    own: the engine calls it under its lock."""

    def __init__(self, searcher: Any) -> None:
        self._reader = searcher.reader()
        self.doc_count = self._reader.doc_count_all()
        self.docs: dict[int, Doc] = {}
        self.by_id: dict[str, list[int]] = {}
        for docnum, stored in self._reader.iter_docs():
            doc = Doc(stored["id"], stored["release"], stored["kind"], stored.get("status"))
            self.docs[docnum] = doc
            self.by_id.setdefault(doc.id, []).append(docnum)
        self._lengths: dict[str, tuple[dict[int, int], float]] = {}
        self._cache: OrderedDict[tuple[str, str], dict[int, float]] = OrderedDict()
        self._lock = threading.Lock()
        # Scores of words and thesaurus terms over all fields, by what they were made from:
        # typing a query repeats its earlier words and its synonyms at every keystroke.
        self._combined: OrderedDict[tuple[Any, ...], dict[int, float]] = OrderedDict()

    def combined(self, key: tuple[Any, ...], make: Callable[[], dict[int, float]]
                 ) -> dict[int, float]:
        """`make()` once per `key` while it is among the last COMBINED_SIZE used. The dict is
        shared: callers must not change it."""
        found = self._combined.get(key)
        if found is None:
            found = make()
            self._combined[key] = found
            if len(self._combined) > COMBINED_SIZE:
                self._combined.popitem(last=False)
        else:
            self._combined.move_to_end(key)
        return found

    def _field_lengths(self, field: str) -> tuple[dict[int, int], float]:
        found = self._lengths.get(field)
        if found is None:
            lengths = {d: self._reader.doc_field_length(d, field, 0) or 0 for d in self.docs}
            average = (sum(lengths.values()) / len(lengths)) if lengths else 1.0
            found = self._lengths[field] = (lengths, max(average, 1.0))
        return found

    def _postings(self, field: str, term: str) -> list[tuple[int, float]]:
        try:
            matcher = self._reader.postings(field, term)
        except Exception:  # TermNotFound, or a term whoosh cannot encode: nothing matches
            return []
        found = []
        while matcher.is_active():
            found.append((matcher.id(), matcher.weight()))
            matcher.next()
        return found

    def scored(self, field: str, term: str) -> dict[int, float]:
        """BM25 score of `term` in `field` for every document that has it."""
        key = (field, term)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        postings = self._postings(field, term)
        scores: dict[int, float] = {}
        if postings:
            lengths, average = self._field_lengths(field)
            df = len(postings)
            idf = math.log(1.0 + (self.doc_count - df + 0.5) / (df + 0.5))
            for docnum, tf in postings:
                norm = K1 * (1.0 - B + B * lengths.get(docnum, 0) / average)
                scores[docnum] = idf * tf * (K1 + 1.0) / (tf + norm)
        with self._lock:
            self._cache[key] = scores
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return scores

    def has(self, field: str, term: str) -> set[int]:
        return set(self.scored(field, term)) if term else set()


def _add(total: dict[int, float], scores: dict[int, float], weight: float = 1.0) -> None:
    for docnum, value in scores.items():
        total[docnum] = total.get(docnum, 0.0) + value * weight


def fielded(view: IndexView, key: str) -> dict[int, float]:
    """BM25 of one key summed over the text fields with their weights (shared: read only)."""
    return view.combined(("fielded", key), lambda: _fielded(view, key))


def _fielded(view: IndexView, key: str) -> dict[int, float]:
    total: dict[int, float] = {}
    for field, field_weight in FIELD_WEIGHTS.items():
        _add(total, view.scored(field, key), field_weight)
    return total


def phrase_scores(view: IndexView, term: str) -> dict[int, float]:
    """A thesaurus term: documents with all its words, scored like words over the fields
    (shared: read only)."""
    return view.combined(("phrase", term), lambda: _phrase_scores(view, term))


def _phrase_scores(view: IndexView, term: str) -> dict[int, float]:
    keys = analysis.match_keys(term, drop_stop_words=True)
    if not keys:
        return {}
    required = [view.scored("body", k) for k in keys]
    common = set(required[0]).intersection(*required[1:])
    total: dict[int, float] = {}
    for key in keys:
        for docnum, value in fielded(view, key).items():
            if docnum in common:
                total[docnum] = total.get(docnum, 0.0) + value
    return total


def word_scores(view: IndexView, keys: tuple[str, ...], is_word: bool,
                weight: float) -> dict[int, float]:
    """One word over every text field; a technical token also by its parts (shared when
    `weight` is 1: read only)."""
    total = view.combined(("word", keys, is_word), lambda: _word_scores(view, keys, is_word))
    if weight != 1.0:
        total = {docnum: value * weight for docnum, value in total.items()}
    return total


def _word_scores(view: IndexView, keys: tuple[str, ...], is_word: bool) -> dict[int, float]:
    total = dict(fielded(view, keys[0]))
    parts = keys[1:]
    if parts:
        # All parts present: full weight; some present: less, by the square of the share.
        bonus = PARTS_WEIGHT * (0.6 if is_word else 1.0)
        found: dict[int, list[float]] = {}
        for part in parts:
            for docnum, value in view.scored("body", part).items():
                found.setdefault(docnum, []).append(value)
        for docnum, values in found.items():
            share = (len(values) / len(parts)) ** 2
            total[docnum] = total.get(docnum, 0.0) + bonus * share * sum(values)
    return total


def _exact_bonus(total: dict[int, float], view: IndexView,
                 checks: tuple[tuple[str, str, float], ...]) -> None:
    """Add `points` to every document whose `field` holds exactly `text`."""
    for field, text, points in checks:
        for docnum in view.has(field, text):
            total[docnum] = total.get(docnum, 0.0) + points


def score(plan: QueryPlan, view: IndexView) -> dict[int, float]:
    """Score of every document the plan matches (see the module docstring)."""
    total: dict[int, float] = {}
    _exact_bonus(total, view, (("exact", plan.phrase, EXACT_PHRASE),
                               ("alias", plan.phrase, EXACT_ALIAS),
                               ("value", plan.phrase, EXACT_VALUE),
                               ("exactcase", plan.phrase_cased, EXACT_PHRASE_CASED)))
    if plan.corrected_phrase:  # what a typo meant may be a name too, worth a little less
        _exact_bonus(total, view, (("exact", plan.corrected_phrase, EXACT_PHRASE * CORRECTED),
                                   ("alias", plan.corrected_phrase, EXACT_ALIAS * CORRECTED)))
    multi = len(plan.clauses) > 1
    for clause in plan.clauses:
        tok = clause.token
        best = dict(word_scores(view, tok.keys, tok.is_word, 1.0))
        # A word found as typed caps what its completions may add: "itanium host" must not
        # rank the rare "hostfwd" above the entries about hosts.
        ceiling = max(best.values(), default=0.0) or math.inf
        for word, weight in clause.alternatives:
            alt = analysis.first_token(word)
            if alt is None:
                continue
            for docnum, value in word_scores(view, alt.keys, alt.is_word, 1.0).items():
                value = weight * min(value, ceiling)
                if value > best.get(docnum, 0.0):
                    best[docnum] = value
        _add(total, best)
        if multi and not tok.is_word:
            _exact_bonus(total, view, (("exact", tok.whole, EXACT_TOKEN),
                                       ("alias", tok.whole, EXACT_TOKEN_ALIAS),
                                       ("value", tok.whole, EXACT_TOKEN_VALUE),
                                       ("exactcase", tok.raw, EXACT_TOKEN_CASED)))
    for entries, coverage in plan.boosted_entries():
        for entry_id in set(entries):
            for docnum in view.by_id.get(entry_id, ()):
                total[docnum] = total.get(docnum, 0.0) + ENTRY_BOOST * coverage
    for terms, coverage in plan.expansions():
        best = {}
        for term in terms:
            for docnum, value in phrase_scores(view, term).items():
                if value > best.get(docnum, 0.0):
                    best[docnum] = value
        _add(total, best, EXPANSION_WEIGHT * coverage)
    for rank, (entry_id, share) in enumerate(plan.nearest):
        for docnum in view.by_id.get(entry_id, ()):  # nearest first, in the order given
            total[docnum] = total.get(docnum, 0.0) + NEAREST_BOOST * share * 0.9 ** rank
    if plan.asked_kinds:
        docs = view.docs
        for docnum, value in total.items():
            if docnum in docs and docs[docnum].kind in plan.asked_kinds:
                total[docnum] = value * ASKED_KIND_FACTOR
    return total


def top(view: IndexView, scores: dict[int, float], limit: int, release: str,
        kind: str | None, status: str | None) -> tuple[list[tuple[Doc, float]], int]:
    """The best `limit` documents of one release passing the kind and status filters, and
    how many documents pass them in all (the "25 of 161" of a result list).

    `status` "none" keeps the entries the statement gives no status (performance cells...).
    """
    docs = view.docs
    passing = [(docs[docnum], value) for docnum, value in scores.items()
               if docnum in docs and _passes(docs[docnum], release, kind, status)]
    passing.sort(key=lambda item: (-item[1], item[0].id))
    return passing[:limit], len(passing)


def _passes(doc: Doc, release: str, kind: str | None, status: str | None) -> bool:
    if doc.release != release or (kind and doc.kind != kind):
        return False
    if status == NO_STATUS:
        return doc.status is None
    return not status or doc.status == status
