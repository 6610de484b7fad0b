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


def cpu_jiffies() -> tuple[int, int]:
    """(time stolen by the hypervisor, all time) of this machine's CPUs so far, in jiffies;
    0, 0 where /proc/stat is not there."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(x) for x in handle.readline().split()[1:9]]
    except (OSError, ValueError):
        return 0, 0
    return fields[7], sum(fields)


def steal_share(before: tuple[int, int], after: tuple[int, int]) -> float:
    """The share of CPU time the hypervisor took between two cpu_jiffies() readings: on a
    shared virtual machine every figure grows with it (0.2 = a fifth of the machine gone)."""
    total = after[1] - before[1]
    return (after[0] - before[0]) / total if total > 0 else 0.0


def reference_ms() -> float:
    """Milliseconds for a fixed piece of pure-Python work (best of 3): how fast this machine's
    CPU is just now. On a shared virtual machine it changes by half from one minute to the
    next without any steal showing; figures of two runs compare only if this does too."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for number in range(2_000_000):
            total += number
        best = min(best, (time.perf_counter() - start) * 1000)
    return best
