"""`check --supportconfig PATH`: start reading the bundle before the rest of the CLI loads.

Decompressing a `.tbz` is most of that command's time, and it runs on the other cores; the
analyzers, rules and report writers the command also needs take a few hundred milliseconds to
import on a slow laptop and do not need the bundle. So `main()` shows the raw arguments to
`begin()` first: when they plainly name a bundle (`check ... --supportconfig PATH` or
`--supportconfig=PATH`), a background thread starts `read_bundle(PATH)` at once and the
command later `take()`s its result for that same path. Anything this scan does not see (an
abbreviated flag, a path argparse reads otherwise) is simply read at the usual moment; errors
are raised by `take()`, where the command would have met them, so the output is the same.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

FLAG = "--supportconfig"


class EarlyRead:
    """One bundle being read on a background thread (read_bundle is pure: nothing written)."""

    def __init__(self, path: str) -> None:
        # Imported here, on the calling thread: two threads importing the same modules at
        # once can deadlock on a circular import. The thread itself imports nothing. A .tbz
        # starts decoding first, while the reader's own modules load.
        from kvmhelpdesk.bundle import tarzip

        tarzip.prime_bzip2(path)
        from kvmhelpdesk.bundle import folder  # noqa: F401  (archive.opened uses it)
        from kvmhelpdesk.bundle.reader import read_bundle

        self.read = read_bundle
        self.drop_primed = tarzip.drop_primed
        self.path = path
        self.stop = threading.Event()
        self.bundle: Any = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="early-bundle-read", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.bundle = self.read(self.path, cancelled=self.stop.is_set)
        except BaseException as exc:  # handed to take(), on the command's thread
            self.error = exc
        finally:
            self.drop_primed()  # a reader that failed before it opened the archive

    def result(self) -> Any:
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.bundle

    def cancel(self) -> None:
        self.stop.set()
        self.thread.join()


_pending: EarlyRead | None = None


def bundle_path(args: Sequence[str], command: str | None) -> str | None:
    """The PATH of a plain `check ... --supportconfig PATH` (or `=PATH`), else None;
    `command` is the arguments' command (launch.first_positional)."""
    if command != "check":
        return None
    for index, arg in enumerate(args):
        if arg == "--":
            return None
        if arg == FLAG and index + 1 < len(args) and not args[index + 1].startswith("-"):
            return args[index + 1]
        if arg.startswith(FLAG + "=") and len(arg) > len(FLAG) + 1:
            return arg[len(FLAG) + 1:]
    return None


def begin(args: Sequence[str], command: str | None) -> None:
    """Start reading the bundle the arguments name, if they plainly name one."""
    global _pending
    path = bundle_path(args, command)
    if path is not None and _pending is None:
        _pending = EarlyRead(path)


def take(path: str) -> Any:
    """The bundle read early for PATH (or its error, raised here); None when none was."""
    global _pending
    pending, _pending = _pending, None
    if pending is None:
        return None
    if pending.path != path:
        pending.cancel()
        return None
    return pending.result()


def end() -> None:
    """Stop and forget a read nobody took (the command failed before it needed the bundle)."""
    global _pending
    pending, _pending = _pending, None
    if pending is not None:
        pending.cancel()
