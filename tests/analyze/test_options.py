"""Option parsing: arity, values with spaces, `,,`, JSON values, implied keys."""

from __future__ import annotations

from kvmhelpdesk.analyze.options import make_option, parse_args, split_commas, split_value


def names(args: list[str]) -> list[tuple[str, str]]:
    return [(o.name, o.value) for o in parse_args(args)]


def test_double_comma_is_a_literal_comma() -> None:
    assert split_commas("file=/a,,b.img,if=ide") == ["file=/a,b.img", "if=ide"]
    assert split_commas(",,,") == [",", ""]


def test_first_value_and_params() -> None:
    first, params = split_value("-net", "nic,model=e1000,macaddr=52:54:00:00:00:01,server")
    assert first == "nic"
    assert params == {"model": "e1000", "macaddr": "52:54:00:00:00:01", "server": ""}


def test_implied_key_counts_as_first_value() -> None:
    assert make_option("-M", "type=pc-0.12").first == "pc-0.12"
    assert make_option("-name", "guest=vm1,debug-threads=on").first == "vm1"
    assert make_option("-m", "size=219136k").first == "219136k"
    assert make_option("-drive", "file=x").first is None


def test_json_value() -> None:
    opt = make_option("-device", '{"driver":"virtio-blk-pci","drive":"d0","bootindex":1,'
                                 '"share":true}')
    assert opt.first == "virtio-blk-pci"
    assert opt.params == {"driver": "virtio-blk-pci", "drive": "d0", "bootindex": "1",
                          "share": "on"}


def test_broken_json_is_read_as_a_plain_value() -> None:
    opt = make_option("-device", '{"driver":"e1000",')
    assert opt.first == '{"driver":"e1000"'


def test_flags_take_no_value_and_valued_options_take_the_next_word() -> None:
    assert names(["-S", "-M", "pc", "-append", "-x", "-usb"]) == [
        ("-S", ""), ("-M", "pc"), ("-append", "-x"), ("-usb", "")]


def test_double_dash_options_are_normalized() -> None:
    [opt] = parse_args(["--drive", "file=a.img"])
    assert (opt.name, opt.spelled, opt.value) == ("-drive", "--drive", "file=a.img")


def test_unknown_option_takes_a_value_unless_an_option_follows() -> None:
    assert names(["-unknown", "parameter", "-frobnicate", "-m", "1"]) == [
        ("-unknown", "parameter"), ("-frobnicate", ""), ("-m", "1")]


def test_unquoted_spaces_in_key_value_lists() -> None:
    args = ["-smbios", "type=0,vendor=LENOVO,version=6FET82WW", "(3.12", ")", "-smbios",
            "type=1,family=Red", "Hat", "-nographic"]
    assert names(args) == [("-smbios", "type=0,vendor=LENOVO,version=6FET82WW (3.12 )"),
                           ("-smbios", "type=1,family=Red Hat"), ("-nographic", "")]


def test_bare_word_after_a_flag_or_simple_value_is_the_disk_image() -> None:
    opts = parse_args(["-m", "512", "disk.img", "-snapshot", "other.img"])
    assert [(o.name, o.value, o.spelled) for o in opts] == [
        ("-m", "512", ""), ("-hda", "disk.img", "(disk image)"), ("-snapshot", "", ""),
        ("-hda", "other.img", "(disk image)")]


def test_valued_option_at_the_end_has_no_value() -> None:
    [opt] = parse_args(["-m"])
    assert (opt.name, opt.has_value) == ("-m", False)


def test_negative_numbers_are_values() -> None:
    assert names(["-unknown", "-1"]) == [("-unknown", "-1")]
