"""Answer paths (`host.cpu_cores`, `guests[1].disks[0].format`): read and write case answers.

A finding's `basis`, a condition's confirmed answers and the case's `evidence` map all name
answers this way, as the validator's messages do.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Any

_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
_MISSING = object()


@lru_cache(maxsize=8192)
def parse_path(path: str) -> tuple[str | int, ...]:
    """`guests[1].disks[0].format` -> ("guests", 1, "disks", 0, "format")."""
    parts: list[str | int] = []
    for match in _PART.finditer(path):
        parts.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
    return tuple(parts)


def get_path(case: Any, path: str, default: Any = None) -> Any:
    value = case
    for part in parse_path(path):
        if isinstance(part, int):
            if not isinstance(value, list) or part >= len(value):
                return default
            value = value[part]
        else:
            if not isinstance(value, dict) or part not in value:
                return default
            value = value[part]
    return value


def has_path(case: Any, path: str) -> bool:
    """The answer at `path` is given (present and not null)."""
    return get_path(case, path, _MISSING) not in (_MISSING, None)


def set_path(case: dict[str, Any], path: str, value: Any) -> None:
    """Write `value` at `path`, creating objects on the way; lists must exist already."""
    parts = parse_path(path)
    target: Any = case
    for part, following in pairwise(parts):
        if isinstance(part, int):
            if not isinstance(target, list) or part >= len(target):
                return
            target = target[part]
        else:
            if not isinstance(target, dict):
                return
            if part not in target or target[part] is None:
                target[part] = [] if isinstance(following, int) else {}
            target = target[part]
    last = parts[-1] if parts else None
    writable = isinstance(target, dict) if isinstance(last, str) else (
        isinstance(last, int) and isinstance(target, list) and last < len(target))
    if writable:
        target[last] = value
