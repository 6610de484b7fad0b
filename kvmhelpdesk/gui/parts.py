"""Parts of the main window made on first use, so that start-up does not pay for them.

`bookmarks = Part["Bookmarks"]("kvmhelpdesk.gui.bookmarks", "Bookmarks")` in the window class
makes `window.bookmarks` import its module and build `Bookmarks(window)` the first time it is
read.
"""

from __future__ import annotations

import importlib
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Part(Generic[T]):
    def __init__(self, module: str, class_name: str) -> None:
        self.module, self.class_name = module, class_name
        self.attribute = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.attribute = f"_part_{name}"

    def __get__(self, window: Any, owner: type | None = None) -> T:
        if window is None:
            return self  # type: ignore[return-value]
        part = window.__dict__.get(self.attribute)
        if part is None:
            made = getattr(importlib.import_module(self.module), self.class_name)
            part = window.__dict__[self.attribute] = made(window)
        return part

    def made(self, window: Any) -> T | None:
        """The part if it was made already, else None (nothing is built)."""
        return window.__dict__.get(self.attribute)
