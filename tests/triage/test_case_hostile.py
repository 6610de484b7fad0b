"""Hostile case files (issue 12): one clear line naming the key path, never a traceback;
saving writes like an editor (symbolic links, devices, read-only files, long names)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from kvmhelpdesk.triage import CaseError, load_case, parse_case, save_case, validate_case
from kvmhelpdesk.triage.case import MAX_ITEMS, CaseReadOnlyError
from tests.helpers.cases import make_case, make_guest


def _text(case: dict, **replace: str) -> str:
    """The case as JSON, with placeholder values replaced by raw JSON text."""
    text = json.dumps(case)
    for marker, raw in replace.items():
        text = text.replace(f'"{marker}"', raw)
    return text


@pytest.mark.parametrize("key", ["vcpus", "memory_mb"])
def test_integer_of_5000_digits_names_the_key(key: str) -> None:
    text = _text(make_case(guests=[make_guest(**{key: "HUGE"})]), HUGE="1" * 5000)
    with pytest.raises(CaseError, match=rf"guests\[0\]\.{key}: 1111111111\.\.\.1111 "
                                        r"\(5,000 characters\) is too large"):
        parse_case(text)


def test_huge_measured_percent_and_1e400() -> None:
    perf = {"category": "cpu", "mode": "emulated", "measured_percent": "HUGE"}
    with pytest.raises(CaseError, match=r"performance\[0\]\.measured_percent: .* too large"):
        parse_case(_text(make_case(performance=[perf]), HUGE="9" * 5000))
    with pytest.raises(CaseError, match=r"measured_percent: 1e400 is too large: a case file "
                                        r"holds numbers up to 2\^53"):
        parse_case(_text(make_case(performance=[perf]), HUGE="1e400"))
    with pytest.raises(CaseError, match=r"vcpus: 9007199254740993 is too large"):
        parse_case(_text(make_case(guests=[make_guest(vcpus="N")]), N=str(2**53 + 1)))


@pytest.mark.parametrize("where", ["name", "os", "devices"])
def test_lone_surrogate_is_refused_with_its_key_path(where: str) -> None:
    value = ["\ud800"] if where == "devices" else "web\ud800"
    case = make_case(guests=[make_guest(**{where: value})])
    path = r"guests\[0\]\.devices\[0\]" if where == "devices" else rf"guests\[0\]\.{where}"
    with pytest.raises(CaseError, match=rf"{path}: not valid Unicode text"):
        parse_case(json.dumps(case))  # json.dumps writes the escape "\ud800"
    with pytest.raises(CaseError, match="not valid Unicode text"):
        save_case(case, "/nonexistent/never-written.json")  # validation comes first


def test_surrogate_in_a_key_or_map_key() -> None:
    case = make_case()
    case["guests"][0]["\udcff"] = 1
    with pytest.raises(CaseError, match="unknown key"):
        validate_case(case)
    with pytest.raises(CaseError, match="not valid Unicode"):
        validate_case({**make_case(), "version": 2,
                       "confirmations": {"\ud800": {"state": "open"}}})


def test_guests_per_case_are_capped() -> None:
    guests = [{"name": f"g{i}"} for i in range(MAX_ITEMS + 1)]
    with pytest.raises(CaseError, match=r"guests: 4,097 items: a case holds at most 4,096"):
        validate_case(make_case(guests=guests))
    validate_case(make_case(guests=guests[:MAX_ITEMS]))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_case_file_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "case.json"
    os.mkfifo(fifo)
    with pytest.raises(CaseError, match=r"case\.json: is a named pipe \(FIFO\), not a regular"):
        load_case(fifo)


def test_save_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    save_case(make_case(title="first"), real)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save_case(make_case(title="second"), link)
    assert link.is_symlink()
    assert load_case(real)["title"] == "second"


def test_save_never_replaces_a_device_and_respects_read_only(tmp_path: Path) -> None:
    link = tmp_path / "null.json"
    link.symlink_to(os.devnull)
    with pytest.raises(CaseError, match="is a character device: not replaced"):
        save_case(make_case(), link)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    target = tmp_path / "ro.json"
    save_case(make_case(title="kept"), target)
    target.chmod(0o444)
    with pytest.raises(CaseReadOnlyError, match=r"ro\.json: is read-only: not saved"):
        save_case(make_case(title="new"), target)
    assert load_case(target)["title"] == "kept"
    save_case(make_case(title="new"), target, replace_read_only=True)
    assert load_case(target)["title"] == "new"


def test_save_with_a_255_character_name_and_stale_temp_files(tmp_path: Path) -> None:
    target = tmp_path / ("c" * 250 + ".json")
    stale = tmp_path / f".{target.name[:230]}.999999999.00000000.tmp"
    stale.write_text("{")
    save_case(make_case(title="long"), target)
    save_case(make_case(title="longer"), target)
    assert load_case(target)["title"] == "longer"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
