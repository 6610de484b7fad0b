"""The Help menu: a short user guide (F1), every keyboard shortcut, About, About Qt.

The shortcut list is read from the window's own actions (plus the keys that belong to one
field or list), so it cannot drift from what the app does. Made on first use.
"""

from __future__ import annotations

import html
import platform
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout

from kvmhelpdesk import APP_NAME, __version__
from kvmhelpdesk.gui.icons import icon_folders

if TYPE_CHECKING:
    from kvmhelpdesk.gui.mainwindow import MainWindow

GUIDE = Path(__file__).resolve().parent / "help" / "guide.md"
LICENCE = "MIT"
# Keys that belong to one place rather than to a menu action: (where, what, keys).
LOCAL_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Search field", "Open the best match", "Enter"),
    ("Search field", "Move into the result list", "Down"),
    ("Search field", "Clear the search", "Esc"),
    ("Find bar", "Next / previous match", "Enter / Shift+Enter"),
    ("Find bar", "Close the bar and clear its highlights", "Esc"),
    ("Entry", "Clear search and find highlights", "Esc"),
    ("Entry", "Zoom in / out", "Ctrl+mouse wheel"),
    ("Anywhere", "Back / forward", "Mouse back / forward buttons"),
    ("Lists", "Open the selected entry", "Enter"),
    ("Lists, entry", "Context menu: open, copy citation, bookmark", "Menu key or Shift+F10"),
    ("Index", "Jump to a name", "type its first letters, then Enter"),
    ("Bookmarks tab", "Remove the selected bookmark", "Delete"),
    ("Window", "Next / previous pane", "Tab / Shift+Tab"),
    ("Tabs", "Next / previous tab", "Ctrl+Tab / Ctrl+Shift+Tab"),
)


def action_shortcuts(window: MainWindow) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu action with a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        menu_name = menu.title().replace("&", "")
        for action in menu.actions():
            if id(action) in seen or not action.shortcuts():
                continue
            seen.add(id(action))
            keys = " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                               for k in action.shortcuts())
            rows.append((menu_name, _plain(action), keys))
    return rows


def _plain(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def shortcuts_html(window: MainWindow) -> str:
    def table(rows: list[tuple[str, str, str]], heads: tuple[str, str, str]) -> str:
        body = "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td>"
                       f"<td><b>{html.escape(c)}</b></td></tr>" for a, b, c in rows)
        head = "".join(f"<th align='left'>{h}</th>" for h in heads)
        return f"<table cellpadding='4' cellspacing='0'><tr>{head}</tr>{body}</table>"

    return ("<h2>Keyboard shortcuts</h2>"
            + table(action_shortcuts(window), ("Menu", "Command", "Keys"))
            + "<h3>In fields and lists</h3>"
            + table(list(LOCAL_KEYS), ("Where", "What", "Keys")))


def guide_html() -> str:
    from kvmhelpdesk.kb.render import markdown_to_html

    try:
        text = GUIDE.read_text(encoding="utf-8")
    except OSError:
        text = f"# {APP_NAME}\n\nThe guide is missing from this installation."
    return markdown_to_html(text)


class TextDialog(QDialog):
    """A non-modal window with one page of rich text and a Close button."""

    def __init__(self, window: MainWindow, title: str, page: str, name: str) -> None:
        super().__init__(window)
        self.setWindowTitle(f"{title} — {APP_NAME}")
        self.setObjectName(name)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setSearchPaths(icon_folders())
        self.browser.setAccessibleName(title)
        from PySide6.QtGui import QGuiApplication

        from kvmhelpdesk.gui.theme import entry_style_sheet

        self.browser.document().setDefaultStyleSheet(entry_style_sheet(QGuiApplication.palette()))
        self.browser.setHtml(page)
        self.browser.anchorClicked.connect(lambda url: self._on_link(window, url))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 600)

    def _on_link(self, window: MainWindow, url: QUrl) -> None:
        if url.scheme() == "entry":
            window.open_entry(url.path())
            window.raise_()
        else:
            window.statusBar().showMessage(f"External link (not opened): {url.toString()}")


class HelpMenu:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialogs: dict[str, TextDialog] = {}

    def _show(self, name: str, title: str, page: str) -> TextDialog:
        dialog = self.dialogs.get(name)
        if dialog is None:
            dialog = TextDialog(self.window, title, page, name)
            self.dialogs[name] = dialog
        else:
            dialog.browser.setHtml(page)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def user_guide(self) -> TextDialog:
        return self._show("userGuide", "User guide", guide_html())

    def shortcuts(self) -> TextDialog:
        return self._show("shortcuts", "Keyboard shortcuts", shortcuts_html(self.window))

    def about_text(self) -> str:
        kb = self.window.kb
        releases = "".join(
            f"<li>{html.escape(r.title)} (release <code>{html.escape(r.id)}</code>, qemu-kvm "
            f"{html.escape(r.qemu_kvm_version)}, from <code>{html.escape(r.source)}</code>)</li>"
            for r in reversed(list(kb.releases.values())))
        return (f"<h3>{APP_NAME} {html.escape(__version__)}</h3>"
                "<p>Is this customer's KVM setup supported? The vendor's support statement as a "
                "searchable knowledge base, and a wizard from a setup to a verdict.</p>"
                f"<p><b>Content</b></p><ul>{releases}</ul>"
                f"<p>Licence: {LICENCE}. Qt {qVersion()}, PySide6 {pyside_version}, "
                f"Python {platform.python_version()} ({html.escape(sys.platform)}).</p>"
                "<p>Works offline: the app makes no network connection.</p>")

    def about(self) -> None:
        box = QMessageBox(self.window)
        box.setWindowTitle(f"About {APP_NAME}")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setIconPixmap(self.window.windowIcon().pixmap(64, 64))
        box.exec()

    def about_qt(self) -> None:
        QMessageBox.aboutQt(self.window, "About Qt")
