"""The knowledge-base data model: plain frozen dataclasses and no Qt."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

KINDS: tuple[str, ...] = (
    "article",
    "guest-os",
    "limit",
    "feature",
    "qemu-option",
    "monitor-command",
    "performance",
)
KIND_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "article": "Articles",
        "guest-os": "Guest operating systems",
        "limit": "Supported limits",
        "feature": "Features",
        "qemu-option": "Command-line options",
        "monitor-command": "Monitor commands",
        "performance": "Performance expectations",
    }
)
KIND_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "article": "Article",
        "guest-os": "Guest OS row",
        "limit": "Supported limit",
        "feature": "Feature",
        "qemu-option": "Command-line option",
        "monitor-command": "Monitor command",
        "performance": "Performance expectation",
    }
)
# Ordered from best to worst: a verdict is the worst status found.
STATUSES: tuple[str, ...] = ("supported", "best-effort", "tech-preview", "unsupported")
STATUS_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "supported": "Supported",
        "best-effort": "Best effort",
        "tech-preview": "Tech preview",
        "unsupported": "Unsupported",
    }
)


class ContentError(Exception):
    """Content that cannot be loaded; the message names the file, the entry or line, and the key."""


@dataclass(frozen=True)
class Section:
    id: str
    heading: str


@dataclass(frozen=True)
class Entry:
    """One citable fact or group of facts of a support statement."""

    id: str
    kind: str
    title: str
    section: str
    release: str
    body: str
    status: str | None = None
    status_note: str = ""
    restrictions: tuple[str, ...] = ()
    summary: str = ""
    source_text: str = ""
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    ambiguities: tuple[str, ...] = ()
    fields: Mapping[str, Any] = field(default_factory=dict)
    origin: str = ""

    def text(self) -> str:
        """All human-readable text of the entry, for search and coverage checks."""
        parts: list[str] = [self.title, self.summary, self.source_text, self.body, self.status_note]
        parts += self.restrictions + self.aliases + self.keywords + self.ambiguities
        for value in self.fields.values():
            parts += _strings_in(value)
        return "\n".join(p for p in parts if p)


def _strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for k, v in value.items() for s in [str(k), *_strings_in(v)]]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings_in(v)]
    return []


@dataclass(frozen=True)
class SynonymGroup:
    terms: tuple[str, ...]
    entries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Release:
    id: str
    title: str
    product: str
    qemu_kvm_version: str
    source: str
    order: int
    sections: tuple[Section, ...]
    entries: Mapping[str, Entry]
    thesaurus: tuple[SynonymGroup, ...] = ()
    origin: str = ""
    # sha256 over the files the loader read (names and content hashes), set by the loader
    content_hash: str = ""

    @cached_property
    def fingerprint(self) -> str:
        """A hash of the release's content: keys caches such as the search index.

        The loader's `content_hash` covers exactly the files it read (never anything else in
        the folder, and never a second read). A release built in memory (tests, benchmarks)
        hashes its entries themselves."""
        if self.content_hash:
            return self.content_hash
        from kvmhelpdesk.kb.hashing import sha256

        digest = sha256()
        digest.update(repr((self.id, self.sections, self.thesaurus)).encode())
        for entry in self.entries.values():
            digest.update(repr(entry).encode())
        return digest.hexdigest()

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def section_heading(self, section_id: str) -> str:
        return self.section(section_id).heading


class KnowledgeBase:
    """All loaded releases; the default one is the newest (highest `order`) unless the user
    prefers another loaded one (`prefer_release`)."""

    def __init__(self, releases: Iterable[Release], problems: Iterable[str] = (),
                 left_out: Mapping[str, str] | None = None) -> None:
        ordered = sorted(releases, key=lambda r: (r.order, r.id))
        self._releases: dict[str, Release] = {r.id: r for r in ordered}
        # Extra content packs that failed to load and were left out: the folder as given ->
        # the message; `problems` lists every message (these and any others).
        self.left_out: Mapping[str, str] = MappingProxyType(dict(left_out or {}))
        self.problems: tuple[str, ...] = (*problems, *self.left_out.values())
        self._preferred: str | None = None

    def prefer_release(self, release_id: str | None) -> None:
        """Make a loaded release the default; None (or one not loaded): the newest again."""
        self._preferred = release_id if release_id in self._releases else None

    @property
    def releases(self) -> Mapping[str, Release]:
        return MappingProxyType(self._releases)

    @property
    def default_release(self) -> str:
        if not self._releases:
            raise ContentError("no release loaded")
        if self._preferred is not None:
            return self._preferred
        return next(reversed(self._releases))

    def release(self, release_id: str | None = None) -> Release:
        rid = release_id or self.default_release
        try:
            return self._releases[rid]
        except KeyError:
            known = ", ".join(self._releases) or "none"
            raise KeyError(f"unknown release {rid!r} (known: {known})") from None

    def entries(self, release: str | None = None, kind: str | None = None) -> list[Entry]:
        found = self.release(release).entries.values()
        return [e for e in found if kind is None or e.kind == kind]

    def get(self, entry_id: str, release: str | None = None) -> Entry:
        return self.release(release).entries[entry_id]

    def find(self, entry_id: str, release: str | None = None) -> Entry | None:
        try:
            return self.get(entry_id, release)
        except KeyError:
            return None

    def section_heading(self, entry: Entry) -> str:
        return self.release(entry.release).section_heading(entry.section)

    @property
    def fingerprint(self) -> str:
        """One hash over every loaded release: changes whenever any content file changes."""
        from kvmhelpdesk.kb.hashing import sha256

        digest = sha256()
        for release in self._releases.values():
            digest.update(f"{release.id}:{release.fingerprint};".encode())
        return digest.hexdigest()
