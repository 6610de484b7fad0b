"""Fixtures of the analyzer tests."""

from __future__ import annotations

import pytest

from kvmhelpdesk.kb import KnowledgeBase
from tests.analyze.support import fake_kb, feature, monitor, option


@pytest.fixture(scope="session")
def small_kb() -> KnowledgeBase:
    """A release that refuses what the real one allows, to show results follow the content."""
    return fake_kb([
        option("opt-machine", "-M", value_allowed=("pc-0.11",), value_refused=("pc",)),
        option("opt-drive", "-drive", params_allowed={"format": ("qcow2",)},
               params_refused={"format": ("raw",)}),
        option("opt-soundhw", "-soundhw"),
        option("opt-smp", "-smp", status="unsupported"),
        monitor("mon-savevm", "savevm"),
        monitor("mon-info", "info", status="unsupported"),
        feature("feat-qemu-only", "qemu-only", "supported", aliases=("-no-kvm",)),
    ])
