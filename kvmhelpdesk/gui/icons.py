"""Icons by name through the `icons:` search path (set at start-up and when the theme changes).

In a dark theme the folder icons/dark/ comes first: it holds light-stroked variants of the few
icons that are drawn in dark grey lines only (arrows, search, ...); the rest serve both.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QDir
from PySide6.QtGui import QIcon

from kvmhelpdesk.resources import icons_dir

_dark = False


def install_search_path(dark: bool | None = None) -> None:
    global _dark
    if dark is not None and dark != _dark:
        _dark = dark
        icon.cache_clear()
    QDir.setSearchPaths("icons", icon_folders())


def icon_folders() -> list[str]:
    """Where icon files are looked up, in order (also for images in entry pages)."""
    base = icons_dir()
    return [str(base / "dark"), str(base)] if _dark else [str(base)]


@lru_cache(maxsize=64)
def icon(name: str) -> QIcon:
    return QIcon(f"icons:{name}.svg")


def kind_icon(kind: str) -> QIcon:
    return icon(f"kind-{kind}")


def status_icon(status: str | None) -> QIcon:
    return icon(f"status-{status}" if status else "status-none")
