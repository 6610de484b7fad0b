"""Help menu (guide, shortcuts, About), Preferences, and the settings keys."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kvmhelpdesk.gui import settings as cfg

ROOT = Path(__file__).resolve().parents[2]


def test_user_guide_on_f1(window, qtbot) -> None:
    assert window.ui.actionUserGuide.shortcut().toString() == "F1"
    window.ui.actionUserGuide.trigger()
    dialog = window.help.dialogs["userGuide"]
    assert dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "short guide" in text and "Ctrl+K" in text and "Ctrl+D" in text
    dialog.close()


def test_shortcuts_list_every_action_shortcut(window) -> None:
    from kvmhelpdesk.gui.help import action_shortcuts

    rows = action_shortcuts(window)
    keys = {k for _menu, _what, keys in rows for k in keys.split(" or ")}
    for expected in ("Ctrl+K", "Ctrl+F", "F3", "Shift+F3", "Ctrl+P", "Ctrl+D", "Ctrl+B", "F1",
                     "Ctrl+T", "Ctrl+O", "Ctrl+E", "Ctrl+Shift+S", "Ctrl+M", "Alt+Left",
                     "Ctrl+Shift+C", "Ctrl+0", "Ctrl+,", "Ctrl+Shift+I", "Ctrl+Shift+E"):
        assert expected in keys, expected
    window.ui.actionShortcuts.trigger()
    page = window.help.dialogs["shortcuts"].browser.toPlainText()
    assert "Ctrl+Shift+S" in page and "Mouse back / forward buttons" in page


def _readme_shortcuts() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Keyboard shortcuts\n(.*?)(?=^## )", readme, re.M | re.S)
    assert match, "README.md has a '## Keyboard shortcuts' section"
    return match.group(1)


def test_readme_lists_every_shortcut(window) -> None:
    from kvmhelpdesk.gui.help import LOCAL_KEYS, action_shortcuts

    table = _readme_shortcuts()
    for _menu, what, keys in action_shortcuts(window):
        for key in keys.split(" or "):
            assert f"`{key}`" in table, f"README lacks {key} ({what})"
    for _where, what, keys in LOCAL_KEYS:
        for key in re.split(r" / | or |, then ", keys):
            assert key.lower() in table.lower(), f"README lacks {key} ({what})"


def test_no_two_actions_share_a_shortcut(window) -> None:
    from kvmhelpdesk.gui.help import action_shortcuts

    keys = [k for _m, _w, keys in action_shortcuts(window) for k in keys.split(" or ")]
    assert len(keys) == len(set(keys))


def test_about_names_versions_licence_and_content(window) -> None:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from kvmhelpdesk import __version__

    text = window.help.about_text()
    for part in (__version__, "MIT", qVersion(), pyside_version, "Python 3.",
                 "sles11-sp1", "0.12.5"):
        assert part in text
    assert window.ui.actionAboutQt.text().replace("&", "") == "About Qt"


def test_preferences_font_theme_release(window, qtbot) -> None:
    window.ui.actionPreferences.trigger()
    dialog = window.preferences
    ui = dialog.ui
    assert ui.settingsPath.text() == window.settings.fileName()
    assert ui.cachePath.text()
    base = QApplication.font().pointSizeF()
    try:
        ui.fontSizeBox.setValue(int(base) + 4)
        assert QApplication.font().pointSizeF() == int(base) + 4
        assert cfg.read(window.settings, cfg.Prefs.FONT_SIZE) == int(base) + 4
        ui.themeBox.setCurrentIndex(ui.themeBox.findData("dark"))
        assert window.theme.dark and cfg.read(window.settings, cfg.Prefs.THEME) == "dark"
        ui.releaseBox.setCurrentIndex(ui.releaseBox.findData("sles11-sp1"))
        assert cfg.read(window.settings, cfg.Prefs.DEFAULT_RELEASE) == "sles11-sp1"
    finally:
        ui.defaultsButton.click()
    assert abs(QApplication.font().pointSizeF() - window.theme.default_font_size()) < 0.01
    assert cfg.read(window.settings, cfg.Prefs.THEME) == "system" and not window.theme.dark
    assert cfg.read(window.settings, cfg.Prefs.DEFAULT_RELEASE) == ""


def test_default_release_preference_applies_to_the_knowledge_base(window, tmp_path) -> None:
    from tests.helpers.content import make_release

    pack = make_release(tmp_path / "pack")
    assert window.load_content_pack(str(pack))
    newest = window.kb.default_release
    other = next(r for r in window.kb.releases if r != newest)
    window.set_default_release(other)
    assert window.kb.default_release == other
    window.set_default_release("")
    assert window.kb.default_release == newest


def test_clearing_caches(window, qtbot, tmp_path, monkeypatch) -> None:
    from kvmhelpdesk.gui import preferences
    from kvmhelpdesk.kb import render

    monkeypatch.setattr(preferences, "cache_dir", lambda: tmp_path)
    (tmp_path / "index" / "abc").mkdir(parents=True)
    (tmp_path / "index" / "abc" / "seg").write_bytes(b"x" * 2048)
    (tmp_path / "content-parse.cache").write_bytes(b"y" * 100)
    (tmp_path / "rendered.cache").write_bytes(b"z")
    dialog = window.preferences
    dialog.load()
    assert dialog.ui.indexSize.text() == "2.0 KiB"
    dialog.ui.clearContentButton.click()
    assert not (tmp_path / "content-parse.cache").exists()
    assert not (tmp_path / "rendered.cache").exists()
    assert render._rendered is not None and not render._rendered._entries
    restarted: list[bool] = []
    monkeypatch.setattr(window.search, "restart", lambda: restarted.append(True))
    dialog.ui.clearIndexButton.click()
    assert not (tmp_path / "index").exists() and restarted
    assert dialog.ui.indexSize.text() == "being rebuilt…"
    (tmp_path / "index" / "new").mkdir(parents=True)  # the background rebuild, done
    (tmp_path / "index" / "new" / "seg").write_bytes(b"x" * 4096)
    dialog.show()
    window.search.ready.emit()
    assert dialog.ui.indexSize.text() == "4.0 KiB"  # not left stale
    dialog.close()


def test_preferences_show_the_real_font_size_and_grow_with_it(window, qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    window.ui.actionPreferences.trigger()
    dialog = window.preferences
    box = dialog.ui.fontSizeBox
    default = round(window.theme.default_font_size())
    assert box.value() == default and "desktop default" in box.text()
    before = dialog.size()
    try:
        box.setValue(15)
        assert QApplication.font().pointSizeF() == 15
        qtbot.waitUntil(lambda: dialog.width() >= dialog.sizeHint().width()
                        and dialog.height() >= dialog.sizeHint().height())
        assert dialog.height() > before.height()
        for child in (dialog.ui.clearContentButton, dialog.ui.buttonBox, dialog.ui.themeBox):
            rect = child.rect().translated(child.mapTo(dialog, child.rect().topLeft()))
            assert dialog.rect().contains(rect), child.objectName()
            assert child.width() >= child.minimumSizeHint().width(), child.objectName()
    finally:
        dialog.ui.defaultsButton.click()
    assert box.value() == default and cfg.read(window.settings, cfg.Prefs.FONT_SIZE) == 0
    close = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close)
    assert not close.icon().isNull()
    dialog.close()


def test_every_settings_key_is_declared_once() -> None:
    """QSettings keys live in gui/settings.py only; preferences apart from window state."""
    keys = [v for group in (cfg.Prefs, cfg.Reading, cfg.WindowState)
            for v in vars(group).values() if isinstance(v, cfg.Key)]
    names = [k.name for k in keys]
    assert len(names) == len(set(names))
    assert all(k.name.startswith("preferences/") for k in vars(cfg.Prefs).values()
               if isinstance(k, cfg.Key))
    assert not any(k.name.startswith("preferences/") for k in vars(cfg.WindowState).values()
                   if isinstance(k, cfg.Key))
    for path in (ROOT / "kvmhelpdesk").rglob("*.py"):
        if path.name == "settings.py" or "forms" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("value", "setValue", "remove", "contains")
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str) and "/" in node.args[0].value):
                raise AssertionError(f"{path}: settings key {node.args[0].value!r} "
                                     "outside gui/settings.py")


def test_context_help_text_for_the_find_bar(window) -> None:
    window.reading.find()
    assert "Esc" in window.reading.find_bar.ui.findField.toolTip()
    assert window.ui.actionFocusSearch.shortcut().toString() == "Ctrl+K"
    assert all(k.toString() != "Ctrl+F" for k in window.ui.actionFocusSearch.shortcuts())
    assert Qt.Key.Key_F  # Ctrl+F belongs to find in the entry now
