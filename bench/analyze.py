"""Analyze the whole corpus (../shared/corpus) and print files per second and the slowest file.

    .venv/bin/python bench/analyze.py [--rounds N] [--corpus DIR]

Prints figures, asserts nothing. The knowledge base is loaded once, outside the timing, as the
CLI and the GUI do.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kvmhelpdesk.analyze import AnalyzeError, analyze_libvirt_xml, analyze_qemu_cmdline  # noqa: E402
from kvmhelpdesk.kb import load_knowledge_base  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the corpus (5)")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    files = sorted([*args.corpus.glob("args-*/*.args"), *args.corpus.glob("xml/*.xml")])
    if not files:
        print(f"no corpus at {args.corpus}")
        return 0
    texts = [(f, f.read_text(encoding="utf-8", errors="replace")) for f in files]
    started = time.perf_counter()
    kb = load_knowledge_base()
    print(f"knowledge base loaded in {time.perf_counter() - started:.3f} s")
    slowest: dict[Path, float] = {}
    errors = 0
    total = 0.0
    for _ in range(max(1, args.rounds)):
        for path, text in texts:
            run = analyze_libvirt_xml if path.suffix == ".xml" else analyze_qemu_cmdline
            t0 = time.perf_counter()
            try:
                run(text, kb)
            except AnalyzeError:
                errors += 1
            took = time.perf_counter() - t0
            total += took
            slowest[path] = max(slowest.get(path, 0.0), took)
    count = len(texts) * max(1, args.rounds)
    print(f"{len(texts)} files x {max(1, args.rounds)} rounds: {count / total:,.0f} files/s "
          f"({total / count * 1000:.2f} ms per file, {errors} analyze errors)")
    for kind, suffix in (("command lines", ".args"), ("domain XML", ".xml")):
        part = [p for p in texts if p[0].suffix == suffix]
        print(f"  {kind}: {len(part)} files")
    worst = sorted(slowest.items(), key=lambda kv: kv[1], reverse=True)[:3]
    for path, took in worst:
        print(f"  slowest: {path.parent.name}/{path.name}  {took * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
