"""Coverage of the SLES 11 SP1 support statement by the knowledge base.

Every row of tests/kb/checklist.toml (written from the statement alone, not from the content)
is checked against the loaded knowledge base, one parametrized test per row class, one test id
per row, so that a failure names the fact that is missing or wrong. Entries are found by their
facts (field values, spellings), never by their ids.

Token matching (`facts`, `tokens` in the checklist): case-insensitive substring of
`Entry.text()` with Markdown backticks dropped and whitespace collapsed; an all-digit token must
not touch other digits ("20" does not match "2008"); any other token of at most two characters
must stand as a whole word ("GA", "L3"); a nested list is a choice of spellings.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from kvmhelpdesk.kb import Entry, KnowledgeBase, Release

Row = dict[str, Any]
Token = str | list[str]

CHECKLIST_PATH = Path(__file__).with_name("checklist.toml")
CHECKLIST: dict[str, Any] = tomllib.loads(CHECKLIST_PATH.read_text(encoding="utf-8"))
RELEASE: str = CHECKLIST["release"]

GUEST_SECTION = "guest-hw"
LIMIT_SECTION = "limits"
PERFORMANCE_SECTION = "performance"
APPENDIX_SECTION = "appendix-a"
FEATURE_GROUP_HEADINGS: Mapping[str, str] = {
    "general": "General KVM Features",
    "other": "Other KVM Features",
}


# ------------------------------------------------------------------------------------------
# Checklist rows and their ids
# ------------------------------------------------------------------------------------------


def _rows(cls: str) -> list[Row]:
    return list(CHECKLIST.get(cls, []))


def _perf_key(row: Row) -> str:
    key = f"{row['category']}/{row['mode']}"
    same = [
        r
        for r in _rows("performance")
        if (r["category"], r["mode"]) == (row["category"], row["mode"])
    ]
    return f"{key}/{row['cell']}" if len(same) > 1 else key


ROW_KEYS: Mapping[str, Any] = {
    "section": lambda r: r["heading"],
    "guest": lambda r: r["source_text"],
    "limit": lambda r: r["quantity"],
    "feature": lambda r: r["feature"],
    "performance": _perf_key,
    "option": lambda r: r["name"],
    "monitor": lambda r: r["name"],
    "fact": lambda r: r["id"],
    "ambiguity": lambda r: r["id"],
}


def _params(cls: str) -> list[Any]:
    key = ROW_KEYS[cls]
    return [pytest.param(row, id=key(row)) for row in _rows(cls)]


def _spellings(row: Row) -> set[str]:
    return {row["name"], *row.get("other_names", [])}


# ------------------------------------------------------------------------------------------
# Text matching
# ------------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("`", "")).casefold()


def _has_token(text: str, token: Token) -> bool:
    """`text` must already be normalised with `_norm`."""
    if isinstance(token, list):
        return any(_has_token(text, choice) for choice in token)
    needle = _norm(token).strip()
    if needle.isdigit():
        return re.search(rf"(?<![0-9]){re.escape(needle)}(?![0-9])", text) is not None
    if len(needle) <= 2:
        return re.search(rf"(?<![0-9a-z]){re.escape(needle)}(?![0-9a-z])", text) is not None
    return needle in text


def _missing_tokens(text: str, tokens: Iterable[Token]) -> list[Token]:
    normalised = _norm(text)
    return [token for token in tokens if not _has_token(normalised, token)]


def _show(token: Token) -> str:
    return " | ".join(token) if isinstance(token, list) else token


def _check_facts(problems: list[str], entry: Entry, tokens: Sequence[Token]) -> None:
    missing = _missing_tokens(entry.text(), tokens)
    if missing:
        problems.append(f"{entry.id}: text lacks {', '.join(repr(_show(t)) for t in missing)}")


def _expect(problems: list[str], entry: Entry, what: str, got: Any, want: Any) -> None:
    if got != want:
        problems.append(f"{entry.id}: {what} is {got!r}, the statement says {want!r}")


def _report(problems: list[str]) -> None:
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def _string_set(value: Any) -> set[str]:
    return set(value or ())


def _table_of_sets(value: Any) -> dict[str, set[str]]:
    return {str(key): set(values) for key, values in dict(value or {}).items()}


# ------------------------------------------------------------------------------------------
# Fixtures: the knowledge base is loaded once for the module
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    from kvmhelpdesk.kb import load_knowledge_base

    return load_knowledge_base()


@pytest.fixture(scope="module")
def rel(kb: KnowledgeBase) -> Release:
    return kb.release(RELEASE)


@pytest.fixture(scope="module")
def all_entries(kb: KnowledgeBase) -> list[Entry]:
    return kb.entries(release=RELEASE)


@pytest.fixture(scope="module")
def by_kind(kb: KnowledgeBase) -> dict[str, list[Entry]]:
    kinds = ("guest-os", "limit", "feature", "qemu-option", "monitor-command", "performance")
    return {kind: kb.entries(release=RELEASE, kind=kind) for kind in kinds}


# ------------------------------------------------------------------------------------------
# Finding the entry for a row, by its facts
# ------------------------------------------------------------------------------------------


def _one(found: list[Entry], what: str) -> Entry:
    if not found:
        pytest.fail(f"no entry for {what}", pytrace=False)
    if len(found) > 1:
        ids = ", ".join(sorted(e.id for e in found))
        pytest.fail(f"several entries for {what}: {ids}", pytrace=False)
    return found[0]


def _find_guest(entries: list[Entry], row: Row) -> Entry:
    found = [
        e
        for e in entries
        if e.fields.get("family") == row["family"]
        and str(e.fields.get("version", "")).casefold() == row["version"].casefold()
    ]
    if not found:  # wrong family/version: fall back to the row label
        label = _norm(row["source_text"])
        found = [e for e in entries if _norm(e.source_text).strip() == label]
    return _one(found, f"guest row {row['source_text']!r}")


def _find_by_field(entries: list[Entry], key: str, value: str, what: str) -> Entry:
    return _one([e for e in entries if e.fields.get(key) == value], what)


def _entry_spellings(entry: Entry) -> set[str]:
    return {entry.fields.get("name", ""), *(entry.fields.get("names") or ())}


def _find_named(entries: list[Entry], row: Row, what: str) -> Entry:
    found = [e for e in entries if row["name"] in _entry_spellings(e)]
    if not found:
        found = [e for e in entries if _spellings(row) & _entry_spellings(e)]
    return _one(found, f"{what} {row['name']!r}")


def _find_performance(entries: list[Entry], row: Row) -> Entry:
    found = [
        e
        for e in entries
        if (e.fields.get("category"), e.fields.get("mode")) == (row["category"], row["mode"])
    ]
    twins = [
        r
        for r in _rows("performance")
        if (r["category"], r["mode"]) == (row["category"], row["mode"])
    ]
    if len(twins) > 1:
        found = [e for e in found if e.fields.get("cell") == row["cell"]]
    return _one(found, f"performance cell {_perf_key(row)!r}")


def _guest_row(label: str) -> Row:
    return next(r for r in _rows("guest") if r["source_text"] == label)


def _perf_row(category: str, mode: str, cell: str) -> Row:
    return next(
        r
        for r in _rows("performance")
        if (r["category"], r["mode"], r["cell"]) == (category, mode, cell)
    )


def _check_section(problems: list[str], entry: Entry, section_id: str) -> None:
    _expect(problems, entry, "section", entry.section, section_id)


# ------------------------------------------------------------------------------------------
# The checklist itself (needs no knowledge base)
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", list(ROW_KEYS))
def test_checklist_rows_are_distinct(cls: str) -> None:
    keys = [ROW_KEYS[cls](row) for row in _rows(cls)]
    assert _rows(cls), f"checklist has no [[{cls}]] rows"
    assert len(keys) == len(set(keys)), f"duplicate [[{cls}]] rows in the checklist"


@pytest.mark.parametrize("cls", ["option", "monitor"])
def test_checklist_spellings_are_distinct(cls: str) -> None:
    spellings = [s for row in _rows(cls) for s in _spellings(row)]
    assert len(spellings) == len(set(spellings))


# ------------------------------------------------------------------------------------------
# Sections
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", _params("section"))
def test_section(rel: Release, row: Row) -> None:
    headings = [s.heading for s in rel.sections]
    assert any(h == row["heading"] or h.startswith(row["heading"]) for h in headings), (
        f"no section heading {row['heading']!r} in release {rel.id} (has {headings})"
    )
    if "id" in row:
        try:
            heading = rel.section_heading(row["id"])
        except KeyError:
            pytest.fail(f"release {rel.id} declares no section id {row['id']!r}", pytrace=False)
        assert heading.startswith(row["heading"]), (
            f"section {row['id']!r} is headed {heading!r}, expected {row['heading']!r}"
        )


def test_sections_in_document_order(rel: Release) -> None:
    headings = [s.heading for s in rel.sections]
    positions = []
    for row in _rows("section"):
        matches = [
            i for i, h in enumerate(headings) if h == row["heading"] or h.startswith(row["heading"])
        ]
        if matches:
            positions.append(matches[0])
    assert positions == sorted(positions), f"sections out of document order: {headings}"


# ------------------------------------------------------------------------------------------
# Guest operating systems
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", _params("guest"))
def test_guest(by_kind: dict[str, list[Entry]], row: Row) -> None:
    entry = _find_guest(by_kind["guest-os"], row)
    fields = entry.fields
    problems: list[str] = []
    _check_section(problems, entry, GUEST_SECTION)
    _expect(problems, entry, "family", fields.get("family"), row["family"])
    _expect(problems, entry, "version", fields.get("version"), row["version"])
    _expect(problems, entry, "status", entry.status, row["status"])
    _expect(problems, entry, "status_label", fields.get("status_label"), row["status_label"])
    sp = fields.get("min_service_pack")
    _expect(problems, entry, "min_service_pack", 0 if sp is None else sp, row["min_service_pack"])
    _expect(problems, entry, "or_later", bool(fields.get("or_later")), row["or_later"])
    _expect(problems, entry, "bits", set(fields.get("bits") or ()), set(row["bits"]))
    if "virt_type" in row:
        _expect(problems, entry, "virt_type", fields.get("virt_type"), row["virt_type"])
    if "pv_drivers" in row:
        drivers = set(row["pv_drivers"])
        _expect(problems, entry, "pv_drivers", _string_set(fields.get("pv_drivers")), drivers)
        _expect(problems, entry, "kvm_clock", bool(fields.get("kvm_clock")), "kvm-clock" in drivers)
    _expect(
        problems,
        entry,
        "boot_options",
        dict(fields.get("boot_options") or {}),
        row.get("boot_options", {}),
    )
    if _norm(row["source_text"]) not in _norm(entry.source_text):
        problems.append(
            f"{entry.id}: source_text {entry.source_text!r} does not cite {row['source_text']!r}"
        )
    _check_facts(problems, entry, row.get("facts", []))
    _report(problems)


def test_no_unlisted_guest(by_kind: dict[str, list[Entry]]) -> None:
    listed = {(r["family"], r["version"].casefold()) for r in _rows("guest")}
    extra = [
        e.id
        for e in by_kind["guest-os"]
        if (e.fields.get("family"), str(e.fields.get("version", "")).casefold()) not in listed
    ]
    assert not extra, f"guest entries with no row in the statement: {extra}"


# ------------------------------------------------------------------------------------------
# Supported limits
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", _params("limit"))
def test_limit(by_kind: dict[str, list[Entry]], row: Row) -> None:
    entry = _find_by_field(
        by_kind["limit"], "quantity", row["quantity"], f"limit {row['quantity']!r}"
    )
    fields = entry.fields
    problems: list[str] = []
    _check_section(problems, entry, LIMIT_SECTION)
    _expect(problems, entry, "value", fields.get("value"), row.get("value"))
    if "unit" in row:
        _expect(
            problems, entry, "unit", str(fields.get("unit", "")).casefold(), row["unit"].casefold()
        )
    if "scope" in row and fields.get("scope"):
        _expect(problems, entry, "scope", fields.get("scope"), row["scope"])
    if entry.status is not None:
        _expect(problems, entry, "status", entry.status, "supported")
    _check_facts(problems, entry, row.get("facts", []))
    _report(problems)


def test_no_unlisted_limit(by_kind: dict[str, list[Entry]]) -> None:
    listed = {r["quantity"] for r in _rows("limit")}
    extra = [e.id for e in by_kind["limit"] if e.fields.get("quantity") not in listed]
    assert not extra, f"limit entries with no limit in the statement: {extra}"


# ------------------------------------------------------------------------------------------
# Features
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", _params("feature"))
def test_feature(rel: Release, by_kind: dict[str, list[Entry]], row: Row) -> None:
    entry = _find_by_field(
        by_kind["feature"], "feature", row["feature"], f"feature {row['feature']!r}"
    )
    fields = entry.fields
    problems: list[str] = []
    _expect(problems, entry, "status", entry.status, row["status"])
    _expect(problems, entry, "group", fields.get("group"), row["group"])
    want_heading = FEATURE_GROUP_HEADINGS[row["group"]]
    try:
        heading = rel.section_heading(entry.section)
    except KeyError:
        heading = f"<undeclared section {entry.section!r}>"
    if not heading.startswith(want_heading):
        problems.append(f"{entry.id}: in section {heading!r}, expected {want_heading!r}")
    source_heading = fields.get("source_heading", "")
    if source_heading not in row["source_heading"]:
        problems.append(
            f"{entry.id}: source_heading {source_heading!r}, the statement prints "
            f"{' or '.join(repr(h) for h in row['source_heading'])}"
        )
    if row.get("status_inferred") and not (entry.status_note or entry.ambiguities):
        problems.append(
            f"{entry.id}: the statement gives no status word; say how it was read (status_note)"
        )
    _check_facts(problems, entry, row.get("facts", []))
    _report(problems)


def test_no_unlisted_feature(by_kind: dict[str, list[Entry]]) -> None:
    listed = {r["feature"] for r in _rows("feature")}
    extra = [e.id for e in by_kind["feature"] if e.fields.get("feature") not in listed]
    assert not extra, f"feature entries with no feature in the statement: {extra}"


# ------------------------------------------------------------------------------------------
# Performance expectations
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", _params("performance"))
def test_performance(by_kind: dict[str, list[Entry]], row: Row) -> None:
    entry = _find_performance(by_kind["performance"], row)
    fields = entry.fields
    problems: list[str] = []
    _check_section(problems, entry, PERFORMANCE_SECTION)
    _expect(problems, entry, "cell", fields.get("cell"), row["cell"])
    for key in ("percent", "percent_min", "percent_max"):
        _expect(problems, entry, key, fields.get(key), row.get(key))
    _check_facts(problems, entry, row.get("facts", []))
    _report(problems)


@pytest.mark.parametrize("row", _params("performance"))
def test_performance_not_guaranteed(by_kind: dict[str, list[Entry]], row: Row) -> None:
    entry = _find_performance(by_kind["performance"], row)
    problems: list[str] = []
    _check_facts(problems, entry, ["guarantee"])
    _report(problems)


def test_no_unlisted_performance(by_kind: dict[str, list[Entry]]) -> None:
    listed = {(r["category"], r["mode"], r["cell"]) for r in _rows("performance")}
    extra = [
        e.id
        for e in by_kind["performance"]
        if (e.fields.get("category"), e.fields.get("mode"), e.fields.get("cell")) not in listed
    ]
    assert not extra, f"performance entries with no cell in the statement: {extra}"


# ------------------------------------------------------------------------------------------
# Appendix A: command-line options and monitor commands
# ------------------------------------------------------------------------------------------


def _check_spellings(problems: list[str], entry: Entry, row: Row) -> None:
    _expect(problems, entry, "spellings (name + names)", _entry_spellings(entry), _spellings(row))


def _check_source_lines(problems: list[str], entry: Entry, row: Row) -> None:
    cited = {_norm(line).strip() for line in entry.fields.get("source_lines") or ()}
    for line in row["source_lines"]:
        if _norm(line).strip() not in cited:
            problems.append(f"{entry.id}: source_lines lacks {line!r}")


@pytest.mark.parametrize("row", _params("option"))
def test_option(by_kind: dict[str, list[Entry]], row: Row) -> None:
    entry = _find_named(by_kind["qemu-option"], row, "option")
    fields = entry.fields
    problems: list[str] = []
    _check_section(problems, entry, APPENDIX_SECTION)
    _expect(problems, entry, "status", entry.status, row["status"])
    _check_spellings(problems, entry, row)
    for key in ("value_allowed", "value_refused"):
        _expect(problems, entry, key, _string_set(fields.get(key)), set(row.get(key, [])))
    for key in ("params_allowed", "params_refused"):
        _expect(problems, entry, key, _table_of_sets(fields.get(key)), _table_of_sets(row.get(key)))
    _report(problems)


@pytest.mark.parametrize("row", _params("option"))
def test_option_source_lines(by_kind: dict[str, list[Entry]], row: Row) -> None:
    entry = _find_named(by_kind["qemu-option"], row, "option")
    problems: list[str] = []
    _check_source_lines(problems, entry, row)
    _report(problems)


def test_no_unlisted_option(by_kind: dict[str, list[Entry]]) -> None:
    listed = {s for r in _rows("option") for s in _spellings(r)}
    extra = [e.id for e in by_kind["qemu-option"] if not _entry_spellings(e) <= listed]
    assert not extra, f"option entries naming options not in Appendix A: {extra}"


@pytest.mark.parametrize("row", _params("monitor"))
def test_monitor(by_kind: dict[str, list[Entry]], row: Row) -> None:
    entry = _find_named(by_kind["monitor-command"], row, "monitor command")
    problems: list[str] = []
    _check_section(problems, entry, APPENDIX_SECTION)
    _expect(problems, entry, "status", entry.status, row["status"])
    _check_spellings(problems, entry, row)
    _report(problems)


@pytest.mark.parametrize("row", _params("monitor"))
def test_monitor_source_lines(by_kind: dict[str, list[Entry]], row: Row) -> None:
    entry = _find_named(by_kind["monitor-command"], row, "monitor command")
    problems: list[str] = []
    _check_source_lines(problems, entry, row)
    _report(problems)


def test_no_unlisted_monitor(by_kind: dict[str, list[Entry]]) -> None:
    listed = {s for r in _rows("monitor") for s in _spellings(r)}
    extra = [e.id for e in by_kind["monitor-command"] if not _entry_spellings(e) <= listed]
    assert not extra, f"monitor entries naming commands not in Appendix A: {extra}"


# ------------------------------------------------------------------------------------------
# Prose facts and ambiguities
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", _params("fact"))
def test_fact(all_entries: list[Entry], row: Row) -> None:
    assert row["where"] == "any", f"unknown fact scope {row['where']!r}"
    tokens: list[Token] = row["tokens"]
    best: tuple[int, Entry | None, list[Token]] = (len(tokens) + 1, None, list(tokens))
    for entry in all_entries:
        missing = _missing_tokens(entry.text(), tokens)
        if not missing:
            return
        if len(missing) < best[0]:
            best = (len(missing), entry, missing)
    closest = f"; closest: {best[1].id} lacks " if best[1] else "; "
    pytest.fail(
        f"no entry holds all of {[_show(t) for t in tokens]} (line {row['line']})"
        f"{closest}{[_show(t) for t in best[2]]}",
        pytrace=False,
    )


def _ambiguity_targets(
    by_kind: dict[str, list[Entry]], all_entries: list[Entry], row: Row
) -> list[Entry]:
    if "guest" in row:
        return [_find_guest(by_kind["guest-os"], _guest_row(row["guest"]))]
    if "option" in row:
        option = next(r for r in _rows("option") if r["name"] == row["option"])
        return [_find_named(by_kind["qemu-option"], option, "option")]
    if "feature" in row:
        return [
            _find_by_field(
                by_kind["feature"], "feature", row["feature"], f"feature {row['feature']!r}"
            )
        ]
    if "performance" in row:
        return [_find_performance(by_kind["performance"], _perf_row(*row["performance"]))]
    return all_entries


@pytest.mark.parametrize("row", _params("ambiguity"))
def test_ambiguity(by_kind: dict[str, list[Entry]], all_entries: list[Entry], row: Row) -> None:
    targets = _ambiguity_targets(by_kind, all_entries, row)
    tokens: list[Token] = row.get("tokens", [])
    for entry in targets:
        if entry.ambiguities and not _missing_tokens("\n".join(entry.ambiguities), tokens):
            return
    where = targets[0].id if len(targets) == 1 else "any entry"
    wanted = f" mentioning {[_show(t) for t in tokens]}" if tokens else ""
    pytest.fail(
        f"{where}: no ambiguity{wanted} for line {row['line']}: {row['about']}", pytrace=False
    )
