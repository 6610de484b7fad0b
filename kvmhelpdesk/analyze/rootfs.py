"""Files under a root folder, read as the system that root was copied from would see them.

`probe-host --root BUNDLE` reads a copy of a customer's /proc and /sys, where anything may be
a symbolic link: `proc/cmdline -> /tmp/secret.txt` or `../../../etc/shadow` must not pull a
file of the engineer's machine into the case and the reports. Paths are resolved inside the
root, as by chroot (Linux's RESOLVE_IN_ROOT): an absolute link starts again at the root and
`..` stops at it, so no link ever leads out. Only regular files are read (never a FIFO or a
device, which could block or never end), and the last component is opened with O_NOFOLLOW,
so a link swapped in after resolving is refused, not followed.

`RootFolder(root) / "proc/cpuinfo"` gives a `RootPath`; `read`, `exists` and `listdir` take
one. It has no __fspath__ on purpose: it cannot be handed to open() by mistake.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path, PurePosixPath

from kvmhelpdesk import fileio

MAX_LINKS = 40  # as the kernel's own limit on links in one path


class RootFolder:
    """A folder standing for `/` of some system (the real `/` itself by default)."""

    def __init__(self, root: str | os.PathLike[str] = "/") -> None:
        self.root = Path(os.path.realpath(root))

    def __truediv__(self, relative: str) -> RootPath:
        return RootPath(self, relative)

    def is_system_root(self) -> bool:
        return self.root == Path(os.path.realpath("/"))

    def resolve(self, relative: str) -> Path | None:
        """The real path of `relative` inside the root, links resolved within it; None when
        it does not exist or cannot be resolved (a link loop, an unreadable folder)."""
        todo = [p for p in PurePosixPath(relative.replace("\\", "/")).parts if p not in ("/", ".")]
        inside: list[str] = []  # components below the root, links already resolved
        links = 0
        while todo:
            part = todo.pop(0)
            if part == "..":
                if inside:
                    inside.pop()
                continue
            candidate = self.root.joinpath(*inside, part)
            try:
                mode = os.lstat(candidate).st_mode
                if stat.S_ISLNK(mode):
                    links += 1
                    if links > MAX_LINKS:
                        return None
                    target = os.readlink(candidate)
                    if target.startswith(("/", "\\")) or os.path.isabs(target):
                        inside = []  # absolute: from the root of the copied system
                    todo = [p for p in PurePosixPath(target.replace("\\", "/")).parts
                            if p not in ("/", ".")] + todo
                    continue
            except (OSError, ValueError):
                return None
            if todo and not stat.S_ISDIR(mode):
                return None
            inside.append(part)
        return self.root.joinpath(*inside)


class RootPath:
    """A path below a RootFolder: `RootFolder(...) / "proc" / "cpuinfo"`."""

    def __init__(self, folder: RootFolder, relative: str) -> None:
        self.folder = folder
        self.relative = relative

    def __truediv__(self, more: str) -> RootPath:
        return RootPath(self.folder, f"{self.relative.rstrip('/')}/{more}")

    def __repr__(self) -> str:
        return f"RootPath({str(self.folder.root)!r}, {self.relative!r})"

    def resolved(self) -> Path | None:
        return self.folder.resolve(self.relative)


def read_text(path: RootPath, limit: int) -> str | None:
    """A regular file's text (at most `limit` bytes; bad UTF-8 -> U+FFFD), or None."""
    real = path.resolved()
    if real is None:
        return None
    try:
        fd = fileio.open_regular(real, follow=False)
    except (OSError, ValueError):
        return None
    try:
        return fileio.read_fd(fd, limit)[:limit].decode("utf-8", "replace")
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)


def exists(path: RootPath) -> bool:
    return path.resolved() is not None


def listdir(path: RootPath) -> list[str] | None:
    real = path.resolved()
    if real is None:
        return None
    try:
        return os.listdir(real)
    except (OSError, ValueError):
        return None
