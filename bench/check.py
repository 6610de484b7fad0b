"""Time checking a 200-guest case (prints figures, asserts nothing).

Run: .venv/bin/python bench/check.py [GUESTS]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import median_ms  # noqa: E402  (bench/, the script's own folder)

from kvmhelpdesk.kb import load_knowledge_base  # noqa: E402
from kvmhelpdesk.report import render  # noqa: E402
from kvmhelpdesk.triage import check, check_guest, validate_case  # noqa: E402
from tests.helpers.cases import big_case  # noqa: E402


def main() -> None:
    guests = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    start = time.perf_counter()
    kb = load_knowledge_base()
    print(f"load knowledge base:        {(time.perf_counter() - start) * 1000:8.1f} ms")
    case = big_case(guests)
    ms, _ = median_ms(lambda: validate_case(case), repeat=5)
    print(f"validate {guests}-guest case:   {ms:8.1f} ms")
    first, _ = median_ms(lambda: check(case, kb), repeat=1)
    print(f"check {guests} guests (first):  {first:8.1f} ms   (builds the KB index)")
    ms, verdict = median_ms(lambda: check(case, kb), repeat=5)
    print(f"check {guests} guests (median): {ms:8.1f} ms   "
          f"({len(verdict.findings)} findings, verdict {verdict.verdict})")
    ms, _ = median_ms(lambda: check_guest(case["guests"][1], kb), repeat=50)
    print(f"check_guest one guest:      {ms:8.2f} ms   (wizard live feedback)")
    for fmt in ("text", "markdown", "html", "json"):
        ms, out = median_ms(lambda fmt=fmt: render(verdict, fmt), repeat=3)
        print(f"render {fmt:<9}           {ms:8.1f} ms   ({len(out) // 1024} KiB)")


if __name__ == "__main__":
    main()
