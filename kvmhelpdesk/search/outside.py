"""Queries about something the statement does not cover: "Windows Server 2012", "SLES 12 host".

Ranking always finds *something*, and without a word of warning the first hit of such a query
looks like a confident answer. A query gets a notice when it names, as a product and version,
something no entry covers:
  * a guest operating system the guest OS table has no row for (the wizard's own matcher,
    triage.osmatch, decides, so search and verdict agree: "RHEL 7", "XP SP2", "CentOS");
  * a host operating system other than the release's product ("SLES 12 host", "RHEL 6 host";
    "RHEL 6" alone is a guest row and gets no notice);
  * another hypervisor ("Xen", "VMware ESX", "Hyper-V"); but "Xen video" and "VMware VGA" are
    devices the statement does name, so a device word next to them silences the notice;
  * a qemu-kvm version other than the release's ("qemu 1.0");
  * a technology the statement never mentions ("SPICE", "nested virtualization"), unless one of
    the release's entries names it (an alias or keyword, as -vga names "qxl").
A product named without a version ("Windows", "SLES") is no claim of anything and gets none.
The hits stay: they are the closest entries, shown under the notice. Where the check knows
which entries those are (the guest row a version fell short of, the options nearest a
technology), it says so (`Outside.nearest`) and the engine ranks them first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Any

from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.search import analysis

# The first word of an operating system's name (osmatch knows the families and the others).
_OS_START = re.compile(
    r"^(?:sles\w*|sled\w*|suse|sle|rhel\w*|redhat\w*|windows\w*|win(?:\d\w*|xp|vista|2k\w*)?"
    r"|w2k\w*|w7|microsoft|xp|vista|centos\w*|ubuntu|debian|fedora|opensuse\w*|oracle"
    r"|mandriva|mandrake|gentoo|freebsd|netbsd|openbsd|solaris|opensolaris|netware)$")
_OS_PAIR_START = {("red", "hat"), ("open", "suse"), ("scientific", "linux"), ("mac", "os")}
# Words that may follow inside the name: versions, service packs, editions, bitness.
_OS_MORE = re.compile(
    r"^(?:\d+(?:\.(?:\d+|x))*\+?|sp\d+\+?|r2|server|enterprise|linux|hat|desktop|service|pack"
    r"|\d+-?bits?|bits?|x64|x86|x86_64|amd64|i[3-6]86|ga|seven|xp|vista|2k\d+\+?|professional"
    r"|pro|standard|datacenter|edition|sap|u\d+|update|os|suse|lts|ultimate|business|home)$")
_HOST_WORDS = frozenset({"host", "hosts", "hypervisor", "dom0"})
# Other hypervisors by the words engineers use for them (first word, name shown).
_HYPERVISORS = {"xen": "Xen", "xenserver": "XenServer", "vmware": "VMware", "esx": "VMware ESX",
                "esxi": "VMware ESXi", "vsphere": "VMware vSphere", "hyper-v": "Hyper-V",
                "hyperv": "Hyper-V", "virtualbox": "VirtualBox", "vbox": "VirtualBox",
                "parallels": "Parallels", "openvz": "OpenVZ", "lxc": "LXC", "docker": "Docker",
                "proxmox": "Proxmox", "bhyve": "bhyve"}
_CONTAINERS = frozenset({"OpenVZ", "LXC", "Docker"})
# With one of these the hypervisor's name means a device the statement names (-vga vmware).
_DEVICE_WORDS = frozenset({"vga", "svga", "video", "graphics", "display", "framebuffer", "card",
                           "adapter", "xenfb", "vmvga", "-vga", "vmware-svga", "driver"})
_QEMU_WORDS = frozenset({"qemu", "qemu-kvm", "kvm", "qemu-system-x86_64"})
_VERSION = re.compile(r"^\d+\.\d+(?:\.\d+)?$")

@dataclass(frozen=True)
class Topic:
    """A technology engineers ask about that the statement never mentions (tests/search/
    test_outside.py checks each against kvm-supported.txt), with the entries nearest to it."""

    name: str
    what: str
    phrases: tuple[tuple[str, ...], ...]  # lowercase token sequences that name it
    nearest: tuple[str, ...]  # entry ids, nearest first


_NESTED_OBJECTS = ("virtualization", "virtualisation", "virt", "kvm", "guest", "guests", "vm",
                   "vms", "hypervisor", "hypervisors")
TOPICS: tuple[Topic, ...] = (
    Topic("SPICE", "a remote display protocol", (("spice",),), ("opt-vnc", "opt-vga")),
    Topic("nested virtualization", "guests that run a hypervisor themselves",
          (*(("nested", o) for o in _NESTED_OBJECTS), ("kvm", "in", "kvm")),
          ("art-hardware-virtualization", "feat-kvm-module-parameters")),
    Topic("VFIO", "the later device assignment framework", (("vfio",), ("vfio-pci",)),
          ("feat-pci-passthrough", "opt-pcidevice")),
    Topic("virtio-scsi", "a paravirtual SCSI controller", (("virtio-scsi",), ("virtio", "scsi")),
          ("opt-drive", "limit-block-virtio")),
    Topic("macvtap", "a host network backend", (("macvtap",),), ("opt-netdev", "opt-net")),
    Topic("VirtFS", "host folders shared with the guest by 9p", (("virtfs",),), ("opt-drive",)),
)
_TOPIC_FIRST = frozenset(phrase[0] for topic in TOPICS for phrase in topic.phrases)

# Some start of a name any of the checks below looks for; text without one needs no tokens.
_TRIGGER = re.compile(r"sle|suse|rhel|red\s*hat|win|w2k|w7|microsoft|xp|vista|centos|ubuntu"
                      r"|debian|fedora|oracle|scientific|mandr|gentoo|bsd|solaris|netware|mac"
                      r"|xen|vmware|esx|vsphere|hyper|virtualbox|vbox|parallels|openvz|lxc"
                      r"|docker|proxmox|bhyve|qemu|kvm|spice|nested|vfio|virtio|virtfs",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Outside:
    """What the check found for one query: the notice, and the entries to rank first."""

    notice: str | None = None
    nearest: tuple[tuple[str, float], ...] = ()  # (entry id, share of the query naming it)
    words: frozenset[str] = frozenset()  # query words it recognised: not typos to correct


NOTHING = Outside()


class OutsideCheck:
    """What one release covers, read once from its knowledge base; `notice` per query."""

    def __init__(self, kb: KnowledgeBase, release: str) -> None:
        rel = kb.release(release)
        self._kb = kb
        self.release = rel.id
        self.product = rel.product
        self.qemu_kvm_version = rel.qemu_kvm_version

    @cached_property
    def _versions(self) -> frozenset[str]:
        """Versions and service packs the statement names: "1" may still become "11"."""
        from kvmhelpdesk.triage.lookup import lookup

        found = {w.lower() for w in self.product.split()}
        for row in lookup(self._kb, self.release).guest_rows:
            found.add(str(row.fields.get("version", "")).lower())
            found.add(f"sp{row.fields.get('min_service_pack') or 0}")
        return frozenset(found)

    @cached_property
    def _named(self) -> frozenset[str]:
        """Names an entry speaks of ("SLES 11 GA" images): covered, whatever the guest table
        says. Read on the first query that names an operating system."""
        entries = self._kb.release(self.release).entries.values()
        return frozenset(analysis.phrase_key(p) for e in entries
                         for p in (*e.aliases, *e.keywords, e.source_text) if p)

    def prepare(self) -> None:
        """Import the guest OS matcher and read the release's names ahead of the first query."""
        from kvmhelpdesk.triage import osmatch

        osmatch.parse_os(self.product)
        _ = self._versions, self._named

    def notice(self, text: str, typing: bool = False) -> str | None:
        """A one-paragraph notice when `text` names something the release does not cover.

        `typing`: the last word may be half-typed ("SLES 1" on the way to "SLES 11"), so a
        version that is the start of a covered one gets no notice yet.
        """
        return self.check(text, typing).notice

    def check(self, text: str, typing: bool = False) -> Outside:
        """The notice of `text` (see `notice`) and the entries nearest to what it names."""
        if not _TRIGGER.search(text):  # most queries name no product at all: a cheap no
            return NOTHING
        toks = analysis.tokens(text, limit=16)
        if not toks:
            return NOTHING
        nearest: list[tuple[str, tuple[int, int]]] = []
        reasons = [*self._os_reasons(toks, typing, nearest),
                   *_hypervisor_reasons(toks, self.product),
                   *_qemu_reasons(toks, self.qemu_kvm_version, typing),
                   *self._topic_reasons(toks, nearest)]
        if not reasons:
            return NOTHING
        content = sum(1 for t in toks if not t.is_stop) or len(toks)
        ranked = dict.fromkeys(entry for entry, _ in nearest)
        shares = {entry: min(1.0, (end - start) / content)
                  for entry, (start, end) in reversed(nearest)}
        words = frozenset(toks[i].whole for _, (start, end) in nearest for i in range(start, end))
        return Outside(f"Not in the {self.product} statement: {' '.join(reasons)} "
                       "Closest entries below.",
                       tuple((entry, shares[entry]) for entry in ranked), words)

    def _find(self, entry_id: str) -> Any:
        return self._kb.find(entry_id, self.release)

    def _topic_reasons(self, toks: Sequence[analysis.Token],
                       nearest: list[tuple[str, tuple[int, int]]]) -> list[str]:
        """Technologies the statement never mentions, named by the query (TOPICS)."""
        words = [t.whole for t in toks]
        if not _TOPIC_FIRST.intersection(words):
            return []
        reasons = []
        for topic in TOPICS:
            span = _find_phrase(words, topic.phrases)
            if span is None:  # (a word being typed on from a phrase is still the topic)
                continue
            if any(" ".join(p) in self._named for p in topic.phrases):  # an entry names it
                continue
            entries = [e for e in map(self._find, topic.nearest) if e is not None]
            titles = "; ".join(e.title for e in entries)
            reasons.append(f"the statement does not mention {topic.name} ({topic.what})"
                           + (f"; nearest: {titles}." if titles else "."))
            nearest += [(e.id, span) for e in entries]
        return reasons

    def _os_reasons(self, toks: Sequence[analysis.Token], typing: bool,
                    nearest: list[tuple[str, tuple[int, int]]]) -> list[str]:
        from kvmhelpdesk.triage.osmatch import match_os, parse_os

        reasons = []
        for start, end in _os_spans(toks):
            name = " ".join(t.raw for t in toks[start:end])
            parsed = parse_os(name)
            if parsed.family is None and parsed.other is None:
                continue
            if typing and end == len(toks) and self._may_grow(toks[-1].whole):
                continue
            if _is_host(toks, start, end):
                wanted = parse_os(self.product)
                same = (parsed.family == wanted.family and parsed.version == wanted.version
                        and parsed.service_pack in (None, wanted.service_pack))
                if not same and (parsed.version or parsed.other):
                    reasons.append(f"'{name}' as the host: the statement covers {self.product} "
                                   "hosts only.")
                continue
            if analysis.phrase_key(name) in self._named:  # an entry speaks of it
                continue
            found = match_os(name, None, self._kb, self.release)
            # Not a row: either plainly outside, or (Windows Server 2012 beside "Win 2K8+") a
            # row might cover it only by one reading of the statement; the message says which.
            missed = getattr(found, "missed", None)
            if found.entry is None and (found.status == "unsupported" or missed is not None):
                reasons.append(found.message)
                if missed is not None:  # the row it fell short of is the nearest answer
                    nearest.append((missed.id, (start, end)))
        return reasons

    def _may_grow(self, word: str) -> bool:
        return any(v != word and v.startswith(word) for v in self._versions if v)


def _find_phrase(words: Sequence[str], phrases: Sequence[tuple[str, ...]]
                 ) -> tuple[int, int] | None:
    """(start, end) of the first of `phrases` found in `words`, else None."""
    for start, word in enumerate(words):
        for phrase in phrases:
            if word == phrase[0] and tuple(words[start:start + len(phrase)]) == phrase:
                return start, start + len(phrase)
    return None


def _os_spans(toks: Sequence[analysis.Token]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        pair = (toks[i].whole, toks[i + 1].whole) if i + 1 < len(toks) else None
        start = pair in _OS_PAIR_START or bool(_OS_START.match(toks[i].whole))
        if not start:
            i += 1
            continue
        end = i + (2 if pair in _OS_PAIR_START else 1)
        while end < len(toks) and _OS_MORE.match(toks[end].whole):
            end += 1
        spans.append((i, end))
        i = end
    return spans


def _is_host(toks: Sequence[analysis.Token], start: int, end: int) -> bool:
    """A host word right after the name, or just before it ("host running SLES 12")."""
    after = toks[end].whole if end < len(toks) else ""
    before = [t.whole for t in toks[max(0, start - 3):start]
              if not t.is_stop and t.whole not in ("running", "with", "os")]
    return after in _HOST_WORDS or bool(before and before[-1] in _HOST_WORDS)


def _hypervisor_reasons(toks: Sequence[analysis.Token], product: str) -> list[str]:
    words = {t.whole for t in toks}
    if words & _DEVICE_WORDS:
        return []
    named = list(dict.fromkeys(_HYPERVISORS[t.whole] for t in toks if t.whole in _HYPERVISORS))
    # "vmware esx" names one product: keep "VMware ESX", not "VMware" as well
    named = [n for n in named if not any(o.startswith(n + " ") for o in named)]
    return [f"{name} is {'a container platform' if name in _CONTAINERS else 'another hypervisor'}"
            f"; this statement covers KVM on {product} only." for name in named]


def _qemu_reasons(toks: Sequence[analysis.Token], version: str, typing: bool) -> list[str]:
    reasons = []
    for tok, after in pairwise(toks):
        given = after.whole
        if tok.whole not in _QEMU_WORDS or not _VERSION.match(given):
            continue
        if version.startswith(given) or given.startswith(version):
            continue
        if typing and after is toks[-1] and version.startswith(given.rstrip("0123456789")):
            continue
        reasons.append(f"qemu-kvm {given}: the statement covers qemu-kvm {version} only.")
    return reasons
