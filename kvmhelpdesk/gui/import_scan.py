"""Spare the app PySide6's scan of every module imported after it.

Once PySide6 is loaded, each module name met by an `import` statement for the first time has
its source read (inspect.getsource) to see whether it mentions "PySide6": PySide needs that
for its opt-in `from __feature__ import snake_case` syntax, which this app never uses. At
start-up that was 58 modules (typing.py, inspect.py, the knowledge-base modules...) and some
ten milliseconds, a sixth of what the window took beyond a bare one. Here the answers are given
first, as PySide itself records them: -1 ("ignore") for a module that does not use PySide
(every module already loaded, and the Qt-free core), 0 ("uses PySide, no feature") for the
gui package.

`pyside_feature_dict` is PySide's internal state (PySide6 6.4 and later; pyproject.toml pins
the range): where it is not found, nothing is done and PySide scans as before.
"""

from __future__ import annotations

import os
import sys

_FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")
_PYSIDE = ("PySide6", "shiboken6", "__main__")  # PySide's own decision stands for these


def answer_pyside_scan() -> int:
    """Record the answers PySide's scan would reach; the number of module names recorded."""
    known = next((getattr(sys.modules.get(name), "pyside_feature_dict", None)
                  for name in _FEATURE_MODULES if name in sys.modules), None)
    if not isinstance(known, dict):
        return 0
    before = len(known)
    for name in list(sys.modules):
        if not name.startswith(_PYSIDE):
            known.setdefault(name, -1)
    for name in _own_modules():
        known.setdefault(name, 0 if name.startswith("kvmhelpdesk.gui") else -1)
    return len(known) - before


def _own_modules() -> list[str]:
    """The module names of this package, from its files (none where they are not files, as
    in a frozen bundle: there PySide finds no source to read either)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parent = os.path.dirname(package)
    names = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [d for d in subfolders if d.isidentifier() and d != "__pycache__"]
        prefix = os.path.relpath(folder, parent).replace(os.sep, ".")
        for file in files:
            if file.endswith(".py"):
                stem = file[:-3]
                names.append(prefix if stem == "__init__" else f"{prefix}.{stem}")
    return names
