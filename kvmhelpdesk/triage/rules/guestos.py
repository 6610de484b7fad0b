"""Guest Hardware Details: the guest OS row, bitness, minimum memory, and images created
before the release."""

from __future__ import annotations

from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.osmatch import OsMatch, match_os
from kvmhelpdesk.triage.rules.base import GuestContext

PRE_PREFIX = "pre-"  # case value `pre-<release id>`: created before that release


def match_guest(ctx: GuestContext, kb: KnowledgeBase) -> OsMatch:
    return match_os(ctx.get("os"), ctx.get("bits"), kb, ctx.look.release)


def check_guest_os(ctx: GuestContext) -> list[Finding]:
    """The row finding (its status is the guest's baseline) and what to confirm about it."""
    match = ctx.os
    if match is None:
        return []
    table = ctx.look.article("art-guest-os-table", "guest", "table")
    cite = match.entry or match.missed or table
    out = [ctx.finding("guestos.row", match.status, match.message, cite)]
    bits_entry = ctx.look.article("art-guest-bits-memory", "bits")
    out += [ctx.missing("guestos.confirm", text, bits_entry if "bit" in text else cite)
            for text in match.confirm]
    memory = ctx.get("memory_mb")
    if match.entry is not None and memory is not None:
        out.append(ctx.missing("guestos.memory-minimum", f"Confirm {memory} MB is at least the "
                               "minimum memory of a physical installation of this OS (assumed "
                               "for a supportable configuration).", bits_entry))
    return out


def check_created_with(ctx: GuestContext) -> list[Finding]:
    """Images from a release before this one are not assumed to be compatible."""
    look = ctx.look
    entry = look.article("art-pre-sp1-images", "pre", "images")
    value = ctx.get("created_with")
    current = look.kb.release(look.release)
    if value is None:
        return [ctx.missing("guestos.created-with", f"Where the guest image was created is not "
                            f"given: confirm it was created under {current.product} (older "
                            "images are not assumed to be compatible).", entry)]
    releases = look.kb.releases
    pre = value.startswith(PRE_PREFIX)
    made = releases.get(value[len(PRE_PREFIX):] if pre else value)
    if made is None:
        return [ctx.missing("guestos.created-with", f"The image was created with {value!r}, "
                            "which names no known release: confirm it is compatible.", entry)]
    if (made.order <= current.order) if pre else (made.order < current.order):
        when = f"before {made.product}" if pre else f"under {made.product}"
        return [ctx.finding("guestos.created-with", "unsupported", f"The guest image was created "
                            f"{when}: images from before {current.product} are not assumed to "
                            "be compatible; recreate the guest on this release.", entry)]
    return [ctx.finding("guestos.created-with", "supported", f"The guest image was created under "
                        f"{made.product}.", entry)]
