"""`kvmhelpdesk check --supportconfig PATH`: formats, JSON contract, --save-case, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kvmhelpdesk.cli import main
from kvmhelpdesk.triage import load_case, save_case
from tests.helpers.cases import make_case, make_guest
from tests.helpers.supportconfig import SupportconfigBuilder, add_host


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def archive(builder, tmp_path) -> Path:
    return builder.write_tar(tmp_path)


def test_json_is_the_verdict_contract_plus_source_and_evidence(capsys, archive):
    code, out, err = run(capsys, "--supportconfig", str(archive), "--json")
    data = json.loads(out)
    assert code == 0 and err == ""
    assert {"verdict", "release", "title", "guests", "findings", "performance",
            "options"} <= set(data)
    assert [g["name"] for g in data["guests"]] == ["sles11-web", "w2k8-db", "sles10-app",
                                                   "winxp-desk"]
    source = data["source"]
    assert source["kind"] == "supportconfig" and source["hostname"] == "kvmhost01"
    assert source["collected"] == "2011-03-02 10:11" and "kvm.txt" in source["files"]
    assert source["notes"] == [] and source["memory_kib"] == 32949800
    assert data["evidence"]["host.os"]["section"] == "/etc/SuSE-release"
    assert data["evidence"]["guests[0].vcpus"]["line"] >= 1


@pytest.mark.parametrize(("flag", "marker"), [("--markdown", "# KVM support check"),
                                              ("--html", "<!DOCTYPE html>"), ("--text", "====")])
def test_report_formats(capsys, archive, flag, marker):
    code, out, _ = run(capsys, "--supportconfig", str(archive), flag)
    assert code == 0 and marker in out and "w2k8-db" in out
    assert "supportconfig nts_kvmhost01_110302_1011.tbz" in out  # the title names the bundle


def test_an_unpacked_folder_and_json_to_a_file(capsys, builder, tmp_path):
    folder = builder.write_folder(tmp_path / "unpacked")
    target = tmp_path / "verdict.json"
    code, out, _ = run(capsys, "--supportconfig", str(folder), "--json", "-o", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert code == 0 and out == "" and data["source"]["name"] == folder.name
    assert "evidence" in data


def test_save_case_writes_the_case_that_was_checked(capsys, archive, tmp_path):
    saved = tmp_path / "host.json"
    code, _, _ = run(capsys, "--supportconfig", str(archive), "--save-case", str(saved))
    case = load_case(saved)
    assert code == 0 and case["version"] == 2 and case["source"]["kind"] == "supportconfig"
    assert case["evidence"]["host.cpu_cores"]["file"] == "hardware.txt"
    code, again, _ = run(capsys, str(saved), "--json")  # and it checks the same way
    assert code == 0 and len(json.loads(again)["guests"]) == 4


def test_save_case_works_without_a_bundle_too(capsys, tmp_path):
    saved = tmp_path / "pasted.json"
    code, _, _ = run(capsys, "--qemu-cmdline", "qemu-kvm -m 512 -name x", "--save-case",
                     str(saved))
    assert code == 0 and load_case(saved)["guests"][0]["name"] == "x"


def test_a_case_file_and_a_bundle_together(capsys, archive, tmp_path):
    case_file = tmp_path / "ticket.json"
    save_case(make_case(title="Ticket 4711", guests=[make_guest(name="from-ticket")]),
              case_file)
    code, out, _ = run(capsys, str(case_file), "--supportconfig", str(archive), "--json")
    data = json.loads(out)
    assert code == 0 and data["title"] == "Ticket 4711"
    assert [g["name"] for g in data["guests"]][:2] == ["from-ticket", "sles11-web"]
    assert data["evidence"]["guests[1].name"]["excerpt"] == "<name>sles11-web</name>"


def test_notes_go_to_stderr(capsys, tmp_path):
    builder = add_host(SupportconfigBuilder())
    builder.raw("kvm.txt", "#==[ Command ]==#\n# virsh list --all\nERROR: Command not found or "
                           "not executible\n")
    code, _, err = run(capsys, "--supportconfig", str(builder.write_tar(tmp_path)))
    assert code == 0 and "kvmhelpdesk: note: kvm.txt: `virsh list --all` failed" in err


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file or folder"),
    (b"not an archive", "not a supportconfig archive"),
    (b"BZh91AY&SY" + b"\0" * 40, "not a readable tar.bz2 archive"),
])
def test_anything_unreadable_is_exit_2_with_one_line(capsys, tmp_path, content, message):
    path = tmp_path / "upload.tbz"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "--supportconfig", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("kvmhelpdesk: error:")


def test_an_unknown_release_is_exit_2(capsys, archive):
    code, _, err = run(capsys, "--supportconfig", str(archive), "--release", "sles99")
    assert code == 2 and "unknown release 'sles99'" in err


# -- paths that are not regular files never block (issue 12, FIFOs) ---------------------------
needs_fifo = pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")


@needs_fifo
def test_a_fifo_as_the_bundle_is_one_line_and_exit_2(capsys, tmp_path):
    import os

    fifo = tmp_path / "nts_host.tbz"
    os.mkfifo(fifo)  # no writer: a blocking open would wait for ever
    code, out, err = run(capsys, "--supportconfig", str(fifo))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "named pipe (FIFO)" in err and "Traceback" not in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_as_the_bundle_is_refused(capsys):
    code, _, err = run(capsys, "--supportconfig", "/dev/zero")  # would never end
    assert code == 2 and "character device" in err and err.count("\n") == 1


@needs_fifo
@pytest.mark.parametrize("kind", ["bz2", "none"])
def test_an_archive_swapped_for_a_fifo_after_sniffing_is_refused(tmp_path, kind):
    import os

    from kvmhelpdesk.bundle.archive import Watch
    from kvmhelpdesk.bundle.errors import BundleError
    from kvmhelpdesk.bundle.tarzip import TarSource, ZipSource

    fifo = tmp_path / "swapped.tbz"
    os.mkfifo(fifo)
    for source in (TarSource(fifo, Watch(None, None), kind), ZipSource(fifo, Watch(None, None))):
        with pytest.raises(BundleError, match="named pipe"):
            list(source.entries())
        source.close()


@needs_fifo
def test_a_fifo_in_an_unpacked_folder_is_skipped_with_a_note(capsys, builder, tmp_path):
    import os

    folder = builder.write_folder(tmp_path)
    os.mkfifo(folder / "extra-notes.txt")
    (folder / "memory.txt").unlink()
    os.mkfifo(folder / "memory.txt")
    code, out, err = run(capsys, "--supportconfig", str(folder), "--json")
    assert code == 0 and json.loads(out)["verdict"]
    assert "memory.txt: skipped: not a regular file" in err
    assert "extra-notes.txt: skipped: not a regular file" in err
