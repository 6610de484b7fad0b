"""Every CLI input surface under hostile text (issue 12): case files, command lines, XML,
monitor transcripts, queries, probe-host roots, content packs (--content), supportconfig
bundles (--supportconfig) and output paths (-o, --save-case, --pdf), with lone surrogates,
integers of thousands of digits, deep nesting, control characters. The contract: exit status 0 or 2,
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


# -- content packs (--content), support bundles (--supportconfig), output paths ---------------
PACK_TOML = st.sampled_from(["x = " + "[" * 3000 + "]" * 3000, "synonyms = 5", "value = 1" +
                             "0" * 5000, 'title = "\\ud800"', "[[limit]]\nid = 5", "= broken",
                             "id = \"\x1b[2J\"", ""])


@settings(FUZZ, max_examples=10)  # each new pack builds its own search index
@given(HOSTILE_TEXT, HOSTILE_TEXT, PACK_TOML, st.booleans())
def test_content_pack(title: str, body: str, toml_line: str, into_limits: bool) -> None:
    """`--content DIR` with hostile entry text (kept as data) or broken TOML (the pack is
    left out with a warning line): every command still answers."""
    from tests.helpers.content import ARTICLE_MD, LIMITS_TOML, make_release

    article = ARTICLE_MD.replace('title = "Introduction"', f"title = {json.dumps(title)}")
    article = article.replace("A test release.", body or "x")
    limits = LIMITS_TOML + (toml_line + "\n" if into_limits else "")
    extra = {} if into_limits else {"thesaurus.toml": toml_line + "\n"}
    with tempfile.TemporaryDirectory() as folder:
        pack = make_release(Path(folder) / "pack", limits=None, article=None, extra=extra)
        write(str(pack), "limits.toml", limits)
        (pack / "articles").mkdir()
        write(str(pack / "articles"), "art-intro.md", article)
        for argv in (["kb", "list"], ["kb", "show", "art-intro", "--release", "test-rel"],
                     ["search", "--json", "--", text_or(title)], ["kb", "list", "--json"]):
            code, _, err = run("--content", str(pack), *argv)
            assert code == 0 or err.count("\n") >= 1


def text_or(text: str) -> str:
    return text.strip() or "x"


@FUZZ
@given(HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT, st.sampled_from(["folder", "tar", "zip"]))
def test_supportconfig(host_text: str, domain_name: str, value: str, kind: str) -> None:
    """`check --supportconfig` on bundles whose files carry hostile text (host facts, a
    domain's name and values, raw lines): a verdict or one line, never a traceback."""
    import tarfile
    import zipfile

    from tests.helpers.supportconfig import DomainSpec, standard_bundle

    builder = standard_bundle(domains=[DomainSpec(domain_name or "g", nic_model=value or "e1000",
                                                  video=value or "cirrus")],
                              identity=host_text, cmdline=host_text + " " + value)
    builder.raw("kvm.txt", f"{host_text}\n<domain type='kvm'><name>{value}</name></domain>")
    files = {name: ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
             for name, lines in builder.files.items()}
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        if kind == "folder":
            target = base / builder.folder
            target.mkdir()
            for name, data in files.items():
                (target / name).write_bytes(data)
        elif kind == "tar":
            target = base / "nts_fuzz.tgz"
            with tarfile.open(target, "w:gz") as tar:
                for name, data in files.items():
                    info = tarfile.TarInfo(f"{builder.folder}/{name}")
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
        else:
            target = base / "nts_fuzz.zip"
            with zipfile.ZipFile(target, "w") as archive:
                for name, data in files.items():
                    archive.writestr(f"{builder.folder}/{name}", data)
        for fmt in ("--json", "--markdown"):
            run("check", "--supportconfig", str(target), fmt)
        saved = base / "saved.kvmcase"
        code, _, _ = run("check", "--supportconfig", str(target), "--save-case", str(saved))
        if code == 0:
            run("check", str(saved), "--text")


# What argv can hold: bytes without NUL, decoded as Python decodes argv (surrogateescape).
ARGV_NAME = st.one_of(
    st.binary(max_size=12).filter(lambda b: b"\x00" not in b).map(os.fsdecode),
    st.sampled_from(["", ".", "..", "a" * 300, "nosuch/dir/x", "\x1b[2J.md", "line\nbreak",
                     "\u202eevil.txt", os.fsdecode(b"\xff\xfe.md"), "-", "é仮想.html"]))


@FUZZ
@given(name=ARGV_NAME, option=st.sampled_from(["-o", "--save-case", "--pdf"]),
       fmt=st.sampled_from(["--text", "--json", "--markdown", "--html"]))
def test_output_paths(qapp, name: str, option: str, fmt: str) -> None:
    """`-o FILE`, `--save-case FILE` and `--pdf FILE` with any name argv can carry: written,
    or one line naming the path, exit 2. (`qapp`: --pdf in process would otherwise make the
    process's only application a QGuiApplication, and later widget tests abort.)"""
    with tempfile.TemporaryDirectory() as folder:
        case = write(folder, "case.json", json.dumps({
            "format": "kvmhelpdesk-case", "version": 1, "title": "t",
            "guests": [{"name": "web01", "os": "SLES 11 SP1", "vcpus": 2}]}))
        target = os.path.join(folder, "out", name)
        os.mkdir(os.path.join(folder, "out"))
        argv = ["check", case, option, target]
        if option != "--pdf":
            argv.append(fmt)
        code, _, err = run(*argv)
        if code == 2:
            assert err.count("\n") == 1 and "error" in err
