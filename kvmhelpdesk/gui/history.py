"""Back/forward history of visited entries (plain Python: easy to test, no Qt).

A NamedTuple and a plain class rather than dataclasses: making a dataclass costs about two
milliseconds at import, on the way to the first window.
"""

from __future__ import annotations

from typing import NamedTuple


class Place(NamedTuple):
    release: str
    entry_id: str


class History:
    def __init__(self) -> None:
        self._items: list[Place] = []
        self._index = -1

    @property
    def current(self) -> Place | None:
        return self._items[self._index] if self._index >= 0 else None

    def visit(self, place: Place) -> None:
        """Go somewhere new: drops the forward part, ignores a repeat of the current place."""
        if place == self.current:
            return
        del self._items[self._index + 1:]
        self._items.append(place)
        self._index = len(self._items) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> Place | None:
        if self.can_go_back():
            self._index -= 1
        return self.current

    def forward(self) -> Place | None:
        if self.can_go_forward():
            self._index += 1
        return self.current

    def back_list(self) -> list[tuple[int, Place]]:
        """Places behind the current one, nearest first, with their positions."""
        return [(i, self._items[i]) for i in range(self._index - 1, -1, -1)]

    def forward_list(self) -> list[tuple[int, Place]]:
        """Places ahead of the current one, nearest first, with their positions."""
        return [(i, self._items[i]) for i in range(self._index + 1, len(self._items))]

    def jump(self, position: int) -> Place | None:
        """Go straight to a position from back_list / forward_list (the list is kept)."""
        if 0 <= position < len(self._items):
            self._index = position
        return self.current
