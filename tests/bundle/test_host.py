"""Host answers a supportconfig proves, each with its evidence; the rest stays unknown."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvmhelpdesk.bundle import read_bundle
from kvmhelpdesk.triage.evidence import describe
from tests.bundle.conftest import line_of
from tests.helpers.supportconfig import (
    SupportconfigBuilder,
    add_host,
    add_kvm,
    cpuinfo,
)


def host_of(builder: SupportconfigBuilder, tmp_path: Path):
    return read_bundle(builder.write_folder(tmp_path)).host


def test_sles11_sp1_host_answers(bundle):
    assert bundle.host.answers == {
        "os": "SLES 11 SP1", "arch": "x86_64", "cpu_vendor": "intel",
        "cpu_cores": 8,  # 2 sockets x 4 cores; hyperthreads do not count (L100: cpu cores)
        "constant_tsc": True, "kernel_cmdline": bundle.host.answers["kernel_cmdline"],
        "iommu": "enabled", "kvm_modules_loaded": True, "hardware_virtualization": "enabled",
        "numa_nodes": 2}
    assert "intel_iommu=on" in bundle.host.answers["kernel_cmdline"]
    assert bundle.host.logical_cpus == 16 and bundle.host.memory_kib == 32949800
    assert bundle.host.kvm_package is not None and bundle.host.kvm_package[0] == \
        "kvm-0.12.5-1.2.1"


def test_every_host_answer_cites_its_own_line(builder, bundle):
    expected = {"os": "SUSE Linux Enterprise Server 11 (x86_64)",
                "cpu_vendor": "vendor_id\t: GenuineIntel", "numa_nodes": "NUMA cell(s):        2",
                "kvm_modules_loaded": "kvm_intel              48520  3"}
    for key, text in expected.items():
        source = bundle.host.evidence[f"host.{key}"]
        assert line_of(builder, source.file, source.line) == text
    assert bundle.host.evidence["host.os"].section == "/etc/SuSE-release"
    assert bundle.host.evidence["host.cpu_cores"].section == "/proc/cpuinfo"
    assert bundle.host.evidence["host.arch"].file == "basic-environment.txt"


def test_the_core_count_says_how_it_was_counted(bundle):
    # L100 counts cpu cores, not hyperthreads: one quoted `core id` line cannot show 8 cores,
    # so the evidence says how the whole listing was counted (reports and tooltips show it).
    source = bundle.host.evidence["host.cpu_cores"]
    assert source.derived == ("counted over the whole listing: 8 distinct (physical id, core "
                              "id) pairs on 2 sockets in 16 processor entries; hyperthreads "
                              "are not counted as cores (L100)")
    assert source.to_dict()["derived"] == source.derived
    assert describe(source.to_dict()).endswith(f"core id : 0 \N{EM DASH} {source.derived}")
    assert "derived" not in bundle.host.evidence["host.arch"].to_dict()


def test_what_the_bundle_cannot_tell_stays_unknown(bundle):
    for key in ("management", "virsh_usage", "ntp", "ksm", "kvm_module_parameters",
                "suspend_with_guests", "power_changes_with_guests"):
        assert key not in bundle.host.answers


def test_amd_host_without_iommu_word_and_without_constant_tsc(tmp_path):
    builder = SupportconfigBuilder()
    add_host(builder, cpu=cpuinfo(vendor="AuthenticAMD", flags="fpu svm lm nx"),
             cmdline="root=/dev/sda2 splash=silent")
    add_kvm(builder, modules="kvm_amd")
    host = host_of(builder, tmp_path)
    assert host.answers["cpu_vendor"] == "amd" and host.answers["constant_tsc"] is False
    assert host.answers["hardware_virtualization"] == "enabled"
    assert "iommu" not in host.answers  # nothing on the command line says: unknown


def test_no_vmx_or_svm_flag_is_absent_hardware_virtualization(tmp_path):
    builder = SupportconfigBuilder()
    add_host(builder, cpu=cpuinfo(flags="fpu tsc msr pae lm"))
    add_kvm(builder, modules="")
    host = host_of(builder, tmp_path)
    assert host.answers["hardware_virtualization"] == "absent"
    assert host.answers["kvm_modules_loaded"] is False  # grep found no kvm module


def test_vmx_flag_without_the_modules_leaves_virtualization_unknown(tmp_path):
    # The flag says the CPU can; whether the BIOS enabled it only the loaded module proves.
    builder = SupportconfigBuilder()
    add_host(builder)
    add_kvm(builder, modules="kvm")
    host = host_of(builder, tmp_path)
    assert host.answers["kvm_modules_loaded"] is False  # kvm without kvm_intel: no KVM
    assert "hardware_virtualization" not in host.answers


def test_iommu_turned_off_on_the_command_line(tmp_path):
    builder = add_host(SupportconfigBuilder(), cmdline="root=/dev/sda2 intel_iommu=off")
    assert host_of(builder, tmp_path).answers["iommu"] == "disabled"


def test_cores_from_lscpu_when_cpuinfo_has_no_topology(tmp_path):
    builder = SupportconfigBuilder()
    add_host(builder, cpu=cpuinfo(topology=False))
    add_kvm(builder)
    host = host_of(builder, tmp_path)
    assert host.answers["cpu_cores"] == 8  # lscpu: 4 cores per socket x 2 sockets
    assert host.evidence["host.cpu_cores"].section == "/usr/bin/lscpu"


def test_cpuinfo_without_topology_and_no_lscpu_leaves_cores_unknown(tmp_path):
    builder = add_host(SupportconfigBuilder(), cpu=cpuinfo(topology=False))
    bundle = read_bundle(builder.write_folder(tmp_path))
    assert "cpu_cores" not in bundle.host.answers  # 16 logical CPUs: hyperthreads or cores?
    assert any("16 logical CPUs without their core ids" in note for note in bundle.notes)


def test_older_release_and_missing_release(tmp_path):
    assert host_of(add_host(SupportconfigBuilder(), release="sles10-sp3"),
                   tmp_path / "a").answers["os"] == "SLES 10 SP3"
    assert "os" not in host_of(add_host(SupportconfigBuilder(), release=None),
                               tmp_path / "b").answers


def test_a_missing_command_leaves_its_answer_unknown(tmp_path):
    builder = SupportconfigBuilder()
    add_host(builder)
    builder.command("kvm.txt", "lsmod | grep ^kvm", "ERROR: Command not found or not executible")
    host = host_of(builder, tmp_path)
    assert "kvm_modules_loaded" not in host.answers


@pytest.mark.parametrize(("identity", "hypervisor"), [
    ("Virtual Machine (QEMU Virtual CPU)", "KVM (QEMU Virtual CPU)"),
    ("Virtual Machine Server - Dom0 (/proc/xen/xsd_port)", "Xen (/proc/xen)"),
])
def test_what_the_machine_says_it_is(tmp_path, identity, hypervisor):
    host = host_of(add_host(SupportconfigBuilder(), identity=identity, hypervisor=hypervisor),
                   tmp_path)
    assert host.identity is not None and host.identity[0] == identity
    assert host.hypervisor is not None and host.hypervisor[0] == hypervisor


def test_non_x86_host(tmp_path):
    host = host_of(add_host(SupportconfigBuilder(), arch="ppc64"), tmp_path)
    assert host.answers["arch"] == "ppc64"
