"""qemu-kvm monitor commands the guest is driven with, against Appendix A's two lists."""

from __future__ import annotations

from kvmhelpdesk.triage.findings import UNLISTED, Finding
from kvmhelpdesk.triage.rules.base import GuestContext, label, status_of


def command_word(command: str) -> str:
    """`change device ...` -> `change`: the lists name commands by their first word."""
    parts = command.strip().split()
    return parts[0].lower() if parts else ""


def check_monitor(ctx: GuestContext) -> list[Finding]:
    """One finding per distinct command: its list's status, a feature that covers it, or
    unlisted (Appendix A's refused list may be incomplete: it ends at the file's last line)."""
    out: list[Finding] = []
    seen: set[str] = set()
    for index, command in enumerate(ctx.get("monitor_commands") or ()):
        word = command_word(command)
        if word in seen:
            continue
        seen.add(word)
        basis = ctx.at(f"monitor_commands[{index}]")
        entry = ctx.look.monitor_command(word)
        if entry is None:
            feature = ctx.look.feature_named(word)
            if feature is not None and feature.status:
                out.append(ctx.finding(
                    "monitor.command", feature.status, f"Monitor command {word!r} is on "
                    f"neither Appendix A list, but it does what '{feature.title}' describes, "
                    f"which the statement rates {label(feature.status).lower()}.", feature,
                    basis, word))
                continue
            out.append(ctx.finding("monitor.command", UNLISTED, f"Monitor command {word!r} is on "
                                   "neither Appendix A list: not covered by the statement (its "
                                   "list of refused commands ends at the file's last line and "
                                   "may be incomplete); needs review.", None, basis, word))
            continue
        status = status_of(entry)
        if status == "supported":
            message = f"Monitor command {word!r} is supported."
        else:
            message = (f"Monitor command {word!r} is not supported: Appendix A lists it as "
                       f"{label(status).lower()}.")
        out.append(ctx.finding("monitor.command", status, message, entry, basis, word))
    return out
