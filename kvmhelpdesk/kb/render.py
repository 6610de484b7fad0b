"""Entries as HTML for the entry view and reports (Qt-free, so it is testable headless).

Links between entries stay as `entry:ID` hrefs; the GUI turns a click on one into navigation.
Status and kind badges reference icon files by name (`status-supported.svg`); the viewer
resolves them against the icons folder. Every badge carries its word too: never colour alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

# product_name and service_pack_text are re-exported: the guest matrix imports them from here.
from kvmhelpdesk.kb.facts import entry_facts, product_name, service_pack_text  # noqa: F401
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
    rows = entry_facts(entry)
    if not rows:
        return []
    body = "".join(f"<tr><th align='left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
                   for k, v in rows)
    return [f"<table cellpadding='3' cellspacing='0' border='0'>{body}</table>"]


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
