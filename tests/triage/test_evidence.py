"""The case's evidence kept true while it is edited (triage.evidence, Qt-free): an answer
changed loses its source, a guest removed or moved takes its evidence along."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from kvmhelpdesk.triage import validate_case
from kvmhelpdesk.triage.evidence import (
    AnswerSources,
    EvidenceIndex,
    _covers_another,
    cite,
    covers,
    describe,
    evidence_for,
    evidence_under,
    source_line,
)
from tests.helpers.cases import make_case, make_guest


def entry(line: int, section: str = "/etc/libvirt/qemu/x.xml") -> dict:
    return {"file": "kvm.txt", "line": line, "section": section, "excerpt": f"line {line}"}


def read_case() -> dict:
    case = make_case(guests=[make_guest(name="a"), make_guest(name="b"), make_guest(name="c")])
    case["version"] = 2
    case["evidence"] = {"host.cpu_cores": entry(20, "/proc/cpuinfo")}
    for number in range(3):
        case["evidence"] |= {f"guests[{number}]": entry(100 * number + 1),
                             f"guests[{number}].vcpus": entry(100 * number + 5),
                             f"guests[{number}].disks[0].format": entry(100 * number + 9),
                             f"guests[{number}].running": entry(100 * number + 50, "ps")}
    return validate_case(case)


def test_an_unchanged_case_keeps_every_source() -> None:
    case = read_case()
    sources = AnswerSources.of(case)
    assert sources.settle(case) == []
    assert len(case["evidence"]) == 13


def test_an_edited_answer_loses_its_source_and_only_it() -> None:
    case = read_case()
    sources = AnswerSources.of(case)
    case["host"]["cpu_cores"] = 16
    case["guests"][1]["disks"][0]["format"] = "qcow2"
    assert sorted(sources.settle(case)) == ["guests[1].disks[0].format", "host.cpu_cores"]
    # The guest itself is still the one read: editing an answer does not unmake it.
    assert "guests[1]" in case["evidence"] and "guests[1].vcpus" in case["evidence"]
    # Set back to the bundle's value, the answer stays the engineer's.
    case["host"]["cpu_cores"] = 8
    assert sources.settle(case) == [] and "host.cpu_cores" not in case["evidence"]


def test_an_answer_cleared_loses_its_source() -> None:
    case = read_case()
    sources = AnswerSources.of(case)
    del case["guests"][0]["vcpus"]
    assert sources.settle(case) == ["guests[0].vcpus"]


def test_removing_a_guest_renumbers_the_rest() -> None:
    case = read_case()
    sources = AnswerSources.of(case)
    before = copy.deepcopy(case["evidence"])
    del case["guests"][0]
    sources.reorder(case, "guests", [1, 2])
    assert sources.settle(case) == []
    assert case["evidence"]["guests[0].vcpus"] == before["guests[1].vcpus"]
    assert case["evidence"]["guests[1].running"] == before["guests[2].running"]
    assert "guests[2]" not in case["evidence"]
    assert case["evidence"]["host.cpu_cores"] == before["host.cpu_cores"]
    validate_case(case)


def test_moving_and_adding_guests() -> None:
    case = read_case()
    sources = AnswerSources.of(case)
    before = copy.deepcopy(case["evidence"])
    case["guests"] = [case["guests"][2], case["guests"][0], make_guest(name="new")]
    sources.reorder(case, "guests", [2, 0, None])
    assert sources.settle(case) == []
    assert case["evidence"]["guests[0]"] == before["guests[2]"]
    assert case["evidence"]["guests[1]"] == before["guests[0]"]
    assert not any(p.startswith("guests[2]") for p in case["evidence"])


def test_a_disk_removed_inside_a_guest() -> None:
    case = read_case()
    case["guests"][0]["disks"].append({"bus": "ide", "format": "raw"})
    case["evidence"]["guests[0].disks[1].format"] = entry(11)
    sources = AnswerSources.of(case)
    del case["guests"][0]["disks"][0]
    sources.reorder(case, "guests[0].disks", [1])
    assert sources.settle(case) == []
    assert case["evidence"]["guests[0].disks[0].format"]["line"] == 11
    assert "guests[1].disks[0].format" in case["evidence"]  # another guest's disks untouched


def test_every_source_gone_removes_the_map() -> None:
    case = make_case()
    case.update(version=2, evidence={"host.cpu_cores": entry(20)})
    sources = AnswerSources.of(case)
    case["host"]["cpu_cores"] = 2
    sources.settle(case)
    assert "evidence" not in case


def test_evidence_under_a_guest_is_relative() -> None:
    under = evidence_under(read_case(), "guests[1]")
    assert set(under) == {"", "vcpus", "disks[0].format", "running"}


def test_the_index_matches_the_plain_join() -> None:
    case = read_case()
    index = EvidenceIndex(case["evidence"])
    for basis in (["guests[1]"], ["guests[1].disks"], ["guests"], ["guests[1"], ["host"]):
        assert index.under_all(basis) == evidence_for(basis, case["evidence"])
    assert [p for p, _ in index.under_all(["guests[1]"])] == [
        "guests[1]", "guests[1].vcpus", "guests[1].disks[0].format", "guests[1].running"]
    # guests[1] does not cover guests[10] (sorted between them)
    case["evidence"]["guests[10].vcpus"] = entry(1000)
    assert "guests[10].vcpus" not in [p for p, _ in EvidenceIndex(case["evidence"])
                                      .under_all(["guests[1]"])]


def test_words() -> None:
    cores = {"file": "hardware.txt", "line": 412, "section": "/proc/cpuinfo",
             "excerpt": "cpu cores\t: 4"}
    assert cite(cores) == "hardware.txt line 412, /proc/cpuinfo"
    assert describe(cores) == "hardware.txt line 412 (/proc/cpuinfo): cpu cores : 4"
    assert source_line({"kind": "supportconfig", "name": "nts_web01_110302_1011.tbz",
                        "collected": "2011-03-02 10:11"}) == \
        "Read from nts_web01_110302_1011.tbz, collected 2011-03-02 10:11"
    assert source_line(None) == "" and source_line({}) == ""


_PARTS = st.sampled_from(["guests", "host", "disks", "nics", "vcpus", "running", "format"])


@st.composite
def answer_paths(draw) -> str:
    path = draw(_PARTS)
    for _ in range(draw(st.integers(0, 3))):
        path += draw(st.one_of(st.builds(lambda n: f"[{n}]", st.integers(0, 12)),
                               st.builds(lambda p: f".{p}", _PARTS)))
    return path


@settings(deadline=None, max_examples=200)
@given(st.lists(answer_paths(), min_size=1, max_size=30))
def test_covering_another_basis_path_is_found_by_sorting(basis):
    # EvidenceIndex.sources skips a basis path that covers another (guests[2] beside
    # guests[2].running); the sorted look-up agrees with comparing every pair.
    ordered = sorted(set(basis))
    for path in basis:
        assert _covers_another(path, ordered) == any(
            other != path and covers(path, other) for other in basis)
