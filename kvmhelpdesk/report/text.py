"""Plain text for the clipboard: pastes cleanly into any ticket system or mail.

Text from the case (guest names, OS strings, values read from customer files) may hold control
characters: each piece is shown with them escaped (`\\x1b`, `\\n`), so an ESC cannot reach a
terminal and a newline cannot start a line the report did not write.
"""

from __future__ import annotations

import textwrap

from kvmhelpdesk.report.document import Block, Document, Item, build, citation
from kvmhelpdesk.safetext import shown as _s
from kvmhelpdesk.triage.verdict import Verdict

WIDTH = 100


def _item(item: Item, bullet: str) -> list[str]:
    scope = f"[{_s(item.scope)}] " if item.scope else ""
    cite = _s(citation(item))
    text = f"{scope}{_s(item.text)}" + (f" (see {cite})" if cite else "")
    return textwrap.wrap(text, WIDTH, initial_indent=bullet, subsequent_indent=" " * len(bullet),
                         break_on_hyphens=False, break_long_words=False) or [bullet]


def _table(block: Block) -> list[str]:
    if not block.rows:
        return []
    rows = [[_s(str(c)) for c in row] for row in block.rows]
    widths = [max(len(str(c)) for c in col) for col in zip(block.header, *rows, strict=False)]
    widths = [min(w, 40) for w in widths]

    def line(cells: list[str]) -> str:
        return "  ".join(str(c)[:w].ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip()

    return [line(block.header), line(["-" * w for w in widths])] + [line(r) for r in rows]


def render_document(doc: Document) -> str:
    title = f"KVM support check: {_s(doc.title)}"
    out = [title, "=" * len(title), f"Verdict: {doc.verdict_label}   (release {_s(doc.release)})"]
    for block in doc.blocks:
        heading = _s(block.heading)
        out += ["", heading, ("-" if block.level == 2 else "~") * len(heading)]
        for line in block.lines:
            out += textwrap.wrap(_s(line), WIDTH, break_on_hyphens=False,
                                 break_long_words=False) or [""]
        bullet = "[ ] " if block.kind == "checklist" else "- "
        for item in block.items:
            out += _item(item, bullet)
        if block.kind == "table":
            out += _table(block)
    return "\n".join(out).rstrip() + "\n"


def render_text(verdict: Verdict) -> str:
    return render_document(build(verdict))
