"""Guest NICs: supported models (from `-net`'s `params_allowed["model"]`) and MAC addresses."""

from __future__ import annotations

from collections import defaultdict

from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.rules.base import (
    CaseContext,
    GuestContext,
    ask,
    no_entry,
    plural,
    words,
)
from kvmhelpdesk.triage.rules.groups import nics_missing

NET = "-net"
# Spellings of the same NIC model that engineers and tools use (qdev driver names, vendors).
MODEL_SPELLINGS = {"virtio-net-pci": "virtio", "virtio-net": "virtio", "realtek": "rtl8139",
                   "rtl-8139": "rtl8139"}


def normal_model(model: str) -> str:
    low = model.strip().lower()
    return MODEL_SPELLINGS.get(low, low)


def check_nics(ctx: GuestContext) -> list[Finding]:
    """Each NIC's model against the supported list; NICs without an explicit MAC."""
    nics = ctx.get("nics")
    if nics is None:
        return [ctx.missing("network.model", "The guest's NICs are not given: confirm their "
                            "models are supported and each has an explicit MAC address.",
                            ctx.look.option(NET), ctx.at("nics"), ask=nics_missing(ctx))]
    if not nics:
        return []
    return _models(ctx, nics) + _macs(ctx, nics)


def _models(ctx: GuestContext, nics: list[dict]) -> list[Finding]:
    entry = ctx.look.option(NET)
    allowed = ctx.look.params_allowed(NET, "model")
    if entry is None or allowed is None:
        return [ctx.missing("network.model", no_entry("option", f"{NET} model="), entry,
                            ctx.at("nics"))]
    out: list[Finding] = []
    models = words(allowed, "or")
    for index, nic in enumerate(nics):
        model = nic.get("model")
        what, part = f"NIC {index + 1}", f"nic{index + 1}"
        at = ctx.at(f"nics[{index}].model")
        if model is None:
            out.append(ctx.missing("network.model", f"{what}: the model is not given: confirm "
                                   f"it is {models}.", entry, at, part, ask=ask(
                                       "nic-model", f"{ctx.name} NIC {index + 1}",
                                       f"NIC model not given for {{who}}: confirm each is "
                                       f"{models}.", refuted=(
                                           "unsupported", f"{what} is of a model other than "
                                           f"{models} (the customer says so): not supported."))))
        elif normal_model(model) not in allowed:
            out.append(ctx.finding("network.model", "unsupported", f"{what}: NIC model "
                                   f"{model!r} is not supported: only {models}.", entry, at,
                                   part))
    if not out:
        names = sorted({normal_model(n["model"]) for n in nics})
        out.append(ctx.finding("network.model", "supported", f"{plural(len(nics), 'NICs')} of "
                               f"model {words(names)}, as supported.", entry,
                               ctx.at(*(f"nics[{i}].model" for i in range(len(nics))))))
    return out


def _macs(ctx: GuestContext, nics: list[dict]) -> list[Finding]:
    missing = [i for i, n in enumerate(nics) if not (n.get("mac") or "").strip()]
    if not missing:
        return []
    entry = ctx.look.article("art-mac-address", "mac")
    names = [f"NIC {i + 1}" for i in missing]
    return [ctx.missing(
        "network.mac", f"{words(names)} {'has' if len(missing) == 1 else 'have'} no explicit MAC "
        "address: qemu-kvm assigns a default one, and more than one such NIC on the same "
        "network segment causes networking problems. Set a unique MAC, or confirm no other "
        "such NIC shares the segment.", entry, ctx.at(*(f"nics[{i}].mac" for i in missing)),
        ask=ask("nic-mac", f"{ctx.name} ({words(names)})", "No explicit MAC address on {who}: "
                "qemu-kvm assigns such NICs a default MAC, and more than one such NIC on the "
                "same network segment causes networking problems. Set unique MACs, or confirm "
                "no two of them share a segment.", refuted=(
                    "advice", "NICs without an explicit MAC address share a network segment "
                    "(the customer says so): expect networking problems; give each NIC a "
                    "unique MAC address.")))]


def check_duplicate_macs(ctx: CaseContext) -> list[Finding]:
    """The same MAC on two NICs of the case is the clash the statement warns about."""
    seen: dict[str, list[str]] = defaultdict(list)
    paths: dict[str, list[str]] = defaultdict(list)
    for guest in ctx.guests:
        for index, nic in enumerate(guest.get("nics") or ()):
            mac = (nic.get("mac") or "").strip().lower()
            if mac:
                seen[mac].append(f"{guest.name} NIC {index + 1}")
                paths[mac] += guest.at(f"nics[{index}].mac")
    entry = ctx.look.article("art-mac-address", "mac")
    return [ctx.missing("network.duplicate-mac", f"MAC address {mac} is used by "
                        f"{words(users)}: on one network segment this breaks networking; give "
                        "each NIC a unique MAC or confirm they are on separate segments.", entry,
                        tuple(paths[mac]), part=mac, ask=ask(refuted=(
                            "advice", f"NICs with the same MAC address {mac} share a network "
                            "segment (the customer says so): this breaks networking; give each "
                            "NIC a unique MAC address.")))
            for mac, users in seen.items() if len(users) > 1]
