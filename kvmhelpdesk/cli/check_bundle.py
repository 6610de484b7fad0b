"""The `check` command's support-bundle flags (owned by the bundle package).

`--supportconfig PATH` reads a customer's supportconfig (archive or unpacked folder) into the
case: the host's answers and one guest per libvirt domain, each with the line it was read from.
`--save-case FILE` writes the case that was checked, whatever its input. `check_cmd` calls
`add_bundle_arguments`, `apply_supportconfig`, `save_case_if_asked` and `json_extras`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kvmhelpdesk.bundle import BundleCase, BundleError, build_case, merge_into, read_bundle
from kvmhelpdesk.cli import early_read
from kvmhelpdesk.cli.common import CliError, one_line
from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.triage import CaseError, save_case


def add_bundle_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "support bundle", "a customer's supportconfig: the host and every libvirt domain, each "
                          "answer traced to its file and line")
    group.add_argument("--supportconfig", metavar="PATH",
                       help="a supportconfig archive (.tbz, .txz, .tgz, .tar, .zip) or its "
                            "unpacked folder")
    group.add_argument("--save-case", metavar="FILE",
                       help="also write the case that was checked to FILE (with the bundle's "
                            "evidence and source)")


def apply_supportconfig(args: argparse.Namespace, kb: KnowledgeBase, case: dict[str, Any],
                        from_file: bool) -> tuple[dict[str, Any], BundleCase | None]:
    """The case with the bundle's answers (a case file's own answers win), and the bundle."""
    path = getattr(args, "supportconfig", None)
    if not path:
        return case, None
    release = case.get("release")
    if release is not None and release not in kb.releases:
        known = ", ".join(kb.releases) or "none"
        raise CliError(f"unknown release {release!r} (known: {known})")
    try:
        bundle = early_read.take(path)  # started by main(), if it saw this path
        built = build_case(bundle if bundle is not None else read_bundle(path), kb, release)
    except BundleError as exc:
        raise CliError(str(exc)) from None
    for note in built.notes:
        print(f"kvmhelpdesk: note: {one_line(note)}", file=sys.stderr)
    return (merge_into(case, built) if from_file else built.case), built


def save_case_if_asked(args: argparse.Namespace, case: dict[str, Any]) -> None:
    target = getattr(args, "save_case", None)
    if not target:
        return
    try:
        save_case(case, target)
    except CaseError as exc:
        raise CliError(str(exc)) from None


def json_extras(built: BundleCase | None, case: dict[str, Any]) -> dict[str, Any]:
    """`source` and `evidence` for `check --json` when a bundle was read (else nothing)."""
    if built is None:
        return {}
    return {"source": built.json_source(), "evidence": dict(case.get("evidence") or {})}
