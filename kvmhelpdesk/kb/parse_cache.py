"""Parsed content files and rendered Markdown, cached between runs: tomllib is pure Python and
slow at start-up.

Entries are keyed by what they were computed from: a content file's SHA-256 (the loader hashes
the bytes it reads anyway; ~1 ms for the whole shipped content), or the Markdown text itself.
A changed file therefore has a new key however its size and mtime look (a reproducible archive
keeps both). Each entry is stored as `marshal` bytes (plain data, never code, never pickle)
with a CRC-32 that is checked before it is used: a damaged entry is computed again, silently.
Entries not used for the loaded packs are pruned: those unused for a week, and beyond a size
budget the least recently used. Any trouble reading or writing the cache file (corrupt,
truncated, read-only folder, not a regular file) just means computing again: the cache can
never make loading fail or change what is loaded.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = ("kvmhelpdesk-parse-cache", 2, sys.version_info[:2])
KEEP_UNUSED_DAYS = 7
MAX_CACHE_BYTES = 32 * 1024 * 1024  # about 100 times what the shipped content needs
_DAY = 86400

# key -> (crc32 of payload, marshal payload, day last used)
Entries = dict[str, tuple[int, bytes, int]]


class ParseCache:
    def __init__(self, file: Path | None,
                 family: Callable[[str], str] | None = None) -> None:
        """`family(key)`: entries of one family replace each other (e.g. a release folder's
        validated content): an unused one is dropped when its family was used in this run."""
        self.file = file
        self.family = family
        self._loaded: Entries | None = None if file is not None else {}
        self._used: set[str] = set()
        self._dirty = False

    @property
    def _entries(self) -> Entries:
        """The file's entries, read on first use: a start-up whose releases all come from the
        release cache never reads the (larger) cache of parsed files."""
        if self._loaded is None:
            self._loaded = _read(self.file) if self.file is not None else {}
        return self._loaded

    @_entries.setter
    def _entries(self, entries: Entries) -> None:
        self._loaded = entries

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        """The value computed for `key` (a content hash or the text itself), cached."""
        self._used.add(key)
        cached = self._entries.get(key)
        if cached is not None and zlib.crc32(cached[1]) == cached[0]:
            try:
                return marshal.loads(cached[1])
            except (EOFError, ValueError, TypeError):
                pass  # damaged although the CRC matched: compute again
        value = compute()
        try:
            payload = marshal.dumps(value)
        except ValueError:
            return value  # not plain data (e.g. TOML dates): do not cache
        self._entries[key] = (zlib.crc32(payload), payload, _today())
        self._dirty = True
        return value

    def memo(self, key: str, compute: Callable[[], str]) -> str:
        """A string computed from `key` alone (e.g. Markdown rendered to HTML), cached."""
        return self.get(key, compute)

    def save(self) -> None:
        """Write the cache if anything changed, pruned; silently skip when that fails."""
        if self.file is None or self._loaded is None:
            return  # never used: nothing to write
        entries = self._pruned()
        if not self._dirty and entries == self._entries:
            return
        import tempfile

        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".parse-cache-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    marshal.dump((FORMAT, entries), handle)
                os.replace(tmp, self.file)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self._entries, self._dirty = entries, False
        except OSError:
            pass

    def _pruned(self) -> Entries:
        """Entries used in this run (marked used today), plus others used in the last week,
        as long as they fit into MAX_CACHE_BYTES (most recently used first)."""
        today = _today()
        kept: Entries = {}
        for key in self._used:
            if key in self._entries:
                crc, payload, _day = self._entries[key]
                kept[key] = (crc, payload, today)
        size = sum(len(e[1]) for e in kept.values())
        others = sorted(((e[2], k) for k, e in self._entries.items() if k not in kept),
                        reverse=True)
        used_families = {self.family(key) for key in kept} if self.family else set()
        for day, key in others:
            entry = self._entries[key]
            if today - day > KEEP_UNUSED_DAYS or size + len(entry[1]) > MAX_CACHE_BYTES:
                continue
            if self.family and self.family(key) in used_families:
                continue  # superseded by this run's entry of the same family
            kept[key] = entry
            size += len(entry[1])
        return kept


def _today() -> int:
    return int(time.time() // _DAY)


def _read(file: Path) -> Entries:
    from kvmhelpdesk import fileio

    try:
        # One read, then loads(): marshal.load() on a file object is several times slower.
        # Only a regular file is read: a FIFO or device in its place must not block start-up.
        header, entries = marshal.loads(fileio.read_regular_file(file, 2 * MAX_CACHE_BYTES))
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if header != FORMAT or not isinstance(entries, dict):
        return {}
    with contextlib.suppress(TypeError, ValueError):
        if all(isinstance(k, str) and isinstance(v, tuple) and len(v) == 3
               and isinstance(v[0], int) and isinstance(v[1], bytes) and isinstance(v[2], int)
               for k, v in entries.items()):
            return entries
    return {}


def default_cache(name: str = "content-parse.cache",
                  family: Callable[[str], str] | None = None) -> ParseCache:
    from kvmhelpdesk.paths import cache_dir

    return ParseCache(cache_dir() / name, family)
