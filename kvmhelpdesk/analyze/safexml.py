"""Hardened XML parsing for pasted customer documents.

Built directly on expat so that nothing is expanded or fetched: a DOCTYPE (the only place
entities, external entities and DTD references can be declared) is refused the moment the
parser sees it, before any declaration is read. Billion-laughs and XXE documents therefore
fail at once, in bounded memory. Size, depth and element count are capped too. The stdlib is
enough here; defusedxml would add a dependency for the same handful of handlers.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any
from xml.parsers import expat

from kvmhelpdesk.analyze.model import AnalyzeError

MAX_XML_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 100
MAX_ELEMENTS = 100_000
MAX_DOCUMENTS = 64

_JUNK = expat.errors.codes[expat.errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT]


class _Refused(Exception):
    """Raised inside an expat handler to stop parsing at once."""


class XmlTooLarge(AnalyzeError):
    """The input as a whole is over a cap: refused even when an earlier document was fine."""


def _refuse_doctype(*_args: Any) -> None:
    raise _Refused("XML with a DOCTYPE declaration is refused (no DTDs, entities or "
                   "external references are read)")


def _refuse_entity(*_args: Any) -> None:
    raise _Refused("XML with an entity declaration is refused")


def _refuse_external(*_args: Any) -> int:
    raise _Refused("XML with an external entity reference is refused")


class _Builder:
    """expat callbacks -> ElementTree elements, with depth and size caps."""

    def __init__(self, count: int = 0) -> None:
        self.tree = ET.TreeBuilder()
        self.depth = 0
        self.count = count  # elements of earlier documents count too: the cap is per input
        self.closed_root = False

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        self.count += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(f"XML nested deeper than {MAX_DEPTH} levels is refused")
        if self.count > MAX_ELEMENTS:
            raise XmlTooLarge(f"XML with more than {MAX_ELEMENTS:,} elements is refused")
        self.tree.start(tag, attrs)

    def end(self, tag: str) -> None:
        self.depth -= 1
        self.tree.end(tag)
        if self.depth == 0:
            self.closed_root = True


def _parser(builder: _Builder) -> Any:
    parser = expat.ParserCreate(encoding="utf-8")  # the bytes are UTF-8 whatever is declared
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.tree.data
    return parser


def _parse_one(data: bytes, count: int = 0) -> tuple[ET.Element, int | None, int]:
    """The first document of `data`, where the next one starts (None: no more), and the
    number of elements read so far (`count` of earlier documents included)."""
    builder = _Builder(count)
    parser = _parser(builder)
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise AnalyzeError(str(exc)) from None
    except expat.ExpatError as exc:
        if exc.code == _JUNK and builder.closed_root:
            return builder.tree.close(), parser.ErrorByteIndex, builder.count
        message = expat.errors.messages.get(exc.code, "syntax error")
        raise AnalyzeError(f"not well-formed XML: {message} at line {exc.lineno}, "
                           f"column {exc.offset + 1}") from None
    return builder.tree.close(), None, builder.count


def parse_documents(text: str | bytes) -> tuple[list[ET.Element], list[str]]:
    """Every XML document of a text (two concatenated documents are two), plus problems.

    The first document must parse, else AnalyzeError; a later bad one becomes a problem line.
    """
    data = text.encode("utf-8", "replace") if isinstance(text, str) else text
    if len(data) > MAX_XML_BYTES:
        raise AnalyzeError(f"the XML is larger than {MAX_XML_BYTES // (1024 * 1024)} MB: "
                           "not a domain definition")
    roots: list[ET.Element] = []
    problems: list[str] = []
    rest: bytes | None = data.lstrip()
    count = 0
    while rest:
        if len(roots) >= MAX_DOCUMENTS:
            problems.append(f"more than {MAX_DOCUMENTS} XML documents: the rest was left out")
            break
        try:
            root, offset, count = _parse_one(rest, count)
        except AnalyzeError as exc:
            if not roots or isinstance(exc, XmlTooLarge):
                raise
            problems.append(f"XML document {len(roots) + 1}: {exc}")
            break
        roots.append(root)
        rest = rest[offset:].lstrip() if offset is not None else None
    if not roots:
        raise AnalyzeError("the XML is empty")
    return roots, problems
