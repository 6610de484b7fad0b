"""Start-up benchmark: process start to main window shown and idle, against a bare window.

Prints the median of N runs for the app and for a bare PySide6 window built from the same
form (same widgets, no knowledge base), their ratio, and peak RSS. Goal: ratio <= 1.3. Also
the real launch (`kvmhelpdesk` with no arguments, to its first idle turn) against the same
bare window.
Runs alternate (bare, app, bare, app, ...) so that a change in machine load hits both alike;
the CPU time each process used up to "idle" is printed too, and the ratio of the fastest
starts: on a busy machine those are the steadier figures.
Run: .venv/bin/python bench/startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from timing import reference_ms  # bench/

APP = """
import resource, sys, time
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kvmhelpdesk.gui.app import create_window
w = create_window(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
w.show()
def idle():
    use = resource.getrusage(resource.RUSAGE_SELF)
    print("idle", time.time(), use.ru_maxrss, use.ru_utime + use.ru_stime, flush=True)
    # Stay up briefly, as a user would: the search index opens in the background after the
    # first paint. Peak RSS is read again then.
    QTimer.singleShot(1500, lambda: (print("rss", resource.getrusage(
        resource.RUSAGE_SELF).ru_maxrss, flush=True), app.quit()))
QTimer.singleShot(0, idle)
app.exec()
"""

# The real launch, `kvmhelpdesk` with no arguments (the command-line front door, the display
# check, the single-instance socket, then the same window), stopped at its first idle turn;
# KVMHELPDESK_EXIT_WHEN_READY makes run() call the hook replaced here.
LAUNCH = """
import resource, sys, time
import kvmhelpdesk.gui.app as gui_app
from PySide6.QtCore import QTimer
def idle(app, window):
    def report():
        use = resource.getrusage(resource.RUSAGE_SELF)
        print("idle", time.time(), use.ru_maxrss, use.ru_utime + use.ru_stime, flush=True)
        print("rss", use.ru_maxrss, flush=True)
        app.exit(0)
    QTimer.singleShot(0, report)
gui_app._exit_when_ready = idle
from kvmhelpdesk.cli import main
main([])
"""

BARE = """
import resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
from kvmhelpdesk.gui.forms.ui_mainwindow import Ui_MainWindow
w = QMainWindow(); ui = Ui_MainWindow(); ui.setupUi(w)
w.show()
def idle():
    use = resource.getrusage(resource.RUSAGE_SELF)
    print("idle", time.time(), use.ru_maxrss, use.ru_utime + use.ru_stime, flush=True)
    print("rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    app.quit()
QTimer.singleShot(0, idle)
app.exec()
"""


def measure_once(code: str, settings: str, env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds to idle, CPU seconds to idle, peak RSS in KiB) of one start."""
    # Wall-clock start here, "idle" stamp in the child: process start to main window shown and
    # idle, not counting how long the process takes to exit afterwards.
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, settings], capture_output=True,
                         text=True, env=env, timeout=120, check=True).stdout
    idle = next(x for x in out.splitlines() if x.startswith("idle")).split()
    rss = next(x for x in out.splitlines() if x.startswith("rss")).split()
    return float(idle[1]) - start, float(idle[3]), int(rss[1])


def measure(runs: int, env: dict[str, str],
            launch_env: dict[str, str]) -> dict[str, tuple[list[float], list[float], int]]:
    """Alternating starts of the bare window, the app's window and the real launch:
    name -> (walls, cpus, peak RSS)."""
    results: dict[str, tuple[list[float], list[float], int]] = {
        "bare": ([], [], 0), "app": ([], [], 0), "launch": ([], [], 0)}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            for name, code in (("bare", BARE), ("app", APP), ("launch", LAUNCH)):
                wall, cpu, rss = measure_once(code, os.path.join(tmp, f"{name}{run}.ini"),
                                              launch_env if name == "launch" else env)
                walls, cpus, peak = results[name]
                walls.append(wall)
                cpus.append(cpu)
                results[name] = (walls, cpus, max(peak, rss))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "KVMHELPDESK_EXIT_WHEN_READY": "1"}
    # Measure the app as `pip install .` leaves it: with compiled bytecode. (Where
    # PYTHONDONTWRITEBYTECODE is set, a source checkout would otherwise recompile every
    # module at every start.)
    import kvmhelpdesk

    subprocess.run([sys.executable, "-m", "compileall", "-q", kvmhelpdesk.__path__[0]],
                   check=True, timeout=300)
    # The real launch reads and writes the user's settings and caches: here a home of its own,
    # filled by one whole first start (to its search index: the page cache is saved after the
    # first paint), as any user's first start fills theirs.
    home = tempfile.mkdtemp(prefix="kvmhelpdesk-bench-home-")
    launch_env = {**env, "HOME": home, "XDG_CONFIG_HOME": f"{home}/config",
                  "XDG_CACHE_HOME": f"{home}/cache", "XDG_DATA_HOME": f"{home}/data",
                  "XDG_RUNTIME_DIR": home}
    subprocess.run([sys.executable, "-c", "import sys; from kvmhelpdesk.cli import main; "
                    "sys.exit(main([]))"], env=launch_env, capture_output=True, timeout=120,
                   check=True)
    try:
        measure(1, env, launch_env)  # warm the OS file cache, and the app's content caches
        speed = reference_ms()
        results = measure(args.runs, env, launch_env)
        speed_after = reference_ms()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    (bare_walls, bare_cpus, bare_rss), (app_walls, app_cpus, app_rss) = (
        results["bare"], results["app"])
    bare_med, app_med = statistics.median(bare_walls), statistics.median(app_walls)
    bare_cpu, app_cpu = statistics.median(bare_cpus), statistics.median(app_cpus)
    print(f"runs each:            {args.runs} (alternating)   CPU speed reference "
          f"{speed:.0f} ms before, {speed_after:.0f} ms after (timing.reference_ms)")
    print(f"bare window  median:  {bare_med:.3f} s   CPU {bare_cpu:.3f} s   "
          f"peak RSS {bare_rss / 1024:.0f} MiB")
    print(f"KVM Helpdesk median:  {app_med:.3f} s   CPU {app_cpu:.3f} s   "
          f"peak RSS {app_rss / 1024:.0f} MiB")
    print(f"ratio:                {app_med / bare_med:.2f}  (goal <= 1.3)   "
          f"CPU ratio {app_cpu / bare_cpu:.2f}")
    # The fastest start of each is the one least disturbed by other work on the machine.
    print(f"best of {args.runs}:          {min(bare_walls):.3f} s vs {min(app_walls):.3f} s, "
          f"ratio {min(app_walls) / min(bare_walls):.2f}")
    launch_walls, launch_cpus, _ = results["launch"]
    print(f"kvmhelpdesk launch:   {statistics.median(launch_walls):.3f} s   CPU "
          f"{statistics.median(launch_cpus):.3f} s   ratio "
          f"{statistics.median(launch_walls) / bare_med:.2f}   (the real start: front door, "
          "display check, single-instance socket, window)")
    # Each app start beside the bare start just before it: a machine that speeds up or slows
    # down during the runs (a shared VM does) moves both of a pair alike.
    pairs = [app / bare for bare, app in zip(bare_walls, app_walls, strict=True)]
    print(f"paired:               median {statistics.median(pairs):.2f}, "
          f"quartiles {statistics.quantiles(pairs, n=4)[0]:.2f}-"
          f"{statistics.quantiles(pairs, n=4)[2]:.2f} (app / the bare start before it)")


if __name__ == "__main__":
    main()
