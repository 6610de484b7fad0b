"""What every wizard page shares: the wizard's case dict is the one place answers live.

Pages show the case when they are entered and write each answer back the moment it changes,
so going back, jumping to the verdict, saving or importing never loses an answer kept only in
a widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QListWidgetItem, QWizardPage

from kvmhelpdesk.gui.wizard.feedback import ENTRY_ROLE
from kvmhelpdesk.kb import KnowledgeBase

if TYPE_CHECKING:
    from kvmhelpdesk.gui.wizard.wizard import CaseWizard


class CasePage(QWizardPage):
    """A page of the case wizard (subclasses set `self.ui` from their Designer form)."""

    def __init__(self, wizard: CaseWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self._loading = False

    @property
    def kb(self) -> KnowledgeBase:
        return self.wiz.kb

    @property
    def case(self) -> dict[str, Any]:
        return self.wiz.case

    @property
    def release(self) -> str | None:
        return self.wiz.release

    def initializePage(self) -> None:
        self._loading = True
        try:
            self.show_case()
        finally:
            self._loading = False
        self.refresh()

    def cleanupPage(self) -> None:
        """Going back keeps the answers (Qt's default would reset registered fields)."""

    # -- for subclasses ----------------------------------------------------------------
    def show_case(self) -> None:
        """Put the case's answers into the widgets."""

    def store(self) -> None:
        """Write the widgets' answers into the case."""

    def refresh(self) -> None:
        """Update live feedback after an answer changed."""

    def answered(self) -> None:
        """Slot for every answer widget: store, tell the wizard, refresh feedback."""
        if self._loading:
            return
        self.store()
        self.wiz.mark_changed()
        self.refresh()

    # -- entry links ---------------------------------------------------------------------
    def open_link(self, link: str | QUrl) -> None:
        url = link if isinstance(link, QUrl) else QUrl(link)
        if url.scheme() == "entry":
            self.wiz.request_entry(url.path())

    def open_item_entry(self, item: QListWidgetItem) -> None:
        entry = item.data(ENTRY_ROLE)
        if entry:
            self.wiz.request_entry(entry)
