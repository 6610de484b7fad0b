"""`kvmhelpdesk search QUERY`: the knowledge-base search from scripts and terminals.

The --json output is a contract read by tools outside the project:
    {"query": str, "hits": [{"id", "kind", "title", "status", "score", "snippet", ...}],
     "suggestion": str | null, "total": int, "notice": str | null}
Keys may be added, never renamed or removed.

Raw tokens pasted from tickets often start with a dash (`-no-kvm`, `-pcidevice`); such words are
taken as query text rather than rejected as unknown options (`--` works as well).
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Sequence
from typing import Any

from kvmhelpdesk.cli.common import CliError, load_kb, print_json
from kvmhelpdesk.kb import KINDS, STATUS_LABELS, STATUSES
from kvmhelpdesk.search import NO_STATUS

EPILOG = """\
examples:
  kvmhelpdesk search hot add cpu
  kvmhelpdesk search -no-kvm --json
  kvmhelpdesk search "Windows Server 2008 R2" --kind guest-os
  kvmhelpdesk search qcow2 --status unsupported --limit 5"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search", help="search the knowledge base (typos, synonyms and raw option tokens welcome)",
        description="Search every entry of the knowledge base, best match first.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("query", nargs="*", metavar="QUERY", help="words to search for")
    parser.add_argument("--kind", choices=KINDS, help="only entries of this kind")
    parser.add_argument("--status", choices=(*STATUSES, NO_STATUS),
                        help="only entries with this status ('none': entries without one)")
    parser.add_argument("--limit", type=_positive_int, default=10, metavar="N",
                        help="at most N hits (default 10)")
    parser.add_argument("--release", metavar="ID", help="release id (default: the newest)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(func=cmd_search)
    _accept_dash_words(parser)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _accept_dash_words(parser: argparse.ArgumentParser) -> None:
    """Let words such as `-no-kvm` be query text: unknown single-dash words join the query."""
    original = parser.parse_known_args

    def parse_known_args(args: Sequence[str] | None = None,
                         namespace: argparse.Namespace | None = None) -> Any:
        namespace, extras = original(args, namespace)
        dash_words = [a for a in extras if a.startswith("-") and not a.startswith("--")]
        if dash_words and args is not None:
            wanted = [*namespace.query, *dash_words]
            namespace.query = _in_given_order(list(args), wanted)
            extras = [a for a in extras if a not in dash_words]
        return namespace, extras

    parser.parse_known_args = parse_known_args  # type: ignore[method-assign]


def _in_given_order(args: list[str], wanted: list[str]) -> list[str]:
    """The words of `wanted` in the order they were typed."""
    remaining = list(wanted)
    ordered = []
    for arg in args:
        if arg in remaining:
            remaining.remove(arg)
            ordered.append(arg)
    return ordered + remaining


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query).strip()
    if not query:
        raise CliError("search needs a QUERY, e.g. kvmhelpdesk search hot add cpu")
    kb = load_kb(args.content)
    if args.release and args.release not in kb.releases:
        known = ", ".join(kb.releases)
        raise CliError(f"unknown release {args.release!r} (known: {known})")
    from kvmhelpdesk.search import SearchEngine

    engine = SearchEngine.open(kb)
    try:
        result = engine.search(query, kind=args.kind, status=args.status, limit=args.limit,
                               release=args.release)
    finally:
        engine.close()
    if args.json:
        print_json(result.to_dict())
        return 0
    print(format_result(result))
    return 0


def format_result(result: Any) -> str:
    """A ranked, readable list: the notice of a query the statement does not cover first,
    then number, title, kind and status, id, the snippet; how many more match at the end."""
    lines: list[str] = []
    if result.notice:
        lines += [*textwrap.wrap(result.notice, 100), ""]
    if result.suggestion:
        lines += [f"Did you mean: {result.suggestion}", ""]
    if not result.hits:
        lines.append(f"No entries match {result.query!r}.")
        return "\n".join(lines)
    for rank, hit in enumerate(result.hits, 1):
        status = STATUS_LABELS.get(hit.status or "", "")
        label = f"{hit.kind}, {status}" if status else hit.kind
        lines.append(f"{rank:>2}. {hit.title}  [{label}]  {hit.id}")
        if hit.snippet:
            lines += textwrap.wrap(hit.snippet, 96, initial_indent="    ",
                                   subsequent_indent="    ")
    if not result.complete:
        lines += ["", f"{result.count_text()}; --limit N shows more."]
    return "\n".join(lines)
