"""Fuzzing the section splitter, the line reader and the archive reader (hypothesis).

The contracts: the splitter never fails and every kept line is the input line of that number;
the line reader gives the same lines however the bytes are chunked; any file given as a bundle
yields a Bundle whose case validates, or one BundleError line. Nothing else is ever raised.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvmhelpdesk.bundle import BundleError, build_case, read_bundle
from kvmhelpdesk.bundle.sections import (
    _BREAK_TABLE,
    HEADER,
    Keeper,
    KeepMatching,
    iter_lines,
    split_blocks,
)
from kvmhelpdesk.kb import KnowledgeBase, load_knowledge_base
from kvmhelpdesk.triage.case import case_problems
from tests.helpers.supportconfig import FOLDER, DomainSpec, SupportconfigBuilder, add_host, add_kvm

KB: KnowledgeBase = load_knowledge_base()
FUZZ = settings(deadline=None, max_examples=150,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(FUZZ, max_examples=60)

LINE = st.one_of(
    st.sampled_from(["#==[ Command ]=====#", "#==[ Configuration File ]===#", "#==[ Log File ]#",
                     "#==[ Verification ]==#", "#==[ ]#", "#==[ Note", "", " ", "#", "# ",
                     "# /usr/bin/virsh list --all", "# /var/log/libvirt/qemu/a.log - Last 5 "
                     "Lines", "# /etc/x - File not found", "2011-03-02 10:11:12.345: starting up",
                     "/usr/bin/qemu-kvm -m 512 -name a", "ERROR: Command not found"]),
    st.text(max_size=40))


@FUZZ
@given(st.lists(LINE, max_size=60), st.booleans())
def test_splitter_never_fails_and_keeps_true_line_numbers(lines, filtered):
    lines = [line.replace("\n", " ") for line in lines]

    def keep(kind, name):
        return KeepMatching(lambda text: "qemu" in text) if filtered else Keeper()

    blocks = list(split_blocks(lines, "f.txt", keep))
    headers = [n for n, line in enumerate(lines, 1)
               if line.startswith("#==[") and HEADER.fullmatch(line)]
    assert [b.line for b in blocks] == headers
    ends = [*headers[1:], len(lines) + 1][:len(blocks)]
    for block, end in zip(blocks, ends, strict=True):
        numbers = [n for n, _ in block.body]
        assert numbers == sorted(set(numbers))
        assert all(block.line < n < end for n in numbers)
        assert all(lines[n - 1] == text for n, text in block.body)
        assert block.seen <= end - block.line - 1


@FUZZ
@given(st.binary(max_size=400), st.lists(st.integers(min_value=1, max_value=50), max_size=20))
def test_line_reader_is_independent_of_chunking(data, sizes):
    chunks, at = [], 0
    for size in sizes:
        chunks.append(data[at:at + size])
        at += size
    chunks.append(data[at:])
    text = data.decode("utf-8", "replace").translate(_BREAK_TABLE)
    expected = text.split("\n")
    if expected and expected[-1] == "":
        expected.pop()
    assert list(iter_lines(chunks)) == expected
    assert list(iter_lines([data])) == expected


def contract(path: Path) -> None:
    """A Bundle whose case validates, or a one-line BundleError."""
    try:
        bundle = read_bundle(path)
    except BundleError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    built = build_case(bundle, KB)
    assert case_problems(built.case) == []
    assert all("\n" not in note for note in built.notes)


@FEW
@given(st.binary(max_size=2000), st.sampled_from([".tbz", ".txz", ".tgz", ".tar", ".zip", ""]))
def test_any_bytes_as_an_archive(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        contract(path)


def _seed_archives() -> dict[str, bytes]:
    builder = SupportconfigBuilder()
    builder.domain(DomainSpec("web"))
    builder.domain(DomainSpec("w2k8", state="shut off", running_vcpus=1))
    add_kvm(add_host(builder))
    files = builder.render()
    out: dict[str, bytes] = {}
    for compression in ("", "gz", "bz2", "xz"):
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode=f"w:{compression}" if compression else "w") \
                as tar:
            for name, data in files.items():
                info = tarfile.TarInfo(f"{FOLDER}/{name}")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        out[compression or "tar"] = buffer.getvalue()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(f"{FOLDER}/{name}", data)
    out["zip"] = buffer.getvalue()
    return out


SEEDS = _seed_archives()


@FEW
@given(st.sampled_from(sorted(SEEDS)), st.data())
def test_damaged_real_archives(kind, data):
    raw = bytearray(SEEDS[kind])
    for _ in range(data.draw(st.integers(min_value=0, max_value=6))):
        at = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        raw[at] = data.draw(st.integers(min_value=0, max_value=255))
    cut = data.draw(st.integers(min_value=1, max_value=len(raw)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bundle.{kind}"
        path.write_bytes(bytes(raw[:cut]))
        contract(path)


@FEW
@given(st.lists(LINE, max_size=80), st.sampled_from(["kvm.txt", "hardware.txt",
                                                     "basic-environment.txt", "memory.txt",
                                                     "basic-health-check.txt"]))
def test_fuzzed_file_contents_in_a_folder(lines, name):
    with tempfile.TemporaryDirectory() as folder:
        bundle_folder = add_host(SupportconfigBuilder()).write_folder(Path(folder))
        (bundle_folder / name).write_text("\n".join(lines), encoding="utf-8",
                                          errors="surrogatepass")
        contract(bundle_folder)
