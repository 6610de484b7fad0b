"""The widgets above the result list: kind buttons and status filter, the "not in the
statement" notice. Imported when the first results arrive (the engine is open by then), never
at start-up.

The filters sit in one flow layout: at 1366 px they make one or two lines, at half that width
they wrap onto more lines, and no button label is ever elided ("G…S"). Colours come from the
palette only (the notice uses the tooltip colours), so a dark theme needs nothing here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kvmhelpdesk.gui.flow_layout import FlowLayout
from kvmhelpdesk.gui.icons import kind_icon, status_icon
from kvmhelpdesk.gui.search_panel import KIND_FILTERS
from kvmhelpdesk.kb import STATUS_LABELS, STATUSES
from kvmhelpdesk.search.results import NO_STATUS  # made after the engine opened: no cost

DETAIL_LINES = 6  # the notice's opened text: this many lines, then it scrolls
# (status or "", combo text), as the CLI's --status offers them
STATUS_FILTERS = (("", "Any status"), *((s, STATUS_LABELS[s]) for s in STATUSES),
                  (NO_STATUS, "No status"))


class SearchFilters(QWidget):
    """Kind buttons (one exclusive group) and a status list; `changed` says what is chosen."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchFilters")
        layout = FlowLayout(self, spacing=2)
        self.kind_buttons = QButtonGroup(self)
        self.kind_buttons.setExclusive(True)
        for number, (kind, text) in enumerate(KIND_FILTERS):
            button = QToolButton(self)
            button.setText(text)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            if kind:
                button.setIcon(kind_icon(kind))
            button.setToolTip(f"Show only: {text}" if kind else "Show every kind")
            button.setAccessibleName(f"Show only {text}" if kind else "Show every kind")
            button.setChecked(not kind)
            button.setProperty("kind", kind)
            self.kind_buttons.addButton(button, number)
            layout.addWidget(button)
        self.kind_buttons.idClicked.connect(lambda _number: self.changed.emit())
        layout.addWidget(self._status_box())
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _status_box(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(4, 0, 0, 0)
        row.setSpacing(4)
        label = QLabel("Status:", box)
        self.status_combo = QComboBox(box)
        self.status_combo.setObjectName("searchStatusFilter")
        self.status_combo.setAccessibleName("Show only entries with this status")
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for status, text in STATUS_FILTERS:
            if status:
                self.status_combo.addItem(status_icon(None if status == NO_STATUS else status),
                                          text, status)
            else:
                self.status_combo.addItem(text, status)
        label.setBuddy(self.status_combo)
        self.status_combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        row.addWidget(label)
        row.addWidget(self.status_combo)
        return box

    @property
    def kind(self) -> str:
        return KIND_FILTERS[max(self.kind_buttons.checkedId(), 0)][0]

    @property
    def status(self) -> str:
        return self.status_combo.currentData() or ""

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.layout().heightForWidth(width)


def headline(notice: str) -> str:
    """The notice's first line: "Not in the statement: 'Windows Server 2012' is not …" (the
    release is in the full text; a short start says what matters on a narrow pane)."""
    prefix, sep, reasons = notice.partition(": ")
    return f"Not in the statement: {reasons}" if sep and prefix.startswith("Not in") else notice


class ElidedLabel(QLabel):
    """One line of plain text, cut with "…" to the width it gets (never widens its pane)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width())
        self.setText(self.fontMetrics().elidedText(self.full_text,
                                                   Qt.TextElideMode.ElideRight, width))


class NoticeBar(QFrame):
    """"Not in the statement" above the results: an icon and a one-line headline, with the
    whole explanation a click on Details away (and in the tooltip), in tooltip colours. One
    line tall unless opened, so it never crowds the filters or the list at half a screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.setForegroundRole(self.palette().ColorRole.ToolTipText)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 2, 2, 2)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(6)
        icon = QLabel(self)
        icon.setPixmap(status_icon("unlisted").pixmap(16, 16))
        self.headline = ElidedLabel(self)
        self.headline.setObjectName("searchNoticeHeadline")
        self.headline.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.details_button = QToolButton(self)
        self.details_button.setObjectName("searchNoticeDetails")
        self.details_button.setText("Details")
        self.details_button.setCheckable(True)
        self.details_button.setAutoRaise(True)
        self.details_button.setAccessibleName("Show why this is not in the statement")
        self.details_button.toggled.connect(self._show_details)
        row.addWidget(icon)
        row.addWidget(self.headline, 1)
        row.addWidget(self.details_button)
        column.addLayout(row)
        self.text = QLabel(self)
        self.text.setObjectName("searchNoticeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName("Why this is not in the statement")
        # Opened, the text scrolls within a few lines: a small window keeps its result list.
        self.details = QScrollArea(self)
        self.details.setObjectName("searchNoticeDetailsArea")
        self.details.setAccessibleName("Why this is not in the statement")
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.setWidgetResizable(True)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details.viewport().setAutoFillBackground(False)
        self.details.setWidget(self.text)
        self.text.setAutoFillBackground(False)
        self.details.setMaximumHeight(DETAIL_LINES * self.fontMetrics().lineSpacing() + 4)
        self.details.hide()
        column.addWidget(self.details)
        self.setAccessibleName("Not in the statement")
        self.hide()

    def show_notice(self, notice: str | None) -> None:
        notice = notice or ""
        self.headline.set_full_text(headline(notice))
        self.headline.setToolTip(notice)
        self.text.setText(notice)
        self.setAccessibleDescription(notice)
        self.details_button.setChecked(False)  # each new notice starts as its headline
        self.setVisible(bool(notice))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.details.setMaximumHeight(DETAIL_LINES * self.fontMetrics().lineSpacing() + 4)
        super().changeEvent(event)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.headline.setVisible(not shown)
        self.details_button.setText("Less" if shown else "Details")
