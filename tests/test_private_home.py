"""The suite writes only to temporary folders: its fixtures, run with a fresh HOME, leave it
empty, and nothing new appears in the checkout.

Session-scoped fixtures (the knowledge base with its parse cache, the search index) run before
any per-test fixture, so they are the ones that used to reach the real ~/.cache/kvmhelpdesk;
hypothesis and ruff keep caches in the working folder unless told otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# A small subset that uses every kind of fixture: the session knowledge base, the session
# search index, a main window with its settings, a CLI command, hypothesis and ruff.
SUBSET = (
    "tests/search/test_api.py::test_limit",
    "tests/gui/test_mainwindow.py::test_opens_on_the_overview",
    "tests/cli/test_kb_cli.py::test_kb_show_plain",
    "tests/analyze/test_fuzz.py::test_any_text_as_xml",
    "tests/test_ruff.py::test_ruff_clean",
)


def test_fixtures_write_nothing_to_a_fresh_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("XDG_") and k not in ("HOME", "PYTEST_ADDOPTS")}
    env.update(HOME=str(home), TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    checkout_before = set(REPO.iterdir())
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SUBSET],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"{len(SUBSET)} passed" in result.stdout
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert written == [], f"the tests wrote into HOME: {written}"
    assert set(REPO.iterdir()) - checkout_before == set(), "the tests wrote into the checkout"
