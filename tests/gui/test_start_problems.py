"""Nothing the app reads at start may block, and every problem at start is told (issues 11,
12): a FIFO as the settings file gives in-memory settings and a one-line warning; every
broken remembered content pack is reported, matched to its folder exactly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kvmhelpdesk.gui import settings as cfg
from tests.helpers.content import make_release

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
linux_only = pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                                reason="the settings file is checked on Linux")


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "config"
    (home / "kvmhelpdesk").mkdir(parents=True)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


@linux_only
def test_the_user_settings_file_is_the_documented_one(config_home: Path) -> None:
    settings, warning = cfg.user_settings("kvmhelpdesk", "kvmhelpdesk")
    assert warning == ""
    assert settings.fileName() == str(config_home / "kvmhelpdesk" / "kvmhelpdesk.ini")
    cfg.write(settings, cfg.Prefs.THEME, "dark")
    settings.sync()
    assert "dark" in (config_home / "kvmhelpdesk" / "kvmhelpdesk.ini").read_text()


@linux_only
@needs_fifo
@pytest.mark.parametrize("name", ["kvmhelpdesk.ini", "kvmhelpdesk.ini.lock"])
def test_a_fifo_as_the_settings_file_means_settings_in_memory(config_home: Path,
                                                             name: str) -> None:
    fifo = config_home / "kvmhelpdesk" / name
    os.mkfifo(fifo)  # no writer: Qt's reading it would wait for ever
    settings, warning = cfg.user_settings("kvmhelpdesk", "kvmhelpdesk")
    assert f"{fifo} is a named pipe (FIFO), not a regular file" in warning
    assert "\n" not in warning
    assert cfg.read(settings, cfg.Prefs.THEME) == "system"  # defaults
    cfg.write(settings, cfg.Prefs.THEME, "dark")  # kept for the session...
    settings.sync()
    assert cfg.read(settings, cfg.Prefs.THEME) == "dark"
    assert sorted(p.name for p in config_home.rglob("*")) == ["kvmhelpdesk", name]  # ...only


@linux_only
@needs_fifo
def test_the_app_starts_with_a_fifo_as_its_settings_file(tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "kvmhelpdesk").mkdir(parents=True)
    os.mkfifo(config / "kvmhelpdesk" / "kvmhelpdesk.ini")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KVMHELPDESK_EXIT_WHEN_READY": "1",
           "XDG_RUNTIME_DIR": str(tmp_path), "XDG_CONFIG_HOME": str(config)}
    result = subprocess.run([sys.executable, "-m", "kvmhelpdesk"], capture_output=True,
                            text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ready: ")
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "named pipe (FIFO)" in warnings[0]
    assert warnings[0].startswith("kvmhelpdesk: warning: the settings file ")


# -- content packs left out at start ------------------------------------------------------------
def test_every_broken_pack_is_reported_and_names_match_exactly(qtbot, settings, tmp_path: Path,
                                                             capsys) -> None:
    from kvmhelpdesk.gui.app import create_window

    good = make_release(tmp_path / "pack", release=_release("pack-rel"))
    # Names that contain the good pack's folder: matching by substring took the good pack
    # for a broken one.
    broken_one = make_release(tmp_path / "pack-old", limits="x = [\n")
    broken_two = make_release(tmp_path / "pack-older", extra={"thesaurus.toml": "synonyms = 5"})
    cfg.write(settings, cfg.Prefs.EXTRA_CONTENT, [str(broken_one), str(good), str(broken_two)])
    window = create_window(settings=settings)
    qtbot.addWidget(window)
    assert window.extra_content == [str(good)]
    assert "pack-rel" in window.kb.releases
    assert set(window.kb.left_out) == {str(broken_one), str(broken_two)}
    message = window.statusBar().currentMessage()
    assert message.startswith("2 problems at start: Content pack left out: ")
    assert str(broken_one) in message and str(broken_two) in message
    assert window.statusBar().toolTip().count("\n") == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.startswith("kvmhelpdesk: warning: Content pack left out: ")
            for line in err] == [True, True]


def test_a_pack_loads_whole_or_not_at_all(tmp_path: Path) -> None:
    from kvmhelpdesk.kb import load_knowledge_base

    pack = tmp_path / "two"
    make_release(pack / "a", release=_release("rel-a"))
    make_release(pack / "b", release=_release("rel-b"), limits="x = [\n")
    kb = load_knowledge_base([str(pack)])
    assert "rel-a" not in kb.releases and list(kb.left_out) == [str(pack)]


def test_loading_a_pack_by_hand_matches_its_folder_exactly(window, dialogs, tmp_path: Path,
                                                          monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    broken = make_release(tmp_path / "pack-old", limits="x = [\n")
    window.extra_content = [str(broken)]  # remembered and broken
    good = make_release(tmp_path / "pack", release=_release("pack-rel"))
    assert window.load_content_pack(str(good)) is True and told == []
    assert "pack-rel" in window.kb.releases


def _release(release_id: str) -> str:
    from tests.helpers.content import RELEASE_TOML

    return RELEASE_TOML.replace('id = "test-rel"', f'id = "{release_id}"', 1)
