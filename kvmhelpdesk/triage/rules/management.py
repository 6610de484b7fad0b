"""Management tools and their restrictions: vm-install, virt-manager, virsh, direct qemu-kvm,
the user that runs qemu-kvm, and the guest video and devices those restrictions are about."""

from __future__ import annotations

from kvmhelpdesk.kb import Entry
from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.rules.base import (
    CaseContext,
    GuestContext,
    no_entry,
    status_of,
    words,
)

DIRECT = "qemu-kvm"  # the case's word for invoking qemu-kvm without a management tool
VIRSH_ALLOWED = ("read-only", "lifecycle")  # the virsh restriction, in the case's words
# Case device words that name a usb device value of -usbdevice; "usb-host" = physical USB.
USB_PREFIX = "usb-"
# What virt-manager may not add, in case words (feat-virt-manager restrictions, as prose).
VIRT_MANAGER_REFUSED_VIDEO = {"vmware": "vmvga (vmware) video", "vmvga": "vmvga (vmware) video",
                              "xen": "xen video", "xenfb": "xen video"}
VIDEO_SPELLINGS = {"vmvga": "vmware", "xen": "xenfb", "vga": "std"}


def check_management(ctx: CaseContext) -> list[Finding]:
    """One finding per tool in use (with virsh's usage), and the qemu-kvm user."""
    tools = ctx.management
    if "management" not in ctx.host:
        return [ctx.missing("management.tools", "The management tools in use are not given: "
                            "confirm which of vm-install, virt-manager, virsh or direct qemu-kvm "
                            "manage the guests.", ctx.look.article("art-interoperability"))]
    out = [_tool(ctx, tool) for tool in tools]
    if "virsh" in tools:
        out.append(_virsh(ctx))
    out.append(_user(ctx, tools))
    return out


def _tool(ctx: CaseContext, tool: str) -> Finding:
    entry = ctx.look.feature(tool)
    if entry is None:
        return ctx.missing("management.tools", no_entry("feature", tool), None)
    limits = f" Restrictions: {' '.join(entry.restrictions)}" if entry.restrictions else ""
    return ctx.finding("management.tools", status_of(entry), f"Guests are managed with {tool}."
                       f"{limits}", entry)


def _virsh(ctx: CaseContext) -> Finding:
    entry, usage = ctx.look.feature("virsh"), ctx.host.get("virsh_usage")
    if usage is None:
        return ctx.missing("management.virsh", "How virsh is used is not given: confirm it is "
                           "used only for read-only and VM lifecycle functions.", entry)
    if usage in VIRSH_ALLOWED:
        return ctx.finding("management.virsh", "supported", f"virsh is used for {usage} "
                           "functions only, as supported.", entry)
    return ctx.finding("management.virsh", "unsupported", "virsh is used to modify guests: only "
                       "its read-only and VM lifecycle functions are supported (change guests "
                       "with virt-manager or vm-install).", entry)


def _user(ctx: CaseContext, tools: list[str]) -> Finding:
    rule, entry, user = "management.qemu-user", ctx.look.feature("kvm-user"), \
        ctx.host.get("qemu_user")
    suse_tools = [t for t in tools if t != DIRECT]
    if user is None:
        return ctx.missing(rule, "The user that runs qemu-kvm is not given: confirm it is root "
                           "with the SUSE management tools, or a kvm group member otherwise.",
                           entry)
    if suse_tools:
        if user == "root":
            return ctx.finding(rule, "supported", f"qemu-kvm runs as root, as required with "
                               f"{words(suse_tools)}.", entry)
        return ctx.finding(rule, "unsupported", f"qemu-kvm runs as a {user} user, but with "
                           f"{words(suse_tools)} (SUSE management tools) the user must be root.",
                           entry)
    if user == "kvm-group":
        return ctx.finding(rule, "supported", "qemu-kvm runs as a kvm group member, as required "
                           "when it is invoked directly.", entry)
    if user == "root":
        return ctx.advice(rule, "qemu-kvm is invoked directly as root: the statement asks for a "
                          "kvm group member when no SUSE management tool is used.", entry)
    return ctx.finding(rule, "unsupported", "qemu-kvm runs as a user outside the kvm group: "
                       "without the SUSE management tools the user must be in the kvm group.",
                       entry)


def check_guest_devices(ctx: GuestContext) -> list[Finding]:
    """Video adapter and extra devices against -vga/-usbdevice/-device and virt-manager."""
    return [*_video(ctx), *_devices(ctx)]


def _virt_manager(ctx: GuestContext) -> Entry | None:
    return ctx.look.feature("virt-manager") if "virt-manager" in ctx.case.management else None


def _video(ctx: GuestContext) -> list[Finding]:
    vga = ctx.look.option("-vga")
    video = ctx.get("video")
    if vga is None:
        return [ctx.missing("management.video", no_entry("option", "-vga"), None)]
    allowed = tuple(vga.fields.get("value_allowed", ()))
    if video is None:
        return [ctx.missing("management.video", "The video adapter is not given: confirm it is "
                            f"{words(allowed, 'or')}.", vga)]
    value = VIDEO_SPELLINGS.get(video.lower(), video.lower())
    if not allowed or value in allowed:
        return []
    refused = value in vga.fields.get("value_refused", ())
    manager = _virt_manager(ctx)
    if manager is not None and video.lower() in VIRT_MANAGER_REFUSED_VIDEO:
        what = VIRT_MANAGER_REFUSED_VIDEO[video.lower()]
        return [ctx.finding("management.video", "unsupported", f"Video {video!r}: virt-manager "
                            f"may not add {what}; supported adapters are "
                            f"{words(allowed, 'or')}.", manager)]
    why = "refused by name" if refused else "not among the supported values"
    return [ctx.finding("management.video", "unsupported", f"Video {video!r} is not supported "
                        f"({why}; supported: {words(allowed, 'or')}).", vga)]


def _devices(ctx: GuestContext) -> list[Finding]:
    out: list[Finding] = []
    manager = _virt_manager(ctx)
    device_option = ctx.look.option("-device")
    device_allowed = {v.lower() for v in (device_option.fields.get("value_allowed", ())
                                          if device_option else ())}
    for device in ctx.get("devices") or ():
        low = device.lower()
        if low == "pci-passthrough":
            continue  # judged with the PCI passthrough feature
        if low == "sound":
            soundhw = ctx.look.option("-soundhw")
            # A restriction of virt-manager is unsupported whatever the tool's own status.
            status = "unsupported" if manager else status_of(soundhw, "unsupported")
            who = "virt-manager may not add sound devices" if manager else \
                "sound hardware (-soundhw) is not supported"
            out.append(ctx.finding("management.devices", status, f"Device 'sound': {who}.",
                                   manager or soundhw))
            continue
        usb = low[len(USB_PREFIX):] if low.startswith(USB_PREFIX) else low
        known, finding = _usb(ctx, device, usb, manager)
        if finding is not None:
            out.append(finding)
        elif not known and low not in device_allowed:
            out.append(ctx.missing("management.devices", f"Device {device!r} is not named by the "
                                   "statement's option lists: confirm how it is attached "
                                   "(-device supports only the listed drivers).", device_option))
    return out


def _usb(ctx: GuestContext, device: str, value: str,
         manager: Entry | None) -> tuple[bool, Finding | None]:
    """(-usbdevice names this value, the finding if it is refused)."""
    option = ctx.look.option("-usbdevice")
    if option is None:
        return False, None
    allowed = tuple(option.fields.get("value_allowed", ()))
    refused = tuple(option.fields.get("value_refused", ()))
    if value in allowed:
        return True, None
    if value not in refused:
        return False, None
    if value == "host" and manager is not None:
        return True, ctx.finding("management.devices", "unsupported", f"Device {device!r}: "
                                 "virt-manager may not add physical USB devices.", manager)
    return True, ctx.finding("management.devices", "unsupported", f"USB device {device!r} is "
                             f"not supported (-usbdevice {value} is refused; supported: "
                             f"{words(allowed, 'or')}).", option)
