"""An unpacked bundle folder as a source: see bundle.archive. Its own regular files only; a
symbolic link is never followed and a FIFO never opened (opening one would block for ever).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from kvmhelpdesk.bundle.archive import CHUNK, MAX_MEMBERS, Entry, Source, Watch, _TotalCap
from kvmhelpdesk.bundle.errors import BundleError


class FolderSource(Source):
    """An unpacked bundle folder: only its own regular files, never following a link."""

    kind = "folder"

    def __init__(self, path: Path, watch: Watch, signature: tuple[str, ...]) -> None:
        super().__init__(path, watch)
        self.folder = _bundle_folder(path, signature)

    def entries(self) -> Iterator[Entry]:
        names: list[str] = []
        try:
            with os.scandir(self.folder) as listing:
                for item in listing:
                    names.append(item.name)
                    self.count(len(names))
        except OSError as exc:
            raise BundleError(f"{self.path}: cannot be read: {exc.strerror or exc}") from None
        names.sort()
        stats: list[tuple[str, os.stat_result]] = []
        for name in names:
            try:
                info = os.lstat(self.folder / name)
            except OSError:
                continue
            stats.append((name, info))
        self.watch.total = sum(s.st_size for _, s in stats if stat.S_ISREG(s.st_mode)) or 1
        done = 0
        for name, info in stats:
            prefix = f"{self.folder.name}/{name}"
            if stat.S_ISDIR(info.st_mode):
                continue
            if stat.S_ISLNK(info.st_mode):
                self.skip(prefix, "a symbolic link (not followed)")
                continue
            if not stat.S_ISREG(info.st_mode):
                self.skip(prefix, "not a regular file (device, FIFO or socket)")
                continue
            if self.too_big(prefix, info.st_size):
                continue
            yield Entry(prefix, info.st_size, self._reader(name, done))
            done += info.st_size
            if self.stopped:
                return

    def _reader(self, name: str, start: int) -> Callable[[Entry], Iterator[bytes]]:
        def read(entry: Entry) -> Iterator[bytes]:
            flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
                | getattr(os, "O_BINARY", 0)
            try:
                fd = os.open(self.folder / name, flags)
            except OSError as exc:
                self.skip(entry.path, f"cannot be read: {exc.strerror or exc}")
                entry.complete = False
                return
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced since the listing
                    self.skip(entry.path, "not a regular file")
                    entry.complete = False
                    return
                read_so_far = 0
                while True:
                    try:
                        data = handle.read(CHUNK)
                    except OSError as exc:
                        entry.complete = False
                        self.skip(entry.path, f"cannot be read: {exc.strerror or exc}")
                        return
                    if not data:
                        return
                    read_so_far += len(data)
                    if self.too_big(entry.path, read_so_far):  # grew since the listing
                        entry.complete = False
                        return
                    try:
                        self.add_output(len(data))
                    except _TotalCap:
                        entry.complete = False
                        self.stop_total()
                        return
                    self.watch.tick(start + read_so_far)
                    yield data

        return read


def _bundle_folder(path: Path, signature: tuple[str, ...]) -> Path:
    """The folder holding the bundle's files: PATH itself, or its one subfolder that does."""
    def has_signature(folder: Path) -> bool:
        return any(os.path.lexists(folder / name) for name in signature)

    if has_signature(path):
        return path
    try:
        with os.scandir(path) as listing:
            subfolders = [Path(item.path) for _, item in zip(range(MAX_MEMBERS + 1), listing,
                                                             strict=False)
                          if item.is_dir(follow_symlinks=False)]
    except OSError as exc:
        raise BundleError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    found = [folder for folder in subfolders if has_signature(folder)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        names = ", ".join(sorted(f.name for f in found)[:3])
        raise BundleError(f"{path}: holds several supportconfig folders ({names}): give one")
    raise BundleError(f"{path}: not a supportconfig folder (no {', '.join(signature)} in it)")
