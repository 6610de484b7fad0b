"""File › Load content pack and Forget content packs: another release beside the embedded one.

A broken pack is reported and left out; the embedded knowledge base keeps working. The choice
is remembered for the next start (preferences/extra_content_dirs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from kvmhelpdesk import APP_NAME
from kvmhelpdesk.kb import ContentError, load_knowledge_base

if TYPE_CHECKING:
    from kvmhelpdesk.gui.mainwindow import MainWindow


def load_content_pack(window: MainWindow, folder: str) -> bool:
    try:
        kb = load_knowledge_base([*window.extra_content, folder])
    except ContentError as exc:  # the embedded content itself: cannot happen in a release
        QMessageBox.critical(window, APP_NAME, str(exc))
        return False
    new_problems = [p for p in kb.problems if folder in p]
    if new_problems:
        QMessageBox.warning(window, APP_NAME, "The content pack was not loaded:\n\n"
                            + "\n".join(new_problems))
        return False
    window.use_kb(kb, [*window.extra_content, folder])
    window.statusBar().showMessage(f"Loaded content pack {folder}", 8000)
    return True


def forget_content_packs(window: MainWindow) -> None:
    window.use_kb(load_knowledge_base(), [])
    window.statusBar().showMessage("Using the embedded knowledge base only", 8000)
