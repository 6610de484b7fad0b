"""The block splitter and the line reader (FORMAT.md: `#==[ Kind ]===#`, `# name`, content)."""

from __future__ import annotations

from kvmhelpdesk.bundle.sections import (
    MAX_LINE_CHARS,
    Blocks,
    KeepMatching,
    LineStats,
    iter_lines,
    split_blocks,
)
from tests.helpers.supportconfig import header


def blocks_of(text: str, **kwargs):
    return list(split_blocks(text.split("\n"), "kvm.txt", **kwargs))


def test_header_kinds_names_and_line_numbers():
    text = "\n".join([
        "prose before the first header is ignored",
        header("Command"), "# /usr/bin/virsh list --all", " Id Name  State", "", "",
        header("Configuration File"), "# /etc/libvirt/qemu/web.xml", "<domain/>", "",
        header("Log File"), "# /var/log/libvirt/qemu/web.log - Last 500 Lines", "a", "b", "",
        header("Configuration File"), "# /etc/missing.conf - File not found", "",
        header("System"), "# Virtualization", "Hypervisor:    KVM (kvm loaded)", "",
        header("Verification"), "# RPM Not Installed: kvm", "",
    ])
    found = blocks_of(text)
    assert [(b.kind, b.name, b.line) for b in found] == [
        ("Command", "/usr/bin/virsh list --all", 2),
        ("Configuration File", "/etc/libvirt/qemu/web.xml", 7),
        ("Log File", "/var/log/libvirt/qemu/web.log", 11),
        ("Configuration File", "/etc/missing.conf", 16),
        ("System", "Virtualization", 19),
        ("Verification", "RPM Not Installed: kvm", 23)]
    command, config, log, missing = found[:4]
    assert command.command == "virsh list --all"
    assert command.body == [(4, " Id Name  State")]  # trailing blank lines dropped
    assert config.body == [(9, "<domain/>")]
    assert log.tail == 500 and [n for n, _ in log.body] == [13, 14]
    assert missing.status == "not found" and missing.failed
    assert not any(b.cut_short for b in found)


def test_a_block_cut_short_and_a_last_block_without_its_blank_line():
    text = "\n".join([header("Command"), "# /bin/uname -a", "Linux host 2.6.32",
                      header("Command"), "# /bin/date", "Wed Mar  2 10:11:12 CET 2011"])
    first, last = blocks_of(text)
    assert first.cut_short and first.body == [(3, "Linux host 2.6.32")]
    assert not last.cut_short  # FORMAT.md: the last block may lack its blank line
    assert blocks_of(text, complete=False)[-1].cut_short  # ...unless the file was cut


def test_a_header_without_its_name_line():
    found = blocks_of("\n".join([header("Command"), header("Note"), "# label", ""]))
    assert found[0].cut_short and found[0].name == ""
    assert found[1].name == "label"
    assert blocks_of(header("Command"))[0].cut_short


def test_a_missing_command_is_failed():
    (block,) = blocks_of("\n".join([header("Command"), "# virsh list --all",
                                    "ERROR: Command not found or not executible", ""]))
    assert block.failed


def test_keep_chooses_what_is_held_and_seen_counts_everything():
    text = "\n".join([header("Command"), "# /bin/ps axww", "root 1 init", "root 2 qemu-kvm -m 1",
                      "", header("Command"), "# /bin/dmesg", "x", "y", ""])

    def keep(kind, name):
        return KeepMatching(lambda line: "qemu" in line) if name.endswith("ps axww") else None

    ps, dmesg = blocks_of(text, keep=keep)
    assert ps.body == [(4, "root 2 qemu-kvm -m 1")]
    assert dmesg.body == [] and dmesg.seen == 3


def test_blocks_index():
    index = Blocks()
    for block in blocks_of("\n".join([header("Command"), "# /sbin/lsmod | grep ^kvm", "kvm 1",
                                      ""])):
        index.add(block)
    assert index.command("kvm.txt", "lsmod  |  grep ^kvm") is not None
    assert index.command("kvm.txt", "lsmod") is None


def lines(data: bytes, size: int = 3) -> list[str]:
    return list(iter_lines(data[i:i + size] for i in range(0, len(data), size)))


def test_iter_lines_splits_on_lf_only_and_cleans_line_breaks():
    data = "a\r\nb\u2028c\x0cd\nlast".encode()
    assert lines(data) == ["a", "b c d", "last"]


def test_iter_lines_decodes_with_replacement_across_chunks():
    stats = LineStats()
    data = "Müller €\n".encode() + b"\xff\xfe latin-1: \xe9\n"
    out = list(iter_lines((data[i:i + 1] for i in range(len(data))), stats))
    assert out == ["Müller €", "\ufffd\ufffd latin-1: \ufffd"]
    assert stats.replaced and stats.lines == 2


def test_iter_lines_cuts_over_long_lines_and_keeps_counting():
    stats = LineStats()
    data = b"x" * (MAX_LINE_CHARS + 10) + b"\nnext\n"
    out = list(iter_lines([data[:1000], data[1000:]], stats))
    assert [len(line) for line in out] == [MAX_LINE_CHARS, 4]
    assert stats.cut == 1
