"""probe-host against fake roots: copies of /proc and /sys as a support bundle holds them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kvmhelpdesk.analyze import probe_host
from kvmhelpdesk.cli import main
from kvmhelpdesk.triage.case import case_problems

INTEL_CPU = """\
processor\t: {n}
vendor_id\t: GenuineIntel
model name\t: Intel(R) Xeon(R) CPU E5520 @ 2.27GHz
physical id\t: 0
core id\t\t: {n}
flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr vmx est tm2 constant_tsc lm ept

"""
AMD_CPU = """\
processor\t: {n}
vendor_id\t: AuthenticAMD
flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr lm
"""
ARM_CPU = "processor\t: {n}\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd evtstrm\n"


def make_root(base: Path, cpu: str = INTEL_CPU, cpus: int = 4, modules: str | None =
              "kvm_intel 50380 0 - Live 0x0\nkvm 305081 1 kvm_intel, Live 0x0\n",
              cmdline: str | None = "root=/dev/sda2 intel_iommu=on splash=silent\n",
              nodes: int = 2, ksm: str | None = "1\n", dev_kvm: bool = True,
              arch: str | None = "x86_64") -> Path:
    """A fake root with the files probe-host reads; None leaves a file out."""
    (base / "proc/sys/kernel").mkdir(parents=True)
    (base / "proc/cpuinfo").write_text("".join(cpu.format(n=n) for n in range(cpus)))
    if modules is not None:
        (base / "proc/modules").write_text(modules)
    if cmdline is not None:
        (base / "proc/cmdline").write_text(cmdline)
    if arch is not None:
        (base / "proc/sys/kernel/arch").write_text(arch + "\n")
    for n in range(nodes):
        (base / f"sys/devices/system/node/node{n}").mkdir(parents=True)
    (base / "sys/devices/system/node/possible").parent.mkdir(parents=True, exist_ok=True)
    (base / "sys/devices/system/node/possible").write_text("0-1\n")
    if ksm is not None:
        (base / "sys/kernel/mm/ksm").mkdir(parents=True)
        (base / "sys/kernel/mm/ksm/run").write_text(ksm)
    if dev_kvm:
        (base / "dev").mkdir()
        (base / "dev/kvm").write_text("")
    return base


def test_a_complete_intel_host(tmp_path: Path) -> None:
    host = probe_host(make_root(tmp_path))
    assert host == {
        "arch": "x86_64", "cpu_vendor": "intel", "cpu_cores": 4, "logical_cpus": 4,
        "ept_npt": True, "kvm_modules_loaded": True,
        "hardware_virtualization": "enabled", "constant_tsc": True,
        "kernel_cmdline": "root=/dev/sda2 intel_iommu=on splash=silent", "iommu": "enabled",
        "numa_nodes": 2, "ksm": True,
    }
    assert case_problems({"format": "kvmhelpdesk-case", "version": 1, "host": host}) == []


HT_CPU = """\
processor\t: {n}
vendor_id\t: GenuineIntel
physical id\t: 0
siblings\t: 8
core id\t\t: {core}
cpu cores\t: 4
flags\t\t: fpu vmx constant_tsc lm
"""


def test_cores_are_physical_cores_not_hyperthreads(tmp_path: Path) -> None:
    """kvm-supported.txt L100: the limit counts "cpu cores": 8 logical CPUs on 4 cores with
    two threads each are 4 cores."""
    (tmp_path / "proc").mkdir()
    (tmp_path / "proc/cpuinfo").write_text(
        "\n".join(HT_CPU.format(n=n, core=n % 4) for n in range(8)))
    host = probe_host(tmp_path)
    assert (host["cpu_cores"], host["logical_cpus"]) == (4, 8)
    assert "ept_npt" not in host  # vmx but no ept flag: unknown, not "no" (L238-240)


def test_without_topology_only_logical_cpus_are_known(tmp_path: Path) -> None:
    """kvm-supported.txt L100: without "physical id"/"core id" lines, cores are not counted."""
    host = probe_host(make_root(tmp_path, cpu=AMD_CPU, cpus=6))
    assert "cpu_cores" not in host and host["logical_cpus"] == 6


@pytest.mark.parametrize(("name", "text", "release"), [
    ("SuSE-release", "SUSE Linux Enterprise Server 11 (x86_64)\nVERSION = 11\nPATCHLEVEL = 1\n",
     "SLES 11 SP1"),
    ("SuSE-release", "SUSE Linux Enterprise Server 11 (x86_64)\nVERSION = 11\nPATCHLEVEL = 2\n",
     "SLES 11 SP2"),
    ("os-release", 'NAME="SLES"\nVERSION="12-SP3"\nPRETTY_NAME="SUSE Linux Enterprise Server '
     '12 SP3"\n', "SUSE Linux Enterprise Server 12 SP3"),
])
def test_host_release_under_the_root(tmp_path: Path, name: str, text: str,
                                     release: str) -> None:
    root = make_root(tmp_path)
    (root / "etc").mkdir()
    (root / "etc" / name).write_text(text)
    assert probe_host(root)["os"] == release


def test_an_amd_host_without_virtualization_or_kvm(tmp_path: Path) -> None:
    host = probe_host(make_root(tmp_path, cpu=AMD_CPU, cpus=2, modules="ext3 1 0 - Live\n",
                                cmdline="quiet amd_iommu=off", nodes=1, ksm="0",
                                dev_kvm=False))
    assert host["cpu_vendor"] == "amd"
    assert host["hardware_virtualization"] == "absent"
    assert host["kvm_modules_loaded"] is False
    assert host["constant_tsc"] is False
    assert host["iommu"] == "disabled"
    assert host["ksm"] is False
    assert host["numa_nodes"] == 1


def test_vt_flag_without_kvm_loaded_leaves_the_state_to_confirm(tmp_path: Path) -> None:
    host = probe_host(make_root(tmp_path, modules="", dev_kvm=False, cmdline="quiet"))
    assert "hardware_virtualization" not in host
    assert host["kvm_modules_loaded"] is False
    assert "iommu" not in host


def test_iommu_groups_mean_enabled(tmp_path: Path) -> None:
    root = make_root(tmp_path, cmdline="quiet")
    (root / "sys/kernel/iommu_groups/0").mkdir(parents=True)
    assert probe_host(root)["iommu"] == "enabled"


def test_missing_and_unreadable_files_leave_answers_out(tmp_path: Path) -> None:
    root = make_root(tmp_path, modules=None, cmdline=None, ksm=None, dev_kvm=False, arch=None,
                     nodes=0)
    (root / "proc/cpuinfo").unlink()
    (root / "proc/cpuinfo").mkdir()  # a folder where a file should be: unreadable
    assert probe_host(root) == {}


def test_an_empty_or_missing_root_gives_nothing(tmp_path: Path) -> None:
    assert probe_host(tmp_path) == {}
    assert probe_host(tmp_path / "nowhere") == {}


def test_non_x86_cpuinfo_says_nothing_about_vmx(tmp_path: Path) -> None:
    host = probe_host(make_root(tmp_path, cpu=ARM_CPU, modules="kvm 1 0 - Live\n",
                                arch="aarch64"))
    assert host["arch"] == "aarch64"
    assert "cpu_vendor" not in host and "constant_tsc" not in host
    assert host["hardware_virtualization"] == "enabled"  # /dev/kvm exists


def test_the_real_root_is_read_without_errors() -> None:
    host = probe_host("/")
    assert case_problems({"format": "kvmhelpdesk-case", "version": 1, "host": host}) == []


def test_cli_probe_host_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_root(tmp_path)
    assert main(["probe-host", "--root", str(root), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["host"]["cpu_vendor"] == "intel"


def test_cli_probe_host_text_names_what_was_not_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_root(tmp_path, ksm=None)
    assert main(["probe-host", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert 'cpu_vendor               "intel"' in out
    assert out.rstrip().endswith("not read (to confirm): os, ksm")


def test_cli_probe_host_missing_root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["probe-host", "--root", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "no such folder" in err and err.count("\n") == 1


# -- issue 12: reading where it should not ----------------------------------------------------
PROBED_FILES = ("proc/cpuinfo", "proc/modules", "proc/cmdline", "proc/sys/kernel/arch",
                "proc/meminfo", "sys/kernel/mm/ksm/run", "etc/SuSE-release", "etc/os-release",
                "dev/kvm")


def test_links_never_lead_out_of_the_root(tmp_path: Path, capsys) -> None:
    """Every file a probe could read is a link out of the bundle: nothing outside is read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("intel_iommu=on TOP-SECRET vendor_id : GenuineIntel\n")
    outside = tmp_path / "outside"
    (outside / "sys/devices/system/node/node0").mkdir(parents=True)
    root = tmp_path / "bundle"
    for number, relative in enumerate(PROBED_FILES):
        link = root / relative
        link.parent.mkdir(parents=True, exist_ok=True)
        depth = "../" * (relative.count("/") + 3)
        # absolute, relative past the root, and a link to a folder out of the root
        target = str(secret) if number % 2 else f"{depth}secret.txt"
        link.symlink_to(target)
    (root / "sys/devices/system").mkdir(parents=True)
    (root / "sys/devices/system/node").symlink_to(outside / "sys/devices/system/node")
    host = probe_host(root)
    assert "TOP-SECRET" not in json.dumps(host)
    assert "kernel_cmdline" not in host and "numa_nodes" not in host
    assert main(["probe-host", "--root", str(root), "--json"]) == 0
    assert "TOP-SECRET" not in capsys.readouterr().out


def test_links_inside_the_root_resolve_as_on_the_copied_system(tmp_path: Path) -> None:
    root = make_root(tmp_path / "bundle", cmdline=None)
    (root / "boot").mkdir()
    (root / "boot/cmdline.txt").write_text("root=/dev/sda2 amd_iommu=on\n")
    (root / "proc/cmdline").symlink_to("/boot/cmdline.txt")  # absolute: from the bundle root
    (root / "proc/modules").unlink()
    (root / "proc/modules").symlink_to("../../../../proc/modules")  # clamped: a loop, skipped
    host = probe_host(root)
    assert host["kernel_cmdline"] == "root=/dev/sda2 amd_iommu=on"
    assert host["iommu"] == "enabled" and "cpu_cores" in host


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_fifos_and_devices_in_a_bundle_never_block(tmp_path: Path) -> None:
    import os

    root = make_root(tmp_path / "bundle", cmdline=None, ksm=None)
    os.mkfifo(root / "proc/cmdline")  # no writer: open() without O_NONBLOCK waits forever
    (root / "proc/cpuinfo").unlink()
    os.mkfifo(root / "proc/cpuinfo")
    (root / "sys/kernel/mm/ksm").mkdir(parents=True)
    (root / "sys/kernel/mm/ksm/run").symlink_to("/dev/zero")  # -> bundle's /dev/zero: none
    host = probe_host(root)
    assert "kernel_cmdline" not in host and "cpu_cores" not in host and "ksm" not in host
    assert host["numa_nodes"] == 2
