"""Supported Limits: per-guest RAM, vCPUs, NICs, block devices, and the host-wide vCPU ratio.

Every figure comes from the limit entry of the matching `quantity`; the code only counts.
"""

from __future__ import annotations

from kvmhelpdesk.kb import Entry
from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.rules.base import CaseContext, GuestContext, no_entry, plural, words

MB_PER_UNIT = {"MB": 1, "MIB": 1, "GB": 1024, "GIB": 1024, "TB": 1024 * 1024, "TIB": 1024 * 1024}
PARAVIRTUAL_BUS = "virtio"  # the case format's word for virtio-blk disks


def _limit(ctx: GuestContext | CaseContext, rule: str, quantity: str) -> tuple[Entry | None,
                                                                             Finding | None]:
    """The limit entry and its value, or a condition saying why there is nothing to compare."""
    entry = ctx.look.limit(quantity)
    if entry is None:
        return None, ctx.missing(rule, no_entry("limit", quantity), None)
    if entry.fields.get("value") is None:
        return None, ctx.missing(rule, f"The statement gives no figure for "
                                 f"{entry.title!r}: check it by hand.", entry)
    return entry, None


def _compare(ctx: GuestContext, rule: str, quantity: str, amount: int, noun: str) -> Finding:
    """`17 vCPUs is over the limit of 16 vCPUs per guest`."""
    entry, problem = _limit(ctx, rule, quantity)
    if problem is not None or entry is None:
        return problem  # type: ignore[return-value]
    value, unit = entry.fields["value"], entry.fields.get("unit") or noun
    if noun.endswith(unit):  # "devices" -> "emulated block devices": say which devices
        unit = noun
    have = plural(amount, noun)
    if amount <= value:
        return ctx.finding(rule, "supported", f"{have} is within the limit of "
                           f"{plural(value, unit)} per guest.", entry)
    return ctx.finding(rule, "unsupported", f"{have} is over the limit of "
                       f"{plural(value, unit)} per guest.", entry)


def check_guest_limits(ctx: GuestContext) -> list[Finding]:
    """RAM, vCPUs, NICs and block devices of one guest against their limits."""
    out = [_ram(ctx)]
    vcpus = ctx.get("vcpus")
    if vcpus is None:
        out.append(ctx.missing("limits.guest-vcpus", "The number of vCPUs is not given: "
                               "confirm it is within the per-guest limit.",
                               ctx.look.limit("guest-vcpus")))
    else:
        out.append(_compare(ctx, "limits.guest-vcpus", "guest-vcpus", vcpus, "vCPUs"))
    nics = ctx.get("nics")
    if nics is None:
        out.append(ctx.missing("limits.guest-nics", "The guest's NICs are not given: confirm "
                               "their number is within the per-guest limit.",
                               ctx.look.limit("guest-nics")))
    else:
        out.append(_compare(ctx, "limits.guest-nics", "guest-nics", len(nics), "NICs"))
    out += _block_devices(ctx)
    return out


def _ram(ctx: GuestContext) -> Finding:
    rule = "limits.guest-ram"
    memory = ctx.get("memory_mb")
    if memory is None:
        return ctx.missing(rule, "The guest's memory is not given: confirm it is within the "
                           "per-guest RAM limit.", ctx.look.limit("guest-ram"))
    entry, problem = _limit(ctx, rule, "guest-ram")
    if problem is not None or entry is None:
        return problem  # type: ignore[return-value]
    value, unit = entry.fields["value"], entry.fields.get("unit") or "MB"
    factor = MB_PER_UNIT.get(unit.upper())
    if factor is None:
        return ctx.missing(rule, f"The RAM limit is given in {unit!r}, which this check does "
                           f"not convert: compare {memory} MB with {value} {unit} by hand.", entry)
    limit_mb = value * factor
    limit_text = f"{value} {unit}" + (f" ({limit_mb} MB)" if factor != 1 else "")
    if memory <= limit_mb:
        return ctx.finding(rule, "supported", f"{memory} MB of RAM is within the limit of "
                           f"{limit_text} per guest.", entry)
    return ctx.finding(rule, "unsupported", f"{memory} MB of RAM is over the limit of "
                       f"{limit_text} per guest.", entry)


def _block_devices(ctx: GuestContext) -> list[Finding]:
    disks = ctx.get("disks")
    if disks is None:
        return [ctx.missing("limits.block-devices", "The guest's disks are not given: confirm "
                            "the number of emulated and virtio-blk block devices is within the "
                            "limits.", ctx.look.limit("guest-block-emulated"))]
    emulated = sum(1 for d in disks if d.get("bus") is not None and d["bus"] != PARAVIRTUAL_BUS)
    virtio = sum(1 for d in disks if d.get("bus") == PARAVIRTUAL_BUS)
    out = [_compare(ctx, "limits.block-emulated", "guest-block-emulated", emulated,
                    "emulated block devices"),
           _compare(ctx, "limits.block-virtio", "guest-block-virtio", virtio,
                    "virtio-blk block devices")]
    unknown = [f"disk {i + 1}" for i, d in enumerate(disks) if d.get("bus") is None]
    if unknown:
        out.append(ctx.missing("limits.block-devices", f"The bus of {words(unknown)} is not "
                               "given, so it is counted neither as emulated nor as virtio-blk: "
                               "confirm both counts stay within the limits.",
                               ctx.look.limit("guest-block-emulated")))
    return out


def check_host_limits(ctx: CaseContext) -> list[Finding]:
    """All guests' vCPUs together within `value` x host cores; CPU overcommit advice."""
    if not ctx.guests:
        return []
    rule = "limits.host-vcpus"
    entry, problem = _limit(ctx, rule, "host-vcpu-ratio")
    if problem is not None or entry is None:
        return [problem] if problem else []
    ratio = entry.fields["value"]
    known = [g for g in ctx.guests if g.get("vcpus") is not None]
    total = sum(g.get("vcpus") for g in known)
    unknown = [g.name for g in ctx.guests if g.get("vcpus") is None]
    cores = ctx.host.get("cpu_cores")
    out: list[Finding] = []
    count = f"{plural(total, 'vCPUs')} in {plural(len(known), 'guests')}"
    if cores is None:
        out.append(ctx.missing(rule, f"The host's CPU cores are not given: confirm the "
                               f"{count} stay within {ratio} x host cores.", entry))
    else:
        limit = ratio * cores
        over = total > limit
        verb = "is over" if over else "is within"
        if not over and unknown:
            out.append(ctx.missing(rule, f"vCPUs are not given for {words(unknown)}: confirm "
                                   f"the {count} plus theirs stay within {ratio} x {cores} "
                                   f"host cores = {limit} vCPUs.", entry))
        else:
            out.append(ctx.finding(rule, "unsupported" if over else "supported",
                                   f"{count} together {verb} the limit of {ratio} x {cores} "
                                   f"host cores = {limit} vCPUs.", entry))
        overcommit = ctx.look.article("art-overcommit", "overcommit")
        if cores < total <= limit:
            out.append(ctx.advice("limits.cpu-overcommit", f"{plural(total, 'vCPUs')} on "
                                  f"{plural(cores, 'cores')} is CPU overcommit: supported, but "
                                  "it costs performance.", overcommit))
    host_entry = ctx.look.limit("host-ram-cpu")
    if host_entry is not None and ctx.host:
        out.append(ctx.advice("limits.host-ram-cpu", host_entry.summary or host_entry.title,
                              host_entry))
    return out
