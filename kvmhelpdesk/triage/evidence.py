"""Where a case's answers were read, joined to the findings that rest on them. Qt-free.

A case (format v2) may carry `evidence` (answer path -> {file, line, section, excerpt, origin,
derived}, written by the support-bundle reader) and `source` (what it was read from).
Reports, the CLI's JSON and the wizard show beside each finding the lines of the bundle its
answers came from; this module is the one join they share, and keeps the map true while the
case is edited: an answer the engineer changed is no longer the bundle's, and a guest removed
or moved takes its evidence along (paths are `guests[N]...`).
"""

from __future__ import annotations

import bisect
import copy
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk.triage.paths import get_path

Entry = Mapping[str, Any]
MAX_SHOWN = 3  # sources named beside one finding in a report; the rest are counted
_ABSENT = object()


def covers(basis: str, path: str) -> bool:
    """A basis path covers itself and everything under it (`guests[2]` covers its disks)."""
    if path == basis:
        return True
    return path.startswith(basis) and len(path) > len(basis) and path[len(basis)] in ".["


def _covers_another(path: str, ordered: Sequence[str]) -> bool:
    """Whether `path` covers another path of the sorted `ordered` (which holds it): the paths
    that start with it come right after it, so a host-wide finding with a basis of hundreds of
    paths is not checked pair by pair."""
    index = bisect.bisect_right(ordered, path)
    while index < len(ordered) and ordered[index].startswith(path):
        if covers(path, ordered[index]):
            return True
        index += 1
    return False


def evidence_for(finding_basis: Iterable[str],
                 evidence_map: Mapping[str, Entry]) -> list[tuple[str, dict[str, Any]]]:
    """The evidence a finding rests on: (answer path, evidence entry) pairs, in basis order.

    `finding_basis` lists the answer paths a finding was decided from (`Finding.basis`); a
    path covers the answers under it, so a basis of `guests[0].disks` brings the evidence of
    every disk. Paths without evidence are left out; no pair twice.
    """
    return EvidenceIndex(evidence_map).under_all(finding_basis)


class EvidenceIndex:
    """An evidence map sorted for prefix look-ups: a verdict of a hundred guests joins its
    thousands of findings to thousands of paths without comparing every pair."""

    def __init__(self, evidence_map: Mapping[str, Entry] | None) -> None:
        self.map: Mapping[str, Entry] = evidence_map or {}
        self._order = {path: number for number, path in enumerate(self.map)}
        self._sorted = sorted(self.map)

    def __bool__(self) -> bool:
        return bool(self.map)

    def under(self, basis: str) -> list[str]:
        """The paths `basis` covers, in the map's order."""
        start = bisect.bisect_left(self._sorted, basis)
        found = []
        for path in self._sorted[start:]:
            if not path.startswith(basis):
                break
            if covers(basis, path):
                found.append(path)
        return sorted(found, key=self._order.__getitem__)

    def under_all(self, basis: Iterable[str]) -> list[tuple[str, dict[str, Any]]]:
        pairs: list[tuple[str, dict[str, Any]]] = []
        seen: set[str] = set()
        for path in (p for b in basis for p in self.under(b)):
            if path not in seen:
                seen.add(path)
                pairs.append((path, dict(self.map[path])))
        return pairs

    def sources(self, basis: Iterable[str]) -> list[tuple[str, dict[str, Any]]]:
        """What a report shows beside a finding: for each basis path its own evidence, or
        (when it has none: `guests[0].disks`) the evidence under it; one line of a file once.

        A finding about a guest as a whole (basis `guests[2]`) is so shown with the line
        that defines the guest, not with every answer read for it; a basis path that covers
        another of the same finding (`guests[2]` and `guests[2].running`) gives way to it.
        """
        pairs: list[tuple[str, dict[str, Any]]] = []
        lines: set[tuple[Any, Any]] = set()
        basis = list(basis)
        ordered = sorted(set(basis))  # what a path covers sorts right after it
        for path in basis:
            if _covers_another(path, ordered):
                continue
            paths = [path] if path in self.map else self.under(path)
            for found in paths:
                entry = self.map[found]
                where = (entry.get("file"), entry.get("line"))
                if where not in lines:
                    lines.add(where)
                    pairs.append((found, dict(entry)))
        return pairs


def cite(entry: Entry) -> str:
    """`hardware.txt line 412, /proc/cpuinfo`: an evidence entry in a few words."""
    section = f", {entry['section']}" if entry.get("section") else ""
    return f"{entry.get('file', '?')} line {entry.get('line', '?')}{section}"


def cite_all(entries: Sequence[Entry], limit: int = MAX_SHOWN) -> str:
    """`hardware.txt line 412, /proc/cpuinfo; kvm.txt line 28, ...` (and N more)."""
    shown = "; ".join(cite(e) for e in entries[:limit])
    more = len(entries) - limit
    return shown + (f"; and {more} more" if more > 0 else "")


def describe(entry: Entry) -> str:
    """`hardware.txt line 412 (/proc/cpuinfo): core id : 3 — counted over the whole
    listing: ...`: for a tooltip and a report's list of sources."""
    section = f" ({entry['section']})" if entry.get("section") else ""
    excerpt = " ".join(str(entry.get("excerpt") or "").split())
    derived = " ".join(str(entry.get("derived") or "").split())
    return (f"{entry.get('file', '?')} line {entry.get('line', '?')}{section}"
            + (f": {excerpt}" if excerpt else "") + (f" \N{EM DASH} {derived}" if derived else ""))


def source_line(source: Mapping[str, Any] | None) -> str:
    """`Read from nts_web01_110302_1011.tbz (host web01), collected 2011-03-02 10:11`, or ""."""
    if not source:
        return ""
    name = source.get("name") or source.get("kind") or "a support bundle"
    host = f" (host {source['hostname']})" if source.get("hostname") else ""
    when = f", collected {source['collected']}" if source.get("collected") else ""
    return f"Read from {name}{host}{when}"


# -- keeping the evidence true while a case is edited -----------------------------------------
def _value(case: Any, path: str) -> Any:
    """What an evidence entry vouches for: a value; for an object or a list of objects (a
    guest, its disks) only that it is there, so editing one answer of a guest does not unmake
    where the guest itself was read."""
    value = get_path(case, path, _ABSENT)
    if value is _ABSENT:
        return _ABSENT
    if isinstance(value, dict) or (isinstance(value, list)
                                   and any(isinstance(v, dict) for v in value)):
        return True
    return copy.deepcopy(value)


def _renumbered(path: str, prefix: str, new: Mapping[int, int]) -> str | None:
    """`path` with the index after `prefix` mapped through `new` (old index -> new index);
    None when its item is gone. Paths outside `prefix[...]` come back unchanged."""
    if not path.startswith(prefix + "["):
        return path
    index, bracket, rest = path[len(prefix) + 1:].partition("]")
    if not bracket or not index.isdigit():
        return path
    return f"{prefix}[{new[int(index)]}]{rest}" if int(index) in new else None


@dataclass
class AnswerSources:
    """A case's evidence as the engineer edits the case: what each entry vouched for when
    it was read, so an answer changed since loses its entry (it is no longer the bundle's)."""

    values: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, case: Mapping[str, Any]) -> AnswerSources:
        evidence = case.get("evidence") or {}
        return cls({path: _value(case, path) for path in evidence})

    def settle(self, case: dict[str, Any]) -> list[str]:
        """Drop the evidence of every answer that changed (or went); the paths dropped."""
        evidence = case.get("evidence")
        if not isinstance(evidence, dict):
            return []
        dropped = [p for p in evidence if p not in self.values
                   or _value(case, p) != self.values[p]]
        for path in dropped:
            evidence.pop(path, None)
            self.values.pop(path, None)
        if not evidence:
            case.pop("evidence", None)
        return dropped

    def reorder(self, case: dict[str, Any], prefix: str, order: Sequence[int | None]) -> None:
        """The items of the list at `prefix` (`guests`, `guests[1].disks`) were removed,
        moved or added: `order[new index]` is each item's old index (None for a new one).
        Evidence paths follow their items; a removed item's evidence goes with it."""
        new = {old: number for number, old in enumerate(order) if old is not None}
        evidence = case.get("evidence")
        if isinstance(evidence, dict):
            moved = {}
            for path, entry in evidence.items():
                target = _renumbered(path, prefix, new)
                if target is not None:
                    moved[target] = entry
            case["evidence"] = moved
            if not moved:
                case.pop("evidence")
        self.values = {target: value for path, value in self.values.items()
                       if (target := _renumbered(path, prefix, new)) is not None}


def evidence_under(case: Mapping[str, Any], prefix: str) -> dict[str, dict[str, Any]]:
    """The evidence under `prefix` (`host`, `guests[2]`), keyed by the path after it
    (`cpu_cores`, `disks[0].format`; "" for the prefix itself)."""
    evidence = case.get("evidence") or {}
    return {path[len(prefix):].lstrip("."): dict(evidence[path])
            for path in EvidenceIndex(evidence).under(prefix)}


_GUEST = re.compile(r"^guests\[\d+\]")


def repointed(basis: Iterable[str], index: int) -> tuple[str, ...]:
    """A guest's finding's basis with its `guests[K]` paths made `guests[index]`: the guest
    it is about has moved since the finding was made (a guest above it was removed)."""
    return tuple(_GUEST.sub(f"guests[{index}]", path) for path in basis)
