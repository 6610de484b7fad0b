"""Light and dark: follow the desktop's colour scheme or the user's choice, font size too.

Qt 6.8+ can ask the platform for a scheme (`QStyleHints.setColorScheme`); where the platform
cannot switch (plain X11 without a desktop theme, the offscreen platform) the app sets its own
palette. Everything the app colours itself (entry pages, status tints) is derived from the
palette here, so both schemes stay legible; status is always an icon and a word besides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from kvmhelpdesk.gui import settings as cfg

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

THEMES: dict[str, str] = {"system": "Follow the desktop", "light": "Light", "dark": "Dark"}
Role, Group = QPalette.ColorRole, QPalette.ColorGroup

# A restrained dark palette. Fields and lists (Base) are a little lighter than the window, so
# the outlines Fusion draws (the window colour, darkened) show around check boxes and fields;
# links and the selection stay readable, disabled text is dimmed but above 3:1 contrast.
_DARK = {
    Role.Window: "#242428", Role.WindowText: "#e8e8e8", Role.Base: "#2e2e33",
    Role.AlternateBase: "#34343a", Role.ToolTipBase: "#3c3c42", Role.ToolTipText: "#f0f0f0",
    Role.PlaceholderText: "#a0a0a6", Role.Text: "#e8e8e8", Role.Button: "#3a3a40",
    Role.ButtonText: "#e8e8e8", Role.BrightText: "#ff8a80", Role.Light: "#4e4e55",
    Role.Midlight: "#42424a", Role.Mid: "#2a2a2f", Role.Dark: "#19191c", Role.Shadow: "#000000",
    Role.Highlight: "#2f6fad", Role.HighlightedText: "#ffffff", Role.Link: "#8cc0ff",
    Role.LinkVisited: "#c7a4ff", Role.Accent: "#2f6fad",
}
_DARK_DISABLED = {Role.WindowText: "#8e8e94", Role.Text: "#8e8e94", Role.ButtonText: "#8e8e94",
                  Role.Highlight: "#4a4a50", Role.HighlightedText: "#b0b0b0"}
# Background tints behind a status icon and word (verdict banner): light on light, deep on dark.
STATUS_TINTS = {
    "supported": ("#e8f5e9", "#1d3a21"), "best-effort": ("#e3f2fd", "#172f47"),
    "tech-preview": ("#f3e5f5", "#35203f"), "unsupported": ("#ffebee", "#471c1f"),
    "undetermined": ("#eceff1", "#2e3338"),  # "not determined": a neutral grey
}
NEUTRAL_TINT = ("#f5f5f5", "#303034")
_own_palette = False  # the app palette was set here, not by the platform
_current: Theme | None = None
_desktop_point_size: float | None = None


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def is_dark(palette: QPalette | None = None) -> bool:
    """True when text is lighter than its background (whoever chose the palette)."""
    palette = palette or QGuiApplication.palette()
    return palette.color(Role.Base).lightness() < palette.color(Role.Text).lightness()


def wants_dark(choice: str, scheme: Qt.ColorScheme) -> bool:
    """The theme to show for a preference and the desktop's current scheme."""
    if choice in ("light", "dark"):
        return choice == "dark"
    return scheme == Qt.ColorScheme.Dark


class Theme(QObject):
    """Applies the theme and font preferences; says when the look changed."""

    changed = Signal(bool)  # dark
    font_changed = Signal()

    def __init__(self, app: QGuiApplication, settings: QSettings) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.dark = is_dark(app.palette())
        global _desktop_point_size
        if _desktop_point_size is None:  # before any preference changed the app font
            _desktop_point_size = app.font().pointSizeF()
        app.styleHints().colorSchemeChanged.connect(self._on_desktop_scheme)

    @property
    def choice(self) -> str:
        choice = cfg.read(self.settings, cfg.Prefs.THEME)
        return choice if choice in THEMES else "system"

    def apply(self) -> bool:
        """Apply the saved theme and font size; True when the result is dark."""
        self._apply_font()
        return self._apply_scheme(self.choice)

    def set_choice(self, choice: str) -> None:
        cfg.write(self.settings, cfg.Prefs.THEME, choice if choice in THEMES else "system")
        self._apply_scheme(self.choice)

    def set_font_size(self, points: int) -> None:
        cfg.write(self.settings, cfg.Prefs.FONT_SIZE, max(0, points))
        self._apply_font()

    def default_font_size(self) -> float:
        return _desktop_point_size or 9.0

    # -- inner workings -----------------------------------------------------------------------
    def _apply_font(self) -> None:
        points = cfg.read(self.settings, cfg.Prefs.FONT_SIZE)
        size = points if 6 <= points <= 48 else self.default_font_size()
        if abs(self.app.font().pointSizeF() - size) > 0.01:
            font = QFont(self.app.font())
            font.setPointSizeF(size)
            self.app.setFont(font)
            self.font_changed.emit()

    def _apply_scheme(self, choice: str) -> bool:
        hints = self.app.styleHints()
        global _own_palette
        if choice != "system" or _own_palette:
            # Ask the platform first (Windows 11, macOS, desktop portals can switch natively).
            hints.setColorScheme({"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
                                 .get(choice, Qt.ColorScheme.Unknown))
        dark = wants_dark(choice, hints.colorScheme())
        if choice == "system" and _own_palette:
            self.app.setPalette(QPalette())  # back to the platform's own palette
            _own_palette = False
        if is_dark(self.app.palette()) != dark:
            style = getattr(self.app, "style", None)
            light = style().standardPalette() if style else QPalette()
            if is_dark(light):
                light = QPalette(QColor("#efefef"))
            self.app.setPalette(dark_palette() if dark else light)
            _own_palette = True
        changed = dark != self.dark
        self.dark = dark
        from kvmhelpdesk.gui.icons import install_search_path

        install_search_path(dark)
        if changed:
            self.changed.emit(dark)
        return dark

    def _on_desktop_scheme(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            self._apply_scheme("system")


def entry_style_sheet(palette: QPalette) -> str:
    """The entry page's colours (its HTML carries classes, never colours of its own)."""
    muted = muted_text(palette)
    note = QColor("#ffcc80") if is_dark(palette) else QColor("#6d4c41")
    return (f"h1 {{ font-size: x-large; }}\n"
            f"table.facts {{ margin-top: 6px; margin-bottom: 6px; }}\n"
            f"a {{ color: {palette.color(Role.Link).name()}; }}\n"
            f".source {{ color: {muted.name()}; }}\n"
            f".unclear {{ color: {note.name()}; }}\n"
            f".muted {{ color: {muted.name()}; }}\n"
            f"th {{ color: {muted.name()}; }}\n")


def muted_text(palette: QPalette) -> QColor:
    """Secondary text (sources, snippets, status words beside a title): readable, quieter."""
    return _mix(palette.color(Role.Text), palette.color(Role.Base), 0.30)


def soft_selection(palette: QPalette) -> QColor:
    """A selection tint light enough (or, dark theme, deep enough) to keep text readable in
    the palette's ordinary text colour: for lists that draw rich text themselves."""
    return _mix(palette.color(Role.Highlight), palette.color(Role.Base), 0.70)


def use_soft_selection(widget: QWidget) -> None:
    """Give an item view the soft selection; text keeps the ordinary text colour."""
    palette = QPalette(QGuiApplication.palette())
    palette.setResolveMask(0)  # only the two roles below are the widget's own
    for group in (Group.Active, Group.Inactive):
        palette.setColor(group, Role.Highlight, soft_selection(palette))
        palette.setColor(group, Role.HighlightedText, palette.color(Role.Text))
    widget.setPalette(palette)


def status_tint(status: str | None, palette: QPalette | None = None) -> QColor:
    """A background tint for a status (icon and word on top carry the meaning)."""
    light, dark = STATUS_TINTS.get(status or "", NEUTRAL_TINT)
    return QColor(dark if is_dark(palette) else light)


def _mix(colour: QColor, other: QColor, amount: float) -> QColor:
    """`colour` moved `amount` of the way towards `other`."""
    return QColor.fromRgbF(*(a + (b - a) * amount for a, b in
                             zip(colour.getRgbF()[:3], other.getRgbF()[:3], strict=True)))


def current_theme() -> Theme | None:
    """The app's theme object (for windows that restyle when it changes)."""
    return _current


def start(settings: QSettings) -> Theme:
    """The app's theme object, with the saved theme and font size applied (before the window
    is built, so it paints once, in the right colours)."""
    global _current
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    if _current is None or _current.settings is not settings:
        if _current is not None:
            _current.deleteLater()  # a window on other settings (tests): one theme at a time
        _current = Theme(app, settings)
    _current.apply()
    return _current
