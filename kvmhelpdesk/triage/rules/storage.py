"""Guest storage: raw-only disk formats, the allowed disk buses, snapshot off, storage kinds.

Allowed and refused values come from the `-drive` option entry (`params_allowed` /
`params_refused` for `if`, `format` and `snapshot`).
"""

from __future__ import annotations

from kvmhelpdesk.kb import Entry
from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.rules.base import GuestContext, no_entry, words

DRIVE = "-drive"
# Storage the statement names as usable for raw disks (art-raw-storage is prose only):
# image files, logical volumes, partitions, whole disks; iSCSI is named as included.
RAW_STORAGE = frozenset({"file", "lvm", "partition", "disk", "iscsi"})


def check_disks(ctx: GuestContext) -> list[Finding]:
    """Each disk's bus, format, snapshot and storage kind; one summary when all are fine."""
    disks = ctx.get("disks")
    drive = ctx.look.option(DRIVE)
    if disks is None:
        return [ctx.missing("storage.format", "The guest's disks are not given: confirm every "
                            "disk is raw and on a supported bus.", drive)]
    if drive is None:
        return [ctx.missing("storage.format", no_entry("option", DRIVE), None)] if disks else []
    out: list[Finding] = []
    for index, disk in enumerate(disks):
        out += _disk(ctx, drive, f"Disk {index + 1}", disk)
    if disks and not out:
        formats = sorted({d["format"] for d in disks})
        buses = sorted({d["bus"] for d in disks})
        out.append(ctx.finding("storage.disks", "supported", f"{len(disks)} disk(s): format "
                               f"{words(formats)} on bus {words(buses)}, as supported.", drive))
    return out


def _judge(values: tuple[str, ...] | None, refused: tuple[str, ...], value: str) -> str | None:
    """None if `value` is allowed; else how it fails ("refused by name" / "not supported")."""
    if values is None or value in values:
        return None
    return "refused by name" if value in refused else "not among the supported values"


def _disk(ctx: GuestContext, drive: Entry, what: str, disk: dict) -> list[Finding]:
    look, out = ctx.look, []
    buses = look.params_allowed(DRIVE, "if")
    bus = disk.get("bus")
    if bus is None:
        out.append(ctx.missing("storage.bus", f"{what}: the bus is not given: confirm it is "
                               f"{words(buses or (), 'or')}.", drive))
    else:
        why = _judge(buses, look.params_refused(DRIVE, "if"), bus)
        if why:
            out.append(ctx.finding("storage.bus", "unsupported", f"{what}: bus {bus!r} is not "
                                   f"supported ({why}; supported: {words(buses or (), 'or')}).",
                                   drive))
    formats = look.params_allowed(DRIVE, "format")
    fmt = disk.get("format")
    if fmt is None:
        out.append(ctx.missing("storage.format", f"{what}: the image format is not given: "
                               f"confirm it is {words(formats or (), 'or')}.", drive))
    else:
        why = _judge(formats, look.params_refused(DRIVE, "format"), fmt)
        if why:
            out.append(ctx.finding("storage.format", "unsupported", f"{what}: format {fmt!r} "
                                   f"is not supported: only {words(formats or (), 'or')} disk "
                                   "images may be used.", drive))
    if disk.get("snapshot") is not None:
        allowed = look.params_allowed(DRIVE, "snapshot")
        value = "on" if disk["snapshot"] else "off"
        why = _judge(allowed, look.params_refused(DRIVE, "snapshot"), value)
        if why:
            out.append(ctx.finding("storage.snapshot", "unsupported", f"{what}: snapshot={value} "
                                   f"is not supported ({why}; supported: "
                                   f"snapshot={words(allowed or (), 'or')}).", drive))
    storage = disk.get("storage")
    if storage is not None and storage.lower() not in RAW_STORAGE:
        raw = ctx.look.article("art-raw-storage", "raw", "storage")
        out.append(ctx.missing("storage.kind", f"{what}: storage {storage!r} is not one the "
                               "statement names: confirm the guest sees a raw image file, a "
                               "logical volume, a partition or a whole disk (iSCSI and "
                               "virt-manager managed storage count).", raw))
    return out
