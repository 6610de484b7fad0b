"""qemu arguments -> options with their values split into a first value and key=value params.

qemu's own rules: `,,` is a literal comma inside a value; a value may be JSON (`-device
'{"driver":...}'`); the first item without `=` is the option's implied key (`-M pc` equals
`-M type=pc`). Which options take a value comes from the analyzer's own table (optiontable).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk.analyze.optiontable import IMPLIED_KEYS, JSON_FIRST_KEYS, arity
from kvmhelpdesk.analyze.tokenizer import looks_like_option
from kvmhelpdesk.safetext import valid_text

POSITIONAL_IMAGE = "-hda"  # qemu's `qemu [options] [disk_image]`: a bare word is hard disk 0


@dataclass(frozen=True)
class ParsedOption:
    """One option as given: normalized name, raw value, and the value taken apart."""

    name: str  # "-drive" ("--drive" is normalized)
    value: str = ""  # raw value, "" for a flag
    first: str | None = None  # first (positional) value: the driver, type or model
    params: dict[str, str] = field(default_factory=dict)
    has_value: bool = False
    spelled: str = ""  # as written, when it differs from `name` ("--drive", a bare image)

    @property
    def shown(self) -> str:
        return self.spelled or self.name


def normalize(word: str) -> str:
    """`--drive` -> `-drive` (qemu accepts both)."""
    return "-" + word.lstrip("-") if word.startswith("--") else word


def split_commas(value: str) -> list[str]:
    """Split on `,` where `,,` stands for a literal comma."""
    if ",," not in value:
        return value.split(",")  # the common case, without the loop below
    items: list[str] = []
    buf: list[str] = []
    i, n = 0, len(value)
    while i < n:
        c = value[i]
        if c == ",":
            if i + 1 < n and value[i + 1] == ",":
                buf.append(",")
                i += 2
                continue
            items.append("".join(buf))
            buf = []
        else:
            buf.append(c)
        i += 1
    items.append("".join(buf))
    return items


def _scalar(value: Any) -> str:
    """A JSON value as qemu's text; a `\\ud800` escape in it becomes U+FFFD (valid text)."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, (int, float)) or value is None:
        return json.dumps(value)
    try:
        return json.dumps(value, sort_keys=True)
    except (ValueError, RecursionError, TypeError):  # deep nesting, huge numbers
        return "(not shown)"


def _json_object(value: str) -> dict[str, Any] | None:
    if not value.lstrip().startswith("{"):
        return None
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def split_value(name: str, value: str) -> tuple[str | None, dict[str, str]]:
    """The first value and the key=value params of an option's value."""
    data = _json_object(value)
    if data is not None:
        params = {valid_text(str(k)): _scalar(v) for k, v in data.items()}
        first = next((params[k] for k in JSON_FIRST_KEYS if k in params), None)
        return first, params
    items = split_commas(value)
    first: str | None = None
    params: dict[str, str] = {}
    for index, item in enumerate(items):
        key, sep, val = item.partition("=")
        if not sep:
            if index == 0:
                first = item
            elif item:
                params.setdefault(item, "")
            continue
        params[key] = val
    if first is None and name in IMPLIED_KEYS:
        first = params.get(IMPLIED_KEYS[name])
    return first, params


def make_option(name: str, value: str | None = None, spelled: str = "") -> ParsedOption:
    """Build a ParsedOption (also used for options synthesized from libvirt XML)."""
    if value is None:
        return ParsedOption(name=name, spelled=spelled)
    first, params = split_value(name, value)
    return ParsedOption(name=name, value=value, first=first, params=params, has_value=True,
                        spelled=spelled)


_SPACED = re.compile(r"[=,]")


def parse_args(args: list[str]) -> list[ParsedOption]:
    """Arguments after the binary -> options, in order.

    An option known to take a value takes the next word whatever it is; an option of unknown
    arity takes it unless it looks like an option. Words after a `key=value` value that start
    no option are that value's unquoted spaces (`version=6FET82WW (3.12 )`); a bare word after
    a flag is qemu's positional disk image.
    """
    options: list[ParsedOption] = []
    i, n = 0, len(args)
    while i < n:
        word = args[i]
        if not looks_like_option(word):
            options.append(make_option(POSITIONAL_IMAGE, word, spelled="(disk image)"))
            i += 1
            continue
        name = normalize(word)
        kind = arity(name)
        spelled = word if word != name else ""
        i += 1
        if kind == "flag" or i >= n or (kind == "unknown" and looks_like_option(args[i])):
            options.append(ParsedOption(name=name, spelled=spelled))
            continue
        value = args[i]
        i += 1
        if _SPACED.search(value):
            while i < n and not looks_like_option(args[i]):
                value += " " + args[i]
                i += 1
        options.append(make_option(name, value, spelled))
    return options
