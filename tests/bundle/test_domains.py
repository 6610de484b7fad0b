"""Every libvirt domain and its pieces: virsh list, dumpxml, /etc/libvirt/qemu, logs, ps."""

from __future__ import annotations

from pathlib import Path

from kvmhelpdesk.bundle import read_bundle
from tests.bundle.conftest import line_of
from tests.helpers.supportconfig import (
    DomainSpec,
    SupportconfigBuilder,
    add_host,
    add_kvm,
    header,
)


def read(builder: SupportconfigBuilder, tmp_path: Path):
    return read_bundle(builder.write_folder(tmp_path))


def test_domains_in_list_order_with_their_pieces(builder, bundle):
    by_name = {d.name: d for d in bundle.domains}
    assert list(by_name) == ["sles11-web", "w2k8-db", "sles10-app", "winxp-desk"]
    assert by_name["w2k8-db"].state == "shut off" and by_name["w2k8-db"].running is False
    assert by_name["sles11-web"].running and by_name["sles11-web"].live is not None
    assert by_name["w2k8-db"].live is None  # supportconfig dumps running domains only
    assert all(d.definition is not None for d in bundle.domains)
    web = by_name["sles11-web"]
    assert web.definition.where == "/etc/libvirt/qemu/sles11-web.xml"
    assert web.process is not None and web.process.user == "root"


def test_the_newest_start_of_a_log_with_several(builder, bundle):
    web = next(d for d in bundle.domains if d.name == "sles11-web")
    assert web.logged is not None
    assert web.logged.started == "2011-03-03 10:12:12.345"  # the third of three starts
    assert line_of(builder, "kvm.txt", web.logged.number) == web.logged.line
    assert "-name sles11-web" in web.logged.line and not web.logged.stopped
    shut = next(d for d in bundle.domains if d.name == "w2k8-db")
    assert shut.logged is not None and "shutting down" in shut.logged.stopped
    assert shut.now is None  # shut off: its last start is not what runs now


def test_networks_and_autostart_are_not_domains(tmp_path):
    builder = SupportconfigBuilder()
    builder.domain(DomainSpec("web"))
    add_kvm(add_host(builder))
    builder.config("kvm.txt", "/etc/libvirt/qemu/autostart/web.xml", DomainSpec("web").xml())
    bundle = read(builder, tmp_path)
    assert [d.name for d in bundle.domains] == ["web"] and bundle.domains[0].autostart


def test_a_log_of_an_undefined_domain_is_noted_not_judged(tmp_path):
    builder = SupportconfigBuilder()
    builder.domain(DomainSpec("web"))
    add_kvm(add_host(builder))
    builder.log("kvm.txt", "/var/log/libvirt/qemu/old.log", DomainSpec("old").log_lines())
    bundle = read(builder, tmp_path)
    assert [d.name for d in bundle.domains] == ["web"]
    assert any("a log of 'old', which is no longer defined" in n for n in bundle.notes)


def test_without_virsh_domains_come_from_definitions_and_logs(tmp_path):
    builder = SupportconfigBuilder()
    builder.domain(DomainSpec("web"))
    add_kvm(add_host(builder), virsh=False, processes=False)
    builder.log("kvm.txt", "/var/log/libvirt/qemu/transient.log",
                DomainSpec("transient").log_lines())
    bundle = read(builder, tmp_path)
    assert [d.name for d in bundle.domains] == ["web", "transient"]
    assert all(d.state is None for d in bundle.domains)
    assert bundle.domains[1].definition is None and bundle.domains[1].logged is not None


def test_a_guest_run_by_hand_appears_from_ps(tmp_path):
    builder = SupportconfigBuilder()
    builder.domain(DomainSpec("web"))
    add_kvm(add_host(builder), processes=False)
    builder.command("basic-health-check.txt", "/bin/ps axwwo user,pid,ppid,%cpu,%mem,vsz,rss,"
                    "stat,time,cmd", [
                        "USER PID PPID %CPU %MEM VSZ RSS STAT TIME CMD",
                        "tester 999 1 0.0 1.0 1000 1000 Sl 00:00:01 /usr/bin/qemu-kvm -m 512 "
                        "-hda /home/tester/scratch.img -name scratch"])
    bundle = read(builder, tmp_path)
    scratch = next(d for d in bundle.domains if d.name == "scratch")
    assert not scratch.libvirt and scratch.running and scratch.process.user == "tester"


def test_a_cut_short_definition_and_a_renamed_file_are_noted(tmp_path):
    builder = SupportconfigBuilder()
    add_host(builder)
    lines = builder.lines("kvm.txt")
    lines += [header("Configuration File"), "# /etc/libvirt/qemu/db.xml",
              *DomainSpec("db-renamed").xml().splitlines()[:9]]  # no blank line: cut short
    lines += [header("Command"), "# /bin/route -n", "Kernel IP routing table", ""]
    bundle = read(builder, tmp_path)
    notes = "\n".join(bundle.notes)
    assert "defines the domain 'db-renamed' (the file name says 'db')" in notes
    assert "/etc/libvirt/qemu/db.xml (kvm.txt line 1) is cut short" in notes
