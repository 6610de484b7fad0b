"""A build lock between app instances that a crashed process can never leave behind.

The lock is an OS lock (flock / msvcrt.locking) on a small file, not the file's existence: the
kernel drops it when its process dies, so a lock file left by a dead process (its PID is still
written in it, for people reading the cache dir) costs nothing. Where the file system cannot
lock, building goes ahead unlocked: publishing an index is an atomic rename anyway.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

POLL_SECONDS = 0.02


class LockTimeout(Exception):
    """Another live process held the lock for longer than we were willing to wait."""


def pid_alive(pid: int) -> bool:
    """Whether process `pid` exists (on this machine). Never sends a real signal."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except OSError:
        return False
    return True


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _try_lock(fd: int) -> bool:
    """Take the lock without waiting; False if another process holds it."""
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":  # pragma: no cover
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def build_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold the lock at `path`; raise LockTimeout after `timeout` seconds of waiting.

    OSError from opening the file propagates (read-only cache dir: the caller falls back to a
    RAM index). A file system without locking support yields without a lock.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    locked = False
    try:
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            try:
                locked = _try_lock(fd)
            except OSError:  # ENOLCK and friends: no locking here, rely on atomic publish
                break
            if locked:
                _write_owner(fd)
                break
            if time.monotonic() >= deadline:
                raise LockTimeout(f"{path} is held by another running process")
            time.sleep(POLL_SECONDS)
        yield
    finally:
        if locked:
            _unlock(fd)
        os.close(fd)


def _write_owner(fd: int) -> None:
    """Record who holds the lock, for humans; correctness never depends on it."""
    with contextlib.suppress(OSError):
        payload = f"pid={os.getpid()} time={int(time.time())}\n".encode()
        if sys.platform != "win32":
            os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, payload)

