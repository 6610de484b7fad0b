"""Starting the window from the command line: files to open, and a friendly refusal where no
window is possible (no display, X server away, missing libraries) instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kvmhelpdesk.cli import launch, main
from kvmhelpdesk.cli.display_check import library_problem, missing_libraries, startup_problem

COMMANDS = ("kb", "search", "check", "probe-host", "install-desktop")
PLUGIN_ERROR = ("/x/PySide6/Qt/plugins/platforms/libqxcb.so: libxcb-cursor.so.0: cannot open "
                "shared object file: No such file or directory")


@pytest.mark.parametrize("args, files", [
    ([], False),
    (["case.kvmcase"], True),
    (["--content", "kb", "case.json"], True),   # "kb" is the option's value, not the command
    (["--content", "pack"], False),
    (["kb", "list"], False),
    (["--help"], False),
    (["--", "kb"], True),
])
def test_first_positional_decides_command_or_files(args, files) -> None:
    assert launch.opens_files(args, COMMANDS) is files


def test_a_missing_file_is_one_line_and_names_the_commands(capsys) -> None:
    assert main(["serach", "windows"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no such file or command: 'serach'" in err and "search" in err


def test_a_missing_case_file_is_one_line(capsys, tmp_path: Path) -> None:
    assert main([str(tmp_path / "gone.kvmcase")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "gone.kvmcase" in err and "commands:" not in err


def test_files_go_to_the_app_as_absolute_paths(monkeypatch, tmp_path: Path) -> None:
    case = tmp_path / "web.kvmcase"
    case.write_text("{}")
    monkeypatch.chdir(tmp_path)
    started = {}
    import kvmhelpdesk.gui.app as app

    monkeypatch.setattr(app, "run", lambda content, files: started.update(
        content=content, files=files) or 0)
    monkeypatch.setattr("kvmhelpdesk.cli.display_check.startup_problem", lambda: None)
    assert main(["--content", "packs", "web.kvmcase"]) == 0
    assert started == {"content": ["packs"], "files": [str(case)]}


def test_an_unpacked_supportconfig_folder_opens_in_the_app(monkeypatch, tmp_path: Path) -> None:
    """`kvmhelpdesk nts_HOST_DATE/`: the window takes an unpacked bundle, as File › Open
    support bundle and a drop on the window do; any other folder is one line."""
    from tests.helpers.supportconfig import standard_bundle

    folder = standard_bundle().write_folder(tmp_path)
    started = {}
    import kvmhelpdesk.gui.app as app

    monkeypatch.setattr(app, "run", lambda content, files: started.update(files=files) or 0)
    monkeypatch.setattr("kvmhelpdesk.cli.display_check.startup_problem", lambda: None)
    assert main([str(folder)]) == 0 and started == {"files": [str(folder)]}
    assert main([str(tmp_path)]) == 0  # the folder holding one nts_ folder, as the window
    other = tmp_path / "photos"
    other.mkdir()
    assert main([str(other)]) == 2


def test_another_folder_is_one_line(capsys, tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "is a folder, neither a case file nor an unpacked supportconfig" in err


# -- no window possible here ------------------------------------------------------------------
def test_no_display_at_all() -> None:
    message = startup_problem({}, "linux")
    assert message is not None
    assert "needs a display" in message and "kvmhelpdesk --help" in message
    assert "xvfb-run" in message and "\n" not in message


@pytest.mark.parametrize("qpa", ["offscreen", "minimal", "vnc"])
def test_headless_platforms_need_no_display(qpa: str) -> None:
    assert startup_problem({"QT_QPA_PLATFORM": qpa}, "linux") is None


def test_other_systems_are_left_to_qt() -> None:
    assert startup_problem({}, "win32") is None
    assert startup_problem({}, "darwin") is None


def test_wayland_only_session_is_left_to_qt() -> None:
    assert startup_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None


def test_an_x_display_that_does_not_answer() -> None:
    message = startup_problem({"DISPLAY": ":4242"}, "linux")
    assert message is not None and "':4242' does not answer" in message


def test_missing_x11_libraries_are_named_with_their_debian_packages(monkeypatch) -> None:
    from kvmhelpdesk.cli import display_check

    monkeypatch.setattr(display_check, "_x_display_reachable", lambda *a: True)
    monkeypatch.setattr(display_check, "xcb_plugin", lambda: Path("/x/libqxcb.so"))

    def load(name: str) -> None:
        if name.endswith("libqxcb.so"):
            raise OSError(PLUGIN_ERROR)
        if name in ("libxcb-cursor.so.0", "libxcb-icccm.so.4"):
            raise OSError(f"{name}: cannot open shared object file")

    message = startup_problem({"DISPLAY": ":0"}, "linux", load)
    assert message is not None and "\n" not in message
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in message
    assert "kvmhelpdesk --help" in message


def test_no_libraries_missing(monkeypatch) -> None:
    from kvmhelpdesk.cli import display_check

    monkeypatch.setattr(display_check, "xcb_plugin", lambda: Path("/x/libqxcb.so"))
    assert missing_libraries(lambda name: None) == []


def test_the_real_x11_plugin_is_found_and_loads() -> None:
    from kvmhelpdesk.cli import display_check

    plugin = display_check.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"


def test_import_error_of_a_system_library_names_the_package() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    message = library_problem(error)
    assert message is not None and "sudo apt-get install libegl1" in message
    assert library_problem(ImportError("No module named 'PySide6'")) is None


def test_started_without_a_display_the_app_says_so_and_exits_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "kvmhelpdesk"], capture_output=True,
                            text=True, env=env, timeout=60, check=False)
    assert result.returncode == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1
    assert result.stderr.startswith("kvmhelpdesk: error: the window needs a display")


def test_a_platform_plugin_qt_cannot_load_is_one_line_not_an_abort(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "no-such-platform"}
    code = "from kvmhelpdesk.gui.app import run; run()"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1
    assert "the window cannot start: Could not find the Qt platform plugin" in result.stderr


def test_command_usage_lines_stay_short(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["install-desktop", "--help"])
    assert capsys.readouterr().out.startswith("usage: kvmhelpdesk install-desktop [-h]")


def test_a_wayland_session_is_left_to_qt_where_its_plugin_exists(monkeypatch) -> None:
    from kvmhelpdesk.cli import display_check

    monkeypatch.setattr(display_check, "_x_display_reachable", lambda *a: True)
    session = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    plugins = {"libqwayland*.so": Path("/x/libqwayland.so"), "libqxcb.so": Path("/x/libqxcb.so")}
    monkeypatch.setattr(display_check, "_platform_plugin", plugins.get)

    def load(name: str) -> None:
        missing = "libxcb-cursor.so.0"
        raise OSError(f"{name}: {missing}: cannot open shared object file")

    assert startup_problem(session, "linux", load) is None  # X11 libraries do not matter
    del plugins["libqwayland*.so"]  # the offline bundle: X11 (XWayland) only
    assert "apt-get install" in (startup_problem(session, "linux", load) or "")
