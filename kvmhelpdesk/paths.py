"""Per-user cache and config folders, without Qt.

The search index lives in the cache folder (it can always be rebuilt); settings live in the config
folder. Qt's QStandardPaths would answer the same questions, but the core and the CLI must run
without Qt, so the platform conventions are spelled out here.

An explicitly set XDG_CACHE_HOME / XDG_CONFIG_HOME wins on every platform: the test suite points
them into a temp dir, and people who set them on macOS expect tools to follow them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "kvmhelpdesk"


def _home() -> Path:
    return Path(os.environ.get("HOME") or Path.home())


def _xdg(variable: str) -> Path | None:
    value = os.environ.get(variable, "").strip()
    # The XDG spec says relative paths are invalid and must be ignored.
    if value and os.path.isabs(value):
        return Path(value)
    return None


def cache_dir() -> Path:
    """Where rebuildable data (the search index) goes; not created here."""
    xdg = _xdg("XDG_CACHE_HOME")
    if xdg is not None:
        return xdg / APP_DIR_NAME
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(_home() / "AppData" / "Local")
        return Path(base) / APP_DIR_NAME / "Cache"
    if sys.platform == "darwin":
        return _home() / "Library" / "Caches" / APP_DIR_NAME
    return _home() / ".cache" / APP_DIR_NAME


def config_dir() -> Path:
    """Where user settings go; not created here."""
    xdg = _xdg("XDG_CONFIG_HOME")
    if xdg is not None:
        return xdg / APP_DIR_NAME
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(_home() / "AppData" / "Roaming")
        return Path(base) / APP_DIR_NAME
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / APP_DIR_NAME
    return _home() / ".config" / APP_DIR_NAME
