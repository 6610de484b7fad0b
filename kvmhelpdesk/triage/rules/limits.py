"""Supported Limits: per-guest RAM, vCPUs, NICs, block devices, and the host-wide vCPU ratio.

Every figure comes from the limit entry of the matching `quantity`; the code only counts.
"""

from __future__ import annotations

from kvmhelpdesk.kb import Entry
from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.rules.base import (
    CaseContext,
    GuestContext,
    ask,
    no_entry,
    plural,
    words,
)
from kvmhelpdesk.triage.rules.groups import disks_missing, nics_missing

MB_PER_UNIT = {"MB": 1, "MIB": 1, "GB": 1024, "GIB": 1024, "TB": 1024 * 1024, "TIB": 1024 * 1024}
PARAVIRTUAL_BUS = "virtio"  # the case format's word for virtio-blk disks
FLOPPY_BUS = "floppy"  # whether a floppy drive counts among the emulated devices is unclear


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


def _figure(ctx: GuestContext | CaseContext, quantity: str, noun: str) -> str:
    """`16 vCPUs`, or the noun alone when the knowledge base has no figure."""
    entry = ctx.look.limit(quantity)
    value = entry.fields.get("value") if entry is not None else None
    unit = (entry.fields.get("unit") if entry is not None else None) or noun
    return plural(value, unit) if value is not None else f"the limit of {noun}"


def _value(ctx: GuestContext | CaseContext, quantity: str) -> str:
    entry = ctx.look.limit(quantity)
    value = entry.fields.get("value") if entry is not None else None
    return str(value) if value is not None else "?"


def _compare(ctx: GuestContext, rule: str, quantity: str, amount: int, noun: str,
             basis: tuple[str, ...], note: str = "") -> Finding:
    """`17 vCPUs is over the limit of 16 vCPUs per guest`."""
    entry, problem = _limit(ctx, rule, quantity)
    if problem is not None or entry is None:
        return problem  # type: ignore[return-value]
    value, unit = entry.fields["value"], entry.fields.get("unit") or noun
    if noun.endswith(unit):  # "devices" -> "emulated block devices": say which devices
        unit = noun
    have = plural(amount, noun)
    verb = "are" if amount != 1 and not noun.endswith("RAM") else "is"
    if amount <= value:
        return ctx.finding(rule, "supported", f"{have} {verb} within the limit of "
                           f"{plural(value, unit)} per guest{note}.", entry, basis)
    return ctx.finding(rule, "unsupported", f"{have} {verb} over the limit of "
                       f"{plural(value, unit)} per guest{note}.", entry, basis)


def check_guest_limits(ctx: GuestContext) -> list[Finding]:
    """RAM, vCPUs, NICs and block devices of one guest against their limits."""
    out = [_ram(ctx)]
    vcpus = ctx.get("vcpus")
    if vcpus is None:
        most = _figure(ctx, "guest-vcpus", "vCPUs")
        out.append(ctx.missing(
            "limits.guest-vcpus", "The number of vCPUs is not given: confirm it is within the "
            "per-guest limit.", ctx.look.limit("guest-vcpus"), ctx.at("vcpus"), ask=ask(
                "vcpus", ctx.name, f"vCPUs not given for {{who}}: confirm each has at most "
                f"{most}.", refuted=("unsupported", f"The guest has more than {most} (the "
                                     "customer says so): over the per-guest limit."))))
    else:
        out.append(_compare(ctx, "limits.guest-vcpus", "guest-vcpus", vcpus, "vCPUs",
                            ctx.at("vcpus")))
    nics = ctx.get("nics")
    if nics is None:
        out.append(ctx.missing("limits.guest-nics", "The guest's NICs are not given: confirm "
                               "their number is within the per-guest limit.",
                               ctx.look.limit("guest-nics"), ctx.at("nics"),
                               ask=nics_missing(ctx)))
    else:
        out.append(_compare(ctx, "limits.guest-nics", "guest-nics", len(nics), "NICs",
                            ctx.at("nics")))
    out += _block_devices(ctx)
    return out


def _ram(ctx: GuestContext) -> Finding:
    rule = "limits.guest-ram"
    memory = ctx.get("memory_mb")
    basis = ctx.at("memory_mb")
    if memory is None:
        most = _figure(ctx, "guest-ram", "GB")
        return ctx.missing(rule, "The guest's memory is not given: confirm it is within the "
                           "per-guest RAM limit.", ctx.look.limit("guest-ram"), basis, ask=ask(
                               "memory", ctx.name, f"Memory not given for {{who}}: confirm "
                               f"each has at most {most} and at least what its OS needs on a "
                               "physical installation.", refuted=(
                                   "unsupported", f"The guest has more than {most} of RAM "
                                   "(the customer says so): over the per-guest limit.")))
    entry, problem = _limit(ctx, rule, "guest-ram")
    if problem is not None or entry is None:
        return problem  # type: ignore[return-value]
    value, unit = entry.fields["value"], entry.fields.get("unit") or "MB"
    factor = MB_PER_UNIT.get(unit.upper())
    if factor is None:
        return ctx.missing(rule, f"The RAM limit is given in {unit!r}, which this check does "
                           f"not convert: compare {memory} MB with {value} {unit} by hand.", entry,
                           basis)
    limit_mb = value * factor
    limit_text = f"{value} {unit}" + (f" ({limit_mb} MB)" if factor != 1 else "")
    if memory <= limit_mb:
        return ctx.finding(rule, "supported", f"{memory} MB of RAM is within the limit of "
                           f"{limit_text} per guest.", entry, basis)
    return ctx.finding(rule, "unsupported", f"{memory} MB of RAM is over the limit of "
                       f"{limit_text} per guest.", entry, basis)


def _block_devices(ctx: GuestContext) -> list[Finding]:
    """Emulated and virtio-blk counts. A disk whose bus is not given is a condition only if it
    could push a count over its limit. Floppy drives count as emulated, but whether the
    statement's "4 emulated" includes them is not stated (L99): where it decides, ask."""
    disks = ctx.get("disks")
    entry = ctx.look.limit("guest-block-emulated")
    if disks is None:
        return [ctx.missing("limits.block-devices", "The guest's disks are not given: confirm "
                            "the number of emulated and virtio-blk block devices is within the "
                            "limits.", entry, ctx.at("disks"), ask=disks_missing(ctx))]
    buses = [d.get("bus") for d in disks]
    unknown = [i for i, b in enumerate(buses) if b is None]
    floppies = [i for i, b in enumerate(buses) if b == FLOPPY_BUS]
    others = [i for i, b in enumerate(buses) if b not in (None, FLOPPY_BUS, PARAVIRTUAL_BUS)]
    virtio = [i for i, b in enumerate(buses) if b == PARAVIRTUAL_BUS]
    emulated = len(others) + len(floppies)
    basis = ctx.at(*(f"disks[{i}].bus" for i in range(len(disks)))) or ctx.at("disks")
    limit = entry.fields.get("value") if entry is not None else None

    def counts(extra: int, note: str = "") -> list[Finding]:
        return [_compare(ctx, "limits.block-emulated", "guest-block-emulated", emulated + extra,
                         "emulated block devices", basis, note),
                _compare(ctx, "limits.block-virtio", "guest-block-virtio", len(virtio) + extra,
                         "virtio-blk block devices", basis, note)]

    if unknown:
        which = words([f"disk {i + 1}" for i in unknown])
        worst = counts(len(unknown))
        if all(f.status == "supported" for f in worst):
            known = [f"{emulated} emulated" if emulated else "",
                     f"{len(virtio)} virtio-blk" if virtio else ""]
            known = [k for k in known if k]
            have = (f"{words(known)} and {plural(len(unknown), 'disks')} of unknown bus"
                    if known else plural(len(unknown), "disks"))
            most = (f"{_value(ctx, 'guest-block-emulated')} emulated and "
                    f"{_value(ctx, 'guest-block-virtio')} virtio-blk block devices")
            stay = "stays" if emulated + len(virtio) + len(unknown) == 1 else "stay"
            return [ctx.finding("limits.block-devices", "supported", f"{have} {stay} within the "
                                f"limits of {most} per guest, whatever the bus of {which}.",
                                entry, basis)]
        known = counts(0)
        if any(f.status == "unsupported" for f in known):
            return known
        return [ctx.missing("limits.block-devices", f"The bus of {which} is not given: "
                            "depending on it the guest may pass the limit of emulated or of "
                            "virtio-blk block devices; confirm both counts stay within the "
                            "limits.", entry, basis, part="bus")]
    found = counts(0)
    if floppies and limit is not None and len(others) <= limit < emulated:
        found[0] = ctx.missing(
            "limits.block-emulated", f"With its floppy drive{'s' * (len(floppies) > 1)} the "
            f"guest has {emulated} emulated block devices, {len(others)} without: whether the "
            f"statement's limit of {limit} emulated devices counts floppy (or CD-ROM) drives is "
            "not stated. Confirm with the statement's owner.", entry, basis, part="floppy",
            ask=ask(refuted=("unsupported", f"Counting floppy drives, the guest has {emulated} "
                             f"emulated block devices: over the limit of {limit}.")))
    return found


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
    basis = (*ctx.at("cpu_cores"), *(p for g in known for p in g.at("vcpus")))
    over = ("unsupported", f"All guests' vCPUs together exceed {ratio} x the host's CPU cores "
                           "(the customer says so): over the limit.")
    out: list[Finding] = []
    count = (f"{plural(total, 'vCPUs')} in {plural(len(known), 'guests')}" if known else
             "vCPUs of all guests")
    if cores is None:
        out.append(_cores_unknown(ctx, rule, entry, ratio, total, count, basis, over))
    else:
        limit = ratio * cores
        over_limit = total > limit
        verb = "are over" if over_limit else "are within"
        if total == 1:
            verb = "is over" if over_limit else "is within"
        if not over_limit and unknown:
            out.append(ctx.missing(rule, f"vCPUs are not given for {words(unknown)}: confirm "
                                   f"the {count} plus theirs stay within {ratio} x "
                                   f"{plural(cores, 'host cores')} = {limit} vCPUs.", entry,
                                   basis,
                                   ask=ask(refuted=over)))
        else:
            out.append(ctx.finding(rule, "unsupported" if over_limit else "supported",
                                   f"{count} together {verb} the limit of {ratio} x "
                                   f"{plural(cores, 'host cores')} = {limit} vCPUs.", entry,
                                   basis))
        overcommit = ctx.look.article("art-overcommit", "overcommit")
        if cores < total <= limit:
            out.append(ctx.advice("limits.cpu-overcommit", f"{plural(total, 'vCPUs')} on "
                                  f"{plural(cores, 'cores')} is CPU overcommit: supported, but "
                                  "it costs performance.", overcommit, basis))
    host_entry = ctx.look.limit("host-ram-cpu")
    if host_entry is not None and ctx.host:
        out.append(ctx.advice("limits.host-ram-cpu", host_entry.summary or host_entry.title,
                              host_entry))
    return out


def _cores_unknown(ctx: CaseContext, rule: str, entry: Entry, ratio: int, total: int,
                   count: str, basis: tuple[str, ...], over: tuple[str, str]) -> Finding:
    """No core count: ask, and where only logical CPUs (hyperthreads) are known, say so."""
    logical = ctx.host.get("logical_cpus")
    if logical is None:
        return ctx.missing(rule, f"The host's CPU cores are not given: confirm the {count} "
                           f"stay within {ratio} x host cores.", entry, basis,
                           ask=ask(refuted=over))
    fits = f"{ratio} x {logical} = {ratio * logical}"
    halved = max(logical // 2, 1)
    if total > ratio * logical:
        # Cores are never more than logical CPUs: over 8 x logical CPUs is over 8 x cores.
        return ctx.finding(rule, "unsupported", f"The {count} together are over the limit "
                           f"whatever the core count: the host has {logical} logical CPUs "
                           f"(hyperthreads included), so at most {logical} cores, and the limit "
                           f"is {ratio} x cores (L100), at most {fits} vCPUs.", entry,
                           (*basis, *ctx.at("logical_cpus")))
    return ctx.missing(rule, f"Only the host's logical CPUs are known ({logical}, hyperthreads "
                       f"included); the limit counts CPU cores (L100). Confirm the number of "
                       f"cores: the {count} must stay within {ratio} x cores ({fits} if every "
                       f"logical CPU is a core, {ratio} x {halved} = {ratio * halved} with two "
                       "threads per core).", entry, (*basis, *ctx.at("logical_cpus")),
                       ask=ask(refuted=over))
