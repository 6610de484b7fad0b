"""Tarballs (bzip2, xz, gzip, plain) and zips as bundle sources: see bundle.archive.

A tarball is read strictly forward through our own decompressor, counting its output against
the total cap; a zip is random access, so only the wanted members are decompressed.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import stat
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kvmhelpdesk import fileio
from kvmhelpdesk.bundle.archive import (
    _DAMAGE,
    CHUNK,
    READ_CHUNK,
    Entry,
    Source,
    Watch,
    _TotalCap,
    member_problem,
    open_archive,
)
from kvmhelpdesk.bundle.bzip2 import ParallelBzip2
from kvmhelpdesk.bundle.errors import BundleError


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


# .tbz files whose first blocks are already being decoded (prime_bzip2), by path: the
# TarSource that opens the same file takes its reader over.
_PRIMED: dict[str, tuple[tuple[int, ...], ParallelBzip2, BinaryIO, _Counting]] = {}


def _identity(handle: BinaryIO) -> tuple[int, ...]:
    info = os.fstat(handle.fileno())
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def prime_bzip2(path: str | os.PathLike[str], ahead: int = 0) -> None:
    """Start decoding the first blocks of a `.tbz` at once (`ahead` of them, if more than a
    read keeps in flight), so that the time until `read_bundle(path)` opens it is not lost
    (cli.early_read: the command's modules load meanwhile; cli.launch: the window starts).
    Anything unexpected (not a regular file, not bzip2, one core): nothing happens, and the
    archive is read as usual."""
    if (os.cpu_count() or 1) < 2 or str(path) in _PRIMED:
        return
    try:
        handle = open_archive(Path(path))
    except OSError:  # also a FIFO or a device: refused later, with its message
        return
    try:
        if handle.read(3) != b"BZh":
            handle.close()
            return
        handle.seek(0)
        raw = _Counting(handle, Watch(None, None))
        reader = ParallelBzip2(raw, lambda: open_archive(Path(path)))
        if not reader.prime(ahead):
            handle.close()
            return
        _PRIMED[str(path)] = (_identity(handle), reader, handle, raw)
    except OSError:
        handle.close()


def drop_primed() -> None:
    """Stop every primed reader nobody took over (the command ended first)."""
    while _PRIMED:
        _, (_, reader, handle, _) = _PRIMED.popitem()
        reader.close()
        handle.close()


class TarSource(Source):
    """A tarball, read strictly forward (`r|` mode) through our own decompressor."""

    def __init__(self, path: Path, watch: Watch, compression: str) -> None:
        super().__init__(path, watch)
        self.kind = f"tar.{compression}" if compression != "none" else "tar"
        self.compression = compression
        self._handles: list[BinaryIO] = []
        self._parallel: ParallelBzip2 | None = None

    def _open(self) -> _Counting:
        try:
            handle = open_archive(self.path)  # closed by close()
        except OSError as exc:  # replaced by a FIFO or removed since it was sniffed
            raise BundleError(f"{self.path}: cannot be read: {fileio.reason(exc)}") from None
        self._handles.append(handle)
        return _Counting(handle, self.watch)

    def _stream(self, raw: _Counting) -> BinaryIO | _Counting | ParallelBzip2:
        if self.compression == "bz2":
            if (os.cpu_count() or 1) > 1:
                self._parallel = self._take_primed(raw) or ParallelBzip2(raw, self._open)
                return self._parallel
            return bz2.BZ2File(raw)  # type: ignore[arg-type]
        if self.compression == "xz":
            return lzma.LZMAFile(raw)  # type: ignore[arg-type]
        if self.compression == "gz":
            return gzip.GzipFile(fileobj=raw)  # type: ignore[arg-type]
        return raw

    def _take_primed(self, raw: _Counting) -> ParallelBzip2 | None:
        """The reader prime_bzip2 started on this very file, with this source's progress,
        cancellation and handles (None when there is none)."""
        primed = _PRIMED.pop(str(self.path), None)
        if primed is None:
            return None
        identity, reader, handle, counting = primed
        self._handles.append(handle)  # closed with this source's own
        if identity != _identity(raw.handle):  # replaced since: start afresh
            reader.close()
            return None
        counting.watch = self.watch
        reader.reopen = self._open
        return reader

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
        if self.too_big(name, member.size):
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
        self._handle: BinaryIO | None = None

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        if self._handle is not None:  # ZipFile leaves a file object it was given open
            self._handle.close()
            self._handle = None

    def entries(self) -> Iterator[Entry]:
        try:
            self._handle = open_archive(self.path)
        except OSError as exc:
            raise BundleError(f"{self.path}: cannot be read: {fileio.reason(exc)}") from None
        try:
            self._zip = zipfile.ZipFile(self._handle)
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
        if self.too_big(name, info.file_size):
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
