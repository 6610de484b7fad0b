"""Reports: the same verdict, findings and citations in text, Markdown, HTML and JSON."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import markdown
import pytest

from kvmhelpdesk.report import FORMATS, render
from kvmhelpdesk.report.document import NEEDS_REVIEW, build
from kvmhelpdesk.report.markdown import escape
from kvmhelpdesk.triage import Finding, OptionFinding, Verdict, check
from tests.helpers.cases import make_case, make_guest


@pytest.fixture(scope="module")
def verdict(kb) -> Verdict:
    guests = [make_guest(name="web01", os="Windows Server 2008 R2 SP1", clock="other",
                         ntp_in_guest=True),
              make_guest(name="big<b>", vcpus=17, nics=[{"model": "virtio", "mac": None}])]
    result = check(make_case(title="Ticket 4711: ACME *web* farm", guests=guests,
                             performance=[{"category": "network", "mode": "paravirtualized",
                                           "measured_percent": 60}]), kb)
    result.add([Finding("analyze.option", "guest:web01", "unlisted", "-frobnicate is on no "
                        "list", None, None)],
               [OptionFinding("-drive", "file=a.img,format=qcow2", "unsupported",
                              "format=qcow2 is not supported: raw only", "opt-drive")])
    return result


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_carries_the_verdict_and_citations(verdict: Verdict, fmt: str) -> None:
    out = render(verdict, fmt)
    for needed in ("Unsupported", "limit-guest-vcpus", "Supported Limits", "os-win2k8",
                   "Guest Hardware Details", "17 vCPUs are over the limit of 16 vCPUs per guest",
                   "Conditions to confirm", "Advice", NEEDS_REVIEW, "Environment",
                   "perf-network-paravirtualized", "below expectation", "web01", "Win 2K8+"):
        assert needed in out, (fmt, needed)


def test_json_is_the_verdict_document(verdict: Verdict) -> None:
    assert json.loads(render(verdict, "json")) == verdict.to_dict()
    assert "json" in FORMATS


def test_unknown_format(verdict: Verdict) -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render(verdict, "docx")


def test_document_sections_in_ticket_order(verdict: Verdict) -> None:
    headings = [b.heading for b in build(verdict).blocks]
    order = ["Issue", "Environment", "Verdict", "Findings", "Ask the customer", "Advice",
             NEEDS_REVIEW, "Performance", "Command-line options"]
    assert [h for h in headings if h in order] == order


def test_markdown_escapes_customer_text_and_renders(verdict: Verdict) -> None:
    out = render(verdict, "markdown")
    assert "ACME \\*web\\* farm" in out
    assert "big\\<b\\>" in out
    html = markdown.markdown(out, extensions=["tables"])
    assert "<table>" in html and "<b>" not in html
    assert escape("x86_64 intel_iommu=on") == "x86_64 intel_iommu=on"
    assert escape("_a_ [b]") == "\\_a\\_ \\[b\\]"


def test_html_is_escaped_and_well_formed(verdict: Verdict) -> None:
    out = render(verdict, "html")
    assert "big&lt;b&gt;" in out and "<b>" not in out

    class Checker(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag: str, attrs) -> None:
            if tag not in ("meta", "br"):
                self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.stack and self.stack.pop() == tag, tag

    checker = Checker()
    checker.feed(out)
    assert checker.stack == []


def test_checklist_and_text_wrapping(verdict: Verdict) -> None:
    text = render(verdict, "text")
    assert "[ ] [guest:big<b>]" in text
    assert all(len(line) <= 100 or " " not in line.strip() for line in text.splitlines()
               if not line.startswith(("Guest", "-----", "web01", "big")))
    assert "- [ ] **guest:big\\<b\\>**" in render(verdict, "markdown")


def test_supported_case_report_has_no_problem_sections(kb) -> None:
    out = render(check(make_case(), kb), "markdown")
    assert "**Verdict: Supported**" in out
    assert NEEDS_REVIEW not in out and "### Unsupported" not in out


def test_markdown_guest_table_renders_as_a_table(verdict: Verdict) -> None:
    html = markdown.markdown(render(verdict, "markdown"), extensions=["tables"])
    assert "<table>" in html and "<th>Guest</th>" in html
