"""Any input yields an analysis with valid case fragments, or one clear AnalyzeError."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvmhelpdesk.analyze import (
    Analysis,
    AnalyzeError,
    analyze_libvirt_xml,
    analyze_monitor,
    analyze_qemu_cmdline,
)
from kvmhelpdesk.analyze.tokenizer import split_quoted, split_words
from kvmhelpdesk.kb import KnowledgeBase, load_knowledge_base
from kvmhelpdesk.triage.case import case_problems

KB: KnowledgeBase = load_knowledge_base()
FUZZ = settings(deadline=None, max_examples=120,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check(run, text: str) -> None:
    """The contract: an Analysis whose fragments validate, or a one-line AnalyzeError."""
    try:
        analysis = run(text, KB)
    except AnalyzeError as exc:
        message = str(exc)
        assert message and "\n" not in message
        return
    assert isinstance(analysis, Analysis)
    case = {"format": "kvmhelpdesk-case", "version": 1, "host": analysis.host,
            "guests": analysis.guests}
    assert case_problems(case) == []
    analysis.to_dict()


OPTION_NAMES = ["-m", "-M", "-smp", "-drive", "-device", "-net", "-netdev", "-hda", "-cdrom",
                "-fda", "-vga", "-cpu", "-usbdevice", "-pcidevice", "-soundhw", "-no-kvm",
                "-incoming", "-name", "-snapshot", "-blockdev", "-global", "-balloon",
                "-append", "-machine", "-accel", "-S", "--drive", "-unknown", "-"]
VALUE_PARTS = ["if=", "format=", "snapshot=", "model=", "mac=", "macaddr=", "drive=", "id=",
               "file=", "node-name=", "driver=", "on", "off", "qcow2", "raw", "virtio", "nic",
               "none", "ide", "e1000", "1G", "512", "k", "0", ",", ",,", "=", ":", "/dev/sda1",
               "isa-fdc.driveA=", "'", '"', "\\", "\\\n", " ", "\n", "{", "}", '{"driver":',
               "sockets=", "cores=", "9" * 30, "é", "\x00"]
WORD = st.lists(st.sampled_from(VALUE_PARTS) | st.text(max_size=6), max_size=6).map("".join)
COMMAND = st.lists(st.tuples(st.sampled_from(OPTION_NAMES), WORD), max_size=14).map(
    lambda pairs: " ".join(f"{name} {value}" for name, value in pairs))
PREFIX = st.sampled_from(["", "qemu-kvm ", "LC_ALL=C PATH=/bin A=b c /usr/bin/qemu ",
                          "root 1 2 3 10:00 ? 00:00:01 /usr/libexec/qemu-kvm ", "kvm ",
                          "qemu-system-x86_64 \\\n", "qemu 12 x /usr/bin/kvm "])


@FUZZ
@given(st.text(max_size=300))
def test_any_text_as_command_line(text: str) -> None:
    check(analyze_qemu_cmdline, text)


@FUZZ
@given(PREFIX, COMMAND, st.sampled_from(["", "\n", "\nchar device redirected\n"]))
def test_command_lines_built_from_real_pieces(prefix: str, command: str, suffix: str) -> None:
    check(analyze_qemu_cmdline, prefix + command + suffix)


@FUZZ
@given(st.text(alphabet=st.characters(blacklist_characters="'\"\\"), max_size=200))
def test_without_quotes_or_backslashes_words_are_a_plain_split(text: str) -> None:
    assert [w.text for w in split_words(text)] == text.split()
    # the fast path (a plain split) and the character-run splitter agree, line numbers too
    assert split_words(text) == split_quoted(text)


TAGS = ["domain", "name", "memory", "vcpu", "os", "type", "cpu", "model", "devices", "disk",
        "driver", "source", "target", "interface", "mac", "video", "sound", "hostdev",
        "address", "input", "memballoon", "graphics", "clock", "cmdline", "transient",
        "readonly", "qemu:commandline", "qemu:arg", "watchdog", "redirdev", "vendor", "product"]
ATTRS = ["type", "unit", "arch", "machine", "mode", "device", "file", "dev", "bus", "address",
         "model", "protocol", "name", "value", "offset", "bus", "slot", "function", "id",
         "action", "listen"]
ATTR_VALUES = ["kvm", "qemu", "xen", "KiB", "GiB", "b", "x86_64", "i686", "pc-0.11", "qcow2",
               "raw", "virtio", "ide", "fdc", "sata", "cdrom", "lun", "network", "block",
               "volume", "iscsi", "hostdev", "user", "bridge", "server", "vga", "vmvga",
               "host-passthrough", "host-model", "0x06", "-soundhw", "ac97", "usb", "tablet",
               "localtime", "/dev/sda", "a,b", "", "'\"<&"]


def element(depth: int) -> st.SearchStrategy[str]:
    attrs = st.lists(st.tuples(st.sampled_from(ATTRS), st.sampled_from(ATTR_VALUES)),
                     max_size=3, unique_by=lambda kv: kv[0])
    text = st.sampled_from(["", "4", "1024", "x", "core2duo", "-1", "99999999999999999999"])
    children = st.lists(element(depth - 1), max_size=4) if depth > 0 else st.just([])
    return st.builds(_render, st.sampled_from(TAGS), attrs, text, children)


def _render(tag: str, attrs: list[tuple[str, str]], text: str, children: list[str]) -> str:
    attr_text = "".join(f" {k}={quoteattr(v)}" for k, v in attrs)
    return f"<{tag}{attr_text}>{text}{''.join(children)}</{tag}>"


DOMAIN_XML = st.builds(
    lambda attrs, children: _render("domain", attrs, "", children),
    st.lists(st.tuples(st.just("type"), st.sampled_from(["kvm", "qemu", "xen", "lxc"])),
             max_size=1),
    st.lists(element(3), max_size=6))


@FUZZ
@given(DOMAIN_XML, st.sampled_from(["", "\n", "<domain type='kvm'/>", "<broken"]))
def test_domain_xml_built_from_real_pieces(xml: str, tail: str) -> None:
    check(analyze_libvirt_xml, xml + tail)


@FUZZ
@given(st.text(max_size=300))
def test_any_text_as_xml(text: str) -> None:
    check(analyze_libvirt_xml, text)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("<>/='\"&;!?[] domainxyz-\n")), max_size=200))
def test_markup_soup_as_xml(text: str) -> None:
    check(analyze_libvirt_xml, text)


@FUZZ
@given(st.text(max_size=300) | st.lists(
    st.sampled_from(["(qemu) ", "savevm ", "info ", "p ", '{"execute":', '"x"}', "\n", "--hmp ",
                     "virsh qemu-monitor-command d ", "'", "#"]), max_size=20).map("".join))
def test_any_text_as_monitor_transcript(text: str) -> None:
    check(analyze_monitor, text)
