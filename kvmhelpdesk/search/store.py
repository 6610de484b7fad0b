"""Where the index lives and how it survives crashes, content changes and other app instances.

Layout of the cache dir (default: paths.cache_dir()/"index"):

    <key>/              a finished index: whoosh files + manifest.json (sizes and CRCs)
    <key>.lock          build lock between instances (see locking.py)
    .build-<pid>-<rand> an index being written; renamed to <key> when complete
    .trash-<rand>       a broken index moved aside before it is deleted

`<key>` hashes the content fingerprint, the app version, INDEX_FORMAT and the whoosh version, so
changed content simply has no index yet. An index is reused only when its manifest matches every
file byte for byte (truncation and corruption are caught before whoosh reads anything) and
whoosh opens it with the expected number of documents; anything else is rebuilt. Any trouble
with the cache dir itself (read-only, full, not a directory, lock held too long) ends in an
in-memory index instead of an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
import shutil
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kvmhelpdesk import __version__
from kvmhelpdesk.kb.model import KnowledgeBase
from kvmhelpdesk.search import schema
from kvmhelpdesk.search.locking import build_lock, pid_alive

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
VOCABULARY = "vocabulary.json"  # word -> document frequency, exported from the index
MEMORY = ":memory:"
STALE_BUILD_SECONDS = 3600  # a build folder of a live process older than this is abandoned
KEEP_OTHER_INDEXES = 2  # recently used indexes of other content (extra packs, other versions)
_IGNORED = {MANIFEST}  # files whoosh may leave that are not part of the index
_LOCK_SUFFIXES = ("LOCK", ".lock")


@dataclass
class OpenedIndex:
    index: Any  # whoosh.index.Index
    location: str
    rebuilt: bool


def whoosh_version() -> str:
    import whoosh

    return ".".join(map(str, whoosh.__version__))


def content_hash(kb: KnowledgeBase) -> str:
    """The knowledge base's fingerprint (hashes of the files the loader read), or for
    releases built in code (no files behind them: tests, benchmarks) a hash of the entries."""
    releases = [kb.release(r) for r in kb.releases]
    if releases and all(r.content_hash for r in releases):
        return kb.fingerprint
    digest = hashlib.sha256()
    for release in releases:
        digest.update(repr((release.id, release.sections, release.thesaurus)).encode())
        for entry_id in sorted(release.entries):
            digest.update(repr(release.entries[entry_id]).encode())
    return digest.hexdigest()


def index_key(kb: KnowledgeBase) -> str:
    """Cache key: changes with the content, the app, the index format and whoosh itself."""
    seed = f"{content_hash(kb)}|{__version__}|{schema.INDEX_FORMAT}|{whoosh_version()}"
    return hashlib.sha256(seed.encode()).hexdigest()[:32]


def expected_docs(kb: KnowledgeBase) -> int:
    return sum(len(kb.release(r).entries) for r in kb.releases)


def open_index(kb: KnowledgeBase, cache_dir: Path, lock_timeout: float = 30.0) -> OpenedIndex:
    """Reuse the cached index for this content, or build it; fall back to RAM, never raise
    for cache trouble."""
    try:
        # Inside the try: nothing about the content or the cache dir may stop a search.
        key = index_key(kb)
        target = cache_dir / key
        docs = expected_docs(kb)
        index = try_open(target, key, docs)
        if index is not None:
            _touch(target)
            return OpenedIndex(index, str(target), False)
        cache_dir.mkdir(parents=True, exist_ok=True)
        with build_lock(cache_dir / f"{key}.lock", lock_timeout):
            index = try_open(target, key, docs)  # another instance built it while we waited
            if index is not None:
                return OpenedIndex(index, str(target), False)
            staging = cache_dir / f".build-{os.getpid()}-{secrets.token_hex(4)}"
            try:
                write_index(staging, kb, key)
                _publish(staging, target, cache_dir)
            finally:
                _remove_tree(staging)
        index = try_open(target, key, docs)
        if index is None:
            raise OSError(f"index written to {target} does not verify")
        clean_up(cache_dir, keep=key)
        return OpenedIndex(index, str(target), True)
    except Exception as exc:  # any cache trouble (LockTimeout, OSError, whoosh errors) -> RAM
        log.warning("search index cache unusable (%s: %s); using an in-memory index",
                    type(exc).__name__, exc)
    return OpenedIndex(build_in_memory(kb), MEMORY, True)


def build_in_memory(kb: KnowledgeBase) -> Any:
    from whoosh.filedb.filestore import RamStorage

    index = RamStorage().create_index(schema.build_schema())
    _fill(index, kb)
    return index


def write_index(folder: Path, kb: KnowledgeBase, key: str) -> None:
    """Write a complete index and its manifest into `folder` (which must not exist)."""
    from whoosh.filedb.filestore import FileStorage

    folder.mkdir(parents=True)
    storage = FileStorage(str(folder))
    index = storage.create_index(schema.build_schema())
    _fill(index, kb)
    with (folder / VOCABULARY).open("w", encoding="utf-8") as handle:
        json.dump(vocabulary_of(index), handle, ensure_ascii=False, separators=(",", ":"))
    index.close()
    storage.close()
    files = {p.name: _file_sum(p) for p in sorted(folder.iterdir())
             if p.is_file() and not _is_lock(p.name)}
    manifest = {"key": key, "docs": expected_docs(kb), "app": __version__,
                "whoosh": whoosh_version(), "files": files}
    tmp = folder / f"{MANIFEST}.tmp"
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, folder / MANIFEST)


def _fill(index: Any, kb: KnowledgeBase) -> None:
    writer = index.writer()
    try:
        for doc in schema.documents(kb):
            writer.add_document(**doc)
    except BaseException:
        writer.cancel()
        raise
    writer.commit(optimize=True)


def vocabulary_of(index: Any) -> dict[str, int]:
    """The unstemmed words of the index with their document frequencies."""
    with index.searcher() as searcher:
        return {term.decode("utf-8") if isinstance(term, bytes) else term: info.doc_frequency()
                for term, info in searcher.reader().iter_field("vocab")}


def read_vocabulary(index: Any, location: str) -> dict[str, int]:
    """The vocabulary saved beside a disk index (checked by its manifest), else from the index.

    Reading 2,000+ terms through whoosh costs ~60 ms at every start; the JSON a few ms.
    """
    if location != MEMORY:
        try:
            data = json.loads((Path(location) / VOCABULARY).read_text(encoding="utf-8"))
            if isinstance(data, dict) and all(isinstance(v, int) for v in data.values()):
                return data
        except (OSError, ValueError):
            pass
    return vocabulary_of(index)


def try_open(folder: Path, key: str, docs: int) -> Any | None:
    """The index in `folder` if it is complete and sound, else None (never raises)."""
    try:
        if not verify(folder, key, docs):
            return None
        from whoosh.filedb.filestore import FileStorage

        index = FileStorage(str(folder), readonly=True).open_index()
        with index.searcher() as searcher:
            if searcher.doc_count() != docs:
                return None
        return index
    except Exception as exc:
        log.info("search index at %s not usable: %s: %s", folder, type(exc).__name__, exc)
        return None


def verify(folder: Path, key: str, docs: int) -> bool:
    """Manifest present and matching every file: catches truncation, corruption, stale builds."""
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        return False
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files = manifest["files"]
        if manifest.get("key") != key or manifest.get("docs") != docs or not files:
            return False
        for name, expected in files.items():
            path = folder / name
            if path.stat().st_size != expected[0] or _file_sum(path) != expected:
                return False
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return False
    return True


def _file_sum(path: Path) -> list[int]:
    crc = 0
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
    return [size, crc]


def _is_lock(name: str) -> bool:
    return name.endswith(_LOCK_SUFFIXES)


def _publish(staging: Path, target: Path, cache_dir: Path) -> None:
    """Atomically put `staging` at `target`, moving a broken old `target` aside first."""
    if target.exists():
        trash = cache_dir / f".trash-{secrets.token_hex(6)}"
        os.replace(target, trash)
        _remove_tree(trash)
    os.replace(staging, target)


def _remove_tree(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path, ignore_errors=True)


def _touch(folder: Path) -> None:
    """Mark an index as recently used, so clean-up keeps it (fails quietly when read-only)."""
    with contextlib.suppress(OSError):
        os.utime(folder)


def clean_up(cache_dir: Path, keep: str) -> None:
    """Remove old indexes of other content, abandoned builds and trash; best effort only.

    The few most recently used other indexes stay, so instances started with different extra
    content packs do not rebuild each other's index at every start. Deleting an index another
    instance still reads is safe on POSIX (open files stay readable) and fails harmlessly on
    Windows (files in use are not deleted).
    """
    now = time.time()
    others: list[tuple[float, Path]] = []
    with contextlib.suppress(OSError):
        for path in cache_dir.iterdir():
            name = path.name
            with contextlib.suppress(OSError):
                if name == keep or name == f"{keep}.lock":
                    continue
                if name.startswith(".trash-"):
                    _remove_tree(path)
                elif name.startswith(".build-"):
                    if _abandoned_build(name, now - path.stat().st_mtime):
                        _remove_tree(path)
                elif name.endswith(".lock"):
                    if now - path.stat().st_mtime > STALE_BUILD_SECONDS:
                        path.unlink()
                elif path.is_dir() and (path / MANIFEST).exists():
                    others.append((path.stat().st_mtime, path))
    for _, path in sorted(others, reverse=True)[KEEP_OTHER_INDEXES:]:
        _remove_tree(path)


def _abandoned_build(name: str, age: float) -> bool:
    try:
        pid = int(name.split("-")[1])
    except (IndexError, ValueError):
        return age > STALE_BUILD_SECONDS
    return pid != os.getpid() and (not pid_alive(pid) or age > STALE_BUILD_SECONDS)
