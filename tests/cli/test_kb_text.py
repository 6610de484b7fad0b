"""`kvmhelpdesk kb show ID` as terminal text; `--markdown` keeps the Markdown source."""

from __future__ import annotations

import json

import pytest

from kvmhelpdesk.cli import main
from kvmhelpdesk.cli.kb_text import entry_text, markdown_text


def show(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str,
         columns: int = 80) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["kb", "show", *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_wrapped_to_the_terminal_width(capsys, monkeypatch, columns: int) -> None:
    out = show(capsys, monkeypatch, "opt-drive", columns=columns)
    long_lines = [line for line in out.splitlines() if len(line) > columns]
    # Only a single word longer than the width may stick out (a path, a long token).
    assert all(" " not in line.strip() for line in long_lines), long_lines
    assert max(len(line) for line in out.splitlines()) > columns - 15


def test_very_wide_terminals_stay_readable(capsys, monkeypatch) -> None:
    out = show(capsys, monkeypatch, "art-performance-expectations", columns=250)
    assert max(len(line) for line in out.splitlines()) <= 100


def test_markdown_becomes_plain_text_and_links_name_their_entry(capsys, monkeypatch) -> None:
    out = show(capsys, monkeypatch, "os-win2k8")
    assert "**" not in out and "](entry:" not in out and "`" not in out
    assert "(paravirtual drivers [art-paravirt-drivers])" in " ".join(out.split())
    assert "Best effort · Guest OS row · id os-win2k8" in out
    # Related entries by title, the id in brackets for the next `kb show`.
    assert "  - Timekeeping, kvm-clock and NTP [art-timekeeping]" in out
    # The row's facts, as on the entry page.
    assert "PV drivers:" in out and "virtio-balloon" in out


def test_markdown_option_keeps_the_raw_output(capsys, monkeypatch) -> None:
    out = show(capsys, monkeypatch, "os-win2k8", "--markdown")
    assert "([paravirtual drivers](entry:art-paravirt-drivers))" in out
    assert out.startswith("Windows Server 2008 / 2008 R2 as a KVM guest\n=====")
    assert "related: art-guest-os-table, art-paravirt-drivers" in out


def test_json_is_unchanged(capsys, monkeypatch) -> None:
    data = json.loads(show(capsys, monkeypatch, "opt-drive", "--json"))
    assert data["id"] == "opt-drive" and "](entry:" in data["body"]


def test_lists_nest_and_number_with_hanging_indents() -> None:
    text = markdown_text(
        "Steps:\n\n1. first step, which is long enough to wrap onto a second line here\n"
        "2. second, see [the limits](entry:limit-guest-vcpus)\n    - a sub point\n\n"
        "After the list.", 40)
    assert text.splitlines() == [
        "Steps:",
        "",
        "1. first step, which is long enough to",
        "   wrap onto a second line here",
        "2. second, see the limits",
        "   [limit-guest-vcpus]",
        "  * a sub point",
        "",
        "After the list.",
    ]


def test_web_links_print_their_address() -> None:
    """Issue 11 review: a terminal cannot follow a link, so the address is printed after its
    text; an address shown as itself is not repeated."""
    assert markdown_text("See [the site](https://example.org).", 80) == \
        "See the site (https://example.org)."
    assert markdown_text("At <http://example.org/a>.", 80) == "At http://example.org/a."
    assert markdown_text("- [notes](http://x.example/n)", 80) == "- notes (http://x.example/n)"
    assert markdown_text("[raw](entry:art-raw-storage)", 80) == "raw [art-raw-storage]"


def test_restrictions_and_facts_in_the_pages_order(kb) -> None:
    """The terminal shows what the page shows, in its order: an option's value table
    stands for its restriction sentences, and comes before the body that says "the table
    above"."""
    text = entry_text(kb.get("opt-drive"), kb, width=100)
    assert "Restrictions and conditions" not in text
    assert text.index("format= supported") < text.index("the table above")
    feature = entry_text(kb.get("feat-vm-install"), kb, width=100)
    assert feature.count("Restrictions and conditions:") == 1
    assert feature.index("Restrictions and conditions:") < feature.index("Customers may define")


def test_every_entry_renders_as_text(kb) -> None:
    for entry in kb.entries():
        text = entry_text(entry, kb, width=72)
        assert text.startswith(entry.title) and "](entry:" not in text
