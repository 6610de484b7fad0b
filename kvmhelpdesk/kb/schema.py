"""What each kind of entry may hold: key names, types and which are required.

The format is documented for authors in docs/content-format.md; this module is its executable
form, so the loader can reject unknown keys and wrong types with a precise message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

# Type tags understood by `check_type`.
STR, BOOL, INT, STR_LIST, INT_LIST, STR_TABLE, STR_LIST_TABLE = (
    "string",
    "boolean",
    "integer",
    "list of strings",
    "list of integers",
    "table of strings",
    "table of string lists",
)


@dataclass(frozen=True)
class Spec:
    type: str
    required: bool = False


COMMON: Mapping[str, Spec] = MappingProxyType(
    {
        "id": Spec(STR, True),
        "title": Spec(STR, True),
        "section": Spec(STR, True),
        "body": Spec(STR, True),
        "status": Spec(STR),
        "status_note": Spec(STR),
        "restrictions": Spec(STR_LIST),
        "summary": Spec(STR),
        "source_text": Spec(STR),
        "aliases": Spec(STR_LIST),
        "keywords": Spec(STR_LIST),
        "related": Spec(STR_LIST),
        "ambiguities": Spec(STR_LIST),
    }
)

# kind -> (TOML file, array name, kind-specific keys, status required)
KIND_SPECS: Mapping[str, tuple[str, str, Mapping[str, Spec], bool]] = MappingProxyType(
    {
        "guest-os": (
            "guest-os.toml",
            "guest_os",
            {
                "family": Spec(STR, True),
                "product": Spec(STR, True),
                "version": Spec(STR, True),
                "min_service_pack": Spec(INT),
                "or_later": Spec(BOOL),
                "bits": Spec(INT_LIST),
                "virt_type": Spec(STR),
                "pv_drivers": Spec(STR_LIST),
                "pv_drivers_note": Spec(STR),
                "kvm_clock": Spec(BOOL),
                "status_label": Spec(STR),
                "boot_options": Spec(STR_TABLE),
                "notes": Spec(STR_LIST),
                "footnotes": Spec(STR_LIST),
            },
            True,
        ),
        "limit": (
            "limits.toml",
            "limit",
            {
                "quantity": Spec(STR, True),
                "value": Spec(INT),
                "unit": Spec(STR),
                "scope": Spec(STR),
            },
            False,
        ),
        "feature": (
            "features.toml",
            "feature",
            {
                "group": Spec(STR, True),
                "feature": Spec(STR, True),
                "source_heading": Spec(STR),
                "monitor_commands": Spec(STR_LIST),
            },
            False,
        ),
        "qemu-option": (
            "options.toml",
            "option",
            {
                "name": Spec(STR, True),
                "names": Spec(STR_LIST),
                "value_allowed": Spec(STR_LIST),
                "value_refused": Spec(STR_LIST),
                "params_allowed": Spec(STR_LIST_TABLE),
                "params_refused": Spec(STR_LIST_TABLE),
                "params_unaddressed": Spec(STR_LIST_TABLE),
                "value_unaddressed": Spec(STR_LIST),
                "review": Spec(STR),
                "source_lines": Spec(STR_LIST),
            },
            True,
        ),
        "monitor-command": (
            "monitor.toml",
            "monitor",
            {
                "name": Spec(STR, True),
                "names": Spec(STR_LIST),
                "source_lines": Spec(STR_LIST),
            },
            True,
        ),
        "performance": (
            "performance.toml",
            "performance",
            {
                "category": Spec(STR, True),
                "mode": Spec(STR, True),
                "cell": Spec(STR, True),
                "percent": Spec(INT),
                "percent_min": Spec(INT),
                "percent_max": Spec(INT),
                "basis": Spec(STR),
            },
            False,
        ),
    }
)

# Closed vocabularies of kind-specific keys.
CHOICES: Mapping[tuple[str, str], tuple[str, ...]] = MappingProxyType(
    {
        ("guest-os", "family"): ("sles", "sled", "rhel", "windows"),
        ("limit", "scope"): ("guest", "host"),
        ("feature", "group"): ("general", "other"),
        ("performance", "category"): ("cpu", "network", "disk", "graphics", "time"),
        ("performance", "mode"): ("emulated", "paravirtualized", "passthrough"),
        ("performance", "cell"): ("figure", "not-applicable", "blank", "no-figure"),
    }
)

# Defaults so that code reading `entry.fields[...]` never meets a missing key.
DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        STR: "",
        BOOL: False,
        INT: None,
        STR_LIST: (),
        INT_LIST: (),
        STR_TABLE: MappingProxyType({}),
        STR_LIST_TABLE: MappingProxyType({}),
    }
)


def check_type(value: Any, type_tag: str) -> bool:
    """True if a TOML value has the declared type (bools are not integers here)."""
    if type_tag == STR:
        return isinstance(value, str)
    if type_tag == BOOL:
        return isinstance(value, bool)
    if type_tag == INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if type_tag == STR_LIST:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if type_tag == INT_LIST:
        return isinstance(value, list) and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        )
    if type_tag == STR_TABLE:
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    if type_tag == STR_LIST_TABLE:
        return isinstance(value, dict) and all(check_type(v, STR_LIST) for v in value.values())
    raise ValueError(f"unknown type tag {type_tag}")


def freeze(value: Any) -> Any:
    """Turn TOML lists and tables into tuples and read-only mappings."""
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    return value
