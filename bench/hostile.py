"""The hostile inputs of issue 12 that were quadratic or unbounded, timed (prints, asserts nothing).

Each input runs in a fresh process through the CLI's main() (as `kvmhelpdesk check` would),
so its peak RSS is its own. For every input it prints the time, the peak RSS, the exit status
and the first line of stderr: the former worst cases are now refused at once by a cap that
the message names, and inputs just under the caps show the (linear) cost of the largest input
that is still analyzed. The "before" figures are the ones the issue reported.

Run: .venv/bin/python bench/hostile.py [--only NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import resource, sys, time
sys.argv[0] = "kvmhelpdesk"
from kvmhelpdesk.cli import main
started = time.perf_counter()
code = main(sys.argv[1:])
took = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"BENCH {code} {took:.3f} {peak}", file=sys.__stderr__)
"""


def distinct_options(count: int) -> str:
    return "qemu-kvm " + " ".join(f"-opt{i} v" for i in range(count))


def name_lines(count: int) -> str:
    return "\n".join("qemu-kvm -name a -m 512" for _ in range(count))


def kvm_lines(count: int) -> str:
    return "\n".join("kvm -m 1" for _ in range(count))


def disk_formats_xml(count: int) -> str:
    disks = "".join(f"<disk><driver type='fmt{i}'/><target dev='vd{i}'/></disk>"
                    for i in range(count))
    return f"<domain type='kvm'><name>d</name><devices>{disks}</devices></domain>"


def same_name_domains(count: int) -> str:
    domains = "".join("<domain type='kvm'><name>a</name></domain>" for _ in range(count))
    return f"<domains>{domains}</domains>"


def empty_domains(count: int) -> str:
    return "<d>" + "<domain/>" * count + "</d>"


def empty_guests(count: int) -> str:
    return json.dumps({"format": "kvmhelpdesk-case", "version": 1,
                       "guests": [{} for _ in range(count)]})


# name, before (issue 12), writer of the input, flag it is given with
Case = tuple[str, str, Callable[[], str], str]
CASES: list[Case] = [
    ("48,000 distinct options", "216 s", lambda: distinct_options(48_000), "--qemu-cmdline-file"),
    ("10,000 distinct options", "10 s", lambda: distinct_options(10_000), "--qemu-cmdline-file"),
    ("4,096 options (the cap)", "-", lambda: distinct_options(4_096), "--qemu-cmdline-file"),
    ("2,048 options", "-", lambda: distinct_options(2_048), "--qemu-cmdline-file"),
    ("20,000 `-name a` lines", "56 s", lambda: name_lines(20_000), "--qemu-cmdline-file"),
    ("4,096 `-name a` lines (cap)", "-", lambda: name_lines(4_096), "--qemu-cmdline-file"),
    ("2,048 `-name a` lines", "-", lambda: name_lines(2_048), "--qemu-cmdline-file"),
    ("100,000 `kvm -m 1` lines", "> 60 s", lambda: kvm_lines(100_000), "--qemu-cmdline-file"),
    ("20,000 disk formats (XML)", "38 s", lambda: disk_formats_xml(20_000), "--libvirt-xml"),
    ("4,096 disk formats (XML)", "-", lambda: disk_formats_xml(4_096), "--libvirt-xml"),
    ("49,000 same-name domains", "239 s", lambda: same_name_domains(49_000), "--libvirt-xml"),
    ("4,096 same-name domains", "-", lambda: same_name_domains(4_096), "--libvirt-xml"),
    ("396,000 empty domains", "2.65 GB", lambda: empty_domains(396_000), "--libvirt-xml"),
    ("1,000,000 empty guests", "6.1 GB", lambda: empty_guests(1_000_000), "case"),
    ("100,000 empty guests", "49 s, 943 MB", lambda: empty_guests(100_000), "case"),
    ("4,096 empty guests (cap)", "-", lambda: empty_guests(4_096), "case"),
    ("2,048 empty guests", "-", lambda: empty_guests(2_048), "case"),
]


def run(case: Case, folder: Path, env: dict[str, str]) -> str:
    name, before, write, flag = case
    path = folder / "input"
    path.write_text(write(), encoding="utf-8")
    size = path.stat().st_size
    args = [str(path)] if flag == "case" else [flag, str(path)]
    args += ["--json", "-o", os.devnull]
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CHILD, "check", *args], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=600)
    wall = time.perf_counter() - started
    bench = next((line for line in result.stderr.splitlines() if line.startswith("BENCH")), "")
    message = next((line for line in result.stderr.splitlines()
                    if line.startswith("kvmhelpdesk")), "")
    if bench:
        _, code, took, peak = bench.split()
        figures = f"{float(took):7.2f} s  {int(peak) / 1024:6.0f} MiB  exit {code}"
    else:
        figures = f"{wall:7.2f} s  (crashed: exit {result.returncode})"
    shown = f"   {message[:110]}" if message else ""
    return f"{name:<30} {size / 1e6:6.1f} MB  before {before:<13} now {figures}{shown}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose name contains this")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        print("time = main() of `kvmhelpdesk check ... --json -o /dev/null` in a fresh process")
        for case in CASES:
            if args.only and args.only not in case[0]:
                continue
            print(run(case, Path(tmp), env), flush=True)


if __name__ == "__main__":
    main()
