"""Triage: the case file (format v1), the rules and the verdict. Qt-free.

The public API is what the wizard, the CLI and the reports use:
`check`, `check_guest`, `match_os`, `load_case`, `save_case`, `validate_case`, `CaseError`,
`Verdict`.

Names load on first use (PEP 562), so `import kvmhelpdesk.triage.case` at app start-up does not
pull in every rule module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kvmhelpdesk.lazyload import lazy_exports

if TYPE_CHECKING:
    from kvmhelpdesk.triage.case import (
        CASE_FORMAT,
        CASE_VERSION,
        CaseError,
        Problem,
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
        validate_guest,
    )
    from kvmhelpdesk.triage.findings import Finding, OptionFinding, worst
    from kvmhelpdesk.triage.osmatch import OsMatch, match_os, parse_os
    from kvmhelpdesk.triage.rules.performance import PerformanceItem
    from kvmhelpdesk.triage.verdict import GuestVerdict, Verdict, check, check_guest

_EXPORTS: dict[str, str] = {
    "CASE_FORMAT": "case",
    "CASE_VERSION": "case",
    "CaseError": "case",
    "Problem": "case",
    "case_problems": "case",
    "dump_case": "case",
    "empty_case": "case",
    "field_messages": "case",
    "guest_problems": "case",
    "load_case": "case",
    "merge_case": "case",
    "parse_case": "case",
    "save_case": "case",
    "validate_case": "case",
    "validate_guest": "case",
    "Finding": "findings",
    "OptionFinding": "findings",
    "worst": "findings",
    "OsMatch": "osmatch",
    "match_os": "osmatch",
    "parse_os": "osmatch",
    "PerformanceItem": "rules.performance",
    "GuestVerdict": "verdict",
    "Verdict": "verdict",
    "check": "verdict",
    "check_guest": "verdict",
}


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

__all__ = [
    "CASE_FORMAT",
    "CASE_VERSION",
    "CaseError",
    "Finding",
    "GuestVerdict",
    "OptionFinding",
    "OsMatch",
    "PerformanceItem",
    "Problem",
    "Verdict",
    "case_problems",
    "check",
    "check_guest",
    "dump_case",
    "empty_case",
    "field_messages",
    "guest_problems",
    "load_case",
    "match_os",
    "merge_case",
    "parse_case",
    "parse_os",
    "save_case",
    "validate_case",
    "validate_guest",
    "worst",
]
