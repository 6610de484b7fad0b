"""Case JSON text -> plain data, refusing at the door what no case can hold.

`json` alone raises a bare ValueError for an integer of more than 4,300 digits and reads
`1e400` as infinity; here such numbers are kept as `TooLarge` so the validator reports them
with their key path. Duplicate keys and the NaN/Infinity constants are refused outright.
"""

from __future__ import annotations

import json
import math
from typing import Any

from kvmhelpdesk.safetext import has_surrogate

# The largest number a case holds: 2^53, what every JSON reader (JavaScript too) keeps exactly.
MAX_NUMBER = 2**53
SURROGATE_WORDS = "not valid Unicode text (a lone surrogate such as \\ud800)"


class CaseJsonError(ValueError):
    """The text is not JSON a case can come from; the message is one line."""


class TooLarge:
    """A JSON number no case value can be (5,000 digits, 1e400), kept as written."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        if len(self.text) <= 24:
            return self.text
        return f"{self.text[:10]}...{self.text[-4:]} ({len(self.text):,} characters)"


def _parse_int(text: str) -> int | TooLarge:
    return int(text) if len(text) <= 20 else TooLarge(text)


def _parse_float(text: str) -> float | TooLarge:
    if len(text) > 400:
        return TooLarge(text)
    value = float(text)
    return value if math.isfinite(value) else TooLarge(text)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise CaseJsonError(f"duplicate key {key!r} in a JSON object")
        result[key] = value
    return result


def _no_constant(word: str) -> Any:
    raise CaseJsonError(f"{word} is not allowed in a case file")


def decode(text: str) -> Any:
    """The JSON value of `text`; CaseJsonError in one line for anything else."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                          parse_int=_parse_int, parse_float=_parse_float)
    except json.JSONDecodeError as exc:
        hint = " (the file looks truncated)" if exc.pos >= len(text.rstrip()) else ""
        raise CaseJsonError(f"not valid JSON at line {exc.lineno} column {exc.colno}: "
                            f"{exc.msg}{hint}") from None
    except RecursionError:
        raise CaseJsonError("JSON nested too deeply") from None
    except CaseJsonError:
        raise
    except ValueError as exc:  # anything else json refuses
        raise CaseJsonError(f"not valid JSON: {exc}") from None


def bad_value(value: Any, is_list: bool, max_items: int) -> str:
    """What makes a value unusable whatever type it should have: a number out of range, text
    that is not valid Unicode, a list longer than `max_items`; "" when none of these."""
    if isinstance(value, TooLarge) or (
            isinstance(value, (int, float)) and not isinstance(value, bool)
            and abs(value) > MAX_NUMBER):
        return f"{value} is too large: a case file holds numbers up to 2^53 ({MAX_NUMBER:,})"
    if isinstance(value, str) and has_surrogate(value):
        return SURROGATE_WORDS
    if is_list and isinstance(value, (list, dict)) and len(value) > max_items:
        return (f"{len(value):,} items: a case holds at most {max_items:,} in one list "
                "(one host; see the limits in docs/case-format.md)")
    return ""
