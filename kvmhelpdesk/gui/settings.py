"""Every QSettings key, declared once with its type and default.

Preferences (what the user chose) and window state (where things were) are kept apart, so a
"reset window layout" never touches preferences and vice versa.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths


class Key(NamedTuple):
    """A settings key (a NamedTuple: cheaper to define than a dataclass, on the start path)."""

    name: str
    type: type
    default: Any


class Prefs:
    """What the user chose (Edit › Preferences, File › Load content pack)."""

    EXTRA_CONTENT = Key("preferences/extra_content_dirs", list, [])
    FONT_SIZE = Key("preferences/font_size", int, 0)  # points; 0: the desktop's size
    THEME = Key("preferences/theme", str, "system")  # system, light or dark
    DEFAULT_RELEASE = Key("preferences/default_release", str, "")  # "": the newest loaded


class Reading:
    """What the reader keeps between sessions: bookmarks and the text zoom."""

    BOOKMARKS = Key("reading/bookmarks", list, [])  # "release/entry id", in the user's order
    ZOOM = Key("reading/zoom_percent", int, 100)


class WindowState:
    """Where the user left things; restored at the next start."""

    GEOMETRY = Key("window/geometry", QByteArray, QByteArray())
    STATE = Key("window/state", QByteArray, QByteArray())
    SPLITTER = Key("window/splitter", QByteArray, QByteArray())
    LAST_ENTRY = Key("session/last_entry", str, "")
    LAST_RELEASE = Key("session/last_release", str, "")
    LAST_QUERY = Key("session/last_query", str, "")
    RECENT_CASES = Key("session/recent_cases", list, [])  # newest first, at most 8
    LAST_CASE_DIR = Key("session/last_case_dir", str, "")
    LAST_EXPORT_DIR = Key("session/last_export_dir", str, "")
    LAST_BUNDLE_DIR = Key("session/last_bundle_dir", str, "")  # File › Open support bundle
    WIZARD_GEOMETRY = Key("window/wizard_geometry", QByteArray, QByteArray())


def user_settings(organization: str, application: str) -> tuple[QSettings, str]:
    """The user's settings and "", or in-memory settings and a one-line warning.

    Qt reads the settings file as it makes the QSettings object: a FIFO there would block
    the start for ever, a device would never end. So the file is checked first; when it (or
    Qt's lock file beside it) is anything but a regular file, this session's settings live in
    memory only (read as defaults, never written) and the warning says so. On Linux the file
    is opened by its path (the same file Qt's user scope uses), so Qt reads nothing else.
    """
    if sys.platform in ("win32", "darwin"):  # Qt's own place; no FIFOs to meet on Windows
        return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, organization,
                         application), ""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    path = Path(base) / organization / f"{application}.ini"
    for candidate in (path, path.with_name(path.name + ".lock")):
        problem = _not_regular(candidate)
        if problem:
            return QSettings("", QSettings.Format.IniFormat), (
                f"the settings file {candidate} is {problem}, not a regular file: settings "
                "are not read or kept in this session")
    return QSettings(str(path), QSettings.Format.IniFormat), ""


def _not_regular(path: Path) -> str:
    """What `path` is in words when it exists and is not a regular file, else ""."""
    try:
        mode = os.stat(path).st_mode
    except OSError:  # missing, or unreachable: Qt starts from defaults without blocking
        return ""
    if stat.S_ISREG(mode):
        return ""
    from kvmhelpdesk.fileio import kind_of

    return kind_of(mode)


def read(settings: QSettings, key: Key) -> Any:
    """The stored value coerced to the key's type, or its default when missing or mangled."""
    value = settings.value(key.name, None)
    if value is None:
        return key.default
    if key.type is list:
        if isinstance(value, str):
            return [value] if value else []
        return [str(v) for v in value] if isinstance(value, (list, tuple)) else key.default
    if key.type is QByteArray:
        return value if isinstance(value, QByteArray) else key.default
    if key.type is bool:
        return value in (True, "true", "1", 1)
    try:
        return key.type(value)
    except (TypeError, ValueError):
        return key.default


def write(settings: QSettings, key: Key, value: Any) -> None:
    settings.setValue(key.name, value)
