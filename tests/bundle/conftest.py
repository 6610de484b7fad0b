"""Fixtures of the support-bundle tests: bundles written at test time by the fixture builder."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvmhelpdesk.bundle import Bundle, read_bundle
from tests.helpers.supportconfig import SupportconfigBuilder, standard_bundle


@pytest.fixture
def builder() -> SupportconfigBuilder:
    return standard_bundle()


@pytest.fixture
def bundle(builder: SupportconfigBuilder, tmp_path: Path) -> Bundle:
    return read_bundle(builder.write_tar(tmp_path))


def line_of(builder: SupportconfigBuilder, file: str, number: int) -> str:
    """Line `number` (1-based) of a file the builder wrote."""
    return builder.render()[file].decode("utf-8").split("\n")[number - 1]


def assert_evidence_true(builder: SupportconfigBuilder, evidence: dict[str, dict]) -> None:
    """Every evidence entry quotes the line it names (an excerpt may be cut with '...')."""
    for path, source in evidence.items():
        line = line_of(builder, source["file"], source["line"]).strip()
        excerpt = source["excerpt"].removeprefix("...").removesuffix("...")
        assert excerpt in line, (path, source, line)
