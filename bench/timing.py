"""The one timing helper of the bench scripts (they print figures; nothing asserts on them)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def median_ms(func: Callable[[], Any], repeat: int = 3,
              warm: bool = False) -> tuple[float, Any]:
    """Median wall time in milliseconds over `repeat` runs (after one untimed run when
    `warm`), and the last result."""
    if warm:
        func()
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result
