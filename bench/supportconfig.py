"""Time to verdict and peak memory for a large supportconfig (prints figures, asserts nothing).

Generates, in a temporary folder, a bundle of DOMAINS libvirt domains (default 100; about
70 % running) with realistic file sizes, about 62 MB uncompressed: 500-line qemu logs of
several starts each, a dumpxml per running domain, a hardware.txt with hwinfo output, and a
40 MB messages.txt, syslog-like text that compresses about as well as real files. Two
tarballs: one with messages.txt *before* kvm.txt (ext3 lists files in hash order: the worst
case for a bzip2 stream, which must be decompressed in order), one in supportconfig's own
order of writing (as btrfs or XFS list them: messages.txt last). Then:

- the one-core floor: bz2.decompress of the whole worst-case .tbz;
- in this process: read_bundle (each tarball once; the folder: median of 3 after a warm-up),
  build_case, check;
- end to end: `kvmhelpdesk check --supportconfig BUNDLE --json` in a fresh process, time and
  peak RSS (the goal: under 2 s and under 300 MB), for each tarball and the unpacked folder:
  the median and the best of RUNS starts, and the share of the CPUs the hypervisor took
  meanwhile (steal: on a shared virtual machine every figure grows with it);
- the app: `kvmhelpdesk BUNDLE` (a double-click on the archive), process start to the
  wizard's verdict page shown, offscreen, for each tarball and the folder.

Run: .venv/bin/python bench/supportconfig.py [DOMAINS]
"""

from __future__ import annotations

import bz2
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import cpu_jiffies, median_ms, reference_ms, steal_share  # noqa: E402

from kvmhelpdesk.bundle import build_case, read_bundle  # noqa: E402
from kvmhelpdesk.kb import load_knowledge_base  # noqa: E402
from kvmhelpdesk.triage import check  # noqa: E402
from tests.helpers.supportconfig import (  # noqa: E402
    HOSTNAME,
    DiskSpec,
    DomainSpec,
    SupportconfigBuilder,
    add_host,
    add_kvm,
)

RUNS = 3  # end-to-end starts per bundle: the median and the best are printed

NOISE = ("char device redirected to /dev/pts/{n}",
         "pci_add_option_rom: failed to find romfile \"pxe-virtio.bin\"",
         "kvm: 4{n}21: cpu0 unhandled rdmsr: 0xc0010001",
         "qemu: warning: error while loading state for instance 0x0 of device 'ram'")


class BenchDomain(DomainSpec):
    """A domain whose log is a full 500-line tail: eight starts between warnings."""

    def log_lines(self) -> list[str]:
        lines: list[str] = []
        for start in range(8):
            newest = start == 7
            lines += [f"2011-02-{10 + start:02d} 10:11:12.345: starting up",
                      self.cmdline(newest)]
            lines += [NOISE[i % len(NOISE)].format(n=i) for i in range(58)]
            if not newest or self.state != "running":
                lines.append(f"2011-02-{10 + start:02d} 18:00:00.000: shutting down")
        return lines[-500:]


def domains(count: int) -> list[DomainSpec]:
    out: list[DomainSpec] = []
    for n in range(count):
        windows = n % 3 == 0
        name = f"{'w2k8' if windows else 'sles11'}-vm{n:03d}"
        disks = [DiskSpec(f"/var/lib/kvm/images/{name}/disk{d}.raw",
                          bus="ide" if windows else "virtio") for d in range(1 + n % 3)]
        out.append(BenchDomain(name, state="shut off" if n % 10 >= 7 else "running",
                               vcpus=1 + n % 4, memory_mb=1024 * (1 + n % 8), disks=disks,
                               nic_model="rtl8139" if windows else "virtio",
                               mac=f"52:54:00:00:{n // 256:02x}:{n % 256:02x}",
                               clock="localtime" if windows else "utc", tablet=windows,
                               running_vcpus=2 if n % 17 == 0 else None))
    return out


_WORDS = ("kernel:", "br0:", "port", "entering", "forwarding", "state", "libvirtd:", "error",
          "device", "vnet", "sshd", "Accepted", "publickey", "for", "root", "from", "ntpd",
          "synchronized", "to", "stratum", "cron", "CMD", "run-crons", "eth0", "link", "up",
          "qemu-kvm", "audit", "type=1400", "apparmor", "DENIED", "operation", "open",
          "profile", "name", "pid", "comm", "requested_mask", "denied_mask", "fsuid", "ouid")


def _log_lines(rng: random.Random, count: int) -> list[str]:
    """Syslog-like lines that compress about as well as real ones (bzip2 about 1:8)."""
    return [f"Feb {rng.randint(10, 28)} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:"
            f"{rng.randint(0, 59):02d} {HOSTNAME} {rng.choice(_WORDS)}[{rng.randint(1, 32767)}]"
            f": " + " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 9)))
            + f" 0x{rng.getrandbits(32):08x}" for _ in range(count)]


# supportconfig's own order of writing its files (a tarball lists them so on btrfs or XFS);
# on ext3 the order is a hash, anything: the first tarball puts messages.txt before kvm.txt.
CREATION_ORDER = ["supportconfig.txt", "rpm.txt", "basic-environment.txt",
                  "basic-health-check.txt", "memory.txt", "boot.txt", "y2log.txt",
                  "fs-diskio.txt", "network.txt", "kvm.txt", "hardware.txt", "messages.txt"]


def generate(folder: Path, count: int) -> tuple[Path, Path, Path, int]:
    builder = SupportconfigBuilder()
    for spec in domains(count):
        builder.domain(spec)
    add_host(builder)
    add_kvm(builder)
    hwinfo = [f"  {n:05d}: PCI 00.{n % 8}: 0600 Host bridge [Created at pci.318] unique id "
              f"rBUF.{n:08x}" for n in range(25_000)]
    builder.command("hardware.txt", "/usr/sbin/hwinfo", hwinfo)
    rng = random.Random(42)
    builder.raw("messages.txt", "\n".join(_log_lines(rng, 430_000)))
    for name, lines in (("rpm.txt", 2_500), ("boot.txt", 30_000), ("network.txt", 40_000),
                        ("fs-diskio.txt", 40_000), ("y2log.txt", 60_000)):
        builder.raw(name, "\n".join(_log_lines(rng, lines)))
    builder.raw("supportconfig.txt", "Support Utilities - Supportconfig")
    size = sum(len(data) for data in builder.render().values())
    order = ["supportconfig.txt", "basic-environment.txt", "messages.txt", "rpm.txt",
             "boot.txt", "hardware.txt", "network.txt", "kvm.txt", "memory.txt",
             "basic-health-check.txt", "fs-diskio.txt", "y2log.txt"]
    worst = builder.write_tar(folder, "bz2", order=order)
    in_order = builder.write_tar(folder / "creation-order", "bz2", order=CREATION_ORDER)
    return worst, in_order, builder.write_folder(folder), size


def end_to_end(path: Path) -> tuple[float, float, float, float]:
    """Seconds in `check --supportconfig PATH --json` (from main() on, and for the whole
    process with Python's start-up), the process's peak RSS in MB and its CPU seconds (all
    threads: on a busy machine the wall time grows, the CPU time much less)."""
    # VmHWM: this process's own peak (ru_maxrss would include the parent's, inherited at exec)
    code = ("import resource, sys, time\n"
            "from kvmhelpdesk.cli import main\n"
            "start = time.perf_counter()\n"
            "import io, contextlib\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    rc = main(['check', '--supportconfig', {str(path)!r}, '--json'])\n"
            "hwm = [line for line in open('/proc/self/status') if line.startswith('VmHWM')]\n"
            "use = resource.getrusage(resource.RUSAGE_SELF)\n"
            "print(rc, time.perf_counter() - start, int(hwm[0].split()[1]) / 1024,\n"
            "      use.ru_utime + use.ru_stime)\n")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.split()
    return float(out[1]), time.perf_counter() - start, float(out[2]), float(out[3])


# The app opening a bundle as a double-click does: `kvmhelpdesk BUNDLE`, stopped once the
# wizard shows the verdict page (KVMHELPDESK_EXIT_WHEN_READY makes run() call the hook
# replaced here; the poll costs nothing next to the work).
APP = """
import sys, time
import kvmhelpdesk.gui.app as gui_app
from PySide6.QtCore import QTimer
def hook(app, window):
    def poll():
        cases = window._cases
        wizard = cases.wizard if cases is not None else None
        if wizard is not None and wizard.isVisible() and wizard.currentId() == wizard.pageIds()[-1]:
            hwm = [line for line in open('/proc/self/status') if line.startswith('VmHWM')]
            print(time.time(), int(hwm[0].split()[1]) / 1024, flush=True)
            app.exit(0)
        else:
            QTimer.singleShot(5, poll)
    poll()
gui_app._exit_when_ready = hook
from kvmhelpdesk.cli import main
main([sys.argv[1]])
"""


def in_app(path: Path, home: Path) -> tuple[float, float]:
    """Seconds from `kvmhelpdesk PATH` starting to the verdict page shown, and peak RSS in MB
    (offscreen, with a private HOME: its own settings, caches and single-instance socket)."""
    env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(home), QT_QPA_PLATFORM="offscreen",
               KVMHELPDESK_EXIT_WHEN_READY="1")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env.pop(name, None)
    start = time.time()
    out = subprocess.run([sys.executable, "-c", APP, str(path)], capture_output=True, text=True,
                         check=True, cwd=home, env=env, timeout=300).stdout.split()
    return float(out[0]) - start, float(out[1])


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory(prefix="kvmhelpdesk-bench-") as temp:
        start = time.perf_counter()
        tbz, in_order, folder, size = generate(Path(temp), count)
        print(f"generated {count} domains: {size / 1e6:.1f} MB uncompressed, "
              f"{tbz.stat().st_size / 1e6:.1f} MB .tbz ({time.perf_counter() - start:.1f} s)")
        print(f"CPU speed reference: {reference_ms():.0f} ms (timing.reference_ms; lower is "
              "faster)")
        with open("/proc/loadavg", encoding="ascii") as handle:
            print(f"load average now: {handle.read().split()[0]} on {os.cpu_count()} cores "
                  "(figures scale with it)")
        data = tbz.read_bytes()
        ms, _ = median_ms(lambda: bz2.decompress(data), repeat=1, warm=False)
        print(f"bz2.decompress(whole .tbz):    {ms:8.0f} ms   (one core; the floor without "
              "parallel bzip2)")
        kb = load_knowledge_base()
        sources = ((".tbz", tbz), ("in order .tbz", in_order), ("folder", folder))
        for label, path in sources:
            ms, bundle = median_ms(lambda path=path: read_bundle(path), repeat=1 if
                                   label.endswith(".tbz") else 3, warm=label == "folder")
            print(f"read_bundle ({label:13}):   {ms:8.0f} ms   "
                  f"({len(bundle.domains)} domains, files {', '.join(bundle.files)})")
        ms, built = median_ms(lambda: build_case(bundle, kb), warm=True)
        print(f"build_case (analyzers):        {ms:8.0f} ms   "
              f"({len(built.case['guests'])} guests, {len(built.case['evidence'])} evidence)")

        def verdict():
            result = check(built.case, kb)
            result.add(built.analysis.findings, built.analysis.options)
            return result

        ms, result = median_ms(verdict, warm=True)
        print(f"check + findings:              {ms:8.0f} ms   (verdict {result.verdict}, "
              f"{len(result.findings)} findings)")
        for label, path in sources:
            before = cpu_jiffies()
            runs = [end_to_end(path) for _ in range(RUNS)]
            steal = steal_share(before, cpu_jiffies())
            inside, whole, cpu = (statistics.median(run[i] for run in runs) for i in (0, 1, 3))
            print(f"CLI check ({label:13}):     {inside * 1000:8.0f} ms   "
                  f"(best {min(run[0] for run in runs) * 1000:.0f} ms; "
                  f"{whole * 1000:.0f} ms with Python start-up, {cpu * 1000:.0f} ms CPU)   "
                  f"peak RSS {max(run[2] for run in runs):.0f} MB   "
                  f"steal {steal:.0%}   (goal: < 2000 ms, < 300 MB)")
        home = Path(temp) / "home"
        home.mkdir()
        in_app(folder, home)  # a first start builds the search index and the caches
        for label, path in sources:
            before = cpu_jiffies()
            opened = [in_app(path, home) for _ in range(RUNS)]
            steal = steal_share(before, cpu_jiffies())
            print(f"app opens it ({label:13}): "
                  f"{statistics.median(run[0] for run in opened) * 1000:8.0f} ms   "
                  f"(best {min(run[0] for run in opened) * 1000:.0f} ms; `kvmhelpdesk BUNDLE`, "
                  "process start to the verdict page shown)   "
                  f"peak RSS {max(run[1] for run in opened):.0f} MB   steal {steal:.0%}")
        print(f"CPU speed reference: {reference_ms():.0f} ms at the end")


if __name__ == "__main__":
    main()
