"""General and Other KVM Features: each feature's status from its entry, plus the prerequisites
the statement attaches (migration, PCI passthrough, ballooning, power management, ...)."""

from __future__ import annotations

import re

from kvmhelpdesk.kb import Entry
from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.rules.base import (
    CaseContext,
    GuestContext,
    ask,
    label,
    no_entry,
    status_of,
    words,
)

# Live-migration prerequisites: case key -> what it means (the entry's restrictions, in order).
MIGRATION_CHECKS = (
    ("same_host_type", "source and target hosts are essentially the same type of machine"),
    ("shared_storage", "the guest's storage is shared between both hosts"),
    ("timekeeping_controlled", "the guest's timekeeping is properly controlled"),
    ("compatible_definition", "the guest definition is compatible on source and target"),
)
PHYSICAL_DEVICES = ("pci-passthrough", "usb-host")
INTEL_IOMMU_FALLBACK = "intel_iommu=on"


def uses_passthrough(guest: GuestContext) -> bool:
    return "pci-passthrough" in (guest.get("features") or ()) or \
        "pci-passthrough" in (guest.get("devices") or ())


def check_guest_features(ctx: GuestContext) -> list[Finding]:
    """Each feature the guest uses, with the restrictions that come with it."""
    out: list[Finding] = []
    features = list(ctx.get("features") or ())
    if "pci-passthrough" in (ctx.get("devices") or ()) and "pci-passthrough" not in features:
        features.append("pci-passthrough")
    for word in features:
        entry = ctx.look.feature(word)
        basis = ctx.at("features") if word in (ctx.get("features") or ()) else ctx.at("devices")
        if entry is None:
            out.append(ctx.missing(f"features.{word}", no_entry("feature", word), None, basis))
            continue
        special = {"live-migration": _migration, "ballooning": _ballooning, "ksm": _ksm}.get(word)
        if special is not None:
            out += special(ctx, entry)
        else:
            status = status_of(entry)
            note = " (host prerequisites: see the host findings)" \
                if word == "pci-passthrough" else ""
            out.append(ctx.finding(f"features.{word}", status, f"The guest uses {entry.title}: "
                                   f"{label(status)}.{note}", entry, basis))
    return out


def _migration(ctx: GuestContext, entry: Entry) -> list[Finding]:
    rule, answers = "features.live-migration", ctx.get("migration") or {}
    failed = [text for key, text in MIGRATION_CHECKS if answers.get(key) is False]
    unknown = [(key, text) for key, text in MIGRATION_CHECKS if answers.get(key) is None]
    physical = [d for d in (ctx.get("devices") or ()) if d in PHYSICAL_DEVICES]
    if "pci-passthrough" in (ctx.get("features") or ()) and "pci-passthrough" not in physical:
        physical.append("pci-passthrough")
    at = ctx.at(*(f"migration.{key}" for key, _ in MIGRATION_CHECKS))
    out: list[Finding] = []
    if failed:
        out.append(ctx.finding(rule, "unsupported", "Live migration is not supported here: "
                               f"not met: {'; '.join(failed)}.", entry, at, "failed"))
    if physical:
        out.append(ctx.finding(rule, "unsupported", "Live migration of a guest with physical "
                               f"devices ({words(physical)}) is not supported.", entry,
                               ctx.at("features", "devices"), "physical"))
    if unknown:
        confirm = tuple((ctx.at(f"migration.{key}")[0], True) for key, _ in unknown)
        refute = tuple((path, False) for path, _ in confirm)
        out.append(ctx.missing(rule, f"Live migration: confirm that "
                               f"{'; '.join(t for _, t in unknown)}.", entry,
                               tuple(p for p, _ in confirm), "confirm",
                               ask=ask(confirm=confirm, refute=refute)))
    if not out:
        out.append(ctx.finding(rule, status_of(entry), "Live migration: all prerequisites are "
                               "met (same host type, shared storage, controlled timekeeping, "
                               "compatible definition, no physical devices).", entry, at))
    return out


def _ballooning(ctx: GuestContext, entry: Entry) -> list[Finding]:
    rule, driver = "features.ballooning", ctx.get("balloon_driver")
    basis = ctx.at("balloon_driver")
    if driver is None:
        return [ctx.missing(rule, "Memory ballooning: confirm a balloon driver runs in the "
                            "guest (required).", entry, basis, ask=ask(
                                "balloon", ctx.name, "Memory ballooning in {who}: confirm a "
                                "balloon driver runs in each (required).",
                                confirm=((basis[0], True),), refute=((basis[0], False),)))]
    if driver:
        return [ctx.finding(rule, status_of(entry), "Memory ballooning with a balloon driver "
                            "in the guest.", entry, basis)]
    return [ctx.finding(rule, "unsupported", "Memory ballooning without a balloon driver in the "
                        "guest is not supported: the driver is required.", entry, basis)]


def _ksm(ctx: GuestContext, entry: Entry) -> list[Finding]:
    out = [ctx.finding("features.ksm", status_of(entry), f"The guest relies on KSM: "
                       f"{label(status_of(entry))}.", entry, ctx.at("features"))]
    if ctx.case.host.get("ksm") is False:
        out.append(ctx.advice("features.ksm", "The guest relies on KSM, but KSM is off on the "
                              "host: it shares no memory until KSM is turned on.", entry,
                              (*ctx.at("features"), *ctx.case.at("ksm")), "host-off"))
    return out


def check_host_features(ctx: CaseContext) -> list[Finding]:
    """Host-side features: PCI passthrough prerequisites, KSM, NUMA, suspend, power, modules."""
    out = _passthrough_host(ctx)
    out += _ksm_host(ctx)
    out += _numa(ctx)
    out.append(_suspend(ctx))
    out += _power(ctx)
    out.append(_module_parameters(ctx))
    return out


def _intel_parameter(entry: Entry) -> str:
    """The kernel parameter VT-d needs, as the entry quotes it."""
    for text in (*entry.restrictions, entry.body):
        found = re.search(r"intel_iommu=\w+", text)
        if found:
            return found.group(0)
    return INTEL_IOMMU_FALLBACK


def _passthrough_host(ctx: CaseContext) -> list[Finding]:
    users = [g for g in ctx.guests if uses_passthrough(g)]
    if not users:
        return []
    rule, entry = "features.pci-passthrough", ctx.look.feature("pci-passthrough")
    used = tuple(p for g in users for p in g.at("features"))
    if entry is None:
        return [ctx.missing(rule, no_entry("feature", "pci-passthrough"), None, used)]
    who = f"PCI passthrough (used by {words([g.name for g in users])})"
    iommu, vendor = ctx.host.get("iommu"), ctx.host.get("cpu_vendor")
    out: list[Finding] = []
    if iommu is None:
        out.append(ctx.missing(rule, f"{who}: confirm an AMD IOMMU or Intel VT-d is present and "
                               "enabled in the BIOS.", entry, (*ctx.at("iommu"), *used), "iommu",
                               ask=ask(confirm=(("host.iommu", "enabled"),), refuted=(
                                   "unsupported", f"{who} needs an AMD IOMMU or Intel VT-d "
                                   "enabled in the BIOS, which the customer says it is not."))))
    elif iommu != "enabled":
        out.append(ctx.finding(rule, "unsupported", f"{who} needs an AMD IOMMU or Intel VT-d "
                               f"enabled in the BIOS, but the IOMMU is {iommu}.", entry,
                               (*ctx.at("iommu"), *used), "iommu"))
    param = _intel_parameter(entry)
    cmdline = ctx.host.get("kernel_cmdline")
    needs_param = ("unsupported", f"{who}: {param} is not on the host kernel command line (the "
                                  "customer says so); it is mandatory for Intel VT-d.")
    if vendor is None:
        out.append(ctx.missing(rule, f"{who}: the CPU vendor is not given; on Intel (VT-d) the "
                               f"host kernel parameter {param} is mandatory: confirm.", entry,
                               (*ctx.at("cpu_vendor"), *used), "vendor",
                               ask=ask(refuted=needs_param)))
    elif vendor == "intel":
        if cmdline is None:
            out.append(ctx.missing(rule, f"{who}: the host kernel command line is not given; "
                                   f"confirm it has {param} (mandatory for VT-d).", entry,
                                   (*ctx.at("kernel_cmdline"), *used), "cmdline",
                                   ask=ask(refuted=needs_param)))
        elif param not in cmdline.split():
            out.append(ctx.finding(rule, "unsupported", f"{who}: {param} is missing from the "
                                   "host kernel command line; it is mandatory for Intel VT-d.",
                                   entry, (*ctx.at("kernel_cmdline", "cpu_vendor"), *used),
                                   "cmdline"))
    if not out:
        out.append(ctx.finding(rule, status_of(entry), f"{who}: IOMMU enabled"
                               + (f" and {param} set" if vendor == "intel" else "") + ".", entry,
                               (*ctx.at("iommu", "cpu_vendor", "kernel_cmdline"), *used)))
    return out


def _ksm_host(ctx: CaseContext) -> list[Finding]:
    if not ctx.host.get("ksm"):
        return []
    entry = ctx.look.feature("ksm")
    out = [ctx.finding("features.ksm", status_of(entry), "KSM (kernel samepage merging) is "
                       f"enabled on the host: {label(status_of(entry))}.", entry, ctx.at("ksm"))]
    out.append(ctx.advice("features.overcommit", "KSM invites memory overcommit: allowed, but if "
                          "guests really use more memory than the host has, they fail hard.",
                          ctx.look.article("art-overcommit", "overcommit"), ctx.at("ksm")))
    return out


def _numa(ctx: CaseContext) -> list[Finding]:
    nodes = ctx.host.get("numa_nodes")
    if not nodes or nodes < 2:
        return []
    entry = ctx.look.feature("numa")
    return [ctx.finding("features.numa", status_of(entry), f"The host has {nodes} NUMA nodes: "
                        f"{label(status_of(entry))}.", entry, ctx.at("numa_nodes")),
            ctx.advice("features.numa", "Pin each guest's qemu-kvm process to a NUMA node with "
                       "numactl (recommended).", entry, ctx.at("numa_nodes"))]


def _suspend(ctx: CaseContext) -> Finding:
    rule, entry, value = "features.host-suspend", ctx.look.feature("host-suspend"), \
        ctx.host.get("suspend_with_guests")
    basis = ctx.at("suspend_with_guests")
    if value is None:
        return ctx.missing(rule, "Confirm the host is not suspended or hibernated while guests "
                           "are running (not supported).", entry, basis,
                           ask=ask(confirm=((basis[0], False),), refute=((basis[0], True),)))
    if value:
        return ctx.finding(rule, status_of(entry, "unsupported"), "The host is suspended or "
                           "hibernated with guests running: not supported (stop the guests "
                           "first).", entry, basis)
    return ctx.finding(rule, "supported", "The host is not suspended or hibernated with guests "
                       "running.", entry, basis)


def _power(ctx: CaseContext) -> list[Finding]:
    """Power-state changes with guests running need a *properly functioning* constant_tsc
    machine (kvm-supported.txt L195-199); guest timekeeping depends on it (L57-59, L265).

    The case's `constant_tsc` is the CPU flag (/proc/cpuinfo), which does not show that the
    TSC functions properly: with the flag, changes that happen (or are not given) are a
    condition to confirm, never plainly supported. One answer, one judgement.
    """
    rule, entry = "features.power-management", ctx.look.feature("power-management")
    changes, tsc = ctx.host.get("power_changes_with_guests"), ctx.host.get("constant_tsc")
    tsc_at, changes_at = ctx.at("constant_tsc"), ctx.at("power_changes_with_guests")
    basis = (*changes_at, *tsc_at)
    status = status_of(entry)
    not_met = ("unsupported", "Host power states change while guests run, and the host is not "
                              "a properly functioning constant_tsc machine (the customer says "
                              "so): not supported (L199).")
    proper = (status, "Host power-state changes with guests running: the host is a properly "
                      "functioning constant_tsc machine (the customer says so), as required "
                      "(L199).")
    if changes is False:
        return []
    if tsc is True:
        if changes is None:
            return [ctx.missing(
                rule, "Whether host power states change while guests run is not given. If "
                "they do, the statement requires a properly functioning constant_tsc machine "
                "(L199): the CPU reports constant_tsc, but the flag alone does not show that "
                "the TSC stays constant, and guest timekeeping depends on it. Confirm host "
                "power states do not change while guests run.", entry, basis,
                ask=ask(confirm=((changes_at[0], False),), refute=((changes_at[0], True),)))]
        return [ctx.missing(
            rule, "Host power states change while guests run: the statement requires a properly "
            "functioning constant_tsc machine (L199). The CPU reports constant_tsc; confirm the "
            "TSC stays constant across those changes (the flag alone does not show it).", entry,
            basis, part="tsc", ask=ask(confirmed=proper, refuted=not_met))]
    if changes is None:
        how = ("the host is not a constant_tsc machine, so they would not be supported" if
               tsc is False else "if they do, a properly functioning constant_tsc machine is "
               "required (L199)")
        return [ctx.missing(rule, f"Confirm whether host power states change while guests run; "
                            f"{how}.", entry, basis,
                            ask=ask(confirm=((changes_at[0], False),), refuted=not_met)
                            if tsc is False else ask(refuted=not_met))]
    if tsc is None:
        return [ctx.missing(rule, "Host power states change while guests run: confirm the host "
                            "is a properly functioning constant_tsc machine (required, L199).",
                            entry, basis, ask=ask(confirmed=proper, refuted=not_met))]
    return [ctx.finding(rule, "unsupported", "Host power states change while guests run, but "
                        "the host is not a constant_tsc machine (required, L199).", entry,
                        basis)]


def _module_parameters(ctx: CaseContext) -> Finding:
    rule, entry = "features.kvm-module-parameters", ctx.look.feature("kvm-module-parameters")
    value = ctx.host.get("kvm_module_parameters")
    basis = ctx.at("kvm_module_parameters")
    if value is None:
        return ctx.missing(rule, "Confirm the kvm kernel modules run with default parameters "
                           "(custom ones are unsupported unless Novell support directed them).",
                           entry, basis, ask=ask(confirm=((basis[0], "default"),),
                                                 refute=((basis[0], "custom"),)))
    if value == "default":
        return ctx.finding(rule, "supported", "The kvm modules run with default parameters.",
                           entry, basis)
    if value == "support-directed":
        return ctx.missing(rule, "Custom kvm module parameters set under the direction of "
                           "support personnel: confirm and record who directed them.", entry,
                           basis, ask=ask(refute=((basis[0], "custom"),)))
    return ctx.finding(rule, status_of(entry, "unsupported"), "Custom kvm module parameters "
                       "are not supported unless support personnel directed them.", entry,
                       basis)
