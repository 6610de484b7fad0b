"""Write supportconfig bundles at test time (folders, tarballs, zips in tmp_path).

The layout follows ../shared/supportconfig/FORMAT.md: flat `*.txt` files of blocks, each a
`#==[ Kind ]===#` header, a `# name` line, the content and a blank line; configuration files
without comment and blank lines; logs as their last 500 lines. Content is made up (an SLES 11
SP1 host, libvirt 0.7/0.8-era domains), never copied from a customer.

    builder = standard_bundle()            # host + a running SLES guest, a Windows guest...
    builder.domain(DomainSpec("extra"))    # add more
    path = builder.write_tar(tmp_path)     # nts_kvmhost01_110302_1011.tbz
"""

from __future__ import annotations

import io
import tarfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HEADER_WIDTH = 52
HOSTNAME = "kvmhost01"
FOLDER = f"nts_{HOSTNAME}_110302_1011"
QEMU_ENV = ("LC_ALL=C PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "
            "HOME=/root USER=root LOGNAME=root QEMU_AUDIO_DRV=none")


VGA = {"vga": "std", "vmvga": "vmware"}  # libvirt's <video><model type> -> qemu's -vga


def header(kind: str) -> str:
    text = f"#==[ {kind} ]"
    return text + "=" * (HEADER_WIDTH - len(text) - 1) + "#"


@dataclass
class DiskSpec:
    path: str
    bus: str = "virtio"
    fmt: str = "raw"
    device: str = "disk"

    @property
    def target(self) -> str:
        return {"virtio": "vd", "ide": "hd", "scsi": "sd"}.get(self.bus, "hd") + "a"


@dataclass
class DomainSpec:
    """One libvirt domain: its definition, and (if it ran) log starts and a dumpxml."""

    name: str
    state: str = "running"  # or "shut off"
    vcpus: int = 2
    memory_mb: int = 2048
    disks: list[DiskSpec] = field(default_factory=list)
    nic_model: str = "virtio"
    mac: str = "52:54:00:12:34:56"
    video: str = "cirrus"
    clock: str = "utc"
    tablet: bool = False
    kind: str = "kvm"
    starts: int = 2  # log entries; the newest uses `running_*` when given
    running_vcpus: int | None = None  # the newest start differs from the definition
    running_format: str | None = None
    extra_xml: str = ""  # appended inside <devices>

    def __post_init__(self) -> None:
        if not self.disks:
            self.disks = [DiskSpec(f"/var/lib/kvm/images/{self.name}/disk0.raw")]

    def xml(self) -> str:
        disks = "".join(
            f"    <disk type='file' device='{d.device}'>\n"
            f"      <driver name='qemu' type='{d.fmt}'/>\n"
            f"      <source file='{d.path}'/>\n"
            f"      <target dev='{d.target}' bus='{d.bus}'/>\n"
            f"    </disk>\n" for d in self.disks)
        tablet = "    <input type='tablet' bus='usb'/>\n" if self.tablet else ""
        return (
            f"<domain type='{self.kind}'>\n"
            f"  <name>{self.name}</name>\n"
            f"  <uuid>8d1a3b2c-0f4e-4c6a-9b7d-{sum(map(ord, self.name)):012d}</uuid>\n"
            f"  <memory>{self.memory_mb * 1024}</memory>\n"
            f"  <currentMemory>{self.memory_mb * 1024}</currentMemory>\n"
            f"  <vcpu>{self.vcpus}</vcpu>\n"
            "  <os>\n"
            "    <type arch='x86_64' machine='pc-0.12'>hvm</type>\n"
            "    <boot dev='hd'/>\n"
            "  </os>\n"
            "  <features>\n    <acpi/>\n    <apic/>\n    <pae/>\n  </features>\n"
            f"  <clock offset='{self.clock}'/>\n"
            "  <on_poweroff>destroy</on_poweroff>\n"
            "  <on_reboot>restart</on_reboot>\n"
            "  <on_crash>destroy</on_crash>\n"
            "  <devices>\n"
            "    <emulator>/usr/bin/qemu-kvm</emulator>\n"
            f"{disks}"
            "    <interface type='bridge'>\n"
            f"      <mac address='{self.mac}'/>\n"
            "      <source bridge='br0'/>\n"
            f"      <model type='{self.nic_model}'/>\n"
            "    </interface>\n"
            "    <serial type='pty'>\n      <target port='0'/>\n    </serial>\n"
            "    <console type='pty'>\n      <target port='0'/>\n    </console>\n"
            f"{tablet}"
            "    <input type='mouse' bus='ps2'/>\n"
            "    <graphics type='vnc' port='-1' autoport='yes'/>\n"
            f"    <video>\n      <model type='{self.video}' vram='9216' heads='1'/>\n"
            "    </video>\n"
            f"{self.extra_xml}"
            "  </devices>\n"
            "</domain>")

    def cmdline(self, newest: bool = True) -> str:
        vcpus = self.running_vcpus if newest and self.running_vcpus else self.vcpus
        drives = " ".join(
            f"-drive file={d.path},if={d.bus},index={i},boot={'on' if i == 0 else 'off'},"
            f"format={self.running_format if newest and self.running_format else d.fmt}"
            for i, d in enumerate(self.disks))
        tablet = " -usbdevice tablet" if self.tablet else ""
        rtc = " -rtc base=localtime" if self.clock == "localtime" else ""
        return (f"{QEMU_ENV} /usr/bin/qemu-kvm -S -M pc-0.12 -enable-kvm -m {self.memory_mb} "
                f"-smp {vcpus} -name {self.name} -uuid 8d1a3b2c-0f4e-4c6a-9b7d-000000000001 "
                f"-nodefaults -chardev socket,id=monitor,path=/var/lib/libvirt/qemu/"
                f"{self.name}.monitor,server,nowait -mon chardev=monitor,mode=readline "
                f"-boot c {drives} "
                f"-net nic,macaddr={self.mac},vlan=0,model={self.nic_model},name=nic.0 "
                f"-net tap,fd=19,vlan=0,name=tap.0 -serial pty -parallel none -usb{tablet} "
                f"-vnc 127.0.0.1:0 -vga {VGA.get(self.video, self.video)}{rtc}")

    def log_lines(self) -> list[str]:
        lines: list[str] = []
        for start in range(self.starts):
            newest = start == self.starts - 1
            day = 1 + start
            lines += [f"2011-03-0{min(day, 9)} 10:1{start % 10}:12.345: starting up",
                      self.cmdline(newest),
                      "char device redirected to /dev/pts/3"]
            if not newest or self.state != "running":
                lines += [f"2011-03-0{min(day, 9)} 18:00:00.000: shutting down"]
        return lines


class SupportconfigBuilder:
    """Collects files as lists of lines; writes them as a folder, tarball or zip."""

    def __init__(self, folder: str = FOLDER) -> None:
        self.folder = folder
        self.files: dict[str, list[str]] = {}
        self.domains: list[DomainSpec] = []

    # ---------------------------------------------------------------- blocks
    def lines(self, file: str) -> list[str]:
        return self.files.setdefault(file, [])

    def command(self, file: str, command: str, output: str | list[str], blank: bool = True
                ) -> SupportconfigBuilder:
        out = output.splitlines() if isinstance(output, str) else output
        self.lines(file).extend([header("Command"), f"# {command}", *out] + ([""] if blank else []))
        return self

    def config(self, file: str, path: str, content: str | list[str] | None,
               blank: bool = True) -> SupportconfigBuilder:
        lines = self.lines(file)
        lines.append(header("Configuration File"))
        if content is None:
            lines += [f"# {path} - File not found", ""]
            return self
        text = content.splitlines() if isinstance(content, str) else content
        kept = [t for t in text if t.strip() and not t.lstrip().startswith(("#", ";", "//"))]
        lines += [f"# {path}", *kept] + (["", ""] if blank else [])
        return self

    def log(self, file: str, path: str, content: list[str], tail: int = 500,
            blank: bool = True) -> SupportconfigBuilder:
        name = f"# {path} - Last {tail} Lines" if tail else f"# {path}"
        kept = content[-tail:] if tail else content
        self.lines(file).extend([header("Log File"), name, *kept] + (["", ""] if blank else []))
        return self

    def system(self, file: str, label: str, lines: list[str]) -> SupportconfigBuilder:
        self.lines(file).extend([header("System"), f"# {label}", *lines, ""])
        return self

    def verification(self, file: str, package: str | None, name: str = "kvm"
                     ) -> SupportconfigBuilder:
        if package is None:
            self.lines(file).extend([header("Verification"), f"# RPM Not Installed: {name}",
                                     ""])
        else:
            self.lines(file).extend([header("Verification"), f"# rpm -V {package}",
                                     "# Verification Status: Passed", ""])
        return self

    def raw(self, file: str, text: str) -> SupportconfigBuilder:
        self.lines(file).extend(text.splitlines())
        return self

    def domain(self, spec: DomainSpec) -> SupportconfigBuilder:
        self.domains.append(spec)
        return self

    # ---------------------------------------------------------------- output
    def render(self) -> dict[str, bytes]:
        files = {name: "\n".join(lines) + ("\n" if lines else "") for name, lines in
                 self.files.items()}
        return {name: text.encode("utf-8") for name, text in files.items()}

    def write_folder(self, base: Path) -> Path:
        folder = base / self.folder
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in self.render().items():
            (folder / name).write_bytes(data)
        return folder

    def write_tar(self, base: Path, compression: str = "bz2", suffix: str | None = None,
                  order: list[str] | None = None) -> Path:
        suffix = suffix or {"bz2": ".tbz", "xz": ".txz", "gz": ".tgz", "": ".tar"}[compression]
        base.mkdir(parents=True, exist_ok=True)
        path = base / f"{self.folder}{suffix}"
        data = self.render()
        names = order or list(data)
        mode = f"w:{compression}" if compression else "w"
        with tarfile.open(path, mode) as tar:  # type: ignore[call-overload]
            folder = tarfile.TarInfo(self.folder)
            folder.type, folder.mode = tarfile.DIRTYPE, 0o755
            tar.addfile(folder)
            for name in names:
                info = tarfile.TarInfo(f"{self.folder}/{name}")
                info.size, info.mode, info.mtime = len(data[name]), 0o600, 1299057072
                tar.addfile(info, io.BytesIO(data[name]))
        return path

    def write_zip(self, base: Path) -> Path:
        base.mkdir(parents=True, exist_ok=True)
        path = base / f"{self.folder}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.render().items():
                archive.writestr(f"{self.folder}/{name}", data)
        return path


def cpuinfo(sockets: int = 2, cores: int = 4, threads: int = 2, vendor: str = "GenuineIntel",
            flags: str = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat "
                         "pse36 clflush dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx "
                         "rdtscp lm constant_tsc arch_perfmon pebs bts rep_good xtopology "
                         "nonstop_tsc aperfmperf pni dtes64 monitor ds_cpl vmx est tm2 ssse3 "
                         "cx16 xtpr pdcm dca sse4_1 sse4_2 popcnt lahf_lm ida tpr_shadow vnmi "
                         "flexpriority ept vpid",
            topology: bool = True) -> list[str]:
    """A /proc/cpuinfo listing (blank lines are dropped by supportconfig anyway)."""
    out: list[str] = []
    number = 0
    for thread in range(threads):
        for socket in range(sockets):
            for core in range(cores):
                out += [f"processor\t: {number}", f"vendor_id\t: {vendor}", "cpu family\t: 6",
                        "model\t\t: 26",
                        "model name\t: Intel(R) Xeon(R) CPU           E5540  @ 2.53GHz",
                        "stepping\t: 5", "cpu MHz\t\t: 2533.000", "cache size\t: 8192 KB"]
                if topology:
                    out += [f"physical id\t: {socket}", f"siblings\t: {cores * threads}",
                            f"core id\t\t: {core}", f"cpu cores\t: {cores}"]
                out += ["fpu\t\t: yes", f"flags\t\t: {flags}", "bogomips\t: 5066.82",
                        "clflush size\t: 64", ""]
                number += 1
                _ = thread
    return out


def add_host(builder: SupportconfigBuilder, *, release: str | None = "sles11-sp1",
             cmdline: str = "root=/dev/disk/by-id/scsi-3600508b1001c-part2 resume=/dev/sda1 "
                            "splash=silent crashkernel=256M-:128M intel_iommu=on vga=0x314",
             identity: str = "Virtual Machine Server (No QEMU Virtual CPU)",
             hypervisor: str = "KVM (kvm loaded)", cpu: list[str] | None = None,
             arch: str = "x86_64") -> SupportconfigBuilder:
    """basic-environment.txt, hardware.txt and memory.txt of an SLES 11 SP1 host."""
    env = "basic-environment.txt"
    builder.command(env, "/bin/date", "Wed Mar  2 10:11:12 CET 2011")
    builder.command(env, "/bin/uname -a", f"Linux {HOSTNAME} 2.6.32.12-0.7-default #1 SMP "
                                          f"2010-05-20 11:14:20 +0200 {arch} {arch} {arch} "
                                          "GNU/Linux")
    builder.system(env, "Virtualization", ["Manufacturer:  HP", "Hardware:      ProLiant DL380 "
                                           "G6", f"Hypervisor:    {hypervisor}",
                                           f"Identity:      {identity}"])
    if release == "sles11-sp1":
        builder.config(env, "/etc/SuSE-release", "SUSE Linux Enterprise Server 11 (x86_64)\n"
                       "VERSION = 11\nPATCHLEVEL = 1\n# This file is deprecated\n")
    elif release == "sles10-sp3":
        builder.config(env, "/etc/SuSE-release", "SUSE Linux Enterprise Server 10 (x86_64)\n"
                       "VERSION = 10\nPATCHLEVEL = 3\n")
    builder.config(env, "/etc/lsb-release", "LSB_VERSION=\"core-2.0-noarch:core-3.2-noarch\"")
    hw = "hardware.txt"
    builder.command(hw, "/usr/sbin/hwinfo --short", ["cpu:", "  Intel(R) Xeon(R) CPU E5540",
                                                     "keyboard:", "  /dev/input/event0"])
    builder.config(hw, "/proc/cpuinfo", cpu if cpu is not None else cpuinfo())
    builder.config(hw, "/proc/cmdline", cmdline)
    builder.config(hw, "/proc/ioports", "0000-001f : dma1\n0020-0021 : pic1")
    mem = "memory.txt"
    builder.config(mem, "/proc/meminfo", "MemTotal:       32949800 kB\nMemFree:        "
                                         "1234567 kB\nBuffers:          234560 kB")
    builder.command(mem, "/usr/bin/free -k", "             total       used       free")
    return builder


def add_kvm(builder: SupportconfigBuilder, *, modules: str = "kvm_intel", virsh: bool = True,
            processes: bool = True, numa_cells: int = 2) -> SupportconfigBuilder:
    """kvm.txt (and the ps listing of basic-health-check.txt) for the builder's domains."""
    kvm = "kvm.txt"
    builder.verification(kvm, "kvm-0.12.5-1.2.1")
    builder.verification(kvm, "libvirt-0.7.6-1.15.1", "libvirt")
    builder.command(kvm, "/bin/uname -r", "2.6.32.12-0.7-default")
    # kvm_stat timed out: its block is cut short (no blank line before the next header)
    builder.command(kvm, "/usr/bin/kvm_stat -1", ["efer_reload 0 0", "exits 1234567"],
                    blank=False)
    builder.command(kvm, "/usr/bin/lscpu", ["Architecture:          x86_64", "CPU(s):       "
                                            "         16", "Thread(s) per core:    2",
                                            "Core(s) per socket:    4", "CPU socket(s):      "
                                            "   2", "NUMA node(s):          2"])
    lsmod = {"kvm_intel": ["kvm_intel              48520  3", "kvm                   "
                                                                "302760  1 kvm_intel"],
             "kvm_amd": ["kvm_amd                55563  0", "kvm                   302760  1 "
                                                              "kvm_amd"],
             "kvm": ["kvm                   302760  0"], "": []}[modules]
    builder.command(kvm, "/sbin/lsmod | grep ^kvm", lsmod)
    for module in [line.split()[0] for line in lsmod]:
        builder.command(kvm, f"/sbin/modinfo {module}", [f"filename:       /lib/modules/"
                                                         f"2.6.32.12-0.7-default/{module}.ko",
                                                         "license:        GPL"])
    if virsh:
        builder.command(kvm, "/usr/bin/virsh version", ["Compiled against library: libvir "
                                                        "0.7.6", "Running hypervisor: QEMU "
                                                        "0.12.5"])
        builder.command(kvm, "/usr/bin/virsh nodeinfo", [
            "CPU model:           x86_64", "CPU(s):              16",
            "CPU frequency:       2533 MHz", "CPU socket(s):       1",
            "Core(s) per socket:  4", "Thread(s) per core:  2",
            f"NUMA cell(s):        {numa_cells}", "Memory size:         32949800 kB"])
        rows = [" Id Name                 State", "----------------------------------"]
        for number, spec in enumerate(builder.domains, 1):
            ident = str(number) if spec.state == "running" else "-"
            rows.append(f"{ident:>3} {spec.name:<20} {spec.state}")
        builder.command(kvm, "/usr/bin/virsh list --all", rows)
        for spec in builder.domains:
            if spec.state == "running":
                builder.command(kvm, f"/usr/bin/virsh dominfo {spec.name}",
                                [f"Name:           {spec.name}", "State:          running"])
                live = spec.xml()
                if spec.running_vcpus:
                    live = live.replace(f"<vcpu>{spec.vcpus}</vcpu>",
                                        f"<vcpu>{spec.running_vcpus}</vcpu>")
                builder.command(kvm, f"/usr/bin/virsh dumpxml {spec.name}", live)
                builder.command(kvm, f"/usr/bin/virsh snapshot-list {spec.name}",
                                [" Name                 Creation Time             State",
                                 "---------------------------------------------------"])
    else:
        builder.command(kvm, "virsh version", "ERROR: Command not found or not executible")
    builder.command(kvm, "/bin/ls -alR /etc/libvirt/qemu/", ["/etc/libvirt/qemu/:",
                                                            "total 24"])
    builder.config(kvm, "/etc/libvirt/qemu/networks/default.xml",
                   "<network>\n  <name>default</name>\n  <bridge name='virbr0'/>\n</network>")
    builder.config(kvm, "/etc/libvirt/qemu/networks/autostart/default.xml",
                   "<network>\n  <name>default</name>\n</network>")
    for spec in builder.domains:
        builder.config(kvm, f"/etc/libvirt/qemu/{spec.name}.xml", spec.xml())
    builder.command(kvm, "/sbin/route -n", ["Kernel IP routing table"])
    builder.command(kvm, "/sbin/brctl show", ["bridge name\tbridge id\t\tSTP enabled\t"
                                              "interfaces", "br0\t\t8000.001a4b\tno\t\teth0"])
    builder.log(kvm, "/root/.virt-manager/virt-manager.log",
                ["[Wed, 02 Mar 2011 09:00:01 virt-manager 4242] (virt-manager:1) Application "
                 "startup"])
    for spec in builder.domains:
        if spec.starts:
            builder.log(kvm, f"/var/log/libvirt/qemu/{spec.name}.log", spec.log_lines())
    if processes:
        rows = ["USER       PID  PPID %CPU %MEM    VSZ   RSS STAT     TIME CMD",
                "root         1     0  0.0  0.0  10372   748 Ss   00:00:02 init [5]"]
        for number, spec in enumerate(builder.domains):
            if spec.state == "running":
                command = spec.cmdline().split(" /usr/bin/", 1)[1]
                rows.append(f"root     {4100 + number}     1  3.1  6.2 2345678 2097152 Sl  "
                            f"  01:02:03 /usr/bin/{command}")
        builder.command("basic-health-check.txt", "/bin/ps axwwo user,pid,ppid,%cpu,%mem,vsz,"
                                                  "rss,stat,time,cmd", rows)
    return builder


def standard_domains() -> list[DomainSpec]:
    """A running SLES guest, a shut-off Windows guest, a running guest whose newest start
    differs from its definition, and a Windows guest on IDE with e1000."""
    return [
        DomainSpec("sles11-web", vcpus=2, memory_mb=2048, starts=3),
        DomainSpec("w2k8-db", state="shut off", vcpus=4, memory_mb=8192, nic_model="e1000",
                   mac="52:54:00:aa:bb:01", clock="localtime", tablet=True, video="vga",
                   disks=[DiskSpec("/dev/vg0/w2k8-db", bus="ide")]),
        DomainSpec("sles10-app", vcpus=4, memory_mb=4096, mac="52:54:00:aa:bb:02",
                   running_vcpus=2, running_format="qcow2", starts=4),
        DomainSpec("winxp-desk", vcpus=1, memory_mb=1024, nic_model="rtl8139",
                   mac="52:54:00:aa:bb:03", clock="localtime", video="vga",
                   disks=[DiskSpec("/var/lib/kvm/images/winxp/disk0.qcow2", bus="ide",
                                   fmt="qcow2")]),
    ]


def standard_bundle(domains: list[DomainSpec] | None = None, **host: object
                    ) -> SupportconfigBuilder:
    """A complete SLES 11 SP1 KVM host bundle with `domains` (default: standard_domains())."""
    builder = SupportconfigBuilder()
    for spec in standard_domains() if domains is None else domains:
        builder.domain(spec)
    add_host(builder, **host)  # type: ignore[arg-type]
    add_kvm(builder)
    builder.raw("supportconfig.txt", "Support Utilities - Supportconfig\n  Script Version: 2.25"
                                     "-304\n  Script Date:    2011 01 12")
    builder.raw("messages.txt", "\n".join(f"Mar  2 10:{i % 60:02d}:00 {HOSTNAME} kernel: line "
                                          f"{i}" for i in range(200)))
    builder.raw("rpm.txt", "kvm                                 0.12.5-1.2.1")
    return builder
