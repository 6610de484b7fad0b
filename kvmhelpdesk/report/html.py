"""A self-contained HTML report; simple markup that Qt's rich text (and so its PDF) renders."""

from __future__ import annotations

from html import escape

from kvmhelpdesk.report.document import Block, Document, Item, build
from kvmhelpdesk.triage.verdict import Verdict

COLOURS = {"undetermined": "#555555", "supported": "#1e7b34", "best-effort": "#8a6d00",
           "tech-preview": "#0b5394",
           "unsupported": "#b00020", "condition": "#6b3fa0", "advice": "#555555",
           "unlisted": "#8a4b00"}
STYLE = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 14pt; } h3 { font-size: 11pt; }
table { border-collapse: collapse; } th, td { padding: 3px 6px; text-align: left; }
th { background-color: #eeeeee; }
.origin { color: #37474f; font-size: 9pt; font-style: italic; }
.cite { color: #555555; font-size: 9pt; }
.scope { font-weight: bold; } .verdict { font-size: 13pt; font-weight: bold; }
"""


def _status(status: str, text: str) -> str:
    colour = COLOURS.get(status, "#000000")
    return f'<span style="color: {colour}; font-weight: bold;">{escape(text)}</span>'


BOXES = {"[x]": "&#9745;", "[!]": "&#9746;", "[ ]": "&#9744;"}


def _record(item: Item) -> str:
    if not item.record_word:
        return ""
    detail = item.record_detail
    glue = ": " if item.note else " "
    return f" &mdash; <b>{escape(item.record_word)}</b>" + (
        f"{glue}{escape(detail)}" if detail else "")


def _item(item: Item, checklist: bool) -> str:
    box = f"{BOXES[item.mark]} <code>{escape(item.mark)}</code> " if checklist else ""
    scope = f'<span class="scope">{escape(item.scope)}</span>: ' if item.scope else ""
    cite = ""
    if item.entry:
        section = f", section &ldquo;{escape(item.section)}&rdquo;" if item.section else ""
        cite = f' <span class="cite">(cites <code>{escape(item.entry)}</code>{section})</span>'
    record = _record(item) if checklist else ""
    return f"<li>{box}{scope}{escape(item.text)}{_origin(item)}{cite}{record}</li>"


def _origin(item: Item) -> str:
    """` (from hardware.txt line 412, /proc/cpuinfo)`, the lines as read in its tooltip."""
    if not item.origin:
        return ""
    return (f' <span class="origin" title="{escape(item.origin_detail)}">'
            f"({escape(item.origin)})</span>")


def _table(block: Block) -> str:
    if not block.rows:
        return ""
    head = "".join(f"<th>{escape(h)}</th>" for h in block.header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                   for row in block.rows)
    return (f'<table border="1" cellspacing="0" cellpadding="3"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def render_document(doc: Document) -> str:
    title = f"KVM support check: {doc.title}"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
             f"<h1>{escape(title)}</h1>",
             f'<p class="verdict">Verdict: {_status(doc.verdict, doc.verdict_label)} '
             f"<span class=\"cite\">(release <code>{escape(doc.release)}</code>)</span></p>"]
    for block in doc.blocks:
        level = block.level
        parts.append(f"<h{level}>{escape(block.heading)}</h{level}>")
        parts += [f"<p>{escape(line)}</p>" for line in block.lines]
        if block.items:
            parts.append("<ul>" + "".join(_item(i, block.kind == "checklist")
                                          for i in block.items) + "</ul>")
        if block.kind == "table":
            parts.append(_table(block))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render_html(verdict: Verdict) -> str:
    return render_document(build(verdict))
