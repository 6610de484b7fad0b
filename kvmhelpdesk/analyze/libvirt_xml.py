"""A libvirt domain XML (`virsh dumpxml`) -> guests, host hints and an option account.

Each element is read into the case file's words directly, and also translated into the
qemu-kvm 0.12 option libvirt would pass for it (`<driver type='qcow2'>` -> `-drive
...,format=qcow2`), so the account cites Appendix A exactly as for a pasted command line.
`<qemu:commandline>` arguments are analyzed as a command line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from kvmhelpdesk.analyze import devices as dev
from kvmhelpdesk.analyze.classify import Classifier
from kvmhelpdesk.analyze.guest import UniqueNames, build_guest, check_sizes, in_case_order
from kvmhelpdesk.analyze.model import Analysis, AnalyzeError
from kvmhelpdesk.analyze.options import ParsedOption, make_option, parse_args
from kvmhelpdesk.analyze.safexml import parse_documents
from kvmhelpdesk.triage.case import MAX_ITEMS
from kvmhelpdesk.triage.findings import Finding

KVM_TYPES = ("kvm", "qemu")
_OTHER_HYPERVISORS = {"xen": "a Xen guest", "lxc": "an LXC container", "vmware": "a VMware "
                      "guest", "test": "libvirt's test driver", "hyperv": "a Hyper-V guest",
                      "vbox": "a VirtualBox guest", "openvz": "an OpenVZ container",
                      "uml": "a User-Mode Linux guest", "phyp": "a PowerVM guest",
                      "bhyve": "a bhyve guest", "ch": "a Cloud Hypervisor guest"}
_UNITS = {"b": 1, "bytes": 1, "kb": 1000, "k": 1024, "kib": 1024, "mb": 10**6, "m": 2**20,
          "mib": 2**20, "gb": 10**9, "g": 2**30, "gib": 2**30, "tb": 10**12, "t": 2**40,
          "tib": 2**40}
_BUS_BY_PREFIX = (("hd", "ide"), ("sd", "scsi"), ("vd", "virtio"), ("fd", "fdc"),
                  ("xvd", "xen"))
_SOCKET_NETS = ("mcast", "server", "client", "udp")
_TAP_NETS = ("network", "bridge", "ethernet", "direct")
USB_INPUT_DRIVERS = {"tablet": "usb-tablet", "mouse": "usb-mouse", "keyboard": "usb-kbd"}


def _text(el: ET.Element | None, path: str) -> str:
    found = el.find(path) if el is not None else None
    return (found.text or "").strip() if found is not None else ""


def _attr(el: ET.Element | None, path: str, key: str) -> str:
    found = el.find(path) if el is not None else None
    return (found.get(key) or "").strip() if found is not None else ""


def _q(value: str) -> str:
    """A value as qemu wants it inside a comma list (`,` doubled)."""
    return value.replace(",", ",,")


def memory_mb(el: ET.Element | None) -> int | None:
    """<memory> in MB: KiB without a unit attribute (old libvirt), else `unit=`."""
    if el is None or not re.fullmatch(r"\s*\d{1,18}\s*", el.text or ""):
        return None
    factor = _UNITS.get((el.get("unit") or "KiB").strip().lower())
    if factor is None:
        return None
    mb = round(int(el.text or "0") * factor / 2**20)
    return mb if mb >= 1 else None


def _domains(root: ET.Element) -> list[ET.Element]:
    """<domain> elements of a document, not descending into a domain."""
    found: list[ET.Element] = []
    stack = [root]
    while stack:
        el = stack.pop()
        if el.tag == "domain":
            found.append(el)
        else:
            stack.extend(reversed(list(el)))
    return found


class _Domain:
    """One KVM domain being read: the guest object and the synthesized options."""

    def __init__(self, el: ET.Element, name: str) -> None:
        self.el = el
        self.guest: dict[str, Any] = {"name": name}
        self.host: dict[str, Any] = {}
        self.options: list[tuple[ParsedOption, str]] = []
        self.extra: list[ParsedOption] = []

    def opt(self, name: str, value: str | None, origin: str) -> None:
        self.options.append((make_option(name, value), origin))

    def add(self, key: str, word: str) -> None:
        items = self.guest.setdefault(key, [])
        if word not in items:
            items.append(word)

    def read(self) -> None:
        el = self.el
        if el.get("type") == "qemu":
            self.add("features", "qemu-only")
            self.opt("-no-kvm", None, "<domain type='qemu'> runs the guest without KVM")
        memory = memory_mb(el.find("memory"))
        if memory:
            self.guest["memory_mb"] = memory
        vcpus = _text(el, "vcpu")
        if re.fullmatch(r"\d{1,6}", vcpus) and int(vcpus) >= 1:
            self.guest["vcpus"] = int(vcpus)
        self.read_os()
        self.read_cpu()
        if _attr(el, "clock", "offset") == "localtime":
            self.opt("-rtc", "base=localtime", "<clock offset='localtime'>")
        devices = el.find("devices")
        if devices is not None:
            self.read_devices(devices)
        self.read_passthrough_args()

    def read_os(self) -> None:
        arch, machine = _attr(self.el, "os/type", "arch"), _attr(self.el, "os/type", "machine")
        if machine:
            self.opt("-M", machine, f"<os><type machine='{machine}'>")
        if arch in ("i686", "i386"):
            self.guest["bits"] = 32
        elif arch and self.el.get("type") == "kvm":
            self.host["arch"] = arch  # KVM runs guests of the host's own architecture
        cmdline = _text(self.el, "os/cmdline")
        if cmdline:
            self.guest["boot_options"] = cmdline

    def read_cpu(self) -> None:
        cpu = self.el.find("cpu")
        if cpu is None:
            return
        mode = cpu.get("mode", "custom")
        named = {"host-passthrough": "host", "maximum": "max", "host-model": "host-model"}
        value = named.get(mode) or _text(cpu, "model")
        if value:
            self.opt("-cpu", value, f"<cpu mode='{mode}'>")

    def read_devices(self, devices: ET.Element) -> None:
        for disk in devices.findall("disk"):
            self.read_disk(disk)
        for iface in devices.findall("interface"):
            self.read_interface(iface)
        for graphics in devices.findall("graphics"):
            kind = graphics.get("type", "")
            if kind in ("vnc", "spice", "sdl"):
                self.opt(f"-{kind}", graphics.get("listen", "") if kind != "sdl" else None,
                         f"<graphics type='{kind}'>")
        for video in devices.findall("video")[:1]:
            kind = _attr(video, "model", "type")
            if kind:
                word, vga = dev.XML_VIDEO.get(kind, (kind, kind))
                self.guest["video"] = word
                self.opt("-vga", vga, f"<video><model type='{kind}'>")
        for sound in devices.findall("sound"):
            self.add("devices", "sound")
            self.opt("-soundhw", sound.get("model", ""), "<sound>")
        for hostdev in devices.findall("hostdev"):
            self.read_hostdev(hostdev)
        for item in devices.findall("input"):
            kind = item.get("type", "")
            if item.get("bus") == "usb" and kind in ("tablet", "mouse", "keyboard"):
                # libvirt 0.8 (SLES 11 SP1) starts these as -device usb-tablet and so on.
                driver = USB_INPUT_DRIVERS[kind]
                self.add("devices", driver)
                self.opt("-device", driver, f"<input type='{kind}' bus='usb'>")
        for balloon in devices.findall("memballoon"):
            if balloon.get("model", "").startswith("virtio"):
                self.add("devices", "balloon")
                self.opt("-balloon", "virtio", "<memballoon model='virtio'>")
        for watchdog in devices.findall("watchdog"):
            self.opt("-watchdog", watchdog.get("model", ""), "<watchdog>")
            if watchdog.get("action"):
                self.opt("-watchdog-action", watchdog.get("action", ""), "<watchdog>")
        for redir in devices.findall("redirdev"):
            self.opt("-device", "usb-redir", f"<redirdev bus='{redir.get('bus', '')}'>")

    def read_disk(self, disk: ET.Element) -> None:
        kind, device = disk.get("type", "file"), disk.get("device", "disk")
        fmt = _attr(disk, "driver", "type")
        source = disk.find("source")
        path = ""
        if source is not None:
            path = source.get("file") or source.get("dev") or source.get("dir") or \
                source.get("name") or ""
        target = _attr(disk, "target", "dev")
        bus = _attr(disk, "target", "bus") or next(
            (b for p, b in _BUS_BY_PREFIX if target.startswith(p)), "ide")
        if device == "lun":
            bus = "scsi"
        case_bus = "floppy" if bus == "fdc" else bus
        entry: dict[str, Any] = {"bus": case_bus}
        if fmt:
            entry["format"] = fmt
        protocol = source.get("protocol", "") if source is not None else ""
        if kind == "network":
            storage = dev.STORAGE_ISCSI if protocol == "iscsi" else dev.STORAGE_NETWORK
        elif kind == "volume":
            storage = dev.STORAGE_POOL
        else:
            storage = dev.storage_of(path)
        if storage:
            entry["storage"] = storage
        transient = disk.find("transient") is not None
        entry["snapshot"] = transient
        self.guest.setdefault("disks", []).append(entry)
        parts = [f"file={_q(path)}"] if path else []
        parts.append(f"if={case_bus}")
        if device == "cdrom":
            parts.append("media=cdrom")
        if fmt:
            parts.append(f"format={_q(fmt)}")
        if disk.find("readonly") is not None:
            parts.append("readonly=on")
        if transient:
            parts.append("snapshot=on")
        self.opt("-drive", ",".join(parts), f"<disk target='{target}'>")

    def read_interface(self, iface: ET.Element) -> None:
        kind = iface.get("type", "")
        mac = _attr(iface, "mac", "address")
        model = _attr(iface, "model", "type")
        nic: dict[str, Any] = {"model": model} if model else {}
        nic["mac"] = mac or None
        self.guest.setdefault("nics", []).append(nic)
        origin = f"<interface type='{kind}'>"
        if kind == "hostdev":
            self.passthrough()
            self.opt("-device", self.assigned(iface), origin)
            return
        parts = ["nic"] + ([f"macaddr={mac}"] if mac else []) + (
            [f"model={_q(model)}"] if model else [])
        self.opt("-net", ",".join(parts), origin)
        if kind == "user":
            self.opt("-net", "user", origin)
        elif kind in _TAP_NETS:
            self.opt("-net", "tap", origin)
        elif kind in _SOCKET_NETS:
            self.opt("-net", "socket", origin)
        elif kind == "vhostuser":
            self.opt("-netdev", "vhost-user", origin)

    def pci_address(self, el: ET.Element) -> str:
        address = el.find("source/address")
        if address is None:
            return ""
        bus, slot, fn = (address.get(k, "0").lower().removeprefix("0x")
                         for k in ("bus", "slot", "function"))
        return f"host={bus.zfill(2)}:{slot.zfill(2)}.{fn}"

    def assigned(self, el: ET.Element) -> str:
        """libvirt 0.8 starts an assigned PCI device on qemu-kvm 0.12 (which has -device) as
        `-device pci-assign,host=BB:SS.F`, not -pcidevice: judge what actually runs (a later
        libvirt's <driver name='vfio'/> is `-device vfio-pci`)."""
        address = self.pci_address(el)
        driver = "vfio-pci" if _attr(el, "driver", "name") == "vfio" else "pci-assign"
        return f"{driver},{address}" if address else driver

    def passthrough(self) -> None:
        self.add("devices", "pci-passthrough")
        self.add("features", "pci-passthrough")

    def read_hostdev(self, hostdev: ET.Element) -> None:
        kind = hostdev.get("type", "")
        if kind == "pci":
            self.passthrough()
            self.opt("-device", self.assigned(hostdev), "<hostdev type='pci'>")
        elif kind == "usb":
            self.add("devices", "usb-host")
            vendor = _attr(hostdev, "source/vendor", "id").removeprefix("0x")
            product = _attr(hostdev, "source/product", "id").removeprefix("0x")
            where = f"{vendor}:{product}" if vendor or product else "{}.{}".format(
                _attr(hostdev, "source/address", "bus"), _attr(hostdev, "source/address",
                                                                "device"))
            self.opt("-usbdevice", f"host:{where}", "<hostdev type='usb'>")

    def read_passthrough_args(self) -> None:
        for block in self.el:
            if not str(block.tag).endswith(":commandline"):
                continue
            args = [a.get("value", "") for a in block if str(a.tag).endswith(":arg")]
            self.extra += parse_args(args)
        if not self.extra:
            return
        partial = build_guest(self.extra, self.guest["name"])
        for key in ("disks", "nics"):
            self.guest.setdefault(key, []).extend(partial.get(key, []))
            if not self.guest[key]:
                del self.guest[key]
        for key in ("devices", "features"):
            for word in partial.get(key, []):
                self.add(key, word)
        for key in ("vcpus", "memory_mb", "video", "boot_options"):
            if key in partial:
                self.guest.setdefault(key, partial[key])


def _domain_start(text: str) -> str:
    """Skip a prompt or command line pasted before the XML (`# virsh dumpxml vm1`)."""
    stripped = text.lstrip()
    if stripped.startswith("<"):
        return stripped
    starts = [i for i in (text.find("<?xml"), text.find("<domain")) if i >= 0]
    if not starts:
        raise AnalyzeError("no <domain> element found: not a libvirt domain definition")
    return text[min(starts):]


def analyze_xml_text(text: str, classifier: Classifier) -> Analysis:
    """Every <domain> of the text (concatenated documents included)."""
    if not text.strip():
        raise AnalyzeError("the XML is empty")
    roots, problems = parse_documents(_domain_start(text))
    domains = [d for root in roots for d in _domains(root)]
    if not domains:
        raise AnalyzeError(f"no <domain> element found (the document is <{roots[0].tag}>): "
                           "not a libvirt domain definition")
    if len(domains) > MAX_ITEMS:
        raise AnalyzeError(f"the XML holds {len(domains):,} <domain> elements: at most "
                           f"{MAX_ITEMS:,} guests are analyzed at once (one host's worth)")
    result = Analysis(errors=list(problems))
    names = UniqueNames()
    for number, el in enumerate(domains, 1):
        name = names.take(_text(el, "name") or f"guest{number}")
        _analyze_domain(el, name, classifier, result)
    return result


def _analyze_domain(el: ET.Element, name: str, classifier: Classifier,
                    result: Analysis) -> None:
    scope = f"guest:{name}"
    kind = el.get("type")
    if kind is not None and kind not in KVM_TYPES:
        what = _OTHER_HYPERVISORS.get(kind, f"a '{kind}' guest")
        overview = classifier.index.article("art-overview", "overview")
        result.findings.append(Finding(
            rule="domain-type", scope=scope, status="unsupported",
            message=f"not a KVM guest: <domain type='{kind}'> is {what}; the statement covers "
                    "KVM guests (libvirt type 'kvm') only",
            entry=overview.id if overview else None, section=classifier.heading(overview)))
        return
    if kind is None:
        result.errors.append(f"{name}: the <domain> has no type; analyzed as a KVM guest")
    domain = _Domain(el, name)
    domain.read()
    check_sizes(domain.guest)
    for opt, origin in domain.options:
        classifier.account(result, [opt], scope, f"from {origin}")
    classifier.account(result, domain.extra, scope, "from <qemu:commandline>")
    result.guests.append(in_case_order(domain.guest))
    for key, value in domain.host.items():
        result.host.setdefault(key, value)

