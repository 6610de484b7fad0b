"""The whoosh schema and how an Entry becomes an index document.

Text fields hold the output of `analysis.index_terms` and whoosh only splits it on spaces: the
schema pickled into the index uses stock whoosh classes only, so an index never depends on the
layout of our own modules. Bump INDEX_FORMAT whenever analysis or fields change: it is part of
the cache key, so old indexes are simply not reused.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from kvmhelpdesk.kb.model import KIND_LABELS, STATUS_LABELS, Entry, KnowledgeBase
from kvmhelpdesk.search import analysis

INDEX_FORMAT = 5
TEXT_FIELDS: tuple[str, ...] = ("title", "names", "body", "meta")
# Field weights for ordinary words; exact phrase matches are scored separately (see query.py).
FIELD_WEIGHTS: Mapping[str, float] = {"title": 3.0, "names": 2.0, "body": 1.0, "meta": 0.5}


def build_schema() -> Any:
    """A fresh whoosh Schema (imports whoosh: call it only when an index is built or opened)."""
    from whoosh import fields
    from whoosh.analysis import RegexTokenizer

    words = RegexTokenizer(r"\S+")
    lines = RegexTokenizer(r"[^\n]+")
    return fields.Schema(
        key=fields.ID(stored=True, unique=True),  # release/id: ids are unique per release only
        id=fields.ID(stored=True),
        release=fields.ID(stored=True),
        kind=fields.ID(stored=True),
        status=fields.ID(stored=True),
        section=fields.ID(stored=True),
        exact=fields.TEXT(analyzer=lines, phrase=False),
        alias=fields.TEXT(analyzer=lines, phrase=False),
        value=fields.TEXT(analyzer=lines, phrase=False),
        exactcase=fields.TEXT(analyzer=lines, phrase=False),
        title=fields.TEXT(analyzer=words, phrase=False),
        names=fields.TEXT(analyzer=words, phrase=False),
        body=fields.TEXT(analyzer=words, phrase=False),
        meta=fields.TEXT(analyzer=words, phrase=False),
        vocab=fields.TEXT(analyzer=words, phrase=False),
    )


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def entry_names(entry: Entry) -> list[str]:
    """What the entry *is* called: an exact match on one of these ranks it first."""
    names = [entry.id, entry.title, entry.title.partition(" (")[0]]
    for key in ("name", "names", "feature"):
        names += _strings(entry.fields.get(key, ()))
    return [n for n in names if n.strip()]


def entry_aliases(entry: Entry) -> list[str]:
    """Other names for it: an exact match ranks it high, but below a real name."""
    names = list(entry.aliases)
    _, sep, rest = entry.title.partition(" (")
    if sep:
        names.append(rest.rstrip(")"))
    names += _strings(entry.fields.get("product", ()))
    if entry.kind in ("guest-os", "monitor-command", "feature") and entry.source_text:
        names.append(entry.source_text)
    return [n for n in names if n.strip()]


def entry_values(entry: Entry) -> list[str]:
    """Option values the statement names (allowed or refused): `pc-0.12`, `if=scsi`."""
    values = [*_strings(entry.fields.get("value_allowed", ())),
              *_strings(entry.fields.get("value_refused", ()))]
    for key in ("params_allowed", "params_refused"):
        table = entry.fields.get(key) or {}
        values += [f"{name}={value}" for name, items in table.items() for value in items]
    return [v for v in values if v.strip()]


def cased_names(entry: Entry) -> list[str]:
    """Option and command names, case kept: `-M` is the machine type, `-m` the RAM size."""
    return [n for key in ("name", "names") for n in _strings(entry.fields.get(key, ()))]


def name_texts(entry: Entry) -> list[str]:
    """Short, dense texts that say what the entry is: weighted above the body."""
    texts = [*entry.aliases, *entry.keywords, entry.summary, entry.source_text]
    for key in ("name", "names", "value_allowed", "value_refused", "params_allowed",
                "params_refused", "source_lines", "feature", "product", "version", "pv_drivers",
                "status_label", "boot_options", "quantity", "basis"):
        texts += _strings(entry.fields.get(key, ()))
    return [t for t in texts if t]


def meta_texts(entry: Entry, section_heading: str) -> list[str]:
    status = STATUS_LABELS.get(entry.status or "", "")
    return [KIND_LABELS.get(entry.kind, entry.kind), section_heading, status]


def document(entry: Entry, section_heading: str) -> dict[str, str]:
    """The whoosh document for one entry."""
    exact = dict.fromkeys(k for k in map(analysis.phrase_key, entry_names(entry)) if k)
    alias = dict.fromkeys(k for k in map(analysis.phrase_key, entry_aliases(entry)) if k)
    cased = dict.fromkeys(k for k in map(analysis.phrase_key_cased, cased_names(entry)) if k)
    body = analysis.tokens(entry.text())
    names = [tok for text in name_texts(entry) for tok in analysis.tokens(text)]
    doc = {
        "key": f"{entry.release}/{entry.id}",
        "id": entry.id,
        "release": entry.release,
        "kind": entry.kind,
        "section": entry.section,
        "exact": "\n".join(exact),
        "alias": "\n".join(k for k in alias if k not in exact),
        "value": "\n".join(dict.fromkeys(map(analysis.phrase_key, entry_values(entry)))),
        "exactcase": "\n".join(cased),
        "title": analysis.index_terms([entry.title]),
        "names": analysis.terms_of(names),
        "body": analysis.terms_of(body),
        "meta": analysis.index_terms(meta_texts(entry, section_heading)),
        "vocab": " ".join(dict.fromkeys(analysis.vocabulary_words([*body, *names]))),
    }
    if entry.status:
        doc["status"] = entry.status
    return doc


def documents(kb: KnowledgeBase) -> Iterable[dict[str, str]]:
    for release_id in kb.releases:
        release = kb.release(release_id)
        for entry in release.entries.values():
            yield document(entry, release.section_heading(entry.section))
