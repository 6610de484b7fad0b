"""The release's thesaurus (content/<release>/thesaurus.toml), compiled for query expansion.

Each term becomes the sequence of its tokens' first keys (stemmed words, whole technical tokens).
A query *contains* a term when that sequence occurs in the query's key sequence, compared once
with and once without stop words, so "can I hot add a cpu" contains "hot add cpu" and
"how many disks" contains "how many". A contained term pulls in the group's other terms and
boosts the group's entries: that is how "Windows Server 2008 R2" finds the row "Win 2K8+".
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
            bare = tuple(analysis.match_keys(t, drop_stop_words=True) for t in group.terms)
            compiled = CompiledGroup(tuple(group.terms), keys, bare, tuple(group.entries))
            self.groups.append(compiled)
            for index, seqs in enumerate(zip(keys, bare, strict=True)):
                for seq in dict.fromkeys(seqs):
                    if seq:
                        self._by_first.setdefault(seq[0], []).append((compiled, index, seq))

    def __len__(self) -> int:
        return len(self.groups)

    def matches(self, *key_sequences: Sequence[str]) -> list[Match]:
        """Groups with a term contained in any of the key sequences; longest term wins per group."""
        best: dict[int, tuple[int, Match]] = {}
        for keys in key_sequences:
            for start, key in enumerate(keys):
                for group, index, seq in self._by_first.get(key, ()):
                    if tuple(keys[start:start + len(seq)]) != seq:
                        continue
                    gid = id(group)
                    if gid not in best or len(seq) > best[gid][0]:
                        best[gid] = (len(seq), Match(group, index))
        return [match for _, match in best.values()]
