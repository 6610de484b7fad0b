"""Desktop integration (freedesktop.org): the menu entry, icons, MIME types, AppStream data.

`install(...)` copies them under an XDG data folder (the user's, ~/.local/share, by default;
or /usr/local/share for every user), with the entry's Exec pointing at the program that runs
now (a venv's script or an unpacked offline bundle), and updates the desktop, MIME and icon
caches when their tools are installed. `uninstall(...)` removes exactly those files. Qt-free.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kvmhelpdesk import APP_ID  # defined there: the window itself needs no subprocess
from kvmhelpdesk.resources import icons_dir

CASE_MIME_TYPE = "application/x-kvmhelpdesk-case"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
DATA = Path(__file__).resolve().parent / "data"
SYSTEM_DATA_DIR = Path("/usr/local/share")

Runner = Callable[[Sequence[str]], object]


@dataclass
class Result:
    data_dir: Path
    files: list[Path] = field(default_factory=list)
    caches: list[str] = field(default_factory=list)  # the cache tools that ran


def user_data_dir() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share (the XDG default)."""
    value = os.environ.get("XDG_DATA_HOME", "").strip()
    if value and os.path.isabs(value):
        return Path(value)
    return Path(os.environ.get("HOME") or Path.home()) / ".local" / "share"


def source_files() -> dict[str, Path]:
    """Relative target path (under the data dir) -> shipped file."""
    files = {
        f"applications/{APP_ID}.desktop": DATA / f"{APP_ID}.desktop",
        f"metainfo/{APP_ID}.metainfo.xml": DATA / f"{APP_ID}.metainfo.xml",
        f"mime/packages/{APP_ID}.xml": DATA / f"{APP_ID}.mime.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg": icons_dir() / "app.svg",
    }
    for size in ICON_SIZES:
        files[f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"] = DATA / "icons" / f"{size}.png"
    return files


def launcher_command() -> list[str]:
    """How to start the program that runs now, so the menu entry finds it without PATH."""
    if getattr(sys, "frozen", False):  # the offline bundle: its own executable
        return [str(Path(sys.executable).resolve())]
    # The console script beside the one running (or beside the venv's python). Not
    # resolved: a venv's bin/python is a symlink out of the venv.
    candidates = [Path(sys.executable).parent / "kvmhelpdesk"]
    if sys.argv and sys.argv[0]:
        candidates.insert(0, Path(sys.argv[0]).parent / "kvmhelpdesk")
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "kvmhelpdesk"]


def quote_exec_argument(argument: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec asks (and escape % as %%)."""
    argument = argument.replace("%", "%%")
    if not any(c in argument for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def desktop_entry(command: Sequence[str]) -> str:
    """The shipped .desktop file with Exec (and TryExec) naming `command`."""
    exec_line = " ".join(quote_exec_argument(a) for a in command) + " %F"
    lines = []
    for line in (DATA / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_line}"
        elif line.startswith("TryExec="):
            line = f"TryExec={command[0]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(data_dir: Path, command: Sequence[str] | None = None,
            run: Runner | None = None) -> Result:
    """Copy the desktop files under `data_dir`, then update its caches. OSError on failure."""
    result = Result(data_dir)
    entry = desktop_entry(command or launcher_command())
    for relative, source in source_files().items():
        target = data_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if relative.startswith("applications/"):
            _write_atomically(target, entry.encode("utf-8"))
        else:
            _write_atomically(target, source.read_bytes())
        result.files.append(target)
    result.caches = update_caches(data_dir, run)
    return result


def uninstall(data_dir: Path, run: Runner | None = None) -> Result:
    """Remove what `install` wrote (missing files are fine), then update the caches."""
    result = Result(data_dir)
    for relative in source_files():
        target = data_dir / relative
        if target.is_file() or target.is_symlink():
            target.unlink()
            result.files.append(target)
    result.caches = update_caches(data_dir, run)
    return result


def update_caches(data_dir: Path, run: Runner | None = None) -> list[str]:
    """Run the cache tools that exist; a missing tool is skipped, a failing one is ignored
    (desktops also rebuild these caches themselves)."""
    run = run or _run_quietly
    ran = []
    tools = (
        ("update-mime-database", [str(data_dir / "mime")], data_dir / "mime" / "packages"),
        ("update-desktop-database", ["-q", str(data_dir / "applications")],
         data_dir / "applications"),
        ("gtk-update-icon-cache", ["-q", "-t", "-f", str(data_dir / "icons" / "hicolor")],
         data_dir / "icons" / "hicolor"),
    )
    for tool, arguments, needed in tools:
        path = shutil.which(tool)
        if path and needed.is_dir():
            run([path, *arguments])
            ran.append(tool)
    return ran


def _run_quietly(command: Sequence[str]) -> None:
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(list(command), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120, check=False)


def _write_atomically(target: Path, data: bytes) -> None:
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)
