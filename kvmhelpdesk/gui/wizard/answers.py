"""Wizard widgets bound to case-file keys.

An answer left open must stay out of the saved JSON (triage turns it into a condition), and a
case file opened and saved again must come back unchanged, even where it holds a value the
wizard offers no choice for. So every binding remembers what it loaded: while its widget still
shows that, it hands back exactly the loaded value (or its absence).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget


class _Missing:
    """The value of an unanswered question (the key is left out of the case)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
UNKNOWN = "Unknown"
YES_NO: tuple[tuple[str, Any], ...] = (("Yes", True), ("No", False))


class Answer:
    """One case key shown by one or more widgets."""

    def __init__(self, key: str) -> None:
        self.key = key
        self._loaded: Any = MISSING
        self._shown: Any = MISSING

    # -- to override ------------------------------------------------------------------
    def widgets(self) -> Sequence[QWidget]:
        raise NotImplementedError

    def connect(self, slot: Callable[[], None]) -> None:
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _read(self) -> Any:
        raise NotImplementedError

    # -- shared -------------------------------------------------------------------------
    def load(self, value: Any) -> None:
        widgets = self.widgets()
        was = [w.blockSignals(True) for w in widgets]
        try:
            self._show(value)
        finally:
            for widget, blocked in zip(widgets, was, strict=True):
                widget.blockSignals(blocked)
        self._loaded, self._shown = value, self._read()

    def value(self) -> Any:
        current = self._read()
        return self._loaded if current == self._shown else current


class ChoiceAnswer(Answer):
    """A combo box: "Unknown" first, then the choices; editable combos also take free text."""

    def __init__(self, key: str, combo: QComboBox, choices: Iterable[tuple[str, Any]],
                 unknown: str = UNKNOWN) -> None:
        super().__init__(key)
        self.combo = combo
        self.unknown = unknown
        self.choices = list(choices)
        combo.clear()
        combo.addItem(unknown, MISSING)
        for label, value in self.choices:
            combo.addItem(label, value)
        if combo.isEditable():
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.lineEdit().setPlaceholderText(unknown)

    def widgets(self) -> Sequence[QWidget]:
        return (self.combo,)

    def connect(self, slot: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(lambda *_: slot())
        if self.combo.isEditable():
            self.combo.editTextChanged.connect(lambda *_: slot())

    def _index_of(self, value: Any) -> int:
        for index in range(self.combo.count()):
            data = self.combo.itemData(index)
            if data is not MISSING and type(data) is type(value) and data == value:
                return index
        return -1

    def _show(self, value: Any) -> None:
        if value is MISSING:
            self.combo.setCurrentIndex(0)
            if self.combo.isEditable():
                self.combo.setEditText("")
            return
        index = self._index_of(value)
        if index < 0:
            if self.combo.isEditable() and isinstance(value, str):
                self.combo.setEditText(value)
                return
            # A value from a case file that the wizard has no choice for: keep it, show it.
            self.combo.addItem(f"{value} (from the case file)", value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def _read(self) -> Any:
        if not self.combo.isEditable():
            return self.combo.currentData()
        text = self.combo.currentText().strip()
        if not text or text == self.unknown:
            return MISSING
        for label, value in self.choices:
            if text == label or (isinstance(value, str) and text == value):
                return value
        return text


class _LineAnswer(Answer):
    """An answer typed into a line edit; empty (or blanks only) means unanswered."""

    def __init__(self, key: str, edit: QLineEdit) -> None:
        super().__init__(key)
        self.edit = edit

    def widgets(self) -> Sequence[QWidget]:
        return (self.edit,)

    def connect(self, slot: Callable[[], None]) -> None:
        self.edit.textChanged.connect(lambda *_: slot())

    def _show(self, value: Any) -> None:
        self.edit.setText("" if value is MISSING else str(value))
        self.edit.setCursorPosition(0)  # a long kernel command line shows its start


class IntAnswer(_LineAnswer):
    """A whole number in a line edit; empty means unanswered (a spin box cannot be empty)."""

    def __init__(self, key: str, edit: QLineEdit, minimum: int = 1) -> None:
        super().__init__(key, edit)
        pattern = r"[1-9]\d{0,6}" if minimum >= 1 else r"\d{1,7}"
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
        if not edit.placeholderText():
            edit.setPlaceholderText(UNKNOWN)

    def _read(self) -> Any:
        text = self.edit.text().strip()
        return int(text) if text.isdigit() else MISSING


MEMORY_UNITS = {"": 1.0, "k": 1 / 1024, "m": 1.0, "g": 1024.0, "t": 1024.0 * 1024}
_MEMORY = re.compile(r"\s*(\d{1,9})(?:[.,](\d{1,3}))?\s*(?:([kmgt])(?:i?b)?)?\s*",
                     re.IGNORECASE)


def parse_memory(text: str) -> int | None:
    """`8 GB`, `8G`, `8192 MiB`, `512m`, `8192` -> MB (a number without a unit is MB, as for
    qemu-kvm -m); None for anything else or under 1 MB."""
    found = _MEMORY.fullmatch(text)
    if not found:
        return None
    number = float(f"{found.group(1)}.{found.group(2) or 0}")
    mb = round(number * MEMORY_UNITS[(found.group(3) or "").lower()])
    return mb if 1 <= mb <= 10**9 else None


def memory_reading(text: str) -> str:
    """What a typed memory size was read as, for the line beside the field: `read as 8192 MB`
    (`8 GB`), `read as 2048 MB (a number without a unit is MB)`, or why it is not taken
    (`512K is under 1 MB: not taken`). Nothing for an empty field or one already in MB."""
    text = text.strip()
    found = _MEMORY.fullmatch(text)
    if not text:
        return ""
    if not found:
        return f"{text} is not a memory size: not taken (type 2048, 2048 MB or 2 GB)"
    mb = parse_memory(text)
    if mb is None:
        return (f"{text} is under 1 MB: not taken (a guest's memory is counted in MB)"
                if int(found.group(1) or 0) or found.group(2)
                else f"{text}: not taken (a guest needs at least 1 MB)")
    unit = (found.group(3) or "").lower()
    if not unit:
        return f"read as {mb} MB (a number without a unit is MB)"
    exact = float(f"{found.group(1)}.{found.group(2) or 0}") * MEMORY_UNITS[unit]
    rounded = " (rounded)" if exact != mb else ""
    return "" if unit == "m" and not rounded else f"read as {mb} MB{rounded}"


class MemoryAnswer(_LineAnswer):
    """Memory in MB, typed with or without a unit; shown back as `N MB`."""

    def __init__(self, key: str, edit: QLineEdit) -> None:
        super().__init__(key, edit)
        pattern = r"\s*\d{0,9}([.,]\d{0,3})?\s*([kKmMgGtT]([iI]?[bB]?)?)?\s*"
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
        # Wide enough for its whole placeholder ("Unknown (MB, or 8 GB)") in any font.
        wanted = edit.fontMetrics().horizontalAdvance(edit.placeholderText() or UNKNOWN) + 32
        edit.setMinimumWidth(wanted)
        edit.setMaximumWidth(max(edit.maximumWidth(), wanted))

    def _show(self, value: Any) -> None:
        self.edit.setText("" if value is MISSING else f"{value} MB")
        self.edit.setCursorPosition(0)

    def _read(self) -> Any:
        mb = parse_memory(self.edit.text())
        return MISSING if mb is None else mb


class TextAnswer(_LineAnswer):
    """Free text; empty (or blanks only) means unanswered."""

    def _read(self) -> Any:
        text = self.edit.text().strip()
        return text or MISSING


class LinesAnswer(Answer):
    """A list of strings, one per line of a text box."""

    def __init__(self, key: str, edit: QPlainTextEdit) -> None:
        super().__init__(key)
        self.edit = edit

    def widgets(self) -> Sequence[QWidget]:
        return (self.edit,)

    def connect(self, slot: Callable[[], None]) -> None:
        self.edit.textChanged.connect(slot)

    def _show(self, value: Any) -> None:
        self.edit.setPlainText("" if value is MISSING else "\n".join(value))

    def _read(self) -> Any:
        lines = [line.strip() for line in self.edit.toPlainText().splitlines()]
        return [line for line in lines if line] or MISSING


class SetAnswer(Answer):
    """A list of words as check boxes, plus (optionally) a comma-separated line for others.

    None ticked means unanswered. Values the boxes do not name go to the `other` line, or, with
    no such line, are carried along untouched.
    """

    def __init__(self, key: str, boxes: Mapping[str, QCheckBox],
                 other: QLineEdit | None = None) -> None:
        super().__init__(key)
        self.boxes = dict(boxes)
        self.other = other
        self._hidden: list[str] = []
        self._order: list[str] = []

    def widgets(self) -> Sequence[QWidget]:
        return [*self.boxes.values(), *([self.other] if self.other else [])]

    def connect(self, slot: Callable[[], None]) -> None:
        for box in self.boxes.values():
            box.toggled.connect(lambda *_: slot())
        if self.other is not None:
            self.other.textChanged.connect(lambda *_: slot())

    def _show(self, value: Any) -> None:
        items = [] if value is MISSING else list(value)
        self._order = items
        for word, box in self.boxes.items():
            box.setChecked(word in items)
        extra = [v for v in items if v not in self.boxes]
        if self.other is not None:
            self.other.setText(", ".join(extra))
            self._hidden = []
        else:
            self._hidden = extra

    def _read(self) -> Any:
        ticked = {w for w, box in self.boxes.items() if box.isChecked()}
        others = self._hidden
        if self.other is not None:
            others = [w.strip() for w in self.other.text().split(",") if w.strip()]
        # Keep the loaded order for what is still there; new words follow in box order.
        result = [w for w in self._order if w in ticked or w in others]
        result += [w for w in self.boxes if w in ticked and w not in result]
        result += [w for w in others if w not in result]
        return result or MISSING


def load_answers(answers: Iterable[Answer], obj: Mapping[str, Any] | None) -> None:
    obj = obj or {}
    for answer in answers:
        answer.load(obj.get(answer.key, MISSING))


def store_answers(answers: Iterable[Answer], obj: Mapping[str, Any] | None) -> dict[str, Any]:
    """`obj` with the answers written in: unanswered keys removed, other keys kept as they are."""
    out = dict(obj or {})
    for answer in answers:
        value = answer.value()
        if value is MISSING:
            out.pop(answer.key, None)
        else:
            out[answer.key] = value
    return out


def connect_all(answers: Iterable[Answer], slot: Callable[[], None]) -> None:
    for answer in answers:
        answer.connect(slot)
