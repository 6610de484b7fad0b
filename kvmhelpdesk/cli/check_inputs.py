"""The `check` command's customer-input flags (owned by the analyze package).

`check_cmd` calls `add_input_arguments(parser)` and `gather_inputs(args, kb)`; everything
about reading and analyzing pasted configurations lives here and in `kvmhelpdesk.analyze`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from kvmhelpdesk import fileio
from kvmhelpdesk.analyze import (
    Analysis,
    AnalyzeError,
    analyze_libvirt_xml,
    analyze_monitor,
    analyze_qemu_cmdline,
    combine,
    probe_host,
)
from kvmhelpdesk.cli.common import CliError
from kvmhelpdesk.kb import KnowledgeBase

MAX_INPUT_BYTES = 16 * 1024 * 1024  # above every analyzer's own cap: they say what is wrong


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """Add --qemu-cmdline, --qemu-cmdline-file, --libvirt-xml, --monitor, --host-probe."""
    group = parser.add_argument_group(
        "customer input", "configurations to analyze into the case (each flag repeatable; "
                          "FILE '-' reads standard input)")
    group.add_argument("--qemu-cmdline", metavar="STRING", action="append", default=[],
                       help="a qemu-kvm command line, ps line or libvirt log line")
    group.add_argument("--qemu-cmdline-file", metavar="FILE", action="append", default=[],
                       help="a file holding such command lines")
    group.add_argument("--libvirt-xml", metavar="FILE", action="append", default=[],
                       help="a libvirt domain XML (virsh dumpxml)")
    group.add_argument("--monitor", metavar="FILE", action="append", default=[],
                       dest="monitor_file", help="a qemu monitor transcript or command list")
    group.add_argument("--host-probe", action="store_true",
                       help="read this machine's host answers (/proc, /sys; no privileges)")


def read_input(path: str, what: str) -> bytes:
    """A file's bytes ('-' = standard input; otherwise a regular file only: a FIFO or device
    would block or never end); CliError in one line when it cannot be read. The analyzers
    decode them (byte-order mark, UTF-16, an XML declaration's encoding)."""
    if path == "-":
        return read_standard_input(what, MAX_INPUT_BYTES)
    try:
        return fileio.read_regular_file(path, MAX_INPUT_BYTES)
    except (FileNotFoundError, IsADirectoryError, fileio.NotRegularFileError,
            fileio.TooLargeError) as exc:
        raise CliError(f"{what} {path}: {fileio.reason(exc)}") from None
    except OSError as exc:
        raise CliError(f"{what} {path}: cannot be read: {fileio.reason(exc)}") from None


def read_standard_input(what: str, limit: int) -> bytes:
    """Standard input's bytes, at most `limit` of them, for a FILE given as '-'; CliError in
    one line when it is closed (`<&-`), unreadable or larger than `limit`."""
    stream = sys.stdin
    if stream is None or getattr(stream, "buffer", None) is None:
        raise CliError(f"{what} -: standard input is closed: nothing to read")
    try:
        data = stream.buffer.read(limit + 1)
    except (OSError, ValueError) as exc:  # ValueError: closed by the caller in-process
        words = fileio.reason(exc) if isinstance(exc, OSError) else "it is closed"
        raise CliError(f"{what} -: standard input cannot be read: {words}") from None
    if len(data) > limit:
        raise CliError(f"{what} -: standard input is larger than {fileio.describe_size(limit)}")
    return data


def gather_inputs(args: argparse.Namespace, kb: KnowledgeBase) -> Analysis | None:
    """Analyze whatever input flags were given; None when none were. Raises CliError on bad
    input (unreadable file, hostile XML) with a one-line message."""
    cmdlines = list(getattr(args, "qemu_cmdline", None) or [])
    cmdline_files = list(getattr(args, "qemu_cmdline_file", None) or [])
    xml_files = list(getattr(args, "libvirt_xml", None) or [])
    monitor_files = list(getattr(args, "monitor_file", None) or [])
    host_probe = bool(getattr(args, "host_probe", False))
    if not (cmdlines or cmdline_files or xml_files or monitor_files or host_probe):
        return None
    if (cmdline_files + xml_files + monitor_files).count("-") > 1:
        raise CliError("only one input can be read from standard input ('-')")
    release = getattr(args, "release", None)
    configs: list[Analysis] = []
    monitors: list[Analysis] = []
    try:
        for number, text in enumerate(cmdlines, 1):
            configs.append(_labelled(analyze_qemu_cmdline, text, kb, release,
                                     f"--qemu-cmdline #{number}"))
        for path in cmdline_files:
            text = read_input(path, "--qemu-cmdline-file")
            configs.append(_labelled(analyze_qemu_cmdline, text, kb, release, path))
        for path in xml_files:
            text = read_input(path, "--libvirt-xml")
            configs.append(_labelled(analyze_libvirt_xml, text, kb, release, path))
        for path in monitor_files:
            text = read_input(path, "--monitor")
            monitors.append(_labelled(analyze_monitor, text, kb, release, path))
    except AnalyzeError as exc:
        raise CliError(str(exc)) from None
    result = combine(configs, monitors)
    if host_probe:
        for key, value in probe_host("/").items():
            result.host.setdefault(key, value)
    return result


def _labelled(analyze: Callable[[str | bytes, KnowledgeBase, str | None], Analysis],
              text: str | bytes,
              kb: KnowledgeBase, release: str | None, label: str) -> Analysis:
    """Run one analyzer; its AnalyzeError names the input it came from."""
    try:
        return analyze(text, kb, release)
    except AnalyzeError as exc:
        raise AnalyzeError(f"{label}: {exc}") from None
