"""bzip2 decompression on several cores, for the `.tbz` bundles of the SLES 11 era.

A bzip2 stream is a run of independent blocks (at most 900 kB of input each), each opened by
the 48-bit magic 0x314159265359 at any *bit* position and closed by the next block's magic or
the end-of-stream magic 0x177245385090. `ParallelBzip2` finds those magics while reading the
compressed file forward, wraps each block as a one-block stream of its own (header, the block,
end magic, the block's CRC as the stream CRC, so libbz2 still checks every byte) and has a few
threads decompress them (libbz2 runs without the GIL); `read()` hands the output on in order.
A decode runs in small steps, so `close()` (the reader has all it wants) also stops the blocks
being decoded ahead within a few milliseconds, instead of leaving them to use both cores while
the caller goes on to judge what it read.

Anything unexpected (a magic that turns out to sit inside compressed data, a block that will
not decode) switches to plain sequential decompression from the start of the file, skipping
what was already handed on, so the output is always exactly what bz2.BZ2File gives. A stream
that ends inside a block gives every whole block before the cut (bz2.BZ2File may give a little
less: what it had buffered), then EOFError, as bz2.BZ2File does.
"""

from __future__ import annotations

import bz2
import os
import queue
import threading
from collections import deque
from collections.abc import Callable
from typing import Protocol

BLOCK_MAGIC = 0x314159265359
END_MAGIC = 0x177245385090
READ_SIZE = 1 << 20
MAX_SEGMENT = 2 << 20  # a compressed block is under 1 MB; more without a magic is not bzip2
_MASK48 = (1 << 48) - 1


class Readable(Protocol):
    def read(self, size: int = -1) -> bytes: ...


def _patterns(magic: int) -> list[tuple[int, bytes]]:
    """For each bit shift 0..7: the 5 bytes the magic always fills completely."""
    out = []
    for shift in range(8):
        placed = (magic << (8 - shift)).to_bytes(7, "big")
        out.append((shift, placed[1:6]))
    return out


_BLOCK_PATTERNS = _patterns(BLOCK_MAGIC)
_END_PATTERNS = _patterns(END_MAGIC)


def find_magics(data: bytes | bytearray, start_bit: int = 0) -> list[tuple[int, bool]]:
    """(bit position, is_end_magic) of every block or end magic at or after `start_bit`."""
    found: list[tuple[int, bool]] = []
    for patterns, magic, is_end in ((_BLOCK_PATTERNS, BLOCK_MAGIC, False),
                                    (_END_PATTERNS, END_MAGIC, True)):
        for shift, middle in patterns:
            index = data.find(middle, max(0, start_bit // 8 - 1))
            while index >= 0:
                first = index - 1
                if first >= 0 and first + 7 <= len(data):
                    window = int.from_bytes(data[first:first + 7], "big")
                    if (window >> (8 - shift)) & _MASK48 == magic:
                        position = first * 8 + shift
                        if position >= start_bit:
                            found.append((position, is_end))
                elif first >= 0 and shift == 0 and first + 6 <= len(data) \
                        and int.from_bytes(data[first:first + 6], "big") == magic \
                        and first * 8 >= start_bit:
                    found.append((first * 8, is_end))
                index = data.find(middle, index + 1)
    return sorted(set(found))


def block_stream(data: bytes | bytearray, start: int, end: int, close: bool = True) -> bytes:
    """A one-block bzip2 stream of the bits [start, end) of `data` (a block with its magic);
    `close=False` leaves the end magic off (for a block the file ends inside)."""
    first, last = start // 8, (end + 7) // 8
    bits = end - start
    value = int.from_bytes(data[first:last], "big") >> (last * 8 - end)
    value &= (1 << bits) - 1
    if close:
        crc = (value >> (bits - 80)) & 0xFFFFFFFF  # the 32 bits after the block magic
        value = (value << 80) | (END_MAGIC << 32) | crc
        bits += 80
    pad = -bits % 8
    return b"BZh9" + (value << pad).to_bytes((bits + pad) // 8, "big")


STEP_IN = 1 << 16  # compressed bytes per step of a decode
STEP_OUT = 1 << 18  # decompressed bytes per step


class _Stopped(Exception):
    """The pool was shut down while this block was being decoded."""


def _never() -> bool:
    return False


def _steps(stream: bytes, stopped: Callable[[], bool]) -> tuple[bytes, bool]:
    """(the output, whether the stream ended) of a one-block stream, decoded a step at a time
    (each step without the GIL), asking `stopped()` between steps."""
    decompressor = bz2.BZ2Decompressor()
    view, out = memoryview(stream), []
    for start in range(0, len(stream), STEP_IN):
        if stopped():
            raise _Stopped
        out.append(decompressor.decompress(view[start:start + STEP_IN], STEP_OUT))
        while not decompressor.needs_input and not decompressor.eof:
            if stopped():
                raise _Stopped
            out.append(decompressor.decompress(b"", STEP_OUT))
        if decompressor.eof:
            break
    return b"".join(out), decompressor.eof


def _decode(stream: bytes, stopped: Callable[[], bool] = _never) -> bytes:
    data, ended = _steps(stream, stopped)
    if not ended:
        raise ValueError("Compressed data ended before the end-of-stream marker was reached")
    return data


def _decode_open(stream: bytes, stopped: Callable[[], bool] = _never) -> bytes:
    """What a stream cut short still yields: every block before the cut, or nothing."""
    try:
        return _steps(stream, stopped)[0]
    except (OSError, EOFError, ValueError):
        return b""


class _Job:
    """One block to decode; `result()` waits for it (and raises what decoding raised)."""

    __slots__ = ("decode", "done", "error", "stream", "value")

    def __init__(self, decode: Callable[[bytes, Callable[[], bool]], bytes],
                 stream: bytes) -> None:
        self.decode, self.stream = decode, stream
        self.done = threading.Event()
        self.value = b""
        self.error: BaseException | None = None

    def result(self) -> bytes:
        self.done.wait()
        if self.error is not None:
            raise self.error
        return self.value


class _Pool:
    """A few threads that decode blocks in order of submission. (concurrent.futures would do,
    but it imports `logging`: some 10 ms of every `check --supportconfig`.) After `shutdown()`
    jobs not yet started are dropped, running ones stop at their next step, and the threads
    end."""

    def __init__(self, workers: int, name: str) -> None:
        self.jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self.stopped = False
        # Daemon threads: a reader never closed (an exception between open and close) must
        # not keep the process from exiting; a decode is pure C and holds nothing to clean up.
        self.threads = [threading.Thread(target=self._work, name=f"{name}_{n}", daemon=True)
                        for n in range(workers)]
        for thread in self.threads:
            thread.start()

    def submit(self, decode: Callable[[bytes, Callable[[], bool]], bytes],
               stream: bytes) -> _Job:
        job = _Job(decode, stream)
        self.jobs.put(job)
        return job

    def shutdown(self) -> None:
        self.stopped = True
        for _ in self.threads:
            self.jobs.put(None)

    def _stopped(self) -> bool:
        return self.stopped

    def _work(self) -> None:
        while (job := self.jobs.get()) is not None:
            if not self.stopped:
                try:
                    job.value = job.decode(job.stream, self._stopped)
                except _Stopped:
                    pass  # nobody waits for it any more
                except BaseException as exc:  # handed to result(), in the reading thread
                    job.error = exc
            job.stream = b""
            job.done.set()


class _Fallback(Exception):
    """The block split cannot be trusted: decode sequentially instead."""


class ParallelBzip2:
    """A read-only, forward-only file of the decompressed data (like bz2.BZ2File)."""

    def __init__(self, raw: Readable, reopen: Callable[[], Readable],
                 workers: int | None = None) -> None:
        self.raw = raw
        self.reopen = reopen  # the compressed file again from its start (for the fallback)
        self.workers = max(1, workers or min(4, os.cpu_count() or 1))
        self.pool: _Pool | None = _Pool(self.workers, "bundle-bzip2")
        self.pending = bytearray()  # compressed bytes not yet cut into blocks
        self.base_bit = 0  # bit position of pending[0] in the file
        self.block_start: int | None = None  # bit position of the open block's magic
        self.eof = False
        self.queue: deque[tuple[_Job, bool]] = deque()  # (decode, ended by a magic)
        self.truncated = False
        self.output = b""
        self.offset = 0
        self.delivered = 0
        self.sequential: bz2.BZ2File | None = None
        self.blocks = 0
        self.fell_back = False  # for tests and benchmarks: the sequential path was needed

    # ------------------------------------------------------------------ reading
    def prime(self, ahead: int = 0) -> bool:
        """Start decoding the first blocks now, before the first read (for a caller with other
        work meanwhile): as many as a read keeps in flight, or `ahead` blocks if more (each
        holds up to 900 kB once decoded); False when the file does not split as expected
        (then do not use this reader: a fresh one falls back to sequential decompression from
        the start)."""
        try:
            while len(self.queue) < max(self.workers + 1, ahead) and not self.eof:
                self._scan()
        except _Fallback:
            self.close()
            return False
        return True

    def read(self, size: int = -1) -> bytes:
        size = READ_SIZE if size is None or size < 0 else size
        if self.sequential is not None:
            return self._sequential_read(size)
        while self.offset >= len(self.output):
            try:
                block = self._next_block()
            except _Fallback:
                self._start_sequential()
                return self._sequential_read(size)
            if block is None:
                return b""
            self.output, self.offset = block, 0
        data = self.output[self.offset:self.offset + size]
        self.offset += len(data)
        self.delivered += len(data)
        return data

    def _next_block(self) -> bytes | None:
        while len(self.queue) < self.workers + 1 and not self.eof:
            self._scan()
        if not self.queue:
            if self.truncated:
                raise EOFError("Compressed file ended before the end-of-stream marker was "
                               "reached")
            return None
        future, _ = self.queue.popleft()
        try:
            return future.result()
        except (OSError, EOFError, ValueError) as exc:
            raise _Fallback() from exc

    def _scan(self) -> None:
        """Read more compressed data and submit every block that is now complete."""
        chunk = self.raw.read(READ_SIZE)
        if not chunk:
            self.eof = True
            if not self.blocks:  # not bzip2 as expected: let BZ2File say what is wrong
                raise _Fallback()
            if self.block_start is not None:  # a block without its end: a truncated file
                self._submit(self.block_start, self.base_bit + len(self.pending) * 8, False)
                self.block_start = None
            return
        search_from = max(self.base_bit, self.base_bit + len(self.pending) * 8 - 56)
        self.pending += chunk
        for position, is_end in find_magics(self.pending, search_from - self.base_bit):
            at = self.base_bit + position
            if not self.blocks and (is_end or at != 32 or self.pending[:3] != b"BZh"):
                raise _Fallback()  # a stream starts "BZh9" and its first block right after
            self.blocks += not is_end
            if self.block_start is not None and at > self.block_start:
                self._submit(self.block_start, at, True)
                self.block_start = None
            if not is_end:
                self.block_start = at
        keep_from = self.block_start if self.block_start is not None else \
            self.base_bit + max(0, len(self.pending) - 7) * 8
        drop = (keep_from - self.base_bit) // 8
        if drop > 0:
            del self.pending[:drop]
            self.base_bit += drop * 8
        if len(self.pending) > MAX_SEGMENT:
            raise _Fallback()

    def _submit(self, start: int, end: int, closed: bool) -> None:
        assert self.pool is not None
        if not closed:  # the file ends inside this block
            self.truncated = True
            stream = block_stream(self.pending, start - self.base_bit, end - self.base_bit,
                                  close=False)
            self.queue.append((self.pool.submit(_decode_open, stream), False))
            return
        if end - start < 80 + 32:
            raise _Fallback()
        stream = block_stream(self.pending, start - self.base_bit, end - self.base_bit)
        self.queue.append((self.pool.submit(_decode, stream), True))

    # ------------------------------------------------------------------ fallback
    def _start_sequential(self) -> None:
        self._stop_pool()
        self.fell_back = True
        self.sequential = bz2.BZ2File(self.reopen())  # type: ignore[arg-type]
        skip = self.delivered
        while skip > 0:
            data = self.sequential.read(min(skip, READ_SIZE))
            if not data:
                raise EOFError("Compressed file ended before the end-of-stream marker was "
                               "reached")
            skip -= len(data)

    def _sequential_read(self, size: int) -> bytes:
        assert self.sequential is not None
        data = self.sequential.read(size)
        self.delivered += len(data)
        return data

    def _stop_pool(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None
        self.queue.clear()
        self.pending = bytearray()

    def close(self) -> None:
        self._stop_pool()
        if self.sequential is not None:
            self.sequential.close()
            self.sequential = None
