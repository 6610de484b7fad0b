"""From the engineer's words to a query plan.

There is no query language: whatever is typed (quotes, AND/OR/NOT, `field:value`, `*`, control
characters, emoji, 10,000 characters) is only ever split into plain tokens by `analysis.tokens`,
so no input can fail to parse. A plan says which words to look for, what may stand in for each
(completions of the word being typed, typo corrections), which thesaurus groups the query names,
and the "did you mean" text; scoring.py turns it into ranked documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk.search import analysis
from kvmhelpdesk.search.intent import asked_kinds
from kvmhelpdesk.search.suggest import Vocabulary
from kvmhelpdesk.search.thesaurus import Match, Thesaurus

MAX_QUERY_CHARS = 500
MAX_QUERY_TOKENS = 16
MAX_EXPANSIONS = 24  # thesaurus terms added to one query
COMPLETION_WEIGHT = 0.6
# How much a word found in a sentence makes it the snippet: the query's own, a completion or
# correction of one, a synonym from the thesaurus.
OWN_WORD, ALTERNATIVE, SYNONYM = 3.0, 2.0, 1.0
CORRECTION_WEIGHT = 0.9


@dataclass
class Clause:
    """One word of the query and the words that may stand in for it."""

    token: analysis.Token
    alternatives: list[tuple[str, float]] = field(default_factory=list)  # (word, weight)
    correction: str | None = None


@dataclass
class QueryPlan:
    text: str
    clauses: list[Clause] = field(default_factory=list)
    phrase: str = ""
    phrase_cased: str = ""
    corrected_phrase: str = ""  # the phrase as the "did you mean" reads it (typos only)
    matches: list[Match] = field(default_factory=list)
    suggestion: str | None = None
    content_positions: frozenset[int] = frozenset()  # query tokens that are not stop words
    asked_kinds: frozenset[str] = frozenset()  # kinds the question words ask for (intent.py)
    # entries nearest to what the statement does not cover (outside.py), with their share
    nearest: tuple[tuple[str, float], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.clauses

    @property
    def needed_correction(self) -> bool:
        return any(c.correction for c in self.clauses)

    def highlight_keys(self) -> list[tuple[tuple[str, ...], float]]:
        """(key group, weight) pairs whose words in an entry explain why it matched: they
        choose the snippet sentence.

        A group counts for an entry only when all its keys occur there (multi-word thesaurus
        terms); technical tokens highlight as a whole, not by their parts. The query's own
        words weigh most when the snippet sentence is chosen, synonyms least.
        """
        groups: dict[tuple[str, ...], float] = {}
        for key in self._typed_keys():
            groups[(key,)] = OWN_WORD
        for key in self._alternative_keys():
            groups.setdefault((key,), ALTERNATIVE)
        for term in self.expansion_terms():
            keys = analysis.match_keys(term, drop_stop_words=True)
            if keys:
                groups.setdefault(keys, SYNONYM)
        stop = analysis.STOP_WORDS
        return [(g, w) for g, w in groups.items() if not all(k in stop for k in g)]

    def own_keys(self) -> frozenset[str]:
        """Keys of the words to highlight: the engineer's own words (any form of them: one
        Porter stem), the word being typed completed, and typos as corrected. Not the
        thesaurus's synonyms: "itanium" must not light up every "host" of an entry."""
        return frozenset((*self._typed_keys(), *self._alternative_keys()))

    def _typed_keys(self) -> list[str]:
        """Keys of the query's words; of a plain word ("sles11") its parts too, unless a part
        is a single character ("R2" is no "2")."""
        keys = []
        for clause in self.clauses:
            tok = clause.token
            keys.append(tok.keys[0])
            if tok.is_word:
                keys += [key for key in tok.keys[1:] if len(key) > 1]
        return keys

    def _alternative_keys(self) -> list[str]:
        return [alt.keys[0] for clause in self.clauses for word, _ in clause.alternatives
                if (alt := analysis.first_token(word)) is not None]

    def expansion_terms(self) -> list[str]:
        terms: list[str] = []
        for match in self.matches:
            terms += match.other_terms
        return list(dict.fromkeys(terms))[:MAX_EXPANSIONS]

    def coverage(self, match: Match) -> float:
        """How much of the query a thesaurus match speaks for (1.0: all of its words).

        "disks" in "lvm volumes for guest disks" is one word of four: the group it names
        (block devices) should weigh a quarter of what it weighs for the query "disks".
        """
        if not match.span:
            return 1.0
        return len(match.span) / len(self.content_positions | match.span)

    def expansions(self) -> list[tuple[list[str], float]]:
        """Per matched thesaurus group, the terms the query did not use (bounded in total),
        with the group's coverage of the query."""
        groups: list[tuple[list[str], float]] = []
        budget = MAX_EXPANSIONS
        for match in self.matches:
            terms = match.other_terms[:budget]
            budget -= len(terms)
            if terms:
                groups.append((terms, self.coverage(match)))
        return groups

    def boosted_entries(self) -> list[tuple[tuple[str, ...], float]]:
        """Per matched group that lists entries: the entries and the group's coverage."""
        return [(m.group.entries, self.coverage(m)) for m in self.matches if m.group.entries]


def clean(text: Any) -> str:
    """A query as a bounded string: anything else, or anything longer, is cut down to size."""
    if not isinstance(text, str):
        return ""
    return text[:MAX_QUERY_CHARS]


def plan_query(text: str, vocabulary: Vocabulary, thesaurus: Thesaurus,
               known: frozenset[str] = frozenset()) -> QueryPlan:
    """Tokens, completions of the word being typed, typo corrections and thesaurus matches.

    `known`: words recognised elsewhere (a technology the statement does not mention, such as
    "spice"), never corrected into an index word that merely looks like them ("space").
    """
    text = clean(text)
    toks = analysis.tokens(text, limit=MAX_QUERY_TOKENS)
    plan = QueryPlan(text)
    if not toks:
        return plan
    positions = [i for i, t in enumerate(toks) if not t.is_stop] or list(range(len(toks)))
    content = [toks[i] for i in positions]
    plan.content_positions = frozenset(positions)
    plan.phrase = " ".join(t.whole for t in toks)
    plan.phrase_cased = " ".join(t.raw for t in toks)
    plan.matches = _thesaurus_matches(thesaurus, toks)
    plan.asked_kinds = asked_kinds(toks)
    in_thesaurus = {k for m in plan.matches for seq in m.group.bare_keys for k in seq}
    known_words = known
    typing_last = not text[-1:].isspace()
    for position, tok in enumerate(content):
        clause = Clause(tok)
        known = (tok.whole in vocabulary or tok.keys[0] in in_thesaurus
                 or tok.whole in known_words)
        if typing_last and position == len(content) - 1 and len(tok.whole) >= 2:
            completions = vocabulary.complete(tok.whole, limit=6)
            clause.alternatives += [(w, COMPLETION_WEIGHT) for w in completions]
            known = known or bool(completions)
        if not known and not tok.is_stop:
            corrections = vocabulary.correct(tok.whole, limit=2)
            if corrections:
                clause.correction = corrections[0]
                clause.alternatives += [(w, CORRECTION_WEIGHT) for w in corrections]
        plan.clauses.append(clause)
    if plan.needed_correction:
        fixes = {id(c.token): c.correction for c in plan.clauses if c.correction}
        plan.suggestion = " ".join(fixes.get(id(t)) or t.raw for t in toks)
        # What the engineer meant may name a thesaurus group too ("miration" -> migration).
        meant = analysis.tokens(plan.suggestion, limit=MAX_QUERY_TOKENS)
        found = {id(m.group) for m in plan.matches}
        plan.matches += [m for m in _thesaurus_matches(thesaurus, meant)
                         if id(m.group) not in found]
        # ... and ask for a kind, or be an entry's name ("maximun vcpus" -> "maximum vcpus")
        plan.asked_kinds |= asked_kinds(meant)
        plan.corrected_phrase = " ".join(t.whole for t in meant)
    return plan


def _thesaurus_matches(thesaurus: Thesaurus, toks: list[analysis.Token]) -> list[Match]:
    """Thesaurus groups the tokens name, compared with and without stop words."""
    content = [i for i, t in enumerate(toks) if not t.is_stop] or list(range(len(toks)))
    return thesaurus.matches(tuple(t.keys[0] for t in toks),
                             tuple(toks[i].keys[0] for i in content),
                             positions=(range(len(toks)), content))
