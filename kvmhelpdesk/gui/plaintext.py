"""Entry text as plain text for the clipboard: no U+FFFC image placeholders (the kind icon
before the title, status badges), list items keep a marker, a facts-table row stays one
"name: value" line, as a ticket wants it. Imported on the first copy, not at start-up.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment, QTextListFormat

OBJECT_CHAR = "\ufffc"
_Style = QTextListFormat.Style
ORDERED_LISTS = (_Style.ListDecimal, _Style.ListLowerAlpha, _Style.ListUpperAlpha,
                 _Style.ListLowerRoman, _Style.ListUpperRoman)


def clean_text(text: str) -> str:
    """Plain text without image placeholders, odd spaces or trailing blanks."""
    text = text.replace(OBJECT_CHAR, "").replace("\u00a0", " ").replace("\u2029", "\n")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def document_text(document: QTextDocument) -> str:
    """A document as plain text: list items keep a marker, table rows stay on one line."""
    lines: list[str] = []
    block = document.begin()
    table_row: tuple[object, int] | None = None
    while block.isValid():
        text = block.text()
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        text_list = block.textList()
        if table is not None:
            cell = table.cellAt(cursor)
            row = (table, cell.row())
            if row == table_row and lines:
                lines[-1] = f"{lines[-1]}: {text}" if text.strip() else lines[-1]
            else:
                lines.append(text)
            table_row = row
        else:
            table_row = None
            if text_list is not None:
                number = text_list.itemNumber(block) + 1
                ordered = text_list.format().style() in ORDERED_LISTS
                text = f"{number}. {text}" if ordered else f"- {text}"
            elif block.blockFormat().headingLevel() and lines and lines[-1]:
                lines.append("")
            lines.append(text)
        block = block.next()
    return clean_text("\n".join(lines))


def fragment_text(fragment: QTextDocumentFragment) -> str:
    document = QTextDocument()
    QTextCursor(document).insertFragment(fragment)
    return document_text(document)
