"""Find in the current entry (Ctrl+F), as in browsers and Qt Assistant.

A bar under the entry with next/previous and "3 of 7"; every match is marked and the current
one more strongly; opening another entry searches it again; Esc closes the bar and clears the
marks. Made on the first Ctrl+F, not at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QWidget

from kvmhelpdesk.gui.entryview import EntryView
from kvmhelpdesk.gui.forms.ui_findbar import Ui_FindBar


class FindBar(QFrame):
    def __init__(self, view: EntryView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.ui = Ui_FindBar()
        self.ui.setupUi(self)
        self.current = -1
        ui = self.ui
        ui.findField.textChanged.connect(self.search)
        ui.caseBox.toggled.connect(lambda _checked: self.search())
        ui.nextButton.clicked.connect(self.next)
        ui.previousButton.clicked.connect(self.previous)
        ui.closeButton.clicked.connect(self.close_bar)
        ui.findField.installEventFilter(self)
        self.setFocusProxy(ui.findField)

    @property
    def text(self) -> str:
        return self.ui.findField.text()

    def open_bar(self, text: str = "") -> None:
        """Show the bar with the field focused (and seeded from a selection, if any)."""
        self.show()
        field = self.ui.findField
        if text and text != field.text():
            field.setText(text)
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.view.clear_matches()
        self.hide()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def search(self, *_: object) -> None:
        """Find every match again (the text, the case option or the entry changed)."""
        if self.isHidden():
            return
        count = self.view.find_all(self.text, self.ui.caseBox.isChecked())
        self.current = 0 if count else -1
        self.view.show_match(self.current)
        self._show_count()

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.isHidden():
            self.open_bar()
            return
        count = self.view.match_count()
        if not count:
            return
        self.current = (self.current + delta) % count
        self.view.show_match(self.current)
        self._show_count()

    def _show_count(self) -> None:
        count = self.view.match_count()
        label = self.ui.countLabel
        if not self.text:
            label.setText("")
        elif count:
            label.setText(f"{self.current + 1} of {count}")
        else:
            label.setText("No matches")
        label.setAccessibleDescription(label.text())
        for button in (self.ui.nextButton, self.ui.previousButton):
            button.setEnabled(count > 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.findField and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._step(-1 if back else 1)
                return True
        return super().eventFilter(watched, event)
