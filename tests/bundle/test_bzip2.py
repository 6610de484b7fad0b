"""Parallel bzip2: exactly bz2.BZ2File's output, in every shape a .tbz comes in."""

from __future__ import annotations

import bz2
import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kvmhelpdesk.bundle import bzip2 as bzip2_module
from kvmhelpdesk.bundle.bzip2 import ParallelBzip2, find_magics


def sequential(blob: bytes) -> tuple[bytes, type[BaseException] | None]:
    reader, out = bz2.BZ2File(io.BytesIO(blob)), []
    try:
        while data := reader.read(10240):
            out.append(data)
    except (OSError, EOFError) as exc:
        return b"".join(out), type(exc)
    return b"".join(out), None


def parallel(blob: bytes, workers: int = 2) -> tuple[bytes, type[BaseException] | None,
                                                     ParallelBzip2]:
    reader = ParallelBzip2(io.BytesIO(blob), lambda: io.BytesIO(blob), workers)
    out = []
    try:
        while data := reader.read(10240):
            out.append(data)
    except (OSError, EOFError) as exc:
        return b"".join(out), type(exc), reader
    finally:
        reader.close()
    return b"".join(out), None, reader


def sample(size: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    words = [bytes(rng.choices(range(97, 123), k=rng.randint(2, 9))) for _ in range(500)]
    return b" ".join(rng.choices(words, k=size // 5))[:size]


@pytest.mark.parametrize("data", [
    b"", b"x", sample(3_000_000), bytes(6_000_000), random.Random(2).randbytes(1_200_000)],
    ids=["empty", "one-byte", "text-multi-block", "zeros", "random"])
def test_same_output_as_bz2(data):
    blob = bz2.compress(data)
    out, error, reader = parallel(blob)
    assert out == data and error is None
    assert reader.fell_back is (data == b"")  # an empty stream has no block: BZ2File reads it


def test_several_concatenated_streams():
    parts = [sample(1_500_000, 3), sample(10, 4), sample(900_000, 5)]
    out, error, reader = parallel(b"".join(bz2.compress(p, 1) for p in parts))
    assert out == b"".join(parts) and error is None and reader.blocks >= 4


def test_a_truncated_stream_gives_the_same_prefix_and_error():
    blob = bz2.compress(sample(3_000_000, 6))
    for cut in (len(blob) // 3, len(blob) - 5, 40):
        out, error, _ = parallel(blob[:cut])
        expected, expected_error = sequential(blob[:cut])
        assert error is expected_error is EOFError
        assert out.startswith(expected)  # BZ2File loses what it had buffered; we do not


def test_not_bzip2_after_its_header_falls_back_to_bz2s_own_error():
    blob = b"BZh9" + bytes(5000)
    out, error, reader = parallel(blob)
    assert (out, error) == sequential(blob) and reader.fell_back


def test_a_block_that_does_not_decode_falls_back_to_sequential(monkeypatch):
    data = sample(2_500_000, 7)
    blob = bz2.compress(data)
    calls = []

    def flaky(stream: bytes, stopped) -> bytes:
        calls.append(1)
        if len(calls) == 2:
            raise OSError("Invalid data stream")
        return bz2.decompress(stream)

    monkeypatch.setattr(bzip2_module, "_decode", flaky)
    out, error, reader = parallel(blob)
    assert out == data and error is None and reader.fell_back


@settings(deadline=None, max_examples=40)
@given(st.binary(min_size=6, max_size=300), st.integers(min_value=0, max_value=7))
def test_magics_are_found_at_any_bit(noise, shift):
    value = (int.from_bytes(noise, "big") << 48 | bzip2_module.BLOCK_MAGIC) << shift
    data = value.to_bytes(len(noise) + 8, "big")
    position = len(data) * 8 - 48 - shift
    assert (position, False) in find_magics(data)


def test_a_decode_stops_between_steps_when_asked():
    blob = bz2.compress(sample(800_000, 8))
    [start, end] = [position for position, _ in find_magics(blob)]
    stream = bzip2_module.block_stream(blob, start, end)
    assert bzip2_module._decode(stream) == sample(800_000, 8)
    asked = []

    def stopped() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(bzip2_module._Stopped):
        bzip2_module._decode(stream, stopped)
    assert len(asked) == 4  # it asked at every step and stopped at the first yes


def test_closing_early_ends_the_decoding_threads():
    # The reader has what it wants after the first read: the blocks decoded ahead are
    # dropped or stopped, and no thread is left running.
    blob = bz2.compress(sample(6_000_000, 9))
    reader = ParallelBzip2(io.BytesIO(blob), lambda: io.BytesIO(blob), 2)
    assert reader.read(10) == sample(6_000_000, 9)[:10]
    pool = reader.pool
    reader.close()
    for thread in pool.threads:
        thread.join(timeout=30)
        assert not thread.is_alive()


def test_priming_decodes_as_many_blocks_ahead_as_asked_and_reads_the_same():
    # A .tbz given at launch: more blocks decode while the window starts than a read keeps in
    # flight (workers + 1); the output is still exactly bz2's.
    # Incompressible data in 100 kB blocks: each MiB of the file scanned holds ten of them.
    data = random.Random(12).randbytes(2_500_000)
    blob = bz2.compress(data, 1)
    plain = ParallelBzip2(io.BytesIO(blob), lambda: io.BytesIO(blob), 2)
    assert plain.prime() and 3 <= len(plain.queue) < 12
    plain.close()
    reader = ParallelBzip2(io.BytesIO(blob), lambda: io.BytesIO(blob), 2)
    assert reader.prime(ahead=12) and 12 <= len(reader.queue) < 25
    out = []
    while chunk := reader.read(65536):
        out.append(chunk)
    reader.close()
    assert b"".join(out) == data and not reader.fell_back
