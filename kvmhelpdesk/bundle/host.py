"""The host's answers a supportconfig proves, each with the line it was read from.

Only what the bundle shows goes in; anything else stays unknown, and triage asks for it. The
parsers are analyze.hostfacts (shared with probe-host); this module finds their blocks and
turns each parsed fact into a case-file `host` answer plus its Evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kvmhelpdesk.analyze.hostfacts import (
    CpuInfo,
    iommu_from_cmdline,
    parse_cpuinfo,
    parse_meminfo_kib,
    parse_os_release,
    parse_suse_release,
)
from kvmhelpdesk.bundle.evidence import Evidence
from kvmhelpdesk.bundle.sections import CONFIG, LOG, SYSTEM, VERIFICATION, Block, Blocks

BASIC_ENV, HARDWARE, MEMORY, KVM = ("basic-environment.txt", "hardware.txt", "memory.txt",
                                    "kvm.txt")
VENDOR_MODULES = ("kvm_intel", "kvm_amd")
VIRT_MANAGER_LOG = "/root/.virt-manager/virt-manager.log"
_KEY_VALUE = re.compile(r"^\s*([A-Za-z][A-Za-z ()/_-]{0,40}?)\s*:\s*(.*?)\s*$")
_RPM_VERIFY = re.compile(r"^rpm -V (\S+)$")
_RPM_MISSING = re.compile(r"^RPM Not Installed:\s*(\S+)$")


@dataclass
class HostFacts:
    """Case `host` answers with their evidence, and what the bundle says about itself."""

    answers: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    sources: dict[str, Evidence] = field(default_factory=dict)  # facts that are no answer
    hostname: str = ""
    kernel: str = ""
    collected: str = ""
    memory_kib: int | None = None
    logical_cpus: int | None = None
    hypervisor: tuple[str, Evidence] | None = None  # "KVM (kvm loaded)", its line
    identity: tuple[str, Evidence] | None = None
    kvm_package: tuple[str, Evidence] | None = None  # "kvm-0.12.5-1.2.3" or "" (not installed)
    virt_manager_log: Evidence | None = None  # virt-manager's own log has lines
    notes: list[str] = field(default_factory=list)

    def answer(self, key: str, value: Any, evidence: Evidence) -> None:
        self.answers[key] = value
        self.evidence[f"host.{key}"] = evidence


def _at(block: Block, index: int, focus: str = "") -> Evidence:
    """Evidence for the 0-based `index` of a block's kept body lines."""
    number, line = block.body[index]
    return Evidence.at(block, number, line, focus=max(0, line.find(focus)) if focus else 0)


def key_values(block: Block) -> dict[str, tuple[str, int]]:
    """`Key: value` lines of a block body: key (lower case) -> (value, body index)."""
    found: dict[str, tuple[str, int]] = {}
    for index, (_, line) in enumerate(block.body):
        match = _KEY_VALUE.match(line)
        if match:
            found.setdefault(match.group(1).strip().lower(), (match.group(2), index))
    return found


def read_host(blocks: Blocks) -> HostFacts:
    """Every host answer the bundle proves."""
    facts = HostFacts()
    _release(facts, blocks)
    _uname(facts, blocks)
    cpu = _cpu(facts, blocks)
    _cmdline(facts, blocks)
    _memory(facts, blocks)
    _virtualization(facts, blocks)
    _kvm_package(facts, blocks)
    vendor_module = _modules(facts, blocks)
    _hardware_virtualization(facts, cpu, vendor_module)
    _topology(facts, blocks)
    log = blocks.find(KVM, LOG, lambda b: b.name == VIRT_MANAGER_LOG and not b.status)
    if log is not None and log.seen:
        facts.virt_manager_log = Evidence.header(log)
    return facts


def _release(facts: HostFacts, blocks: Blocks) -> None:
    for path, parse in (("/etc/SuSE-release", parse_suse_release),
                        ("/etc/os-release", parse_os_release)):
        block = blocks.config(BASIC_ENV, path)
        if block is None or block.failed or not block.body:
            continue
        release = parse(block.text)
        if release is not None:
            facts.answer("os", release.text, _at(block, release.line))
            return
    for block in blocks.of(BASIC_ENV, CONFIG):  # another distribution's /etc/*-release
        if "release" in block.name and not block.failed and block.body \
                and not block.name.endswith("lsb-release"):
            facts.answer("os", block.body[0][1].strip(), _at(block, 0))
            return


def _uname(facts: HostFacts, blocks: Blocks) -> None:
    block = blocks.command(BASIC_ENV, "uname -a")
    if block is None or block.failed or not block.body:
        return
    words = block.body[0][1].split()
    if len(words) < 3 or words[0] != "Linux":
        return
    facts.hostname, facts.kernel = words[1], words[2]
    machine = words[-4] if words[-1] == "GNU/Linux" and len(words) >= 7 else words[-1]
    if re.fullmatch(r"[A-Za-z0-9_]{2,16}", machine) and machine != "unknown":
        facts.answer("arch", machine, _at(block, 0, machine))
    date = blocks.command(BASIC_ENV, "date")
    if date is not None and not date.failed and date.body:
        facts.collected = date.body[0][1].strip()


def _cpu(facts: HostFacts, blocks: Blocks) -> CpuInfo | None:
    block = blocks.config(HARDWARE, "/proc/cpuinfo")
    if block is None or block.failed or not block.body:
        return None
    info = parse_cpuinfo(block.text)
    if not info.logical:
        return None
    facts.logical_cpus = info.logical
    if info.case_vendor:
        facts.answer("cpu_vendor", info.case_vendor, _at(block, info.lines["vendor"]))
    if info.physical_cores:
        sockets = f" on {info.sockets} socket{'s' if info.sockets != 1 else ''}" \
            if info.sockets else ""
        facts.answer("cpu_cores", info.physical_cores, _at(block, info.lines["core_id"])
                     .with_derivation(f"counted over the whole listing: {info.physical_cores} "
                                      f"distinct (physical id, core id) pairs{sockets} in "
                                      f"{info.logical} processor entries; hyperthreads are not "
                                      "counted as cores (L100)"))
    if info.x86 and "flags" in info.lines:
        facts.answer("constant_tsc", "constant_tsc" in info.flags,
                     _at(block, info.lines["flags"], "constant_tsc"))
    if "flags" in info.lines:
        flag = "vmx" if "vmx" in info.flags else "svm"
        facts.sources["cpu_flags"] = _at(block, info.lines["flags"], flag)
    return info


def _cmdline(facts: HostFacts, blocks: Blocks) -> None:
    block = blocks.config(HARDWARE, "/proc/cmdline")
    if block is None or block.failed or not block.body:
        return
    cmdline = block.body[0][1].strip()
    facts.answer("kernel_cmdline", cmdline, _at(block, 0))
    iommu = iommu_from_cmdline(cmdline)
    if iommu is not None:
        facts.answer("iommu", iommu[0], _at(block, 0, iommu[1]))


def _memory(facts: HostFacts, blocks: Blocks) -> None:
    block = blocks.config(MEMORY, "/proc/meminfo")
    if block is None or block.failed:
        return
    found = parse_meminfo_kib(block.text)
    if found is not None:
        facts.memory_kib = found[0]
        facts.sources["memory"] = _at(block, found[1])


def _virtualization(facts: HostFacts, blocks: Blocks) -> None:
    block = blocks.find(BASIC_ENV, SYSTEM, lambda b: b.name == "Virtualization")
    if block is None:
        return
    values = key_values(block)
    for key, slot in (("hypervisor", "hypervisor"), ("identity", "identity")):
        if key in values:
            value, index = values[key]
            setattr(facts, slot, (value, _at(block, index)))


def _kvm_package(facts: HostFacts, blocks: Blocks) -> None:
    for block in blocks.of(KVM, VERIFICATION):
        for index, (_, line) in enumerate([(0, f"# {block.name}"), *block.body]):
            text = line.lstrip("#").strip()
            number_index = index - 1
            evidence = Evidence.header(block) if number_index < 0 else _at(block, number_index)
            installed = _RPM_VERIFY.match(text)
            if installed and re.match(r"kvm-\d", installed.group(1)):
                facts.kvm_package = (installed.group(1), evidence)
                return
            missing = _RPM_MISSING.match(text)
            if missing and missing.group(1) == "kvm":
                facts.kvm_package = ("", evidence)
                return


def _modules(facts: HostFacts, blocks: Blocks) -> bool:
    """kvm_modules_loaded from `lsmod | grep ^kvm`; True when a vendor module is loaded."""
    block = blocks.command(KVM, "lsmod | grep ^kvm")
    if block is None or block.failed or block.cut_short:
        return False
    modules = {line.split()[0]: index for index, (_, line) in enumerate(block.body)
               if line.split()}
    vendor = next((m for m in VENDOR_MODULES if m in modules), None)
    if "kvm" in modules and vendor is not None:
        facts.answer("kvm_modules_loaded", True, _at(block, modules[vendor]))
    elif modules:
        facts.answer("kvm_modules_loaded", False, _at(block, next(iter(modules.values()))))
    else:
        facts.answer("kvm_modules_loaded", False, Evidence.header(block))
    return vendor is not None


def _hardware_virtualization(facts: HostFacts, cpu: CpuInfo | None, vendor_module: bool) -> None:
    if vendor_module:  # kvm_intel/kvm_amd load only with VT-x/AMD-V present and enabled
        facts.answer("hardware_virtualization", "enabled",
                     facts.evidence["host.kvm_modules_loaded"])
    elif cpu is not None and cpu.x86 and not cpu.hardware_virtualization_flag \
            and "cpu_flags" in facts.sources:
        facts.answer("hardware_virtualization", "absent", facts.sources["cpu_flags"])


def _topology(facts: HostFacts, blocks: Blocks) -> None:
    nodeinfo = blocks.command(KVM, "virsh nodeinfo")
    if nodeinfo is not None and not nodeinfo.failed:
        cells = key_values(nodeinfo).get("numa cell(s)")
        if cells and cells[0].isdigit() and int(cells[0]) >= 1:
            facts.answer("numa_nodes", int(cells[0]), _at(nodeinfo, cells[1]))
    if "cpu_cores" in facts.answers:
        return
    lscpu = blocks.command(KVM, "lscpu")
    if lscpu is None or lscpu.failed:
        if facts.logical_cpus:
            facts.notes.append(f"hardware.txt: /proc/cpuinfo lists {facts.logical_cpus} "
                               "logical CPUs without their core ids: the physical cores are "
                               "unknown")
        return
    values = key_values(lscpu)
    per_socket = values.get("core(s) per socket")
    sockets = values.get("socket(s)") or values.get("cpu socket(s)")
    if per_socket and sockets and per_socket[0].isdigit() and sockets[0].isdigit():
        cores = int(per_socket[0]) * int(sockets[0])
        if cores >= 1:
            facts.answer("cpu_cores", cores, _at(lscpu, per_socket[1]))
