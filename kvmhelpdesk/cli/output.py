"""Standard output and error as the CLI writes them: safe for any text, failing in one line.

Every write goes through `SafeStream`: control characters from customer or pack text are
shown as escapes (an ESC in a guest name must not clear the terminal; `\\u001b` is also a valid
JSON escape, so JSON output stays valid), text the stream cannot encode is written as escapes
instead of raising, and a failed write (full disk, closed pipe) becomes one `OutputError` line
instead of a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from kvmhelpdesk.safetext import shown_lines


class OutputError(OSError):
    """Standard output could not be written (full disk, closed pipe); one line, exit 2."""


class SafeStream:
    """A write-only text stream in front of sys.stdout or sys.stderr (see module doc)."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._name = name
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        self._utf8 = encoding in ("utf-8", "utf8")
        self._encoding = encoding
        self.failed = False

    def write(self, text: str) -> int:
        text = shown_lines(text)
        if not self._utf8:
            text = text.encode(self._encoding, "backslashreplace").decode(self._encoding)
        if self.failed:  # the reader is gone: what is left goes nowhere
            return len(text)
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise self._fail(exc) from None

    def flush(self) -> None:
        if self.failed:
            return
        try:
            self._stream.flush()
        except OSError as exc:
            raise self._fail(exc) from None

    def _fail(self, exc: OSError) -> OutputError:
        """Mark the stream dead and point its descriptor at /dev/null, so the interpreter's
        own flush at exit cannot fail again with a traceback."""
        self.failed = True
        with contextlib.suppress(OSError, ValueError, AttributeError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)
        words = exc.strerror or str(exc)
        return OutputError(f"cannot write to standard {self._name}: {words}")

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return bool(getattr(self._stream, "isatty", lambda: False)())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def safe_streams() -> Iterator[SafeStream]:
    """sys.stdout and sys.stderr as SafeStreams for the duration; yields the stdout one."""
    saved = sys.stdout, sys.stderr
    out = SafeStream(sys.stdout, "output")
    sys.stdout = out  # type: ignore[assignment]
    sys.stderr = SafeStream(sys.stderr, "error")  # type: ignore[assignment]
    try:
        yield out
    finally:
        sys.stdout, sys.stderr = saved
