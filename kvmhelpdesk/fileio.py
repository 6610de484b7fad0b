"""Reading and writing user files the way users expect of an editor (Qt-free).

Reading: only regular files are read (a FIFO, a device or a socket named as a case file or a
content file would block or never end), opened without blocking and checked after opening, so
swapping the file in between changes nothing. Writing: the new content goes to a temporary
file beside the target and replaces it in one rename, so a crash leaves the old file or the
new one, complete. A symbolic link is written through to its target (the link stays a link); a
target that is not a regular file is never replaced; a read-only target is replaced only when
the caller says the user agreed; a temporary file left by a killed save is removed by the next
save to that folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from pathlib import Path

NAME_MAX = 255  # bytes in one file name on every common file system
_TEMP_SUFFIX = ".tmp"
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


class NotRegularFileError(OSError):
    """The path names something other than a regular file (a FIFO, device, socket, folder)."""


class ReadOnlyFileError(PermissionError):
    """The target file is read-only; replace it only after the user agreed."""


class TooLargeError(OSError):
    """The file is larger than the caller's cap (the message names the cap)."""


def kind_of(mode: int) -> str:
    """"a named pipe (FIFO)", "a folder"...: what a non-regular file is, in words."""
    return next((word for test, word in _KINDS if test(mode)), "not a regular file")


def _open_flags() -> int:
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting forever.
    return flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def open_regular(path: str | os.PathLike[str], *, dir_fd: int | None = None,
                 follow: bool = True) -> int:
    """A read-only descriptor of a regular file; NotRegularFileError for anything else.

    `follow=False` refuses a symbolic link as the last component (O_NOFOLLOW)."""
    if not hasattr(os, "O_NONBLOCK"):  # Windows: no FIFOs to block on; check before opening
        _require_regular(os.stat(path, dir_fd=dir_fd, follow_symlinks=follow).st_mode)
    flags = _open_flags()
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, dir_fd=dir_fd)
    try:
        _require_regular(os.fstat(fd).st_mode)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _require_regular(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(f"is {kind_of(mode)}, not a regular file")


def read_fd(fd: int, limit: int) -> bytes:
    """Up to `limit` + 1 bytes of an open descriptor (one more tells "larger than the cap")."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file, at most `limit` of them.

    Raises FileNotFoundError, IsADirectoryError, NotRegularFileError (FIFO, device...),
    TooLargeError (more than `limit` bytes) or another OSError; never blocks on a FIFO.
    """
    fd = open_regular(path)
    try:
        data = read_fd(fd, limit)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TooLargeError(f"larger than {describe_size(limit)}")
    return data


def describe_size(size: int) -> str:
    """`16 MB`, `256 KB`: a cap in words."""
    if size >= 1 << 20 and size % (1 << 20) == 0:
        return f"{size >> 20} MB"
    if size >= 1 << 10 and size % (1 << 10) == 0:
        return f"{size >> 10} KB"
    return f"{size:,} bytes"


def reason(exc: OSError) -> str:
    """An OSError as a few words for a one-line message ("no such file", "is a FIFO...")."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, (NotRegularFileError, ReadOnlyFileError, TooLargeError)):
        return str(exc)
    return exc.strerror or str(exc)


# --------------------------------------------------------------------------------- writing
def append_regular(path: str | os.PathLike[str], text: str) -> None:
    """Append `text` (UTF-8) to a regular file, creating it (mode 0600) when missing.

    Raises NotRegularFileError for a FIFO, device or socket at `path` without blocking (a FIFO
    with no reader fails at once with ENXIO; one with a reader is refused after opening)."""
    flags = (os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
             | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
             | getattr(os, "O_NOCTTY", 0))
    if not hasattr(os, "O_NONBLOCK"):  # Windows: check before opening
        with contextlib.suppress(FileNotFoundError):
            _require_regular(os.stat(path).st_mode)
    fd = os.open(path, flags, 0o600)
    try:
        _require_regular(os.fstat(fd).st_mode)
        data = text.encode("utf-8", "replace")
        while data:
            data = data[os.write(fd, data):]
    finally:
        os.close(fd)


def write_target(path: str | os.PathLike[str]) -> Path:
    """Where writing `path` really goes: the final target of a symbolic link (even a link to
    a file not yet there), else `path` itself."""
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def temp_prefix(name: str) -> str:
    """`.NAME.` cut so that `.NAME.PID.TOKEN.tmp` fits in one file name (255 bytes)."""
    room = NAME_MAX - len(f"..{'9' * 10}.{'f' * 8}{_TEMP_SUFFIX}")
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return f".{name}."


def atomic_write(path: str | os.PathLike[str], data: bytes, *,
                 replace_read_only: bool = False) -> Path:
    """Write `data` to `path` atomically; returns the file really written (a link's target).

    Raises NotRegularFileError when the target exists and is not a regular file,
    ReadOnlyFileError when it is read-only (unless `replace_read_only`), else OSError.
    """
    target = write_target(path)
    folder = target.parent
    mode = None
    try:
        info = os.stat(target)
    except FileNotFoundError:
        pass
    else:
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(f"is {kind_of(info.st_mode)}: not replaced")
        mode = stat.S_IMODE(info.st_mode)
        if not replace_read_only and (not mode & 0o222 or not os.access(target, os.W_OK)):
            raise ReadOnlyFileError(13, "is read-only")
    prefix = temp_prefix(target.name)
    remove_stale_temps(folder, prefix)
    import secrets  # here: not on the start-up path (random, hmac, base64 with it)

    temp = folder / f"{prefix}{os.getpid()}.{secrets.token_hex(4)}{_TEMP_SUFFIX}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
                 | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode if mode is not None else _new_file_mode())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_dir(folder)
    return target


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def remove_stale_temps(folder: Path, prefix: str) -> int:
    """Remove temporary files of killed saves to this target; returns how many went.

    Only names exactly of our making (`PREFIX` + `PID.8 hex digits.tmp`, see atomic_write)
    whose process is gone: another program's file that merely starts alike, or a save still
    running (in this process or another), is never touched. A leftover whose process id was
    reused stays until that process ends; it is hidden and harmless.
    """
    from kvmhelpdesk.search.locking import pid_alive

    ours = re.compile(re.escape(prefix) + r"([0-9]{1,10})\.[0-9a-f]{8}" + re.escape(_TEMP_SUFFIX))
    removed = 0
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for item in entries:
            match = ours.fullmatch(item.name)
            if match is None:
                continue
            owner = int(match.group(1))
            with contextlib.suppress(OSError):
                if not stat.S_ISREG(item.stat(follow_symlinks=False).st_mode):
                    continue
                if owner != os.getpid() and not pid_alive(owner):
                    os.unlink(item.path)
                    removed += 1
    return removed


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
