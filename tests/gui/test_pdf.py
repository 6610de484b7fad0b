"""write_pdf: the wizard's PDF export and the CLI's `check --pdf` (no app, no display)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kvmhelpdesk.gui.pdf import write_pdf

HTML = "<html><head><title>KVM support check</title></head><body><h1>Verdict</h1></body></html>"
ROOT = Path(__file__).resolve().parents[2]


def test_writes_a_pdf_and_leaves_no_temp_file(qapp, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    write_pdf(HTML, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_unwritable_place_is_an_oserror(qapp, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_pdf(HTML, tmp_path / "missing" / "report.pdf")


def test_works_without_an_application_or_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    target = tmp_path / "cli.pdf"
    code = ("import sys; from kvmhelpdesk.gui.pdf import write_pdf; "
            f"write_pdf({HTML!r}, sys.argv[1])")
    subprocess.run([sys.executable, "-c", code, str(target)], cwd=ROOT, env=env, check=True,
                   timeout=60)
    assert target.read_bytes().startswith(b"%PDF")


def test_check_cli_writes_a_pdf(tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    case = tmp_path / "case.json"
    case.write_text(json.dumps({"format": "kvmhelpdesk-case", "version": 1,
                                "guests": [{"name": "g", "os": "Win7 x64", "vcpus": 2}]}))
    target = tmp_path / "out.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "kvmhelpdesk", "check", str(case), "--pdf",
                             str(target)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")


def test_pdf_goes_through_a_symlink_and_never_over_a_device(qapp, tmp_path: Path) -> None:
    """Issue 12: the link stays a link and its target gets the PDF; /dev/null stays a device."""
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    write_pdf(HTML, link)
    assert link.is_symlink() and real.read_bytes().startswith(b"%PDF")
    device = tmp_path / "null.pdf"
    device.symlink_to(os.devnull)
    with pytest.raises(OSError, match="character device"):
        write_pdf(HTML, device)


def test_check_pdf_over_a_read_only_file_is_one_line_exit_2(qapp, tmp_path: Path,
                                                            capsys) -> None:
    from kvmhelpdesk.cli import main

    target = tmp_path / ("r" * 246 + ".pdf")  # a 250-character name keeps working
    target.write_bytes(b"keep")
    target.chmod(0o444)
    assert main(["check", "--qemu-cmdline", "qemu-kvm -m 512", "--pdf", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is read-only: not replaced" in err
    assert target.read_bytes() == b"keep"
    target.chmod(0o644)
    assert main(["check", "--qemu-cmdline", "qemu-kvm -m 512", "--pdf", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
