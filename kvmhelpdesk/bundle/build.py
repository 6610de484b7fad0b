"""A read Bundle -> a case (format v2) with its `evidence` and `source`, plus the findings the
analyzers and the bundle itself state; ready for triage.check.

The bundle's own findings are about the bundle, not about support: that it has no kvm.txt,
that it comes from a virtual machine, that the running guest differs from its definition, what
a domain's name suggests. Support itself is decided by the analyzers and the triage rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from kvmhelpdesk.analyze import Analysis
from kvmhelpdesk.bundle.evidence import Evidence
from kvmhelpdesk.bundle.guests import NO_XML, judge_domain
from kvmhelpdesk.bundle.reader import Bundle
from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.triage.case import CASE_FORMAT, merge_case
from kvmhelpdesk.triage.findings import ADVICE, CONDITION, Finding

HOST = "host"
MAX_CASE_NOTES = 200  # notes kept in the case file's source (all are in BundleCase.notes)


@dataclass
class BundleCase:
    """The case built from a bundle, the findings to add to its verdict, and notes.

    `case` validates as case format v2 and holds `evidence` (answer path -> source) and
    `source`. `analysis.findings` / `analysis.options` go into the verdict with
    `Verdict.add`; `notes` are one-line remarks for the engineer (skipped members, caps,
    pieces that could not be analyzed).
    """

    bundle: Bundle
    case: dict[str, Any]
    analysis: Analysis = field(default_factory=Analysis)
    notes: list[str] = field(default_factory=list)

    def json_source(self) -> dict[str, Any]:
        """`source` for `check --json`: the case's, plus `notes` (and host memory, if read)."""
        source = dict(self.case.get("source") or self.bundle.source())
        if self.bundle.host.memory_kib is not None:
            source["memory_kib"] = self.bundle.host.memory_kib
        source["notes"] = list(self.notes)
        return source


def _finding(rule: str, status: str, message: str, scope: str = HOST) -> Finding:
    return Finding(rule=rule, scope=scope, status=status, message=message, entry=None,
                   section=None)


def bundle_findings(bundle: Bundle) -> list[Finding]:
    """What the bundle says about itself that the engineer must weigh."""
    host = bundle.host
    out: list[Finding] = []
    if host.kvm_package is not None and not host.kvm_package[0]:
        out.append(_finding("bundle.kvm-package", CONDITION, (
            f"The kvm package is not installed ({host.kvm_package[1].cite()}): supportconfig "
            "skipped its KVM section, so no guests could be read. This verdict covers the host "
            "only; confirm this is the KVM host.")))
    elif not bundle.kvm:
        out.append(_finding("bundle.no-kvm", CONDITION, (
            "The bundle has no kvm.txt (supportconfig writes it only where the kvm package is "
            "installed, and it can be excluded): no guests could be read. This verdict covers "
            "the host only; ask for a bundle of the KVM host with the KVM section.")))
    identity = host.identity[0] if host.identity else ""
    if identity.startswith("Virtual Machine") and not identity.startswith("Virtual Machine Server"):
        assert host.identity is not None
        out.append(_finding("bundle.from-guest", CONDITION, (
            f"The bundle comes from a virtual machine ({host.identity[1].cite()}: "
            f"'{identity}'): confirm it is the KVM host's bundle, not a guest's.")))
    if host.hypervisor and host.hypervisor[0].lower().startswith("xen"):
        out.append(_finding("bundle.xen", CONDITION, (
            f"The machine runs the Xen hypervisor ({host.hypervisor[1].cite()}: "
            f"'{host.hypervisor[0]}'): the KVM statement does not cover Xen; confirm which "
            "host runs the guests.")))
    libvirt = [d for d in bundle.domains if d.libvirt]
    if libvirt:
        seen = (f" virt-manager's own log has lines ({host.virt_manager_log.cite()}), so it "
                "has been used here." if host.virt_manager_log else "")
        out.append(_finding("bundle.management", ADVICE, (
            f"{_counted(libvirt)} through libvirt "
            f"(virt-manager, vm-install or virsh).{seen} The bundle does not show which tools "
            "the customer uses, nor how virsh is used: confirm.")))
    for domain in bundle.domains:
        if not domain.libvirt and domain.process is not None:
            out.append(_finding("bundle.management", ADVICE, (
                f"'{domain.name}' is a qemu-kvm process started without libvirt "
                f"({domain.process.block.file} line {domain.process.number}, user "
                f"{domain.process.user}): qemu-kvm is also invoked directly on this host; "
                "confirm."), f"guest:{domain.name}"))
    return out


def _counted(domains: list[Any]) -> str:
    """`'web01' is a libvirt domain: it is managed` / `3 guests are libvirt domains: they are
    managed`: the count agrees with its verb."""
    if len(domains) == 1:
        return f"'{domains[0].name}' is a libvirt domain: it is managed"
    return f"{len(domains)} guests are libvirt domains: they are managed"


def _qemu_user(bundle: Bundle, host: dict[str, Any], evidence: dict[str, Evidence],
               notes: list[str]) -> None:
    """`host.qemu_user` = root when every qemu process in `ps` runs as root."""
    processes = [d.process for d in bundle.domains if d.process is not None]
    if not processes:
        return
    users = {p.user for p in processes}
    if users == {"root"}:
        host["qemu_user"] = "root"
        evidence["host.qemu_user"] = processes[0].evidence(0)
    else:
        others = ", ".join(sorted(users - {"root"}))
        notes.append(f"qemu-kvm runs as {others} ({processes[0].block.file}): whether that user "
                     "is in the kvm group is not in the bundle")


GROUP_AT = 4  # this many domains without XML or more: one note names them all


def _grouped(notes: list[str]) -> list[str]:
    """The notes with those of domains known only from a command line made one, where there
    are many (a bundle cut short before the XML, or collected without it): a hundred lines
    saying the same is not read. Each guest's evidence still names its command line."""
    marker = f": {NO_XML}: "
    alike = [note for note in notes if marker in note]
    if len(alike) < GROUP_AT:
        return notes
    names = [note.split(marker, 1)[0] for note in alike]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    group = (f"{len(names)} domains have {NO_XML} ({shown}): each is judged from its command "
             "line (the running process or the newest start in its log)")
    first = notes.index(alike[0])
    rest = [note for note in notes if marker not in note]
    return [*rest[:first], group, *rest[first:]]


def _title(bundle: Bundle) -> str:
    parts = [f"supportconfig {bundle.name}"]
    details = [f"host {bundle.hostname}"] if bundle.hostname else []
    if bundle.collected:
        details.append(f"collected {bundle.collected}")
    return f"{parts[0]} ({', '.join(details)})" if details else parts[0]


def _placed(finding: Finding, path: str | None) -> Finding:
    """A domain's finding with its guest-relative basis ("", "running") made the case's
    (`guests[N]`, `guests[N].running`); none when the domain gave no guest."""
    if not finding.basis:
        return finding
    if path is None:
        return replace(finding, basis=())
    return replace(finding, basis=tuple(f"{path}.{p}" if p else path for p in finding.basis))


def build_case(bundle: Bundle, kb: KnowledgeBase, release: str | None = None) -> BundleCase:
    """The case of a bundle (host answers, one guest per domain), judged pieces included."""
    origin = bundle.name
    host = dict(bundle.host.answers)
    evidence: dict[str, Evidence] = dict(bundle.host.evidence)
    notes = list(bundle.notes)
    _qemu_user(bundle, host, evidence, notes)
    analysis = Analysis(findings=bundle_findings(bundle))
    guests: list[dict[str, Any]] = []
    for domain in bundle.domains:
        judged = judge_domain(domain, kb, release, origin)
        path = f"guests[{len(guests)}]" if judged.guest is not None else None
        analysis.findings += [_placed(f, path) for f in judged.analysis.findings]
        analysis.options += judged.analysis.options
        notes += judged.analysis.errors
        if path is None or judged.guest is None:
            continue
        guests.append(judged.guest)
        for relative, source in judged.evidence.items():
            evidence[f"{path}.{relative}" if relative else path] = source
    notes = _grouped(notes)
    case: dict[str, Any] = {"format": CASE_FORMAT, "version": 2, "title": _title(bundle)}
    if release:
        case["release"] = release
    case["host"] = host
    case["guests"] = guests
    case["evidence"] = {path: source.with_origin(origin).to_dict()
                        for path, source in evidence.items()}
    case["source"] = bundle.source()
    if notes:  # kept with the case: a reopened case still says what could not be read
        kept = notes[:MAX_CASE_NOTES]
        more = len(notes) - len(kept)
        case["source"]["notes"] = kept + ([f"... and {more} more notes"] if more else [])
    return BundleCase(bundle, case, analysis, notes)


def merge_into(base: dict[str, Any], built: BundleCase) -> dict[str, Any]:
    """A case file's answers with the bundle's added: the file's own answers win.

    Host answers the file already has keep their value, and lose the bundle's evidence; the
    bundle's guests follow the file's, their evidence paths renumbered to match, and so are
    the answer paths of `built.analysis.findings` (call it once per BundleCase).
    """
    bundle_case = built.case
    merged = merge_case(base, bundle_case["host"], bundle_case["guests"])
    offset = len(base.get("guests") or ())
    if offset:
        built.analysis.findings = [replace(f, basis=tuple(_shift(p, offset) for p in f.basis))
                                   for f in built.analysis.findings]
    own_host = base.get("host") or {}
    evidence = dict(json.loads(json.dumps(base.get("evidence") or {})))
    for path, source in bundle_case["evidence"].items():
        if path.startswith("host."):
            if path[len("host."):] in own_host:
                continue
            evidence[path] = source
        elif path.startswith("guests["):
            evidence[_shift(path, offset)] = source
    merged["evidence"] = evidence
    merged.setdefault("source", bundle_case["source"])
    merged.setdefault("title", bundle_case["title"])
    merged["version"] = 2
    return merged


def _shift(path: str, offset: int) -> str:
    """`guests[1].vcpus` -> `guests[3].vcpus` for an offset of 2; other paths unchanged."""
    if not path.startswith("guests["):
        return path
    index, _, rest = path[len("guests["):].partition("]")
    return f"guests[{int(index) + offset}]{rest}" if index.isdigit() else path
