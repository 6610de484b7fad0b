"""packaging/entry.py, the offline bundle's program: a locale that is missing or not UTF-8
becomes a UTF-8 one before Qt starts (the frozen loader does not coerce the C locale as the
`python` program does, PEP 538), so Qt neither warns nor mangles non-ASCII file names; a
UTF-8 locale is left alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ENTRY = Path(__file__).resolve().parents[1] / "packaging" / "entry.py"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux locales")

PROBE = f"""
import importlib.util, os, sys
spec = importlib.util.spec_from_file_location("entry", {str(ENTRY)!r})
entry = importlib.util.module_from_spec(spec)
spec.loader.exec_module(entry)
if sys.argv[1] == "fix":
    print(entry.use_utf8_locale())
print(os.environ.get("LC_ALL", "-"), os.environ.get("LC_CTYPE", "-"))
from PySide6.QtCore import QCoreApplication, QFile
app = QCoreApplication([])
print(QFile.encodeName("dé/cäse.kvmcase") == "dé/cäse.kvmcase".encode())
"""


def run(locale_env: dict[str, str], mode: str = "fix") -> tuple[list[str], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    # As the frozen loader: no C-locale coercion by the interpreter itself.
    env.update(locale_env, PYTHONCOERCECLOCALE="0", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True,
                            text=True, env=env, timeout=60, check=True)
    return result.stdout.split("\n"), result.stderr


def available(name: str) -> bool:
    import locale

    saved = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, name)
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_CTYPE, saved)
    return True


needs_c_utf8 = pytest.mark.skipif(not available("C.UTF-8"), reason="no C.UTF-8 locale here")


@needs_c_utf8
def test_without_the_fix_qt_warns_about_the_c_locale() -> None:
    _, err = run({"LC_ALL": "C"}, mode="leave")
    assert "Detected locale" in err  # what the bundle showed on every start


@needs_c_utf8
@pytest.mark.parametrize(("given", "variable"), [
    ({"LC_ALL": "C"}, "LC_ALL"), ({"LANG": "C"}, "LC_CTYPE"), ({}, "LC_CTYPE"),
    ({"LC_ALL": "POSIX"}, "LC_ALL"), ({"LANG": "xx_YY.UTF-8"}, "LC_ALL")])  # missing
def test_a_missing_or_non_utf8_locale_becomes_utf8(given: dict[str, str], variable: str) -> None:
    out, err = run(given)
    assert out[0] == "C.UTF-8"
    lc_all, lc_ctype = out[1].split()
    assert (lc_all if variable == "LC_ALL" else lc_ctype) == "C.UTF-8"
    assert out[2] == "True"  # Qt encodes non-ASCII file names as UTF-8
    assert "Detected locale" not in err


@needs_c_utf8
def test_a_utf8_locale_is_left_alone() -> None:
    out, err = run({"LANG": "C.UTF-8", "LC_MESSAGES": "C"})
    assert out[0] == "None" and out[1] == "- -" and "Detected locale" not in err
