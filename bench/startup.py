"""Start-up benchmark: process start to main window shown and idle, against a bare window.

Prints the median of N runs for the app and for a bare PySide6 window built from the same
form (same widgets, no knowledge base), their ratio, and peak RSS. Goal: ratio <= 1.3.
Run: .venv/bin/python bench/startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

APP = """
import resource, sys, time
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kvmhelpdesk.gui.app import create_window
w = create_window(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
w.show()
def idle():
    print("idle", time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    # Stay up briefly, as a user would: the search index opens in the background after the
    # first paint. Peak RSS is read again then.
    QTimer.singleShot(1500, lambda: (print("rss", resource.getrusage(
        resource.RUSAGE_SELF).ru_maxrss, flush=True), app.quit()))
QTimer.singleShot(0, idle)
app.exec()
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
    print("idle", time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    print("rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    app.quit()
QTimer.singleShot(0, idle)
app.exec()
"""


def measure(code: str, runs: int, env: dict[str, str]) -> tuple[list[float], int]:
    times, peak = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            settings = os.path.join(tmp, f"s{run}.ini")
            # Wall-clock start here, "idle" stamp in the child: process start to main window
            # shown and idle, not counting how long the process takes to exit afterwards.
            start = time.time()
            out = subprocess.run([sys.executable, "-c", code, settings], capture_output=True,
                                 text=True, env=env, timeout=120, check=True).stdout
            idle = next(x for x in out.splitlines() if x.startswith("idle"))
            times.append(float(idle.split()[1]) - start)
            rss = next(x for x in out.splitlines() if x.startswith("rss"))
            peak = max(peak, int(rss.split()[1]))
    return times, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # Measure the app as `pip install .` leaves it: with compiled bytecode. (Where
    # PYTHONDONTWRITEBYTECODE is set, a source checkout would otherwise recompile every
    # module at every start.)
    import kvmhelpdesk

    subprocess.run([sys.executable, "-m", "compileall", "-q", kvmhelpdesk.__path__[0]],
                   check=True, timeout=300)
    measure(BARE, 1, env)  # warm the OS file cache for both
    measure(APP, 1, env)  # and the app's content caches
    app_times, app_rss = measure(APP, args.runs, env)
    bare_times, bare_rss = measure(BARE, args.runs, env)
    app_med, bare_med = statistics.median(app_times), statistics.median(bare_times)
    print(f"runs each:            {args.runs}")
    print(f"bare window  median:  {bare_med:.3f} s   peak RSS {bare_rss / 1024:.0f} MiB")
    print(f"KVM Helpdesk median:  {app_med:.3f} s   peak RSS {app_rss / 1024:.0f} MiB")
    print(f"ratio:                {app_med / bare_med:.2f}  (goal <= 1.3)")


if __name__ == "__main__":
    main()
