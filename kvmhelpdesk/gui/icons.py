"""Icons by name through the `icons:` search path (set once at start-up)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QDir
from PySide6.QtGui import QIcon

from kvmhelpdesk.resources import icons_dir


def install_search_path() -> None:
    QDir.addSearchPath("icons", str(icons_dir()))


@lru_cache(maxsize=64)
def icon(name: str) -> QIcon:
    return QIcon(f"icons:{name}.svg")


def kind_icon(kind: str) -> QIcon:
    return icon(f"kind-{kind}")


def status_icon(status: str | None) -> QIcon:
    return icon(f"status-{status}" if status else "status-none")
