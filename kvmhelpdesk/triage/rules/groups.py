"""Conditions that several rules raise about one missing answer, worded once.

A guest without its disks makes both the storage rule and the block-device limit ask; the
verdict shows one line per missing answer ("Disks not given for web01, db01: ..."), so both
rules take their group and its wording from here.
"""

from __future__ import annotations

from kvmhelpdesk.triage.findings import Ask
from kvmhelpdesk.triage.rules.base import GuestContext, ask, words

DRIVE, NET = "-drive", "-net"


def _limit(ctx: GuestContext, quantity: str) -> str | None:
    entry = ctx.look.limit(quantity)
    value = entry.fields.get("value") if entry is not None else None
    return str(value) if value is not None else None


def disks_missing(ctx: GuestContext) -> Ask:
    look = ctx.look
    formats = words(look.params_allowed(DRIVE, "format") or ("raw",), "or")
    buses = words(look.params_allowed(DRIVE, "if") or (), "or")
    emulated, virtio = _limit(ctx, "guest-block-emulated"), _limit(ctx, "guest-block-virtio")
    counts = (f", at most {emulated} emulated and {virtio} virtio-blk per guest"
              if emulated and virtio else "")
    rule = f"{formats} on {buses}" if buses else formats
    return ask("disks", ctx.name, f"Disks not given for {{who}}: confirm each disk is {rule}"
               f"{counts}.", refuted=("unsupported", f"Not every disk of the guest is {rule}"
                                                     f"{counts} (the customer says so): not "
                                                     "supported."))


def nics_missing(ctx: GuestContext) -> Ask:
    models = words(ctx.look.params_allowed(NET, "model") or (), "or")
    most = _limit(ctx, "guest-nics")
    count = f"at most {most} per guest, " if most else ""
    return ask("nics", ctx.name, f"NICs not given for {{who}}: confirm {count}each of model "
               f"{models}.", refuted=("unsupported", f"Not every NIC of the guest meets the "
                                                     f"statement ({count}model {models}; the "
                                                     "customer says so): not supported."))
