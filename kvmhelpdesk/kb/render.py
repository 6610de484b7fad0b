"""Entries as HTML for the entry view and reports (Qt-free, so it is testable headless).

Links between entries stay as `entry:ID` hrefs; the GUI turns a click on one into navigation.
Status and kind badges reference icon files by name (`status-supported.svg`); the viewer
resolves them against the icons folder. Every badge carries its word too: never colour alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from kvmhelpdesk.kb.model import KIND_NAMES, STATUS_LABELS, Entry, KnowledgeBase
from kvmhelpdesk.kb.parse_cache import ParseCache

HIGHLIGHT_STYLE = "background-color:#fff176;color:#000"
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


@lru_cache(maxsize=1)
def _markdown():
    # Extension objects, not names: naming them makes Markdown scan every installed
    # package's entry points, which costs a tenth of a second at start-up.
    import markdown
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension

    return markdown.Markdown(
        extensions=[TableExtension(), SaneListExtension()],
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
    key = "md:" + text  # the text itself: no hashing on the way to the first window
    return _rendered.memo(key, lambda: _convert(text))


def status_badge(status: str | None, size: int = 16) -> str:
    if not status:
        return ""
    label = STATUS_LABELS.get(status, status.replace("-", " ").capitalize())
    return (f'<img src="status-{html.escape(status)}.svg" width="{size}" height="{size}" '
            f'alt=""> <b>{html.escape(label)}</b>')


def entry_html(entry: Entry, kb: KnowledgeBase, highlight: Iterable[str] = ()) -> str:
    """The whole entry page: title, status, citation, restrictions, body, gaps, related."""
    esc = html.escape
    parts = [f'<h1><img src="kind-{entry.kind}.svg" width="22" height="22" alt=""> '
             f"{esc(entry.title)}</h1>"]
    meta = [esc(KIND_NAMES[entry.kind])]
    if entry.status:
        meta.insert(0, status_badge(entry.status))
    parts.append("<p>" + " &nbsp;·&nbsp; ".join(meta) + "</p>")
    if entry.status_note:
        parts.append(f"<p><i>How the status was read:</i> {esc(entry.status_note)}</p>")
    parts.append(
        f'<p style="color:#455a64">Source: <b>{esc(kb.section_heading(entry))}</b>'
        + (f" — <code>{esc(entry.source_text)}</code>" if entry.source_text else "")
        + f" &nbsp;·&nbsp; release {esc(entry.release)}"
        + f" &nbsp;·&nbsp; id <code>{esc(entry.id)}</code></p>"
    )
    if entry.summary:
        parts.append(f"<p><i>{esc(entry.summary)}</i></p>")
    if entry.restrictions:
        items = "".join(f"<li>{esc(r)}</li>" for r in entry.restrictions)
        parts.append(f"<h3>Restrictions and conditions</h3><ul>{items}</ul>")
    parts.append(markdown_to_html(entry.body))
    parts += _fields_html(entry)
    if entry.ambiguities:
        items = "".join(f"<li>{esc(a)}</li>" for a in entry.ambiguities)
        parts.append('<h3>Where the statement is unclear</h3>'
                     f'<ul style="color:#6d4c41">{items}</ul>')
    if entry.related:
        links = []
        for target in entry.related:
            other = kb.find(target, entry.release)
            title = other.title if other else target
            links.append(f'<a href="entry:{esc(target)}">{esc(title)}</a>')
        parts.append("<h3>Related</h3><p>" + " · ".join(links) + "</p>")
    page = "\n".join(parts)
    return highlight_html(page, highlight)


def _fields_html(entry: Entry) -> list[str]:
    """Kind-specific facts as a small table, so values are visible at a glance."""
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
        rows.append(("Virtualization", f.get("virt_type") or "(blank in the table)"))
        rows.append(("PV drivers", ", ".join(f.get("pv_drivers") or ()) or "none listed"))
        for bits, option in (f.get("boot_options") or {}).items():
            rows.append((f"Boot option, {bits}-bit kernel", option))
    elif entry.kind == "limit" and f.get("value") is not None:
        rows.append(("Limit", f"{f['value']} {f.get('unit', '')}".strip()))
    elif entry.kind == "performance":
        if f.get("cell") == "figure":
            figure = (f"{f['percent']}%" if f.get("percent") is not None
                      else f"{f.get('percent_min')}% – {f.get('percent_max')}%")
        else:
            figure = {"not-applicable": "not applicable", "blank": "(cell left blank)",
                      "no-figure": "(no number given)"}.get(f.get("cell", ""), "")
        rows.append(("Expected", figure))
        if f.get("basis"):
            rows.append(("Assumes", f["basis"]))
    if not rows:
        return []
    body = "".join(f"<tr><th align='left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
                   for k, v in rows)
    return [f"<table cellpadding='3' cellspacing='0' border='0'>{body}</table>"]


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
