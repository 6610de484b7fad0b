"""Triage: the case file (format v1), the rules and the verdict. Qt-free.

The public API is what the wizard, the CLI and the reports use:
`check`, `check_guest`, `match_os`, `load_case`, `save_case`, `validate_case`, `CaseError`,
`Verdict`.
"""

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
