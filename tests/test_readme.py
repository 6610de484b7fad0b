"""The README's Quick start as a newcomer meets it: system packages first, exactly two set-up
commands, and CI runs the very test command the README gives."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def quick_start() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return text.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def commands(block: str) -> list[str]:
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_system_packages_come_before_the_two_set_up_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", quick_start(), re.S)
    packages, setup = blocks[0], blocks[1]
    assert all(line.startswith("sudo apt-get install") for line in commands(packages))
    install_and_start, test = commands(setup)  # exactly two
    assert install_and_start.endswith(".venv/bin/kvmhelpdesk")
    assert test.startswith("[ -d .venv ] || python3 -m venv .venv && ")  # reuses step 1's venv
    assert test.endswith(".venv/bin/python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", quick_start(), re.S)
    test = commands(blocks[1])[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci


def test_the_readme_says_the_window_needs_a_display_and_where_files_live() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert "The window needs a display" in text
    assert "## Where settings, caches and logs live" in text
    assert "../shared/corpus/" in text and "skipped with one line" in text
