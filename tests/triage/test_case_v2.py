"""Case format version 2: host.os, confirmations, evidence and source (docs/case-format.md)."""

from __future__ import annotations

import json

import pytest

from kvmhelpdesk.triage.case import (
    CaseError,
    case_problems,
    dump_case,
    load_case,
    parse_case,
    save_case,
)

V1 = {"format": "kvmhelpdesk-case", "version": 1, "host": {"cpu_cores": 4}}


def v2(**extra):
    return {"format": "kvmhelpdesk-case", "version": 2, **extra}


def test_v1_file_still_valid_and_saved_as_v1(tmp_path):
    path = tmp_path / "old.json"
    save_case(dict(V1), path)
    assert json.loads(path.read_text())["version"] == 1
    assert load_case(path) == V1


def test_v2_keys_accepted_and_saved_as_v2(tmp_path):
    case = v2(host={"os": "SLES 11 SP1"},
              confirmations={"host.kvm-modules@host": {"state": "confirmed", "note": "ok",
                                                       "at": "2026-11-30T21:05:00Z"}},
              evidence={"host.os": {"file": "basic-environment.txt", "line": 3,
                                    "section": "/etc/SuSE-release", "excerpt": "VERSION = 11"}},
              source={"kind": "supportconfig", "name": "nts_x.tbz", "files": ["kvm.txt"]})
    assert case_problems(case) == []
    path = tmp_path / "new.json"
    save_case(case, path)
    assert load_case(path) == case


def test_dump_writes_the_lowest_version_that_holds_the_case():
    assert json.loads(dump_case(v2(title="x")))["version"] == 1
    assert json.loads(dump_case(dict(V1, host={"os": "SLES 11 SP1"})))["version"] == 2


@pytest.mark.parametrize(("case", "path"), [
    (v2(confirmations={"k": {"state": "maybe"}}), 'confirmations["k"].state'),
    (v2(confirmations={"k": {"note": "x"}}), 'confirmations["k"].state'),
    (v2(confirmations={"k": "confirmed"}), 'confirmations["k"]'),
    (v2(evidence={"host.os": {"line": 0, "file": "a"}}), 'evidence["host.os"].line'),
    (v2(evidence={"host.os": {"line": 2}}), 'evidence["host.os"].file'),
    (v2(source={"name": "x"}), "source.kind"),
    (v2(host={"os": 11}), "host.os"),
])
def test_v2_problems_name_the_key_path(case, path):
    assert case_problems(case)[0].path == path


def test_newer_version_refused():
    with pytest.raises(CaseError, match="newer"):
        parse_case(json.dumps({"format": "kvmhelpdesk-case", "version": 3}))
