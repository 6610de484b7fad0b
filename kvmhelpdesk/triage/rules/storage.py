"""Guest storage: raw-only disk formats, the allowed disk buses, snapshot off, storage kinds.

Allowed and refused values come from the `-drive` option entry (`params_allowed` /
`params_refused` for `if`, `format` and `snapshot`).
"""

from __future__ import annotations

from kvmhelpdesk.kb import Entry
from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.rules.base import GuestContext, ask, no_entry, plural, words
from kvmhelpdesk.triage.rules.groups import disks_missing

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
                            "disk is raw and on a supported bus.", drive, ctx.at("disks"),
                            ask=disks_missing(ctx))]
    if drive is None:
        return [ctx.missing("storage.format", no_entry("option", DRIVE), None,
                            ctx.at("disks"))] if disks else []
    out: list[Finding] = []
    for index, disk in enumerate(disks):
        out += _disk(ctx, drive, index, disk)
    if disks and not out:
        formats = sorted({d["format"] for d in disks})
        buses = sorted({d["bus"] for d in disks})
        basis = ctx.at(*(f"disks[{i}].{k}" for i in range(len(disks))
                         for k in ("bus", "format")))
        out.append(ctx.finding("storage.disks", "supported", f"{plural(len(disks), 'disks')}: "
                               f"format {words(formats)} on bus {words(buses)}, as supported.",
                               drive, basis))
    return out


def _judge(values: tuple[str, ...] | None, refused: tuple[str, ...], value: str) -> str | None:
    """None if `value` is allowed; else how it fails ("refused by name" / "not supported")."""
    if values is None or value in values:
        return None
    return "refused by name" if value in refused else "not among the supported values"


def _disk(ctx: GuestContext, drive: Entry, index: int, disk: dict) -> list[Finding]:
    look, out = ctx.look, []
    what, part = f"Disk {index + 1}", f"disk{index + 1}"
    who = f"{ctx.name} disk {index + 1}"
    buses = look.params_allowed(DRIVE, "if")
    bus = disk.get("bus")
    at = ctx.at(f"disks[{index}].bus")
    if bus is None:
        allowed = words(buses or (), "or")
        out.append(ctx.missing("storage.bus", f"{what}: the bus is not given: confirm it is "
                               f"{allowed}.", drive, at, part, ask=ask(
                                   "disk-bus", who, f"Disk bus not given for {{who}}: confirm "
                                   f"each is {allowed}.", refuted=(
                                       "unsupported", f"{what} is on a bus other than {allowed} "
                                       "(the customer says so): not supported."))))
    else:
        why = _judge(buses, look.params_refused(DRIVE, "if"), bus)
        if why:
            out.append(ctx.finding("storage.bus", "unsupported", f"{what}: bus {bus!r} is not "
                                   f"supported ({why}; supported: {words(buses or (), 'or')}).",
                                   drive, at, part))
    formats = look.params_allowed(DRIVE, "format")
    fmt = disk.get("format")
    at = ctx.at(f"disks[{index}].format")
    if fmt is None:
        allowed = words(formats or (), "or")
        out.append(ctx.missing("storage.format", f"{what}: the image format is not given: "
                               f"confirm it is {allowed}.", drive, at, part, ask=ask(
                                   "disk-format", who, f"Disk image format not given for "
                                   f"{{who}}: confirm each is {allowed}.", refuted=(
                                       "unsupported", f"{what} is not a {allowed} image (the "
                                       f"customer says so): only {allowed} disk images may be "
                                       "used."))))
    else:
        why = _judge(formats, look.params_refused(DRIVE, "format"), fmt)
        if why:
            out.append(ctx.finding("storage.format", "unsupported", f"{what}: format {fmt!r} "
                                   f"is not supported: only {words(formats or (), 'or')} disk "
                                   "images may be used.", drive, at, part))
    if disk.get("snapshot") is not None:
        allowed = look.params_allowed(DRIVE, "snapshot")
        value = "on" if disk["snapshot"] else "off"
        why = _judge(allowed, look.params_refused(DRIVE, "snapshot"), value)
        if why:
            out.append(ctx.finding("storage.snapshot", "unsupported", f"{what}: snapshot={value} "
                                   f"is not supported ({why}; supported: "
                                   f"snapshot={words(allowed or (), 'or')}).", drive,
                                   ctx.at(f"disks[{index}].snapshot"), part))
    storage = disk.get("storage")
    if storage is not None and storage.lower() not in RAW_STORAGE:
        raw = ctx.look.article("art-raw-storage", "raw", "storage")
        out.append(ctx.missing("storage.kind", f"{what}: storage {storage!r} is not one the "
                               "statement names: confirm the image is a raw image file, a "
                               "logical volume, a physical partition or a physical disk (iSCSI "
                               "and virt-manager managed storage are included).", raw,
                               ctx.at(f"disks[{index}].storage"), part, ask=ask(refuted=(
                                   "unsupported", f"{what} is on storage {storage!r}, none of "
                                   "the kinds the statement allows (the customer says so): not "
                                   "supported."))))
    return out
