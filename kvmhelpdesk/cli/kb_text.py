"""`kvmhelpdesk kb show ID` as terminal text: Markdown turned into wrapped plain text.

The body goes through the same Markdown renderer as the app (so lists and paragraphs read the
same), then the HTML is laid out as text: paragraphs wrapped to the terminal width, lists with
bullets or numbers and hanging indents, and links to other entries written as their text with
the entry id in brackets, "raw storage [art-raw-storage]", so the reader can `kb show` it next;
web links as their text with the address after it, "release notes (http://...)".
"""

from __future__ import annotations

import shutil
import textwrap
from html.parser import HTMLParser

from kvmhelpdesk.kb import KIND_NAMES, STATUS_LABELS, Entry, KnowledgeBase
from kvmhelpdesk.kb.render import entry_facts, markdown_to_html, shown_restrictions

MIN_WIDTH, MAX_WIDTH = 40, 100
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "blockquote"}


def terminal_width() -> int:
    """The terminal's width (COLUMNS wins; 80 when not a terminal), kept readable."""
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(MIN_WIDTH, min(columns, MAX_WIDTH))


class _TextLayout(HTMLParser):
    """Collects the blocks of rendered Markdown as (prefix, continuation indent, text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str, str]] = []
        self._lists: list[list[int | None]] = []  # per open list: [next number or None]
        self._text: list[str] = []
        self._prefix: tuple[str, str] | None = None
        self._href: str | None = None
        self._link_start = 0
        self._pre = 0
        self._cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self._flush()
            self._lists.append([1 if tag == "ol" else None])
        elif tag == "li":
            self._flush()
            depth = len(self._lists)
            counter = self._lists[-1] if self._lists else [None]
            if counter[0] is None:
                marker = "-" if depth <= 1 else "*"
            else:
                marker = f"{counter[0]}."
                counter[0] += 1
            indent = "  " * max(depth - 1, 0)
            self._prefix = (f"{indent}{marker} ", indent + " " * (len(marker) + 1))
        elif tag in _BLOCKS:
            self._flush()
            self._pre += tag == "pre"
        elif tag in ("td", "th"):
            self._cells.append("")
        elif tag == "br":
            self._text.append("\n")
        elif tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._link_start = len(self._cells[-1]) if self._cells else len("".join(self._text))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            href = self._href or ""
            if href.startswith("entry:"):
                self._add(f" [{href.removeprefix('entry:')}]")
            elif href and not self._link_text().endswith(href):
                self._add(f" ({href})")  # an address the reader may need to type elsewhere
            self._href = None
        elif tag in ("ul", "ol"):
            self._flush()
            if self._lists:
                self._lists.pop()
        elif tag in ("td", "th"):
            pass
        elif tag == "tr":
            self._text = [" | ".join(c.strip() for c in self._cells)]
            self._cells = []
            self._flush()
        elif tag in _BLOCKS:
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self._text = ["".join(self._text).strip().upper()]
            self._flush()
            self._pre -= tag == "pre"

    def _link_text(self) -> str:
        """The text of the link being read (to skip repeating an address shown as itself)."""
        text = self._cells[-1] if self._cells else "".join(self._text)
        return text[self._link_start:].strip()

    def handle_data(self, data: str) -> None:
        self._add(data)

    def _add(self, text: str) -> None:
        if self._cells:
            self._cells[-1] += text
        else:
            self._text.append(text)

    def _flush(self) -> None:
        text = "".join(self._text)
        self._text = []
        if not text.strip():
            return
        first, rest = self._prefix or ("", "")
        if not self._prefix and self._lists:  # a paragraph inside a list item: keep its indent
            rest = "  " * len(self._lists)
            first = rest
        self._prefix = None
        if self._pre:
            self.blocks.append(("\0pre", "", text.rstrip("\n")))
        else:
            self.blocks.append((first, rest, text))

    def close(self) -> None:
        super().close()
        self._flush()


def markdown_text(markdown: str, width: int) -> str:
    """Markdown as plain text wrapped to `width`; entry links as "text [id]"."""
    layout = _TextLayout()
    layout.feed(markdown_to_html(markdown))
    layout.close()
    out: list[str] = []
    previous_was_item = False
    for first, rest, text in layout.blocks:
        if first == "\0pre":
            out += ["", *("    " + line for line in text.splitlines())]
            previous_was_item = False
            continue
        is_item = bool(first.strip())
        if out and not (is_item and previous_was_item):
            out.append("")
        out.append(_wrap(" ".join(text.split()), width, first, rest))
        previous_was_item = is_item
    return "\n".join(out).strip("\n")


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> str:
    return textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False)


def entry_text(entry: Entry, kb: KnowledgeBase, width: int | None = None) -> str:
    """The entry as readable terminal text: title, facts, body, gaps, related entries."""
    width = width or terminal_width()
    lines = [entry.title, "=" * min(len(entry.title), width)]
    facts = [STATUS_LABELS[entry.status]] if entry.status else []
    facts += [KIND_NAMES[entry.kind], f"id {entry.id}", f"release {entry.release}"]
    lines.append(_wrap(" · ".join(facts), width))
    source = f"Source: {kb.section_heading(entry)}"
    if entry.source_text:
        source += f" — “{entry.source_text}”"
    lines.append(_wrap(source, width, "", "  "))
    if entry.status_note:
        lines.append(_wrap(f"How the status was read: {entry.status_note}", width, "", "  "))
    if entry.summary:
        lines += ["", _wrap(entry.summary, width)]
    # The page's order: facts, restrictions, body (the body may refer to "the table above").
    facts_table = entry_facts(entry)
    if facts_table:
        label_width = max(len(k) for k, _ in facts_table) + 2
        lines.append("")
        for key, value in facts_table:
            lines.append(_wrap(value, width, f"{key + ':':<{label_width}}", " " * label_width))
    restrictions = shown_restrictions(entry)
    if restrictions:
        lines += ["", "Restrictions and conditions:"]
        lines += [_wrap(r, width, "  - ", "    ") for r in restrictions]
    body = markdown_text(entry.body, width)
    if body:
        lines += ["", body]
    if entry.ambiguities:
        lines += ["", "Where the statement is unclear:"]
        lines += [_wrap(a, width, "  - ", "    ") for a in entry.ambiguities]
    if entry.related:
        lines += ["", "Related:"]
        for target in entry.related:
            other = kb.find(target, entry.release)
            lines.append(_wrap(f"{other.title if other else target} [{target}]", width,
                               "  - ", "    "))
    return "\n".join(lines).rstrip()
