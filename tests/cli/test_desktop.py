"""Desktop integration: the shipped freedesktop files, and `kvmhelpdesk install-desktop`."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kvmhelpdesk import __version__, desktop
from kvmhelpdesk.cli import main

DESKTOP_FILE = desktop.DATA / f"{desktop.APP_ID}.desktop"
METAINFO = desktop.DATA / f"{desktop.APP_ID}.metainfo.xml"
MIME_XML = desktop.DATA / f"{desktop.APP_ID}.mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def entry(path: Path = DESKTOP_FILE) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def mime_types() -> dict[str, list[str]]:
    root = ET.parse(MIME_XML).getroot()
    return {t.get("type"): [g.get("pattern") for g in t.iter(f"{MIME_NS}glob")]
            for t in root.iter(f"{MIME_NS}mime-type")}


def test_desktop_entry_has_what_menus_and_file_managers_need() -> None:
    e = entry()
    for key in ("Name", "GenericName", "Comment", "Icon", "Exec", "Categories", "Keywords",
                "MimeType"):
        assert e.get(key), key
    assert e["Exec"].endswith(" %F") and e["Icon"] == desktop.APP_ID
    assert e["Type"] == "Application" and e["Terminal"] == "false"
    assert declared_types()[:3] == list(mime_types())  # ours: cases, both supportconfigs


# Support bundles open in the app (openable.BUNDLE_SUFFIXES), also renamed copies that the
# MIME database calls plain compressed tarballs ("Open with" must offer the app for them).
TARBALL_TYPES = ["application/x-bzip-compressed-tar", "application/x-bzip2-compressed-tar",
                 "application/x-xz-compressed-tar", "application/x-compressed-tar"]
FREEDESKTOP_MIME = Path("/usr/share/mime/packages/freedesktop.org.xml")


def declared_types() -> list[str]:
    return [m for m in entry()["MimeType"].split(";") if m]


def test_compressed_tarballs_are_declared_too() -> None:
    assert declared_types()[3:] == TARBALL_TYPES
    root = ET.parse(METAINFO).getroot()
    assert [m.text for m in root.iter("mediatype")] == declared_types()


@pytest.mark.skipif(not FREEDESKTOP_MIME.exists(), reason="shared-mime-info is not installed")
@pytest.mark.parametrize("suffix", [".tbz", ".tbz2", ".tar.bz2", ".txz", ".tar.xz", ".tgz",
                                    ".tar.gz"])
def test_every_bundle_suffix_the_app_opens_has_a_declared_type(suffix: str) -> None:
    from fnmatch import fnmatch

    from kvmhelpdesk.openable import BUNDLE_SUFFIXES

    assert suffix in BUNDLE_SUFFIXES
    root = ET.parse(FREEDESKTOP_MIME).getroot()
    owners = {t.get("type") for t in root.iter(f"{MIME_NS}mime-type")
              for g in t.iter(f"{MIME_NS}glob") if fnmatch(f"renamed{suffix}", g.get("pattern"))}
    assert owners and owners & set(declared_types()), owners


def test_mime_types_cover_case_files_and_supportconfig_archives() -> None:
    types = mime_types()
    assert types[desktop.CASE_MIME_TYPE] == ["*.kvmcase"]
    assert types["application/x-supportconfig-bzip2"] == ["nts_*.tbz"]
    assert types["application/x-supportconfig-xz"] == ["scc_*.txz"]


def test_metainfo_names_the_app_its_entry_and_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == desktop.APP_ID
    assert root.find("launchable").text == f"{desktop.APP_ID}.desktop"
    assert root.find("releases/release").get("version") == __version__
    assert root.find("provides/mediatype").text == desktop.CASE_MIME_TYPE


def test_png_icons_have_the_size_their_name_says() -> None:
    for size in desktop.ICON_SIZES:
        data = (desktop.DATA / "icons" / f"{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (desktop-file-utils)")
def test_desktop_file_validate(tmp_path: Path) -> None:
    installed = tmp_path / f"{desktop.APP_ID}.desktop"
    installed.write_text(desktop.desktop_entry(["/opt/KVM Helpdesk/kvmhelpdesk"]))
    for path in (DESKTOP_FILE, installed):
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                                text=True, timeout=60, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "error" not in result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is not installed (appstream)")
def test_appstreamcli_validate() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_exec_arguments_are_quoted_as_the_spec_asks() -> None:
    assert desktop.quote_exec_argument("/opt/kvm/kvmhelpdesk") == "/opt/kvm/kvmhelpdesk"
    assert desktop.quote_exec_argument("/opt/KVM Helpdesk/kvmhelpdesk") == \
        '"/opt/KVM Helpdesk/kvmhelpdesk"'
    assert desktop.quote_exec_argument('/a "b" $c') == '"/a \\"b\\" \\$c"'
    assert desktop.quote_exec_argument("/100%/x") == "/100%%/x"
    e = desktop.desktop_entry(["/opt/KVM Helpdesk/kvmhelpdesk"])
    assert 'Exec="/opt/KVM Helpdesk/kvmhelpdesk" %F' in e.splitlines()


def test_install_and_uninstall_for_the_user(capsys, tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    ran: list[list[str]] = []
    monkeypatch.setattr(desktop, "_run_quietly", ran.append)
    monkeypatch.setattr(shutil, "which", lambda tool: f"/usr/bin/{tool}")
    assert main(["install-desktop"]) == 0
    out = capsys.readouterr().out
    installed = sorted(str(p.relative_to(data)) for p in data.rglob("*") if p.is_file())
    assert installed == sorted(desktop.source_files())
    assert f"11 files installed under {data}" in out
    e = entry(data / "applications" / f"{desktop.APP_ID}.desktop")
    program = e["Exec"].removesuffix(" %F").strip('"')
    assert Path(program.split(" ")[0]).is_file()  # the program running now, by full path
    assert (data / f"icons/hicolor/scalable/apps/{desktop.APP_ID}.svg").read_text().startswith(
        "<svg")
    assert [Path(c[0]).name for c in ran] == ["update-mime-database", "update-desktop-database",
                                              "gtk-update-icon-cache"]
    assert ran[0][1] == str(data / "mime")

    assert main(["install-desktop", "--uninstall"]) == 0
    assert [p for p in data.rglob("*") if p.is_file()] == []
    assert "11 files removed" in capsys.readouterr().out
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out


def test_install_without_cache_tools_says_so(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    monkeypatch.setattr(shutil, "which", lambda tool: None)
    assert main(["install-desktop", "--user"]) == 0
    assert "No cache tool found" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="update-mime-database is not installed (shared-mime-info)")
def test_the_mime_database_knows_case_files_after_install(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    desktop.install(tmp_path, ["/opt/kvmhelpdesk/kvmhelpdesk"])
    globs = (tmp_path / "mime" / "globs2").read_text()
    assert f"{desktop.CASE_MIME_TYPE}:*.kvmcase" in globs
    assert "application/x-supportconfig-bzip2:nts_*.tbz" in globs


def test_system_install_where_it_cannot_write_is_one_line(capsys, tmp_path: Path,
                                                         monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setattr(desktop, "SYSTEM_DATA_DIR", blocker / "share")
    assert main(["install-desktop", "--system"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kvmhelpdesk: error: ") and err.count("\n") == 1


def test_user_data_dir_follows_xdg(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "x"))
    assert desktop.user_data_dir() == tmp_path / "x"
    monkeypatch.setenv("XDG_DATA_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop.user_data_dir() == tmp_path / ".local" / "share"
