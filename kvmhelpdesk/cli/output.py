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
    """A write-only text stream in front of sys.stdout or sys.stderr (see module doc).

    `stream` is None when the descriptor was closed before the program started (`>&-`):
    the first write fails with one line, and a command that writes nothing succeeds."""

    def __init__(self, stream: TextIO | None, name: str) -> None:
        self._stream = stream
        self._name = name
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        self._utf8 = encoding in ("utf-8", "utf8")
        self._encoding = encoding
        self.failed = False
        self.error: OutputError | None = None  # the first failure, kept for `raise_failure`

    def write(self, text: str) -> int:
        text = shown_lines(text)
        if not self._utf8:
            text = text.encode(self._encoding, "backslashreplace").decode(self._encoding)
        if self.failed:  # the reader is gone: what is left goes nowhere
            return len(text)
        if self._stream is None:
            if not text:
                return 0
            raise self._fail(None)
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise self._fail(exc) from None

    def flush(self) -> None:
        if self.failed or self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as exc:
            raise self._fail(exc) from None

    def raise_failure(self) -> None:
        """Flush, and raise the failure of any write, also one a caller swallowed (argparse
        ignores errors while printing --help and --version)."""
        self.flush()
        if self.error is not None:
            raise self.error

    def _fail(self, exc: OSError | None) -> OutputError:
        """Mark the stream dead and point its descriptor at /dev/null, so the interpreter's
        own flush at exit cannot fail again with a traceback."""
        self.failed = True
        with contextlib.suppress(OSError, ValueError, AttributeError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())  # type: ignore[union-attr]
            os.close(null)
        words = "it is closed" if exc is None else exc.strerror or str(exc)
        self.error = OutputError(f"cannot write to standard {self._name}: {words}")
        return self.error

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return bool(getattr(self._stream, "isatty", lambda: False)())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_standard_descriptors() -> None:
    """Open /dev/null on standard input, output or error where they are closed (`>&-`).

    Left closed, the next file the program opens would get that number, and whatever is
    written to standard output or error would land in it (a case file being saved, say).
    Python has already set sys.stdin/stdout/stderr to None for them, so each still reports
    itself closed when used."""
    for fd, flags in ((0, os.O_RDONLY), (1, os.O_WRONLY), (2, os.O_WRONLY)):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                null = os.open(os.devnull, flags)
                if null != fd:
                    os.dup2(null, fd)
                    os.close(null)


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
