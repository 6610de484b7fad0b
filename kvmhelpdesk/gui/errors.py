"""Unexpected errors in the app: one line for the user, the details in a log file.

Bad input never gets here (it is reported where it is entered); this is the net for bugs, so
that a slip in one slot neither kills the window nor sprays a traceback at a support engineer.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from kvmhelpdesk import fileio
from kvmhelpdesk.paths import cache_dir


def log_file() -> Path:
    return cache_dir() / "errors.log"


def install(show: Callable[[str], None]) -> None:
    """Route uncaught exceptions to `show` (e.g. the status bar) and the error log."""

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        where = log_file()
        entry = (f"--- {time.strftime('%Y-%m-%d %H:%M:%S')}\n"
                 + "".join(traceback.format_exception(kind, error, trace)))
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            fileio.append_regular(where, entry)  # a FIFO there must not hang the window
            detail = f"details in {where}"
        except OSError as exc:
            detail = f"details could not be logged: {where}: {fileio.reason(exc)}"
        first = str(error).splitlines()[0] if str(error) else kind.__name__
        show(f"Internal error: {first} ({detail})")

    sys.excepthook = hook
