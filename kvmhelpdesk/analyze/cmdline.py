"""A pasted qemu-kvm command line -> guests, host hints and the option-by-option account."""

from __future__ import annotations

import re
from typing import Any

from kvmhelpdesk.analyze.classify import Classifier
from kvmhelpdesk.analyze.guest import UniqueNames, build_guest
from kvmhelpdesk.analyze.model import Analysis, AnalyzeError
from kvmhelpdesk.analyze.options import parse_args
from kvmhelpdesk.analyze.tokenizer import MAX_CMDLINE_CHARS, find_commands, ps_user
from kvmhelpdesk.triage.case import MAX_ITEMS

# libvirt's command line for a guest with many disks and NICs has a few hundred options.
MAX_OPTIONS = MAX_ITEMS

# qemu-system-ARCH runs guests of ARCH; under KVM the host has that architecture too.
# (i386 is left out: a 32-bit qemu runs on 64-bit hosts as well.)
_HOST_ARCHES = frozenset({"x86_64", "aarch64", "ppc64", "ppc64le", "s390x", "arm", "ppc",
                          "mips64", "riscv64"})


def host_hints(binary: str | None, prefix: list[str], guest: dict[str, Any]) -> dict[str, Any]:
    """What a command line tells of the host: its architecture, whether qemu runs as root."""
    host: dict[str, Any] = {}
    if binary and "qemu-only" not in guest.get("features", ()):
        match = re.fullmatch(r"qemu-system-([A-Za-z0-9_]+)(?:\.exe)?",
                             binary.rstrip("/").rsplit("/", 1)[-1])
        if match and match.group(1) in _HOST_ARCHES:
            host["arch"] = match.group(1)
    if ps_user(prefix) == "root":
        host["qemu_user"] = "root"
    return host


def analyze_cmdline_text(text: str, classifier: Classifier) -> Analysis:
    """Every qemu invocation of a paste; one guest per invocation."""
    if len(text) > MAX_CMDLINE_CHARS:
        raise AnalyzeError(f"the command line is longer than {MAX_CMDLINE_CHARS:,} characters: "
                           "not a qemu command line")
    if not text.strip():
        raise AnalyzeError("the command line is empty")
    commands = find_commands(text)
    if not commands:
        raise AnalyzeError("no qemu-kvm command line found: neither a qemu program "
                           "(qemu-kvm, kvm, qemu-system-x86_64...) nor any option such as -m")
    if len(commands) > MAX_ITEMS:
        raise AnalyzeError(f"the paste holds {len(commands):,} qemu command lines: at most "
                           f"{MAX_ITEMS:,} guests are analyzed at once (one host's worth)")
    result = Analysis()
    names = UniqueNames()
    for number, command in enumerate(commands, 1):
        options = parse_args(command.args)
        if len(options) > MAX_OPTIONS:
            raise AnalyzeError(f"command line {number} has {len(options):,} options: at most "
                               f"{MAX_OPTIONS:,} are analyzed (a real one has a few hundred)")
        guest = build_guest(options, f"guest{number}")
        guest["name"] = names.take(guest["name"])
        scope = f"guest:{guest['name']}"
        classifier.account(result, options, scope)
        result.guests.append(guest)
        for key, value in host_hints(command.binary, command.prefix, guest).items():
            result.host.setdefault(key, value)
        if not options:
            result.errors.append(f"{command.binary}: the command line has no options")
        if command.dropped:
            result.errors.append(f"{guest['name']}: {command.dropped} words after the command "
                                 "line were left out (they start no option)")
    return result
