"""Edit › Preferences: font size, theme, default release, caches and where things are kept.

Changes apply at once (no OK/Cancel to forget); window state is not touched here. Clearing a
cache is always safe: the search index is rebuilt in the background, parsed content and
rendered pages are made again when next needed.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui.forms.ui_preferences import Ui_PreferencesDialog
from kvmhelpdesk.gui.theme import THEMES
from kvmhelpdesk.paths import cache_dir

if TYPE_CHECKING:
    from kvmhelpdesk.gui.mainwindow import MainWindow

DEFAULT_SUFFIX = " pt (desktop default)"
CONTENT_CACHES = ("content-parse.cache", "rendered.cache")


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    if not path.is_dir():
        return 0
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def human_size(size: int) -> str:
    if size <= 0:
        return "empty"
    for unit in ("bytes", "KiB", "MiB"):
        if size < 1024 or unit == "MiB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return ""


def clear_search_index() -> None:
    shutil.rmtree(cache_dir() / "index", ignore_errors=True)


def clear_content_caches() -> None:
    from kvmhelpdesk.kb.parse_cache import ParseCache
    from kvmhelpdesk.kb.render import use_render_cache

    for name in CONTENT_CACHES:
        (cache_dir() / name).unlink(missing_ok=True)
    # An empty one in its place, so the pages rendered so far are not saved back at exit.
    use_render_cache(ParseCache(cache_dir() / "rendered.cache"))


class PreferencesDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.ui = Ui_PreferencesDialog()
        self.ui.setupUi(self)
        ui = self.ui
        for key, label in THEMES.items():
            ui.themeBox.addItem(label, key)
        ui.settingsPath.setText(window.settings.fileName())
        ui.cachePath.setText(str(cache_dir()))
        self.load()
        ui.fontSizeBox.valueChanged.connect(self._on_font)
        ui.themeBox.currentIndexChanged.connect(self._on_theme)
        ui.releaseBox.currentIndexChanged.connect(self._on_release)
        ui.clearIndexButton.clicked.connect(self.clear_index)
        ui.clearContentButton.clicked.connect(self.clear_content)
        ui.defaultsButton.clicked.connect(self.restore_defaults)
        ui.buttonBox.rejected.connect(self.close)
        self._set_close_icon()
        window.theme.changed.connect(lambda _dark: self._set_close_icon())
        # The index is rebuilt in the background after "Clear": show its size once it is.
        window.search.ready.connect(self._on_index_ready)

    def _set_close_icon(self) -> None:
        """Our own icon with light and dark variants: the style's stock one is drawn in dark
        lines only, invisible on a dark button."""
        from kvmhelpdesk.gui.icons import icon

        button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        if button is not None:
            button.setIcon(icon("window-close"))

    def _on_index_ready(self) -> None:
        if self.isVisible():
            self.show_sizes()

    def changeEvent(self, event: QEvent) -> None:
        """A bigger font (this dialog's own setting) grows the dialog so nothing is cut."""
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self._fit)
        super().changeEvent(event)

    def _fit(self) -> None:
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.size().expandedTo(self.sizeHint()))

    def default_points(self) -> int:
        return round(self.main.theme.default_font_size())

    def load(self) -> None:
        """Show the stored preferences (widgets quiet: loading changes nothing)."""
        ui, settings = self.ui, self.main.settings
        for widget in (ui.fontSizeBox, ui.themeBox, ui.releaseBox):
            widget.blockSignals(True)
        points = cfg.read(settings, cfg.Prefs.FONT_SIZE)
        minimum, maximum = ui.fontSizeBox.minimum(), ui.fontSizeBox.maximum()
        shown = points if minimum <= points <= maximum else self.default_points()
        ui.fontSizeBox.setValue(max(minimum, min(maximum, shown)))
        self._show_font_suffix(ui.fontSizeBox.value())
        ui.themeBox.setCurrentIndex(max(0, ui.themeBox.findData(self.main.theme.choice)))
        ui.releaseBox.clear()
        kb = self.main.kb
        newest = list(kb.releases.values())[-1]
        ui.releaseBox.addItem(f"The newest loaded ({newest.product})", "")
        for release in reversed(list(kb.releases.values())):
            ui.releaseBox.addItem(f"{release.product} ({release.id})", release.id)
        chosen = cfg.read(settings, cfg.Prefs.DEFAULT_RELEASE)
        ui.releaseBox.setCurrentIndex(max(0, ui.releaseBox.findData(chosen)))
        for widget in (ui.fontSizeBox, ui.themeBox, ui.releaseBox):
            widget.blockSignals(False)
        self.show_sizes()

    def show_sizes(self) -> None:
        base = cache_dir()
        self.ui.indexSize.setText(human_size(folder_size(base / "index")))
        self.ui.contentSize.setText(human_size(sum(folder_size(base / n)
                                                   for n in CONTENT_CACHES)))

    def _on_font(self, value: int) -> None:
        """The desktop's own size is stored as "follow the desktop" (0)."""
        default = value == self.default_points()
        self._show_font_suffix(value)
        self.main.theme.set_font_size(0 if default else value)

    def _show_font_suffix(self, value: int) -> None:
        self.ui.fontSizeBox.setSuffix(DEFAULT_SUFFIX if value == self.default_points()
                                      else " pt")

    def _on_theme(self, _index: int) -> None:
        self.main.theme.set_choice(self.ui.themeBox.currentData())

    def _on_release(self, _index: int) -> None:
        self.main.set_default_release(self.ui.releaseBox.currentData() or "")

    def clear_index(self) -> None:
        self.main.search.shutdown()
        clear_search_index()
        self.main.search.restart()
        self.show_sizes()
        self.ui.indexSize.setText("being rebuilt…")  # its size once it is (search.ready)
        self.main.statusBar().showMessage("Search index cleared; rebuilding it", 6000)

    def clear_content(self) -> None:
        clear_content_caches()
        self.show_sizes()
        self.main.statusBar().showMessage("Parsed content cleared; it is read again at the "
                                            "next start", 6000)

    def restore_defaults(self) -> None:
        self.ui.fontSizeBox.setValue(self.default_points())
        self.ui.themeBox.setCurrentIndex(self.ui.themeBox.findData("system"))
        self.ui.releaseBox.setCurrentIndex(0)
