"""Parsed content files, cached between runs: tomllib is pure Python and slow at start-up.

Each file's parsed data is stored under its absolute path with its size and mtime; a changed
file is parsed again. The cache holds plain data written with `marshal` (never code, never
pickle), and any trouble reading or writing it (corrupt, truncated, read-only folder) just
means parsing the files again: it can never make loading fail.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = ("kvmhelpdesk-parse-cache", 1, sys.version_info[:2])


class ParseCache:
    def __init__(self, file: Path | None) -> None:
        self.file = file
        self._entries: dict[str, tuple[int, int, Any]] = {}
        self._dirty = False
        if file is not None:
            self._entries = _read(file)

    def get(self, path: Path, parse: Callable[[Path], Any]) -> Any:
        """The parsed data of `path`, from the cache when the file is unchanged."""
        try:
            stat = path.stat()
        except OSError:
            return parse(path)  # let the parser report the missing file its own way
        key = str(path.resolve())
        cached = self._entries.get(key)
        if cached is not None and cached[0] == stat.st_size and cached[1] == stat.st_mtime_ns:
            return cached[2]
        data = parse(path)
        try:
            marshal.dumps(data)
        except ValueError:
            return data  # not plain data (e.g. TOML dates): do not cache
        self._entries[key] = (stat.st_size, stat.st_mtime_ns, data)
        self._dirty = True
        return data

    def memo(self, key: str, compute: Callable[[], str]) -> str:
        """A string computed from `key` alone (e.g. Markdown rendered to HTML), cached."""
        cached = self._entries.get(key)
        if cached is not None and cached[0] == -1:
            return cached[2]
        value = compute()
        self._entries[key] = (-1, -1, value)
        self._dirty = True
        return value

    def save(self) -> None:
        """Write the cache if anything new was parsed; silently skip when that fails."""
        if not self._dirty or self.file is None:
            return
        import tempfile

        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".parse-cache-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    marshal.dump((FORMAT, self._entries), handle)
                os.replace(tmp, self.file)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self._dirty = False
        except OSError:
            pass


def _read(file: Path) -> dict[str, tuple[int, int, Any]]:
    try:
        # One read, then loads(): marshal.load() on a file object is several times slower.
        header, entries = marshal.loads(file.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if header != FORMAT or not isinstance(entries, dict):
        return {}
    return entries


def default_cache(name: str = "content-parse.cache") -> ParseCache:
    from kvmhelpdesk.paths import cache_dir

    return ParseCache(cache_dir() / name)
