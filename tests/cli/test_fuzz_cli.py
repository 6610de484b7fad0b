"""Every CLI input surface under hostile text (issue 12): lone surrogates, integers of
thousands of digits, deep nesting, control characters. The contract: exit status 0 or 2,
at most one line on stderr per problem, never a traceback, output that encodes as UTF-8.

Runs main() in process with captured streams, so the examples stay cheap."""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvmhelpdesk.cli import main

FUZZ = settings(deadline=None, max_examples=25, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
HOSTILE = ["\ud800", "\udcff", "\udfff\ud800", "1" * 5000, "9" * 400, "1e400", "-0", "[" * 3000,
           "{" * 3000, '{"a":' * 2000, "<a>" * 200, "\x1b[2J", "\x1b]0;title\x07", "\x00",
           "\n", "\r", "\t", "\u202e", "\u2028", "\x9b", "\x7f", "'", '"', "\\", "\\u0000",
           "\\ud800", "<", "&", "]]>", "<!DOCTYPE x>", "+++", "#", "- [x]", "é", "仮想", " "]
HOSTILE_TEXT = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=8), max_size=6).map(
    "".join)
JSON_NUMBER = st.sampled_from(["1" * 5000, "1e400", "-1e400", "1" * 21, "2", "0.5",
                               "9007199254740993", "[" * 3000 + "1" + "]" * 3000])


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    stdout, stderr = out.getvalue(), err.getvalue()
    assert code in (0, 2), (argv, code, stderr)
    assert "Traceback" not in stderr
    stdout.encode("utf-8")  # no lone surrogate reaches the output
    stderr.encode("utf-8")
    assert "\x1b" not in stdout + stderr
    for line in stderr.splitlines():
        assert line.startswith("kvmhelpdesk"), line
    return code, stdout, stderr


def write(folder: str, name: str, text: str) -> str:
    path = os.path.join(folder, name)
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8", "surrogatepass"))  # lone surrogates as raw bytes
    return path


@FUZZ
@given(HOSTILE_TEXT, JSON_NUMBER, st.sampled_from(["name", "os", "title", "release", "key"]),
       st.booleans())
def test_case_file(text: str, number: str, where: str, escaped: bool) -> None:
    value = json.dumps(text) if escaped else f'"{text}"'  # escaped: "\ud800" as JSON escape
    guest = {"name": "g", "os": "SLES 11 SP1", "vcpus": "NUMBER", "memory_mb": 512}
    case = {"format": "kvmhelpdesk-case", "version": 1, "title": "t", "guests": [guest],
            "performance": [{"category": "cpu", "mode": "emulated",
                             "measured_percent": "NUMBER"}]}
    if where == "key":
        guest["VALUE"] = 1
    elif where in ("title", "release"):
        case[where] = "VALUE"
    else:
        guest[where] = "VALUE"
    raw = json.dumps(case).replace('"NUMBER"', number).replace('"VALUE"', value)
    with tempfile.TemporaryDirectory() as folder:
        path = write(folder, "case.json", raw)
        for fmt in ("--text", "--markdown", "--json"):
            run("check", path, fmt)


@FUZZ
@given(HOSTILE_TEXT, HOSTILE_TEXT)
def test_qemu_cmdline_string_and_file(name: str, device: str) -> None:
    text = f"qemu-kvm -name '{name}' -device '{{\"driver\":\"e1000\",\"id\":\"{device}\"}}' " \
           f"-smp {device} -m 512 {name}"
    run("check", "--qemu-cmdline", text, "--markdown")
    with tempfile.TemporaryDirectory() as folder:
        run("check", "--qemu-cmdline-file", write(folder, "ps.txt", text), "--json")


@FUZZ
@given(HOSTILE_TEXT, HOSTILE_TEXT, st.sampled_from(["", "<?xml version='1.0'?>",
                                                    "<?xml version='1.0' encoding='latin-1'?>"]))
def test_libvirt_xml(name: str, value: str, declaration: str) -> None:
    xml = (f"{declaration}<domain type='kvm'><name>{name}</name><vcpu>{value}</vcpu>"
           f"<memory unit='KiB'>{value}</memory><devices><disk><driver type='{value}'/>"
           f"</disk></devices></domain>")
    with tempfile.TemporaryDirectory() as folder:
        run("check", "--libvirt-xml", write(folder, "vm.xml", xml))


@FUZZ
@given(HOSTILE_TEXT)
def test_monitor_transcript(text: str) -> None:
    transcript = f"(qemu) {text}\n(qemu) savevm {text}\n{{\"execute\": \"{text}\"}}\n"
    with tempfile.TemporaryDirectory() as folder:
        run("check", "--monitor", write(folder, "monitor.txt", transcript))


@FUZZ
@given(HOSTILE_TEXT)
def test_search_query_and_kb_show_id(text: str) -> None:
    run("search", "--", text or "x")
    run("search", text or "x", "--json")
    run("kb", "show", "--", text or "x")


@FUZZ
@given(HOSTILE_TEXT, HOSTILE_TEXT)
def test_probe_host_root(cmdline: str, cpuinfo: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "proc/sys/kernel").mkdir(parents=True)
        write(folder, "proc/cmdline", cmdline)
        write(folder, "proc/cpuinfo", f"processor : 0\nvendor_id : {cpuinfo}\nflags : vmx\n")
        write(folder, "proc/modules", cpuinfo)
        write(folder, "proc/sys/kernel/arch", cmdline)
        run("probe-host", "--root", folder)
        run("probe-host", "--root", folder, "--json")
