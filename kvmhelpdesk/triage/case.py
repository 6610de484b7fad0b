"""Case file format (v2; v1 files read unchanged): schema, validation with key paths, loading
and atomic saving.

The case file is a contract between the wizard, the CLI and tools outside the project, so the
validator is strict (unknown keys and wrong types are errors naming the key path) and saving
never leaves a half-written file behind.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk import fileio
from kvmhelpdesk.safetext import has_surrogate
from kvmhelpdesk.triage import casejson

CASE_FORMAT = "kvmhelpdesk-case"
CASE_VERSION = 2  # the newest version this program reads and writes
READABLE_VERSIONS = (1, 2)
# Keys version 2 added; a case using none of them is still written as version 1, so tools that
# read only version 1 keep reading the cases that need nothing newer.
V2_HOST_KEYS = ("os", "logical_cpus", "ept_npt")
V2_CASE_KEYS = ("confirmations", "evidence", "source")
CONFIRMATION_STATES = ("confirmed", "open", "refuted")
MAX_CASE_BYTES = 64 * 1024 * 1024  # far above any real case; refuses runaway input early
# One case describes one host. The statement allows at most 8 vCPUs per host core (L100), so
# even a 512-core host runs at most 4,096 guests; no list in a case (guests, disks, monitor
# commands...) is longer than that in real life, and the cap keeps checking a case bounded.
MAX_ITEMS = 4096


class CaseError(ValueError):
    """A case that cannot be read, validated or saved; the message names the file or key path."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.reason = message


class CaseReadOnlyError(CaseError):
    """The file to save to is read-only: the app asks, then saves with `replace_read_only`."""


@dataclass(frozen=True)
class Problem:
    """One invalid answer: `path` is the key path (`guests[1].disks[0].format`)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass(frozen=True)
class Spec:
    """The type of one value in the case schema."""

    kind: str  # str | int | number | bool | list | object
    choices: tuple[Any, ...] = ()
    item: Spec | None = None
    fields: Mapping[str, Spec] = field(default_factory=dict)
    nullable: bool = False
    minimum: float | None = None
    required: bool = False
    max_items: int = MAX_ITEMS  # lists and maps


def _s(*choices: str, nullable: bool = False) -> Spec:
    return Spec("str", choices=choices, nullable=nullable)


def _i(minimum: float | None = None, *choices: int) -> Spec:
    return Spec("int", choices=choices, minimum=minimum)


def _list(item: Spec) -> Spec:
    return Spec("list", item=item)


def _obj(**fields: Spec) -> Spec:
    return Spec("object", fields=fields)


STATE = ("enabled", "disabled", "absent")
BOOL = Spec("bool")
MANAGEMENT_TOOLS = ("vm-install", "virt-manager", "virsh", "qemu-kvm")
GUEST_FEATURES = ("live-migration", "pci-passthrough", "ballooning", "ksm", "cpu-hotplug",
                  "device-hotplug", "qemu-only")
PERF_CATEGORIES = ("cpu", "network", "disk", "graphics", "time")
PERF_MODES = ("emulated", "paravirtualized", "passthrough")

HOST = _obj(
    os=_s(), arch=_s(), cpu_vendor=_s("intel", "amd"), cpu_cores=_i(1), logical_cpus=_i(1),
    ept_npt=BOOL,
    hardware_virtualization=_s(*STATE), kvm_modules_loaded=BOOL,
    iommu=_s(*STATE), kernel_cmdline=_s(), constant_tsc=BOOL, numa_nodes=_i(1),
    ksm=BOOL, ntp=BOOL, kvm_module_parameters=_s("default", "custom", "support-directed"),
    suspend_with_guests=BOOL, power_changes_with_guests=BOOL,
    qemu_user=_s("root", "kvm-group", "other"), management=_list(_s(*MANAGEMENT_TOOLS)),
    virsh_usage=_s("read-only", "lifecycle", "modify"),
)
DISK = _obj(bus=_s(), format=_s(), storage=_s(), snapshot=BOOL)
NIC = _obj(model=_s(), mac=_s(nullable=True))
MIGRATION = _obj(same_host_type=BOOL, shared_storage=BOOL, timekeeping_controlled=BOOL,
                 compatible_definition=BOOL)
GUEST = _obj(
    name=_s(), os=_s(), bits=_i(None, 32, 64), vcpus=_i(1), memory_mb=_i(1), created_with=_s(),
    clock=_s("kvm-clock", "pmtmr", "tsc", "other"), ntp_in_guest=BOOL, boot_options=_s(),
    disks=_list(DISK), nics=_list(NIC), video=_s(), devices=_list(_s()),
    features=_list(_s(*GUEST_FEATURES)), balloon_driver=BOOL, migration=MIGRATION,
    monitor_commands=_list(_s()),
)
PERFORMANCE = _obj(category=_s(*PERF_CATEGORIES), mode=_s(*PERF_MODES),
                   measured_percent=Spec("number", minimum=0))
# v2: the engineer's answer to one condition of the verdict, keyed by the condition's `key`.
CONFIRMATION = _obj(state=Spec("str", choices=CONFIRMATION_STATES, required=True),
                    note=_s(), at=_s(nullable=True))  # "" read as null; written as null
# v2: where one answer was read (a support bundle's file, line and block heading).
EVIDENCE = _obj(file=Spec("str", required=True), line=_i(1), section=_s(), excerpt=_s(),
                origin=_s(), derived=_s())
# v2: what the case was built from (a support bundle), for reports and the wizard.
SOURCE = _obj(kind=Spec("str", required=True), name=_s(), hostname=_s(), collected=_s(),
              files=_list(_s()), notes=_list(_s()))
CASE = Spec("object", fields={
    "format": Spec("str", choices=(CASE_FORMAT,), required=True),
    "version": Spec("int", choices=READABLE_VERSIONS, required=True),
    "title": _s(), "release": _s(), "host": HOST, "guests": _list(GUEST),
    "performance": _list(PERFORMANCE),
    "confirmations": Spec("map", item=CONFIRMATION),
    "evidence": Spec("map", item=EVIDENCE),
    "source": SOURCE,
})

_TYPE_WORDS = {"str": "a string", "int": "an integer", "number": "a number",
               "bool": "true or false", "list": "a list", "object": "an object",
               "map": "an object"}


def needed_version(case: Mapping[str, Any]) -> int:
    """The lowest case-format version that can hold `case` (1 unless it uses a v2 key)."""
    host = case.get("host")
    if any(key in case for key in V2_CASE_KEYS) or (
            isinstance(host, Mapping) and any(key in host for key in V2_HOST_KEYS)):
        return 2
    return 1


def empty_case(release: str | None = None) -> dict[str, Any]:
    """The smallest valid case: what the CLI starts from when only input flags are given."""
    case: dict[str, Any] = {"format": CASE_FORMAT, "version": 1}
    if release:
        case["release"] = release
    return case


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _type_ok(value: Any, kind: str) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return (isinstance(value, (int, float)) and not isinstance(value, bool)
                and math.isfinite(value))
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "list":
        return isinstance(value, list)
    return isinstance(value, dict)  # object, map


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _check(value: Any, spec: Spec, path: str, out: list[Problem]) -> None:
    if value is None and spec.nullable:
        return
    problem = casejson.bad_value(value, spec.kind in ("list", "map"), spec.max_items)
    if problem:
        out.append(Problem(path, problem))
        return
    if not _type_ok(value, spec.kind):
        out.append(Problem(path, f"expected {_TYPE_WORDS[spec.kind]}, "
                                 f"found {_json_type(value)}"))
        return
    if spec.choices and value not in spec.choices:
        words = ", ".join(str(c) for c in spec.choices)
        out.append(Problem(path, f"{json.dumps(value)} is not one of: {words}"))
        return
    if spec.minimum is not None and value < spec.minimum:
        out.append(Problem(path, f"{value} is below the minimum of {spec.minimum:g}"))
    if spec.kind == "list" and spec.item is not None:
        for index, item in enumerate(value):
            _check(item, spec.item, f"{path}[{index}]", out)
    elif spec.kind == "map" and spec.item is not None:
        for key, item in value.items():
            where = f"{path}[{json.dumps(key, ensure_ascii=False)}]"
            if has_surrogate(key):
                out.append(Problem(where, casejson.SURROGATE_WORDS))
            else:
                _check(item, spec.item, where, out)
    elif spec.kind == "object":
        for key, item in value.items():
            sub = spec.fields.get(key)
            if sub is None:
                allowed = ", ".join(spec.fields)
                out.append(Problem(_join(path, str(key)), f"unknown key (allowed: {allowed})"))
            else:
                _check(item, sub, _join(path, key), out)
        for key, sub in spec.fields.items():
            if sub.required and key not in value:
                out.append(Problem(_join(path, key), "required key is missing"))


def case_problems(case: Any) -> list[Problem]:
    """Every problem of a case, in document order (for a wizard's per-field messages)."""
    out: list[Problem] = []
    if isinstance(case, dict):
        version = case.get("version")
        if case.get("format") == CASE_FORMAT and isinstance(version, int) \
                and not isinstance(version, bool) and version > CASE_VERSION:
            return [Problem("version", f"case file version {version} is newer than this program "
                                       f"reads (version {CASE_VERSION}); update KVM Helpdesk")]
    _check(case, CASE, "", out)
    return out


def guest_problems(guest: Any, index: int = 0) -> list[Problem]:
    """Problems of one guest object, with paths as in a case (`guests[INDEX].vcpus`)."""
    out: list[Problem] = []
    _check(guest, GUEST, f"guests[{index}]", out)
    return out


def field_messages(case: Any) -> dict[str, str]:
    """Key path -> first message for it: what a wizard shows beside each field."""
    messages: dict[str, str] = {}
    for problem in case_problems(case):
        messages.setdefault(problem.path, problem.message)
    return messages


def validate_case(case: Any) -> dict[str, Any]:
    """Return the case if valid; else raise CaseError naming the first bad key path."""
    problems = case_problems(case)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise CaseError(first.message + more, first.path or "case")
    return case


def validate_guest(guest: Any, index: int = 0) -> dict[str, Any]:
    """Return a guest object if valid; else raise CaseError naming the key path."""
    problems = guest_problems(guest, index)
    if problems:
        raise CaseError(problems[0].message, problems[0].path)
    return guest


def parse_case(text: str | bytes, where: str = "case") -> dict[str, Any]:
    """Parse and validate case JSON; CaseError says what is wrong (corrupt, foreign, newer)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CaseError(f"not UTF-8 text (byte {exc.start}): not a KVM Helpdesk case file",
                            where) from None
    if not text.strip():
        raise CaseError("the file is empty", where)
    try:
        data = casejson.decode(text)
    except casejson.CaseJsonError as exc:
        raise CaseError(str(exc), where) from None
    if not isinstance(data, dict) or data.get("format") != CASE_FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        what = f"its format is {found!r}" if isinstance(found, str) else "it has no format key"
        raise CaseError(f"not a KVM Helpdesk case file ({what}; expected format "
                        f"{CASE_FORMAT!r})", where)
    problems = case_problems(data)
    if problems:
        first = problems[0]
        raise CaseError(first.message, f"{where}: {first.path}" if where else first.path)
    return data


def load_case(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and validate a case file; CaseError names the file and the problem."""
    where = str(path)
    try:
        raw = fileio.read_regular_file(path, MAX_CASE_BYTES)
    except (FileNotFoundError, fileio.NotRegularFileError) as exc:
        raise CaseError(fileio.reason(exc), where) from None
    except IsADirectoryError:
        raise CaseError("is a folder, not a case file", where) from None
    except fileio.TooLargeError as exc:
        raise CaseError(f"{exc}: not a case file", where) from None
    except OSError as exc:
        raise CaseError(f"cannot be read: {fileio.reason(exc)}", where) from None
    return parse_case(raw, where)


def dump_case(case: Mapping[str, Any]) -> str:
    """Canonical JSON text of a case (stable key order as given, UTF-8, trailing newline).

    `version` is written as the lowest version that holds the case (see `needed_version`).
    """
    data = dict(case)
    if "version" in data:
        data["version"] = needed_version(case)
    records = data.get("confirmations")
    if isinstance(records, Mapping):  # a confirmation's unknown time is null, never ""
        data["confirmations"] = {key: {**r, "at": None} if isinstance(r, Mapping) and
                                 r.get("at") == "" else r for key, r in records.items()}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def save_case(case: dict[str, Any], path: str | os.PathLike[str], *,
              replace_read_only: bool = False) -> None:
    """Validate, then write atomically (see kvmhelpdesk.fileio: through a symbolic link to
    its target; never over a device, FIFO or folder; a read-only file only when
    `replace_read_only`, else CaseReadOnlyError).

    A crash or kill at any moment leaves either the previous file or the new one, complete.
    An invalid case raises CaseError and touches nothing.
    """
    validate_case(case)
    data = dump_case(case).encode("utf-8")
    where = str(path)
    try:
        fileio.atomic_write(path, data, replace_read_only=replace_read_only)
    except fileio.ReadOnlyFileError:
        raise CaseReadOnlyError("is read-only: not saved", where) from None
    except OSError as exc:
        raise CaseError(f"cannot be saved: {fileio.reason(exc)}", where) from None


def merge_case(case: Mapping[str, Any], host: Mapping[str, Any] | None = None,
               guests: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A copy of `case` with extra guests appended and host answers it lacks filled in.

    How analyzed input (command lines, XML, host probes) joins a case: the case's own answers
    win, so an engineer's correction is never overwritten by a probe.
    """
    merged = json.loads(json.dumps(case))  # deep copy of plain JSON data
    if host:
        target = merged.setdefault("host", {})
        if isinstance(target, dict):
            for key, value in host.items():
                target.setdefault(key, value)
    if guests:
        existing = merged.setdefault("guests", [])
        if isinstance(existing, list):
            existing.extend(json.loads(json.dumps(guests)))
    return merged
