"""KVM Host Configuration: architecture, hardware virtualization and the kvm modules."""

from __future__ import annotations

from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.rules.base import CaseContext, status_of

# The statement's host architecture, in the spellings engineers use for it. The knowledge base
# records it only as prose (art-host-arch), so the word itself lives here, cited to that entry.
SUPPORTED_ARCH = "x86_64"
ARCH_SPELLINGS = frozenset({"x86_64", "x86-64", "amd64", "x64", "intel64", "em64t"})


def check_host(ctx: CaseContext) -> list[Finding]:
    """Architecture, hardware virtualization, kvm modules (else qemu-only mode)."""
    return [_arch(ctx), *_hardware_virtualization(ctx), _modules(ctx)]


def _arch(ctx: CaseContext) -> Finding:
    rule, entry = "host.arch", ctx.look.article("art-host-arch", "host", "arch")
    arch = ctx.host.get("arch")
    if arch is None:
        return ctx.missing(rule, f"The host architecture is not given: confirm the host is "
                           f"{SUPPORTED_ARCH}, the only supported host architecture.", entry)
    if arch.strip().lower() in ARCH_SPELLINGS:
        return ctx.finding(rule, "supported", f"Host architecture {arch} is supported "
                           f"({SUPPORTED_ARCH} hosts only).", entry)
    return ctx.finding(rule, "unsupported", f"Host architecture {arch!r} is not supported: "
                       f"only {SUPPORTED_ARCH} hosts are.", entry)


def _hardware_virtualization(ctx: CaseContext) -> list[Finding]:
    rule = "host.hardware-virtualization"
    entry = ctx.look.article("art-hardware-virtualization", "hardware", "virtualization")
    state = ctx.host.get("hardware_virtualization")
    if state is None:
        return [ctx.missing(rule, "Hardware virtualization (Intel VT-x / AMD-V) is not given: "
                            "confirm it is present and enabled in the BIOS.", entry)]
    if state == "enabled":
        return [ctx.finding(rule, "supported", "Hardware virtualization is present and "
                            "enabled.", entry)]
    qemu_only = ctx.look.feature("qemu-only")
    how = "disabled in the BIOS" if state == "disabled" else "absent from the CPU"
    return [ctx.finding(rule, status_of(qemu_only, "unsupported"),
                        f"Hardware virtualization is {how}: the kvm modules cannot load, and "
                        "guests would run in qemu-only (emulation) mode, which is not supported.",
                        entry)]


def _modules(ctx: CaseContext) -> Finding:
    rule, qemu_only = "host.kvm-modules", ctx.look.feature("qemu-only")
    loaded = ctx.host.get("kvm_modules_loaded")
    if loaded is None:
        return ctx.missing(rule, "Whether the kvm kernel modules are loaded is not given: "
                           "confirm kvm and kvm-intel or kvm-amd are loaded (without them "
                           "qemu-kvm runs in unsupported qemu-only mode).", qemu_only)
    if loaded:
        hardware = ctx.look.article("art-hardware-virtualization", "hardware", "virtualization")
        return ctx.finding(rule, "supported", "The kvm kernel modules are loaded: guests run "
                           "with KVM acceleration.", hardware or qemu_only)
    return ctx.finding(rule, status_of(qemu_only, "unsupported"), "The kvm kernel modules are "
                       "not loaded: qemu-kvm runs guests in qemu-only (emulation) mode, which is "
                       "not supported (useful only for problem resolution).", qemu_only)
