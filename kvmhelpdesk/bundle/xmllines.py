"""The line of each element of a domain XML that a case answer is read from.

Only run on XML the analyzer has already accepted (no DOCTYPE, within its caps); a document
that does not parse gives whatever was located before the error. Element paths are
`name`, `vcpu`, `os/type`, `devices/disk[0]`, `devices/disk[0]/driver`, ... (the first of each
child, counted per tag under <devices>).
"""

from __future__ import annotations

import contextlib
from xml.parsers import expat


class _Refused(Exception):
    pass


def element_lines(text: str) -> dict[str, int]:
    """Element path -> 1-based line of its start tag within `text`."""
    found: dict[str, int] = {}
    stack: list[str] = []
    counts: dict[str, int] = {}
    parser = expat.ParserCreate()

    def start(tag: str, attrs: dict[str, str]) -> None:
        depth = len(stack)
        if depth == 0:
            path = "domain"
        elif depth == 1:
            path = tag
        elif depth == 2 and stack[1] == "devices":
            index = counts.get(tag, 0)
            counts[tag] = index + 1
            path = f"devices/{tag}[{index}]"
        elif depth in (2, 3):
            path = f"{stack[-1]}/{tag}"
        else:
            path = ""
        stack.append(path or tag)
        if path and path not in found:
            found[path] = parser.CurrentLineNumber + offset

    def end(tag: str) -> None:
        stack.pop()

    def refuse(*args: object) -> None:
        raise _Refused()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    stripped = text.lstrip()
    offset = text.count("\n", 0, len(text) - len(stripped))
    with contextlib.suppress(expat.ExpatError, _Refused, ValueError):
        parser.Parse(stripped, True)
    return found
