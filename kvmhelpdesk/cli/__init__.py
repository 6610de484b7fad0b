"""The `kvmhelpdesk` command: argparse front door.

No sub-command starts the desktop app; the GUI package is imported only then, so scripts that
read the knowledge base never load Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import typing
from collections.abc import Sequence

from kvmhelpdesk import APP_NAME, __version__
from kvmhelpdesk.cli import early_read, launch
from kvmhelpdesk.cli.common import EXIT_BAD_INPUT, CliError, emit_error, route_log_warnings
from kvmhelpdesk.cli.output import OutputError, guard_standard_descriptors, safe_streams
from kvmhelpdesk.safetext import valid_text

# Each module has register(subparsers) and sets `func` on its parsers. Order = order in --help.
# Command name -> its module: a command imports only its own module (`check` need not load
# the search engine, nor `kb` the analyzers); --help and unknown commands import them all.
COMMANDS: dict[str, str] = {
    "kb": "kvmhelpdesk.cli.kb_cmd",
    "probe-host": "kvmhelpdesk.cli.probe_cmd",
    "search": "kvmhelpdesk.cli.search_cmd",
    "check": "kvmhelpdesk.cli.check_cmd",
    "install-desktop": "kvmhelpdesk.cli.desktop_cmd",
}
COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(COMMANDS.values()))

DESCRIPTION = f"""\
{APP_NAME} {__version__}: the KVM support statement as a searchable knowledge base,
and a wizard that turns a customer's configuration into a cited support verdict.

Run without a command to open the desktop app; give it files (a case file, .kvmcase or
.json) to open them in the app. The window needs a display; every command below does not."""

EPILOG = """\
examples:
  kvmhelpdesk                          open the desktop app
  kvmhelpdesk web-farm.kvmcase         open a case file in the app (or in the open window)
  kvmhelpdesk kb list --kind guest-os  list the guest OS rows
  kvmhelpdesk kb show os-win2k8        read one entry
  kvmhelpdesk kb show opt-drive --json the same, for scripts

exit status: 0 on success, 2 on bad input or content, or output that cannot be written
(one line on stderr)."""

# Arguments that name files: kept exactly as the system gave them (undecodable bytes
# included), so the file opens; every other argument is text and is made valid Unicode.
PATH_ARGUMENTS = frozenset({"content", "case", "qemu_cmdline_file", "libvirt_xml",
                            "monitor_file", "root", "output", "pdf", "file", "supportconfig"})


class OneLineParser(argparse.ArgumentParser):
    """argparse with its errors in one line (not a usage block), still exit status 2."""

    def error(self, message: str) -> typing.NoReturn:
        emit_error(f"{message} (see '{self.prog} --help')", program=self.prog)
        self.exit(EXIT_BAD_INPUT)


def build_parser(command: str | None = None,
                 top_level_only: bool = False) -> argparse.ArgumentParser:
    """The whole parser, or (given a known command name) the parser of that command alone;
    `top_level_only`: no command modules at all (no command was given: the window starts,
    and importing every command's analyzers first cost it a quarter of a second)."""
    parser = OneLineParser(
        prog="kvmhelpdesk",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="%(prog)s [-h] [--version] [--content DIR] [COMMAND ... | FILE ...]",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--content", metavar="DIR", action="append", default=[],
        help="load an extra content pack (a release folder, or a folder of them); repeatable",
    )
    parser.set_defaults(command_names=tuple(COMMANDS))
    if top_level_only:
        return parser
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", prog="kvmhelpdesk")
    modules = (COMMANDS[command],) if command in COMMANDS else COMMAND_MODULES
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    guard_standard_descriptors()
    route_log_warnings()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if launch.opens_files(args_list):  # `kvmhelpdesk [--content DIR] FILE...`: the window
        return launch.files_main(args_list)
    command, stop = launch.first_positional(args_list)
    early_read.begin(args_list, command)  # a bundle to read: decompress while the rest loads
    with safe_streams() as out:
        try:
            # No command and no --help: the window starts; only --content needs parsing.
            parser = build_parser(command, top_level_only=command is None and stop is None)
            try:
                args = clean_text_arguments(parser.parse_args(args_list))
            except SystemExit:  # --help and --version printed: was it written?
                out.raise_failure()
                raise
            if not hasattr(args, "func"):
                return gui_main(args.content)
            code = int(args.func(args) or 0)
            out.raise_failure()  # a full disk or closed pipe shows here, not at exit
            return code
        except (CliError, OutputError) as exc:
            try:
                return emit_error(str(exc))
            except OutputError:  # standard error is gone as well
                return EXIT_BAD_INPUT
        except KeyboardInterrupt:
            return 130
        finally:
            early_read.end()


def clean_text_arguments(args: argparse.Namespace) -> argparse.Namespace:
    """Text arguments as valid Unicode (undecodable bytes in argv become U+FFFD), so a query
    or a pasted command line can be searched, analyzed and printed; file names stay exact."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        if isinstance(value, str):
            setattr(args, name, valid_text(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, name, [valid_text(v) for v in value])
    return args


def gui_main(extra_content: Sequence[str] | None = None) -> int:
    """Start the desktop app (also the `kvmhelpdesk-gui [--content DIR] [FILE...]` entry point)."""
    if extra_content is not None:
        return launch.launch_gui(extra_content)
    gui_args = launch.gui_arguments()
    if isinstance(gui_args, int):
        return gui_args
    return launch.launch_gui(*gui_args)
