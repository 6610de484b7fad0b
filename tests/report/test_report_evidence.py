"""Issue 9: every report format names, beside each finding that rests on bundle data, the line
of the bundle it was read from, and says in its Environment what the case was read from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kvmhelpdesk.bundle import build_case, merge_into, read_bundle
from kvmhelpdesk.report import render
from kvmhelpdesk.report.document import build
from kvmhelpdesk.triage import check
from kvmhelpdesk.triage.evidence import EvidenceIndex, cite_all
from tests.helpers.cases import make_case, make_guest
from tests.helpers.supportconfig import standard_bundle

FORMATS = ("text", "markdown", "html")
CORES = {"file": "hardware.txt", "line": 412, "section": "/proc/cpuinfo",
         "excerpt": "cpu cores\t: 4", "origin": "nts_web01_110302_1011.tbz"}
VCPUS = {"file": "kvm.txt", "line": 812, "section": "/etc/libvirt/qemu/web01.xml",
         "excerpt": "<vcpu>17</vcpu>", "origin": "nts_web01_110302_1011.tbz"}
GUEST = {"file": "kvm.txt", "line": 800, "section": "/etc/libvirt/qemu/web01.xml",
         "excerpt": "<domain type='kvm'>"}
SOURCE = {"kind": "supportconfig", "name": "nts_web01_110302_1011.tbz", "hostname": "web01",
          "collected": "2011-03-02 10:11", "files": ["hardware.txt", "kvm.txt"]}


def read_case() -> dict:
    """A typed-in case two of whose answers (and one guest) were read from a bundle."""
    case = make_case(guests=[make_guest(name="web01", vcpus=17)])
    case.update(version=2, source=SOURCE, evidence={
        "host.cpu_cores": CORES, "guests[0]": GUEST, "guests[0].vcpus": VCPUS})
    return case


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_names_the_line_beside_the_finding(kb, fmt: str) -> None:
    out = render(check(read_case(), kb), fmt)
    if fmt == "text":  # wrapped at 100 columns: join each list item's lines
        out = out.replace("\n  ", " ")
    vcpu_line = next(line for line in out.splitlines() if "17 vCPUs" in line)
    assert "from kvm.txt line 812, /etc/libvirt/qemu/web01.xml" in vcpu_line
    assert "from hardware.txt line 412, /proc/cpuinfo" in out  # the vCPU total, CPU cores
    # The Environment says what the case was read from, and when.
    assert "Read from nts_web01_110302_1011.tbz (host web01), collected 2011-03-02 10:11" in out


def test_text_keeps_the_source_in_parentheses_before_the_citation(kb) -> None:
    out = render(check(read_case(), kb), "text")
    assert "- CPU cores: 8 (from hardware.txt line 412, /proc/cpuinfo)" in out
    flat = " ".join(out.split())
    assert ("17 vCPUs are over the limit of 16 vCPUs per guest. (from kvm.txt line 812, "
            "/etc/libvirt/qemu/web01.xml) (see limit-guest-vcpus") in flat
    # What the engineer typed carries no source.
    assert "NUMA nodes: 1\n" in out and "(from" not in out.split("NUMA nodes: 1", 1)[1][:5]


def test_markdown_and_html_forms(kb) -> None:
    verdict = check(read_case(), kb)
    markdown = render(verdict, "markdown")
    assert "*(from hardware.txt line 412, /proc/cpuinfo)*" in markdown
    html = render(verdict, "html")
    # The line as read goes into the tooltip of the HTML (and so of the PDF's source).
    assert ('<span class="origin" title="hardware.txt line 412 (/proc/cpuinfo): cpu cores : 4">'
            "(from hardware.txt line 412, /proc/cpuinfo)</span>") in html


def test_the_guest_table_says_where_each_guest_was_defined(kb) -> None:
    text = render(check(read_case(), kb), "text")
    header = next(line for line in text.splitlines() if line.startswith("Guest "))
    assert header.rstrip().endswith("Read from")
    assert "kvm.txt line 800" in next(line for line in text.splitlines()
                                      if line.startswith("web01"))


def test_json_findings_carry_their_evidence(kb) -> None:
    data = json.loads(render(check(read_case(), kb), "json"))
    vcpus = next(f for f in data["findings"] if f["rule"] == "limits.guest-vcpus")
    assert vcpus["evidence"] == [{"path": "guests[0].vcpus", **VCPUS}]
    typed = next(f for f in data["findings"] if f["rule"] == "host.arch")
    assert typed["evidence"] == []
    assert data["source"] == SOURCE and data["evidence"]["host.cpu_cores"] == CORES


def test_a_case_without_evidence_reads_as_before(kb) -> None:
    for fmt in FORMATS:
        out = render(check(make_case(), kb), fmt)
        assert "from hardware.txt" not in out and "Read from" not in out
        assert "(from " not in out


def test_a_finding_about_a_whole_guest_shows_where_it_is_defined(kb) -> None:
    """An imported guest's finding names no answer (basis `guests[N]`): the report gives the
    line that defines the guest, not every answer read for it."""
    index = EvidenceIndex(read_case()["evidence"])
    assert [path for path, _ in index.sources(["guests[0]"])] == ["guests[0]"]
    assert [path for path, _ in index.sources(["guests[0].disks"])] == []
    assert cite_all([CORES] * 5) == ("hardware.txt line 412, /proc/cpuinfo; " * 3
                                     + "and 2 more")


def test_the_same_line_is_named_once(kb) -> None:
    case = read_case()
    case["evidence"]["host.constant_tsc"] = dict(CORES, excerpt="flags : ... constant_tsc")
    index = EvidenceIndex(case["evidence"])
    assert len(index.sources(["host.cpu_cores", "host.constant_tsc"])) == 1


@pytest.fixture
def bundle_verdict(kb, tmp_path: Path):
    built = build_case(read_bundle(standard_bundle().write_tar(tmp_path)), kb)
    verdict = check(built.case, kb)
    verdict.add(built.analysis.findings, built.analysis.options)
    return verdict


def test_from_a_real_bundle_every_judged_finding_names_its_source(bundle_verdict) -> None:
    doc = build(bundle_verdict)
    items = [item for block in doc.blocks if block.heading.startswith(("Unsupported",
                                                                      "Supported"))
             for item in block.items]
    assert items
    for item in items:
        # A finding whose message already names its line ("Running now (FILE line N)") is
        # not given it twice.
        assert item.origin or " line " in item.text, item.text
    text = render(bundle_verdict, "text")
    assert "Running now (basic-health-check.txt line 6)" in text
    assert "(from basic-health-check.txt line 6" not in text.split("Conditions to confirm")[0]


def test_a_running_guests_findings_rest_on_its_command_line(bundle_verdict) -> None:
    running = [f for f in bundle_verdict.findings if f.message.startswith("Running now")]
    assert running and all(f.basis == ("guests[2]", "guests[2].running") for f in running)
    entry = bundle_verdict.evidence["guests[2].running"]
    assert entry["file"] == "basic-health-check.txt" and "qemu-kvm" in entry["excerpt"]
    drift = next(f for f in bundle_verdict.findings if f.rule == "bundle.running-differs"
                 and f.scope == "guest:sles10-app")
    index = bundle_verdict.evidence_index()
    assert [p for p, _ in index.sources(drift.basis)] == ["guests[2].running"]
    hint = next(f for f in bundle_verdict.findings if f.rule == "bundle.os-hint")
    assert hint.basis[0].endswith(".name")


def test_merged_into_a_case_file_the_findings_follow_their_guests(kb, tmp_path: Path) -> None:
    built = build_case(read_bundle(standard_bundle().write_tar(tmp_path)), kb)
    merged = merge_into(make_case(guests=[make_guest(name="ticket-guest")]), built)
    running = [f for f in built.analysis.findings if f.message.startswith("Running now")]
    assert all(f.basis == ("guests[3]", "guests[3].running") for f in running)
    assert merged["guests"][3]["name"] == "sles10-app"
    assert "guests[3].running" in merged["evidence"]


def test_pdf_is_printed_from_the_same_html(qapp, kb) -> None:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(render(check(read_case(), kb), "html"))
    assert "(from hardware.txt line 412, /proc/cpuinfo)" in document.toPlainText()
