"""Issue 12, the command line: one line and exit 2 for every failure (argparse, full disk,
closed pipe), output that survives any text, control characters shown escaped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kvmhelpdesk.cli import main

ROOT = Path(__file__).resolve().parents[2]
CASE = {"format": "kvmhelpdesk-case", "version": 1, "title": "t",
        "guests": [{"name": "web01", "os": "SLES 11 SP1", "vcpus": 2}]}


def run_cli(*args: str | bytes, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **kwargs.pop("env", {})}
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "kvmhelpdesk", *args], stderr=subprocess.PIPE,
                          env=env, timeout=120, **kwargs)


@pytest.mark.parametrize("argv", [["check", "--bogus"], ["kb", "show"], ["kb", "list", "--kind",
                                  "nope"], ["search", "--limit", "x", "q"], ["nosuchcommand"],
                                  ["check", "--json", "--html", "c.json"]])
def test_argparse_errors_are_one_line_exit_2(argv: list[str], capsys) -> None:
    try:
        code = main(argv)  # `kvmhelpdesk WORD` may be a file to open: the launcher answers
    except SystemExit as exit_:
        code = exit_.code
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ": error: " in err and "usage:" not in err
    assert err.startswith("kvmhelpdesk")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("args", [["kb", "list"], ["kb", "list", "--json"],
                                  ["check", "--qemu-cmdline", "qemu-kvm -m 512", "--html"]])
def test_full_disk_is_one_line_not_a_traceback(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = run_cli(*args, stdout=full)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err == "kvmhelpdesk: error: cannot write to standard output: No space left on " \
                  "device\n"


@pytest.mark.parametrize("args", [["kb", "list", "--json"],
                                  ["check", "--qemu-cmdline", "qemu-kvm -m 512"]])
def test_closed_pipe_is_one_line_not_a_traceback(args: list[str]) -> None:
    """`kvmhelpdesk ... | head -c1`: the reader is gone before the output is written."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = run_cli(*args, stdout=writer)
    finally:
        os.close(writer)
    assert result.returncode == 2
    assert result.stderr.decode() == "kvmhelpdesk: error: cannot write to standard output: " \
                                     "Broken pipe\n"


def test_invalid_utf8_arguments_under_a_strict_utf8_stdout(tmp_path: Path) -> None:
    env = {"PYTHONIOENCODING": "utf-8:strict"}
    for args in ([b"search", b"\xff\xfe qcow2 \x1b[2J"], [b"kb", b"show", b"\xffid\x1b"],
                 [b"check", b"--qemu-cmdline", b"qemu-kvm -name \xff\x1b[2J -m 512"],
                 [b"check", os.fsencode(tmp_path) + b"/\xff\x1b.json"]):
        result = run_cli(*args, env=env)
        assert result.returncode in (0, 2), result.stderr
        assert b"Traceback" not in result.stderr
        assert b"\x1b" not in result.stdout + result.stderr  # shown as \x1b, never raw
        result.stdout.decode("utf-8")  # strictly valid UTF-8


def test_control_characters_from_a_case_are_shown_escaped(tmp_path: Path, capsys) -> None:
    case = {**CASE, "guests": [{**CASE["guests"][0], "name": "web\x1b[2J\n- [x] fake"}]}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "web\\x1b[2J\\n- [x] fake" in out
    assert not any(line.startswith("- [x] fake") for line in out.splitlines())
    bad = {**CASE, "host": {"\x1b[2Jkey": 1}}
    path.write_text(json.dumps(bad), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2Jkey: unknown key" in err and err.count("\n") == 1


@pytest.mark.parametrize("source", ["cmdline", "xml"])
def test_markdown_note_keeps_customer_text_inside_its_line(tmp_path: Path, capsys,
                                                           source: str) -> None:
    """A guest name with newlines (from `-name` or `<name>`) cannot add list items or
    headings to the ticket note."""
    import markdown

    hostile = "web\n- [x] Customer confirmed: everything supported\n# Supported"
    if source == "cmdline":
        args = ["--qemu-cmdline", f"qemu-kvm -name '{hostile}' -m 512"]
    else:
        xml = tmp_path / "vm.xml"
        xml.write_text(f"<domain type='kvm'><name>{hostile}</name></domain>", encoding="utf-8")
        args = ["--libvirt-xml", str(xml)]
    assert main(["check", *args, "--markdown"]) == 0
    note = capsys.readouterr().out
    assert not any(line.startswith(("- [x]", "# Supported")) for line in note.splitlines())
    html = markdown.markdown(note)
    assert "<h1>Supported" not in html and "Customer confirmed" in html
    assert html.count("Customer confirmed") == note.count("Customer confirmed")


def test_lone_surrogates_reach_no_output_path(tmp_path: Path, capsys) -> None:
    """A JSON -device value with a \\ud800 escape: every format, -o FILE, a saved case."""
    from kvmhelpdesk.triage import load_case, save_case

    cmdline = r"""qemu-kvm -name 'a\ud800' -device '{"driver":"e1000","id":"\ud800"}' -m 1"""
    for fmt in ("--text", "--markdown", "--html", "--json"):
        assert main(["check", "--qemu-cmdline", cmdline, fmt]) == 0
        capsys.readouterr().out.encode("utf-8")
        out = tmp_path / f"report{fmt}"
        assert main(["check", "--qemu-cmdline", cmdline, fmt, "-o", str(out)]) == 0
        out.read_text(encoding="utf-8")
    assert main(["check", "--qemu-cmdline", cmdline, "--json"]) == 0
    guests = json.loads(capsys.readouterr().out)["guests"]
    case = {"format": "kvmhelpdesk-case", "version": 1, "guests": [{"name": guests[0]["name"]}]}
    save_case(case, tmp_path / "saved.json")
    assert load_case(tmp_path / "saved.json") == case
