"""Entries as HTML for the entry view and reports (Qt-free, so it is testable headless).

Links between entries stay as `entry:ID` hrefs; the GUI turns a click on one into navigation.
Status and kind badges reference icon files by name (`status-supported.svg`); the viewer
resolves them against the icons folder. Every badge carries its word too: never colour alone.
Pages carry classes (`source`, `unclear`, `muted`), not colours: the viewer's style sheet
colours them for a light or a dark theme. Each fact is said once: a value table replaces an
option's restriction sentences, and the prose explains rather than repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from kvmhelpdesk.kb.model import KIND_NAMES, STATUS_LABELS, Entry, KnowledgeBase
from kvmhelpdesk.kb.parse_cache import ParseCache

# html.escape, without importing `html` (its entity table costs some 3 ms at start-up).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """Text safe inside HTML elements and quoted attributes (as html.escape makes it)."""
    return text.translate(_ESCAPES)


HIGHLIGHT_STYLE = "background-color:#fff176;color:#000"
# Said in place of a value, never as if it were one (styled apart on the page).
BLANK_CELL = "not given: this cell of the statement's table is blank"
NO_FIGURE = "not given: the statement prints no number here"
# In place of those when the entry's "Where the statement is unclear" explains the gap already:
# the gap is said once, where it is explained.
SEE_UNCLEAR = "see “Where the statement is unclear”"
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


@lru_cache(maxsize=1)
def _markdown():
    # Extension objects, not names: naming them makes Markdown scan every installed
    # package's entry points, which costs a tenth of a second at start-up.
    import markdown
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension

    from kvmhelpdesk.kb.markdown_safety import DataOnlyMarkdown

    return markdown.Markdown(
        extensions=[TableExtension(), SaneListExtension(), DataOnlyMarkdown()],
        output_format="html",
    )


_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s")


def loosen_lists(text: str) -> str:
    """Put a blank line before a list that follows a paragraph line directly.

    Authors (and GitHub) treat "Intro:\n- item" as a list; Python-Markdown needs the blank line.
    """
    out: list[str] = []
    for line in text.splitlines():
        if (_LIST_ITEM.match(line) and out and out[-1].strip()
                and not _LIST_ITEM.match(out[-1]) and not out[-1].startswith((" ", "\t"))):
            out.append("")
        out.append(line)
    return "\n".join(out)


def _convert(text: str) -> str:
    md = _markdown()
    md.reset()
    return md.convert(loosen_lists(text))


_rendered: ParseCache | None = None


def use_render_cache(cache: ParseCache | None) -> None:
    """Keep rendered Markdown between runs (the app does; scripts and tests need not).

    The first entry on screen then needs no Markdown import at start-up."""
    global _rendered
    _rendered = cache


def save_render_cache() -> None:
    if _rendered is not None:
        _rendered.save()


def markdown_to_html(text: str) -> str:
    if _rendered is None:
        return _convert(text)
    # The text itself is the key (no hashing on the way to the first window); the prefix
    # changes whenever the rendering rules do (v2: pack Markdown rendered as data only).
    key = "md2:" + text
    return _rendered.memo(key, lambda: _convert(text))


def status_badge(status: str | None, size: int = 16) -> str:
    if not status:
        return ""
    label = STATUS_LABELS.get(status, status.replace("-", " ").capitalize())
    return (f'<img src="status-{escape(status)}.svg" width="{size}" height="{size}" '
            f'alt=""> <b>{escape(label)}</b>')


def entry_html(entry: Entry, kb: KnowledgeBase, highlight: Iterable[str] = ()) -> str:
    """The whole entry page: title, status, citation, restrictions, body, gaps, related."""
    esc = escape
    parts = [f'<h1><img src="kind-{entry.kind}.svg" width="22" height="22" alt=""> '
             f"{esc(entry.title)}</h1>"]
    meta = [esc(KIND_NAMES[entry.kind])]
    if entry.status:
        meta.insert(0, status_badge(entry.status))
    parts.append("<p>" + " &nbsp;·&nbsp; ".join(meta) + "</p>")
    if entry.status_note:
        parts.append(f"<p><i>How the status was read:</i> {esc(entry.status_note)}</p>")
    parts.append(
        f'<p class="source">Source: <b>{esc(kb.section_heading(entry))}</b>'
        + (f" — <code>{esc(entry.source_text)}</code>" if entry.source_text else "")
        + f" &nbsp;·&nbsp; release {esc(entry.release)}"
        + f" &nbsp;·&nbsp; id <code>{esc(entry.id)}</code></p>"
    )
    if entry.summary:
        parts.append(f"<p><i>{esc(entry.summary)}</i></p>")
    parts += _fields_html(entry)
    restrictions = shown_restrictions(entry)
    if restrictions:
        items = "".join(f"<li>{esc(r)}</li>" for r in restrictions)
        parts.append(f"<h3>Restrictions and conditions</h3><ul>{items}</ul>")
    parts.append(markdown_to_html(entry.body))
    if entry.ambiguities:
        items = "".join(f"<li>{esc(a)}</li>" for a in entry.ambiguities)
        parts.append('<h3>Where the statement is unclear</h3>'
                     f'<ul class="unclear">{items}</ul>')
    if entry.related:
        links = []
        for target in entry.related:
            other = kb.find(target, entry.release)
            title = other.title if other else target
            links.append(f'<a href="entry:{esc(target)}">{esc(title)}</a>')
        parts.append("<h3>Related</h3><p>" + " · ".join(links) + "</p>")
    page = "\n".join(parts)
    return highlight_html(page, highlight)


def shown_restrictions(entry: Entry) -> list[str]:
    """The restrictions to list on the page and in the terminal: none for an option whose
    facts table shows its value lists already (its restrictions say the same in sentences)."""
    if entry.kind == "qemu-option" and entry_facts(entry):
        return []
    return list(entry.restrictions)


def entry_facts(entry: Entry) -> list[tuple[str, str]]:
    """Kind-specific facts as (name, value) rows: a table on the page, lines in the CLI."""
    f = entry.fields
    rows: list[tuple[str, str]] = []
    if entry.kind == "qemu-option":
        if f.get("value_allowed"):
            rows.append(("Supported values", ", ".join(f["value_allowed"])))
        if f.get("value_refused"):
            rows.append(("Refused values", ", ".join(f["value_refused"])))
        for key, values in (f.get("params_allowed") or {}).items():
            rows.append((f"{key}= supported", ", ".join(values)))
        for key, values in (f.get("params_refused") or {}).items():
            rows.append((f"{key}= refused", ", ".join(values)))
        for line in f.get("source_lines") or ():
            rows.append(("Appendix A line", line))
    elif entry.kind == "monitor-command":
        for line in f.get("source_lines") or ():
            rows.append(("Appendix A line", line))
    elif entry.kind == "guest-os":
        rows.append(("Product", product_name(f)))
        rows.append(("Service pack", service_pack_text(f)))
        rows.append(("Bits", " and ".join(str(b) for b in f.get("bits") or ())))
        rows.append(("Virtualization", f.get("virt_type") or _gap(entry, BLANK_CELL,
                                                                  "virt type")))
        rows.append(("PV drivers", ", ".join(f.get("pv_drivers") or ())
                     or f.get("pv_drivers_note") or "none listed"))
        for bits, option in (f.get("boot_options") or {}).items():
            rows.append((f"Boot option, {bits}-bit kernel", option))
    elif entry.kind == "limit" and f.get("value") is not None:
        rows.append(("Limit", f"{f['value']} {f.get('unit', '')}".strip()))
    elif entry.kind == "performance":
        if f.get("cell") == "figure":
            figure = (f"{f['percent']}%" if f.get("percent") is not None
                      else f"{f.get('percent_min')}% – {f.get('percent_max')}%")
        else:
            figure = {"not-applicable": "not applicable",
                      "blank": _gap(entry, BLANK_CELL, "blank"),
                      "no-figure": _gap(entry, NO_FIGURE, "no number", "no figure")
                      }.get(f.get("cell", ""), "")
        rows.append(("Expected", figure))
        if f.get("basis"):
            rows.append(("Assumes", f["basis"]))
    return rows


def _gap(entry: Entry, words: str, *topics: str) -> str:
    """`words` for a value the statement leaves out, or a pointer to the entry's own
    explanation of that gap when it has one (so the page does not say it twice)."""
    explained = any(t in a.lower() for a in entry.ambiguities for t in topics)
    return SEE_UNCLEAR if explained else words


def _fields_html(entry: Entry) -> list[str]:
    """Kind-specific facts as a small table, so values are visible at a glance."""
    rows = entry_facts(entry)
    if not rows:
        return []
    body = "".join(f"<tr><th align='left' valign='top'>{escape(k)}</th>"
                   f"<td>{_cell(v)}</td></tr>" for k, v in rows)
    return [f"<table class='facts' cellpadding='3' cellspacing='0' border='0'>{body}</table>"]


def _cell(value: str) -> str:
    """A facts-table value; an explanation in place of a value is set apart from values."""
    if value in (BLANK_CELL, NO_FIGURE, SEE_UNCLEAR):
        return f'<span class="muted"><i>{escape(value)}</i></span>'
    return escape(value)


def citation(entry: Entry, kb: KnowledgeBase) -> str:
    """One line that identifies an entry in a ticket: title, status, section, release, id."""
    release = kb.release(entry.release)
    status = f" [{STATUS_LABELS.get(entry.status, entry.status)}]" if entry.status else ""
    return (f"{entry.title}{status} — {release.product} KVM support statement, section "
            f"\"{release.section_heading(entry.section)}\" (release {entry.release}, "
            f"entry {entry.id})")


def product_name(fields: Mapping[str, Any]) -> str:
    """"Windows XP", "Red Hat Enterprise Linux 5": the version once, even if the product has it."""
    product, version = fields.get("product", ""), fields.get("version", "")
    return product if version and version in product.split() else f"{product} {version}".strip()


def service_pack_text(fields: Mapping[str, Any]) -> str:
    """The row's service-pack rule in words ("SP3 or later", "SP1 only", "any minor release")."""
    sp, later = fields.get("min_service_pack"), fields.get("or_later")
    if not sp:
        if not later:
            return "none named"
        return "any minor release" if fields.get("family") == "rhel" else "any service pack"
    return f"SP{sp} or later" if later else f"SP{sp} only"


def highlight_html(page: str, terms: Iterable[str]) -> str:
    """Mark whole-word matches of `terms` in text nodes (never inside tags or hrefs)."""
    words = sorted({t for t in terms if t and len(t) > 1}, key=len, reverse=True)
    if not words:
        return page
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE
    )
    out = []
    for chunk in _TAG_OR_TEXT.split(page):
        if chunk.startswith("<"):
            out.append(chunk)
        else:
            out.append(pattern.sub(
                lambda m: f'<span style="{HIGHLIGHT_STYLE}">{m.group(0)}</span>', chunk))
    return "".join(out)
