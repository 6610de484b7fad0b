"""One way to run work off the GUI thread and get the answer back on it.

A `BackgroundRunner` runs at most one job at a time and keeps only the newest request that
arrives while one runs: typing ten characters during a slow search runs two searches, not ten,
and a stale answer is never shown after a fresher one. A `ProgressRelay` carries a job's
progress (done, total) from the worker thread to the GUI thread, and a `threading.Event` its
Cancel the other way (see gui.bundles).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(int, object, object)  # ticket, result, error


class _Job(QRunnable):
    def __init__(self, ticket: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._ticket, self._work, self._relay = ticket, work, relay

    def run(self) -> None:
        try:
            result, error = self._work(), None
        except Exception as exc:  # reported on the GUI thread, shown inline
            result, error = None, exc
        # RuntimeError: the runner was deleted meanwhile (window closed): no one waits.
        with contextlib.suppress(RuntimeError):
            self._relay.finished.emit(self._ticket, result, error)


class BackgroundRunner(QObject):
    """Runs callables on a private one-thread pool; delivers (result, error) on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._ticket = 0
        self._running = False
        self._pending: tuple[Callable[[], Any], Callable[[Any, Exception | None], None]] | None
        self._pending = None
        self._callbacks: dict[int, Callable[[Any, Exception | None], None]] = {}

    @property
    def busy(self) -> bool:
        return self._running or self._pending is not None

    def submit(self, work: Callable[[], Any],
               done: Callable[[Any, Exception | None], None]) -> None:
        """Run `work` soon; if a job is running, replace any waiting job with this one."""
        if self._running:
            self._pending = (work, done)
            return
        self._start(work, done)

    def _start(self, work: Callable[[], Any],
               done: Callable[[Any, Exception | None], None]) -> None:
        self._ticket += 1
        self._callbacks[self._ticket] = done
        self._running = True
        self._pool.start(_Job(self._ticket, work, self._relay))

    def _on_finished(self, ticket: int, result: object, error: object) -> None:
        self._running = False
        done = self._callbacks.pop(ticket, None)
        pending, self._pending = self._pending, None
        if pending is not None:
            self._start(*pending)  # a newer request is waiting: this answer is already stale
            return
        if done is not None:
            done(result, error if isinstance(error, Exception) else None)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)


class ProgressRelay(QObject):
    """`report(done, total)` from any thread; `changed(permille)` on the GUI thread.

    A signal emitted on a worker thread reaches a slot of an object living on the GUI thread
    through its event queue; only a change of the per-mille is sent, so a reader that reports
    every 256 KiB of a 60 MB bundle does not flood that queue.
    """

    changed = Signal(int)  # 0..1000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last = -1

    def reset(self) -> None:
        self._last = -1

    def report(self, done: int, total: int) -> None:
        permille = min(1000, max(0, done * 1000 // total)) if total > 0 else 0
        if permille != self._last:
            self._last = permille
            with contextlib.suppress(RuntimeError):  # the relay was deleted (window closed)
                self.changed.emit(permille)
