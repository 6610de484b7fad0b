"""Issue 8, reviewed line by line against the statement: each judgement names the line of
kvm-supported.txt it follows (`L<n>`), and says so where the statement is silent or unclear."""

from __future__ import annotations

import pytest

from kvmhelpdesk.triage import check, match_os
from kvmhelpdesk.triage.confirm import bears_verdict
from tests.helpers.cases import make_case, make_guest, make_host, minimal_case


def answered(case: dict, **records: str) -> dict:
    """The case with the engineer's records (`key=state`), as format v2."""
    case = dict(case, version=2)
    case["confirmations"] = {**case.get("confirmations", {}),
                             **{k: {"state": v, "note": "asked"} for k, v in records.items()}}
    return case


def record(case: dict, key: str, state: str, note: str = "asked") -> dict:
    case = dict(case, version=2)
    case["confirmations"] = {**case.get("confirmations", {}), key: {"state": state, "note": note}}
    return case


def rule(verdict, name: str, scope: str | None = None) -> list:
    return [f for f in verdict.findings if f.rule == name and (scope is None or f.scope == scope)]


# ---------------------------------------------------------------- 1. nothing green from a note

def test_1_an_empty_case_has_nothing_to_tick_about_guests(kb) -> None:
    """No guest described is a note (advice), not a condition: there is nothing to confirm."""
    verdict = check(minimal_case(), kb)
    [note] = rule(verdict, "case.guests")
    assert note.status == "advice" and note not in verdict.conditions
    ticked = check(record(minimal_case(), note.key, "confirmed"), kb)
    assert ticked.verdict == "undetermined"


def test_1_ticking_an_informational_condition_is_no_evidence(kb) -> None:
    """Ticking a condition whose answer changes no verdict (which management tools are used;
    its refutation is only "needs review") leaves an empty case undetermined."""
    empty = check(minimal_case(), kb)
    informational = [c for c in empty.conditions if not bears_verdict(c)]
    assert [c.rule for c in informational] == ["management.tools"]
    ticked = check(answered(minimal_case(), **{c.key: "confirmed" for c in informational}), kb)
    assert ticked.verdict == "undetermined"
    assert all(g.verdict == "undetermined" for g in ticked.guests)


def test_1_a_ticked_condition_that_bears_on_the_verdict_still_counts(kb) -> None:
    """kvm-supported.txt L34: confirming "the host is x86_64" is that answer given."""
    verdict = check(record(minimal_case(), "host.arch@host", "confirmed"), kb)
    assert verdict.verdict == "supported"


# ---------------------------------------------------------------- 2. guest OS names

def win2012(kb, state: str | None = None):
    case = make_case(guests=[make_guest(os="Windows Server 2012", clock="other")])
    if state:
        case = record(case, "guestos.row@guest:sles01#which", state)
    return check(case, kb)


def test_2_windows_server_2012_is_not_in_the_table(kb) -> None:
    """kvm-supported.txt L82-86: the Windows rows end at "Win 2K8+" (L84). Not in the table;
    only if that "+" meant later releases would the row cover it: best effort at best (the
    ceiling), needs review, and a question whose answer decides."""
    match = match_os("Windows Server 2012", None, kb)
    assert match.entry is None and match.missed.id == "os-win2k8"
    assert match.status == "best-effort"
    assert "not in the guest OS table" in match.message and "needs review" in match.message
    assert "L84" in match.message
    verdict = win2012(kb)
    assert verdict.verdict == "best-effort"  # never better than the row's best effort
    [question] = [c for c in verdict.conditions if c.rule == "guestos.row"]
    assert question.key == "guestos.row@guest:sles01#which"
    assert "in fact Windows Server 2008" in question.message
    assert "Refuted means it is Windows Server 2012 or later" in question.message


def test_2_confirmed_it_is_the_win2k8_row_refuted_it_is_not_in_the_table(kb) -> None:
    """kvm-supported.txt L84: confirmed = the guest is Windows Server 2008 (row Win 2K8+,
    Best Effort, L82); refuted = Windows Server 2012 is not in the table."""
    confirmed = win2012(kb, "confirmed")
    [row] = [f for f in rule(confirmed, "guestos.row") if f.status != "condition"]
    assert (row.status, row.entry) == ("best-effort", "os-win2k8")
    assert "Confirmed by the customer" in row.message
    assert confirmed.guests[0].os == "Windows Server 2012"  # as given
    assert confirmed.guests[0].os_row == "Win 2K8+"
    assert confirmed.verdict == "best-effort"
    refuted = win2012(kb, "refuted")
    assert refuted.verdict == "unsupported"
    [outcome] = [f for f in rule(refuted, "guestos.row") if f.key.endswith("#refuted")]
    assert "not in the guest OS table" in outcome.message
    assert "is not stated" in outcome.message  # the "+" question, said, not decided quietly


def test_2_sle_11_sp1_asks_server_or_desktop(kb) -> None:
    """kvm-supported.txt L70 (SLES11 SP1, Fully Supported) and L76 (SLED11 SP1, Tech
    Preview): "SLE 11 SP1" could be either; the condition asks, and says what each answer
    means, instead of assuming one."""
    case = make_case(guests=[make_guest(os="SLE 11 SP1")])
    [question] = [c for c in check(case, kb).conditions if c.rule == "guestos.row"]
    assert "confirmed means the Server product (SLES)" in question.message
    assert "refuted the Desktop product (SLED)" in question.message
    server = check(record(case, question.key, "confirmed"), kb)
    assert (server.guests[0].os_entry, server.guests[0].verdict) == ("os-sles11-sp1",
                                                                     "supported")
    desktop = check(record(case, question.key, "refuted"), kb)
    assert (desktop.guests[0].os_entry, desktop.guests[0].verdict) == ("os-sled11-sp1",
                                                                       "tech-preview")
    assert desktop.guests[0].os == "SLE 11 SP1"


# ---------------------------------------------------------------- 3, 9. the host's release

@pytest.mark.parametrize(("text", "status", "says"), [
    ("SLE 11 SP2", "unsupported", "statement of SLES 11 SP2 or SLED 11 SP2"),
    ("SLE 10", "unsupported", "statement of SLES 10 or SLED 10"),
    ("SLE 10 SP3", "unsupported", "statement of SLES 10 SP3 or SLED 10 SP3"),
    ("SLES 11 SP2", "unsupported", "the KVM support statement of SLES 11 SP2 applies"),
    ("SLE 11", "condition", "neither Server nor Desktop nor the service pack"),
    ("SLE 11 SP1", "condition", "does not say Server or Desktop"),
])
def test_3_another_release_of_sle_is_a_finding(kb, text, status, says) -> None:
    """kvm-supported.txt L5-9 and L23: the statement covers SLES 11 SP1 hosts. "SLE 11 SP2",
    "SLE 10" are another release whichever product they are: a finding naming the statement
    that applies, and the verdict is not supported. "SLE 11" leaves both product and service
    pack open: a condition that says so."""
    verdict = check(make_case(host=make_host(os=text)), kb)
    [finding] = rule(verdict, "host.os")
    assert finding.status == status and says in finding.message, finding.message
    if status == "unsupported":
        assert verdict.verdict == "unsupported"


def test_9_sles_11_ga_is_what_l5_says(kb) -> None:
    """kvm-supported.txt L5: "SLES 11 GA included kvm at a technical preview status level"."""
    verdict = check(make_case(host=make_host(os="SLES 11 GA")), kb)
    [finding] = rule(verdict, "host.os")
    assert finding.status == "tech-preview" and verdict.verdict == "tech-preview"
    assert "technical preview status level (L5)" in finding.message
    assert "SLES 11 SP1" in finding.message


@pytest.mark.parametrize("text", ["SLES 11 SP2", "SLED 11 SP1", "Ubuntu 20.04"])
def test_9_another_release_reads_naturally(kb, text) -> None:
    """The message says what the host runs, what this statement covers, and what applies."""
    [finding] = rule(check(make_case(host=make_host(os=text)), kb), "host.os")
    assert finding.message.startswith(f"The host runs {text}, not SLES 11 SP1. This statement "
                                      "covers SLES 11 SP1 hosts only, so it does not apply to "
                                      "this host: ")
    assert "nothing in it applies" not in finding.message
    assert finding.message.count("applies") + finding.message.count("apply") == 2


# ---------------------------------------------------------------- 5. refuting a grouped line

def test_5_a_refuted_group_line_marks_no_guest_unsupported(kb) -> None:
    """kvm-supported.txt L97 (16 vCPUs per guest): "vCPUs not given for web01, db01" refuted
    as a whole means more than 16 for at least one of them, not which: needs review naming
    them, never both unsupported at once."""
    case = make_case(guests=[make_guest(name="web01", vcpus=None),
                             make_guest(name="db01", vcpus=None)])
    for guest in case["guests"]:
        del guest["vcpus"]
    line = next(c for c in check(case, kb).conditions if c.message.startswith("vCPUs not"))
    assert line.members == ("limits.guest-vcpus@guest:web01", "limits.guest-vcpus@guest:db01")
    verdict = check(record(case, line.key, "refuted", "one of them has 24"), kb)
    assert [g.verdict for g in verdict.guests] == ["supported", "supported"]
    [review] = [f for f in verdict.findings if f.key == f"{line.key}#refuted"]
    assert review.status == "unlisted" and "web01 and db01" in review.message
    assert "one of them has 24" in review.message
    one = check(record(case, line.members[1], "refuted"), kb)
    assert [g.verdict for g in one.guests] == ["supported", "unsupported"]


# ---------------------------------------------------------------- 6. the emulated CPU column

def cpu_complaint(kb, measured, state: str | None = None):
    complaint = {"category": "cpu", "mode": "emulated"}
    if measured is not None:
        complaint["measured_percent"] = measured
    case = make_case(performance=[complaint])
    if state:
        case = record(case, "performance.cpu@performance#1", state)
    return check(case, kb)


def test_6_the_emulated_cpu_condition_asks_the_supported_reading(kb) -> None:
    """kvm-supported.txt L238-239: "7% (QEMU emulation (unsupported))"; L212-218: qemu-only
    mode is not supported. The condition asks the customer to confirm the CPU is NOT emulated
    (the reading under which the verdict holds); refuting it is the unsupported mode."""
    verdict = cpu_complaint(kb, 90)
    [condition] = [c for c in verdict.conditions if c.scope == "performance"]
    assert "Confirm the guest's CPU is not emulated" in condition.message
    assert "Confirm the guest really runs in qemu-only mode" not in condition.message
    assert verdict.verdict == "supported"
    confirmed = cpu_complaint(kb, 90, "confirmed")
    assert confirmed.verdict == "supported"
    assert any(f.status == "advice" and "Host-Passthrough" in f.message
               for f in confirmed.findings)
    refuted = cpu_complaint(kb, 90, "refuted")
    assert refuted.verdict == "unsupported"
    assert any("(L238-239)" in f.message for f in refuted.findings if f.status == "unsupported")


@pytest.mark.parametrize(("measured", "assessment"), [
    (90, "outside-expectation"), (60, "outside-expectation"),
    (7, "unsupported-mode"), (5, "unsupported-mode"), (None, "unsupported-mode"),
])
def test_6_a_90_percent_cpu_is_not_an_unsupported_mode(kb, measured, assessment) -> None:
    """kvm-supported.txt L238-239: the 7% cell is QEMU emulation, which the table marks
    unsupported; a measured 90% is not what emulation delivers, so the table's words do not
    make it an "unsupported mode"."""
    [item] = cpu_complaint(kb, measured).performance
    assert item.assessment == assessment and item.expected_percent == 7
    assert "L238-239" in item.message
    if assessment == "outside-expectation":
        assert "not emulated" in item.message and "unsupported mode" not in item.message


# ---------------------------------------------------------------- 7. vCPUs over 8 x logical CPUs

def test_7_over_eight_times_the_logical_cpus_is_unsupported(kb) -> None:
    """kvm-supported.txt L100: all guests' vCPUs no greater than 8 times the host's cores.
    Cores never outnumber logical CPUs, so over 8 x logical CPUs is over the limit: not a
    note or a condition."""
    host = make_host(logical_cpus=2)
    del host["cpu_cores"]
    guests = [make_guest(name=f"g{i}", vcpus=6) for i in range(3)]  # 18 > 8 x 2
    verdict = check(make_case(guests=guests, host=host), kb)
    [found] = rule(verdict, "limits.host-vcpus")
    assert found.status == "unsupported" and verdict.verdict == "unsupported"
    assert "L100" in found.message and "8 x 2 = 16" in found.message
    assert "host.logical_cpus" in found.basis
    within = check(make_case(guests=guests[:2], host=host), kb)  # 12: within 16, maybe not 8
    assert [f.status for f in rule(within, "limits.host-vcpus")] == ["condition"]


# ---------------------------------------------------------------- 8, 12. devices

def device_findings(kb, devices, management=("virt-manager", "virsh"), **guest):
    host = make_host(management=list(management))
    verdict = check(make_case(guests=[make_guest(devices=devices, **guest)], host=host), kb)
    return [f for f in verdict.findings if f.rule == "management.devices"]


@pytest.mark.parametrize("word", ["tablet", "mouse"])
def test_8_a_wizard_tablet_under_libvirt_is_judged_like_usb_tablet(kb, word) -> None:
    """kvm-supported.txt L288 (-usbdevice [tablet|mouse]) against L289/L357 (-device list):
    under virt-manager/virsh (libvirt) the device starts as -device usb-tablet, the case the
    usb-tablet answer already judges as needs review; with qemu-kvm run directly, -usbdevice
    is what is used: supported."""
    [found] = device_findings(kb, [word])
    [usb] = device_findings(kb, [f"usb-{word}"])
    assert found.status == usb.status == "unlisted"
    assert f"-device usb-{word}" in found.message and "L288" in found.message
    assert "virt-manager and virsh" in found.message
    assert device_findings(kb, [word], management=["qemu-kvm"]) == []


@pytest.mark.parametrize("word", ["watchdog", "i6300esb", "ib700"])
def test_12_watchdog_words_are_recognised(kb, word) -> None:
    """kvm-supported.txt L311 (-watchdog ...) is supported; libvirt starts a watchdog as
    -device i6300esb / ib700, which the -device list (L289, L357) does not name: needs review
    under libvirt, as for the USB tablet; never "not named by the statement"."""
    assert device_findings(kb, [word], management=["qemu-kvm"]) == []
    [found] = device_findings(kb, [word])
    assert found.status == "unlisted" and "-watchdog" in found.message
    assert "L311" in found.message and "not named" not in found.message


@pytest.mark.parametrize("word", ["floppy", "fdc", "isa-fdc"])
def test_12_a_floppy_drive_is_recognised(kb, word) -> None:
    """kvm-supported.txt L280 (-fda/-fdb), L283 (if=floppy), L289 (isa-fdc): supported."""
    assert device_findings(kb, [word]) == []
    assert device_findings(kb, [word], management=["qemu-kvm"]) == []


def test_12_vmware_svga_is_the_refused_vmware_video(kb) -> None:
    """kvm-supported.txt L358 (-vga [vmware|xenfb] not supported), L122 (virt-manager: no
    vmvga video), L289 (vmware-svga not a -device driver): unsupported, once."""
    [found] = device_findings(kb, ["vmware-svga"], management=["qemu-kvm"])
    assert found.status == "unsupported" and "-vga vmware is refused by name" in found.message
    [managed] = device_findings(kb, ["vmware-svga"])
    assert managed.status == "unsupported" and "virt-manager may not add" in managed.message
    # the same adapter given as the video answer too: judged once, by the video rule
    assert device_findings(kb, ["vmware-svga"], video="vmware") == []
    verdict = check(make_case(guests=[make_guest(video="vmware-svga")]), kb)
    assert [f.status for f in rule(verdict, "management.video")] == ["unsupported"]


# ---------------------------------------------------------------- 13. -snapshot, judged once

def test_13_snapshot_is_judged_once(kb) -> None:
    """kvm-supported.txt L283 (-drive ... snapshot=off) and L351 (snapshot=on refused):
    -snapshot is not listed by name but sets snapshot=on for every disk; it is judged once,
    by the disk rule, and the option table says the same instead of "not covered"."""
    from kvmhelpdesk.analyze import analyze_qemu_cmdline
    from kvmhelpdesk.triage import empty_case, merge_case

    analysis = analyze_qemu_cmdline("qemu-kvm -name x -m 512 -drive file=/x.img,format=raw,"
                                    "if=virtio -snapshot", kb)
    verdict = check(merge_case(empty_case(), analysis.host, analysis.guests), kb)
    verdict.add(analysis.findings, analysis.options)
    about = [f for f in verdict.findings if "snapshot" in f.message.lower()]
    assert [(f.rule, f.status) for f in about] == [("storage.snapshot", "unsupported")]
    [option] = [o for o in verdict.options if o.option == "-snapshot"]
    assert option.status == "unsupported" and option.entry == "opt-drive"
    assert "snapshot=on for every disk" in option.message


# ---------------------------------------------------------------- 10. pre-SP1 images refuted

@pytest.mark.parametrize(("made", "when"), [("pre-sles11-sp1", "before SLES 11 SP1")])
def test_10_refuting_the_pre_sp1_condition_says_what_l66_says(kb, made, when) -> None:
    """kvm-supported.txt L66: "Guest images created under pre-SLES 11 SP1 kvm are not assumed
    to be compatible." Refuting "reproduce it on a guest created under SP1" leaves an image
    from before SP1 that the statement does not assume compatible; it says nothing more."""
    case = make_case(guests=[make_guest(created_with=made)])
    [condition] = [c for c in check(case, kb).conditions if c.rule == "guestos.created-with"]
    verdict = check(record(case, condition.key, "refuted"), kb)
    [outcome] = [f for f in rule(verdict, "guestos.created-with") if f.status != "condition"]
    assert outcome.status == "unlisted"
    assert f"an image created {when}" in outcome.message
    assert "not assumed to be compatible" in outcome.message and "(L66)" in outcome.message
    assert "image from SLES 11 SP1" not in outcome.message  # the old wording said the opposite


# ---------------------------------------------------------------- 11. power management

def power(kb, state: str | None = None, key: str = "features.power-management@host", **host):
    base = make_host(**host)
    for name in ("power_changes_with_guests", "constant_tsc"):
        if base.get(name) is None:
            base.pop(name, None)
    case = make_case(host=base)
    if state:
        case = record(case, key, state)
    verdict = check(case, kb)
    return verdict, rule(verdict, "features.power-management")


def test_11_constant_tsc_flag_with_changes_not_given_is_a_condition(kb) -> None:
    """kvm-supported.txt L195-199: changing power states with guests running requires "a
    properly functioning constant_tsc machine"; the cpuinfo flag does not show "properly
    functioning", and timekeeping depends on it (L57-59, L265). Not supported on the flag."""
    verdict, [found] = power(kb, power_changes_with_guests=None, constant_tsc=True)
    assert found.status == "condition" and "L199" in found.message
    assert "flag alone" in found.message
    assert not any(f.status == "supported" for f in rule(verdict, "features.power-management"))
    # confirmed: no power-state changes with guests running: nothing left to judge
    _, after = power(kb, "confirmed", power_changes_with_guests=None, constant_tsc=True)
    assert [f.status for f in after] == ["condition"] and after[0].state == "confirmed"
    # refuted: they do change: the TSC must be confirmed to function properly
    _, changed = power(kb, "refuted", power_changes_with_guests=None, constant_tsc=True)
    assert any(f.key == "features.power-management@host#tsc" and f.state == "open"
               for f in changed)


def test_11_changes_with_the_flag_ask_for_a_properly_functioning_tsc(kb) -> None:
    """kvm-supported.txt L199: confirmed = supported; refuted = not supported."""
    key = "features.power-management@host#tsc"
    _, [found] = power(kb, power_changes_with_guests=True, constant_tsc=True)
    assert (found.key, found.status) == (key, "condition")
    ok, _ = power(kb, "confirmed", key, power_changes_with_guests=True, constant_tsc=True)
    assert ok.verdict == "supported"
    bad, _ = power(kb, "refuted", key, power_changes_with_guests=True, constant_tsc=True)
    assert bad.verdict == "unsupported"


# ---------------------------------------------------------------- 15. confirmation.at

def test_15_an_unknown_confirmation_time_is_null(kb, tmp_path) -> None:
    """docs/case-format.md: `confirmations[K].at` is a time or null; "" is read as null and
    never written (case file or check --json)."""
    import json

    from kvmhelpdesk.triage import load_case, save_case

    case = make_case()
    del case["host"]["arch"]
    case = dict(case, version=2, confirmations={
        "host.arch@host": {"state": "confirmed", "at": ""},
        "host.os@host": {"state": "confirmed", "at": None}})
    verdict = check(case, kb)  # both spellings read
    records = [f["confirmation"] for f in verdict.to_dict()["findings"] if f["confirmation"]]
    assert records and all(r["at"] is None for r in records)
    path = tmp_path / "case.json"
    save_case(case, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["confirmations"]["host.arch@host"]["at"] is None
    assert saved["confirmations"]["host.os@host"]["at"] is None
    assert load_case(path)["confirmations"]["host.arch@host"]["at"] is None
    assert case["confirmations"]["host.arch@host"]["at"] == ""  # the caller's case untouched


# ---------------------------------------------------------------- 18. EPT/NPT not in the flags

def test_18_ept_npt_missing_from_the_flags_is_unknown(kb, tmp_path) -> None:
    """kvm-supported.txt L238-240: 97% is for Hardware Virt. + EPT/NPT. A cpuinfo without the
    ept/npt flag does not prove the CPU lacks them (older kernels do not list them): probe-host
    leaves the answer out, and a CPU complaint asks (condition) instead of reading "no"."""
    from kvmhelpdesk.analyze import probe_host

    (tmp_path / "proc").mkdir()
    (tmp_path / "proc/cpuinfo").write_text(
        "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vmx lm constant_tsc\n\n")
    host = probe_host(tmp_path)
    assert "ept_npt" not in host
    complaint = {"category": "cpu", "mode": "passthrough", "measured_percent": 60}
    verdict = check(make_case(host=make_host(**host), performance=[complaint]), kb)
    [finding] = [f for f in verdict.findings if f.scope == "performance"]
    assert finding.status == "condition" and "EPT" in finding.message
    (tmp_path / "proc/cpuinfo").write_text(
        "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vmx ept lm\n\n")
    assert probe_host(tmp_path)["ept_npt"] is True


# ---------------------------------------------------------------- 19. tolerance, documented

@pytest.mark.parametrize(("memory", "status"), [
    (512 * 1024, "supported"), (512 * 1024 + 1, "unsupported"), (8192, "supported"),
])
def test_19_ram_limits_have_no_tolerance(kb, memory, status) -> None:
    """kvm-supported.txt L96: "Guest RAM size 512 GB", read as 524288 MB (1024 MB per GB, as
    qemu-kvm reads -m 512G). A limit has no tolerance: one MB over is over."""
    verdict = check(make_case(guests=[make_guest(memory_mb=memory)]), kb)
    [found] = [f for f in verdict.findings if f.rule == "limits.guest-ram"]
    assert found.status == status and "524288 MB" in found.message


def test_19_tolerance_is_documented_in_content_and_help(kb) -> None:
    """The tolerance the verdict uses is written where engineers read: the performance
    expectations article and the RAM limit entry, and the in-app guide."""
    from pathlib import Path

    import kvmhelpdesk

    article = kb.get("art-performance-expectations").body
    assert "within 10%" in article and "1 point" in article and "twice" in article
    ram = kb.get("limit-guest-ram").body
    assert "524288 MB" in ram and "over it is over" in ram
    guide = (Path(kvmhelpdesk.__file__).parent / "gui" / "help" / "guide.md").read_text(
        encoding="utf-8")  # read as text: the help module itself imports Qt
    assert "within 10%" in guide and "1024 MB" in guide and "over is over" in guide.lower()
