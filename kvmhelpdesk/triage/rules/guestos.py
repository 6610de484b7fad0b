"""Guest Hardware Details: the guest OS row, bitness, minimum memory, and images created
before the release."""

from __future__ import annotations

from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.triage.findings import CONDITION, UNLISTED, Ask, Finding
from kvmhelpdesk.triage.osmatch import OsMatch, match_os
from kvmhelpdesk.triage.rules.base import GuestContext, ask

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
    basis = ctx.at("os", "bits") if ctx.get("bits") is not None else ctx.at("os")
    if ctx.get("os") is None or not str(ctx.get("os")).strip():
        out = [ctx.missing("guestos.row", match.message, cite, ctx.at("os"), ask=ask(
            "os", ctx.name, "The guest operating system is not given for {who}: name each "
            "one and check it against the guest OS table."))]
    elif match.status == CONDITION:
        out = [ctx.missing("guestos.row", match.message, cite, basis, ask=_answers(ctx, match))]
    else:
        out = [ctx.finding("guestos.row", match.status, match.message, cite, basis)]
        if match.question:
            out.append(ctx.missing("guestos.row", match.question, cite, basis, part="which",
                                   ask=_answers(ctx, match)))
    bits_entry = ctx.look.article("art-guest-bits-memory", "bits")
    out += [ctx.missing("guestos.confirm", text, bits_entry if "bit" in text else cite, basis,
                        part=str(number + 1) if number else "")
            for number, text in enumerate(match.confirm)]
    memory = ctx.get("memory_mb")
    if match.entry is not None and memory is not None:
        out.append(ctx.missing(
            "guestos.memory-minimum", f"Confirm {memory} MB is at least the minimum memory of a "
            "physical installation of this OS (assumed for a supportable configuration).",
            bits_entry, ctx.at("memory_mb", "os"), ask=ask(
                "memory-minimum", f"{ctx.name} ({memory} MB)", "Confirm the memory of each "
                "guest is at least the minimum of a physical installation of its OS (assumed "
                "for a supportable configuration): {who}.", refuted=(
                    "unsupported", f"{memory} MB is below the minimum memory of a physical "
                    "installation of this OS (the customer says so): the statement assumes at "
                    "least that minimum for a supportable configuration."))))
    return out


def _answers(ctx: GuestContext, match: OsMatch) -> Ask | None:
    """What answering the OS question means: the OS text a confirmation (a refutation) stands
    for, judged by the rules like any answer, or the finding a refutation becomes."""
    path = ctx.at("os")[0]
    confirm = ((path, match.confirm_os),) if match.confirm_os else ()
    refute = ((path, match.refute_os),) if match.refute_os else ()
    if not confirm and not refute and match.refuted is None:
        return None
    return ask(confirm=confirm, refute=refute, refuted=match.refuted)


def check_created_with(ctx: GuestContext) -> list[Finding]:
    """Images from a release before this one are not assumed to be compatible: a condition
    with the advice to reproduce on a guest created under this release (not a verdict)."""
    look = ctx.look
    entry = look.article("art-pre-sp1-images", "pre", "images")
    value = ctx.get("created_with")
    current = look.kb.release(look.release)
    basis = ctx.at("created_with")
    if value is None:
        return [ctx.missing(
            "guestos.created-with", f"Where the guest image was created is not given: confirm "
            f"it was created under {current.product} (older images are not assumed to be "
            "compatible).", entry, basis, ask=ask(
                "created-with", ctx.name, f"Where the images of {{who}} were created is not "
                f"given: confirm each was created under {current.product} (images from "
                "older releases are not assumed to be compatible).",
                confirm=((basis[0], current.id),),
                refute=((basis[0], f"{PRE_PREFIX}{current.id}"),)))]
    releases = look.kb.releases
    pre = value.startswith(PRE_PREFIX)
    made = releases.get(value[len(PRE_PREFIX):] if pre else value)
    if made is None:
        return [ctx.missing("guestos.created-with", f"The image was created with {value!r}, "
                            "which names no known release: confirm it is compatible.", entry,
                            basis)]
    if (made.order <= current.order) if pre else (made.order < current.order):
        when = f"before {made.product}" if pre else f"under {made.product}"
        return [ctx.missing(
            "guestos.created-with", f"The guest image was created {when}: images from before "
            f"{current.product} are not assumed to be compatible (the statement says no more). "
            f"Reproduce the problem on a guest created under {current.product} before relying "
            "on this verdict.", entry, basis, part="older", ask=ask(refuted=(
                UNLISTED, f"The problem has not been reproduced on a guest created under "
                f"{current.product} (the customer says so): it is seen only with an image "
                f"created {when}, and of such images the statement says only that they are not "
                f"assumed to be compatible with {current.product}'s kvm (L66). It gives them no "
                "support status either way: needs review (the image, not kvm, may be the "
                "cause).")))]
    return [ctx.finding("guestos.created-with", "supported", f"The guest image was created under "
                        f"{made.product}.", entry, basis)]
