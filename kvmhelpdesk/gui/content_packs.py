"""File › Load content pack and Forget content packs: another release beside the embedded one.

A broken pack is reported and left out; the embedded knowledge base keeps working. The choice
is remembered for the next start (preferences/extra_content_dirs).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kvmhelpdesk import APP_NAME
from kvmhelpdesk.kb import ContentError, load_knowledge_base
from kvmhelpdesk.safetext import shown

if TYPE_CHECKING:
    from kvmhelpdesk.gui.mainwindow import MainWindow


def load_content_pack(window: MainWindow, folder: str) -> bool:
    from PySide6.QtWidgets import QMessageBox  # on first use: its enums cost start-up time

    try:
        kb = load_knowledge_base([*window.extra_content, folder])
    except ContentError as exc:  # the embedded content itself: cannot happen in a release
        QMessageBox.critical(window, APP_NAME, str(exc))
        return False
    problem = kb.left_out.get(folder)
    if problem is not None:
        QMessageBox.warning(window, APP_NAME, f"The content pack was not loaded:\n\n{problem}")
        return False
    window.use_kb(kb, [*window.extra_content, folder])
    window.statusBar().showMessage(f"Loaded content pack {folder}", 8000)
    return True


def forget_content_packs(window: MainWindow) -> None:
    window.use_kb(load_knowledge_base(), [])
    window.statusBar().showMessage("Using the embedded knowledge base only", 8000)


def report_start_problems(window: MainWindow, problems: Iterable[str],
                          notices: Iterable[str] = ()) -> None:
    """Every content pack left out at start, and other start-up notices: all of them in the
    status bar (one per line in its tooltip) and on stderr, one line each."""
    lines = [*notices, *(f"Content pack left out: {p}" for p in problems)]
    lines = [shown(" ".join(line.split())) for line in lines]
    for line in lines:
        print(f"kvmhelpdesk: warning: {line}", file=sys.stderr)
    if not lines:
        return
    bar = window.statusBar()
    bar.showMessage(lines[0] if len(lines) == 1
                    else f"{len(lines)} problems at start: " + " · ".join(lines))
    bar.setToolTip("\n".join(lines))
