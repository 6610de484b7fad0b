"""Creating the QApplication without Qt's abort when its platform plugin cannot load.

`kvmhelpdesk.cli.display_check` catches the usual causes before Qt is imported; this is the net
for the rest (an X server that refuses us, a broken plugin): Qt reports them with qFatal, which
aborts the process with a core dump. While the application object is made, Qt's messages are
held back; on the fatal one, the app prints one line (with Qt's own reason) and exits 2.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from kvmhelpdesk.cli.display_check import HEADLESS_HINT

EXIT_NO_DISPLAY = 2


def create_application(argv: list[str],
                       exit_now: Callable[[int], None] = os._exit) -> QApplication:
    """QApplication(argv), or one line on stderr and exit status 2 if no window is possible."""
    held: list[tuple[QtMsgType, QMessageLogContext, str]] = []

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if mode == QtMsgType.QtFatalMsg:
            reasons = [m for kind, _, m in held if kind != QtMsgType.QtDebugMsg] or [message]
            reason = " ".join(reasons[0].split())
            sys.stderr.write(f"kvmhelpdesk: error: the window cannot start: {reason}; "
                             f"{HEADLESS_HINT}\n")
            sys.stderr.flush()
            exit_now(EXIT_NO_DISPLAY)  # qFatal would abort right after this handler
            return
        held.append((mode, context, message))

    previous = qInstallMessageHandler(handler)
    try:
        app = QApplication(argv)
    finally:
        qInstallMessageHandler(previous)
    for mode, context, message in held:  # nothing went wrong: pass on what Qt said
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")
    return app
