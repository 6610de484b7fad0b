"""Test-wide set-up: headless Qt, private home/cache/config dirs, and the shared knowledge base.

Everything a test (or a session-scoped fixture, which runs before any per-test fixture) could
write goes under one temporary folder made here, at import time: HOME and the XDG folders
point into it before the first fixture runs, so the real ~/.cache/kvmhelpdesk and
~/.config/kvmhelpdesk are never touched. tests/test_private_home.py proves it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Before any Qt import: tests never open a real window and never need a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
SOURCE = SHARED / "source" / "kvm-supported.txt"

_SESSION_HOME = Path(tempfile.mkdtemp(prefix="kvmhelpdesk-tests-"))


def _private_environment(base: Path) -> dict[str, str]:
    return {
        "HOME": str(base / "home"),
        "XDG_CACHE_HOME": str(base / "cache"),
        "XDG_CONFIG_HOME": str(base / "config"),
        "XDG_DATA_HOME": str(base / "data"),
        "XDG_STATE_HOME": str(base / "state"),
        # Qt's per-user runtime folder (local sockets live there); Qt wants it private (0700).
        "XDG_RUNTIME_DIR": str(base / "runtime"),
    }


def _apply(environment: dict[str, str]) -> None:
    for name, value in environment.items():
        Path(value).mkdir(mode=0o700, parents=True, exist_ok=True)
        os.environ[name] = value


_apply(_private_environment(_SESSION_HOME))


def pytest_configure(config: pytest.Config) -> None:
    # Hypothesis keeps its example database and caches in ./.hypothesis: not in the checkout.
    from hypothesis import settings
    from hypothesis.configuration import set_hypothesis_home_dir

    set_hypothesis_home_dir(_SESSION_HOME / "hypothesis")
    settings.register_profile("kvmhelpdesk", database=None)
    settings.load_profile("kvmhelpdesk")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)


@pytest.fixture(autouse=True)
def _private_dirs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with the private folders again, whatever the test before it changed."""
    for name, value in _private_environment(_SESSION_HOME).items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="session")
def kb():
    from kvmhelpdesk.kb import load_knowledge_base

    return load_knowledge_base()
