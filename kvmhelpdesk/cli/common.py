"""Helpers every CLI command shares: one-line errors, loading the KB, JSON output."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kvmhelpdesk.cli.jsonout import dumps_indented
from kvmhelpdesk.safetext import shown

if TYPE_CHECKING:
    from kvmhelpdesk.kb import KnowledgeBase

EXIT_BAD_INPUT = 2


class CliError(Exception):
    """Bad input or content: printed as one line on stderr, exit status 2."""


def one_line(message: str) -> str:
    """A message as one line: runs of whitespace joined, control characters escaped."""
    return shown(" ".join(message.split()))


def emit_error(message: str, program: str = "kvmhelpdesk") -> int:
    """`kvmhelpdesk: error: MESSAGE` on stderr (one line); returns exit status 2."""
    print(f"{program}: error: {one_line(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def emit_warning(message: str) -> None:
    """`kvmhelpdesk: warning: MESSAGE` on stderr (one line)."""
    print(f"kvmhelpdesk: warning: {one_line(message)}", file=sys.stderr)


def route_log_warnings() -> None:
    """Warnings the core logs (e.g. "search index cache unusable") as every other warning
    line: `kvmhelpdesk: warning: ...` on stderr, one line; without this, Python's fallback
    printed the bare message. Idempotent."""
    logger = logging.getLogger("kvmhelpdesk")
    if not any(isinstance(h, _WarningLines) for h in logger.handlers):
        logger.addHandler(_WarningLines(logging.WARNING))


class _WarningLines(logging.Handler):
    """Each record as `kvmhelpdesk: warning: MESSAGE` on the stderr of the moment (the CLI
    and tests swap sys.stderr, so no stream is kept)."""

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):  # a lost warning must not become a traceback
            emit_warning(record.getMessage())


def load_kb(extra_content: Sequence[str] = ()) -> KnowledgeBase:
    """The knowledge base, with extra packs; a broken pack is a warning, not a failure."""
    # Imported here: `check --supportconfig` decompresses the bundle while this loads.
    from kvmhelpdesk.kb import ContentError, load_knowledge_base

    try:
        kb = load_knowledge_base(extra_content)
    except ContentError as exc:
        raise CliError(str(exc)) from None
    for problem in kb.problems:
        emit_warning(f"content pack left out: {problem}")
    return kb


def print_json(data: Any) -> None:
    # One write: json.dump() would write each of a big document's million pieces separately.
    sys.stdout.write(dumps_indented(data) + "\n")
