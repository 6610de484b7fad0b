"""KVM Host Configuration: the host's own release, architecture, hardware virtualization and
the kvm modules."""

from __future__ import annotations

from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.osmatch import FAMILY_NAMES, ParsedOs, parse_os, sle_unspecified
from kvmhelpdesk.triage.rules.base import CaseContext, ask, status_of

# The statement's host architecture, in the spellings engineers use for it. The knowledge base
# records it only as prose (art-host-arch), so the word itself lives here, cited to that entry.
SUPPORTED_ARCH = "x86_64"
ARCH_SPELLINGS = frozenset({"x86_64", "x86-64", "amd64", "x64", "intel64", "em64t"})
QEMU_ONLY = ("guests would run in qemu-only (emulation) mode, which is not supported")


def check_host(ctx: CaseContext) -> list[Finding]:
    """Release, architecture, hardware virtualization, kvm modules (else qemu-only mode)."""
    return [_release(ctx), _arch(ctx), *_hardware_virtualization(ctx), _modules(ctx)]


def _same_product(host: ParsedOs, product: ParsedOs) -> bool:
    return (host.family, host.version, host.service_pack or 0) == \
        (product.family, product.version, product.service_pack or 0)


def _release_name(found: ParsedOs, text: str, family: str | None = None) -> str:
    """`SLES 11 SP2`, `SLED 11 GA`, `SLE 11 SP2`; any other text as given."""
    family = family or found.family
    if family not in ("sles", "sled", "sle") or found.version is None:
        return text.strip()
    name = "SLE" if family == "sle" else FAMILY_NAMES[family]
    pack = "" if found.service_pack is None else \
        " GA" if found.service_pack == 0 else f" SP{found.service_pack}"
    return f"{name} {found.version}{pack}"


def _is_ga_of(found: ParsedOs, wanted: ParsedOs) -> bool:
    """The first release (GA) of the statement's own version: SLES 11 GA for SLES 11 SP1."""
    return found.family == wanted.family and found.version == wanted.version \
        and found.service_pack == 0 and (wanted.service_pack or 0) > 0


def _ga_note(wanted: ParsedOs) -> str:
    """What the statement says of its version's first release (L5), for a release left open."""
    if wanted.family != "sles" or not wanted.service_pack:
        return ""
    return (f" (in {FAMILY_NAMES['sles']} {wanted.version} GA kvm was a technical preview, L5; "
            "other service packs have statements of their own)")


def _release(ctx: CaseContext) -> Finding:
    """The whole statement applies to hosts of its own product and service pack only
    (kvm-supported.txt L5-9, L23). Another release or service pack is a finding naming the
    statement that applies; SLES 11 GA is what L5 says of it (kvm a technical preview)."""
    rule, entry = "host.os", ctx.look.article("art-overview", "overview")
    current = ctx.look.kb.release(ctx.look.release)
    product = current.product
    text = ctx.host.get("os")
    basis = ctx.at("os")
    not_it = ("unsupported", f"The host does not run {product} (the customer says so): this "
                             f"statement covers {product} hosts only; the support statement of "
                             "the host's own release applies.")
    confirm_it = ask(confirm=(("host.os", product),), refuted=not_it)
    if text is None or not text.strip():
        return ctx.missing(rule, f"The host's release is not given: confirm the host runs "
                           f"{product}; this statement covers {product} hosts only.", entry,
                           basis, ask=confirm_it)
    wanted, found = parse_os(product), parse_os(text)
    if found.family is None and found.other is None:
        return ctx.missing(rule, f"'{text}' names no release this check recognises: confirm "
                           f"the host runs {product}; this statement covers {product} hosts "
                           "only.", entry, basis, ask=ask(refuted=not_it))
    server = FAMILY_NAMES.get(wanted.family or "", "")
    if found.family == wanted.family and sle_unspecified(text):
        same_version = found.version == wanted.version
        if same_version and found.service_pack is None:
            return ctx.missing(rule, f"'{text}' says neither Server nor Desktop nor the service "
                               f"pack, so which statement applies is open: this one covers "
                               f"{product} hosts only{_ga_note(wanted)}. Confirm the host runs "
                               f"{product}.", entry, basis, ask=confirm_it)
        if same_version and (found.service_pack or 0) == (wanted.service_pack or 0):
            return ctx.missing(rule, f"'{text}' does not say Server or Desktop: this statement "
                               f"covers {product} hosts only; confirm the host runs {product}, "
                               f"the Server product ({server}).", entry, basis, ask=confirm_it)
        return _other_release(ctx, text, found, wanted, unspecified=True)
    if found.family == wanted.family and found.version == wanted.version \
            and found.service_pack is None and (wanted.service_pack or 0) > 0:
        return ctx.missing(rule, f"'{text}' gives no service pack: this statement covers "
                           f"{product} hosts only{_ga_note(wanted)}; confirm the service pack.",
                           entry, basis, ask=confirm_it)
    if _same_product(found, wanted):
        return ctx.finding(rule, "supported", f"The host runs {text}, the release this "
                           f"statement covers ({product}).", entry, basis)
    return _other_release(ctx, text, found, wanted)


def _other_release(ctx: CaseContext, text: str, found: ParsedOs, wanted: ParsedOs,
                   unspecified: bool = False) -> Finding:
    """Another release or service pack: which statement applies, and what this one says."""
    rule, entry = "host.os", ctx.look.article("art-overview", "overview")
    current = ctx.look.kb.release(ctx.look.release)
    product = current.product
    basis = ctx.at("os")
    name = _release_name(found, text, "sle" if unspecified else None)
    shown = text.strip() if name == text.strip() else f"{text.strip()} ({name})"
    other = next((r for r in ctx.look.kb.releases.values()
                  if r.id != current.id and _same_product(found, parse_os(r.product))), None)
    if other is not None:
        applies = f"check the case against release {other.id} ({other.title}) instead"
    elif found.family not in ("sles", "sled"):
        applies = "it is not a SUSE Linux Enterprise release: its vendor's own support terms " \
                  "apply"
    else:
        whose = name
        if unspecified:
            whose = (f"{_release_name(found, text, 'sles')} or "
                     f"{_release_name(found, text, 'sled')} (whichever the host runs)")
        applies = (f"the KVM support statement of {whose} applies, which this knowledge base "
                   "does not hold")
    head = f"The host runs {shown}, not {product}. This statement covers {product} hosts only"
    if _is_ga_of(found, wanted):
        ga = f"{FAMILY_NAMES[wanted.family or 'sles']} {wanted.version} GA"
        if unspecified:
            return ctx.finding(rule, "unsupported", f"{head}. Of {ga} it says only that kvm was "
                               "included there at a technical preview status level (L5); the "
                               "Desktop product it does not cover at all. Not supported: move "
                               f"the host to {product} for supported kvm.", entry, basis)
        return ctx.finding(rule, "tech-preview", f"{head}. Of {ga} it says only that kvm was "
                           "included there at a technical preview status level (L5), which is "
                           f"what kvm on this host is: move the host to {product} for supported "
                           "kvm.", entry, basis)
    return ctx.finding(rule, "unsupported", f"{head}, so it does not apply to this host: "
                       f"{applies}.", entry, basis)


def _arch(ctx: CaseContext) -> Finding:
    rule, entry = "host.arch", ctx.look.article("art-host-arch", "host", "arch")
    arch = ctx.host.get("arch")
    basis = ctx.at("arch")
    if arch is None:
        return ctx.missing(rule, f"The host architecture is not given: confirm the host is "
                           f"{SUPPORTED_ARCH}, the only supported host architecture.", entry,
                           basis, ask=ask(confirm=(("host.arch", SUPPORTED_ARCH),), refuted=(
                               "unsupported", f"The host is not {SUPPORTED_ARCH} (the customer "
                               f"says so): only {SUPPORTED_ARCH} hosts are supported.")))
    if arch.strip().lower() in ARCH_SPELLINGS:
        return ctx.finding(rule, "supported", f"Host architecture {arch} is supported "
                           f"({SUPPORTED_ARCH} hosts only).", entry, basis)
    return ctx.finding(rule, "unsupported", f"Host architecture {arch!r} is not supported: "
                       f"only {SUPPORTED_ARCH} hosts are.", entry, basis)


def _hardware_virtualization(ctx: CaseContext) -> list[Finding]:
    rule = "host.hardware-virtualization"
    entry = ctx.look.article("art-hardware-virtualization", "hardware", "virtualization")
    state = ctx.host.get("hardware_virtualization")
    basis = ctx.at("hardware_virtualization")
    qemu_only = ctx.look.feature("qemu-only")
    if state is None:
        return [ctx.missing(rule, "Hardware virtualization (Intel VT-x / AMD-V) is not given: "
                            "confirm it is present and enabled in the BIOS.", entry, basis,
                            ask=ask(confirm=(("host.hardware_virtualization", "enabled"),),
                                    refuted=(status_of(qemu_only, "unsupported"),
                                             "Hardware virtualization is absent or not enabled "
                                             "in the BIOS (the customer says so): the kvm "
                                             f"modules cannot load, and {QEMU_ONLY}.")))]
    if state == "enabled":
        return [ctx.finding(rule, "supported", "Hardware virtualization is present and "
                            "enabled.", entry, basis)]
    how = "disabled in the BIOS" if state == "disabled" else "absent from the CPU"
    return [ctx.finding(rule, status_of(qemu_only, "unsupported"),
                        f"Hardware virtualization is {how}: the kvm modules cannot load, and "
                        f"{QEMU_ONLY}.", entry, basis)]


def _modules(ctx: CaseContext) -> Finding:
    rule, qemu_only = "host.kvm-modules", ctx.look.feature("qemu-only")
    loaded = ctx.host.get("kvm_modules_loaded")
    basis = ctx.at("kvm_modules_loaded")
    if loaded is None:
        return ctx.missing(rule, "Whether the kvm kernel modules are loaded is not given: "
                           "confirm kvm and kvm-intel or kvm-amd are loaded (without them "
                           "qemu-kvm runs in unsupported qemu-only mode).", qemu_only, basis,
                           ask=ask(confirm=(("host.kvm_modules_loaded", True),),
                                   refute=(("host.kvm_modules_loaded", False),)))
    if loaded:
        hardware = ctx.look.article("art-hardware-virtualization", "hardware", "virtualization")
        return ctx.finding(rule, "supported", "The kvm kernel modules are loaded: guests run "
                           "with KVM acceleration.", hardware or qemu_only, basis)
    return ctx.finding(rule, status_of(qemu_only, "unsupported"), "The kvm kernel modules are "
                       "not loaded: qemu-kvm runs guests in qemu-only (emulation) mode, which is "
                       "not supported (useful only for problem resolution).", qemu_only, basis)
