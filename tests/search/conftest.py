"""Fixtures of the search tests: the shipped knowledge base indexed once per session.

Tests that damage an index work on their own copy (`fresh_cache`), so one build serves all.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.search import SearchEngine


@pytest.fixture(scope="session")
def built_cache(tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase) -> Path:
    """A cache dir holding a finished index of the shipped content."""
    folder = tmp_path_factory.mktemp("search-cache")
    engine = SearchEngine.open(kb, folder)
    assert engine.rebuilt and engine.location != ":memory:"
    engine.close()
    return folder


@pytest.fixture(scope="module")
def engine(built_cache: Path, kb: KnowledgeBase) -> Iterator[SearchEngine]:
    """An engine over the shipped content (reusing the session's index: no rebuild)."""
    opened = SearchEngine.open(kb, built_cache)
    yield opened
    opened.close()


@pytest.fixture
def fresh_cache(built_cache: Path, tmp_path: Path) -> Path:
    """A private copy of the built cache dir, free to be damaged."""
    copy = tmp_path / "cache"
    shutil.copytree(built_cache, copy)
    return copy
