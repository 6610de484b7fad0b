"""Case file format v1: validation with key paths, every bad-file class, atomic saving."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kvmhelpdesk.triage import (
    CaseError,
    case_problems,
    dump_case,
    empty_case,
    field_messages,
    guest_problems,
    load_case,
    merge_case,
    parse_case,
    save_case,
    validate_case,
)
from tests.helpers.cases import DROP, big_case, disk, make_case, make_guest, minimal_case


def test_baseline_and_minimal_cases_are_valid() -> None:
    assert validate_case(make_case()) is not None
    assert validate_case(minimal_case()) is not None
    assert validate_case(empty_case("sles11-sp1"))["release"] == "sles11-sp1"


def test_issue_example_is_valid() -> None:
    case = make_case(guests=[make_guest(os="Windows Server 2008 R2 SP1",
                                        nics=[{"model": "virtio", "mac": None}])])
    assert case_problems(case) == []


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda c: c["guests"].append(make_guest(disks=[disk(fmt=7)])),
         "guests[1].disks[0].format", "expected a string, found integer"),
        (lambda c: c.update(colour="red"), "colour", "unknown key"),
        (lambda c: c["host"].update(cpus=4), "host.cpus", "unknown key"),
        (lambda c: c["guests"][0].update(bits="64"), "guests[0].bits", "found string"),
        (lambda c: c["guests"][0].update(bits=48), "guests[0].bits", "not one of: 32, 64"),
        (lambda c: c["guests"][0].update(vcpus=0), "guests[0].vcpus", "below the minimum"),
        (lambda c: c["guests"][0].update(vcpus=True), "guests[0].vcpus", "found boolean"),
        (lambda c: c["guests"][0].update(memory_mb=1.5), "guests[0].memory_mb", "integer"),
        (lambda c: c["host"].update(management=["virt-manager", "xm"]), "host.management[1]",
         "not one of"),
        (lambda c: c["host"].update(cpu_vendor="via"), "host.cpu_vendor", "intel, amd"),
        (lambda c: c["guests"][0]["nics"][0].update(mac=5), "guests[0].nics[0].mac", "string"),
        (lambda c: c["guests"][0]["migration"].update(fast=True), "guests[0].migration.fast",
         "unknown key"),
        (lambda c: c.update(guests={"a": 1}), "guests", "expected a list, found object"),
        (lambda c: c.update(performance=[{"category": "cpu", "measured_percent": "60"}]),
         "performance[0].measured_percent", "expected a number"),
        (lambda c: c.pop("version"), "version", "required key is missing"),
        (lambda c: c.update(version=0), "version", "not one of: 1"),
    ],
)
def test_invalid_answers_name_the_key_path(change, path: str, words: str) -> None:
    case = make_case()
    change(case)
    with pytest.raises(CaseError) as info:
        validate_case(case)
    assert info.value.path == path
    assert words in str(info.value)
    assert str(info.value).startswith(f"{path}: ")


def test_wizard_gets_every_field_message() -> None:
    case = make_case(guests=[make_guest(vcpus="four", bits=16), make_guest(name=3)])
    messages = field_messages(case)
    assert set(messages) == {"guests[0].vcpus", "guests[0].bits", "guests[1].name"}
    assert guest_problems(make_guest(disks=[{"bus": 1}]), index=4)[0].path == \
        "guests[4].disks[0].bus"


def test_free_string_values_are_left_to_the_rules() -> None:
    guest = make_guest(disks=[disk("pflash", "vmdk", storage="nfs")], video="qxl",
                       nics=[{"model": "e1000", "mac": None}], os="Plan 9", created_with="x")
    assert case_problems(make_case(guests=[guest])) == []


# ---------------------------------------------------------------- loading: every bad-file class

def _write(tmp_path: Path, data: bytes | str, name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("{\"format\": \"kvmhelpdesk-case\", \"version\": 1, \"guests\": [", "truncated"),
        ("not json at all", "not valid JSON"),
        (b"\xff\xfe{\x00", "not UTF-8"),
        ("[1, 2, 3]", "not a KVM Helpdesk case file"),
        ("{\"name\": \"a libvirt thing\"}", "it has no format key"),
        ("{\"format\": \"other-tool\", \"version\": 1}", "its format is 'other-tool'"),
        ("{\"format\": \"kvmhelpdesk-case\", \"version\": 3}", "newer than this program reads"),
        ("{\"format\": \"kvmhelpdesk-case\", \"version\": 1, \"version\": 1}", "duplicate key"),
        ("{\"format\": \"kvmhelpdesk-case\", \"version\": 1, \"performance\": "
         "[{\"measured_percent\": NaN}]}", "NaN is not allowed"),
        ("{\"format\": \"kvmhelpdesk-case\", \"version\": 1, \"hots\": {}}", "hots: unknown key"),
    ],
)
def test_bad_files_give_a_clear_message(tmp_path: Path, content: str | bytes,
                                        words: str) -> None:
    path = _write(tmp_path, content)
    with pytest.raises(CaseError) as info:
        load_case(path)
    message = str(info.value)
    assert words in message
    assert message.startswith(str(path))
    assert "\n" not in message


def test_truncated_file_is_reported_as_truncated(tmp_path: Path) -> None:
    text = dump_case(big_case(5))
    for cut in (len(text) // 3, len(text) // 2, len(text) - 3):
        with pytest.raises(CaseError, match="not valid JSON"):
            load_case(_write(tmp_path, text[:cut]))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="no such file"):
        load_case(tmp_path / "absent.json")
    with pytest.raises(CaseError, match="folder"):
        load_case(tmp_path)


def test_bom_and_round_trip(tmp_path: Path) -> None:
    case = make_case(title="Ticket 4711: Größe ✓")
    path = _write(tmp_path, "\ufeff" + json.dumps(case))
    assert load_case(path) == case
    save_case(case, tmp_path / "again.json")
    assert load_case(tmp_path / "again.json") == case
    assert parse_case(dump_case(case)) == case
    assert "Größe" in (tmp_path / "again.json").read_text(encoding="utf-8")


def test_round_trip_of_every_field(tmp_path: Path) -> None:
    case = big_case(12)
    case["guests"][0]["nics"][0]["mac"] = None
    save_case(case, tmp_path / "big.json")
    assert load_case(tmp_path / "big.json") == case


# ---------------------------------------------------------------- saving

def test_invalid_case_is_not_saved_and_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    save_case(make_case(), target)
    before = target.read_bytes()
    with pytest.raises(CaseError, match=r"guests\[0\]\.vcpus"):
        save_case(make_case(guests=[make_guest(vcpus="many")]), target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json"]


def test_save_keeps_mode_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    save_case(make_case(), target)
    os.chmod(target, 0o600)
    save_case(make_case(title="second"), target)
    assert target.stat().st_mode & 0o777 == 0o600
    assert load_case(target)["title"] == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"]


def test_save_into_missing_folder_is_a_case_error(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="cannot be saved"):
        save_case(make_case(), tmp_path / "no" / "such" / "case.json")


def test_merge_keeps_the_case_answers_and_appends_guests() -> None:
    case = make_case(host={"arch": "x86_64"})
    merged = merge_case(case, {"arch": "i586", "cpu_cores": 4}, [make_guest(name="from-xml")])
    assert merged["host"] == {"arch": "x86_64", "cpu_cores": 4}
    assert [g["name"] for g in merged["guests"]] == ["sles01", "from-xml"]
    assert case["host"] == {"arch": "x86_64"}  # the input is not modified
    assert merge_case(minimal_case(), {"ntp": True}, None)["host"] == {"ntp": True}
    assert "guests" not in merge_case(make_case(guests=DROP), None, [])


SAVER = """
import json, os, sys
from kvmhelpdesk.triage.case import save_case
source, target, mode = sys.argv[1], sys.argv[2], sys.argv[3]
case = json.load(open(source, encoding="utf-8"))
real_fsync = os.fsync
def held_fsync(fd):
    # Temp file written, not yet renamed: tell the parent, then wait to be killed.
    print("in-save", flush=True)
    sys.stdin.readline()
    real_fsync(fd)
round_ = 0
while True:
    round_ += 1
    case["title"] = f"round {round_}"
    if mode == "hold" and round_ == 2:
        os.fsync = held_fsync
    save_case(case, target)
    print(round_, flush=True)
"""


def _run_saver(tmp_path: Path, mode: str, lines_before_kill: int) -> Path:
    """Start a writer saving a 1500-guest case in a loop; SIGKILL it after some output lines."""
    target = tmp_path / "case.json"
    save_case(make_case(title="old"), target)
    source = tmp_path / "source.json"
    source.write_text(json.dumps(big_case(1500)), encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", SAVER, str(source), str(target), mode],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        for _ in range(lines_before_kill):
            assert child.stdout.readline().strip(), "the writer stopped before saving"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    return target


@pytest.mark.parametrize("saves_before_kill", [1, 3])
def test_kill_during_save_loop_leaves_a_complete_case(tmp_path: Path,
                                                      saves_before_kill: int) -> None:
    """Killed at whatever point of its next save, the target is the old or a new case."""
    loaded = load_case(_run_saver(tmp_path, "loop", saves_before_kill))
    assert loaded["title"] == "old" or loaded["title"].startswith("round ")
    if loaded["title"] != "old":
        assert len(loaded["guests"]) == 1500


def test_kill_between_write_and_rename_keeps_the_previous_file(tmp_path: Path) -> None:
    """Deterministic: killed with the new data written to the temp file but not yet renamed."""
    target = _run_saver(tmp_path, "hold", 2)  # "1" (first save done), then "in-save"
    loaded = load_case(target)
    assert loaded["title"] == "round 1"
    assert len(loaded["guests"]) == 1500
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".case.json.")
