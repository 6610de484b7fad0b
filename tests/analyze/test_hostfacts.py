"""Host facts from /proc and /etc texts, shared by probe-host and the support-bundle reader."""

from __future__ import annotations

from kvmhelpdesk.analyze.hostfacts import (
    parse_cpuinfo,
    parse_meminfo_kib,
    parse_os_release,
    parse_suse_release,
)


def stanza(n: int, physical: int | None, core: int | None) -> str:
    topo = "" if physical is None else f"physical id\t: {physical}\ncore id\t\t: {core}\n"
    return (f"processor\t: {n}\nvendor_id\t: GenuineIntel\n{topo}"
            "flags\t\t: fpu vmx constant_tsc ept\n\n")


def test_physical_cores_count_distinct_socket_core_pairs():
    # kvm-supported.txt L100 counts "cpu cores": 2 sockets x 2 cores x 2 threads = 4 cores.
    text = "".join(stanza(n, n // 4, (n // 2) % 2) for n in range(8))
    info = parse_cpuinfo(text)
    assert (info.logical, info.physical_cores) == (8, 4)
    assert info.case_vendor == "intel" and info.hardware_virtualization_flag
    assert "ept" in info.flags and info.lines["vendor"] == 1


def test_without_topology_only_logical_cpus_are_known():
    info = parse_cpuinfo(stanza(0, None, None) + stanza(1, None, None))
    assert (info.logical, info.physical_cores) == (2, None)


def test_suse_release_sles11_sp1():
    text = "SUSE Linux Enterprise Server 11 (x86_64)\nVERSION = 11\nPATCHLEVEL = 1\n"
    release = parse_suse_release(text)
    assert release is not None and (release.text, release.line) == ("SLES 11 SP1", 0)


def test_suse_release_desktop_and_ga():
    text = "SUSE Linux Enterprise Desktop 11 (x86_64)\nVERSION = 11\nPATCHLEVEL = 0\n"
    assert parse_suse_release(text).text == "SLED 11 GA"  # PATCHLEVEL = 0 is the GA release


def test_suse_release_patchlevel_0_is_ga():
    """kvm-supported.txt L5: SLES 11 GA (kvm a technical preview) is not "SLES 11" unknown."""
    text = "SUSE Linux Enterprise Server 11 (x86_64)\nVERSION = 11\nPATCHLEVEL = 0\n"
    assert parse_suse_release(text).text == "SLES 11 GA"
    no_level = "SUSE Linux Enterprise Server 11 (x86_64)\nVERSION = 11\n"
    assert parse_suse_release(no_level).text == "SLES 11"  # no PATCHLEVEL: not known


def test_os_release_pretty_name():
    text = 'NAME="SLES"\nVERSION="12-SP3"\nPRETTY_NAME="SUSE Linux Enterprise Server 12 SP3"\n'
    release = parse_os_release(text)
    assert release is not None and (release.text, release.line) == (
        "SUSE Linux Enterprise Server 12 SP3", 2)


def test_meminfo():
    assert parse_meminfo_kib("MemFree: 1 kB\nMemTotal:  32949800 kB\n") == (32949800, 1)
    assert parse_meminfo_kib("nothing") is None
