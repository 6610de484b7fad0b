"""Plain text for the clipboard: pastes cleanly into any ticket system or mail."""

from __future__ import annotations

import textwrap

from kvmhelpdesk.report.document import Block, Document, Item, build, citation
from kvmhelpdesk.triage.verdict import Verdict

WIDTH = 100


def _item(item: Item, bullet: str) -> list[str]:
    scope = f"[{item.scope}] " if item.scope else ""
    cite = citation(item)
    text = f"{scope}{item.text}" + (f" (see {cite})" if cite else "")
    return textwrap.wrap(text, WIDTH, initial_indent=bullet, subsequent_indent=" " * len(bullet),
                         break_on_hyphens=False, break_long_words=False) or [bullet]


def _table(block: Block) -> list[str]:
    if not block.rows:
        return []
    widths = [max(len(str(c)) for c in col) for col in zip(block.header, *block.rows,
                                                           strict=False)]
    widths = [min(w, 40) for w in widths]

    def line(cells: list[str]) -> str:
        return "  ".join(str(c)[:w].ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip()

    return [line(block.header), line(["-" * w for w in widths])] + [line(r) for r in block.rows]


def render_document(doc: Document) -> str:
    title = f"KVM support check: {doc.title}"
    out = [title, "=" * len(title), f"Verdict: {doc.verdict_label}   (release {doc.release})"]
    for block in doc.blocks:
        heading = block.heading
        out += ["", heading, ("-" if block.level == 2 else "~") * len(heading)]
        for line in block.lines:
            out += textwrap.wrap(line, WIDTH, break_on_hyphens=False,
                                 break_long_words=False) or [""]
        bullet = "[ ] " if block.kind == "checklist" else "- "
        for item in block.items:
            out += _item(item, bullet)
        if block.kind == "table":
            out += _table(block)
    return "\n".join(out).rstrip() + "\n"


def render_text(verdict: Verdict) -> str:
    return render_document(build(verdict))
