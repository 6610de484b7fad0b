"""Paste cleanup: continuations, ps columns, environment prefixes, quoting, binaries."""

from __future__ import annotations

import pytest

from kvmhelpdesk.analyze.tokenizer import (
    find_commands,
    is_binary,
    join_continuations,
    ps_user,
    split_words,
)


def words(text: str) -> list[str]:
    return [w.text for w in split_words(text)]


def test_backslash_newline_inside_a_word_joins_without_space() -> None:
    text = "qemu -net nic,\\\nmacaddr=52:54:00:8c:b9:05,vlan=0 -m \\\n512"
    assert join_continuations(text) == "qemu -net nic,macaddr=52:54:00:8c:b9:05,vlan=0 -m 512"


def test_crlf_continuations_join_too() -> None:
    assert join_continuations("-m \\\r\n512\r\n") == "-m 512\n"


def test_single_quoted_json_stays_one_word() -> None:
    text = """-device '{"driver":"virtio-balloon-pci","id":"balloon0","bus":"pci.0"}' -S"""
    assert words(text) == ["-device",
                           '{"driver":"virtio-balloon-pci","id":"balloon0","bus":"pci.0"}', "-S"]


def test_double_quotes_and_escapes() -> None:
    assert words('-name "my vm" -append "a \\"b\\"" x\\ y') == [
        "-name", "my vm", "-append", 'a "b"', "x y"]


@pytest.mark.parametrize("text, expected", [
    ("-name it's", ["-name", "it's"]),
    ('-name "open', ["-name", '"open']),
    ("-name 'a b", ["-name", "'a", "b"]),
    ("trailing\\", ["trailing\\"]),
])
def test_unbalanced_quotes_are_characters(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize("word", [
    "qemu-kvm", "kvm", "qemu", "/usr/bin/qemu-system-x86_64", "qemu-system-i386",
    "/usr/libexec/qemu-kvm", "./qemu.sh", "/usr/bin/kvm", "/opt/bin/qemu-system-aarch64",
])
def test_binaries_are_found_by_name(word: str) -> None:
    assert is_binary(word)


@pytest.mark.parametrize("word", ["PATH=/usr/bin/qemu", "qemu-img", "qemu-kvm:", "kvm_intel",
                                  "/var/lib/qemu-images"])
def test_other_words_are_not_binaries(word: str) -> None:
    assert not is_binary(word)


def test_environment_value_with_space_does_not_hide_the_binary() -> None:
    text = ("LC_ALL=C PATH=/bin HOME=/home/test CEPH_ARGS=-m \\\nmon1.example.org:6321 \\\n"
            "/usr/bin/qemu -S -M pc -m 214")
    [command] = find_commands(text)
    assert command.binary == "/usr/bin/qemu"
    assert command.args == ["-S", "-M", "pc", "-m", "214"]
    assert "CEPH_ARGS=-m" in command.prefix


def test_ps_ef_line() -> None:
    text = ("qemu      4711     1  3 09:12 ?        00:12:01 /usr/bin/qemu-kvm -name vm1 -m 1024 "
            "-smp 2")
    [command] = find_commands(text)
    assert command.binary == "/usr/bin/qemu-kvm"
    assert command.args == ["-name", "vm1", "-m", "1024", "-smp", "2"]
    assert ps_user(command.prefix) == "qemu"


def test_ps_aux_line_with_user_named_like_a_binary() -> None:
    text = ("kvm  4711  5.1  3.2 1234567 262144 ?  Sl  09:12  12:01 qemu-kvm -m 512 -hda x.img")
    [command] = find_commands(text)
    assert command.binary == "qemu-kvm"
    assert command.prefix[0] == "kvm"
    assert ps_user(command.prefix) == "kvm"


def test_libvirt_log_line_with_timestamp_and_environment() -> None:
    text = ("2011-03-01 10:00:00.123: starting up\n"
            "LC_ALL=C PATH=/usr/bin QEMU_AUDIO_DRV=none /usr/bin/qemu-kvm -S -M pc-0.12 -m 512\n"
            "char device redirected to /dev/pts/3\n")
    [command] = find_commands(text)
    assert command.args == ["-S", "-M", "pc-0.12", "-m", "512"]
    assert command.dropped == 5


def test_one_option_per_line_without_backslashes() -> None:
    text = "/usr/bin/qemu-kvm\n-name vm1\n-m 512\n-drive file=/x.img,if=virtio\n"
    [command] = find_commands(text)
    assert command.args == ["-name", "vm1", "-m", "512", "-drive", "file=/x.img,if=virtio"]


def test_option_values_named_like_binaries_start_nothing() -> None:
    text = "qemu-system-x86_64 -accel kvm -cpu qemu -mem-path /dev/hugepages/qemu -smp 1"
    [command] = find_commands(text)
    assert command.args[-2:] == ["-smp", "1"]


def test_two_ps_lines_are_two_commands() -> None:
    text = ("root 100 1 0 09:00 ? 00:00:01 /usr/bin/qemu-kvm -name a -m 512\n"
            "root 200 1 0 09:01 ? 00:00:01 /usr/bin/qemu-kvm -name b -m 1024\n")
    first, second = find_commands(text)
    assert first.args == ["-name", "a", "-m", "512"]
    assert second.args == ["-name", "b", "-m", "1024"]
    assert ps_user(second.prefix) == "root"


def test_without_a_binary_the_options_are_taken_from_the_first_option() -> None:
    [command] = find_commands("-m 512 -smp 2")
    assert command.binary is None
    assert command.args == ["-m", "512", "-smp", "2"]


def test_nothing_to_find() -> None:
    assert find_commands("hello world") == []
    assert find_commands("") == []


def test_blanks_after_a_continuation_backslash_are_tolerated() -> None:
    assert join_continuations("qemu-kvm -m 512 \\  \n-smp 2") == "qemu-kvm -m 512 -smp 2"


def test_plain_run_pattern_splits_on_exactly_the_spaces_the_loop_does() -> None:
    """split_words takes runs of ordinary characters with a regex: its `\\s` must be
    str.isspace() for every character (U+00A0 from mail pastes included)."""
    import re
    import sys

    space = re.compile(r"\s")
    assert all(bool(space.match(chr(c))) == chr(c).isspace() for c in range(sys.maxunicode + 1))


def test_split_commas_fast_path_agrees_with_the_escaped_form() -> None:
    from kvmhelpdesk.analyze.options import split_commas

    assert split_commas("file=/a,if=virtio,") == ["file=/a", "if=virtio", ""]
    assert split_commas("a,,b,c") == ["a,b", "c"]
    assert split_commas(",,,") == [",", ""]
    assert split_commas("") == [""]
