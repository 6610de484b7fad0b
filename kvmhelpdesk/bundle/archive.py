"""Safe access to a support bundle's members, in memory: nothing is ever extracted.

A bundle arrives as a tarball (bzip2 `.tbz`, xz `.txz`, gzip `.tgz`, or plain `.tar`), a zip,
or the unpacked folder. `open_source(path)` sniffs which (by content, not by name) and returns
a source whose `entries()` yields the regular files one at a time, each readable once as
chunks of bytes. A tarball is decompressed as a stream, in order, without seeking: a consumer
stops iterating as soon as it has what it needs, so the rest is never decompressed.

Everything from a customer's machine is hostile until read. Refused (BundleError) or skipped
with a note in `source.notes`, each naming its cap:
- members with an absolute path, a `..` component or a NUL: skipped;
- symbolic and hard links, device files, FIFOs, sockets, sparse members: skipped (a folder's
  symlinks are never followed, a FIFO is never opened);
- more than MAX_MEMBERS members: refused;
- a member over MAX_MEMBER_BYTES: skipped;
- more than MAX_TOTAL_BYTES decompressed in all (compression bombs, whatever their ratio): the
  reading stops there, with a note;
- a truncated or damaged archive: the reading stops there, with a note (what was read stays).
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import lzma
import os
import re
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from kvmhelpdesk.bundle.bzip2 import ParallelBzip2
from kvmhelpdesk.bundle.errors import BundleCancelled, BundleError

MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 256 * 2**20
MAX_TOTAL_BYTES = 2 * 2**30
MAX_NOTES = 40  # a hostile archive of 19,999 symlinks gets 40 notes and a count, not 19,999
CHUNK = 1 << 20
READ_CHUNK = 16 << 10  # member reads: a truncated archive loses at most this much before the cut

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]

# Errors of a damaged or truncated archive, from tarfile and the decompressors.
_DAMAGE = (tarfile.TarError, EOFError, OSError, lzma.LZMAError, zlib.error, zipfile.BadZipFile,
           NotImplementedError)
_DRIVE = re.compile(r"^[A-Za-z]:")


def mib(value: int) -> str:
    """A cap in words: `256 MiB`, `2 GiB`."""
    return f"{value // 2**30} GiB" if value >= 2**30 and value % 2**30 == 0 else \
        f"{value // 2**20} MiB"


class _TotalCap(Exception):
    """Decompressed output passed MAX_TOTAL_BYTES (internal: becomes a note)."""


class Notes(list[str]):
    """Notes for the engineer, at most MAX_NOTES of them plus one line counting the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.dropped = 0

    def add(self, message: str) -> None:
        if len(self) < MAX_NOTES:
            self.append(message)
        else:
            self.dropped += 1

    def all(self) -> list[str]:
        extra = [f"... and {self.dropped} more notes like these"] if self.dropped else []
        return [*self, *extra]


class Watch:
    """Progress and cancellation, checked at every chunk (about every MiB)."""

    def __init__(self, progress: ProgressFn | None, cancelled: CancelFn | None) -> None:
        self.progress, self.cancelled = progress, cancelled
        self.total = 0
        self._last = -CHUNK

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise BundleCancelled()

    def tick(self, done: int) -> None:
        self.check()
        if self.progress is not None and done - self._last >= CHUNK // 4:
            self._last = done
            self.progress(min(done, self.total), self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


class Entry:
    """One regular file of the bundle; `chunks()` may be read once, before the next entry.

    `complete` turns False when the archive ended (or a cap stopped the reading) inside it.
    """

    def __init__(self, path: str, size: int, reader: Callable[[Entry], Iterator[bytes]]):
        self.path = path
        self.size = size
        self.complete = True
        self._reader = reader

    @property
    def name(self) -> str:
        return self.path.rstrip("/").rsplit("/", 1)[-1]

    @property
    def folder(self) -> str:
        head, _, _ = self.path.rstrip("/").rpartition("/")
        return head

    def chunks(self) -> Iterator[bytes]:
        return self._reader(self)


def member_problem(name: str) -> str | None:
    """Why a member's path is refused, or None."""
    path = name.replace("\\", "/")
    if "\x00" in path:
        return "a NUL character in its name"
    if path.startswith("/") or _DRIVE.match(path):
        return "an absolute path"
    if ".." in path.split("/"):
        return "'..' in its path"
    return None


class Source:
    """A bundle's members as a stream of entries; `notes` says what was skipped and why."""

    kind = ""

    def __init__(self, path: Path, watch: Watch) -> None:
        self.path = path
        self.watch = watch
        self.notes = Notes()
        self.stopped = ""  # why the reading stopped early (damage, total cap), "" if it did not
        self.decompressed = 0

    def entries(self) -> Iterator[Entry]:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        """Release the open file; the source reads nothing more afterwards."""

    def skip(self, name: str, why: str) -> None:
        self.notes.add(f"{name}: skipped: {why}")

    def count(self, number: int) -> None:
        if number > MAX_MEMBERS:
            raise BundleError(f"{self.path.name}: more than {MAX_MEMBERS:,} members (the cap): "
                              "refused as not a supportconfig")

    def add_output(self, size: int) -> None:
        self.decompressed += size
        if self.decompressed > MAX_TOTAL_BYTES:
            raise _TotalCap()

    def stop_total(self) -> None:
        self.stopped = (f"reading stopped after {mib(MAX_TOTAL_BYTES)} uncompressed (the cap for "
                        "a whole bundle): the rest of the archive was not read")
        self.notes.add(self.stopped)

    def stop_damaged(self, exc: BaseException, inside: str = "") -> None:
        where = f" inside {inside}" if inside else ""
        detail = " ".join(str(exc).split()) or type(exc).__name__
        self.stopped = (f"the archive is truncated or damaged{where} ({detail}): only what came "
                        "before was read")
        self.notes.add(self.stopped)


class _Counting:
    """The raw archive file, counting bytes read for progress and checking cancellation."""

    def __init__(self, handle: BinaryIO, watch: Watch) -> None:
        self.handle, self.watch, self.position = handle, watch, 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(CHUNK if size is None or size < 0 else min(size, CHUNK))
        self.position += len(data)
        self.watch.tick(self.position)
        return data


class _Capped:
    """A decompressed stream that stops with _TotalCap once output passes the total cap."""

    def __init__(self, stream: BinaryIO | _Counting | ParallelBzip2, source: Source) -> None:
        self.stream, self.source = stream, source

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(CHUNK if size is None or size < 0 else size)
        self.source.add_output(len(data))
        return data


class TarSource(Source):
    """A tarball, read strictly forward (`r|` mode) through our own decompressor."""

    def __init__(self, path: Path, watch: Watch, compression: str) -> None:
        super().__init__(path, watch)
        self.kind = f"tar.{compression}" if compression != "none" else "tar"
        self.compression = compression
        self._handles: list[BinaryIO] = []
        self._parallel: ParallelBzip2 | None = None

    def _open(self) -> _Counting:
        handle = open(self.path, "rb")  # noqa: SIM115 - closed by close()
        self._handles.append(handle)
        return _Counting(handle, self.watch)

    def _stream(self, raw: _Counting) -> BinaryIO | _Counting | ParallelBzip2:
        if self.compression == "bz2":
            if (os.cpu_count() or 1) > 1:
                self._parallel = ParallelBzip2(raw, self._open)
                return self._parallel
            return bz2.BZ2File(raw)  # type: ignore[arg-type]
        if self.compression == "xz":
            return lzma.LZMAFile(raw)  # type: ignore[arg-type]
        if self.compression == "gz":
            return gzip.GzipFile(fileobj=raw)  # type: ignore[arg-type]
        return raw

    def close(self) -> None:
        if self._parallel is not None:
            self._parallel.close()
            self._parallel = None
        for handle in self._handles:
            handle.close()
        self._handles.clear()

    def entries(self) -> Iterator[Entry]:
        raw = self._open()
        self.watch.total = os.fstat(raw.handle.fileno()).st_size
        capped = _Capped(self._stream(raw), self)
        try:
            tar = tarfile.open(fileobj=capped, mode="r|")  # type: ignore[call-overload]  # noqa: SIM115
        except _TotalCap:
            self.stop_total()
            return
        except _DAMAGE as exc:
            raise BundleError(f"{self.path.name}: not a readable {self.kind} archive "
                              f"({' '.join(str(exc).split()) or type(exc).__name__})") from None
        number = 0
        while True:
            try:
                member = tar.next()
            except _TotalCap:
                self.stop_total()
                return
            except _DAMAGE as exc:
                self.stop_damaged(exc)
                return
            if member is None:
                return
            number += 1
            self.count(number)
            entry = self._entry(tar, member)
            if entry is not None:
                yield entry
                if self.stopped:
                    return

    def _entry(self, tar: tarfile.TarFile, member: tarfile.TarInfo) -> Entry | None:
        name = member.name
        problem = member_problem(name)
        if problem:
            self.skip(repr(name), problem)
            return None
        if member.isdir():
            return None
        if member.issym() or member.islnk():
            self.skip(name, "a symbolic link" if member.issym() else "a hard link")
            return None
        if not member.isfile() or member.issparse():
            self.skip(name, "not a regular file (device, FIFO or sparse member)")
            return None
        if member.size > MAX_MEMBER_BYTES:
            self.skip(name, f"larger than {mib(MAX_MEMBER_BYTES)} (the cap for one file)")
            return None

        def read(entry: Entry) -> Iterator[bytes]:
            handle = tar.extractfile(member)
            if handle is None:  # pragma: no cover - isfile() members always have data
                return
            while True:
                try:
                    data = handle.read(READ_CHUNK)
                except _TotalCap:
                    entry.complete = False
                    self.stop_total()
                    return
                except _DAMAGE as exc:
                    entry.complete = False
                    self.stop_damaged(exc, entry.name)
                    return
                if not data:
                    return
                yield data

        return Entry(name, member.size, read)


class ZipSource(Source):
    """A zip (customers re-pack bundles): random access, only wanted members decompressed."""

    kind = "zip"

    def __init__(self, path: Path, watch: Watch) -> None:
        super().__init__(path, watch)
        self._zip: zipfile.ZipFile | None = None

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def entries(self) -> Iterator[Entry]:
        try:
            self._zip = zipfile.ZipFile(self.path)
            infos = self._zip.infolist()
        except (*_DAMAGE, ValueError) as exc:
            raise BundleError(f"{self.path.name}: not a readable zip archive "
                              f"({' '.join(str(exc).split()) or type(exc).__name__})") from None
        self.count(len(infos))
        self.watch.total = sum(i.compress_size for i in infos) or 1
        done = 0
        for info in infos:
            done += info.compress_size
            self.watch.tick(done)
            entry = self._entry(info)
            if entry is not None:
                yield entry
                if self.stopped:
                    return

    def _entry(self, info: zipfile.ZipInfo) -> Entry | None:
        name = info.filename
        problem = member_problem(name)
        if problem:
            self.skip(repr(name), problem)
            return None
        if info.is_dir():
            return None
        mode = info.external_attr >> 16
        if mode and stat.S_ISLNK(mode):
            self.skip(name, "a symbolic link")
            return None
        if mode and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
            self.skip(name, "not a regular file (device, FIFO or socket)")
            return None
        if info.flag_bits & 0x1:
            self.skip(name, "encrypted")
            return None
        if info.file_size > MAX_MEMBER_BYTES:
            self.skip(name, f"larger than {mib(MAX_MEMBER_BYTES)} (the cap for one file)")
            return None

        def read(entry: Entry) -> Iterator[bytes]:
            assert self._zip is not None
            try:
                with self._zip.open(info) as handle:
                    while True:
                        data = handle.read(READ_CHUNK)
                        if not data:
                            return
                        self.add_output(len(data))
                        self.watch.check()
                        yield data
            except _TotalCap:
                entry.complete = False
                self.stop_total()
            except (*_DAMAGE, RuntimeError) as exc:
                entry.complete = False
                self.stop_damaged(exc, entry.name)

        return Entry(name, info.file_size, read)


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
            if info.st_size > MAX_MEMBER_BYTES:
                self.skip(prefix, f"larger than {mib(MAX_MEMBER_BYTES)} (the cap for one file)")
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
                    if read_so_far > MAX_MEMBER_BYTES:  # grew since the listing
                        entry.complete = False
                        self.skip(entry.path, f"larger than {mib(MAX_MEMBER_BYTES)} (the cap "
                                              "for one file)")
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


_MAGIC = ((b"BZh", "bz2"), (b"\xfd7zXZ\x00", "xz"), (b"\x1f\x8b", "gz"), (b"PK\x03\x04", "zip"),
          (b"PK\x05\x06", "zip"), (b"\x28\xb5\x2f\xfd", "zstd"))


def sniff(path: Path) -> str:
    """`folder`, `bz2`, `xz`, `gz`, `zip`, `none` (a plain tar); BundleError for anything else."""
    try:
        if path.is_dir():
            return "folder"
        with open(path, "rb") as handle:
            head = handle.read(512)
    except FileNotFoundError:
        raise BundleError(f"{path}: no such file or folder") from None
    except OSError as exc:
        raise BundleError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    if not head:
        raise BundleError(f"{path.name}: the file is empty")
    if path.suffix.lower() in (".gpg", ".asc", ".pgp") or head.startswith(b"-----BEGIN PGP"):
        raise BundleError(f"{path.name}: the bundle is encrypted (GPG): decrypt it first")
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind == "zstd":
                raise BundleError(f"{path.name}: zstd-compressed archives are not supported "
                                  "here: give the unpacked folder or a .tbz/.txz/.tgz")
            return kind
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "none"
    if len(head) == 512 and _v7_tar_header(head):
        return "none"
    raise BundleError(f"{path.name}: not a supportconfig archive (neither a tarball, a zip nor "
                      "a folder)")


def _v7_tar_header(head: bytes) -> bool:
    """An old-style tar header: its checksum field matches the header's bytes."""
    field = head[148:156].split(b"\x00", 1)[0].strip()
    if not field or not all(48 <= c <= 55 for c in field):
        return False
    total = sum(head[:148]) + 8 * 32 + sum(head[156:512])
    return int(field, 8) == total


def open_source(path: str | os.PathLike[str], watch: Watch,
                signature: tuple[str, ...]) -> Source:
    """The source for PATH (archive or folder); BundleError when it is neither."""
    where = Path(path)
    kind = sniff(where)
    if kind == "folder":
        return FolderSource(where, watch, signature)
    if kind == "zip":
        return ZipSource(where, watch)
    return TarSource(where, watch, kind)


@contextlib.contextmanager
def opened(path: str | os.PathLike[str], watch: Watch,
           signature: tuple[str, ...]) -> Iterator[Source]:
    """`open_source` as a context manager that always closes the archive."""
    source = open_source(path, watch, signature)
    try:
        yield source
    finally:
        source.close()
