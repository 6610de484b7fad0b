"""Per-release indexes of the knowledge base that the rules query.

Rules never hold numbers or lists themselves: they ask this index for the limit of a quantity,
the entry of a feature word, an option's allowed values or a performance cell. Built once per
(knowledge base, release) and cached, so checking one guest live in a wizard stays cheap.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk.kb import Entry, KnowledgeBase
from kvmhelpdesk.triage.findings import Ask, Finding

_CACHE: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, Lookup]] = weakref.WeakKeyDictionary()


@dataclass
class Lookup:
    """Entries of one release, indexed the way the rules ask for them.

    It holds its knowledge base weakly: the cache below is keyed weakly by that knowledge
    base, and a strong reference here would keep every replaced knowledge base alive.
    """

    kb_ref: weakref.ReferenceType[KnowledgeBase]
    release: str
    guest_rows: list[Entry] = field(default_factory=list)
    limits: dict[str, Entry] = field(default_factory=dict)
    features: dict[str, Entry] = field(default_factory=dict)
    options: dict[str, Entry] = field(default_factory=dict)
    monitor: dict[str, Entry] = field(default_factory=dict)
    performance: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    articles: dict[str, Entry] = field(default_factory=dict)
    feature_words: dict[str, Entry] = field(default_factory=dict)  # monitor command -> feature
    headings: dict[str, str] = field(default_factory=dict)

    @property
    def kb(self) -> KnowledgeBase:
        kb = self.kb_ref()
        if kb is None:
            raise RuntimeError("the knowledge base of this lookup is gone")
        return kb

    # ---------------------------------------------------------------- queries
    def entry(self, entry_id: str) -> Entry | None:
        return self.kb.find(entry_id, self.release)

    def limit(self, quantity: str) -> Entry | None:
        return self.limits.get(quantity)

    def feature(self, word: str) -> Entry | None:
        return self.features.get(word)

    def feature_named(self, word: str) -> Entry | None:
        """The feature whose `monitor_commands` name `word` (`pci_del` -> device hotplug)."""
        return self.feature_words.get(word)

    def option(self, name: str) -> Entry | None:
        return self.options.get(name)

    def monitor_command(self, word: str) -> Entry | None:
        return self.monitor.get(word)

    def article(self, entry_id: str, *words: str) -> Entry | None:
        """An article by id, else the first article whose id contains all `words`.

        The fallback lets a later release rename `art-pre-sp1-images` to its own wording.
        """
        found = self.articles.get(entry_id)
        if found is not None or not words:
            return found
        for article_id, article in self.articles.items():
            if all(w in article_id for w in words):
                return article
        return None

    def perf_cells(self, category: str, mode: str) -> list[Entry]:
        return self.performance.get((category, mode), [])

    def params_allowed(self, option: str, param: str) -> tuple[str, ...] | None:
        entry = self.option(option)
        if entry is None:
            return None
        allowed = entry.fields.get("params_allowed", {}).get(param)
        return tuple(allowed) if allowed is not None else None

    def params_refused(self, option: str, param: str) -> tuple[str, ...]:
        entry = self.option(option)
        if entry is None:
            return ()
        return tuple(entry.fields.get("params_refused", {}).get(param, ()))

    def heading(self, entry: Entry | None) -> str | None:
        if entry is None:
            return None
        return self.headings.get(entry.section)

    def finding(self, rule: str, scope: str, status: str, message: str,
                entry: Entry | None, basis: tuple[str, ...] = (), key: str = "",
                ask: Ask | None = None) -> Finding:
        """A finding citing `entry` (its id and its section heading), or nothing if missing."""
        return Finding(rule=rule, scope=scope, status=status, message=message,
                       entry=entry.id if entry is not None else None,
                       section=self.heading(entry), key=key, basis=basis, ask=ask)


def lookup(kb: KnowledgeBase, release: str | None = None) -> Lookup:
    """The cached index of `release` (default: the newest) of `kb`."""
    rel = kb.release(release)
    per_kb = _CACHE.setdefault(kb, {})
    cached = per_kb.get(rel.id)
    if cached is None:
        cached = per_kb[rel.id] = _build(kb, rel.id)
    return cached


def _build(kb: KnowledgeBase, release: str) -> Lookup:
    rel = kb.release(release)
    index = Lookup(kb_ref=weakref.ref(kb), release=rel.id,
                   headings={s.id: s.heading for s in rel.sections})
    for entry in rel.entries.values():
        f: Mapping[str, Any] = entry.fields
        if entry.kind == "guest-os":
            index.guest_rows.append(entry)
        elif entry.kind == "limit":
            index.limits.setdefault(f["quantity"], entry)
        elif entry.kind == "feature":
            index.features.setdefault(f["feature"], entry)
            for word in f.get("monitor_commands", ()):
                index.feature_words.setdefault(word, entry)
        elif entry.kind == "qemu-option":
            for name in (f["name"], *f.get("names", ())):
                index.options.setdefault(name, entry)
        elif entry.kind == "monitor-command":
            for name in (f["name"], *f.get("names", ())):
                index.monitor.setdefault(name, entry)
        elif entry.kind == "performance":
            index.performance.setdefault((f["category"], f["mode"]), []).append(entry)
        elif entry.kind == "article":
            index.articles[entry.id] = entry
    # A cell with a figure is the one to compare with; other cells of the same slot follow.
    rank = {"figure": 0, "no-figure": 1, "blank": 2, "not-applicable": 3}
    for cells in index.performance.values():
        cells.sort(key=lambda e: rank.get(e.fields["cell"], 9))
    return index
