"""Test-wide set-up: headless Qt, a private cache and config dir, and the shared knowledge base."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any Qt import: tests never open a real window and never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_QPA_PLATFORM"] = "offscreen"

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
SOURCE = SHARED / "source" / "kvm-supported.txt"


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep caches and settings of every test inside a temp dir."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("HOME", str(base / "home"))


@pytest.fixture(scope="session")
def kb():
    from kvmhelpdesk.kb import load_knowledge_base

    return load_knowledge_base()
