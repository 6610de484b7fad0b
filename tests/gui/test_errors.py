"""The safety net for bugs: one line to show, the traceback in the log."""

from __future__ import annotations

import sys

from kvmhelpdesk.gui import errors


def test_uncaught_error_is_logged_and_shown(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(errors, "log_file", lambda: tmp_path / "errors.log")
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install(shown.append)
    try:
        raise ValueError("boom\nsecond line")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert shown == [f"Internal error: boom (details in {tmp_path / 'errors.log'})"]
    assert "Traceback" in (tmp_path / "errors.log").read_text()


def test_unwritable_log_still_shows(monkeypatch, tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(errors, "log_file", lambda: blocker / "sub" / "errors.log")
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install(shown.append)
    sys.excepthook(RuntimeError, RuntimeError("x"), None)
    assert shown and "could not be logged" in shown[0]


def test_a_fifo_as_the_log_is_not_written_and_does_not_hang(monkeypatch, tmp_path) -> None:
    import os

    import pytest

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "errors.log"
    os.mkfifo(fifo)  # no reader: opening it for writing the usual way waits for ever
    monkeypatch.setattr(errors, "log_file", lambda: fifo)
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install(shown.append)
    sys.excepthook(RuntimeError, RuntimeError("x"), None)
    assert len(shown) == 1 and "could not be logged" in shown[0]
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # with a reader: refused all the same
    try:
        sys.excepthook(RuntimeError, RuntimeError("y"), None)
        assert "named pipe (FIFO)" in shown[1] and os.read(reader, 10) == b""
    finally:
        os.close(reader)
