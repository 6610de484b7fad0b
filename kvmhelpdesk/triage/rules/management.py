"""Management tools and their restrictions: vm-install, virt-manager, virsh, direct qemu-kvm,
the user that runs qemu-kvm, and the guest video and devices those restrictions are about."""

from __future__ import annotations

from kvmhelpdesk.kb import Entry
from kvmhelpdesk.triage.findings import UNLISTED, Finding
from kvmhelpdesk.triage.rules.base import (
    CaseContext,
    GuestContext,
    ask,
    no_entry,
    status_of,
    words,
)

DIRECT = "qemu-kvm"  # the case's word for invoking qemu-kvm without a management tool
VIRSH_ALLOWED = ("read-only", "lifecycle")  # the virsh restriction, in the case's words
# Case device words that name a usb device value of -usbdevice; "usb-host" = physical USB.
USB_PREFIX = "usb-"
# Case device words for a device the -device list names by its driver.
DEVICE_DRIVERS = {"balloon": "virtio-balloon-pci", "serial": "isa-serial",
                  "parallel": "isa-parallel", "floppy": "isa-fdc", "fdc": "isa-fdc"}
# What virt-manager may not add, in case words (feat-virt-manager restrictions, as prose).
VIRT_MANAGER_REFUSED_VIDEO = {"vmware": "vmvga (vmware) video", "vmvga": "vmvga (vmware) video",
                              "vmware-svga": "vmvga (vmware) video",
                              "xen": "xen video", "xenfb": "xen video"}
# Other words for a -vga value: libvirt's model names and qemu's -device video drivers.
VIDEO_SPELLINGS = {"vmvga": "vmware", "vmware-svga": "vmware", "xen": "xenfb", "vga": "std",
                   "cirrus-vga": "cirrus", "std-vga": "std"}
# Device words that name a video adapter: judged as that -vga value (one adapter, one
# judgement, whichever answer names it).
VIDEO_DEVICE_WORDS = frozenset({"vmware-svga", "vmvga", "vmware"})
# Watchdog device words: -watchdog MODEL (L311); libvirt starts the same device as
# `-device MODEL` (qemuBuildWatchdogDevStr), a driver the -device list does not name.
WATCHDOG_WORDS = {"watchdog": "i6300esb or ib700", "i6300esb": "i6300esb", "ib700": "ib700"}
# Management tools that run guests through libvirt, which starts devices with -device.
LIBVIRT_TOOLS = ("virt-manager", "vm-install", "virsh")
# Device words only a USB option attaches (-usbdevice keyboard); other USB words start "usb-".
USB_ONLY_WORDS = frozenset({"keyboard"})


def check_management(ctx: CaseContext) -> list[Finding]:
    """One finding per tool in use (with virsh's usage), and the qemu-kvm user."""
    tools = ctx.management
    if "management" not in ctx.host:
        return [ctx.missing("management.tools", "The management tools in use are not given: "
                            "confirm which of vm-install, virt-manager, virsh or direct qemu-kvm "
                            "manage the guests.", ctx.look.article("art-interoperability"),
                            ctx.at("management"), ask=ask(refuted=(
                                UNLISTED, "The guests are managed with tools other than "
                                "vm-install, virt-manager, virsh or direct qemu-kvm (the "
                                "customer says so): the statement covers only those; needs "
                                "review.")))]
    out = [_tool(ctx, tool) for tool in tools]
    if "virsh" in tools:
        out.append(_virsh(ctx))
    out.append(_user(ctx, tools))
    return out


def _tool(ctx: CaseContext, tool: str) -> Finding:
    entry = ctx.look.feature(tool)
    if entry is None:
        return ctx.missing("management.tools", no_entry("feature", tool), None,
                           ctx.at("management"), part=tool)
    limits = f" Restrictions: {' '.join(entry.restrictions)}" if entry.restrictions else ""
    return ctx.finding("management.tools", status_of(entry), f"Guests are managed with {tool}."
                       f"{limits}", entry, ctx.at("management"), part=tool)


def _virsh(ctx: CaseContext) -> Finding:
    entry, usage = ctx.look.feature("virsh"), ctx.host.get("virsh_usage")
    basis = ctx.at("virsh_usage")
    if usage is None:
        return ctx.missing("management.virsh", "How virsh is used is not given: confirm it is "
                           "used only for read-only and VM lifecycle functions.", entry, basis,
                           ask=ask(confirm=(("host.virsh_usage", "lifecycle"),),
                                   refute=(("host.virsh_usage", "modify"),)))
    if usage in VIRSH_ALLOWED:
        return ctx.finding("management.virsh", "supported", f"virsh is used for {usage} "
                           "functions only, as supported.", entry, basis)
    return ctx.finding("management.virsh", "unsupported", "virsh is used to modify guests: only "
                       "its read-only and VM lifecycle functions are supported (change guests "
                       "with virt-manager or vm-install).", entry, basis)


def _user(ctx: CaseContext, tools: list[str]) -> Finding:
    rule, entry, user = "management.qemu-user", ctx.look.feature("kvm-user"), \
        ctx.host.get("qemu_user")
    suse_tools = [t for t in tools if t != DIRECT]
    basis = (*ctx.at("qemu_user"), *ctx.at("management"))
    if user is None:
        wanted = (("host.qemu_user", "root"),) if suse_tools else \
            (("host.qemu_user", "kvm-group"),) if tools else ()
        return ctx.missing(rule, "The user that runs qemu-kvm is not given: confirm it is root "
                           "with the SUSE management tools, or a kvm group member otherwise.",
                           entry, ctx.at("qemu_user"), ask=ask(confirm=wanted, refuted=(
                               "unsupported", "qemu-kvm runs as a user the statement does not "
                               "allow (the customer says so): root with the SUSE management "
                               "tools, a kvm group member otherwise.")))
    if suse_tools:
        if user == "root":
            return ctx.finding(rule, "supported", f"qemu-kvm runs as root, as required with "
                               f"{words(suse_tools)}.", entry, basis)
        return ctx.finding(rule, "unsupported", f"qemu-kvm runs as a {user} user, but with "
                           f"{words(suse_tools)} (SUSE management tools) the user must be root.",
                           entry, basis)
    if user == "kvm-group":
        return ctx.finding(rule, "supported", "qemu-kvm runs as a kvm group member, as required "
                           "when it is invoked directly.", entry, basis)
    if user == "root":
        return ctx.advice(rule, "qemu-kvm is invoked directly as root: the statement asks for a "
                          "kvm group member when no SUSE management tool is used.", entry, basis)
    return ctx.finding(rule, "unsupported", "qemu-kvm runs as a user outside the kvm group: "
                       "without the SUSE management tools the user must be in the kvm group.",
                       entry, basis)


def check_guest_devices(ctx: GuestContext) -> list[Finding]:
    """Video adapter and extra devices against -vga/-usbdevice/-device and virt-manager."""
    return [*_video(ctx), *_devices(ctx)]


def _virt_manager(ctx: GuestContext) -> Entry | None:
    return ctx.look.feature("virt-manager") if "virt-manager" in ctx.case.management else None


def _video(ctx: GuestContext) -> list[Finding]:
    vga = ctx.look.option("-vga")
    video = ctx.get("video")
    basis = ctx.at("video")
    if vga is None:
        return [ctx.missing("management.video", no_entry("option", "-vga"), None, basis)]
    allowed = tuple(vga.fields.get("value_allowed", ()))
    if video is None:
        return [ctx.missing("management.video", "The video adapter is not given: confirm it is "
                            f"{words(allowed, 'or')}.", vga, basis, ask=ask(
                                "video", ctx.name, f"Video adapter not given for {{who}}: "
                                f"confirm each is {words(allowed, 'or')}.", refuted=(
                                    "unsupported", "The guest's video adapter is not "
                                    f"{words(allowed, 'or')} (the customer says so): not "
                                    "supported.")))]
    found = _judge_video(ctx, vga, video, f"Video {video!r}", "management.video", basis, "")
    return [found] if found is not None else []


def _same_video(ctx: GuestContext, word: str) -> bool:
    """The guest's video answer names the same adapter as a device word."""
    video = ctx.get("video")
    if video is None:
        return False
    spelled = VIDEO_SPELLINGS.get(word.lower(), word.lower())
    return VIDEO_SPELLINGS.get(video.lower(), video.lower()) == spelled


def _judge_video(ctx: GuestContext, vga: Entry, video: str, what: str, rule: str,
                 basis: tuple[str, ...], part: str) -> Finding | None:
    """A video adapter against -vga (L292, L358) and virt-manager's restriction (L122); None
    when supported."""
    allowed = tuple(vga.fields.get("value_allowed", ()))
    value = VIDEO_SPELLINGS.get(video.lower(), video.lower())
    if not allowed or value in allowed:
        return None
    refused = value in vga.fields.get("value_refused", ())
    manager = _virt_manager(ctx)
    if manager is not None and video.lower() in VIRT_MANAGER_REFUSED_VIDEO:
        said = VIRT_MANAGER_REFUSED_VIDEO[video.lower()]
        return ctx.finding(rule, "unsupported", f"{what}: virt-manager may not add {said}; "
                           f"supported adapters are {words(allowed, 'or')}.", manager, basis,
                           part)
    why = f"-vga {value} is refused by name" if refused else "not among the supported values"
    return ctx.finding(rule, "unsupported", f"{what} is not supported ({why}; supported: "
                       f"{words(allowed, 'or')}).", vga, basis, part)


def _devices(ctx: GuestContext) -> list[Finding]:
    """One judgement per device word, the same whichever option attached it."""
    out: list[Finding] = []
    manager = _virt_manager(ctx)
    device_option = ctx.look.option("-device")
    device_allowed = {v.lower() for v in (device_option.fields.get("value_allowed", ())
                                          if device_option else ())}
    for index, device in enumerate(ctx.get("devices") or ()):
        low = device.lower()
        basis, part = ctx.at(f"devices[{index}]"), low
        if low == "pci-passthrough":
            continue  # judged with the PCI passthrough feature
        if low == "sound":
            soundhw = ctx.look.option("-soundhw")
            # A restriction of virt-manager is unsupported whatever the tool's own status.
            status = "unsupported" if manager else status_of(soundhw, "unsupported")
            who = "virt-manager may not add sound devices" if manager else \
                "sound hardware (-soundhw) is not supported"
            out.append(ctx.finding("management.devices", status, f"Device 'sound': {who}.",
                                   manager or soundhw, basis, part))
            continue
        if low in device_allowed or DEVICE_DRIVERS.get(low, "").lower() in device_allowed:
            continue  # a driver the -device list names (a floppy drive: isa-fdc, -fda L280)
        if low in VIDEO_DEVICE_WORDS:
            vga = ctx.look.option("-vga")
            found = None if vga is None or _same_video(ctx, low) else _judge_video(
                ctx, vga, device, f"Device {device!r} (the VMware SVGA video adapter, "
                "-vga vmware)", "management.devices", basis, part)
            if found is not None:
                out.append(found)
            continue
        if low in WATCHDOG_WORDS:
            out += _watchdog(ctx, device, basis, part)
            continue
        finding = _usb(ctx, device, manager, basis, part)
        if finding is not None:
            if finding.status != "supported":
                out.append(finding)
            continue
        out.append(ctx.missing("management.devices", f"Device {device!r} is not named by the "
                               "statement's option lists: confirm how it is attached "
                               "(-device supports only the listed drivers).", device_option,
                               basis, part, ask=ask(refuted=(
                                   "unsupported", f"Device {device!r} is attached by an option "
                                   "or driver Appendix A does not support (the customer says "
                                   "so)."))))
    return out


def _libvirt(ctx: GuestContext) -> list[str]:
    """The management tools in use that run guests through libvirt."""
    return [t for t in ctx.case.management if t in LIBVIRT_TOOLS]


def _run_by(tools: list[str]) -> str:
    """`virt-manager runs`, `virt-manager and virsh run`."""
    return f"{words(tools)} {'runs' if len(tools) == 1 else 'run'}"


def _watchdog(ctx: GuestContext, device: str, basis: tuple[str, ...],
              part: str) -> list[Finding]:
    """-watchdog MODEL is supported (L311); libvirt starts the same device as -device MODEL,
    a driver the -device list does not name (L289, L357): needs review, as for a USB tablet."""
    option = ctx.look.option("-watchdog")
    model = WATCHDOG_WORDS[device.lower()]
    tools = _libvirt(ctx)
    if option is None:
        return [ctx.missing("management.devices", no_entry("option", "-watchdog"), None, basis,
                            part)]
    if not tools:
        status = status_of(option)
        return [] if status == "supported" else [ctx.finding(
            "management.devices", status, f"Watchdog {device!r} (-watchdog {model}): "
            f"{status}.", option, basis, part)]
    drivers = " or ".join(f"-device {m}" for m in model.split(" or "))
    return [ctx.finding("management.devices", UNLISTED, f"Watchdog {device!r}: -watchdog "
                        f"{model} is supported (L311), but {_run_by(tools)} the guest "
                        f"through libvirt, which starts the watchdog as {drivers}, a "
                        "driver not in the -device list (L289, L357), while virt-manager's "
                        "restrictions (L122) do not exclude it. The statement does not settle "
                        "which reading holds: needs review.", option, basis, part)]


def _usb(ctx: GuestContext, device: str, manager: Entry | None, basis: tuple[str, ...],
         part: str) -> Finding | None:
    """A USB device word: `tablet` is `-usbdevice tablet`; `usb-tablet` the -device driver of
    the same device; `usb-host`, `usb-disk` ... are -usbdevice values. None if not USB."""
    option = ctx.look.option("-usbdevice")
    if option is None:
        return None
    allowed = tuple(option.fields.get("value_allowed", ()))
    refused = tuple(option.fields.get("value_refused", ()))
    low = device.lower()
    rule = "management.devices"
    tools = _libvirt(ctx)
    if low in allowed and tools:
        # The wizard's "tablet" under libvirt is the same device libvirt starts as
        # -device usb-tablet: one device, one judgement (needs review, as below).
        return ctx.finding(rule, UNLISTED, f"USB device {device!r}: -usbdevice {low} is "
                           f"supported (L288), but {_run_by(tools)} the guest through "
                           f"libvirt, which starts it as -device usb-{low}, a driver not in the "
                           "-device list (L289, L357), while virt-manager's restrictions (L122) "
                           "do not exclude it. The statement does not settle which reading "
                           "holds: needs review.", option, basis, part)
    if low in allowed:
        return ctx.finding(rule, "supported", f"USB device {device!r} (-usbdevice {low}) is "
                           "supported.", option, basis, part)
    value = low[len(USB_PREFIX):] if low.startswith(USB_PREFIX) else low
    if low.startswith(USB_PREFIX) and value in allowed:
        # The -device driver of a device -usbdevice supports: how libvirt starts a USB tablet.
        return ctx.finding(rule, UNLISTED, f"USB device {device!r}: -usbdevice {value} is "
                           f"supported (L288), but the driver {low} that libvirt (virt-manager, "
                           "vm-install, virsh) starts it with is not in the -device list (L289, "
                           "L357), while virt-manager's restrictions (L122) do not exclude it. "
                           "The statement does not settle which reading holds: needs review.",
                           option, basis, part)
    if value in refused:
        if value == "host" and manager is not None:
            return ctx.finding(rule, "unsupported", f"Device {device!r}: virt-manager may not "
                               "add physical USB devices.", manager, basis, part)
        return ctx.finding(rule, "unsupported", f"USB device {device!r} is not supported "
                           f"(-usbdevice {value} is refused; supported: "
                           f"{words(allowed, 'or')}).", option, basis, part)
    if low in USB_ONLY_WORDS or low.startswith(USB_PREFIX):
        return ctx.finding(rule, "unsupported", f"USB device {device!r} is not supported: "
                           f"-usbdevice supports only {words(allowed, 'or')}, and -device none "
                           "of the USB drivers.", option, basis, part)
    return None

