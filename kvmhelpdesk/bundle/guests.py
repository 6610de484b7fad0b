"""One case guest per domain, judged by the existing analyzers, with the evidence of each answer.

Which piece becomes the case's guest: the definition (/etc/libvirt/qemu/NAME.xml: what starts
next time, and the most complete description), else the live `virsh dumpxml`, else the newest
logged (or running) command line. When the guest also runs now with a command line the bundle
shows, that command line is judged as well: its own problems join the guest's findings marked
"Running now", and where it disagrees with the definition a condition says how. The guest OS
is never guessed (see bundle.hints).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk.analyze import Analysis, AnalyzeError, analyze_libvirt_xml, analyze_qemu_cmdline
from kvmhelpdesk.bundle.domains import CommandLine, Domain, XmlPiece
from kvmhelpdesk.bundle.drift import compare_guests
from kvmhelpdesk.bundle.evidence import Evidence
from kvmhelpdesk.bundle.hints import os_hints
from kvmhelpdesk.bundle.xmllines import element_lines
from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.triage.findings import ADVICE, CONDITION, VERDICT_ORDER, Finding

DRIFT_RULE = "bundle.running-differs"
# The command line a guest runs (or last ran) has its own evidence, `guests[N].running`: not an
# answer of the case, but what "Running now" findings rest on. Their basis is relative to the
# guest ("" the guest itself, so the finding counts as judged); build_case prefixes `guests[N]`.
RUNNING = "running"
RUNNING_BASIS = ("", RUNNING)
# The running command line's findings that join the guest's: those that worsen a verdict. Its
# unlisted options are libvirt's own additions (-S, -nodefaults, -usb) the definition's
# analysis already accounts for in its own words.
PROBLEMS = tuple(s for s in VERDICT_ORDER if s != "supported")
QEMU_OPTION_RULE = "qemu-option"
NO_XML = "no domain XML in the bundle"  # the note of a domain known from a command line alone
# Guest device words -> the <devices> child they are read from.
_DEVICE_ELEMENTS = {"sound": "sound", "balloon": "memballoon", "tablet": "input",
                    "mouse": "input", "keyboard": "input", "usb-host": "hostdev",
                    "pci-passthrough": "hostdev", "usb-redir": "redirdev"}


@dataclass
class JudgedGuest:
    """A domain's case guest (None when it cannot be one), its evidence and its findings.

    Evidence keys are relative to the guest: "" (the guest itself), "vcpus",
    "disks[0].format"; the builder prefixes `guests[N]`.
    """

    domain: Domain
    guest: dict[str, Any] | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)
    analysis: Analysis = field(default_factory=Analysis)
    judged_from: str = ""  # "/etc/libvirt/qemu/web.xml", "virsh dumpxml web", a log, "ps"


def _where(line: CommandLine) -> str:
    if line.where == "ps":
        return f"the running process, {line.block.file} line {line.number}"
    started = f", started {line.started}" if line.started else ""
    return f"the newest start in {line.where}, {line.block.file} line {line.number}{started}"


def _rescope(analysis: Analysis, scope: str, prefix: str = "") -> Analysis:
    """The analysis with every finding and option line in `scope` (the domain's name)."""
    out = Analysis(host=analysis.host, guests=analysis.guests, errors=analysis.errors)
    # Answer paths of a separately analyzed piece (`guests[0]...`) are not the case's: the
    # verdict gives a finding without a basis the guest's own path when it is added.
    out.findings = [dataclasses.replace(f, scope=scope, message=prefix + f.message, basis=(),
                                        key="")
                    for f in analysis.findings]
    out.options = [dataclasses.replace(o, scope=scope, message=prefix + o.message)
                   for o in analysis.options]
    out.monitor = analysis.monitor
    return out


def judge_domain(domain: Domain, kb: KnowledgeBase, release: str | None,
                 origin: str) -> JudgedGuest:
    """Analyze a domain's pieces into one judged guest."""
    result = JudgedGuest(domain)
    scope = f"guest:{domain.name}"
    notes = result.analysis.errors
    xml, piece = _first_xml(domain, kb, release, notes)
    command = domain.process or domain.logged
    now = domain.now
    cmd = _command(command, kb, release, notes) if command is not None else None
    if xml is not None and piece is not None:
        result.analysis.extend(_rescope(xml, scope))
        result.judged_from = piece.where
        if xml.guests:
            result.guest = xml.guests[0]
            result.evidence = xml_evidence(result.guest, piece, origin)
        if cmd is not None and command is not None and cmd.guests and result.guest is not None:
            _judge_running(result, cmd, command, now is command, scope, kb, release)
        elif now is None and domain.live is not None and piece is domain.definition \
                and domain.running and result.guest is not None:
            _compare_live(result, domain.live, kb, release, scope)
    elif cmd is not None and command is not None and cmd.guests:
        result.analysis.extend(_rescope(cmd, scope))
        result.guest = cmd.guests[0]
        result.judged_from = command.where
        result.evidence = command_evidence(result.guest, command, origin)
        if domain.libvirt:
            notes.append(f"{domain.name}: {NO_XML}: judged from {_where(command)}")
    if result.guest is not None:
        result.guest["name"] = domain.name
    result.analysis.findings += [
        Finding(rule="bundle.os-hint", scope=scope, status=ADVICE, message=hint, entry=None,
                section=None, basis=("name",)) for hint in os_hints(domain)]
    result.analysis.errors = [f"{domain.name}: {e}" if not e.startswith(domain.name) else e
                              for e in notes]
    return result


def _first_xml(domain: Domain, kb: KnowledgeBase, release: str | None,
               notes: list[str]) -> tuple[Analysis | None, XmlPiece | None]:
    for piece in (domain.definition, domain.live):
        if piece is None:
            continue
        try:
            return analyze_libvirt_xml(piece.text, kb, release), piece
        except AnalyzeError as exc:
            notes.append(f"{piece.where} ({piece.block.file} line {piece.block.line}) could not "
                         f"be analyzed: {exc}")
    return None, None


def _command(line: CommandLine, kb: KnowledgeBase, release: str | None,
             notes: list[str]) -> Analysis | None:
    try:
        return analyze_qemu_cmdline(line.line, kb, release)
    except AnalyzeError as exc:
        notes.append(f"{_where(line)} could not be analyzed: {exc}")
        return None


def _rule_problems(guest: dict[str, Any], kb: KnowledgeBase,
                   release: str | None) -> list[Finding]:
    """What the guest rules find wrong with one configuration (its verdict-bearing problems)."""
    from kvmhelpdesk.triage import CaseError, check_guest

    try:
        return [f for f in check_guest(guest, kb, release) if f.status in PROBLEMS]
    except CaseError:
        return []


def _judge_running(result: JudgedGuest, cmd: Analysis, command: CommandLine, runs_now: bool,
                   scope: str, kb: KnowledgeBase, release: str | None) -> None:
    """Add the running command line's own problems and a finding on what differs.

    Its problems are those of the analyzer (options) and of the guest rules (a qcow2 disk, a
    NIC model): the rules judge the definition only, so what only the running configuration
    has wrong is said here, once.
    """
    assert result.guest is not None
    where = _where(command)
    if runs_now:
        prefix = f"Running now ({command.block.file} line {command.number}): "
        have = {_key(f) for f in result.analysis.findings}
        running_rules: list[Finding] = []
        if cmd.guests[0] != result.guest:  # the same answers: the rules find the same
            judged = {(f.rule, f.message) for f in _rule_problems(result.guest, kb, release)}
            running_rules = [f for f in _rule_problems(cmd.guests[0], kb, release)
                             if (f.rule, f.message) not in judged]
        own = Analysis(findings=[f for f in [*cmd.findings, *running_rules]
                                 if f.status in PROBLEMS and _key(f) not in have],
                       options=[o for o in cmd.options if o.status in PROBLEMS])
        running = _rescope(own, scope, prefix)
        result.analysis.findings += [dataclasses.replace(f, basis=RUNNING_BASIS)
                                     for f in running.findings]
        result.analysis.options += running.options
    result.evidence[RUNNING] = command.evidence()
    differences = compare_guests(result.guest, cmd.guests[0])
    if not differences:
        return
    listing = "; ".join(differences)
    if runs_now:
        message = (f"The running guest differs from its definition ({result.judged_from}) "
                   f"[definition vs running, from {where}]: {listing}. The definition takes "
                   "effect at the next start; this verdict judges the definition and lists the "
                   "running command line's own problems as 'Running now'. Confirm which "
                   "configuration the customer means.")
        status = CONDITION
    else:
        message = (f"The guest's last start used another configuration than its definition "
                   f"({result.judged_from}) holds now [definition vs last start, from {where}]: "
                   f"{listing}. The definition is what starts next; it is what this verdict "
                   "judges.")
        status = ADVICE
    result.analysis.findings.append(Finding(rule=DRIFT_RULE, scope=scope, status=status,
                                            message=message, entry=None, section=None,
                                            basis=RUNNING_BASIS))


def _compare_live(result: JudgedGuest, live: XmlPiece, kb: KnowledgeBase, release: str | None,
                  scope: str) -> None:
    """A running domain without a command line: compare its live XML with the definition."""
    assert result.guest is not None
    try:
        running = analyze_libvirt_xml(live.text, kb, release)
    except AnalyzeError:
        return
    if not running.guests:
        return
    differences = compare_guests(result.guest, running.guests[0])
    if differences:
        result.analysis.findings.append(Finding(
            rule=DRIFT_RULE, scope=scope, status=CONDITION,
            message=(f"The running guest differs from its definition ({result.judged_from}) "
                     f"[definition vs `{live.where}`, {live.block.file} line {live.block.line}]:"
                     f" {'; '.join(differences)}. The definition takes effect at the next start "
                     "and is what this verdict judges. Confirm which configuration the customer "
                     "means."), entry=None, section=None))


def _key(finding: Finding) -> tuple[Any, ...]:
    """Findings that say the same thing about a guest: one qemu-option finding per option."""
    if finding.rule == QEMU_OPTION_RULE:
        return finding.rule, finding.status, finding.entry, finding.message.split(" ", 1)[0]
    return finding.rule, finding.status, finding.entry, finding.message


def xml_evidence(guest: dict[str, Any], piece: XmlPiece, origin: str) -> dict[str, Evidence]:
    """Evidence of each answer read from a domain XML: the element it came from."""
    lines = element_lines(piece.text)
    out: dict[str, Evidence] = {}

    def put(path: str, element: str, fallback: str = "") -> None:
        line = lines.get(element) or (lines.get(fallback) if fallback else None)
        if line:
            out[path] = piece.evidence(line, origin)

    put("", "domain")
    put("name", "name")
    for key, element in (("vcpus", "vcpu"), ("memory_mb", "memory"), ("bits", "os/type"),
                         ("boot_options", "os/cmdline")):
        if key in guest:
            put(key, element)
    if "video" in guest:
        put("video", "devices/video[0]/model", "devices/video[0]")
    for kind, element, parts in (("disks", "disk", (("format", "driver"), ("bus", "target"),
                                                    ("storage", "source"))),
                                 ("nics", "interface", (("model", "model"), ("mac", "mac")))):
        for index, item in enumerate(guest.get(kind) or ()):
            base = f"devices/{element}[{index}]"
            put(f"{kind}[{index}]", base)
            for key, child in parts:
                if key in item:
                    put(f"{kind}[{index}].{key}", f"{base}/{child}", base)
    for index, word in enumerate(guest.get("devices") or ()):
        element = _DEVICE_ELEMENTS.get(word)
        if element:
            put(f"devices[{index}]", f"devices/{element}[0]", "devices/interface[0]")
    for index, word in enumerate(guest.get("features") or ()):
        if word == "qemu-only":
            put(f"features[{index}]", "domain")
        elif word == "pci-passthrough":
            put(f"features[{index}]", "devices/hostdev[0]", "devices/interface[0]")
    return out


_OPTION_FOCUS = {"name": " -name ", "vcpus": " -smp ", "memory_mb": " -m ", "video": " -vga ",
                 "boot_options": " -append "}


def command_evidence(guest: dict[str, Any], line: CommandLine,
                     origin: str) -> dict[str, Evidence]:
    """Evidence of each answer read from a command line: the line, cut around the option."""
    text = line.line

    def focus(needle: str, nth: int = 0) -> int:
        at = -1
        for _ in range(nth + 1):
            at = text.find(needle, at + 1)
            if at < 0:
                return 0
        return at

    out = {"": line.evidence(0, origin)}
    for key in guest:
        if key in ("disks", "nics"):
            needle = " -drive " if key == "disks" else " -net nic"
            for index in range(len(guest[key])):
                out[f"{key}[{index}]"] = line.evidence(focus(needle, index), origin)
        elif key in ("devices", "features"):
            for index in range(len(guest[key])):
                out[f"{key}[{index}]"] = line.evidence(0, origin)
        else:
            out[key] = line.evidence(focus(_OPTION_FOCUS.get(key, " -")), origin)
    return out
