"""Issue 12, analyzers: former quadratic inputs are linear and capped (one line naming the
cap), text is valid Unicode whatever arrives, files are decoded by their encoding."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kvmhelpdesk.analyze import (
    AnalyzeError,
    analyze_libvirt_xml,
    analyze_monitor,
    analyze_qemu_cmdline,
)
from kvmhelpdesk.analyze.guest import UniqueNames
from kvmhelpdesk.analyze.model import Analysis
from kvmhelpdesk.analyze.safexml import MAX_ELEMENTS
from kvmhelpdesk.analyze.tokenizer import find_commands
from kvmhelpdesk.cli import main
from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.triage.case import MAX_ITEMS
from kvmhelpdesk.triage.findings import Finding


def test_unique_names_number_each_repeat_once() -> None:
    names = UniqueNames()
    taken = [names.take(n) for n in ["a", "a", "a (2)", "a", "b", "a"]]
    assert taken == ["a", "a (2)", "a (2) (2)", "a (3)", "b", "a (4)"]
    many = [names.take("x") for _ in range(MAX_ITEMS)]  # linear: one step per name
    assert len(set(many)) == MAX_ITEMS and many[-1] == f"x ({MAX_ITEMS})"


def test_each_finding_once_also_when_appended_directly() -> None:
    result = Analysis()
    one = Finding("r", "guest:a", "unsupported", "m", None, None)
    assert result.add_finding(one) and not result.add_finding(one)
    other = Finding("r", "guest:b", "unsupported", "m", None, None)
    result.findings.append(other)  # as libvirt_xml does for a non-KVM domain
    assert not result.add_finding(other)
    result.findings = []
    assert result.add_finding(one) and result.findings == [one]


def test_repeated_options_give_one_finding(kb: KnowledgeBase) -> None:
    text = "qemu-kvm " + " ".join(f"-opt{i % 7} v" for i in range(3000))
    analysis = analyze_qemu_cmdline(text, kb)
    assert len(analysis.options) == 3000
    assert len(analysis.findings) == 7


def test_find_commands_keeps_each_prefix_of_its_own_line() -> None:
    text = "\n".join(f"root {100 + i} 1 0 kvm -m {i + 1}" for i in range(500))
    commands = find_commands(text)
    assert len(commands) == 500
    assert commands[-1].prefix == ["root", "599", "1", "0"]
    assert commands[-1].args == ["-m", "500"]


def test_caps_on_commands_options_domains_and_lists(kb: KnowledgeBase) -> None:
    with pytest.raises(AnalyzeError, match=r"4,097 qemu command lines: at most 4,096 guests"):
        analyze_qemu_cmdline("\n".join("kvm -m 1" for _ in range(MAX_ITEMS + 1)), kb)
    with pytest.raises(AnalyzeError, match=r"4,097 options: at most 4,096 are analyzed"):
        analyze_qemu_cmdline("qemu-kvm" + " -m 1" * (MAX_ITEMS + 1), kb)
    domains = "<domain type='kvm'><name>a</name></domain>" * (MAX_ITEMS + 1)
    with pytest.raises(AnalyzeError, match=r"4,097 <domain> elements: at most 4,096 guests"):
        analyze_libvirt_xml(f"<all>{domains}</all>", kb)
    disks = "<disk><target dev='vda'/></disk>" * (MAX_ITEMS + 1)
    with pytest.raises(AnalyzeError, match=r"guest 'd' has 4,097 disks: a case holds at most"):
        analyze_libvirt_xml(f"<domain type='kvm'><name>d</name><devices>{disks}</devices>"
                            "</domain>", kb)
    with pytest.raises(AnalyzeError, match=r"4,097 monitor commands"):
        analyze_monitor("\n".join(f"info {i}" for i in range(MAX_ITEMS + 1)), kb)


def test_element_cap_counts_every_document_of_the_input(kb: KnowledgeBase) -> None:
    """396k empty domains in 3.5 MB used 2.65 GB: the cap covers the whole input now."""
    per_document = MAX_ELEMENTS // 4
    document = "<d>" + "<domain/>" * per_document + "</d>"
    with pytest.raises(AnalyzeError, match="more than 100,000 elements"):
        analyze_libvirt_xml(document * 5, kb)


def test_lone_surrogates_in_json_values_become_replacement_characters(kb) -> None:
    analysis = analyze_qemu_cmdline(
        r"""qemu-kvm -name "\ud800" -device '{"driver":"virtio-net-pci","id":"\ud800",""" +
        r""" "mac":"\udcff"}' -m 512""", kb)
    text = json.dumps(analysis.to_dict(), ensure_ascii=False)
    text.encode("utf-8")  # no lone surrogate left anywhere
    assert "\ufffd" in text
    monitor = analyze_monitor('{"execute": "\\ud800"}', kb)
    assert monitor.guests[0]["monitor_commands"] == ["\ufffd"]
    assert analyze_qemu_cmdline("qemu-kvm -name web\ud800 -m 1", kb).guests[0]["name"] \
        == "web\ufffd"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_command_line_files_in_utf16_are_read(kb, encoding: str) -> None:
    data = "qemu-kvm -name café -m 512\n".encode(encoding)
    assert analyze_qemu_cmdline(data, kb).guests[0] == {"name": "café", "memory_mb": 512}


@pytest.mark.parametrize("encoding", ["ISO-8859-1", "Shift_JIS", "UTF-16"])
def test_xml_bytes_are_read_by_their_declared_encoding(kb, encoding: str) -> None:
    name = "café" if encoding == "ISO-8859-1" else "仮想マシン"
    text = (f"<?xml version='1.0' encoding='{encoding}'?>\n"
            f"<domain type='kvm'><name>{name}</name></domain>")
    analysis = analyze_libvirt_xml(text.encode(encoding), kb)
    assert analysis.guests[0]["name"] == name


def test_unknown_declared_encoding_and_utf16_read_as_text_are_named(kb) -> None:
    with pytest.raises(AnalyzeError, match="declares the encoding 'x-klingon'"):
        analyze_libvirt_xml(b"<?xml version='1.0' encoding='x-klingon'?><domain/>", kb)
    garbled = "<domain type='kvm'/>".encode("utf-16-le").decode("latin-1")
    with pytest.raises(AnalyzeError, match="looks like UTF-16"):
        analyze_libvirt_xml(garbled, kb)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("flag", ["--qemu-cmdline-file", "--libvirt-xml", "--monitor"])
def test_fifo_inputs_are_refused_at_once(tmp_path: Path, capsys, flag: str) -> None:
    fifo = tmp_path / "input"
    os.mkfifo(fifo)
    assert main(["check", flag, str(fifo)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a named pipe (FIFO), not a regular file" in err


def test_utf16_and_latin1_files_through_the_cli(tmp_path: Path, capsys) -> None:
    cmdline = tmp_path / "ps.txt"
    cmdline.write_bytes("qemu-kvm -name café -m 512".encode("utf-16"))
    xml = tmp_path / "vm.xml"
    xml.write_bytes("<?xml version='1.0' encoding='ISO-8859-1'?><domain type='kvm'><name>"
                    "müller</name></domain>".encode("latin-1"))
    assert main(["check", "--qemu-cmdline-file", str(cmdline), "--libvirt-xml", str(xml),
                 "--json"]) == 0
    names = [g["name"] for g in json.loads(capsys.readouterr().out)["guests"]]
    assert names == ["café", "müller"]


def test_numbers_beyond_what_a_case_holds_are_no_answer(kb: KnowledgeBase) -> None:
    analysis = analyze_qemu_cmdline("qemu-kvm -m 999999999999999T "
                                    "-smp sockets=999999999,cores=999999999,threads=999999", kb)
    assert analysis.guests == [{"name": "guest1"}]  # triage asks to confirm them instead
