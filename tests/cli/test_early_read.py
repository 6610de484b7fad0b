"""`check --supportconfig PATH` starts reading the bundle before the command's modules load
(cli.early_read); the result, and every error, must be what a late read gives."""

from __future__ import annotations

import threading

import pytest

from kvmhelpdesk.bundle import reader as reader_module
from kvmhelpdesk.cli import check_bundle, early_read, main
from kvmhelpdesk.cli.launch import command_in
from tests.helpers.supportconfig import standard_bundle


@pytest.mark.parametrize(("args", "path"), [
    (["check", "--supportconfig", "a.tbz", "--json"], "a.tbz"),
    (["--content", "pack", "check", "case.json", "--supportconfig=b c.tbz"], "b c.tbz"),
    (["check", "--json"], None),
    (["search", "--supportconfig", "a.tbz"], None),  # not the check command
    (["check", "--", "--supportconfig", "a.tbz"], None),  # after --: positional arguments
    (["check", "--supportconfig", "--json"], None),  # no value: argparse says so
    (["check", "--supportconfig="], None),
])
def test_only_a_plain_supportconfig_flag_of_check_is_seen(args, path):
    assert early_read.bundle_path(args, command_in(args)) == path


def early_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "early-bundle-read"]


def test_the_bundle_is_read_once_and_early(capsys, tmp_path, monkeypatch):
    archive = standard_bundle().write_tar(tmp_path)
    calls = []
    original = reader_module.read_bundle

    def counting(path, *args, **kwargs):
        calls.append(threading.current_thread().name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(reader_module, "read_bundle", counting)
    monkeypatch.setattr(check_bundle, "read_bundle", pytest.fail)  # no second, late read
    assert main(["check", "--supportconfig", str(archive), "--json"]) == 0
    assert calls == ["early-bundle-read"]
    assert '"w2k8-db"' in capsys.readouterr().out
    assert not early_threads()


def test_an_error_before_the_bundle_is_needed_stops_the_early_read(capsys, tmp_path):
    # An unknown --release is refused first, as before; the read under way is cancelled.
    archive = standard_bundle().write_tar(tmp_path, "bz2")
    code = main(["check", "--supportconfig", str(archive), "--release", "sles99", "--json"])
    _, err = capsys.readouterr()
    assert code == 2 and "unknown release 'sles99'" in err and err.count("\n") == 1
    assert not early_threads()


def test_an_unreadable_bundle_is_the_same_one_line_error(capsys, tmp_path):
    bad = tmp_path / "nts_x.tbz"
    bad.write_bytes(b"BZh9" + bytes(100))
    code = main(["check", "--supportconfig", str(bad), "--json"])
    _, err = capsys.readouterr()
    assert code == 2 and err.startswith("kvmhelpdesk: error: nts_x.tbz") and err.count("\n") == 1
    assert not early_threads()


def test_a_tbz_starts_decoding_at_once_and_the_reader_takes_it_over(tmp_path):
    from kvmhelpdesk.bundle import tarzip
    from kvmhelpdesk.bundle.reader import read_bundle

    archive = standard_bundle().write_tar(tmp_path, "bz2")
    expected = read_bundle(archive)
    tarzip.prime_bzip2(archive)
    assert str(archive) in tarzip._PRIMED
    bundle = read_bundle(archive)
    assert not tarzip._PRIMED  # taken over
    assert bundle.files == expected.files and bundle.host.answers == expected.host.answers
    assert [d.name for d in bundle.domains] == [d.name for d in expected.domains]


def test_a_primed_file_replaced_meanwhile_is_read_afresh(tmp_path):
    from kvmhelpdesk.bundle import tarzip
    from kvmhelpdesk.bundle.reader import read_bundle

    archive = standard_bundle().write_tar(tmp_path, "bz2")
    tarzip.prime_bzip2(archive)
    other = standard_bundle()
    del other.files["kvm.txt"]
    replacement = other.write_tar(tmp_path / "other", "bz2")
    replacement.replace(archive)  # a new file under the same name
    bundle = read_bundle(archive)
    assert not tarzip._PRIMED and "kvm.txt" not in bundle.files


@pytest.mark.parametrize("content", [b"not bzip2 at all", b"BZh9" + bytes(300)])
def test_what_is_not_a_splittable_tbz_is_not_primed(tmp_path, content):
    from kvmhelpdesk.bundle import tarzip

    path = tmp_path / "nts_x.tbz"
    path.write_bytes(content)
    tarzip.prime_bzip2(path)
    assert not tarzip._PRIMED


def test_a_tbz_given_to_the_window_starts_decoding_before_qt_loads(tmp_path, monkeypatch):
    """`kvmhelpdesk nts_x.tbz` (a double-click on the archive): the first .tbz starts
    decoding before the window is built, the window's reader takes it over, and whatever
    was not taken (handed over to a running window) is stopped when run() returns."""
    from kvmhelpdesk.bundle import tarzip
    from kvmhelpdesk.bundle.reader import read_bundle
    from kvmhelpdesk.cli import launch

    archive = standard_bundle().write_tar(tmp_path, "bz2")
    case = tmp_path / "a.kvmcase"
    case.write_text("{}")
    seen = {}

    def fake_run(extra, files):
        seen["primed"] = sorted(tarzip._PRIMED)
        seen["files"] = files
        if len(files) > 1:  # the window reads it: takes the decoder over
            assert read_bundle(files[1]).files
        return 0

    import kvmhelpdesk.gui.app as gui_app

    monkeypatch.setattr(gui_app, "run", fake_run)
    monkeypatch.setattr("kvmhelpdesk.cli.display_check.startup_problem", lambda: None)
    assert launch.launch_gui((), [str(case), str(archive)]) == 0
    assert seen["primed"] == [str(archive)] and seen["files"][1] == str(archive)
    assert not tarzip._PRIMED
    assert launch.launch_gui((), [str(archive)]) == 0  # e.g. handed over: never read here
    assert seen["primed"] == [str(archive)] and not tarzip._PRIMED


@pytest.mark.parametrize("name", ["case.kvmcase", "nts_x.txz", "missing.tbz"])
def test_only_an_existing_tbz_is_primed_at_launch(tmp_path, name):
    from kvmhelpdesk.bundle import tarzip
    from kvmhelpdesk.cli import launch

    path = tmp_path / name
    if name != "missing.tbz":
        path.write_bytes(b"whatever")
    assert not launch.prime_bundle([str(path)]) and not tarzip._PRIMED
