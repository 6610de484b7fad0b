"""Monitor transcripts and command lists, classified against the release's monitor lists."""

from __future__ import annotations

import pytest

from kvmhelpdesk.analyze import AnalyzeError, analyze_monitor, analyze_qemu_cmdline, combine
from kvmhelpdesk.analyze.monitor import parse_monitor
from kvmhelpdesk.kb import KnowledgeBase

TRANSCRIPT = """\
QEMU 0.12.5 monitor - type 'help' for more information
(qemu) info status
VM status: running
(qemu) savevm snap1
(qemu) p $pc
0x000000000010001c
(qemu)
(qemu) balloon 512
"""


def test_only_prompt_lines_of_a_transcript_are_commands() -> None:
    assert parse_monitor(TRANSCRIPT) == ["info status", "savevm snap1", "p $pc", "balloon 512"]


def test_plain_lists_virsh_and_qmp_lines() -> None:
    text = ("# what the customer ran\nsavevm before-update\n"
            "virsh qemu-monitor-command vm1 --hmp 'delvm before-update'\n"
            '{"execute": "human-monitor-command", "arguments": {"command-line": "info kvm"}}\n'
            '{"execute": "query-status"}\n\n')
    assert parse_monitor(text) == ["savevm before-update", "delvm before-update", "info kvm",
                                   "query-status"]


def test_classification_follows_the_release(kb: KnowledgeBase) -> None:
    analysis = analyze_monitor(TRANSCRIPT, kb)
    assert analysis.guests == [{"name": "guest1", "monitor_commands": [
        "info status", "savevm snap1", "p $pc", "balloon 512"]}]
    status = {m.option: (m.status, m.entry) for m in analysis.monitor}
    assert status["info"] == ("supported", "mon-info")
    assert status["savevm"] == ("unsupported", "mon-savevm")
    assert status["p"][0] == "supported" and status["p"][1]
    assert status["balloon"] == ("supported", "mon-balloon")
    assert [m.value for m in analysis.monitor][:2] == ["status", "snap1"]
    assert analysis.findings == []  # the verdict comes from triage's monitor rule


def test_unknown_commands_are_unlisted(kb: KnowledgeBase) -> None:
    [item] = analyze_monitor("query-status", kb).monitor
    assert (item.status, item.entry) == ("unlisted", None)
    assert "QMP" in item.message


def test_another_release_changes_the_result(small_kb: KnowledgeBase) -> None:
    status = {m.option: m.status for m in analyze_monitor("savevm a\ninfo kvm", small_kb).monitor}
    assert status == {"savevm": "supported", "info": "unsupported"}


def test_monitor_commands_join_the_only_guest(kb: KnowledgeBase) -> None:
    config = analyze_qemu_cmdline("qemu-kvm -name web1 -m 512", kb)
    merged = combine([config], [analyze_monitor("savevm s", kb)])
    assert merged.guests == [{"name": "web1", "memory_mb": 512, "monitor_commands": ["savevm s"]}]
    assert {m.scope for m in merged.monitor} == {"guest:web1"}
    two = combine([analyze_qemu_cmdline("kvm -m 1\nkvm -m 2", kb)],
                  [analyze_monitor("info", kb)])
    assert len(two.guests) == 3


@pytest.mark.parametrize("text", ["", "\n\n", "(qemu)\n(qemu) \n", "# only a comment"])
def test_no_command_is_an_error(kb: KnowledgeBase, text: str) -> None:
    with pytest.raises(AnalyzeError, match="no monitor command"):
        analyze_monitor(text, kb)
