"""PySide6 reads the source of each module imported after it (its `__feature__` check);
gui.import_scan records the answers first, as PySide would record them."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
import sys
import kvmhelpdesk.gui.app  # the gui package answers first, then the app's modules load
feature = sys.modules.get("shibokensupport.feature") or sys.modules["PySide6.support.feature"]
scanned = []
original = feature._mod_uses_pyside
feature._mod_uses_pyside = lambda module: scanned.append(module.__name__) or original(module)
from kvmhelpdesk.gui import mainwindow, search_panel  # noqa: F401
from kvmhelpdesk.kb import loader  # noqa: F401
import typing  # noqa: F401  (loaded before the answers were given)
known = feature.pyside_feature_dict
print(sorted(n for n in scanned if n.startswith("kvmhelpdesk") or n == "typing"))
print(known["kvmhelpdesk.gui.mainwindow"], known["kvmhelpdesk.kb.loader"], known["typing"])
"""


def test_the_apps_modules_are_not_scanned_and_carry_pysides_own_answers() -> None:
    # A fresh interpreter: in this one, pytest-qt imported PySide6 and much else long ago.
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                         check=True, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen")).stdout.splitlines()
    assert out[0] == "[]"  # nothing of ours, nor typing, had its source read
    assert out[1].split() == ["0", "-1", "-1"]  # uses PySide / does not / does not


def test_without_pysides_state_nothing_is_done(monkeypatch) -> None:
    from kvmhelpdesk.gui import import_scan

    for name in import_scan._FEATURE_MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    assert import_scan.answer_pyside_scan() == 0


def test_the_package_modules_are_found_by_their_files() -> None:
    from kvmhelpdesk.gui import import_scan

    names = import_scan._own_modules()
    assert {"kvmhelpdesk", "kvmhelpdesk.gui", "kvmhelpdesk.gui.mainwindow",
            "kvmhelpdesk.kb.loader", "kvmhelpdesk.bundle.bzip2"} <= set(names)
    assert not any("__pycache__" in n or n.endswith(".__init__") for n in names)
