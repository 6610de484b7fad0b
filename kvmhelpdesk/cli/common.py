"""Helpers every CLI command shares: one-line errors, loading the KB, JSON output."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from kvmhelpdesk.kb import ContentError, KnowledgeBase, load_knowledge_base

EXIT_BAD_INPUT = 2


class CliError(Exception):
    """Bad input or content: printed as one line on stderr, exit status 2."""


def emit_error(message: str) -> int:
    first_line = " ".join(message.split())
    print(f"kvmhelpdesk: error: {first_line}", file=sys.stderr)
    return EXIT_BAD_INPUT


def load_kb(extra_content: Sequence[str] = ()) -> KnowledgeBase:
    """The knowledge base, with extra packs; a broken pack is a warning, not a failure."""
    try:
        kb = load_knowledge_base(extra_content)
    except ContentError as exc:
        raise CliError(str(exc)) from None
    for problem in kb.problems:
        print(f"kvmhelpdesk: warning: content pack left out: {problem}", file=sys.stderr)
    return kb


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
