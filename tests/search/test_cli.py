"""`kvmhelpdesk search`: the JSON contract and the readable list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kvmhelpdesk.cli import main


@pytest.fixture(autouse=True)
def shared_index(built_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the CLI's default cache dir at the session's index (no rebuild per test)."""
    from kvmhelpdesk import paths

    monkeypatch.setattr(paths, "cache_dir", lambda: built_cache.parent / "cli-cache")
    target = built_cache.parent / "cli-cache" / "index"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(built_cache, target_is_directory=True)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["search", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "hot", "add", "cpu")
    assert set(data) == {"query", "hits", "suggestion", "total", "notice"}
    assert data["query"] == "hot add cpu" and data["suggestion"] is None
    first = data["hits"][0]
    assert {"id", "kind", "title", "status", "score", "snippet"} <= set(first)
    assert first["id"] == "feat-cpu-hotplug" and first["status"] == "unsupported"
    assert isinstance(first["score"], float) and isinstance(first["snippet"], str)


def test_dash_words_are_query_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "-no-kvm")["hits"][0]["id"] == "feat-qemu-only"
    assert run_json(capsys, "--limit", "2", "-pcidevice")["hits"][0]["id"] == "opt-pcidevice"
    assert main(["search", "--json", "--", "-M"]) == 0
    assert json.loads(capsys.readouterr().out)["hits"][0]["id"] == "opt-machine"


def test_filters_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "cpu", "--kind", "monitor-command", "--status", "unsupported",
                    "--limit", "3")
    assert 0 < len(data["hits"]) <= 3
    assert all(h["kind"] == "monitor-command" and h["status"] == "unsupported"
               for h in data["hits"])


def test_suggestion_in_json_and_plain(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "ballon ")["suggestion"] == "balloon"
    assert main(["search", "ballon"]) == 0
    assert "Did you mean: balloon" in capsys.readouterr().out


def test_plain_output_is_a_ranked_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "savevm", "--limit", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(" 1. savevm") and "mon-savevm" in out[0]
    assert out[1].startswith("    ")  # the snippet, indented under its hit


def test_no_hits_and_empty_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "***"]) == 0
    assert "No entries match" in capsys.readouterr().out
    assert main(["search"]) == 2
    assert "needs a QUERY" in capsys.readouterr().err


def test_bad_options_still_fail(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["search", "cpu", "--limit", "0"])
    with pytest.raises(SystemExit):
        main(["search", "cpu", "--kind", "nonsense"])
    assert main(["search", "cpu", "--release", "nope"]) == 2


def test_notice_and_total_in_json_and_plain(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "Windows", "Server", "2012", "--limit", "2")
    assert data["notice"].startswith("Not in the SLES 11 SP1 statement:")
    assert data["total"] > len(data["hits"]) == 2
    assert main(["search", "Xen", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Not in the SLES 11 SP1 statement: Xen is another hypervisor")
    assert main(["search", "guest", "--limit", "3"]) == 0
    assert "3 of " in capsys.readouterr().out.splitlines()[-1]


def test_status_none_selects_entries_without_a_status(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "disk", "--status", "none")
    assert data["hits"] and all(h["status"] is None for h in data["hits"])


def test_an_unusable_index_cache_is_a_warning_line_like_any_other(
        capsys: pytest.CaptureFixture[str], tmp_path, monkeypatch) -> None:
    """The core logs it; the CLI prints it as `kvmhelpdesk: warning: ...` (it was the bare
    message) and still answers from an in-memory index."""
    from kvmhelpdesk import paths

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setattr(paths, "cache_dir", lambda: blocker)
    assert main(["search", "cpu", "hotplug"]) == 0
    out, err = capsys.readouterr()
    assert out
    assert err.startswith("kvmhelpdesk: warning: search index cache unusable (")
    assert err.count("\n") == 1
