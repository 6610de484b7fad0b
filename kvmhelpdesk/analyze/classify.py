"""What Appendix A says about one parsed option, read from the knowledge base.

Every decision comes from the release's option entries (`name`/`names`, `value_allowed`,
`value_refused`, `params_allowed`, `params_refused`, `status`) and, for a spelling such as
`-no-kvm` that only a feature entry names, from that feature's status. The analyzer's own
knowledge is limited to qemu syntax and to which options libvirt adds by itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kvmhelpdesk.analyze import devices as dev
from kvmhelpdesk.analyze.model import Analysis
from kvmhelpdesk.analyze.options import POSITIONAL_IMAGE, ParsedOption
from kvmhelpdesk.analyze.optiontable import KNOWN_012, LIBVIRT_ADDED, SPELLINGS
from kvmhelpdesk.kb import STATUS_LABELS, Entry, KnowledgeBase
from kvmhelpdesk.triage.findings import VERDICT_ORDER, Finding, OptionFinding
from kvmhelpdesk.triage.lookup import Lookup, lookup

RULE = "qemu-option"
# Options the guest builder turns into case answers that the triage rules judge (disks, sound,
# video, USB devices): a refused value is reported once, by triage.
CARRIED_OPTIONS = frozenset({"-drive", "-hda", "-hdb", "-hdc", "-hdd", "-cdrom", "-fda", "-fdb",
                             "-soundhw", "-vga", "-std-vga", "-usbdevice", "-snapshot"})
# `-snapshot` is qemu's snapshot=on for every disk: the guest builder sets it on each disk,
# and the option reads as what the -drive entry says of snapshot=on (judged once, by triage).
SNAPSHOT_ALL = "-snapshot"
SUPPORTED, UNSUPPORTED, UNLISTED = "supported", "unsupported", "unlisted"
_SHORT = 60


def short(value: str, limit: int = _SHORT) -> str:
    """A value cut for a one-line message."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 3] + "..."


def _listing(values: Iterable[str]) -> str:
    return ", ".join(values) or "none"


class Classifier:
    """Classifies options of one release; build once per analysis (it indexes aliases)."""

    def __init__(self, kb: KnowledgeBase, release: str | None = None) -> None:
        self.kb = kb
        self.index: Lookup = lookup(kb, release)
        self._feature_spellings: dict[str, Entry] = {}
        for entry in self.index.features.values():
            for alias in entry.aliases:
                if alias.startswith("-") and " " not in alias:
                    self._feature_spellings.setdefault(alias, entry)

    # ------------------------------------------------------------------ lookups
    def option_entry(self, name: str) -> tuple[Entry | None, str | None]:
        """The option entry for `name` and the value a spelling implies (`-std-vga` -> std)."""
        entry = self.index.option(name)
        if entry is not None:
            return entry, None
        if name in SPELLINGS:
            target, implied = SPELLINGS[name]
            return self.index.option(target), implied
        return None, None

    def heading(self, entry: Entry | None) -> str | None:
        return self.index.heading(entry)

    # ------------------------------------------------------------------ classify
    def classify(self, opt: ParsedOption, scope: str = "", origin: str = "") -> OptionFinding:
        """One line of the option-by-option account."""
        entry, implied = self.option_entry(opt.name)
        snapshot = self._snapshot_all(opt.name)
        if snapshot is not None:
            entry, status, message = snapshot
        elif entry is not None:
            status, message = self._judge(entry, opt, implied)
        else:
            entry, status, message = self._not_listed(opt.name)
        notes = []
        if origin:
            notes.append(origin)
        if opt.name == POSITIONAL_IMAGE and opt.spelled:
            notes.append("a disk image given without an option, which qemu uses as -hda")
        elif opt.spelled and opt.spelled != opt.name:
            notes.append(f"written {opt.spelled}")
        elif implied is not None:
            target = SPELLINGS[opt.name][0]
            notes.append(f"an old spelling of {target} {implied}")
        elif opt.name in SPELLINGS:
            notes.append(f"a later spelling of {SPELLINGS[opt.name][0]}")
        if notes:
            message = f"{'; '.join(notes)}: {message}"
        return OptionFinding(option=opt.name, value=opt.value, status=status, message=message,
                             entry=entry.id if entry is not None else None, scope=scope)

    def _judge(self, entry: Entry, opt: ParsedOption, implied: str | None) -> tuple[str, str]:
        fields: Mapping = entry.fields
        if entry.status == UNSUPPORTED:
            return UNSUPPORTED, "not supported: Appendix A lists it among the options that are " \
                                "not supported"
        problems: list[str] = []
        allowed, refused = tuple(fields.get("value_allowed", ())), \
            tuple(fields.get("value_refused", ()))
        first = implied if implied is not None else opt.first
        review_first = self._usb_driver(entry, first) or self._assign_driver(entry, first)
        if review_first:
            return UNLISTED, review_first
        if (allowed or refused) and first:
            problem = _value_problem(first, allowed, refused)
            if problem:
                problems.append(problem)
        p_allowed: Mapping = fields.get("params_allowed", {})
        p_refused: Mapping = fields.get("params_refused", {})
        p_open: Mapping = fields.get("params_unaddressed", {})
        checked: list[str] = []
        review: list[str] = []
        for key in dict.fromkeys((*p_refused, *p_allowed, *p_open)):
            if key not in opt.params:
                continue
            value = opt.params[key]
            checked.append(f"{key}={value}")
            if value in p_refused.get(key, ()):
                problems.append(f"{key}={value} is not supported: Appendix A refuses it by name")
            elif value in p_open.get(key, ()):
                review.append(f"{key}={value} is neither allowed nor refused by the statement "
                              f"(see the ambiguities of {entry.id})")
            elif key in p_allowed and value not in p_allowed[key]:
                problems.append(f"{key}={value} is not supported: only "
                                f"{_listing(f'{key}={v}' for v in p_allowed[key])}")
        if problems:
            return UNSUPPORTED, "; ".join(problems)
        review += _doubtful(entry, first)
        if review:
            return UNLISTED, "; ".join(review) + "; needs review"
        if (allowed or refused) and first:
            checked.insert(0, first)
        # a later release may rate an option best-effort or tech-preview: that rating counts
        status = entry.status if entry.status in VERDICT_ORDER else SUPPORTED
        word = STATUS_LABELS.get(status, status).lower()
        if checked:
            return status, f"{word}: {', '.join(checked)}, as Appendix A allows " \
                           f"({entry.source_text or entry.fields.get('name')})"
        return status, f"{word}: Appendix A lists {entry.source_text or entry.title}"

    def _snapshot_all(self, name: str) -> tuple[Entry, str, str] | None:
        """`-snapshot` is not listed by name, but it is snapshot=on for every disk (qemu-kvm
        0.12), which the -drive entry refuses (L283, L351): one judgement with the disks."""
        drive = self.index.option("-drive")
        if name != SNAPSHOT_ALL or drive is None or \
                "on" not in self.index.params_refused("-drive", "snapshot"):
            return None
        return drive, UNSUPPORTED, ("not listed by name, but it sets snapshot=on for every "
                                    "disk, which Appendix A refuses (-drive ... snapshot=on); "
                                    "judged with the guest's disks")

    def _usb_driver(self, entry: Entry, driver: str | None) -> str:
        """`-device usb-tablet`: the driver of a device -usbdevice supports, which the -device
        list does not name; how libvirt starts a USB tablet. Needs review, as in triage."""
        usb = self.index.option("-usbdevice")
        if entry.fields.get("name") != "-device" or usb is None or not driver \
                or not driver.startswith("usb-"):
            return ""
        device = driver[len("usb-"):]
        if device not in usb.fields.get("value_allowed", ()):
            return ""
        return (f"-usbdevice {device} is supported, but the driver {driver} (how libvirt starts "
                "that device) is not in the -device list, while virt-manager's restrictions do "
                "not exclude it: the statement does not settle which reading holds; needs review")

    def _assign_driver(self, entry: Entry, driver: str | None) -> str:
        """`-device pci-assign`: how libvirt starts an assigned PCI device on qemu-kvm 0.12.
        PCI passthrough is a supported feature and -pcidevice a supported option, but the
        -device list does not name the driver: one device, one judgement, whatever the route
        (the XML's <hostdev> reads the same way). Needs review, saying why."""
        if entry.fields.get("name") != "-device" or driver not in ASSIGN_DRIVERS:
            return ""
        pcidevice = self.index.option("-pcidevice")
        if pcidevice is None or pcidevice.status != SUPPORTED:
            return ""
        return (f"PCI passthrough is a supported feature and Appendix A supports -pcidevice, "
                f"but the driver {driver} (how libvirt assigns a PCI device with qemu-kvm 0.12) "
                "is not in the -device list, whose refusing line is cut off: the statement "
                "does not settle which reading holds; needs review")

    def _not_listed(self, name: str) -> tuple[Entry | None, str, str]:
        feature = self._feature_spellings.get(name)
        if feature is not None:
            if feature.status == UNSUPPORTED:
                return feature, UNSUPPORTED, f"not supported: the statement's " \
                                             f"'{feature.title}' covers it"
            return feature, UNLISTED, f"not in Appendix A; related: '{feature.title}'; " \
                                      "needs review"
        if name in LIBVIRT_ADDED:
            return None, UNLISTED, "not covered by the statement: libvirt adds it by itself " \
                                   "for guests of the supported management tools; needs review"
        if name not in KNOWN_012:
            return None, UNLISTED, "not covered by the statement: not an option of qemu-kvm " \
                                   "0.12 (a later or other qemu); needs review"
        return None, UNLISTED, "not covered by the statement: Appendix A does not list it; " \
                               "needs review"

    def account(self, result: Analysis, options: Iterable[ParsedOption], scope: str,
                origin: str = "") -> None:
        """Add each option's account line and, where it counts, its verdict finding."""
        for opt in options:
            item = self.classify(opt, scope, origin)
            result.options.append(item)
            finding = self.verdict(item)
            if finding is not None:
                result.add_finding(finding)

    # ------------------------------------------------------------------ one problem, once
    def carried(self, item: OptionFinding) -> bool:
        """The option's problem is in the guest's case answers, which triage judges: the
        finding there is the one line about it (the option table keeps the option's view).

        A -device driver counts only where triage reaches the same judgement from the answer
        it becomes (e1000 -> NIC model e1000); a driver refused only as a spelling of a
        supported device (ide-hd -> bus ide) keeps its own finding.
        """
        first = item.value.split(",", 1)[0].strip()
        if item.option in CARRIED_OPTIONS:
            return item.status == UNSUPPORTED
        if item.option == "-net":
            return first == "nic" and item.status == UNSUPPORTED
        if item.option != "-device":
            return False
        if first in dev.SOUND_DRIVERS or first in dev.USB_DEVICE_DRIVERS:
            return True
        for table, option, param in ((dev.NIC_DRIVERS, "-net", "model"),
                                     (dev.DISK_DRIVERS, "-drive", "if")):
            if first in table:
                allowed = self.index.params_allowed(option, param) or ()
                return table[first] not in allowed
        if first in dev.VIDEO_DRIVERS:
            vga = self.index.option("-vga")
            allowed = vga.fields.get("value_allowed", ()) if vga is not None else ()
            return dev.VIDEO_DRIVERS[first] not in allowed
        return False

    # ------------------------------------------------------------------ verdict
    def verdict(self, item: OptionFinding) -> Finding | None:
        """The verdict finding for an account line: unsupported and unlisted options count.

        An option judged through a feature entry (`-no-kvm`) gets none: the guest's `features`
        carry it to triage, which cites the feature itself. An unlisted option's finding names
        the option only, so ten `-object` lines of one guest make one item to review.
        """
        if item.status == SUPPORTED or self.carried(item):
            return None
        entry = self.kb.find(item.entry, self.index.release) if item.entry else None
        if entry is not None and entry.kind != "qemu-option":
            return None
        shown = item.option if item.status == UNLISTED else \
            f"{item.option} {short(item.value)}".strip()
        return Finding(rule=RULE, scope=item.scope, status=item.status,
                       message=f"{shown}: {item.message}",
                       entry=entry.id if entry is not None else None,
                       section=self.heading(entry), key=f"{RULE}@{item.scope}#{item.option}")


ASSIGN_DRIVERS = frozenset({"pci-assign", "kvm-pci-assign"})


def _doubtful(entry: Entry, first: str) -> list[str]:
    """What the knowledge base itself flags as doubtful: a first value the statement neither
    allows nor refuses (`-netdev socket`), or the whole option (`-loadvm`)."""
    out = []
    if first and first in entry.fields.get("value_unaddressed", ()):
        out.append(f"{first} is neither allowed nor refused by the statement (see the "
                   f"ambiguities of {entry.id})")
    reason = entry.fields.get("review")
    if reason:
        out.append(reason)
    return out


def _value_problem(first: str, allowed: tuple[str, ...], refused: tuple[str, ...]) -> str:
    """Why a first value is not supported, or "" when it is."""
    candidates = [first]
    if ":" in first:  # -usbdevice host:1234:5678, disk:/path
        candidates.append(first.split(":", 1)[0])
    if any(c in allowed for c in candidates):
        return ""
    if any(c in refused for c in candidates):
        return f"value {short(first, 40)} is not supported: Appendix A refuses it by name"
    if not allowed:
        return ""
    return f"value {short(first, 40)} is not supported: only {_listing(allowed)}"
