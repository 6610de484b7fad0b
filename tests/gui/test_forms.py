"""The generated form modules match their ui/*.ui sources (regenerate with pyside6-uic)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kvmhelpdesk.resources import ui_dir

FORMS = Path(__file__).resolve().parents[2] / "kvmhelpdesk" / "gui" / "forms"


def _code(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("##"))


@pytest.mark.parametrize("ui_file", sorted(p.name for p in ui_dir().glob("*.ui")))
def test_form_is_up_to_date(ui_file: str, tmp_path: Path) -> None:
    uic = shutil.which("pyside6-uic") or shutil.which(
        "pyside6-uic", path=str(Path(sys.executable).parent)
    )
    generated = FORMS / f"ui_{Path(ui_file).stem}.py"
    assert generated.exists(), f"run: pyside6-uic ui/{ui_file} -o {generated}"
    committed = generated.read_text(encoding="utf-8")
    version = re.search(r"Compiler version ([\d.]+)", committed)
    from PySide6 import __version__ as pyside_version

    if uic is None or not version or version.group(1) != pyside_version:
        pytest.skip("pyside6-uic of the same version as the committed form is not available")
    out = tmp_path / "form.py"
    subprocess.run([uic, str(ui_dir() / ui_file), "-o", str(out)], check=True, timeout=60)
    assert _code(out.read_text(encoding="utf-8")) == _code(committed), (
        f"regenerate: pyside6-uic ui/{ui_file} -o {generated.relative_to(FORMS.parents[2])}"
    )
