"""Supported limits at their boundaries, and limits read from the knowledge base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kvmhelpdesk.kb import KnowledgeBase, load_release
from kvmhelpdesk.resources import content_dir
from kvmhelpdesk.triage import Finding, check, check_guest
from tests.helpers.cases import DROP, disk, make_case, make_guest, make_host, nics


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def one(findings: list[Finding], rule: str) -> Finding:
    found = by_rule(findings, rule)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("vcpus", "status"), [(1, "supported"), (16, "supported"),
                                               (17, "unsupported")])
def test_guest_vcpus(kb, vcpus: int, status: str) -> None:
    finding = one(check_guest(make_guest(vcpus=vcpus), kb), "limits.guest-vcpus")
    assert finding.status == status
    assert finding.entry == "limit-guest-vcpus"
    assert finding.section == "Supported Limits"


def test_vcpu_message_has_the_numbers(kb) -> None:
    finding = one(check_guest(make_guest(vcpus=17), kb), "limits.guest-vcpus")
    assert finding.message == "17 vCPUs are over the limit of 16 vCPUs per guest."


@pytest.mark.parametrize(("memory_mb", "status"), [(512 * 1024, "supported"),
                                                   (512 * 1024 + 1, "unsupported")])
def test_guest_ram_512_gb(kb, memory_mb: int, status: str) -> None:
    finding = one(check_guest(make_guest(memory_mb=memory_mb), kb), "limits.guest-ram")
    assert finding.status == status
    assert f"{memory_mb} MB" in finding.message and "512 GB" in finding.message


@pytest.mark.parametrize(("count", "status"), [(0, "supported"), (8, "supported"),
                                               (9, "unsupported")])
def test_guest_nics(kb, count: int, status: str) -> None:
    finding = one(check_guest(make_guest(nics=nics(count)), kb), "limits.guest-nics")
    assert finding.status == status
    assert f"{count} NIC" in finding.message and "8 NICs" in finding.message


@pytest.mark.parametrize(("count", "status"), [(4, "supported"), (5, "unsupported")])
def test_emulated_block_devices(kb, count: int, status: str) -> None:
    """kvm-supported.txt L99: 4 emulated block devices per guest."""
    guest = make_guest(disks=[disk("ide") for _ in range(count)] + [disk("virtio")])
    finding = one(check_guest(guest, kb), "limits.block-emulated")
    assert finding.status == status
    assert f"{count} emulated" in finding.message and "limit of 4" in finding.message
    assert one(check_guest(guest, kb), "limits.block-virtio").status == "supported"


@pytest.mark.parametrize(("count", "status"), [(20, "supported"), (21, "unsupported")])
def test_virtio_block_devices(kb, count: int, status: str) -> None:
    guest = make_guest(disks=[disk("virtio") for _ in range(count)])
    finding = one(check_guest(guest, kb), "limits.block-virtio")
    assert finding.status == status
    assert f"{count} virtio-blk" in finding.message and "limit of 20" in finding.message


def test_unsupported_bus_still_counts_as_emulated(kb) -> None:
    guest = make_guest(disks=[disk("scsi")] * 5)
    assert one(check_guest(guest, kb), "limits.block-emulated").status == "unsupported"


@pytest.mark.parametrize(("total", "status"), [(64, "supported"), (65, "unsupported")])
def test_host_wide_vcpus_are_at_most_8_times_cores(kb, total: int, status: str) -> None:
    guests = [make_guest(name=f"g{i}", vcpus=16) for i in range(total // 16)]
    if total % 16:
        guests.append(make_guest(name="rest", vcpus=total % 16))
    verdict = check(make_case(guests=guests, host=make_host(cpu_cores=8)), kb)
    finding = one(verdict.findings, "limits.host-vcpus")
    assert finding.status == status
    assert finding.scope == "host" and finding.entry == "limit-max-guests"
    assert f"{total} vCPUs" in finding.message and "8 x 8 host cores = 64" in finding.message
    assert verdict.verdict == status


def test_cpu_overcommit_within_the_ratio_is_advice(kb) -> None:
    verdict = check(make_case(guests=[make_guest(vcpus=12)], host=make_host(cpu_cores=4)), kb)
    advice = one(verdict.findings, "limits.cpu-overcommit")
    assert advice.status == "advice" and advice.entry == "art-overcommit"
    assert verdict.verdict == "supported"


def test_missing_cores_or_vcpus_become_conditions(kb) -> None:
    verdict = check(make_case(host=make_host(cpu_cores=DROP)), kb)
    assert one(verdict.findings, "limits.host-vcpus").status == "condition"
    verdict = check(make_case(guests=[make_guest(), make_guest(name="b", vcpus=DROP)]), kb)
    finding = one(verdict.findings, "limits.host-vcpus")
    assert finding.status == "condition" and "b" in finding.message
    guest_findings = check_guest(make_guest(vcpus=DROP, memory_mb=DROP, nics=DROP,
                                            disks=DROP), kb)
    for rule in ("limits.guest-vcpus", "limits.guest-ram", "limits.guest-nics",
                 "limits.block-devices"):
        assert one(guest_findings, rule).status == "condition"


def test_disk_without_bus_is_counted_as_a_condition(kb) -> None:
    findings = check_guest(make_guest(disks=[disk("virtio"), {"format": "raw"}]), kb)
    assert any(f.rule == "limits.block-devices" and "disk 2" in f.message for f in findings)


@pytest.fixture(scope="module")
def edited_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The shipped release with its per-guest vCPU limit raised from 16 to 32."""
    folder = tmp_path_factory.mktemp("content") / "sles11-sp1"
    shutil.copytree(content_dir() / "sles11-sp1", folder)
    limits = folder / "limits.toml"
    text = limits.read_text(encoding="utf-8")
    marker = 'quantity = "guest-vcpus"\nvalue = 16'
    assert marker in text
    limits.write_text(text.replace(marker, 'quantity = "guest-vcpus"\nvalue = 32'),
                      encoding="utf-8")
    return KnowledgeBase([load_release(Path(folder))])


def test_content_changes_the_verdict_without_code_changes(kb, edited_kb) -> None:
    guest = make_guest(vcpus=17)
    assert one(check_guest(guest, kb), "limits.guest-vcpus").status == "unsupported"
    finding = one(check_guest(guest, edited_kb), "limits.guest-vcpus")
    assert finding.status == "supported"
    assert "limit of 32 vCPUs" in finding.message
