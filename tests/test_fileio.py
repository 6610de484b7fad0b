"""kvmhelpdesk.fileio: reading only regular files, never blocking; writing like an editor."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kvmhelpdesk import fileio

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


@needs_fifo
def test_a_fifo_is_refused_at_once_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "case.json"
    os.mkfifo(fifo)
    with pytest.raises(fileio.NotRegularFileError, match="named pipe"):
        fileio.read_regular_file(fifo, 100)  # no writer: would block forever without O_NONBLOCK


def test_folder_device_cap_and_missing(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        fileio.read_regular_file(tmp_path, 100)
    if os.path.exists("/dev/zero"):
        with pytest.raises(fileio.NotRegularFileError, match="character device"):
            fileio.read_regular_file("/dev/zero", 100)  # endless: would never finish
    big = tmp_path / "big"
    big.write_bytes(b"x" * 101)
    with pytest.raises(fileio.TooLargeError, match="larger than 100 bytes"):
        fileio.read_regular_file(big, 100)
    assert fileio.read_regular_file(big, 101) == b"x" * 101
    with pytest.raises(FileNotFoundError):
        fileio.read_regular_file(tmp_path / "nothing", 100)


def test_write_goes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "cases" / "real.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert fileio.atomic_write(link, b"new") == real
    assert link.is_symlink() and real.read_text() == "new"
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "cases" / "later.json")
    fileio.atomic_write(dangling, b"made")
    assert dangling.is_symlink() and (tmp_path / "cases" / "later.json").read_text() == "made"


@needs_fifo
def test_never_replaces_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(fileio.NotRegularFileError):
        fileio.atomic_write(fifo, b"x")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    link_to_device = tmp_path / "null"
    link_to_device.symlink_to("/dev/null")
    with pytest.raises(fileio.NotRegularFileError, match="character device"):
        fileio.atomic_write(link_to_device, b"x")
    with pytest.raises(fileio.NotRegularFileError, match="folder"):
        fileio.atomic_write(tmp_path, b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "pipe"]


def test_read_only_target_is_kept_unless_the_user_agreed(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    target.write_text("keep")
    target.chmod(0o444)
    with pytest.raises(fileio.ReadOnlyFileError):
        fileio.atomic_write(target, b"new")  # also as root: the mode says read-only
    assert target.read_text() == "keep"
    fileio.atomic_write(target, b"new", replace_read_only=True)
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o444


@pytest.mark.parametrize("length", [242, 250, 255])
def test_long_names_keep_working(tmp_path: Path, length: int) -> None:
    target = tmp_path / ("n" * (length - 5) + ".json")
    fileio.atomic_write(target, b"one")
    fileio.atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    prefix = fileio.temp_prefix("é" * 127 + "x")  # 255 bytes in UTF-8
    assert len(os.fsencode(prefix)) + len("4194304.0123abcd.tmp") <= 255


def test_stale_temporary_files_of_killed_saves_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    prefix = fileio.temp_prefix(target.name)
    dead = tmp_path / f"{prefix}999999999.0123abcd.tmp"  # no such process: a killed save
    dead.write_text("half")
    running = tmp_path / f"{prefix}{os.getppid()}.beefdead.tmp"  # a save in progress
    running.write_text("busy")
    old_but_alive = tmp_path / f"{prefix}1.deadbeef.tmp"  # pid 1 lives: never ours to judge
    old_but_alive.write_text("half")
    os.utime(old_but_alive, (1, 1))
    mine = tmp_path / f"{prefix}{os.getpid()}.00c0ffee.tmp"  # this process's own (a thread)
    mine.write_text("busy")
    other = tmp_path / ".other.json.999999999.0123abcd.tmp"  # another file's: not ours
    other.write_text("x")
    fileio.atomic_write(target, b"data")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([target.name, running.name, old_but_alive.name, mine.name,
                            other.name])


@pytest.mark.parametrize("suffix", [
    "swp.tmp", "tmp", "999999999.tmp", "999999999.0123ABCD.tmp", "999999999.0123abc.tmp",
    "999999999.0123abcde.tmp", "999999999.0123abcd.tmp.tmp", "x999999999.0123abcd.tmp",
    "999999999.0123abcd.txt", "-1.0123abcd.tmp", "999999999.0123abcd.backup.tmp"])
def test_other_programs_temporary_files_are_never_removed(tmp_path: Path, suffix: str) -> None:
    """Only `.NAME.PID.8hex.tmp` exactly is ours: an editor's or a sync tool's file that
    starts with the same `.NAME.` stays, whatever is after it."""
    target = tmp_path / "case.json"
    foreign = tmp_path / (fileio.temp_prefix(target.name) + suffix)
    foreign.write_text("someone else's")
    assert fileio.remove_stale_temps(tmp_path, fileio.temp_prefix(target.name)) == 0
    fileio.atomic_write(target, b"data")
    assert foreign.read_text() == "someone else's"


# -- appending (the app's error log) --------------------------------------------------------
def test_append_creates_and_appends(tmp_path: Path) -> None:
    log = tmp_path / "errors.log"
    fileio.append_regular(log, "one\n")
    fileio.append_regular(log, "two \ud800\n")  # never fails on text it was given
    assert log.read_text(encoding="utf-8") == "one\ntwo ?\n"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


@needs_fifo
def test_append_to_a_fifo_never_blocks(tmp_path: Path) -> None:
    fifo = tmp_path / "errors.log"
    os.mkfifo(fifo)
    with pytest.raises(OSError):  # no reader: ENXIO at once, instead of waiting for one
        fileio.append_regular(fifo, "x\n")
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with pytest.raises(fileio.NotRegularFileError, match="named pipe"):
            fileio.append_regular(fifo, "x\n")  # a reader: refused, nothing written
        assert os.read(reader, 10) == b""
    finally:
        os.close(reader)
