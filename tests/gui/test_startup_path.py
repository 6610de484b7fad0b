"""Nothing slow on the way to the first painted window: no whoosh, no wizard, no rules, and
none of the parts made on first use (bookmarks, index, menus of history, help, preferences,
find bar, printing)."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kvmhelpdesk.gui.app import create_window
window = create_window(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.show()
heavy = ("whoosh", "kvmhelpdesk.search.engine", "kvmhelpdesk.gui.wizard",
         "kvmhelpdesk.triage.rules", "kvmhelpdesk.analyze", "kvmhelpdesk.report",
         "kvmhelpdesk.gui.bookmarks", "kvmhelpdesk.gui.index_panel", "kvmhelpdesk.gui.help",
         "kvmhelpdesk.gui.preferences", "kvmhelpdesk.gui.printing", "kvmhelpdesk.gui.findbar",
         "kvmhelpdesk.gui.plaintext", "kvmhelpdesk.gui.navigation", "PySide6.QtPrintSupport")
print(sorted({m.split(".")[0] if m.startswith("whoosh") else m for m in sys.modules
              if m.startswith(heavy)}))
"""


def test_first_window_loads_no_heavy_modules(tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", CODE, str(tmp_path / "s.ini")],
                            capture_output=True, text=True, env=env, timeout=120, check=True)
    assert result.stdout.strip() == "[]", result.stdout
