"""Issue 8 in every report format: wording that follows the verdict, confirmation marks with
their notes, the environment per guest, vendor names, wrapped text tables, plurals."""

from __future__ import annotations

import pytest

from kvmhelpdesk.report import render
from kvmhelpdesk.report.document import build, headline
from kvmhelpdesk.report.text import WIDTH
from kvmhelpdesk.triage import check
from tests.helpers.cases import DROP, make_case, make_guest, make_host, minimal_case

FORMATS = ("text", "markdown", "html")


def with_confirmations(case: dict) -> dict:
    case = dict(case, version=2)
    case["confirmations"] = {
        "host.os@host": {"state": "confirmed", "note": "SuSE-release in the SR",
                         "at": "2026-11-30T21:05:00Z"},
        "guestos.memory-minimum@guest:sles01": {"state": "refuted", "note": "only 256 MB"}}
    return case


@pytest.mark.parametrize("fmt", FORMATS)
def test_marks_and_notes_in_every_format(kb, fmt: str) -> None:
    verdict = check(with_confirmations(make_case(guests=[make_guest(),
                                                         make_guest(name="b", vcpus=DROP)])),
                    kb)
    out = render(verdict, fmt)
    assert "[x]" in out and "[!]" in out and "[ ]" in out
    assert "SuSE-release in the SR" in out and "only 256 MB" in out
    assert "1 of 6 confirmed, 1 refuted" in out


def test_wording_follows_the_verdict(kb) -> None:
    supported = check(make_case(), kb)
    assert headline(supported).startswith("Supported, provided that 2 conditions hold")
    unsupported = check(make_case(guests=[make_guest(vcpus=17)]), kb)
    line = headline(unsupported)
    assert line.startswith("Unsupported because of the finding below (sles01)")
    assert "provided that" not in line
    best = check(make_case(guests=[make_guest(os="Win7 x64", clock="other")]), kb)
    assert headline(best).startswith("Best effort because") and "provided" not in headline(best)
    empty = check(minimal_case(), kb)
    assert headline(empty).startswith("Not determined: information needed.")
    for fmt in FORMATS:
        out = render(unsupported, fmt)
        assert "provided that" not in out.lower() and "condition(s)" not in out


def test_undetermined_in_every_format(kb) -> None:
    verdict = check(minimal_case(), kb)
    for fmt in FORMATS:
        assert "Not determined: information needed" in render(verdict, fmt)
    assert '"verdict": "undetermined"' in render(verdict, "json")


def test_environment_lists_each_guest(kb) -> None:
    case = make_case(host=make_host(cpu_vendor="amd", os="SLES 11 SP1"),
                     guests=[make_guest(name="web01", os="Windows Server 2008 R2 SP1",
                                        bits=64, vcpus=4, memory_mb=8192),
                             {"name": "bare"}])
    out = render(check(case, kb), "text")
    env = out.split("\nEnvironment\n")[1].split("\nVerdict\n-------")[0]
    assert "CPU vendor: AMD" in env and "release: SLES 11 SP1" in env
    for needed in ("web01", "Windows Server 2008 R2 SP1", "Win 2K8+", "64-bit", "8192 MB",
                   "bare", "(not given)", "none matched", "not given"):
        assert needed in env, needed
    assert "CPU vendor: Intel" in render(check(make_case(), kb), "markdown")


def test_text_tables_wrap_and_never_cut_a_mac(kb) -> None:
    mac = "52:54:00:12:34:56"
    long_os = "Windows Server 2008 R2 Datacenter Edition with Service Pack 1 " * 2
    case = make_case(guests=[make_guest(name=f"guest-with-a-long-name-{mac}", os=long_os)])
    out = render(check(case, kb), "text")
    assert mac in out
    assert all(len(line) <= WIDTH + 10 for line in out.splitlines() if "  " in line)
    words = [w for line in out.splitlines() for w in line.split()]
    assert "Datacenter" in words and "Dat" not in words  # words wrap whole


def test_plurals(kb) -> None:
    one = render(check(make_case(guests=[make_guest(nics=[{"model": "virtio",
                                                           "mac": "52:54:00:00:00:01"}])]),
                       kb), "text")
    assert "1 NIC of model virtio" in one and "(s)" not in one
    assert "1 disk: format raw" in one


def test_sections_keep_their_order(kb) -> None:
    headings = [b.heading for b in build(check(with_confirmations(make_case()), kb)).blocks]
    assert headings.index("Verdict") < headings.index("Ask the customer")


def test_a_mac_address_in_a_long_option_value_is_never_cut(kb) -> None:
    from kvmhelpdesk.report.text import wrap_cell
    from kvmhelpdesk.triage import OptionFinding

    mac = "52:54:00:aa:bb:cc"
    value = f"nic,vlan=0,macaddr={mac},model=e1000,name=hostnet0,addr=0x3,bootindex=1"
    verdict = check(make_case(), kb)
    verdict.add((), [OptionFinding("-net", value, "unsupported", "model=e1000 is not "
                                   "supported: only model=rtl8139, model=virtio", "opt-net")])
    out = render(verdict, "text")
    assert mac in out
    assert wrap_cell(value, 30)[1] == f"macaddr={mac},"


@pytest.mark.parametrize("fmt", FORMATS)
def test_not_yet_keeps_its_note_in_every_format(kb, fmt: str) -> None:
    """A condition marked "not yet" shows `[ ]` with the engineer's note, as `[x]` and `[!]`
    do; an open condition nobody wrote about has no record."""
    case = with_confirmations(make_case(guests=[make_guest(), make_guest(name="b", vcpus=DROP)]))
    case["confirmations"]["host.os@host"] = {
        "state": "open", "note": "customer checks on Monday", "at": "2026-11-30T21:05:00Z"}
    out = render(check(case, kb), fmt)
    assert "customer checks on Monday" in out
    flat = " ".join(out.split())  # the text report wraps long lines
    start = flat.index("release is not given")
    item = flat[max(start - 60, 0):flat.index("Monday", start)]
    assert "[ ]" in item.replace("\\", "") or "&#9744;" in item, item
    assert "not yet" in item
    assert "2026-11-30T21" in flat
    # the legend and this one line: other open conditions have no record to show
    assert flat.count("not yet") == 2


def test_not_yet_note_in_json(kb) -> None:
    case = with_confirmations(make_case())
    case["confirmations"]["host.os@host"] = {"state": "open", "note": "asked by mail"}
    assert "asked by mail" in render(check(case, kb), "json")


def test_record_parts() -> None:
    from kvmhelpdesk.report.document import Item
    assert Item("c", state="open").record == ""
    assert Item("c", state="open", note="asked").record == "not yet: asked"
    assert Item("c", state="confirmed", at="2026-11-30T10:00").record == \
        "confirmed (2026-11-30T10:00)"
    assert Item("c", state="refuted", note="no", at="t").record == "refuted by the customer: no (t)"
