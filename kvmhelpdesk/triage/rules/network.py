"""Guest NICs: supported models (from `-net`'s `params_allowed["model"]`) and MAC addresses."""

from __future__ import annotations

from collections import defaultdict

from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.rules.base import CaseContext, GuestContext, no_entry, words

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
                            ctx.look.option(NET))]
    if not nics:
        return []
    return _models(ctx, nics) + _macs(ctx, nics)


def _models(ctx: GuestContext, nics: list[dict]) -> list[Finding]:
    entry = ctx.look.option(NET)
    allowed = ctx.look.params_allowed(NET, "model")
    if entry is None or allowed is None:
        return [ctx.missing("network.model", no_entry("option", f"{NET} model="), entry)]
    out: list[Finding] = []
    for index, nic in enumerate(nics):
        model = nic.get("model")
        what = f"NIC {index + 1}"
        if model is None:
            out.append(ctx.missing("network.model", f"{what}: the model is not given: confirm "
                                   f"it is {words(allowed, 'or')}.", entry))
        elif normal_model(model) not in allowed:
            out.append(ctx.finding("network.model", "unsupported", f"{what}: NIC model "
                                   f"{model!r} is not supported: only {words(allowed, 'or')}.",
                                   entry))
    if not out:
        models = sorted({normal_model(n["model"]) for n in nics})
        out.append(ctx.finding("network.model", "supported", f"{len(nics)} NIC(s) of model "
                               f"{words(models)}, as supported.", entry))
    return out


def _macs(ctx: GuestContext, nics: list[dict]) -> list[Finding]:
    missing = [f"NIC {i + 1}" for i, n in enumerate(nics) if not (n.get("mac") or "").strip()]
    if not missing:
        return []
    entry = ctx.look.article("art-mac-address", "mac")
    return [ctx.missing("network.mac", f"{words(missing)} {'has' if len(missing) == 1 else 'have'}"
                        " no explicit MAC address: qemu-kvm then assigns a default one, and two "
                        "such NICs on the same network segment break networking. Set a unique "
                        "MAC, or confirm no other such NIC shares the segment.", entry)]


def check_duplicate_macs(ctx: CaseContext) -> list[Finding]:
    """The same MAC on two NICs of the case is the clash the statement warns about."""
    seen: dict[str, list[str]] = defaultdict(list)
    for guest in ctx.guests:
        for index, nic in enumerate(guest.get("nics") or ()):
            mac = (nic.get("mac") or "").strip().lower()
            if mac:
                seen[mac].append(f"{guest.name} NIC {index + 1}")
    entry = ctx.look.article("art-mac-address", "mac")
    return [ctx.missing("network.duplicate-mac", f"MAC address {mac} is used by "
                        f"{words(users)}: on one network segment this breaks networking; give "
                        "each NIC a unique MAC or confirm they are on separate segments.", entry)
            for mac, users in seen.items() if len(users) > 1]
