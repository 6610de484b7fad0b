"""`kvmhelpdesk probe-host`: print the `host` part of a case file for this (or a copied) host."""

from __future__ import annotations

import argparse
import json
import os
import stat

from kvmhelpdesk import fileio
from kvmhelpdesk.analyze import probe_host
from kvmhelpdesk.cli.common import CliError, print_json

# Every key the probe can answer, in case-file order, for the "not read" line.
PROBED_KEYS = ("os", "arch", "cpu_vendor", "cpu_cores", "logical_cpus", "ept_npt",
               "hardware_virtualization", "kvm_modules_loaded", "iommu", "kernel_cmdline",
               "constant_tsc", "numa_nodes", "ksm")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "probe-host", help="read this host's answers for a case file (no privileges)",
        description="Read /etc/SuSE-release (or /etc/os-release), /proc/cpuinfo, /dev/kvm, "
                    "/proc/modules, /proc/cmdline, NUMA nodes and the KSM state, without "
                    "privileges and without changing anything, and print "
                    "the 'host' part of a case file. A file that cannot be read leaves its "
                    "answer out (the check then asks to confirm it).")
    parser.add_argument("--root", metavar="DIR", default="/",
                        help="read the same files under DIR (a copy of a customer's /proc and "
                             "/sys from a support bundle); default /")
    parser.add_argument("--json", action="store_true",
                        help='print JSON: {"host": {...}}, ready to paste into a case file')
    parser.set_defaults(func=cmd_probe_host)


def cmd_probe_host(args: argparse.Namespace) -> int:
    if not os.path.isdir(args.root):
        try:
            mode = os.stat(args.root).st_mode
        except (FileNotFoundError, NotADirectoryError):
            raise CliError(f"--root {args.root}: no such folder") from None
        except OSError as exc:
            raise CliError(f"--root {args.root}: cannot be read: {fileio.reason(exc)}") from None
        what = "a file" if stat.S_ISREG(mode) else fileio.kind_of(mode)
        raise CliError(f"--root {args.root}: is {what}, not a folder (give the folder that "
                       "holds a copy of proc/ and sys/)")
    host = probe_host(args.root)
    if args.json:
        print_json({"host": host})
        return 0
    width = max(len(k) for k in PROBED_KEYS)
    for key in PROBED_KEYS:
        if key in host:
            print(f"{key:<{width}}  {json.dumps(host[key], ensure_ascii=False)}")
    missing = [k for k in PROBED_KEYS if k not in host]
    if missing:
        print(f"not read (to confirm): {', '.join(missing)}")
    return 0
