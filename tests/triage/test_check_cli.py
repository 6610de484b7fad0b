"""`kvmhelpdesk check`: formats, exit status, one-line errors, merging analyzed input."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from kvmhelpdesk.analyze.model import Analysis
from kvmhelpdesk.cli import main
from kvmhelpdesk.triage import Finding, OptionFinding, save_case
from tests.helpers.cases import make_case, make_guest


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    save_case(make_case(title="Ticket 4711"), path)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_is_the_default(capsys, case_file: Path) -> None:
    code, out, err = run(capsys, str(case_file))
    assert code == 0 and err == ""
    assert "Verdict: Supported" in out and "Ticket 4711" in out


def test_json_document(capsys, case_file: Path) -> None:
    code, out, _ = run(capsys, str(case_file), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["verdict"] == "supported" and data["release"] == "sles11-sp1"
    assert data["guests"][0]["os_entry"] == "os-sles11-sp1"
    assert data["options"] == [] and isinstance(data["performance"], list)


@pytest.mark.parametrize(("flag", "marker"), [("--markdown", "# KVM support check"),
                                              ("--html", "<!DOCTYPE html>"),
                                              ("--text", "=====")])
def test_formats(capsys, case_file: Path, flag: str, marker: str) -> None:
    code, out, _ = run(capsys, str(case_file), flag)
    assert code == 0 and marker in out


def test_output_file(capsys, case_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    code, out, _ = run(capsys, str(case_file), "--markdown", "-o", str(target))
    assert code == 0 and out == ""
    assert "limit-guest-vcpus" in target.read_text(encoding="utf-8")


def test_unsupported_verdict_still_exits_zero(capsys, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    save_case(make_case(guests=[make_guest(vcpus=17, os="Windows 2000")]), path)
    code, out, _ = run(capsys, str(path), "--json")
    assert code == 0 and json.loads(out)["verdict"] == "unsupported"


@pytest.mark.parametrize(
    ("content", "words"),
    [(None, "no such file"), ("{\"format\": \"kvmhelpdesk-case\", ", "not valid JSON"),
     ("{\"format\": \"x\", \"version\": 1}", "not a KVM Helpdesk case file"),
     ("{\"format\": \"kvmhelpdesk-case\", \"version\": 9}", "newer"),
     ("{\"format\": \"kvmhelpdesk-case\", \"version\": 1, \"guests\": [{\"disks\": "
      "[{\"format\": 1}]}]}", "guests[0].disks[0].format"),
     ("{\"format\": \"kvmhelpdesk-case\", \"version\": 1, \"release\": \"sles99\"}",
      "unknown release 'sles99'")],
)
def test_bad_input_exits_2_with_one_line(capsys, tmp_path: Path, content: str | None,
                                         words: str) -> None:
    path = tmp_path / "case.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, str(path), "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("kvmhelpdesk: error: ")
    assert words in err


def test_no_case_and_no_input_flags(capsys) -> None:
    code, _, err = run(capsys)
    assert code == 2 and "case file" in err


def test_release_flag(capsys, case_file: Path) -> None:
    code, _, err = run(capsys, str(case_file), "--release", "nope")
    assert code == 2 and "unknown release" in err


def test_pdf_goes_through_the_desktop_hook(capsys, case_file: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    written: dict[str, str] = {}
    fake = types.ModuleType("kvmhelpdesk.gui.pdf")
    fake.write_pdf = lambda html, path: written.update(html=html, path=path)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kvmhelpdesk.gui.pdf", fake)
    code, out, _ = run(capsys, str(case_file), "--pdf", str(tmp_path / "r.pdf"))
    assert code == 0 and out == ""
    assert written["path"] == str(tmp_path / "r.pdf") and "<html" in written["html"]


def test_pdf_without_desktop_components(capsys, case_file: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "kvmhelpdesk.gui.pdf", None)  # import fails
    code, _, err = run(capsys, str(case_file), "--pdf", "out.pdf")
    assert code == 2 and "--pdf needs the desktop components" in err


def _analysis() -> Analysis:
    return Analysis(
        host={"arch": "i586", "cpu_cores": 4, "ntp": True},
        guests=[make_guest(name="from-cmdline", os="RHEL 6.1", clock="other",
                           ntp_in_guest=True)],
        options=[OptionFinding("-soundhw", "ac97", "unsupported", "refused", "opt-soundhw",
                               "guest:from-cmdline"),
                 OptionFinding("-frob", "", "unlisted", "on no list", None)],
        findings=[Finding("analyze.option", "guest:from-cmdline", "unsupported",
                          "-soundhw is not supported", "opt-soundhw", "Appendix A")],
        errors=["line 3: unbalanced quote"],
    )


def test_analyzed_input_merges_into_the_case(capsys, case_file: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kvmhelpdesk.cli.check_cmd.gather_inputs", lambda args, kb: _analysis())
    code, out, err = run(capsys, str(case_file), "--json")
    data = json.loads(out)
    assert code == 0 and "unbalanced quote" in err
    assert [g["name"] for g in data["guests"]] == ["sles01", "from-cmdline"]
    assert data["guests"][1]["verdict"] == "unsupported"
    assert data["verdict"] == "unsupported"
    assert [o["option"] for o in data["options"]] == ["-soundhw", "-frob"]
    arch = next(f for f in data["findings"] if f["rule"] == "host.arch")
    assert arch["status"] == "supported"  # the case's x86_64 wins over the probe


def test_input_flags_without_a_case_file(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kvmhelpdesk.cli.check_cmd.gather_inputs", lambda args, kb: _analysis())
    code, out, _ = run(capsys, "--markdown")
    assert code == 0
    assert "Needs review: not covered by the statement" in out
    assert "i586" in out  # host answers came from the analysis


def test_invalid_analyzed_guest_is_a_one_line_error(capsys,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    bad = Analysis(guests=[{"name": "x", "vcpu": 2}])
    monkeypatch.setattr("kvmhelpdesk.cli.check_cmd.gather_inputs", lambda args, kb: bad)
    code, _, err = run(capsys)
    assert code == 2 and "guests[0].vcpu" in err and err.count("\n") == 1
