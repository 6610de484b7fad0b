"""Safe archive access: every format, and every hostile case refused or skipped with a note.

Issue 9, "Hostile bundles": never extract; refuse or skip absolute paths, `..`, links, device
files, more than 20,000 members, members over 256 MiB, more than 2 GiB in all (compression
bombs), non-UTF-8 text, truncated archives, archives that are not a supportconfig.
"""

from __future__ import annotations

import io
import os
import tarfile
import threading
import zipfile
from pathlib import Path

import pytest

from kvmhelpdesk.bundle import BundleCancelled, BundleError, read_bundle
from kvmhelpdesk.bundle import archive as archive_module
from tests.helpers.supportconfig import FOLDER, SupportconfigBuilder, add_host, standard_bundle


def host_only() -> SupportconfigBuilder:
    return add_host(SupportconfigBuilder())


def write_tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]],
              compression: str = "") -> Path:
    with tarfile.open(path, f"w:{compression}" if compression else "w") as tar:
        for info, data in members:
            if data is not None:
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def member(name: str, data: bytes | None = b"", kind: bytes = tarfile.REGTYPE,
           link: str = "") -> tuple[tarfile.TarInfo, bytes | None]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    return info, data if kind == tarfile.REGTYPE else None


def good_members() -> list[tuple[tarfile.TarInfo, bytes | None]]:
    return [member(f"{FOLDER}/{name}", data) for name, data in host_only().render().items()]


@pytest.mark.parametrize("compression", ["bz2", "xz", "gz", ""])
def test_every_tarball_compression_reads_alike(builder, tmp_path, compression):
    bundle = read_bundle(builder.write_tar(tmp_path, compression))
    assert bundle.kind == ("tar." + compression if compression else "tar")
    assert bundle.host.answers["os"] == "SLES 11 SP1" and len(bundle.domains) == 4
    assert bundle.folder == FOLDER and bundle.hostname == "kvmhost01"
    assert bundle.collected == "2011-03-02 10:11" and bundle.notes == []


def test_the_name_does_not_decide_the_format(builder, tmp_path):
    path = builder.write_tar(tmp_path, "xz", suffix=".tar.gz")  # an xz stream named .tar.gz
    assert read_bundle(path).kind == "tar.xz"


def test_zip_and_folders(builder, tmp_path):
    assert read_bundle(builder.write_zip(tmp_path)).kind == "zip"
    folder = builder.write_folder(tmp_path / "unpacked")
    assert read_bundle(folder).kind == "folder"
    assert read_bundle(folder.parent).folder == FOLDER  # the folder holding the bundle folder


def test_files_at_the_archive_root(tmp_path):
    path = write_tar(tmp_path / "repacked.tgz",
                     [member(name, data) for name, data in host_only().render().items()], "gz")
    bundle = read_bundle(path)
    assert bundle.folder == "repacked" and bundle.host.answers["arch"] == "x86_64"


def test_several_bundle_folders_in_one_folder_are_refused(tmp_path):
    SupportconfigBuilder("nts_a_110302_1011").write_folder(tmp_path)
    add_host(SupportconfigBuilder("nts_b_110302_1011")).write_folder(tmp_path)
    add_host(SupportconfigBuilder("nts_a_110302_1011")).write_folder(tmp_path)
    with pytest.raises(BundleError, match="several supportconfig folders"):
        read_bundle(tmp_path)


@pytest.mark.parametrize(("name", "why"), [
    ("/etc/kvm.txt", "an absolute path"),
    (f"{FOLDER}/../kvm.txt", "'..' in its path"),
    ("C:/kvm.txt", "an absolute path"),
])
def test_hostile_member_paths_are_skipped_with_a_note(tmp_path, name, why):
    path = write_tar(tmp_path / "x.tbz", [member(name, b"evil"), *good_members()], "bz2")
    bundle = read_bundle(path)
    assert any(why in note and "skipped" in note for note in bundle.notes)
    assert "kvm.txt" not in bundle.files


@pytest.mark.parametrize(("kind", "why"), [
    (tarfile.SYMTYPE, "a symbolic link"), (tarfile.LNKTYPE, "a hard link"),
    (tarfile.CHRTYPE, "not a regular file"), (tarfile.BLKTYPE, "not a regular file"),
    (tarfile.FIFOTYPE, "not a regular file"),
])
def test_links_and_device_files_are_skipped(tmp_path, kind, why):
    hostile = member(f"{FOLDER}/kvm.txt", None, kind, link="/etc/shadow")
    bundle = read_bundle(write_tar(tmp_path / "x.tar", [hostile, *good_members()]))
    assert any(f"{FOLDER}/kvm.txt: skipped: {why}" in note for note in bundle.notes)
    assert not bundle.kvm


def test_more_than_20000_members_are_refused(tmp_path):
    filler = [member(f"{FOLDER}/junk/{n}") for n in range(archive_module.MAX_MEMBERS + 1)]
    path = write_tar(tmp_path / "many.tgz", [*filler, *good_members()], "gz")
    with pytest.raises(BundleError, match="more than 20,000 members"):
        read_bundle(path)


def test_a_zip_with_more_than_20000_members_is_refused(tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(archive_module.MAX_MEMBERS + 1):
            archive.writestr(f"{FOLDER}/junk/{number}", b"")
    with pytest.raises(BundleError, match="more than 20,000 members"):
        read_bundle(path)


def test_a_member_over_the_size_cap_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(archive_module, "MAX_MEMBER_BYTES", 2**20)
    big = member(f"{FOLDER}/kvm.txt", b"x" * (2**20 + 1))
    bundle = read_bundle(write_tar(tmp_path / "big.tbz", [big, *good_members()], "bz2"))
    assert any("kvm.txt: skipped: larger than 1 MiB (the cap for one file)" in note
               for note in bundle.notes)
    assert bundle.host.answers["os"] == "SLES 11 SP1"


def test_a_compression_bomb_stops_at_the_total_cap(tmp_path, monkeypatch):
    cap = 4 * 2**20
    monkeypatch.setattr(archive_module, "MAX_TOTAL_BYTES", cap)
    seen: list[int] = []
    original = archive_module.Source.add_output

    def spy(self, size):
        seen.append(self.decompressed + size)
        original(self, size)

    monkeypatch.setattr(archive_module.Source, "add_output", spy)
    zeros = b"\0" * (64 * 2**20)  # 64 MiB of zeros: a few hundred bytes of bzip2
    members = [*good_members()[:1], member(f"{FOLDER}/messages.txt", zeros),
               *good_members()[1:]]
    path = write_tar(tmp_path / "bomb.tbz", members, "bz2")
    assert path.stat().st_size < 100_000
    bundle = read_bundle(path)
    assert any("reading stopped after 4 MiB uncompressed (the cap for a whole bundle)" in note
               for note in bundle.notes)
    assert max(seen) <= cap + 2 * archive_module.CHUNK  # stopped as soon as it passed the cap
    assert "basic-environment.txt" in bundle.files and "hardware.txt" not in bundle.files


def test_a_truncated_archive_keeps_what_came_before_with_a_note(builder, tmp_path):
    path = builder.write_tar(tmp_path, "", order=["basic-environment.txt", "hardware.txt",
                                                  "kvm.txt", "memory.txt"])
    data = path.read_bytes()
    cut = data.index(b"/var/log/libvirt/qemu/winxp-desk.log")  # near the end of kvm.txt
    path.write_bytes(data[:cut])
    bundle = read_bundle(path)
    assert any("truncated or damaged inside kvm.txt" in note for note in bundle.notes)
    assert any("kvm.txt: read only in part" in note for note in bundle.notes)
    assert bundle.host.answers["os"] == "SLES 11 SP1" and len(bundle.domains) == 4


def test_a_truncated_compressed_archive_with_nothing_usable_is_refused(builder, tmp_path):
    path = builder.write_tar(tmp_path, "bz2")
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(BundleError):
        read_bundle(path)


def test_reading_stops_once_every_wanted_file_was_seen(builder, tmp_path):
    # messages.txt after the wanted files is never read: its damage goes unnoticed.
    path = builder.write_tar(tmp_path, "", order=[
        "basic-environment.txt", "hardware.txt", "memory.txt", "kvm.txt",
        "basic-health-check.txt", "messages.txt", "rpm.txt"])
    data = path.read_bytes()
    path.write_bytes(data[:data.index(b"kernel: line 100")])
    assert read_bundle(path).notes == []


def test_hardware_txt_is_left_once_cpuinfo_and_cmdline_were_read(tmp_path):
    # hwinfo, dmidecode and lspci come after /proc/cmdline (supportconfig's hardware_info)
    # and make up most of a real hardware.txt: they are not read, so their junk bytes give
    # no note; a tarball is left there too when hardware.txt is the last wanted file (as in
    # supportconfig's own order: kvm.txt, hardware.txt, messages.txt).
    builder = standard_bundle()
    hwinfo = [f"  {n:05d}: PCI 00.0: 0600 Host bridge" for n in range(40_000)]  # > 1 MiB
    builder.command("hardware.txt", "/usr/sbin/hwinfo", [*hwinfo, "  last: junk"])
    folder = builder.write_folder(tmp_path)
    raw = (folder / "hardware.txt").read_bytes().replace(b"last: junk", b"last: \xff")
    (folder / "hardware.txt").write_bytes(raw)
    bundle = read_bundle(folder)
    assert bundle.notes == [] and bundle.host.answers["cpu_vendor"] == "intel"
    assert bundle.host.evidence["host.kernel_cmdline"].file == "hardware.txt"
    archive = builder.write_tar(tmp_path / "tar", "", order=[
        "basic-environment.txt", "memory.txt", "kvm.txt", "basic-health-check.txt",
        "hardware.txt", "messages.txt"])
    data = archive.read_bytes()
    archive.write_bytes(data[:data.index(b"last: junk")])  # cut near the end of hwinfo
    read = read_bundle(archive)
    assert read.notes == [] and read.host.answers == bundle.host.answers


def test_not_utf8_is_decoded_with_replacement(tmp_path):
    folder = host_only().write_folder(tmp_path)
    raw = (folder / "hardware.txt").read_bytes().replace(b"Intel(R)", b"Intel\xae")
    (folder / "hardware.txt").write_bytes(raw)
    bundle = read_bundle(folder)
    assert any("hardware.txt: bytes that are not UTF-8 were replaced" in n for n in bundle.notes)
    assert bundle.host.answers["cpu_vendor"] == "intel"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"just some text\n", "not a supportconfig archive"),
    (b"-----BEGIN PGP MESSAGE-----\n", "encrypted"),
    (b"\x28\xb5\x2f\xfd" + b"\0" * 20, "zstd"),
])
def test_files_that_are_no_archive(tmp_path, content, message):
    path = tmp_path / "upload.tbz"
    path.write_bytes(content)
    with pytest.raises(BundleError, match=message):
        read_bundle(path)


def test_a_tarball_that_is_not_a_supportconfig(tmp_path):
    path = write_tar(tmp_path / "photos.tgz", [member("photos/a.jpg", b"\xff\xd8"),
                                               member("photos/readme.txt", b"hi")], "gz")
    with pytest.raises(BundleError, match="not a supportconfig"):
        read_bundle(path)
    plain = write_tar(tmp_path / "fake.tar", [member("x/kvm.txt", b"no blocks here\n")])
    with pytest.raises(BundleError, match="hold no supportconfig blocks"):
        read_bundle(plain)


def test_missing_input(tmp_path):
    with pytest.raises(BundleError, match="no such file or folder"):
        read_bundle(tmp_path / "nope.tbz")
    with pytest.raises(BundleError, match="not a supportconfig folder"):
        read_bundle(tmp_path)


def test_zip_links_devices_and_encrypted_members_are_skipped(tmp_path):
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as archive:
        link = zipfile.ZipInfo(f"{FOLDER}/kvm.txt")
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "/etc/shadow")
        archive.writestr("../evil.txt", b"x")
        for name, data in host_only().render().items():
            archive.writestr(f"{FOLDER}/{name}", data)
    data = bytearray(path.read_bytes())  # mark memory.txt encrypted in the central directory
    name_at = data.index(f"{FOLDER}/memory.txt".encode(), data.index(b"PK\x01\x02"))
    entry = data.rindex(b"PK\x01\x02", 0, name_at)
    data[entry + 8] |= 0x1
    path.write_bytes(bytes(data))
    bundle = read_bundle(path)
    notes = "\n".join(bundle.notes)
    assert "kvm.txt: skipped: a symbolic link" in notes
    assert "memory.txt: skipped: encrypted" in notes
    assert "'../evil.txt': skipped: '..' in its path" in notes


def test_a_folders_symlinks_and_fifos_are_never_followed_or_opened(tmp_path):
    folder = host_only().write_folder(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("#==[ Command ]==#\n# /sbin/lsmod | grep ^kvm\nkvm_intel 1\nkvm 2\n")
    (folder / "kvm.txt").symlink_to(secret)
    (folder / "memory.txt").unlink()
    os.mkfifo(folder / "memory.txt")  # opening it would block for ever
    bundle = read_bundle(folder)
    notes = "\n".join(bundle.notes)
    assert "kvm.txt: skipped: a symbolic link (not followed)" in notes
    assert "memory.txt: skipped: not a regular file" in notes
    assert "kvm_modules_loaded" not in bundle.host.answers


def test_a_second_copy_of_a_file_is_skipped(tmp_path):
    members = [*good_members(), member(f"{FOLDER}/hardware.txt", b"#==[ Note ]==#\n# x\n"),
               member("other/hardware.txt", b"")]
    bundle = read_bundle(write_tar(tmp_path / "dup.tar", members))
    assert sum("a second copy of hardware.txt" in note for note in bundle.notes) == 2
    assert bundle.host.answers["cpu_cores"] == 8


def test_progress_reaches_the_total_and_cancel_stops(builder, tmp_path):
    path = builder.write_tar(tmp_path, "bz2")
    calls: list[tuple[int, int]] = []
    read_bundle(path, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1] > 0
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(BundleCancelled, match="cancelled"):
        read_bundle(path, cancelled=lambda: True)
    assert sorted(os.listdir(tmp_path)) == before  # nothing extracted, nothing left


def test_read_in_a_worker_thread_and_cancel_from_another(tmp_path):
    """How the GUI will drive it: a worker thread, a progress callback, a Cancel button."""
    builder = host_only()
    builder.raw("kvm.txt", "\n".join(f"#==[ Note ]==#\n# note {n}\n" for n in range(50_000)))
    path = builder.write_tar(tmp_path, "bz2")
    stop = threading.Event()
    outcome: list[object] = []

    def progress(done: int, total: int) -> None:
        stop.set()  # the "user" presses Cancel at the first progress report

    def work() -> None:
        try:
            outcome.append(read_bundle(path, progress, stop.is_set))
        except BundleError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive() and isinstance(outcome[0], BundleCancelled)
