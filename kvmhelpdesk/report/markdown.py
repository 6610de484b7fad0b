"""A Markdown ticket note: issue, environment, verdict, cited findings, conditions, advice."""

from __future__ import annotations

import re

from kvmhelpdesk.report.document import Block, Document, Item, build, citation
from kvmhelpdesk.safetext import shown
from kvmhelpdesk.triage.verdict import Verdict

_SPECIAL = re.compile(r"[\\`*\[\]<>|~&]|(?<!\w)_|_(?!\w)")
# What starts a block when it opens a line: heading, list item, setext underline, quote.
_LINE_START = re.compile(r"^(?:#|[-+=]|\d+[.)])")


def escape(text: str) -> str:
    """Customer text (guest names, OS strings) must not turn into Markdown markup.

    Newlines and other control characters are shown as escapes first, so a guest name cannot
    start a list item or a heading of its own ("- [x] Customer confirmed"); then every
    character Markdown gives a meaning is escaped. Underscores inside words (x86_64,
    intel_iommu) cannot start emphasis and stay readable.
    """
    text = shown(str(text)).lstrip()
    text = _SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    return _LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def _item(item: Item, checklist: bool) -> str:
    box = f"- {item.mark} " if checklist else "- "
    scope = f"**{escape(item.scope)}**: " if item.scope else ""
    cite = f" *(cites `{item.entry}`" + (f", section “{escape(item.section)}”" if item.section
                                         else "") + ")*" if item.entry else ""
    origin = f" *({escape(item.origin)})*" if item.origin else ""
    return f"{box}{scope}{escape(item.text)}{origin}{cite}{_record(item)}"


def _record(item: Item) -> str:
    """The customer's answer to a condition, after it: ` — **confirmed**: note (when)`."""
    if not item.record_word:
        return ""
    detail = item.record_detail
    glue = ": " if item.note else " "
    return f" — **{escape(item.record_word)}**" + (f"{glue}{escape(detail)}" if detail else "")


def _table(block: Block) -> list[str]:
    if not block.rows:
        return []
    out = ["| " + " | ".join(escape(h) for h in block.header) + " |",
           "|" + "---|" * len(block.header)]
    out += ["| " + " | ".join(escape(c) for c in row) + " |" for row in block.rows]
    return out


def render_document(doc: Document) -> str:
    out = [f"# KVM support check: {escape(doc.title)}", "",
           f"**Verdict: {doc.verdict_label}** (release `{doc.release}`)"]
    for block in doc.blocks:
        out += ["", f"{'#' * block.level} {escape(block.heading)}", ""]
        for line in block.lines:
            out += [escape(line), ""]
        out += [_item(i, block.kind == "checklist") for i in block.items]
        if block.kind == "table":
            if out[-1] != "":
                out.append("")  # a table glued to a list would render as list text
            out += _table(block)
    return "\n".join(out).rstrip() + "\n"


def render_markdown(verdict: Verdict) -> str:
    return render_document(build(verdict))


__all__ = ["citation", "escape", "render_document", "render_markdown"]
