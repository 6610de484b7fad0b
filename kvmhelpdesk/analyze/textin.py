"""Bytes a customer sent -> text, naming the encoding instead of guessing it silently.

Windows tools save UTF-16 (PowerShell's `>` does), old libvirt hosts wrote Latin-1 XML and
Japanese sites Shift_JIS: a byte-order mark says UTF-8/16/32; UTF-16 without one shows in its
NUL bytes; an XML declaration names the encoding of the document. Everything else is read as
UTF-8, undecodable bytes becoming U+FFFD. The result is always valid Unicode.
"""

from __future__ import annotations

import codecs
import re

from kvmhelpdesk.analyze.model import AnalyzeError
from kvmhelpdesk.safetext import valid_text

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_DECLARATION = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")


def sniff_encoding(data: bytes) -> tuple[str | None, int]:
    """(encoding, BOM length) from a byte-order mark or the NUL pattern of UTF-16 text."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    head = data[:400]
    if len(head) >= 8:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.1:
            return "utf-16-le", 0
        if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.1:
            return "utf-16-be", 0
    return None, 0


def decode_text(data: bytes) -> str:
    """A file's text: BOM or UTF-16 pattern first, else UTF-8 (bad bytes -> U+FFFD)."""
    encoding, skip = sniff_encoding(data)
    return valid_text(data[skip:].decode(encoding or "utf-8", "replace"))


def declared_encoding(data: bytes) -> str | None:
    """The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`)."""
    match = _DECLARATION.match(data)
    return match.group(1).decode("ascii") if match else None


def decode_xml(data: bytes) -> str:
    """An XML document's text: by its BOM, else by the encoding its declaration names."""
    encoding, skip = sniff_encoding(data)
    if encoding is None:
        declared = declared_encoding(data)
        if declared is not None:
            try:
                encoding = codecs.lookup(declared).name
            except LookupError:
                raise AnalyzeError(f"the XML declares the encoding {declared!r}, which is not "
                                   "known here: save it as UTF-8") from None
    return valid_text(data[skip:].decode(encoding or "utf-8", "replace"))
