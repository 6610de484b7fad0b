"""Copying and keying case data without copy.deepcopy (triage.plaindata)."""

from __future__ import annotations

import copy

from kvmhelpdesk.triage.plaindata import case_key, plain_copy


def test_a_copy_is_equal_and_shares_no_dict_or_list() -> None:
    case = {"host": {"cpu": "intel", "flags": ["vmx", "constant_tsc"]},
            "guests": [{"name": "web01", "vcpus": 2, "ratio": 1.5, "pv": True, "os": None}]}
    copied = plain_copy(case)
    assert copied == case == copy.deepcopy(case)
    copied["host"]["flags"].append("svm")
    copied["guests"][0]["name"] = "db01"
    assert case["host"]["flags"] == ["vmx", "constant_tsc"]
    assert case["guests"][0]["name"] == "web01"


def test_a_list_met_twice_is_copied_twice_and_other_objects_deep_copied() -> None:
    shared = [1, 2]
    odd = {"set": {3, 4}, "pair": (shared, "x")}
    copied = plain_copy({"a": shared, "b": shared, "odd": odd})
    assert copied["a"] == copied["b"] and copied["a"] is not copied["b"]
    assert copied["odd"]["set"] == {3, 4} and copied["odd"]["set"] is not odd["set"]
    assert copied["odd"]["pair"][0] is not shared


def test_the_key_ignores_key_order_and_sees_every_value() -> None:
    one = {"title": "t", "guests": [{"name": "a", "vcpus": 2}]}
    other = {"guests": [{"vcpus": 2, "name": "a"}], "title": "t"}
    assert case_key(one) == case_key(other)
    other["guests"][0]["vcpus"] = 3
    assert case_key(one) != case_key(other)
    assert case_key({"n": 1}) != case_key({"n": "1"})
