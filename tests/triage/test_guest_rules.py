"""Guest rules: storage, NICs, devices and video, features, timekeeping, images, monitor."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kvmhelpdesk.triage import Finding, check, check_guest
from tests.helpers.cases import DROP, disk, make_case, make_guest, make_host, nic

Run = Callable[..., list[Finding]]


@pytest.fixture
def run(kb) -> Run:
    """Guest findings of the baseline guest with `changes`; `host=` changes the host too."""
    def _run(host: dict | None = None, **changes) -> list[Finding]:
        return check_guest(make_guest(**changes), kb, host=make_host(**(host or {})))
    return _run


def of(findings: list[Finding], rule: str) -> list[tuple[str, str | None]]:
    return [(f.status, f.entry) for f in findings if f.rule == rule]


def statuses(findings: list[Finding], rule: str) -> set[str]:
    return {f.status for f in findings if f.rule == rule}


def test_baseline_guest_has_only_supported_findings(run: Run) -> None:
    findings = run()
    assert {f.status for f in findings} <= {"supported", "condition"}, findings
    assert [f.rule for f in findings if f.status == "condition"] == ["guestos.memory-minimum"]


# ---------------------------------------------------------------- storage

@pytest.mark.parametrize(("fmt", "status"), [("raw", None), ("qcow2", "unsupported"),
                                             ("vmdk", "unsupported"), ("qed", "unsupported")])
def test_raw_only(run: Run, fmt: str, status: str | None) -> None:
    found = of(run(disks=[disk("virtio", fmt)]), "storage.format")
    assert found == ([(status, "opt-drive")] if status else [])


def test_format_message(run: Run) -> None:
    message = next(f.message for f in run(disks=[disk("virtio", "qcow2")])
                   if f.rule == "storage.format")
    assert "qcow2" in message and "raw" in message and "Disk 1" in message


@pytest.mark.parametrize(("bus", "status"), [("ide", None), ("floppy", None), ("virtio", None),
                                             ("scsi", "unsupported"), ("pflash", "unsupported"),
                                             ("usb", "unsupported"), ("sd", "unsupported")])
def test_allowed_disk_buses(run: Run, bus: str, status: str | None) -> None:
    found = of(run(disks=[disk(bus)]), "storage.bus")
    assert found == ([(status, "opt-drive")] if status else [])


def test_refused_by_name_versus_not_listed(run: Run) -> None:
    scsi = next(f.message for f in run(disks=[disk("scsi")]) if f.rule == "storage.bus")
    usb = next(f.message for f in run(disks=[disk("usb")]) if f.rule == "storage.bus")
    assert "refused by name" in scsi and "not among the supported values" in usb


def test_snapshot_must_be_off(run: Run) -> None:
    assert of(run(disks=[disk(snapshot=True)]), "storage.snapshot") == [("unsupported",
                                                                         "opt-drive")]
    assert of(run(disks=[disk(snapshot=False)]), "storage.snapshot") == []
    assert of(run(disks=[{"bus": "ide", "format": "raw"}]), "storage.snapshot") == []


def test_storage_kinds(run: Run) -> None:
    for kind in ("file", "lvm", "partition", "disk", "iscsi"):
        assert of(run(disks=[disk(storage=kind)]), "storage.kind") == []
    assert of(run(disks=[disk(storage="nfs")]), "storage.kind") == [("condition",
                                                                      "art-raw-storage")]


def test_missing_disk_answers_are_conditions(run: Run) -> None:
    findings = run(disks=[{"storage": "file"}])
    assert statuses(findings, "storage.bus") == {"condition"}
    assert statuses(findings, "storage.format") == {"condition"}
    assert statuses(run(disks=DROP), "storage.format") == {"condition"}


# ---------------------------------------------------------------- network

@pytest.mark.parametrize(("model", "status"), [("virtio", "supported"), ("rtl8139", "supported"),
                                               ("virtio-net-pci", "supported"),
                                               ("e1000", "unsupported"),
                                               ("ne2k_pci", "unsupported")])
def test_nic_models(run: Run, model: str, status: str) -> None:
    assert statuses(run(nics=[nic(model)]), "network.model") == {status}


def test_nic_model_message_lists_the_allowed_models(run: Run) -> None:
    message = next(f.message for f in run(nics=[nic("e1000")]) if f.rule == "network.model")
    assert "e1000" in message and "rtl8139" in message and "virtio" in message


@pytest.mark.parametrize("mac", [None, ""])
def test_nic_without_mac_is_a_condition(run: Run, mac) -> None:
    assert of(run(nics=[nic(mac=mac)]), "network.mac") == [("condition", "art-mac-address")]
    assert of(run(nics=[{"model": "virtio"}]), "network.mac") == [("condition",
                                                                    "art-mac-address")]
    assert of(run(), "network.mac") == []


# ---------------------------------------------------------------- management tools, devices

@pytest.mark.parametrize(("video", "status"), [("cirrus", None), ("std", None), ("none", None),
                                               ("vmware", "unsupported"), ("xen", "unsupported"),
                                               ("qxl", "unsupported"), (DROP, "condition")])
def test_video(run: Run, video, status) -> None:
    assert statuses(run(video=video), "management.video") == ({status} if status else set())


def test_virt_manager_refusals_cite_virt_manager(run: Run) -> None:
    assert of(run(video="vmware"), "management.video") == [("unsupported", "feat-virt-manager")]
    assert of(run(video="vmware", host={"management": ["qemu-kvm"]}),
              "management.video") == [("unsupported", "opt-vga")]
    assert of(run(devices=["sound"]), "management.devices") == [("unsupported",
                                                                 "feat-virt-manager")]
    assert of(run(devices=["sound"], host={"management": ["qemu-kvm"]}),
              "management.devices") == [("unsupported", "opt-soundhw")]
    assert of(run(devices=["usb-host"]), "management.devices") == [("unsupported",
                                                                    "feat-virt-manager")]
    assert of(run(devices=["usb-host"], host={"management": ["vm-install"]}),
              "management.devices") == [("unsupported", "opt-usbdevice")]


def test_supported_and_unknown_devices(run: Run) -> None:
    # -usbdevice [tablet|mouse] (L288); -device isa-serial and virtio-balloon-pci (L289);
    # with qemu-kvm run directly (under libvirt, see test_issue8_review.py)
    assert of(run(devices=["tablet", "mouse", "isa-serial", "balloon"],
                  host={"management": ["qemu-kvm"], "qemu_user": "kvm-group"}),
              "management.devices") == []
    assert statuses(run(devices=["watchdog-i6300esb"]), "management.devices") == {"condition"}


def test_usb_devices_get_one_judgement_whatever_the_route(run: Run) -> None:
    """kvm-supported.txt L288 (-usbdevice [tablet|mouse]), L289 and L357 (-device list): a USB
    keyboard is refused on either route; the tablet's -device driver needs review."""
    for word in ("keyboard", "usb-kbd"):
        assert statuses(run(devices=[word]), "management.devices") == {"unsupported"}
    [review] = [f for f in run(devices=["usb-tablet"]) if f.rule == "management.devices"]
    assert review.status == "unlisted"
    assert "L288" in review.message and "L289" in review.message


# ---------------------------------------------------------------- features

def test_live_migration_prerequisites(run: Run) -> None:
    assert of(run(features=["live-migration"]), "features.live-migration") == \
        [("supported", "feat-live-migration")]
    failed = run(features=["live-migration"],
                 migration={"same_host_type": True, "shared_storage": False,
                            "timekeeping_controlled": True, "compatible_definition": True})
    found = [f for f in failed if f.rule == "features.live-migration"]
    assert [f.status for f in found] == ["unsupported"] and "shared" in found[0].message
    unknown = run(features=["live-migration"], migration={"same_host_type": True})
    assert statuses(unknown, "features.live-migration") == {"condition"}
    assert statuses(run(features=["live-migration"], migration=DROP),
                    "features.live-migration") == {"condition"}


def test_live_migration_with_physical_devices(run: Run) -> None:
    for guest in ({"devices": ["pci-passthrough"]}, {"devices": ["usb-host"]},
                  {"features": ["live-migration", "pci-passthrough"]}):
        features = guest.pop("features", ["live-migration"])
        found = run(features=features, **guest)
        physical = [f for f in found if f.rule == "features.live-migration"]
        assert [f.status for f in physical] == ["unsupported"]
        assert "physical devices" in physical[0].message


@pytest.mark.parametrize(("driver", "status"), [(True, "supported"), (False, "unsupported"),
                                                (DROP, "condition")])
def test_ballooning_needs_the_driver(run: Run, driver, status: str) -> None:
    assert of(run(features=["ballooning"], balloon_driver=driver), "features.ballooning") == \
        [(status, "feat-ballooning")]


@pytest.mark.parametrize(("feature", "entry"), [("cpu-hotplug", "feat-cpu-hotplug"),
                                                ("device-hotplug", "feat-device-hotplug"),
                                                ("qemu-only", "feat-qemu-only")])
def test_features_the_statement_refuses(run: Run, feature: str, entry: str) -> None:
    assert of(run(features=[feature]), f"features.{feature}") == [("unsupported", entry)]


def test_ksm_on_the_guest_and_the_host(run: Run) -> None:
    assert statuses(run(features=["ksm"], host={"ksm": True}), "features.ksm") == {"supported"}
    assert statuses(run(features=["ksm"], host={"ksm": False}), "features.ksm") == \
        {"supported", "advice"}


# ---------------------------------------------------------------- timekeeping

def test_kvm_clock_where_the_row_offers_it(run: Run) -> None:
    assert statuses(run(clock="kvm-clock"), "timekeeping.clock") == {"supported"}
    assert of(run(clock="tsc"), "timekeeping.clock") == [("advice", "os-sles11-sp1")]
    assert statuses(run(clock=DROP), "timekeeping.clock") == {"condition"}
    assert statuses(run(os="RHEL 5.5", clock="pmtmr"), "timekeeping.clock") == set()


@pytest.mark.parametrize(
    ("bits", "boot", "status"),
    [(32, "root=/dev/hda2 clock=pmtmr", "supported"), (32, "root=/dev/hda2", "unsupported"),
     (64, "ignore_lost_ticks quiet", "supported"), (64, "clock=pmtmr", "unsupported"),
     (64, DROP, "condition"), (DROP, "clock=pmtmr", "condition")],
)
def test_sles9_boot_options_per_bitness(run: Run, bits, boot, status: str) -> None:
    findings = run(os="SLES 9 SP4", bits=bits, boot_options=boot, clock="pmtmr")
    assert of(findings, "timekeeping.boot-options") == [(status, "os-sles9-sp4")]
    if status == "unsupported":
        needed = "clock=pmtmr" if bits == 32 else "ignore_lost_ticks"
        assert needed in next(f.message for f in findings if f.rule == "timekeeping.boot-options")


def test_sles9_bits_from_the_os_text(run: Run) -> None:
    findings = run(os="SLES 9 SP4 i586", bits=DROP, boot_options="clock=pmtmr", clock="pmtmr")
    assert statuses(findings, "timekeeping.boot-options") == {"supported"}


def test_ntp_in_guest(run: Run) -> None:
    assert statuses(run(clock="kvm-clock", ntp_in_guest=True), "timekeeping.ntp-guest") == \
        {"advice"}
    assert statuses(run(clock="kvm-clock", ntp_in_guest=False), "timekeeping.ntp-guest") == set()
    assert statuses(run(os="RHEL 6", clock="other", ntp_in_guest=False),
                    "timekeeping.ntp-guest") == {"advice"}
    assert statuses(run(os="RHEL 6", clock="other", ntp_in_guest=True),
                    "timekeeping.ntp-guest") == set()


# ---------------------------------------------------------------- images, monitor, OS

@pytest.mark.parametrize(("created", "status"), [("sles11-sp1", "supported"),
                                                 ("pre-sles11-sp1", "condition"),
                                                 ("sles10-sp3", "condition"),
                                                 (DROP, "condition")])
def test_images_created_before_sp1(run: Run, created, status: str) -> None:
    """kvm-supported.txt L66: older images "are not assumed to be compatible": a condition."""
    assert of(run(created_with=created), "guestos.created-with") == [(status,
                                                                      "art-pre-sp1-images")]


def test_monitor_commands(run: Run) -> None:
    findings = run(monitor_commands=["info status", "migrate tcp:b:4444", "savevm snap1",
                                     "p $pc", "frobnicate", "info kvm"])
    found = [(f.status, f.entry) for f in findings if f.rule == "monitor.command"]
    assert found == [("supported", "mon-info"), ("supported", "mon-migrate"),
                     ("unsupported", "mon-savevm"), ("supported", "mon-print"),
                     ("unlisted", None)]


def test_os_row_and_bits_conditions(run: Run) -> None:
    findings = run(os="Win7 x64", bits=32)
    assert of(findings, "guestos.row") == [("best-effort", "os-win7")]
    assert statuses(findings, "guestos.confirm") == {"condition"}
    missed = run(os="SLES 10 SP2")
    assert of(missed, "guestos.row") == [("unsupported", "os-sles10-sp3")]
    assert of(run(os="Windows 2000"), "guestos.row") == [("unsupported", "art-guest-os-table")]
    assert statuses(run(os=DROP), "guestos.row") == {"condition"}


def test_check_guest_skips_host_wide_rules(kb) -> None:
    findings = check_guest(make_guest(features=["pci-passthrough"]), kb)
    assert all(f.scope == "guest:sles01" for f in findings)
    verdict = check(make_case(guests=[make_guest(features=["pci-passthrough"])]), kb)
    assert any(f.scope == "host" and f.rule == "features.pci-passthrough"
               for f in verdict.findings)
