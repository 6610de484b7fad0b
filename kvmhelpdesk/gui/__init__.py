"""The desktop app (PySide6): a thin layer over the Qt-free core."""

# PySide6 first, then the answers to its scan of every later import (gui.import_scan).
import PySide6.QtCore  # noqa: F401

from kvmhelpdesk.gui.import_scan import answer_pyside_scan

answer_pyside_scan()
