"""`kvmhelpdesk check`: judge a case file (and/or analyzed customer input) and print a report.

Exit status is 0 whatever the verdict; 2 with one line on stderr for unreadable or invalid
input, so scripts can tell "the configuration is unsupported" from "the input is broken".
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kvmhelpdesk import fileio
from kvmhelpdesk.cli.check_bundle import (
    add_bundle_arguments,
    apply_supportconfig,
    json_extras,
    save_case_if_asked,
)
from kvmhelpdesk.cli.check_inputs import add_input_arguments, gather_inputs, read_standard_input
from kvmhelpdesk.cli.common import CliError, emit_warning, load_kb, print_json
from kvmhelpdesk.cli.jsonout import dumps_indented
from kvmhelpdesk.triage import (
    CaseError,
    Verdict,
    check,
    empty_case,
    load_case,
    merge_case,
    parse_case,
    validate_case,
)
from kvmhelpdesk.triage.case import MAX_CASE_BYTES

PDF_MISSING = ("--pdf needs the desktop components (Qt), which are not available here; use "
               "--html and print that to PDF, or install the desktop app")

EPILOG = """\
examples:
  kvmhelpdesk check ticket-4711.json              plain-text report
  kvmhelpdesk check ticket-4711.json --markdown   ticket note in Markdown
  kvmhelpdesk check ticket-4711.json --json       verdict document for scripts
  kvmhelpdesk check --supportconfig nts_web01_110302_1011.tbz --save-case web01.json

exit status: 0 whatever the verdict; 2 for unreadable or invalid input (one line on stderr)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help="check a case against the support statement",
        description="Check a case file (format v1) and/or customer input against the support "
                    "statement and print a cited verdict.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("case", nargs="?", metavar="CASE.json",
                        help="case file ('-' reads standard input); optional when input flags "
                             "are given")
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument("--text", dest="fmt", action="store_const", const="text",
                         help="plain text (the default)")
    formats.add_argument("--json", dest="fmt", action="store_const", const="json",
                         help="the verdict as JSON, for scripts")
    formats.add_argument("--markdown", dest="fmt", action="store_const", const="markdown",
                         help="a Markdown ticket note")
    formats.add_argument("--html", dest="fmt", action="store_const", const="html",
                         help="an HTML report")
    formats.add_argument("--pdf", metavar="FILE", help="write a PDF report to FILE")
    parser.add_argument("--release", metavar="ID",
                        help="judge against this release (default: the case's, else newest)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the report to FILE instead of standard output")
    add_input_arguments(parser)
    add_bundle_arguments(parser)
    parser.set_defaults(func=cmd_check, fmt=None)


def cmd_check(args: argparse.Namespace) -> int:
    kb = load_kb(args.content)
    if args.case == "-" and "-" in [*args.qemu_cmdline_file, *args.libvirt_xml,
                                    *args.monitor_file]:
        raise CliError("only one input can be read from standard input ('-')")
    analysis = gather_inputs(args, kb)
    if args.case is None and analysis is None and not args.supportconfig:
        raise CliError("give a case file (CASE.json) or an input flag; see "
                       "'kvmhelpdesk check --help'")
    try:
        case = _load_case(args.case) if args.case is not None else empty_case()
    except CaseError as exc:
        raise CliError(str(exc)) from None
    if args.release:
        case["release"] = args.release
    case, bundle = apply_supportconfig(args, kb, case, from_file=args.case is not None)
    if analysis is not None:
        for problem in analysis.errors:
            emit_warning(problem)
        case = merge_case(case, analysis.host, analysis.guests)
        try:
            validate_case(case)
        except CaseError as exc:
            raise CliError(f"case merged with the analyzed input is invalid: {exc}") from None
    try:
        verdict = check(case, kb, validate=False)
    except CaseError as exc:
        raise CliError(str(exc)) from None
    if analysis is not None:
        verdict.add(analysis.findings, analysis.options)
    if bundle is not None:
        verdict.add(bundle.analysis.findings, bundle.analysis.options)
    save_case_if_asked(args, case)
    _emit(verdict, args, json_extras(bundle, case))
    return 0


def _load_case(path: str) -> dict[str, Any]:
    """The case file; '-' reads it from standard input (as the input flags' FILE does)."""
    if path == "-":
        raw = read_standard_input("the case", MAX_CASE_BYTES)
        return parse_case(raw, "the case from standard input")
    return load_case(path)


def render(verdict: Verdict, fmt: str) -> str:
    """The report in `fmt`. The report writers load only here: `--json` needs none of them."""
    from kvmhelpdesk.report import render as render_report

    return render_report(verdict, fmt)


def _emit(verdict: Verdict, args: argparse.Namespace,
          extra: dict[str, Any] | None = None) -> None:
    if args.pdf:
        _write_pdf(verdict, args.pdf)
        return
    fmt = args.fmt or "text"
    if args.output:
        text = render(verdict, fmt) if not (extra and fmt == "json") else \
            dumps_indented({**verdict.to_dict(), **extra}) + "\n"
        # backslashreplace: whatever text slipped through stays an escape, never a crash
        data = text.encode("utf-8", "backslashreplace")
        try:
            with open(args.output, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise CliError(f"{args.output}: cannot be written: {fileio.reason(exc)}") from None
    elif fmt == "json":
        print_json({**verdict.to_dict(), **(extra or {})})
    else:
        sys.stdout.write(render(verdict, fmt))


def _write_pdf(verdict: Verdict, path: str) -> None:
    """PDF is printed from the HTML report by Qt, which only the desktop part may import."""
    try:
        from kvmhelpdesk.gui.pdf import write_pdf  # type: ignore[import-not-found]
    except ImportError:
        raise CliError(PDF_MISSING) from None
    try:
        write_pdf(render(verdict, "html"), path)
    except fileio.ReadOnlyFileError:
        raise CliError(f"{path}: is read-only: not replaced (make it writable or choose "
                       "another file)") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot be written: {fileio.reason(exc)}") from None
