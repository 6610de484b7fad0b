"""The release's thesaurus (content/<release>/thesaurus.toml), compiled for query expansion.

Each term becomes the sequence of its tokens' first keys (stemmed words, whole technical tokens).
A query *contains* a term when that sequence occurs in the query's key sequence, compared once
with and once without stop words, so "can I hot add a cpu" contains "hot add cpu" and
"how many disks" contains "how many". A contained term pulls in the group's other terms and
boosts the group's entries: that is how "Windows Server 2008 R2" finds the row "Win 2K8+".

Two guards keep a group from answering for words it does not own: a term whose stop-word-free
form is a single word ("how many guests" -> "guests") matches only as written, and a match that
lies inside a longer match of another group gives way ("hot add memory" is ballooning, not the
"hot add" of device hotplug).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kvmhelpdesk.kb.model import SynonymGroup
from kvmhelpdesk.search import analysis


@dataclass(frozen=True)
class CompiledGroup:
    terms: tuple[str, ...]
    keys: tuple[tuple[str, ...], ...]  # per term: its match keys (stop words kept)
    bare_keys: tuple[tuple[str, ...], ...]  # per term: its match keys without stop words
    entries: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    group: CompiledGroup
    term_index: int  # which term of the group the query contained
    span: frozenset[int] = frozenset()  # positions of the query tokens the term covered

    @property
    def other_terms(self) -> list[str]:
        return [t for i, t in enumerate(self.group.terms) if i != self.term_index]


class Thesaurus:
    """Synonym groups indexed by their first key, so matching costs one dict look-up per word."""

    def __init__(self, groups: Iterable[SynonymGroup]) -> None:
        self.groups: list[CompiledGroup] = []
        self._by_first: dict[str, list[tuple[CompiledGroup, int, tuple[str, ...]]]] = {}
        for group in groups:
            keys = tuple(analysis.match_keys(t) for t in group.terms)
            bare = tuple(_bare_form(full, analysis.match_keys(t, drop_stop_words=True))
                         for full, t in zip(keys, group.terms, strict=True))
            compiled = CompiledGroup(tuple(group.terms), keys, bare, tuple(group.entries))
            self.groups.append(compiled)
            for index, seqs in enumerate(zip(keys, bare, strict=True)):
                for seq in dict.fromkeys(seqs):
                    if seq:
                        self._by_first.setdefault(seq[0], []).append((compiled, index, seq))

    def __len__(self) -> int:
        return len(self.groups)

    def matches(self, *key_sequences: Sequence[str],
                positions: Sequence[Sequence[int]] = ()) -> list[Match]:
        """Groups with a term contained in any of the key sequences; longest term wins per group.

        `positions[i][j]` is the query position of `key_sequences[i][j]` (default: j), so that
        matches found in the sequence with and without stop words compare their spans.
        """
        best: dict[int, tuple[int, Match]] = {}
        for number, keys in enumerate(key_sequences):
            where = positions[number] if number < len(positions) else range(len(keys))
            for start, key in enumerate(keys):
                for group, index, seq in self._by_first.get(key, ()):
                    if tuple(keys[start:start + len(seq)]) != seq:
                        continue
                    gid = id(group)
                    if gid not in best or len(seq) > best[gid][0]:
                        span = frozenset(where[start:start + len(seq)])
                        best[gid] = (len(seq), Match(group, index, span))
        found = [match for _, match in best.values()]
        return [m for m in found if not any(m.span < other.span for other in found)]


def _bare_form(full: tuple[str, ...], bare: tuple[str, ...]) -> tuple[str, ...]:
    """The stop-word-free form of a term, unless dropping stop words leaves one word only:
    "how many guests" must not match every query that says "guests"."""
    if bare != full and len(bare) < 2:
        return full
    return bare
