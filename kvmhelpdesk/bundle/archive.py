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

import contextlib
import lzma
import os
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from kvmhelpdesk import fileio
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

    def too_big(self, name: str, size: int) -> bool:
        """True (and a note) for a member over MAX_MEMBER_BYTES."""
        if size <= MAX_MEMBER_BYTES:
            return False
        self.skip(name, f"larger than {mib(MAX_MEMBER_BYTES)} (the cap for one file)")
        return True

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


_MAGIC = ((b"BZh", "bz2"), (b"\xfd7zXZ\x00", "xz"), (b"\x1f\x8b", "gz"), (b"PK\x03\x04", "zip"),
          (b"PK\x05\x06", "zip"), (b"\x28\xb5\x2f\xfd", "zstd"))


def sniff(path: Path) -> str:
    """`folder`, `bz2`, `xz`, `gz`, `zip`, `none` (a plain tar); BundleError for anything else."""
    try:
        if path.is_dir():
            return "folder"
        with open_archive(path) as handle:
            head = handle.read(512)
    except FileNotFoundError:
        raise BundleError(f"{path}: no such file or folder") from None
    except fileio.NotRegularFileError as exc:  # a FIFO would block for ever, a device never end
        raise BundleError(f"{path}: {exc}: not a supportconfig archive or folder") from None
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


def open_archive(path: Path) -> BinaryIO:
    """The archive file for reading: a regular file only (fileio.NotRegularFileError for a FIFO,
    a device or a socket, checked on the open descriptor, so nothing blocks)."""
    return os.fdopen(fileio.open_regular(path), "rb")


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
    from kvmhelpdesk.bundle.folder import FolderSource  # the formats build on this module
    from kvmhelpdesk.bundle.tarzip import TarSource, ZipSource

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
