"""What every rule receives: the case's answers plus the knowledge-base index to cite from."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from kvmhelpdesk.kb import STATUS_LABELS, Entry
from kvmhelpdesk.triage.findings import ADVICE, CONDITION, Answers, Ask, Finding
from kvmhelpdesk.triage.lookup import Lookup
from kvmhelpdesk.triage.osmatch import OsMatch

HOST = "host"
PERFORMANCE = "performance"


@dataclass
class CaseContext:
    """The whole case as the host-wide rules see it."""

    look: Lookup
    host: dict[str, Any]
    guests: list[GuestContext] = field(default_factory=list)

    @property
    def management(self) -> list[str]:
        return list(self.host.get("management") or ())

    def at(self, *keys: str) -> tuple[str, ...]:
        """Answer paths of host keys: `at("arch")` -> ("host.arch",)."""
        return tuple(f"host.{key}" for key in keys)

    def finding(self, rule: str, status: str, message: str, entry: Entry | None,
                basis: tuple[str, ...] = (), part: str = "") -> Finding:
        return self.look.finding(rule, HOST, status, message, entry, basis=basis,
                                 key=_key(rule, HOST, part))

    def missing(self, rule: str, message: str, entry: Entry | None,
                basis: tuple[str, ...] = (), part: str = "", ask: Ask | None = None) -> Finding:
        """An answer this rule needs is absent: the engineer must confirm it."""
        return self.look.finding(rule, HOST, CONDITION, message, entry, basis=basis,
                                 key=_key(rule, HOST, part), ask=ask)

    def advice(self, rule: str, message: str, entry: Entry | None,
               basis: tuple[str, ...] = (), part: str = "") -> Finding:
        return self.finding(rule, ADVICE, message, entry, basis, part)


@dataclass
class GuestContext:
    """One guest's answers, its matched OS row, its scope name (`guest:NAME`) and its place."""

    case: CaseContext
    guest: dict[str, Any]
    name: str
    os: OsMatch | None = None
    index: int = 0  # its place in the case's `guests` list (answer paths)

    @property
    def look(self) -> Lookup:
        return self.case.look

    @property
    def scope(self) -> str:
        return f"guest:{self.name}"

    @property
    def row(self) -> Entry | None:
        return self.os.entry if self.os is not None else None

    def get(self, key: str, default: Any = None) -> Any:
        return self.guest.get(key, default)

    @cached_property
    def _prefix(self) -> str:
        return f"guests[{self.index}]."

    def at(self, *keys: str) -> tuple[str, ...]:
        """Answer paths of this guest's keys: `at("disks[1].format")` ->
        ("guests[0].disks[1].format",)."""
        prefix = self._prefix
        return tuple([prefix + key for key in keys])

    def finding(self, rule: str, status: str, message: str, entry: Entry | None,
                basis: tuple[str, ...] = (), part: str = "") -> Finding:
        return self.look.finding(rule, self.scope, status, message, entry, basis=basis,
                                 key=_key(rule, self.scope, part))

    def missing(self, rule: str, message: str, entry: Entry | None,
                basis: tuple[str, ...] = (), part: str = "", ask: Ask | None = None) -> Finding:
        return self.look.finding(rule, self.scope, CONDITION, message, entry, basis=basis,
                                 key=_key(rule, self.scope, part), ask=ask)

    def advice(self, rule: str, message: str, entry: Entry | None,
               basis: tuple[str, ...] = (), part: str = "") -> Finding:
        return self.finding(rule, ADVICE, message, entry, basis, part)


def _key(rule: str, scope: str, part: str) -> str:
    """`rule@scope`, or `rule@scope#part` where one rule says several things about a scope."""
    return f"{rule}@{scope}#{part}" if part else f"{rule}@{scope}"


def ask(group: str = "", who: str = "", text: str = "", confirm: Answers = (),
        refute: Answers = (), refuted: tuple[str, str] | None = None,
        confirmed: tuple[str, str] | None = None) -> Ask:
    """How a condition groups and what confirming or refuting it means (see findings.Ask)."""
    return Ask(group=group, who=who, text=text, confirm=confirm, refute=refute, refuted=refuted,
               confirmed=confirmed)


def status_of(entry: Entry | None, default: str = "supported") -> str:
    """An entry's verdict status; entries the statement gives no status default to `default`."""
    return entry.status if entry is not None and entry.status else default


def label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def plural(count: int | float, unit: str) -> str:
    """`1 vCPU`, `2 vCPUs`: units in the knowledge base are written in the plural."""
    text = f"{count:g}" if isinstance(count, float) else str(count)
    if count == 1 and unit.endswith("s"):
        unit = unit[:-1]
    return f"{text} {unit}"


def words(items: list[str] | tuple[str, ...], last: str = "and") -> str:
    """`a`, `a and b`, `a, b and c`: lists in messages read as prose."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def no_entry(kind: str, key: str) -> str:
    return (f"The knowledge base of this release has no {kind} entry for {key!r}: "
            "check this point against the statement by hand.")
