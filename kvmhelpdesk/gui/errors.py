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
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            with where.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
                handle.write("".join(traceback.format_exception(kind, error, trace)))
            detail = f"details in {where}"
        except OSError:
            detail = "details could not be logged"
        first = str(error).splitlines()[0] if str(error) else kind.__name__
        show(f"Internal error: {first} ({detail})")

    sys.excepthook = hook
