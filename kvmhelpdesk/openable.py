"""What the app opens, told by name and by a look at a folder: case files and support
bundles (archives, unpacked supportconfig folders). Qt-free: the command line checks the
files it is given before Qt loads (cli.launch), the window when they are opened or dropped
(gui.file_open)."""

from __future__ import annotations

from pathlib import Path

CASE_SUFFIXES = (".kvmcase", ".json")
# supportconfig writes nts_HOST_DATE.tbz (bzip2) or scc_HOST_DATE.txz (xz); renamed copies
# keep the tar suffixes, and some customers repack as .tgz, .tar or .zip.
BUNDLE_SUFFIXES = (".tbz", ".tbz2", ".tar.bz2", ".txz", ".tar.xz", ".tgz", ".tar.gz", ".tar",
                   ".zip")
# The files that make a folder an unpacked supportconfig (bundle.reader.SIGNATURE).
BUNDLE_FILES = ("basic-environment.txt", "hardware.txt", "kvm.txt")


def is_support_bundle(path: str | Path) -> bool:
    """An archive by its name, or an unpacked supportconfig folder (or the folder holding
    one nts_/scc_ folder) by its files."""
    where = Path(path)
    if where.name.lower().endswith(BUNDLE_SUFFIXES):
        return True
    return where.is_dir() and (_has_bundle_files(where) or any(
        child.name.startswith(("nts_", "scc_")) and _has_bundle_files(child)
        for child in _subfolders(where)))


def is_openable(path: str | Path) -> bool:
    return Path(path).name.lower().endswith(CASE_SUFFIXES) or is_support_bundle(path)


def _has_bundle_files(folder: Path) -> bool:
    return any((folder / name).is_file() for name in BUNDLE_FILES)


def _subfolders(folder: Path, limit: int = 200) -> list[Path]:
    try:
        return [p for p, _ in zip(folder.iterdir(), range(limit), strict=False) if p.is_dir()]
    except OSError:
        return []
