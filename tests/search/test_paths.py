"""Per-user cache and config dirs without Qt."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvmhelpdesk import paths


def test_xdg_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "k"))
    assert paths.cache_dir() == tmp_path / "c" / "kvmhelpdesk"
    assert paths.config_dir() == tmp_path / "k" / "kvmhelpdesk"


@pytest.mark.parametrize("platform, cache, config", [
    ("linux", ".cache/kvmhelpdesk", ".config/kvmhelpdesk"),
    ("darwin", "Library/Caches/kvmhelpdesk", "Library/Application Support/kvmhelpdesk"),
])
def test_platform_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str,
                           cache: str, config: str) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(paths.sys, "platform", platform)
    assert paths.cache_dir() == tmp_path / cache
    assert paths.config_dir() == tmp_path / config


def test_windows_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setattr(paths.sys, "platform", "win32")
    assert paths.cache_dir() == tmp_path / "Local" / "kvmhelpdesk" / "Cache"
    assert paths.config_dir() == tmp_path / "Roaming" / "kvmhelpdesk"


def test_relative_xdg_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(paths.sys, "platform", "linux")
    assert paths.cache_dir() == tmp_path / ".cache" / "kvmhelpdesk"
