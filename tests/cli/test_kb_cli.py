"""The `kvmhelpdesk kb` commands, --help, --version and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kvmhelpdesk import __version__
from kvmhelpdesk.cli import main
from tests.helpers.content import LIMITS_TOML, make_release


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_kb_list_plain(capsys) -> None:
    code, out, _ = run(capsys, "kb", "list", "--kind", "guest-os")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 12
    assert lines[0].startswith("os-sles11-sp1") and "Supported" in lines[0]


def test_kb_list_json(capsys) -> None:
    code, out, _ = run(capsys, "kb", "list", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) > 150
    assert set(data[0]) >= {"id", "kind", "title", "status", "release", "section"}


def test_kb_show_plain(capsys) -> None:
    code, out, _ = run(capsys, "kb", "show", "limit-guest-vcpus")
    assert code == 0
    assert "16" in out and "Supported Limits" in out


def test_kb_show_json(capsys) -> None:
    code, out, _ = run(capsys, "kb", "show", "opt-drive", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["fields"]["params_allowed"]["format"] == ["raw"]
    assert data["section_heading"] == "Appendix A"
    assert data["status"] == "supported"


def test_kb_show_unknown_id_is_one_line_exit_2(capsys) -> None:
    code, out, err = run(capsys, "kb", "show", "os-nope")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "os-nope" in err


def test_unknown_release(capsys) -> None:
    code, _, err = run(capsys, "kb", "list", "--release", "sles99")
    assert code == 2 and "sles99" in err


def test_extra_content_pack(capsys, tmp_path: Path) -> None:
    pack = make_release(tmp_path / "pack")
    code, out, _ = run(capsys, "--content", str(pack), "kb", "show", "limit-guest-vcpus",
                       "--release", "test-rel")
    assert code == 0 and "32" in out


def test_broken_extra_pack_warns_and_goes_on(capsys, tmp_path: Path) -> None:
    pack = make_release(tmp_path / "pack", limits=LIMITS_TOML.replace("value = 32", "value = ["))
    code, out, err = run(capsys, "--content", str(pack), "kb", "show", "os-win7")
    assert code == 0 and "Windows 7" in out
    assert "warning" in err and "limits.toml" in err


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_reads_well(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "kb" in out and "desktop app" in out and "examples:" in out


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "kvmhelpdesk", "kb", "show", "os-sles9-sp4"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "clock=pmtmr" in result.stdout and "ignore_lost_ticks" in result.stdout
