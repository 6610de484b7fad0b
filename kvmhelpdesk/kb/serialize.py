"""Entries as plain dicts (JSON-ready): the shape `kb show --json` promises to scripts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kvmhelpdesk.kb.model import Entry, KnowledgeBase


def plain(value: Any) -> Any:
    """Read-only mappings and tuples back to JSON-friendly dicts and lists."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def entry_summary(entry: Entry) -> dict[str, Any]:
    return {"id": entry.id, "kind": entry.kind, "title": entry.title, "status": entry.status,
            "release": entry.release, "section": entry.section}


def entry_to_dict(entry: Entry, kb: KnowledgeBase) -> dict[str, Any]:
    return {
        **entry_summary(entry),
        "section_heading": kb.section_heading(entry),
        "status_note": entry.status_note,
        "summary": entry.summary,
        "restrictions": list(entry.restrictions),
        "source_text": entry.source_text,
        "body": entry.body,
        "aliases": list(entry.aliases),
        "keywords": list(entry.keywords),
        "related": list(entry.related),
        "ambiguities": list(entry.ambiguities),
        "fields": plain(entry.fields),
    }
