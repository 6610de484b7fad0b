"""Timekeeping: kvm-clock where the guest's row offers it, the row's boot options per bitness,
and NTP on host and guest (but not inside a kvm-clock guest)."""

from __future__ import annotations

from kvmhelpdesk.kb import Entry
from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.rules.base import CaseContext, GuestContext, ask

KVM_CLOCK = "kvm-clock"


def _article(ctx: GuestContext | CaseContext) -> Entry | None:
    return ctx.look.article("art-timekeeping", "time")


def check_host_ntp(ctx: CaseContext) -> list[Finding]:
    ntp = ctx.host.get("ntp")
    if ntp:
        return []
    what = "is not given" if ntp is None else "is not running on the host"
    return [ctx.advice("timekeeping.ntp-host", f"NTP (or similar) {what}: it is highly "
                       "recommended on the host to keep guest time stable.", _article(ctx),
                       ctx.at("ntp"))]


def check_guest_time(ctx: GuestContext) -> list[Finding]:
    """Clock source, boot options and NTP inside the guest, judged against its OS row."""
    out: list[Finding] = []
    row, clock = ctx.row, ctx.get("clock")
    offers = bool(row is not None and row.fields.get("kvm_clock"))
    label = f"row '{row.source_text or row.title}'" if row is not None else ""
    basis = ctx.at("clock", "os")
    if offers:
        if clock is None:
            out.append(ctx.missing(
                "timekeeping.clock", f"The guest clock source is not given: {label} offers "
                "kvm-clock, which is to be used; confirm it.", row, basis, ask=ask(
                    "clock", ctx.name, "Clock source not given for {who}: their rows offer "
                    "kvm-clock, which is to be used where available; confirm each uses it.",
                    confirm=((basis[0], KVM_CLOCK),), refuted=(
                        "advice", f"The guest does not use kvm-clock (the customer says so), "
                        f"though {label} offers it: kvm-clock is to be used where "
                        "available."))))
        elif clock == KVM_CLOCK:
            out.append(ctx.finding("timekeeping.clock", "supported", f"The guest uses kvm-clock, "
                                   f"as {label} offers.", row, basis))
        else:
            out.append(ctx.advice("timekeeping.clock", f"The guest uses {clock}, but {label} "
                                  "offers kvm-clock, which is to be used where available.", row,
                                  basis))
    elif row is not None and clock == KVM_CLOCK:
        out.append(ctx.advice("timekeeping.clock", f"The guest uses kvm-clock, which {label} "
                              "does not list among its PV drivers.", row, basis))
    out += _boot_options(ctx)
    out += _guest_ntp(ctx, clock)
    return out


def _boot_options(ctx: GuestContext) -> list[Finding]:
    row = ctx.row
    options = dict(row.fields.get("boot_options") or {}) if row is not None else {}
    if not options or row is None:
        return []
    label = f"row '{row.source_text or row.title}'"
    bits = ctx.os.bits if ctx.os is not None else None
    given = ctx.get("boot_options")
    rule = "timekeeping.boot-options"
    basis = ctx.at("boot_options", "bits", "os")
    if bits is None:
        each = "; ".join(f"{b}-bit kernel: {o}" for b, o in sorted(options.items()))
        return [ctx.missing(rule, f"The guest's bitness is not given: {label} needs a boot "
                            f"option per kernel ({each}); confirm it is set.", row, basis,
                            ask=ask(refuted=("unsupported", f"The guest's boot line lacks the "
                                             f"option {label} needs for its kernel (the "
                                             "customer says so).")))]
    needed = options.get(str(bits))
    if needed is None:
        return []
    lacks = ("unsupported", f"The boot line lacks {needed} (the customer says so): {label} "
                            f"requires it for a {bits}-bit kernel.")
    if given is None:
        return [ctx.missing(rule, f"The guest kernel command line is not given: {label} needs "
                            f"{needed} for a {bits}-bit kernel; confirm it is set.", row, basis,
                            ask=ask(refuted=lacks))]
    if needed in given.split():
        return [ctx.finding(rule, "supported", f"The boot line has {needed}, as {label} needs "
                            f"for a {bits}-bit kernel.", row, basis)]
    return [ctx.finding(rule, "unsupported", f"The boot line lacks {needed}: {label} requires "
                        f"it for a {bits}-bit kernel.", row, basis)]


def _guest_ntp(ctx: GuestContext, clock: str | None) -> list[Finding]:
    ntp = ctx.get("ntp_in_guest")
    entry = _article(ctx)
    basis = ctx.at("ntp_in_guest", "clock")
    if clock == KVM_CLOCK:
        if ntp:
            return [ctx.advice("timekeeping.ntp-guest", "NTP runs inside a kvm-clock guest: the "
                               "statement does not recommend running NTP in the guest when "
                               "kvm-clock is used (advice, not a support restriction).", entry,
                               basis)]
        return []
    if ntp is None:
        return [ctx.advice("timekeeping.ntp-guest", "NTP in the guest is not given: NTP (or "
                           "similar) is highly recommended in a guest without kvm-clock.", entry,
                           basis)]
    if not ntp:
        return [ctx.advice("timekeeping.ntp-guest", "NTP does not run in the guest: it is "
                           "highly recommended in a guest without kvm-clock.", entry, basis)]
    return []
