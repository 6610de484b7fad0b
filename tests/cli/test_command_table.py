"""The static command table matches what the command modules register, and a command loads
only its own module (start-up of `kvmhelpdesk check` does not pay for search or probe-host)."""

from __future__ import annotations

import argparse
import subprocess
import sys

from kvmhelpdesk.cli import COMMANDS, build_parser
from kvmhelpdesk.cli.launch import command_in, opens_files


def _choices(parser: argparse.ArgumentParser) -> list[str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def test_command_table_is_what_the_modules_register() -> None:
    assert _choices(build_parser()) == list(COMMANDS)
    for name in COMMANDS:
        assert _choices(build_parser(name)) == [name]


def test_command_in_skips_top_level_options() -> None:
    assert command_in(["--content", "check", "kb", "list"]) == "kb"
    assert command_in(["--content=x", "check"]) == "check"
    assert command_in(["--", "check"]) is None
    assert command_in(["-h"]) is None
    assert not opens_files(["check", "--json"]) and opens_files(["case.kvmcase"])


def fresh_python(code: str) -> str:
    """What `code` prints in a new interpreter (nothing imported yet)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120).stdout


def test_check_does_not_import_other_commands() -> None:
    code = ("import sys\n"
            "from kvmhelpdesk.cli import build_parser, launch\n"
            "args = ['check', '--qemu-cmdline', 'qemu-kvm -m 512']\n"
            "build_parser(launch.command_in(args)).parse_args(args)\n"
            "print(sorted(m for m in sys.modules if m.startswith('kvmhelpdesk.cli.')))\n")
    out = fresh_python(code)
    assert "kvmhelpdesk.cli.check_cmd" in out
    for other in ("search_cmd", "probe_cmd", "kb_cmd", "desktop_cmd"):
        assert f"kvmhelpdesk.cli.{other}" not in out


def test_starting_the_window_imports_no_command_module() -> None:
    # `kvmhelpdesk` alone starts the window: only --content is parsed, and none of the
    # commands' modules (their analyzers, rules and search engine) is imported first.
    code = ("import sys\n"
            "import kvmhelpdesk.cli as cli\n"
            "cli.gui_main = lambda content: print(content, sorted(\n"
            "    m for m in sys.modules if m.startswith('kvmhelpdesk.cli.') and\n"
            "    m.endswith('_cmd'))) or 0\n"
            "sys.exit(cli.main(['--content', 'pack']))\n")
    assert fresh_python(code).strip() == "['pack'] []"
