"""Host rules: architecture, virtualization, modules, features on the host, management tools."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kvmhelpdesk.triage import Verdict, check
from tests.helpers.cases import DROP, make_case, make_guest, make_host


@pytest.fixture
def run(kb) -> Callable[..., Verdict]:
    """Check the baseline case with some host answers changed (DROP removes one)."""
    def _run(**host_changes) -> Verdict:
        return check(make_case(host=make_host(**host_changes)), kb)
    return _run


def rule(verdict: Verdict, name: str) -> list[tuple[str, str]]:
    """(status, entry) of each host finding of rule `name`."""
    return [(f.status, f.entry or "") for f in verdict.findings
            if f.rule == name and f.scope == "host"]


def test_baseline_host_is_supported(run) -> None:
    verdict = run()
    assert verdict.verdict == "supported"
    assert [f for f in verdict.findings if f.status == "unsupported"] == []


@pytest.mark.parametrize(("arch", "status"), [("x86_64", "supported"), ("amd64", "supported"),
                                              ("i586", "unsupported"), ("s390x", "unsupported"),
                                              (DROP, "condition")])
def test_arch(run, arch, status: str) -> None:
    assert rule(run(arch=arch), "host.arch") == [(status, "art-host-arch")]


@pytest.mark.parametrize(("state", "status"), [("enabled", "supported"),
                                               ("disabled", "unsupported"),
                                               ("absent", "unsupported"), (DROP, "condition")])
def test_hardware_virtualization(run, state, status: str) -> None:
    found = rule(run(hardware_virtualization=state), "host.hardware-virtualization")
    assert found == [(status, "art-hardware-virtualization")]


def test_modules_not_loaded_is_qemu_only_mode(run) -> None:
    verdict = run(kvm_modules_loaded=False)
    assert rule(verdict, "host.kvm-modules") == [("unsupported", "feat-qemu-only")]
    assert verdict.verdict == "unsupported"
    assert rule(run(kvm_modules_loaded=DROP), "host.kvm-modules")[0][0] == "condition"


def test_pci_passthrough_needs_iommu_and_intel_iommu_on(kb) -> None:
    guests = [make_guest(features=["pci-passthrough"])]

    def passthrough(**host) -> list[tuple[str, str]]:
        verdict = check(make_case(guests=guests, host=make_host(**host)), kb)
        return rule(verdict, "features.pci-passthrough")

    assert passthrough() == [("supported", "feat-pci-passthrough")]
    assert ("unsupported", "feat-pci-passthrough") in passthrough(iommu="disabled")
    assert passthrough(kernel_cmdline="root=/dev/sda2") == [("unsupported",
                                                            "feat-pci-passthrough")]
    assert passthrough(kernel_cmdline="root=/dev/sda2 intel_iommu=off")[0][0] == "unsupported"
    assert passthrough(cpu_vendor="amd", kernel_cmdline="quiet") == [("supported",
                                                                      "feat-pci-passthrough")]
    assert passthrough(iommu=DROP)[0][0] == "condition"
    assert passthrough(kernel_cmdline=DROP)[0][0] == "condition"
    assert passthrough(cpu_vendor=DROP)[0][0] == "condition"


def test_passthrough_message_names_the_parameter_and_guests(kb) -> None:
    verdict = check(make_case(guests=[make_guest(name="db1", devices=["pci-passthrough"])],
                              host=make_host(kernel_cmdline="quiet")), kb)
    message = next(f.message for f in verdict.findings if f.rule == "features.pci-passthrough"
                   and f.scope == "host")
    assert "intel_iommu=on" in message and "db1" in message


def test_no_passthrough_means_no_iommu_questions(run) -> None:
    assert rule(run(iommu=DROP, cpu_vendor=DROP), "features.pci-passthrough") == []


def test_ksm_numa_and_overcommit_advice(run) -> None:
    verdict = run(ksm=True, numa_nodes=4)
    assert rule(verdict, "features.ksm") == [("supported", "feat-ksm")]
    assert ("advice", "art-overcommit") in rule(verdict, "features.overcommit")
    numa = rule(verdict, "features.numa")
    assert ("supported", "feat-numa") in numa and ("advice", "feat-numa") in numa
    advice = next(f for f in verdict.findings if f.rule == "features.numa"
                  and f.status == "advice")
    assert "numactl" in advice.message
    assert rule(run(numa_nodes=1), "features.numa") == []


@pytest.mark.parametrize(("value", "status"), [(True, "unsupported"), (False, "supported"),
                                               (DROP, "condition")])
def test_host_suspend_with_guests(run, value, status: str) -> None:
    assert rule(run(suspend_with_guests=value), "features.host-suspend") == \
        [(status, "feat-host-suspend")]


@pytest.mark.parametrize(
    ("changes", "tsc", "status"),
    # the constant_tsc flag does not show a *properly functioning* constant_tsc machine
    # (L199): with it, changes are a condition (see test_issue8_review.py)
    [(True, True, "condition"), (True, False, "unsupported"), (True, DROP, "condition"),
     (DROP, False, "condition"), (DROP, True, "condition"), (False, False, None)],
)
def test_power_management_needs_constant_tsc(run, changes, tsc, status) -> None:
    found = rule(run(power_changes_with_guests=changes, constant_tsc=tsc),
                 "features.power-management")
    assert found == ([(status, "feat-power-management")] if status else [])


@pytest.mark.parametrize(("value", "status"), [("default", "supported"),
                                               ("custom", "unsupported"),
                                               ("support-directed", "condition"),
                                               (DROP, "condition")])
def test_kvm_module_parameters(run, value, status: str) -> None:
    assert rule(run(kvm_module_parameters=value), "features.kvm-module-parameters") == \
        [(status, "feat-kvm-module-parameters")]


@pytest.mark.parametrize(
    ("tools", "user", "status"),
    [(["virt-manager"], "root", "supported"), (["virt-manager"], "kvm-group", "unsupported"),
     (["vm-install", "qemu-kvm"], "other", "unsupported"), (["qemu-kvm"], "kvm-group",
                                                            "supported"),
     (["qemu-kvm"], "other", "unsupported"), (["qemu-kvm"], "root", "advice"),
     (["virsh"], DROP, "condition")],
)
def test_qemu_user(run, tools, user, status: str) -> None:
    verdict = run(management=tools, qemu_user=user, virsh_usage="read-only")
    assert rule(verdict, "management.qemu-user") == [(status, "feat-kvm-user")]


@pytest.mark.parametrize(("usage", "status"), [("read-only", "supported"),
                                               ("lifecycle", "supported"),
                                               ("modify", "unsupported"), (DROP, "condition")])
def test_virsh_read_only_and_lifecycle(run, usage, status: str) -> None:
    assert rule(run(virsh_usage=usage), "management.virsh") == [(status, "feat-virsh")]


def test_each_tool_is_cited_and_missing_tools_are_a_condition(run) -> None:
    verdict = run(management=["vm-install", "virt-manager", "virsh", "qemu-kvm"])
    entries = [e for _, e in rule(verdict, "management.tools")]
    assert entries == ["feat-vm-install", "feat-virt-manager", "feat-virsh", "feat-qemu-kvm"]
    assert rule(run(management=DROP), "management.tools")[0][0] == "condition"


def test_host_ntp_is_advice(run) -> None:
    assert rule(run(ntp=False), "timekeeping.ntp-host")[0][0] == "advice"
    assert rule(run(ntp=True), "timekeeping.ntp-host") == []


def test_duplicate_macs_across_guests(kb) -> None:
    guests = [make_guest(name="a"), make_guest(name="b")]  # same baseline MAC
    verdict = check(make_case(guests=guests), kb)
    found = [f for f in verdict.findings if f.rule == "network.duplicate-mac"]
    assert len(found) == 1 and found[0].status == "condition"
    assert "a NIC 1" in found[0].message and "b NIC 1" in found[0].message
    assert found[0].entry == "art-mac-address"
