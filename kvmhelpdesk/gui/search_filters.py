"""The widgets above the result list: kind buttons and status filter, the "not in the
statement" notice. Imported when the first results arrive (the engine is open by then), never
at start-up.

The filters sit in one flow layout: at 1366 px they make one or two lines, at half that width
they wrap onto more lines, and no button label is ever elided ("G…S"). Colours come from the
palette only (the notice uses the tooltip colours), so a dark theme needs nothing here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from kvmhelpdesk.gui.flow_layout import FlowLayout
from kvmhelpdesk.gui.icons import kind_icon, status_icon
from kvmhelpdesk.gui.search_panel import KIND_FILTERS
from kvmhelpdesk.kb import STATUS_LABELS, STATUSES
from kvmhelpdesk.search.results import NO_STATUS  # made after the engine opened: no cost

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


class NoticeBar(QFrame):
    """"Not in the statement" above the results: an icon and the words, tooltip colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.setForegroundRole(self.palette().ColorRole.ToolTipText)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.setSpacing(6)
        icon = QLabel(self)
        icon.setPixmap(status_icon("unlisted").pixmap(18, 18))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setObjectName("searchNoticeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(icon)
        row.addWidget(self.text, 1)
        self.setAccessibleName("Not in the statement")
        self.hide()

    def show_notice(self, notice: str | None) -> None:
        self.text.setText(notice or "")
        self.setAccessibleDescription(notice or "")
        self.setVisible(bool(notice))
