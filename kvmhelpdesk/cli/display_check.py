"""Before the window starts: is there a display, and can Qt's platform plugin load?

Without this, Qt aborts inside QApplication (a core dump, and for a missing display a
misleading "xcb-cursor0 is needed" line). Here, before Qt is imported, the common causes
become one line that says what to do: no display at all, an X display that is not there, or
system libraries missing (named by their Debian packages). Qt-free on purpose.
"""

from __future__ import annotations

import ctypes
import os
import re
import socket
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# Where Qt's platform plugins need nothing from a display.
HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}

# Shared libraries Qt loads for its window and its X11 plugin, and the Debian/Ubuntu
# packages that ship them.
DEBIAN_PACKAGES: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
X11_LIBRARIES = tuple(name for name in DEBIAN_PACKAGES if "xcb" in name or "X11" in name)

HEADLESS_HINT = ("every function also works without a window: see 'kvmhelpdesk --help' "
                 "(kb, search, check, probe-host)")
# The dynamic loader's words: "libxcb-cursor.so.0: cannot open shared object file: ..."
_MISSING_LIBRARY = re.compile(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")

Loader = Callable[[str], object]


def startup_problem(environ: Mapping[str, str] | None = None,
                    platform: str | None = None, load: Loader | None = None) -> str | None:
    """One line saying why the window cannot start here, or None when it should start."""
    environ = os.environ if environ is None else environ
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return None
    load = load or ctypes.CDLL
    qpa = environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip().lower()
    if qpa in HEADLESS_PLATFORMS:
        return None
    display, wayland = environ.get("DISPLAY", ""), environ.get("WAYLAND_DISPLAY", "")
    if not display and not wayland:
        return ("the window needs a display, and none is set (no DISPLAY or "
                f"WAYLAND_DISPLAY); {HEADLESS_HINT}; or give it one: 'ssh -X', or "
                "'xvfb-run kvmhelpdesk', or QT_QPA_PLATFORM=offscreen for no visible window")
    if qpa.startswith("wayland") or (wayland and not display):
        return None  # Wayland without X11: Qt reports its own errors there
    if (not qpa and wayland and environ.get("XDG_SESSION_TYPE") == "wayland"
            and _platform_plugin("libqwayland*.so") is not None):
        return None  # Qt takes Wayland first in a Wayland session; X11 is only its fallback
    if not _x_display_reachable(display, environ):
        return (f"the window needs a display, and the X display {display!r} does not answer "
                f"(is the X server running? is DISPLAY right?); {HEADLESS_HINT}")
    missing = missing_libraries(load)
    if missing:
        packages = " ".join(dict.fromkeys(DEBIAN_PACKAGES.get(m, m) for m in missing))
        return (f"the window cannot start: Qt's X11 support needs system libraries that are "
                f"not installed ({', '.join(missing)}); on Debian or Ubuntu: sudo apt-get "
                f"install {packages}; {HEADLESS_HINT}")
    return None


def missing_libraries(load: Loader) -> list[str]:
    """Libraries the X11 platform plugin cannot find, by loading it as Qt would.

    Loading the plugin names the first missing library (the dynamic loader stops there); the
    known X11 libraries are then tried one by one, so one message can name all of them."""
    plugin = xcb_plugin()
    if plugin is None:
        return []
    try:
        load(str(plugin))
        return []
    except OSError as exc:
        first = _MISSING_LIBRARY.search(str(exc))
        if first is None or first.group(1) == plugin.name:
            return []  # not a missing library (a broken plugin?): Qt will report it
    missing = [first.group(1)]
    for name in X11_LIBRARIES:
        if name in missing:
            continue
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def xcb_plugin() -> Path | None:
    """Qt's X11 platform plugin file, in a PyInstaller bundle or beside PySide6."""
    return _platform_plugin("libqxcb.so")


def _platform_plugin(pattern: str) -> Path | None:
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "PySide6")
    try:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        roots += [Path(p) for p in spec.submodule_search_locations]
    for root in roots:
        for plugin in sorted((root / "Qt" / "plugins" / "platforms").glob(pattern)):
            return plugin
    return None


def _x_display_reachable(display: str, environ: Mapping[str, str]) -> bool:
    """True unless DISPLAY names a local X server whose socket does not answer.

    Only local displays (":N", "unix:N") are checked, through their Unix socket: the app
    opens no network connection, and a remote display is the user's explicit choice."""
    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if match is None:
        return True
    number = match.group(1)
    for address in (f"\0/tmp/.X11-unix/X{number}", f"/tmp/.X11-unix/X{number}"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(2)
            try:
                probe.connect(address)
                return True
            except OSError:
                continue
    return False


def library_problem(error: ImportError) -> str | None:
    """An ImportError of Qt that names a missing system library, as one line with packages."""
    found = _MISSING_LIBRARY.search(str(error))
    if found is None:
        return None
    name = found.group(1)
    package = DEBIAN_PACKAGES.get(name)
    install = (f"on Debian or Ubuntu: sudo apt-get install {package}" if package
               else f"install the package that provides {name}")
    return (f"the window cannot start: the system library {name} is not installed; "
            f"{install}; {HEADLESS_HINT}")
