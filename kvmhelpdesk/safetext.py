"""Customer and pack text made safe to keep and to show (Qt-free).

Where text enters, it is made valid Unicode once (`valid_text`): a lone surrogate (from a
JSON `\\ud800` escape, or from undecodable bytes in a command-line argument) becomes U+FFFD,
as undecodable bytes in a pasted file already do. Case files are stricter: the case validator
refuses such a string with its key path, as it refuses bytes that are not UTF-8.

Where text is shown on a terminal or in a one-line message, control characters are shown as
escapes (`shown`): an ESC from a guest name must not clear the screen, a newline must not
start a fake line of the report, and a bidirectional override must not reorder what is read.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls, DEL, bidirectional embeddings/overrides/isolates, line/paragraph
# separators; tab and newline are matched too and left alone by `shown_lines`.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                      "\ud800-\udfff]")
_LINE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                           "\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def valid_text(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD (encodable as UTF-8 everywhere)."""
    return _SURROGATE.sub(REPLACEMENT, text) if has_surrogate(text) else text


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte kept by surrogateescape (file names)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    char = match.group(0)
    return _NAMED.get(char) or f"\\u{ord(char):04x}"


def shown(text: str) -> str:
    """One line of `text` for a terminal: every control character as an escape (`\\x1b`)."""
    return _CONTROL.sub(_escape, text)


def shown_lines(text: str) -> str:
    """Like `shown`, but newlines and tabs stay: for multi-line output we lay out ourselves.

    Escapes are written `\\u001b`, which is also how JSON escapes a character: inside a JSON
    string (where json.dumps left a C1 control or a separator raw) the document stays valid
    and means the same text."""
    return _LINE_CONTROL.sub(_json_escape, text)
