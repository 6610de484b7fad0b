"""The core must run without Qt: importing any core module may not pull in PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import kvmhelpdesk


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(kvmhelpdesk.__path__, "kvmhelpdesk."):
        if ".gui" in info.name or info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return names


def test_core_modules_exist() -> None:
    assert "kvmhelpdesk.kb.loader" in core_modules()


def test_importing_the_core_loads_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip() == "", f"core imported Qt: {result.stdout}"


def test_cli_without_gui_loads_no_qt() -> None:
    code = (
        "import sys\n"
        "from kvmhelpdesk.cli import build_parser\n"
        "build_parser()\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "False"
