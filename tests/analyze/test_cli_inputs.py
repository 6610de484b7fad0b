"""The `check` input flags: reading files and stdin, one-line errors, and the JSON they feed."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from kvmhelpdesk.cli import main
from kvmhelpdesk.cli.check_inputs import add_input_arguments, gather_inputs
from kvmhelpdesk.cli.common import CliError
from kvmhelpdesk.kb import KnowledgeBase
from tests.analyze.support import SAMPLES


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--release")
    add_input_arguments(parser)
    return parser.parse_args(list(argv))


def test_no_input_flag_means_none(kb: KnowledgeBase) -> None:
    assert gather_inputs(parse(), kb) is None


def test_every_kind_of_input_together(kb: KnowledgeBase, tmp_path: Path) -> None:
    xml = tmp_path / "vm.xml"
    xml.write_text("<domain type='kvm'><name>x1</name><vcpu>2</vcpu></domain>")
    monitor = tmp_path / "mon.txt"
    monitor.write_text("(qemu) savevm s1\n")
    cmd = tmp_path / "cmd.txt"
    cmd.write_text("qemu-kvm -name c1 -m 512")
    analysis = gather_inputs(parse("--qemu-cmdline", "kvm -name c0 -smp 2",
                                   "--qemu-cmdline-file", str(cmd), "--libvirt-xml", str(xml),
                                   "--monitor", str(monitor), "--host-probe"), kb)
    assert analysis is not None
    assert [g["name"] for g in analysis.guests] == ["c0", "c1", "x1", "guest1"]
    assert analysis.guests[-1]["monitor_commands"] == ["savevm s1"]
    assert "cpu_cores" in analysis.host or "arch" in analysis.host


def test_monitor_joins_a_single_configured_guest(kb: KnowledgeBase, tmp_path: Path) -> None:
    monitor = tmp_path / "mon.txt"
    monitor.write_text("info status\nsavevm a\n")
    analysis = gather_inputs(parse("--qemu-cmdline", "qemu-kvm -name web -m 1G",
                                   "--monitor", str(monitor)), kb)
    assert analysis is not None
    assert analysis.guests == [{"name": "web", "memory_mb": 1024,
                                "monitor_commands": ["info status", "savevm a"]}]


def test_standard_input(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"qemu-kvm -m 256 -name piped\n"))
    monkeypatch.setattr("sys.stdin", stdin)
    analysis = gather_inputs(parse("--qemu-cmdline-file", "-"), kb)
    assert analysis is not None and analysis.guests[0]["name"] == "piped"


def test_only_one_input_from_standard_input(kb: KnowledgeBase) -> None:
    with pytest.raises(CliError, match="standard input"):
        gather_inputs(parse("--qemu-cmdline-file", "-", "--libvirt-xml", "-"), kb)


@pytest.mark.parametrize("flag", ["--qemu-cmdline-file", "--libvirt-xml", "--monitor"])
def test_missing_file_is_one_line(kb: KnowledgeBase, tmp_path: Path, flag: str) -> None:
    with pytest.raises(CliError, match="no such file") as caught:
        gather_inputs(parse(flag, str(tmp_path / "missing.txt")), kb)
    assert flag in str(caught.value) and "\n" not in str(caught.value)


def test_folder_instead_of_file(kb: KnowledgeBase, tmp_path: Path) -> None:
    with pytest.raises(CliError, match="is a folder"):
        gather_inputs(parse("--libvirt-xml", str(tmp_path)), kb)


def test_hostile_xml_is_a_cli_error_naming_the_file(kb: KnowledgeBase, tmp_path: Path) -> None:
    xml = tmp_path / "evil.xml"
    xml.write_text('<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><domain>&x;</domain>')
    with pytest.raises(CliError, match=r"evil\.xml: XML with a DOCTYPE"):
        gather_inputs(parse("--libvirt-xml", str(xml)), kb)


def test_empty_command_line_is_a_cli_error(kb: KnowledgeBase) -> None:
    with pytest.raises(CliError, match="--qemu-cmdline #1: the command line is empty"):
        gather_inputs(parse("--qemu-cmdline", "  "), kb)


def test_check_json_has_the_options_list(capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / "legacy-devices.args"
    assert main(["check", "--qemu-cmdline-file", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "unsupported"
    drive = next(o for o in data["options"] if o["option"] == "-drive")
    assert set(drive) >= {"option", "value", "status", "message", "entry"}
    assert (drive["status"], drive["entry"]) == ("unsupported", "opt-drive")
    # one problem, one finding: the disk's format, judged by triage (L283, L351)
    formats = [f for f in data["findings"] if f["entry"] == "opt-drive"]
    assert [(f["rule"], f["status"]) for f in formats] == [("storage.format", "unsupported")]


def test_check_with_hostile_xml_exits_2(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    xml = tmp_path / "lol.xml"
    xml.write_text('<!DOCTYPE l [<!ENTITY a "a">]><domain>&a;</domain>')
    assert main(["check", "--libvirt-xml", str(xml)]) == 2
    err = capsys.readouterr().err
    assert "DOCTYPE" in err and err.count("\n") == 1


def test_check_text_report_lists_unlisted_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--qemu-cmdline", "qemu-kvm -name a -S -m 512"]) == 0
    out = capsys.readouterr().out
    assert "-S" in out and "libvirt adds it" in out
