"""Load and strictly validate release folders into a KnowledgeBase.

Content is written by hand, so every mistake must come back as one line that names the file,
the entry (or line) and the key; a broken extra content pack is reported and left out, and
never takes the embedded knowledge base down with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from kvmhelpdesk import fileio
from kvmhelpdesk.kb import release_cache, schema
from kvmhelpdesk.kb.content_files import ContentFiles, content_paths, exists
from kvmhelpdesk.kb.model import (
    STATUSES,
    ContentError,
    Entry,
    KnowledgeBase,
    Release,
    Section,
    SynonymGroup,
)
from kvmhelpdesk.kb.parse_cache import ParseCache, default_cache
from kvmhelpdesk.resources import content_dir

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9.+_-]*$")
ENTRY_LINK = re.compile(r"\]\(entry:([^)\s]+)\)")
RELEASE_KEYS: Mapping[str, schema.Spec] = {
    "id": schema.Spec(schema.STR, True),
    "title": schema.Spec(schema.STR, True),
    "product": schema.Spec(schema.STR, True),
    "qemu_kvm_version": schema.Spec(schema.STR),
    "source": schema.Spec(schema.STR),
    "order": schema.Spec(schema.INT),
    "section": schema.Spec("sections", True),
}
SYNONYM_KEYS: Mapping[str, schema.Spec] = {
    "terms": schema.Spec(schema.STR_LIST, True),
    "entries": schema.Spec(schema.STR_LIST),
}
FRONT_MATTER = "+++"
# Caps on what a pack may hold (docs/limits.md). The largest shipped file is 66 KB and the
# longest entry body 1.4 KB; indexing a body costs ~25 ms per KB, so one 11 MB article took
# 39 s. A body of 64 KB is some twenty printed pages: split anything longer into entries.
MAX_BODY_CHARS = 64 * 1024


def _tomllib() -> ModuleType:
    """tomllib, imported when a file really needs parsing (usually the parse cache answers)."""
    import tomllib

    return tomllib


def load_knowledge_base(extra_dirs: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The embedded releases plus any extra content packs that load cleanly.

    Errors in the embedded content raise ContentError; errors in an extra pack are kept in
    `KnowledgeBase.problems` and that pack is skipped.
    """
    cache = default_cache()
    # Small, read at every start: one validated release per folder (an edit replaces it).
    validated = default_cache("content-releases.cache", release_cache.folder_of)
    releases = [load_release(d, cache, validated) for d in release_dirs(content_dir())]
    left_out: dict[str, str] = {}
    known = {r.id: r.origin for r in releases}
    for extra in extra_dirs:
        pack: list[Release] = []  # a pack loads whole or not at all
        try:
            found = release_dirs(Path(extra))
            if not found:
                raise ContentError(f"{extra}: no release.toml in it or in its sub-folders")
            for folder in found:
                release = load_release(folder, cache, validated)
                first = known.get(release.id) or next(
                    (r.origin for r in pack if r.id == release.id), None)
                if first is not None:
                    raise ContentError(f"{folder}: release {release.id!r} is already loaded "
                                       f"from {first}")
                pack.append(release)
        except ContentError as exc:
            left_out[str(extra)] = str(exc)
        except Exception as exc:  # a pack comes from outside: whatever breaks, leave it out
            left_out[str(extra)] = f"{extra}: cannot be loaded ({type(exc).__name__}: {exc})"
        else:
            known.update((r.id, r.origin) for r in pack)
            releases.extend(pack)
    cache.save()
    validated.save()
    return KnowledgeBase(releases, left_out=left_out)


def release_dirs(root: Path) -> list[Path]:
    """`root` itself if it is a release folder, else its release sub-folders, sorted."""
    try:
        if (root / "release.toml").is_file():
            return [root]
        if not root.is_dir():
            return []
        return sorted(p for p in root.iterdir() if (p / "release.toml").is_file())
    except OSError as exc:
        raise ContentError(f"{root}: cannot be read: {fileio.reason(exc)}") from None


def load_release(folder: Path, cache: ParseCache | None = None,
                 validated: ParseCache | None = None) -> Release:
    """Read one release folder; raise ContentError on the first problem found.

    With a cache, a release validated before with exactly these file contents (and this
    version of the rules) is rebuilt from the cache (or from `validated`, where given)
    instead of being validated again."""
    folder = Path(folder)
    files = ContentFiles(folder, cache or ParseCache(None))
    fingerprint = files.prefetch(content_paths(folder)) if cache is not None else None
    if cache is None or fingerprint is None:
        return _validated_release(folder, files)
    built: list[Release] = []

    def validate() -> tuple[Any, ...]:
        built.append(_validated_release(folder, files))
        return release_cache.to_plain(built[0])

    plain = (validated or cache).get(release_cache.key(folder, fingerprint), validate)
    if built:
        return built[0]
    if release_cache.is_plain(plain):
        try:
            return release_cache.from_plain(plain)
        except (TypeError, ValueError, AttributeError):
            pass  # damaged although well-formed: validate again
    return _validated_release(folder, files)


def _validated_release(folder: Path, files: ContentFiles) -> Release:
    meta_path = folder / "release.toml"
    meta = files.parsed(meta_path, _read_toml)
    _check_keys(meta, RELEASE_KEYS, _where(meta_path))
    sections = _sections(meta["section"], meta_path)
    release_id = meta["id"]
    if not ID_PATTERN.match(release_id):
        raise ContentError(f"{meta_path}: key 'id': {release_id!r} is not a valid release id")

    entries: dict[str, Entry] = {}
    for kind, (file_name, array, specific, status_required) in schema.KIND_SPECS.items():
        path = folder / file_name
        if not exists(path):
            continue
        data = files.parsed(path, _read_toml)
        unknown = set(data) - {array}
        if unknown:
            raise ContentError(f"{path}: unknown top-level key {sorted(unknown)[0]!r} "
                               f"(expected [[{array}]] tables)")
        items = data.get(array, [])
        if not isinstance(items, list):
            raise ContentError(f"{path}: {array!r} must be an array of tables ([[{array}]])")
        for index, raw in enumerate(items):
            where = f"{path}: {array}[{index}]"
            entry = _entry(raw, kind, specific, status_required, release_id, where, str(path))
            _add(entries, entry, where)
    articles = folder / "articles"
    if articles.is_dir():
        for path in sorted(articles.glob("*.md")):
            _add(entries, _article(path, release_id, files.parsed(path, _parse_article)),
                 str(path))

    thesaurus = _thesaurus(folder / "thesaurus.toml", files)
    _check_references(entries, sections, thesaurus, folder)
    return Release(
        id=release_id,
        title=meta["title"],
        product=meta["product"],
        qemu_kvm_version=meta.get("qemu_kvm_version", ""),
        source=meta.get("source", ""),
        order=meta.get("order", 0),
        sections=sections,
        entries=entries,
        thesaurus=thesaurus,
        origin=str(folder),
        content_hash=files.fingerprint(),
    )


def _where(path: Path) -> str:
    return str(path)


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def _toml(text: str, path: Path, what: str) -> dict[str, Any]:
    tomllib = _tomllib()
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{path}: {what} is not valid TOML: {exc}") from None
    except RecursionError:
        raise ContentError(f"{path}: {what} is nested too deeply (arrays or tables inside "
                           "each other thousands of times)") from None


def _read_toml(data: bytes, path: Path) -> dict[str, Any]:
    return _toml(_decode(data, path), path, "the file")


def _check_keys(raw: Any, specs: Mapping[str, schema.Spec], where: str) -> None:
    if not isinstance(raw, dict):
        raise ContentError(f"{where}: expected a table, found {type(raw).__name__}")
    for key in raw:
        if key not in specs:
            allowed = ", ".join(sorted(specs))
            raise ContentError(f"{where}: unknown key {key!r} (allowed: {allowed})")
    for key, spec in specs.items():
        if key not in raw:
            if spec.required:
                raise ContentError(f"{where}: required key {key!r} is missing")
            continue
        if spec.type == "sections":
            continue
        if not schema.check_type(raw[key], spec.type):
            found = type(raw[key]).__name__
            raise ContentError(f"{where}: key {key!r} must be a {spec.type}, found {found}")


def _sections(raw: Any, path: Path) -> tuple[Section, ...]:
    if not isinstance(raw, list) or not raw:
        raise ContentError(f"{path}: needs at least one [[section]] table")
    sections: list[Section] = []
    for index, item in enumerate(raw):
        where = f"{path}: section[{index}]"
        _check_keys(item, {"id": schema.Spec(schema.STR, True),
                           "heading": schema.Spec(schema.STR, True)}, where)
        if any(s.id == item["id"] for s in sections):
            raise ContentError(f"{where}: duplicate section id {item['id']!r}")
        sections.append(Section(item["id"], item["heading"]))
    return tuple(sections)


def _entry(raw: Any, kind: str, specific: Mapping[str, schema.Spec], status_required: bool,
           release_id: str, where: str, origin: str) -> Entry:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        where = f"{where} (id {raw['id']!r})"
    specs = {**schema.COMMON, **specific}
    _check_keys(raw, specs, where)
    if status_required and "status" not in raw:
        raise ContentError(f"{where}: required key 'status' is missing")
    for key in specific:
        choices = schema.CHOICES.get((kind, key))
        if choices and key in raw and raw[key] not in choices:
            raise ContentError(f"{where}: key {key!r}: {raw[key]!r} is not one of "
                               f"{', '.join(choices)}")
    fields = {k: schema.freeze(raw.get(k, schema.DEFAULTS[s.type])) for k, s in specific.items()}
    return _make_entry(raw, kind, release_id, where, origin, fields)


def _make_entry(raw: dict[str, Any], kind: str, release_id: str, where: str, origin: str,
                fields: dict[str, Any]) -> Entry:
    entry_id = raw["id"]
    if not ID_PATTERN.match(entry_id):
        raise ContentError(f"{where}: key 'id': {entry_id!r} must match {ID_PATTERN.pattern}")
    status = raw.get("status")
    if status is not None and status not in STATUSES:
        raise ContentError(f"{where}: key 'status': unknown status {status!r} "
                           f"(use one of: {', '.join(STATUSES)})")
    for key in ("title", "body"):
        if not raw[key].strip():
            raise ContentError(f"{where}: key {key!r} is empty")
    if len(raw["body"]) > MAX_BODY_CHARS:
        raise ContentError(f"{where}: the body is {len(raw['body']):,} characters long: an "
                           f"entry body holds at most {MAX_BODY_CHARS:,} (split it into "
                           "several entries)")
    return Entry(
        id=entry_id,
        kind=kind,
        title=raw["title"],
        section=raw["section"],
        release=release_id,
        body=raw["body"].strip(),
        status=status,
        status_note=raw.get("status_note", ""),
        restrictions=tuple(raw.get("restrictions", ())),
        summary=raw.get("summary", ""),
        source_text=raw.get("source_text", ""),
        aliases=tuple(raw.get("aliases", ())),
        keywords=tuple(raw.get("keywords", ())),
        related=tuple(raw.get("related", ())),
        ambiguities=tuple(raw.get("ambiguities", ())),
        fields=schema.freeze(fields),
        origin=origin,
    )


def _parse_article(data: bytes, path: Path) -> dict[str, Any]:
    """Front matter and body of an article, as a raw entry table (before validation)."""
    lines = _decode(data, path).splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise ContentError(f"{path}: line 1: an article starts with a '+++' front-matter line")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER)
    except StopIteration:
        raise ContentError(f"{path}: line 1: front matter is not closed by a '+++' line") from None
    meta = _toml("\n".join(lines[1:end]), path, f"front matter (lines 2-{end})")
    if "body" in meta:
        raise ContentError(f"{path}: key 'body' belongs after the front matter, not in it")
    return {**meta, "body": "\n".join(lines[end + 1:])}


def _article(path: Path, release_id: str, raw: dict[str, Any]) -> Entry:
    where = f"{path}"
    if isinstance(raw.get("id"), str):
        where = f"{path} (id {raw['id']!r})"
    _check_keys(raw, schema.COMMON, where)
    return _make_entry(raw, "article", release_id, where, str(path), {})


def _add(entries: dict[str, Entry], entry: Entry, where: str) -> None:
    if entry.id in entries:
        first = entries[entry.id].origin
        raise ContentError(f"{where}: duplicate id {entry.id!r} (first in {first})")
    entries[entry.id] = entry


def _thesaurus(path: Path, files: ContentFiles) -> tuple[SynonymGroup, ...]:
    if not exists(path):
        return ()
    data = files.parsed(path, _read_toml)
    unknown = set(data) - {"synonyms"}
    if unknown:
        raise ContentError(f"{path}: unknown top-level key {sorted(unknown)[0]!r} "
                           "(expected [[synonyms]] tables)")
    synonyms = data.get("synonyms", [])
    if not isinstance(synonyms, list):
        raise ContentError(f"{path}: 'synonyms' must be an array of tables ([[synonyms]]), "
                           f"found {type(synonyms).__name__}")
    groups = []
    for index, raw in enumerate(synonyms):
        where = f"{path}: synonyms[{index}]"
        _check_keys(raw, SYNONYM_KEYS, where)
        if len(raw["terms"]) < 2 and not raw.get("entries"):
            raise ContentError(f"{where}: key 'terms' needs two terms or more (or 'entries')")
        groups.append(SynonymGroup(tuple(raw["terms"]), tuple(raw.get("entries", ()))))
    return tuple(groups)


def _check_references(entries: Mapping[str, Entry], sections: tuple[Section, ...],
                      thesaurus: tuple[SynonymGroup, ...], folder: Path) -> None:
    section_ids = {s.id for s in sections}
    for entry in entries.values():
        where = f"{entry.origin} (id {entry.id!r})"
        if entry.section not in section_ids:
            raise ContentError(f"{where}: key 'section': {entry.section!r} is not a section of "
                               f"{folder / 'release.toml'}")
        for target in entry.related:
            if target not in entries:
                raise ContentError(f"{where}: key 'related': no entry {target!r}")
        for target in ENTRY_LINK.findall(entry.body):
            if target not in entries:
                raise ContentError(f"{where}: body links to missing entry 'entry:{target}'")
    for index, group in enumerate(thesaurus):
        for target in group.entries:
            if target not in entries:
                raise ContentError(f"{folder / 'thesaurus.toml'}: synonyms[{index}]: key "
                                   f"'entries': no entry {target!r}")

