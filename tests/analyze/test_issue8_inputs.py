"""Issue 8 for customer input: monitor input must hold a monitor command, an imported command
line reports each problem once, and options the knowledge base doubts need review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kvmhelpdesk.analyze import AnalyzeError, analyze_monitor, analyze_qemu_cmdline
from kvmhelpdesk.cli import main
from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.triage import check, empty_case, merge_case

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize("content", [README.read_bytes(), bytes(range(256)) * 20,
                                     b"hello world\nthis is not a transcript\n",
                                     b"Notes\nprint it (File, Print) or copy it\nthe end\n"])
def test_check_monitor_refuses_what_holds_no_command(tmp_path: Path, content: bytes,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "input"
    path.write_bytes(content)
    assert main(["check", "--monitor", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert "no monitor command found" in captured.err


def test_a_list_keeps_its_commands_and_says_what_it_left_out(kb: KnowledgeBase) -> None:
    analysis = analyze_monitor("savevm a\nsome remark\ninfo status\n", kb)
    assert analysis.guests[0]["monitor_commands"] == ["savevm a", "info status"]
    assert analysis.errors == ["1 line starting with no monitor command was left out"]
    with pytest.raises(AnalyzeError):
        analyze_monitor("just words\n", kb)


def verdict_of(kb: KnowledgeBase, cmdline: str):
    analysis = analyze_qemu_cmdline(cmdline, kb)
    verdict = check(merge_case(empty_case(), analysis.host, analysis.guests), kb)
    verdict.add(analysis.findings, analysis.options)
    return verdict


def test_each_problem_of_a_command_line_is_reported_once(kb: KnowledgeBase) -> None:
    """kvm-supported.txt L283/L351 (raw only), L296 (rtl8139, virtio), L355 (-soundhw)."""
    verdict = verdict_of(kb, "qemu-kvm -name w -m 1024 -drive file=/a.img,format=qcow2,if=virtio "
                             "-net nic,model=e1000 -net tap -soundhw es1370 "
                             "-usbdevice keyboard -balloon virtio")
    problems = [f for f in verdict.findings if f.status == "unsupported"]
    assert sorted(f.rule for f in problems) == ["management.devices", "management.devices",
                                                "network.model", "storage.format"]
    assert not any(f.rule == "qemu-option" for f in problems)
    assert all(f.entry for f in problems)
    table = {f"{o.option} {o.value}": o.status for o in verdict.options}  # the option view
    assert table["-drive file=/a.img,format=qcow2,if=virtio"] == "unsupported"
    assert table["-net nic,model=e1000"] == table["-soundhw es1370"] == "unsupported"
    assert table["-balloon virtio"] == "supported"
    assert not [f for f in verdict.findings if "balloon" in f.message]


def test_problems_triage_does_not_see_keep_their_option_finding(kb: KnowledgeBase) -> None:
    """kvm-supported.txt L347 (-M isapc), L361 (-net socket): refused options."""
    verdict = verdict_of(kb, "qemu-kvm -name w -M isapc -net socket,listen=:1234")
    found = sorted(f.message for f in verdict.findings
                   if f.rule == "qemu-option" and f.status == "unsupported")
    assert found[0].startswith("-M isapc") and found[1].startswith("-net socket")


@pytest.mark.parametrize(("option", "why"), [
    ("-netdev socket,id=n1,listen=:1234", "socket is neither allowed nor refused"),
    ("-mon chardev=m0,mode=control", "mode=control is neither allowed nor refused"),
    ("-loadvm snap1", "does not explain"),
])
def test_options_the_knowledge_base_doubts_need_review(kb: KnowledgeBase, option: str,
                                                       why: str) -> None:
    """kvm-supported.txt L297 (-netdev) vs L361 (-net socket refused); L305 (-mon) vs L364
    (-qmp refused); L309 (-loadvm) vs L379-380 (savevm, loadvm refused) and L274 (raw only)."""
    analysis = analyze_qemu_cmdline(f"qemu-kvm -name w {option}", kb)
    [item] = [o for o in analysis.options if o.option == option.split()[0]]
    assert item.status == "unlisted" and why in item.message and "needs review" in item.message
    assert any(f.status == "unlisted" for f in analysis.findings)


def test_plain_netdev_and_mon_stay_supported(kb: KnowledgeBase) -> None:
    analysis = analyze_qemu_cmdline("qemu-kvm -netdev tap,id=n0 -mon chardev=m,mode=readline",
                                    kb)
    assert {o.option: o.status for o in analysis.options} == {"-netdev": "supported",
                                                              "-mon": "supported"}


def test_check_json_documents_one_line_per_problem(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ps.txt"
    path.write_text("qemu-kvm -name web -drive file=/x.img,format=qcow2 -net nic,model=e1000")
    assert main(["check", "--qemu-cmdline-file", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    unsupported = [f for f in data["findings"] if f["status"] == "unsupported"]
    assert sorted(f["rule"] for f in unsupported) == ["network.model", "storage.format"]
    assert all(f["basis"] and f["key"] for f in unsupported)
