"""`kvmhelpdesk kb list|show`: read the knowledge base from scripts and terminals."""

from __future__ import annotations

import argparse
import textwrap

from kvmhelpdesk.cli.common import CliError, load_kb, print_json
from kvmhelpdesk.kb import KINDS, STATUS_LABELS, Entry, KnowledgeBase
from kvmhelpdesk.kb.render import entry_facts
from kvmhelpdesk.kb.serialize import entry_summary, entry_to_dict


def register(subparsers: argparse._SubParsersAction) -> None:
    kb = subparsers.add_parser("kb", help="list or show knowledge-base entries",
                               description="Read the knowledge base.")
    kb_sub = kb.add_subparsers(title="kb commands", metavar="ACTION", required=True)

    listing = kb_sub.add_parser("list", help="list entries (id, kind, status, title)")
    listing.add_argument("--kind", choices=KINDS, help="only entries of this kind")
    _common(listing)
    listing.set_defaults(func=cmd_list)

    show = kb_sub.add_parser("show", help="show one entry in full")
    show.add_argument("id", metavar="ID", help="entry id, e.g. os-win2k8 or opt-drive")
    _common(show)
    show.add_argument("--markdown", action="store_true",
                      help="print the entry's Markdown source instead of wrapped text")
    show.set_defaults(func=cmd_show)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--release", metavar="ID", help="release id (default: the newest)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def _release_entries(kb: KnowledgeBase, args: argparse.Namespace, kind: str | None) -> list[Entry]:
    try:
        return kb.entries(release=args.release, kind=kind)
    except KeyError as exc:
        raise CliError(str(exc.args[0])) from None


def cmd_list(args: argparse.Namespace) -> int:
    kb = load_kb(args.content)
    entries = _release_entries(kb, args, args.kind)
    if args.json:
        print_json([entry_summary(e) for e in entries])
        return 0
    width = max((len(e.id) for e in entries), default=10)
    for e in entries:
        status = STATUS_LABELS.get(e.status or "", "-")
        print(f"{e.id:<{width}}  {e.kind:<15}  {status:<12}  {e.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    kb = load_kb(args.content)
    _release_entries(kb, args, None)
    entry = kb.find(args.id, args.release)
    if entry is None:
        raise CliError(f"no entry {args.id!r} in release {args.release or kb.default_release} "
                       "(see 'kvmhelpdesk kb list')")
    if args.json:
        print_json(entry_to_dict(entry, kb))
        return 0
    if args.markdown:
        print(format_entry(entry, kb))
    else:
        from kvmhelpdesk.cli.kb_text import entry_text

        print(entry_text(entry, kb))
    return 0


def format_entry(entry: Entry, kb: KnowledgeBase) -> str:
    """`kb show --markdown`: header lines, restrictions, then the Markdown body as written."""
    lines = [entry.title, "=" * len(entry.title)]
    lines.append(f"id: {entry.id}    kind: {entry.kind}    release: {entry.release}")
    if entry.status:
        lines.append(f"status: {STATUS_LABELS[entry.status]}")
    if entry.status_note:
        lines.append(f"status note: {entry.status_note}")
    lines.append(f"source section: {kb.section_heading(entry)}")
    if entry.source_text:
        lines.append(f"statement text: {entry.source_text}")
    facts = entry_facts(entry)
    if facts:
        lines.append("facts:")
        lines += [textwrap.fill(f"{name}: {value}", 96, initial_indent="  ",
                                subsequent_indent="    ") for name, value in facts]
    if entry.restrictions:
        lines.append("restrictions:")
        lines += [textwrap.fill(r, 96, initial_indent="  - ", subsequent_indent="    ")
                  for r in entry.restrictions]
    if entry.ambiguities:
        lines.append("where the statement is unclear:")
        lines += [textwrap.fill(a, 96, initial_indent="  - ", subsequent_indent="    ")
                  for a in entry.ambiguities]
    lines += ["", entry.body.strip(), ""]
    if entry.related:
        lines.append("related: " + ", ".join(entry.related))
    return "\n".join(lines).rstrip()
