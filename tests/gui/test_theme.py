"""Light and dark: the desktop's scheme or the preference, legible colours, icon and word."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPalette, QStyleHints
from PySide6.QtWidgets import QApplication

from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui import theme
from kvmhelpdesk.kb import STATUSES
from kvmhelpdesk.resources import icons_dir

Role = QPalette.ColorRole


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        r, g, b_, _ = c.getRgbF()
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b_)
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def icon_colour(path: str) -> QColor:
    """The average colour of an icon's opaque pixels."""
    image = QIcon(path).pixmap(24, 24).toImage()
    pixels = [image.pixelColor(x, y) for x in range(24) for y in range(24)]
    solid = [p for p in pixels if p.alpha() > 200]
    n = len(solid)
    return QColor(int(sum(p.red() for p in solid) / n), int(sum(p.green() for p in solid) / n),
                  int(sum(p.blue() for p in solid) / n))


@pytest.fixture
def palettes(qapp) -> dict[str, QPalette]:
    return {"light": QApplication.style().standardPalette(), "dark": theme.dark_palette()}


@pytest.fixture
def restore_theme(qapp):
    yield
    theme._current and theme._current.set_choice("system")


def test_palettes_are_legible(palettes) -> None:
    for name, palette in palettes.items():
        base = palette.color(Role.Base)
        assert contrast(palette.color(Role.Text), base) >= 7, name
        assert contrast(palette.color(Role.Link), base) >= 4.5, name
        assert contrast(theme.muted_text(palette), base) >= 4.5, name
        assert contrast(palette.color(Role.Text), theme.soft_selection(palette)) >= 4.5, name
        assert theme.is_dark(palette) is (name == "dark")


def test_dark_palette_dims_disabled_text_legibly(palettes) -> None:
    dark = palettes["dark"]
    disabled = dark.color(QPalette.ColorGroup.Disabled, Role.Text)
    assert 3 <= contrast(disabled, dark.color(Role.Base)) < contrast(dark.color(Role.Text),
                                                                     dark.color(Role.Base))


def test_status_colours_are_legible_on_both(palettes) -> None:
    for name, palette in palettes.items():
        for status in STATUSES:
            icon = icon_colour(str(icons_dir() / f"status-{status}.svg"))
            assert contrast(icon, palette.color(Role.Base)) >= 1.8, (name, status)
            tint = theme.status_tint(status, palette)
            assert contrast(palette.color(Role.WindowText), tint) >= 7, (name, status)


def test_entry_colours_come_from_the_palette(palettes) -> None:
    dark = theme.entry_style_sheet(palettes["dark"])
    light = theme.entry_style_sheet(palettes["light"])
    assert dark != light
    assert palettes["dark"].color(Role.Link).name() in dark
    from kvmhelpdesk.kb import load_knowledge_base
    from kvmhelpdesk.kb.render import entry_html

    kb = load_knowledge_base()
    for entry_id in ("os-win2k8", "feat-ksm", "opt-drive"):
        page = entry_html(kb.get(entry_id), kb)
        assert "color:#" not in page.replace("background-color:#fff176;color:#000", "")


def test_dark_preference(window, qtbot, restore_theme) -> None:
    window.theme.set_choice("dark")
    assert window.theme.dark and theme.is_dark(QApplication.palette())
    assert cfg.read(window.settings, cfg.Prefs.THEME) == "dark"
    from kvmhelpdesk.gui.icons import icon_folders

    assert icon_folders()[0].endswith("dark")
    sheet = window.ui.entryView.document().defaultStyleSheet()
    assert theme.dark_palette().color(Role.Link).name() in sheet
    window.theme.set_choice("light")
    assert not window.theme.dark and not theme.is_dark(QApplication.palette())
    assert not icon_folders()[0].endswith("dark")


def test_follows_the_desktop(window, qtbot, monkeypatch, restore_theme) -> None:
    hints = QApplication.styleHints()
    scheme = {"now": Qt.ColorScheme.Dark}
    monkeypatch.setattr(QStyleHints, "colorScheme", lambda _self: scheme["now"])
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.dark and theme.is_dark(QApplication.palette())
    scheme["now"] = Qt.ColorScheme.Light
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not window.theme.dark and not theme.is_dark(QApplication.palette())
    window.theme.set_choice("dark")  # a preference beats the desktop
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window.theme.dark


def test_wants_dark() -> None:
    assert theme.wants_dark("system", Qt.ColorScheme.Dark)
    assert not theme.wants_dark("system", Qt.ColorScheme.Unknown)
    assert not theme.wants_dark("light", Qt.ColorScheme.Dark)
    assert theme.wants_dark("dark", Qt.ColorScheme.Light)


def test_saved_theme_applies_before_the_window_paints(qtbot, settings, restore_theme) -> None:
    from kvmhelpdesk.gui.app import create_window

    cfg.write(settings, cfg.Prefs.THEME, "dark")
    window = create_window(settings=settings)
    qtbot.addWidget(window)
    assert window.theme.dark and theme.is_dark(window.ui.entryView.palette())


def _link_colours(document) -> set[str]:
    colours = set()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char = fragments.fragment().charFormat()
            if char.isAnchor() and char.anchorHref():
                colours.add(char.foreground().color().name())
            fragments += 1
        block = block.next()
    return colours


def test_theme_switch_restyles_everything_live(window, qtbot, dialogs, restore_theme) -> None:
    """Verdict banner, finding links, entry links and "Show all" follow a switch at once."""
    from kvmhelpdesk.gui.wizard.pages.verdict import VerdictPage
    from kvmhelpdesk.gui.wizard.wizard import VERDICT
    from tests.helpers.cases import make_case, make_guest

    window.theme.set_choice("light")
    window.search.start()
    qtbot.waitUntil(lambda: window.search.engine is not None, timeout=60000)
    with qtbot.waitSignal(window.search.results_shown, timeout=10000):
        window.search.set_query("guest")
    window.open_entry("os-win2k8")
    window.cases.new_case()
    wizard = window.cases.wizard
    wizard.load_case(make_case(guests=[make_guest(vcpus=17)]))
    wizard.go_to(VERDICT)
    page = wizard.page_of(VerdictPage)
    light_link = QApplication.palette().color(Role.Link).name()
    assert light_link in window.ui.suggestionLabel.text()
    tint = {s: theme.status_tint(s, theme.dark_palette()).name() for s in ("unsupported",)}
    assert tint["unsupported"] not in page.ui.banner.styleSheet()

    window.theme.set_choice("dark")
    dark_link = theme.dark_palette().color(Role.Link).name()
    assert tint["unsupported"] in page.ui.banner.styleSheet()
    assert _link_colours(page.ui.findingsView.document()) == {dark_link}
    assert _link_colours(window.ui.entryView.document()) == {dark_link}
    label = window.ui.suggestionLabel.text()
    assert "Show all" in label and dark_link in label and light_link not in label

    window.theme.set_choice("light")
    assert _link_colours(page.ui.findingsView.document()) == {light_link}
    assert light_link in window.ui.suggestionLabel.text()
