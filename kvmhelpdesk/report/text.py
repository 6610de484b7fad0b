"""Plain text for the clipboard: pastes cleanly into any ticket system or mail.

Text from the case (guest names, OS strings, values read from customer files) may hold control
characters: each piece is shown with them escaped (`\\x1b`, `\\n`), so an ESC cannot reach a
terminal and a newline cannot start a line the report did not write.
"""

from __future__ import annotations

import re
import textwrap

from kvmhelpdesk.report.document import Block, Document, Item, build, citation
from kvmhelpdesk.safetext import shown as _s
from kvmhelpdesk.triage.verdict import Verdict

WIDTH = 100


def _item(item: Item, bullet: str) -> list[str]:
    scope = f"[{_s(item.scope)}] " if item.scope else ""
    cite = _s(citation(item))
    origin = f" ({_s(item.origin)})" if item.origin else ""
    text = f"{scope}{_s(item.text)}{origin}" + (f" (see {cite})" if cite else "")
    return textwrap.wrap(text, WIDTH, initial_indent=bullet, subsequent_indent=" " * len(bullet),
                         break_on_hyphens=False, break_long_words=False) or [bullet]


def _checklist_item(item: Item) -> list[str]:
    """`[x] [guest:web01] ... (see ...) -- confirmed: lsmod in the SR (2026-11-30)`."""
    record = f" -- {item.record}" if item.record else ""
    return _item(Item(item.text + record, item.scope, item.entry, item.section, item.status,
                      sources=item.sources), f"{item.mark} ")


GAP = 2
MAX_WORD = 30  # a longer piece (a path) may be broken; a MAC address (17) never is
_PIECE = re.compile(r"[^\s,]*,|[^\s,]+")


def _pieces(text: str) -> list[tuple[str, bool]]:
    """Words, split once more after commas (`nic,macaddr=...,model=e1000`), each with whether
    a space came before it: where a cell may wrap."""
    out: list[tuple[str, bool]] = []
    for word in text.split():
        for number, piece in enumerate(_PIECE.findall(word)):
            out.append((piece, number == 0))
    return out


def wrap_cell(text: str, width: int) -> list[str]:
    """A table cell in lines of at most `width`, broken between words or after commas; only a
    piece longer than the whole column is cut."""
    lines: list[str] = []
    line = ""
    for piece, spaced in _pieces(text):
        glue = " " if spaced and line else ""
        if line and len(line) + len(glue) + len(piece) > width:
            lines.append(line)
            line, glue = "", ""
        line += glue + piece
        while len(line) > width:
            lines.append(line[:width])
            line = line[width:]
    if line or not lines:
        lines.append(line)
    return lines


def _widths(rows: list[list[str]]) -> list[int]:
    """Column widths that fit WIDTH where they can: the widest column gives way first, never
    below its longest piece (up to MAX_WORD)."""
    columns = list(zip(*rows, strict=False))
    widths = [max((len(c) for c in col), default=1) or 1 for col in columns]
    floors = [min(max((len(p) for c in col for p, _ in _pieces(c)), default=1), MAX_WORD)
              for col in columns]
    while sum(widths) + GAP * (len(widths) - 1) > WIDTH:
        room = [w - f for w, f in zip(widths, floors, strict=True)]
        widest = max(range(len(widths)), key=lambda i: (room[i] > 0, widths[i]))
        if room[widest] <= 0:
            break
        widths[widest] -= 1
    return widths


def _table(block: Block) -> list[str]:
    """Cells wrap at word boundaries instead of being cut."""
    if not block.rows:
        return []
    rows = [[_s(str(c)) for c in block.header]] + [[_s(str(c)) for c in r] for r in block.rows]
    widths = _widths(rows)

    def lines(cells: list[str]) -> list[str]:
        wrapped = [wrap_cell(c, w) for c, w in zip(cells, widths, strict=False)]
        height = max(len(w) for w in wrapped)
        return ["  ".join((part[n] if n < len(part) else "").ljust(w)
                          for part, w in zip(wrapped, widths, strict=False)).rstrip()
                for n in range(height)]

    out = [*lines(rows[0]), "  ".join("-" * w for w in widths)]
    for row in rows[1:]:
        out += lines(row)
    return out


def render_document(doc: Document) -> str:
    title = f"KVM support check: {_s(doc.title)}"
    out = [title, "=" * len(title), f"Verdict: {doc.verdict_label}   (release {_s(doc.release)})"]
    for block in doc.blocks:
        heading = _s(block.heading)
        out += ["", heading, ("-" if block.level == 2 else "~") * len(heading)]
        for line in block.lines:
            out += textwrap.wrap(_s(line), WIDTH, break_on_hyphens=False,
                                 break_long_words=False) or [""]
        for item in block.items:
            out += _checklist_item(item) if block.kind == "checklist" else _item(item, "- ")
        if block.kind == "table":
            out += _table(block)
    return "\n".join(out).rstrip() + "\n"


def render_text(verdict: Verdict) -> str:
    return render_document(build(verdict))
