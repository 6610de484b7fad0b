"""Validated releases as plain data for the parse cache: a start-up with unchanged content
rebuilds the Release from it instead of validating every entry again (~20 ms of each start).

The key is the release folder, the SHA-256 of every content file the loader reads (the
release's fingerprint: an edited file always changes it, whatever its size and mtime say),
and a hash of the validating code itself, so a new schema rule never meets content that was
only checked by the old one. Only a release that passed validation is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kvmhelpdesk.kb import schema
from kvmhelpdesk.kb.hashing import sha256
from kvmhelpdesk.kb.model import Entry, Release, Section, SynonymGroup

# Entry fields in the order a plain entry tuple holds them ("fields" is thawed).
ENTRY_FIELDS = ("id", "kind", "title", "section", "release", "body", "status", "status_note",
                "restrictions", "summary", "source_text", "aliases", "keywords", "related",
                "ambiguities", "fields", "origin")
_FIELDS_AT = ENTRY_FIELDS.index("fields")


@cache
def code_version() -> str:
    """A hash of the modules that decide what valid content is (and how it is stored)."""
    from kvmhelpdesk import __version__
    from kvmhelpdesk.kb import loader, model

    digest = sha256(__version__.encode())
    for module in (loader, schema, model):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:  # e.g. a frozen app without sources: its version must do
            digest.update(module.__name__.encode())
    digest.update(Path(__file__).name.encode())
    return digest.hexdigest()[:16]


def key(folder: Path, fingerprint: str) -> str:
    return f"release:{code_version()}:{folder}:{fingerprint}"


def folder_of(cache_key: str) -> str:
    """The release folder of a `key()` (the cache keeps one entry per folder)."""
    return cache_key.split(":", 2)[-1].rsplit(":", 1)[0]


def thaw(value: Any) -> Any:
    """The inverse of schema.freeze: read-only mappings and tuples back to dicts and lists."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


def _freeze(value: Any) -> Any:
    """schema.freeze for data known to be plain (exact types: twice as fast at start-up)."""
    kind = type(value)
    if kind is dict:
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if kind is list:
        return tuple([_freeze(v) for v in value])
    return value


def to_plain(release: Release) -> tuple[Any, ...]:
    """A release as marshal-able plain data (tuples, lists, dicts, strings, numbers)."""
    entries = []
    for entry in release.entries.values():
        values = [getattr(entry, name) for name in ENTRY_FIELDS]
        values[_FIELDS_AT] = thaw(values[_FIELDS_AT])
        entries.append(tuple(values))
    return (release.id, release.title, release.product, release.qemu_kvm_version,
            release.source, release.order, tuple((s.id, s.heading) for s in release.sections),
            tuple(entries), tuple((g.terms, g.entries) for g in release.thesaurus),
            release.origin, release.content_hash)


def from_plain(plain: tuple[Any, ...]) -> Release:
    """The Release that `to_plain` was given (equal field by field)."""
    (release_id, title, product, qemu_kvm_version, source, order, sections, entries,
     thesaurus, origin, content_hash) = plain
    built: dict[str, Entry] = {}
    new = object.__new__
    for values in entries:
        # The fields straight into the instance: the frozen __init__ sets them one by one
        # through object.__setattr__ (some 2 ms for the shipped content). Same object.
        entry = new(Entry)
        entry.__dict__.update(zip(ENTRY_FIELDS, values, strict=True))
        entry.__dict__["fields"] = _freeze(values[_FIELDS_AT])
        built[entry.id] = entry
    return Release(
        id=release_id, title=title, product=product, qemu_kvm_version=qemu_kvm_version,
        source=source, order=order, sections=tuple(Section(*s) for s in sections),
        entries=built, thesaurus=tuple(SynonymGroup(*g) for g in thesaurus), origin=origin,
        content_hash=content_hash)


def is_plain(value: Any) -> bool:
    """A cached value of the right shape (a damaged or foreign one is validated afresh)."""
    return isinstance(value, tuple) and len(value) == 11 and isinstance(value[7], tuple)

