"""`kvmhelpdesk install-desktop [--user|--system] [--uninstall]`: menu entry, icons, file types."""

from __future__ import annotations

import argparse
import os

from kvmhelpdesk.cli.common import CliError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "install-desktop", help="add the app to the desktop menu and open case files with it",
        description="Install the desktop entry, the app icon, the MIME types of case files "
                    "(.kvmcase) and supportconfig archives (nts_*.tbz, scc_*.txz), and the "
                    "AppStream data, so the app is in the menu and file managers open those "
                    "files with it. The entry starts this very program (e.g. the unpacked "
                    "offline bundle), wherever it lives.")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--user", dest="system", action="store_false",
                       help="for you only, under $XDG_DATA_HOME or ~/.local/share (default)")
    where.add_argument("--system", dest="system", action="store_true",
                       help="for every user, under /usr/local/share (needs root)")
    parser.add_argument("--uninstall", action="store_true",
                        help="remove what install-desktop installed")
    parser.set_defaults(func=cmd_install_desktop, system=False)


def cmd_install_desktop(args: argparse.Namespace) -> int:
    from kvmhelpdesk import desktop

    data_dir = desktop.SYSTEM_DATA_DIR if args.system else desktop.user_data_dir()
    try:
        result = desktop.uninstall(data_dir) if args.uninstall else desktop.install(data_dir)
    except PermissionError as exc:
        hint = " (run it as root: sudo kvmhelpdesk install-desktop --system)" \
            if args.system and getattr(os, "geteuid", lambda: 0)() != 0 else ""
        raise CliError(f"cannot write {exc.filename}: permission denied{hint}") from None
    except OSError as exc:
        raise CliError(f"{exc.filename or data_dir}: {exc.strerror or exc}") from None
    verb = "removed" if args.uninstall else "installed"
    if not result.files:
        print(f"Nothing to remove under {data_dir}.")
    else:
        print(f"{len(result.files)} files {verb} under {data_dir}:")
        for path in result.files:
            print(f"  {path.relative_to(data_dir)}")
    if result.caches:
        print("Caches updated: " + ", ".join(result.caches))
    else:
        print("No cache tool found (update-mime-database, update-desktop-database, "
              "gtk-update-icon-cache): the desktop picks the files up at its next login.")
    if not args.uninstall:
        print("KVM Helpdesk is in the applications menu; file managers open .kvmcase files "
              "with it.")
    return 0
