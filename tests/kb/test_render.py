"""Entry pages as HTML: lists, links, badges with words, highlighting outside tags only."""

from __future__ import annotations

import dataclasses
import html
import re

from kvmhelpdesk.kb.render import entry_html, highlight_html, loosen_lists, markdown_to_html


def test_list_after_paragraph_line_is_a_list() -> None:
    html = markdown_to_html("**Restrictions:**\n- raw only\n- no qcow2")
    assert "<ul>" in html and html.count("<li>") == 2


def test_loosen_lists_keeps_existing_blank_lines() -> None:
    assert loosen_lists("a\n\n- b") == "a\n\n- b"
    assert loosen_lists("- a\n- b") == "- a\n- b"


def test_highlight_marks_text_not_tags() -> None:
    page = '<a href="entry:feat-ballooning">Memory ballooning</a> balloon driver'
    marked = highlight_html(page, ["balloon"])
    assert 'href="entry:feat-ballooning"' in marked
    assert marked.count("background-color") == 2


def test_entry_page_has_status_word_icon_source_and_links(kb) -> None:
    page = entry_html(kb.get("os-win2k8"), kb)
    assert "status-best-effort.svg" in page and "Best effort" in page
    assert "Guest Hardware Details" in page and "Win 2K8+" in page
    assert 'href="entry:art-paravirt-drivers"' in page
    assert "Where the statement is unclear" in page


def test_option_page_lists_values(kb) -> None:
    page = entry_html(kb.get("opt-machine"), kb)
    assert "pc-0.12" in page and "isapc" in page


def test_every_entry_renders(kb) -> None:
    for entry in kb.entries():
        assert html.escape(entry.title) in entry_html(entry, kb)


def test_rhel_pv_drivers_say_what_the_statement_says(kb) -> None:
    """kvm-supported.txt L78-79: "Yes  see RedHat website for details", not a blank."""
    for row in ("os-rhel4", "os-rhel5", "os-rhel6"):
        entry = kb.get(row)
        assert entry.fields["pv_drivers_note"] == "Yes, see the Red Hat website for details"
        assert "Yes, see the Red Hat website for details" in entry_html(entry, kb)


def test_citation_is_one_line_with_title_status_section_release_and_id(kb) -> None:
    from kvmhelpdesk.kb.render import citation

    line = citation(kb.get("feat-cpu-hotplug"), kb)
    assert "\n" not in line
    assert line.startswith("CPU hotplug [Unsupported] — SLES 11 SP1 KVM support statement")
    assert '"Other KVM Features"' in line and "sles11-sp1" in line and "feat-cpu-hotplug" in line
    assert "[" not in citation(kb.get("art-overview"), kb)  # no status, no brackets


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_a_restriction_is_said_once(kb) -> None:
    """Neither the prose nor the facts table repeats a restriction sentence (issue 10)."""
    for entry in kb.entries():
        page = entry_html(entry, kb)
        body = _text(markdown_to_html(entry.body))
        for restriction in entry.restrictions:
            assert _text(restriction) not in body, (entry.id, restriction)
        if entry.kind == "qemu-option" and "class='facts'" in page:
            assert "Restrictions and conditions" not in page, entry.id  # the table says it


def test_guest_bodies_do_not_restate_the_unclear_points(kb) -> None:
    for entry in kb.entries(kind="guest-os"):
        body = _text(markdown_to_html(entry.body)).lower()
        assert "cell on this line is blank" not in body and "virtualization type:" not in body
        assert "pv drivers listed" not in body, entry.id


def test_blank_cells_are_explained_not_shown_as_values(kb) -> None:
    from kvmhelpdesk.kb.render import BLANK_CELL, SEE_UNCLEAR, entry_facts

    entry = kb.get("os-win2k8")
    facts = dict(entry_facts(entry))
    # Its "Where the statement is unclear" explains the blank Virt Type cell: the table points
    # there instead of saying it a second time (issue 10 review).
    assert facts["Virtualization"] == SEE_UNCLEAR
    page = entry_html(entry, kb)
    assert "(blank" not in page and 'class="muted"' in page
    assert _text(page).lower().count("blank") == 1
    unexplained = dataclasses.replace(entry, ambiguities=())
    assert dict(entry_facts(unexplained))["Virtualization"] == BLANK_CELL


REPEATED = {
    # entry: phrases the page may say once only (issue 10 review)
    "opt-drive": ("other than raw", "params_"),
    "limit-guest-vcpus": ("up to 16 virtual cpus",),
    "feat-vm-install": ("realtek or virtio", "raw format"),
    "os-win2k8": ("blank",),
    "perf-graphics-paravirtualized": ("empty", "does not even say"),
    "limit-block-emulated": ("cd-rom",),
}


def test_entries_say_each_fact_once(kb) -> None:
    for entry_id, phrases in REPEATED.items():
        text = _text(entry_html(kb.get(entry_id), kb)).lower()
        for phrase in phrases:
            assert text.count(phrase) <= 1, (entry_id, phrase)


def test_no_internal_field_names_on_pages(kb) -> None:
    fields = re.compile(r"\b(?:params_\w+|value_(?:allowed|refused)|min_service_pack|or_later|"
                        r"virt_type|pv_drivers\w*|kvm_clock|source_lines|status_note)\b")
    for entry in kb.entries():
        assert not fields.search(_text(entry_html(entry, kb))), entry.id


def test_pages_carry_classes_not_colours(kb) -> None:
    page = entry_html(kb.get("os-win2k8"), kb)
    assert 'class="source"' in page and 'class="unclear"' in page
    assert "color:#" not in page
