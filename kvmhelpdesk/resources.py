"""Where the shipped data folders are, installed or in a source checkout.

`content/`, `ui/` and `icons/` live at the top of the repository for editing; the wheel carries
them as `kvmhelpdesk/_data/...`. Every lookup goes through here so both layouts work.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder `name` ("content", "ui" or "icons"), preferring the installed copy."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"data folder {name!r} not found beside {_PACKAGE_DIR}")


def content_dir() -> Path:
    return data_dir("content")


def ui_dir() -> Path:
    return data_dir("ui")


def icons_dir() -> Path:
    return data_dir("icons")
