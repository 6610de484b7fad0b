"""Closed or full standard streams (`>&-`, `<&-`, `> /dev/full`): one line and exit 2, or 0
when the command needed nothing from them; `-` as the case reads standard input; messages say
what a path really is (issues 11, 12)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kvmhelpdesk.cli import main

ROOT = Path(__file__).resolve().parents[2]
CASE = {"format": "kvmhelpdesk-case", "version": 1, "title": "From stdin",
        "guests": [{"name": "web01", "os": "SLES 11 SP1", "vcpus": 2}]}
posix_shell = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell")
needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")


def shell(redirect: str, *args: str, program: str = "-m kvmhelpdesk",
          stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """`python -m kvmhelpdesk ARGS REDIRECT` through sh, which can close descriptors."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    quoted = " ".join("'" + a.replace("'", "'\\''") + "'" for a in args)
    command = f"exec '{sys.executable}' {program} {quoted} {redirect}"
    return subprocess.run(["sh", "-c", command], input=stdin, capture_output=True, env=env,
                          timeout=120, check=False)


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.kvmcase"
    path.write_text(json.dumps(CASE), encoding="utf-8")
    return path


@posix_shell
@pytest.mark.parametrize("args", [["kb", "list"],
                                  ["check", "--qemu-cmdline", "qemu-kvm -m 512", "--json"]])
def test_closed_standard_output_is_one_line_and_exit_2(args: list[str]) -> None:
    result = shell(">&-", *args)
    assert result.returncode == 2
    assert result.stderr.decode() == "kvmhelpdesk: error: cannot write to standard output: " \
                                     "it is closed\n"


@posix_shell
def test_closed_output_and_error_still_exit_2_quietly() -> None:
    result = shell(">&- 2>&-", "kb", "list")
    assert result.returncode == 2 and result.stdout == b"" and result.stderr == b""


@posix_shell
def test_nothing_to_write_means_a_closed_output_is_fine(case_file: Path, tmp_path: Path) -> None:
    report, saved = tmp_path / "report.txt", tmp_path / "saved.kvmcase"
    result = shell(">&-", "check", str(case_file), "-o", str(report), "--save-case", str(saved))
    assert result.returncode == 0, result.stderr
    assert "From stdin" in report.read_text() and json.loads(saved.read_text())["title"]


@posix_shell
@pytest.mark.parametrize("args", [["check", "--qemu-cmdline-file", "-"], ["check", "-"],
                                  ["check", "--libvirt-xml", "-"]])
def test_closed_standard_input_is_one_line_and_exit_2(args: list[str]) -> None:
    result = shell("<&-", *args)
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1, err
    assert "standard input is closed" in err and "Traceback" not in err


@posix_shell
def test_closed_descriptors_are_never_reused_for_files(tmp_path: Path) -> None:
    """With 0-2 closed, the next open() would get their numbers (and stray writes to the
    standard streams would land in that file); the guard puts /dev/null there first."""
    code = ("from kvmhelpdesk.cli.output import guard_standard_descriptors as g; g(); "
            f"import os; print(os.open({str(tmp_path / 'f')!r}, os.O_CREAT | os.O_WRONLY), "
            "file=open(os.path.join(" f"{str(tmp_path)!r}, 'fd'), 'w'))")
    result = shell("<&- >&- 2>&-", code, program="-c")
    assert result.returncode == 0
    assert int((tmp_path / "fd").read_text()) > 2


@posix_shell
@needs_dev_full
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["kb", "--help"],
                                  ["case.kvmcase", "--help"]])
def test_help_and_version_to_a_full_disk_are_an_error(args: list[str]) -> None:
    result = shell("> /dev/full", *args)
    assert result.returncode == 2
    assert result.stderr.decode() == "kvmhelpdesk: error: cannot write to standard output: " \
                                     "No space left on device\n"


@posix_shell
@needs_dev_full
@pytest.mark.parametrize("redirect", ["> /dev/full", ">&-"])
def test_the_gui_launchers_help_is_not_lost_silently(redirect: str) -> None:
    result = shell(redirect, "import sys; from kvmhelpdesk.cli import gui_main; "
                   "sys.argv[1:] = ['--help']; sys.exit(gui_main())", program="-c")
    assert result.returncode == 2
    assert result.stderr.decode().startswith("kvmhelpdesk: error: cannot write to standard "
                                             "output: ")


@posix_shell
def test_help_still_works() -> None:
    result = shell("", "--help")
    assert result.returncode == 0 and b"examples:" in result.stdout and result.stderr == b""


# -- `check -` and `probe-host --root FILE`: messages that are true ---------------------------
@posix_shell
def test_check_dash_reads_the_case_from_standard_input() -> None:
    result = shell("", "check", "-", "--json", stdin=json.dumps(CASE).encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "From stdin"


@posix_shell
def test_check_dash_with_bad_input_names_standard_input() -> None:
    result = shell("", "check", "-", stdin=b"{not json")
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1
    assert "the case from standard input" in err and "no such file" not in err


def test_only_one_input_reads_standard_input(capsys) -> None:
    assert main(["check", "-", "--qemu-cmdline-file", "-"]) == 2
    assert "only one input can be read from standard input" in capsys.readouterr().err


def test_probe_host_root_that_is_a_file_says_so(case_file: Path, capsys) -> None:
    assert main(["probe-host", "--root", str(case_file)]) == 2
    err = capsys.readouterr().err
    assert f"--root {case_file}: is a file, not a folder" in err and "no such" not in err
    assert main(["probe-host", "--root", str(case_file / "proc")]) == 2
    assert "no such folder" in capsys.readouterr().err
