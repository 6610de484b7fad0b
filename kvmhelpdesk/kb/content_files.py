"""A release folder's content files as the loader reads them: regular files only, capped in
size, hashed as read (the hashes key the parse cache and make the release's fingerprint)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kvmhelpdesk import fileio
from kvmhelpdesk.kb import schema
from kvmhelpdesk.kb.hashing import sha256
from kvmhelpdesk.kb.model import ContentError
from kvmhelpdesk.kb.parse_cache import ParseCache

# The largest shipped file is 66 KB (docs/limits.md).
MAX_CONTENT_FILE_BYTES = 4 * 1024 * 1024


class ContentFiles:
    """Reads a release folder's files for the loader: regular files only (a FIFO must not
    block start-up), at most MAX_CONTENT_FILE_BYTES each, parsed through the cache under
    their SHA-256. The hashes of exactly the files read make the release's fingerprint, so
    nothing else in the folder (a 1.2 GB unrelated file) is ever read."""

    def __init__(self, folder: Path, cache: ParseCache) -> None:
        self.folder = folder
        self.cache = cache
        self.digests: dict[str, str] = {}
        self._ahead: dict[Path, bytes] = {}

    def prefetch(self, paths: Iterable[Path]) -> str | None:
        """Read `paths` ahead; their fingerprint, or None if any of them cannot be read (the
        validating load then reports it in its own words and order)."""
        for path in paths:
            try:
                data = fileio.read_regular_file(path, MAX_CONTENT_FILE_BYTES)
            except OSError:
                self._ahead.clear()
                self.digests.clear()
                return None
            self._ahead[path] = data
            self.digests[path.relative_to(self.folder).as_posix()] = (
                sha256(data).hexdigest())
        return self.fingerprint()

    def parsed(self, path: Path, parse: Callable[[bytes, Path], Any]) -> Any:
        try:
            data = self._ahead.pop(path, None)
            if data is None:
                data = fileio.read_regular_file(path, MAX_CONTENT_FILE_BYTES)
        except FileNotFoundError:
            raise ContentError(f"{path}: file is missing") from None
        except fileio.TooLargeError as exc:
            raise ContentError(f"{path}: {exc}: a content file holds at most "
                               f"{fileio.describe_size(MAX_CONTENT_FILE_BYTES)}") from None
        except OSError as exc:
            raise ContentError(f"{path}: cannot be read: {fileio.reason(exc)}") from None
        digest = sha256(data).hexdigest()
        self.digests[path.relative_to(self.folder).as_posix()] = digest
        return self.cache.get(f"{parse.__name__}:{digest}", lambda: parse(data, path))

    def fingerprint(self) -> str:
        digest = sha256()
        for name in sorted(self.digests):
            digest.update(f"{name}\0{self.digests[name]}\n".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()


def exists(path: Path) -> bool:
    try:
        return path.exists() or path.is_symlink()  # a dangling link: "missing" says so
    except OSError:
        return True  # let reading it report the problem


def content_paths(folder: Path) -> list[Path]:
    """The files a release folder's load reads, in no particular order."""
    paths = [folder / "release.toml"]
    paths += [folder / spec[0] for spec in schema.KIND_SPECS.values()
              if exists(folder / spec[0])]
    articles = folder / "articles"
    if articles.is_dir():
        paths += sorted(articles.glob("*.md"))
    if exists(folder / "thesaurus.toml"):
        paths.append(folder / "thesaurus.toml")
    return paths
