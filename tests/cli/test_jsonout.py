"""dumps_indented writes exactly what json.dumps(indent=2, ensure_ascii=False) writes."""

from __future__ import annotations

import enum
import json
import math

import pytest

from kvmhelpdesk.cli.jsonout import dumps_indented


class Colour(enum.StrEnum):
    RED = "red"


SAMPLES = [
    {},
    [],
    "",
    0,
    None,
    {"a": [], "b": {}, "c": [[], [{}]], "d": [1, 2.5, -0.0, 1e300, 10**40, True, False, None]},
    {"text": "tab\t quote\" back\\ nl\n ctl\x01 del\x7f é 中 \U0001f600 \ud800 \u2028"},
    ("tuple", ("nested",), {"k": ("v",)}),
    [{"verdict": "unsupported", "findings": [{"basis": ["guests[0].vcpus"], "n": 3}]}],
    {"nan": math.nan},  # json's own rules: NaN
    {"inf": [math.inf, -math.inf]},
    {1: "int key", None: "null key", False: "bool key", 2.5: "float key"},
    {"enum": Colour.RED},
    [True, 1, 1.0],
]


@pytest.mark.parametrize("data", SAMPLES)
def test_same_text_as_json_dumps(data: object) -> None:
    assert dumps_indented(data) == json.dumps(data, indent=2, ensure_ascii=False)


def test_unencodable_value_fails_as_json_does() -> None:
    with pytest.raises(TypeError):
        dumps_indented({"x": object()})


def test_deep_nesting_fails_as_json_does() -> None:
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(RecursionError):
        dumps_indented(deep)
