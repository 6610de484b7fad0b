"""The `check` command's customer-input flags (owned by the analyze package).

STUB: the analyze work fills this in. `check_cmd` calls these two functions unconditionally.
"""

from __future__ import annotations

import argparse

from kvmhelpdesk.analyze.model import Analysis
from kvmhelpdesk.kb import KnowledgeBase


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """Add --qemu-cmdline, --qemu-cmdline-file, --libvirt-xml, --monitor, --host-probe."""


def gather_inputs(args: argparse.Namespace, kb: KnowledgeBase) -> Analysis | None:
    """Analyze whatever input flags were given; None when none were. Raises CliError on bad
    input (unreadable file, hostile XML) with a one-line message."""
    return None
