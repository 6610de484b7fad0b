"""Starting the desktop app from the command line: `kvmhelpdesk [--content DIR] [FILE ...]`.

A first argument that is not a command is a file to open (the desktop entry's %F passes
paths that way). Before Qt is imported, the files must exist and a window must be possible
here; otherwise one line on stderr and exit status 2, never Qt's abort. Qt-free.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Collection, Sequence

from kvmhelpdesk.cli.common import EXIT_BAD_INPUT, emit_error

OPTIONS_WITH_VALUE = ("--content",)
BZIP2_SUFFIXES = (".tbz", ".tbz2", ".tar.bz2")
# Blocks decoded ahead while the window starts: about what one spare core decodes in a
# start-up of a third of a second (each block holds up to 900 kB once decoded).
PRIME_BLOCKS = 12


def command_names() -> tuple[str, ...]:
    from kvmhelpdesk.cli import COMMANDS

    return tuple(COMMANDS)


def opens_files(args: Sequence[str], commands: Collection[str] | None = None) -> bool:
    """True when the first positional argument is not a command name (so: files to open)."""
    first, stop = first_positional(args)
    if stop is not None:
        return stop == "--"
    return first is not None and first not in (command_names() if commands is None
                                               else commands)


def command_in(args: Sequence[str]) -> str | None:
    """The first positional argument (the command, if any), past the top-level options."""
    return first_positional(args)[0]


def first_positional(args: Sequence[str]) -> tuple[str | None, str | None]:
    """(the first positional argument, or None; the flag that ended the scan before one:
    `--`, or a help/version flag)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--":
            return None, arg
        elif arg in OPTIONS_WITH_VALUE:
            skip = True
        elif arg.startswith("-"):
            if arg in ("-h", "--help", "--version"):
                return None, arg
        else:
            return arg, None
    return None, None


def gui_parser() -> argparse.ArgumentParser:
    from kvmhelpdesk.cli import OneLineParser  # usage errors in one line, as every command

    parser = OneLineParser(
        prog="kvmhelpdesk", description="Open the desktop app, with files to open in it.",
        epilog="Run 'kvmhelpdesk --help' for the commands that work without a window.")
    parser.add_argument("--content", metavar="DIR", action="append", default=[],
                        help="load an extra content pack; repeatable")
    parser.add_argument("files", metavar="FILE", nargs="*",
                        help="a case file (.kvmcase, .json) or a supportconfig archive")
    return parser


def launch_gui(extra_content: Sequence[str] = (), files: Sequence[str] = (),
               commands: Collection[str] = ()) -> int:
    """Check the files and the display, then run the app (or hand the files to it)."""
    for path in files:
        if not os.path.exists(path):
            hint = (f" (commands: {', '.join(sorted(commands))}; see 'kvmhelpdesk --help')"
                    if commands and os.sep not in path and "." not in path else "")
            return emit_error(f"no such file or command: {path!r}{hint}")
        if os.path.isdir(path):
            from kvmhelpdesk.openable import is_support_bundle  # (pathlib: for a folder only)

            if not is_support_bundle(path):
                return emit_error(f"{path!r} is a folder, neither a case file nor an "
                                  "unpacked supportconfig")
    from kvmhelpdesk.cli.display_check import library_problem, startup_problem

    problem = startup_problem()
    if problem:
        return emit_error(problem)
    paths = [os.path.abspath(f) for f in files]
    primed = prime_bundle(paths)
    try:
        try:
            from kvmhelpdesk.gui.app import run
        except ImportError as exc:
            problem = library_problem(exc)
            if problem is None:
                raise
            return emit_error(problem)
        return run(list(extra_content), paths)
    finally:
        if primed:  # handed over to a running window, or never read: stop decoding
            from kvmhelpdesk.bundle import tarzip

            tarzip.drop_primed()


def prime_bundle(paths: Sequence[str]) -> bool:
    """A `.tbz` given at launch (a double-click on nts_x.tbz) starts decoding now, on the
    other cores, while Qt loads and the window is built; the window's reader takes the
    decoder over. Only the first such file: it is the one read first. True if one was."""
    first = next((p for p in paths if p.lower().endswith(BZIP2_SUFFIXES)), None)
    if first is None or not os.path.isfile(first):
        return False
    from kvmhelpdesk.bundle import tarzip

    tarzip.prime_bzip2(first, ahead=PRIME_BLOCKS)
    return True


def files_main(argv: Sequence[str]) -> int:
    """`kvmhelpdesk [--content DIR] FILE...`: the window, with files to open."""
    gui_args = gui_arguments(argv)
    if isinstance(gui_args, int):
        return gui_args
    return launch_gui(*gui_args, commands=command_names())


def gui_arguments(argv: Sequence[str] | None = None) -> tuple[list[str], list[str]] | int:
    """(content packs, files) from `kvmhelpdesk [--content DIR] FILE...`, or an exit status."""
    from kvmhelpdesk.cli.output import OutputError, guard_standard_descriptors, safe_streams

    guard_standard_descriptors()
    with safe_streams() as out:
        try:
            args = gui_parser().parse_args(sys.argv[1:] if argv is None else argv)
        except SystemExit as exc:  # --help, or a usage error argparse already printed
            try:
                out.raise_failure()  # --help to a full disk or a closed output: say so
            except OutputError as error:
                try:
                    return emit_error(str(error))
                except OutputError:
                    return EXIT_BAD_INPUT
            return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_BAD_INPUT
        except OutputError:  # a usage error that standard error could not take
            return EXIT_BAD_INPUT
    return args.content, args.files
