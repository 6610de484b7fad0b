"""Regenerate the README's screenshots in a real X11 window: docs/screenshots/
{main,search,entry,matrix,verdict}-{light,dark}-{1366,683}.png.

Usage: .venv/bin/python scripts/screenshots.py :26 [--out docs/screenshots] [--only NAME]

The display (an Xvfb server, e.g. `Xvfb :26 -screen 0 1366x768x24 &`) is the only argument
needed. The app runs with a private home, settings and cache folder in a temporary directory
(never the user's), and is driven from the Qt side rather than with xdotool: without a window
manager Xvfb gives no window the keyboard focus, so typed keys would be lost. Every step goes
through the app's own entry points (the search field, the find bar, Preferences' theme switch,
File → Open case), and each picture is grabbed from the X server after the window repainted.
The theme is switched at run time, so the dark pictures also show that everything restyles
live. The verdict is that of docs/examples/mixed-verdict.kvmcase (supported, best-effort and
unsupported guests side by side).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "docs" / "examples" / "mixed-verdict.kvmcase"
SIZES = {"1366": (1366, 768), "683": (683, 700)}
THEMES = ("light", "dark")
VIEWS = ("main", "search", "entry", "matrix", "verdict")
QUERY = "windows server 2008 r2"
ENTRY, FIND = "feat-ksm", "memory"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("display", help="X display to run on, e.g. :26 (an Xvfb server)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--only", action="append", choices=VIEWS,
                        help="only these views (repeatable); default: all")
    return parser.parse_args()


def private_environment(display: str, home: str) -> None:
    """Set before Qt loads: the display, and a home no real settings or caches live in."""
    os.environ.update({
        "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": home,
        "XDG_CONFIG_HOME": f"{home}/.config", "XDG_CACHE_HOME": f"{home}/.cache",
        "XDG_DATA_HOME": f"{home}/.local/share", "LANG": "C.UTF-8",
    })
    os.environ.pop("QT_SCALE_FACTOR", None)


def main() -> int:
    args = parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    views = args.only or list(VIEWS)
    with tempfile.TemporaryDirectory(prefix="kvmhelpdesk-shots-") as home:
        private_environment(args.display, home)
        sys.path.insert(0, str(ROOT))
        return Shooter(out, views, home).run()


class Shooter:
    def __init__(self, out: Path, views: list[str], home: str) -> None:
        from PySide6.QtCore import QSettings

        from kvmhelpdesk.gui.platform_guard import create_application

        self.app = create_application([sys.argv[0]])
        self.app.setApplicationName("KVM Helpdesk")
        from kvmhelpdesk.gui.app import create_window
        from kvmhelpdesk.gui.icons import icon, install_search_path

        install_search_path()
        self.app.setWindowIcon(icon("app"))
        self.out, self.views = out, views
        self.settings = QSettings(f"{home}/settings.ini", QSettings.Format.IniFormat)
        self.window = create_window(settings=self.settings)
        self.window.move(0, 0)
        self.window.show()
        self.written: list[Path] = []
        # A copy in the private home: the wizard's title shows the file's name, not our tree.
        self.case = Path(home) / CASE.name
        self.case.write_bytes(CASE.read_bytes())

    # -- the event loop, a step at a time --------------------------------------------------------
    def settle(self, ms: int = 300) -> None:
        """Let Qt lay out and paint (and background work report) for `ms` milliseconds."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(self, condition, what: str, seconds: float = 60) -> None:
        for _ in range(int(seconds * 10)):
            if condition():
                return
            self.settle(100)
        raise SystemExit(f"screenshots: timed out waiting for {what}")

    def grab(self, widget, name: str) -> None:
        self.settle(400)
        widget.repaint()
        self.settle(200)
        screen = widget.screen()
        frame = widget.frameGeometry()
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        path = self.out / f"{name}.png"
        if not picture.save(str(path)):
            raise SystemExit(f"screenshots: could not write {path}")
        self.written.append(path)
        print(f"wrote {path} ({picture.width()}x{picture.height()})", flush=True)

    # -- the pictures -----------------------------------------------------------------------------
    def run(self) -> int:
        window = self.window
        self.wait_for(lambda: window.search.engine is not None, "the search index")
        for theme in THEMES:
            window.theme.set_choice(theme)  # at run time, as Preferences does
            for size, (width, height) in SIZES.items():
                self.resize(window, width, height)
                for view in self.views:
                    getattr(self, f"show_{view}")(theme, size, width, height)
        window.theme.set_choice("system")
        if window.cases.wizard is not None:
            window.cases.wizard.hide()
        window.close()
        print(f"{len(self.written)} screenshots in {self.out}")
        return 0

    def resize(self, widget, width: int, height: int) -> None:
        widget.move(0, 0)
        widget.resize(width, height)
        self.wait_for(lambda: widget.width() == width and widget.height() == height,
                      f"the window to be {width}x{height}", 10)

    def reset(self) -> None:
        window = self.window
        window.statusBar().clearMessage()  # "Opened case <path>" is no part of a picture
        if window.reading.find_bar is not None:
            window.reading.find_bar.close_bar()
        window.search.field.clear()
        window.reading.clear_highlights()

    def show_main(self, theme: str, size: str, *_: int) -> None:
        self.reset()
        self.window.open_entry("art-overview")
        self.window.show_contents()
        self.grab(self.window, f"main-{theme}-{size}")

    def show_search(self, theme: str, size: str, *_: int) -> None:
        self.reset()
        window = self.window
        window.search.focus()
        window.search.set_query(QUERY)
        self.wait_for(lambda: window.search.last_result is not None
                      and window.search.last_result.query.strip() == QUERY, "search results")
        window.search.open_first()
        window.ui.navTabs.setCurrentIndex(1)  # the results stay on screen
        self.grab(window, f"search-{theme}-{size}")

    def show_entry(self, theme: str, size: str, *_: int) -> None:
        self.reset()
        window = self.window
        window.open_entry(ENTRY)
        window.show_contents()
        window.reading.find()
        window.reading.find_bar.ui.findField.setText(FIND)
        self.grab(window, f"entry-{theme}-{size}")

    def show_matrix(self, theme: str, size: str, *_: int) -> None:
        self.reset()
        self.window.show_matrix()
        self.grab(self.window, f"matrix-{theme}-{size}")
        self.window.show_entry_tab()

    def show_verdict(self, theme: str, size: str, width: int, height: int) -> None:
        from kvmhelpdesk.gui.wizard.wizard import VERDICT

        cases = self.window.cases
        if cases.wizard is None and not cases.open_case(str(self.case)):
            raise SystemExit(f"screenshots: could not open {CASE}")
        wizard = cases.wizard
        wizard.show()
        self.resize(wizard, width, height)
        wizard.go_to(VERDICT)
        wizard.raise_()
        self.grab(wizard, f"verdict-{theme}-{size}")
        wizard.hide()
        self.window.raise_()


if __name__ == "__main__":
    raise SystemExit(main())
