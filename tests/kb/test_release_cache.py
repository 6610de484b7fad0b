"""The validated-release cache: unchanged content is not validated again, any edit is, and a
damaged or unwritable cache only means validating again (silently)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kvmhelpdesk.kb import ContentError, load_knowledge_base, load_release, loader
from kvmhelpdesk.kb.parse_cache import ParseCache
from tests.helpers.content import ARTICLE_MD, LIMITS_TOML, make_release


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Folders the loader really validated (rather than rebuilt from the cache)."""
    seen: list[Path] = []
    original = loader._validated_release

    def counting(folder, files):
        seen.append(folder)
        return original(folder, files)

    monkeypatch.setattr(loader, "_validated_release", counting)
    return seen


def test_unchanged_release_is_rebuilt_from_the_cache_equal(tmp_path: Path,
                                                           validations: list[Path]) -> None:
    folder = make_release(tmp_path / "rel")
    cache_file = tmp_path / "cache" / "parse.cache"
    first_cache = ParseCache(cache_file)
    first = load_release(folder, first_cache)
    first_cache.save()
    second = load_release(folder, ParseCache(cache_file))
    assert validations == [folder]  # the second load was not validated again
    assert second == first
    assert second.entries == first.entries
    assert second.fingerprint == first.fingerprint
    assert second.entries["limit-guest-vcpus"].fields["value"] == 32
    with pytest.raises(TypeError):  # still read-only, as the validating load makes it
        second.entries["limit-guest-vcpus"].fields["value"] = 1  # type: ignore[index]


def test_shipped_content_from_the_cache_equals_the_validated_one() -> None:
    first = load_knowledge_base()  # XDG_CACHE_HOME is a temp dir in tests: fills the cache
    second = load_knowledge_base()
    assert list(second.releases) == list(first.releases)
    for release_id, release in first.releases.items():
        assert second.releases[release_id] == release


def test_an_edited_file_is_validated_again_even_with_same_size_and_mtime(
        tmp_path: Path, validations: list[Path]) -> None:
    folder = make_release(tmp_path / "rel")
    cache = ParseCache(tmp_path / "parse.cache")
    load_release(folder, cache)
    limits = folder / "limits.toml"
    before = limits.stat()
    limits.write_text(LIMITS_TOML.replace("value = 32", "value = 48"), encoding="utf-8")
    os.utime(limits, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert limits.stat().st_size == before.st_size
    assert load_release(folder, cache).entries["limit-guest-vcpus"].fields["value"] == 48
    assert len(validations) == 2


def test_an_edit_that_breaks_the_content_is_reported_not_served_from_the_cache(
        tmp_path: Path) -> None:
    folder = make_release(tmp_path / "rel")
    cache_file = tmp_path / "parse.cache"
    cache = ParseCache(cache_file)
    load_release(folder, cache)
    cache.save()
    (folder / "limits.toml").write_text(LIMITS_TOML.replace("value = 32", 'value = "32"'),
                                        encoding="utf-8")
    with pytest.raises(ContentError, match="'value' must be"):
        load_release(folder, ParseCache(cache_file))
    (folder / "articles" / "art-intro.md").write_text(
        ARTICLE_MD.replace('section = "intro"', 'section = "nowhere"'), encoding="utf-8")
    (folder / "limits.toml").write_text(LIMITS_TOML, encoding="utf-8")
    with pytest.raises(ContentError, match="'nowhere' is not a section"):
        load_release(folder, ParseCache(cache_file))


def test_a_new_article_is_seen(tmp_path: Path) -> None:
    folder = make_release(tmp_path / "rel")
    cache = ParseCache(tmp_path / "parse.cache")
    load_release(folder, cache)
    (folder / "articles" / "art-more.md").write_text(
        ARTICLE_MD.replace("art-intro", "art-more"), encoding="utf-8")
    assert "art-more" in load_release(folder, cache).entries


def test_corrupt_cache_file_means_validating_again_silently(
        tmp_path: Path, validations: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_release(tmp_path / "rel")
    cache_file = tmp_path / "parse.cache"
    cache = ParseCache(cache_file)
    expected = load_release(folder, cache)
    cache.save()
    data = bytearray(cache_file.read_bytes())
    for at in range(len(data) // 3, len(data), 97):  # damage the stored release and more
        data[at] ^= 0x55
    cache_file.write_bytes(bytes(data))
    assert load_release(folder, ParseCache(cache_file)) == expected
    cache_file.write_bytes(b"\x00garbage\xff" * 10)
    assert load_release(folder, ParseCache(cache_file)) == expected
    cache_file.write_bytes(data[: len(data) // 2])  # truncated
    assert load_release(folder, ParseCache(cache_file)) == expected
    assert len(validations) >= 3
    assert capsys.readouterr() == ("", "")


def test_read_only_cache_folder_means_validating_every_time(
        tmp_path: Path, validations: list[Path], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_release(tmp_path / "rel")
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    cache_dir.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.name != "posix" or os.geteuid() == 0:  # root writes anyway: fail as the folder would
        import tempfile

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        for _ in range(2):
            cache = ParseCache(cache_dir / "parse.cache")
            assert load_release(folder, cache).id == "test-rel"
            cache.save()  # cannot write: skipped
        assert len(validations) == 2
        assert not (cache_dir / "parse.cache").exists()
    finally:
        cache_dir.chmod(stat.S_IRWXU)
    assert capsys.readouterr() == ("", "")


def test_unwritable_cache_path_means_validating_every_time(
        tmp_path: Path, validations: list[Path]) -> None:
    folder = make_release(tmp_path / "rel")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")  # works as root too: no folder can be made under a file
    for _ in range(2):
        cache = ParseCache(blocker / "sub" / "parse.cache")
        assert load_release(folder, cache).id == "test-rel"
        cache.save()
    assert len(validations) == 2


def test_start_with_unchanged_content_reads_only_the_small_release_cache(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from kvmhelpdesk.kb import parse_cache

    load_knowledge_base()  # XDG_CACHE_HOME is a temp dir in tests: fills both caches
    read: list[str] = []
    original = parse_cache._read

    def recording(file: Path):
        read.append(file.name)
        return original(file)

    monkeypatch.setattr(parse_cache, "_read", recording)
    load_knowledge_base()
    assert read == ["content-releases.cache"]


def test_an_edited_release_replaces_its_old_entry_in_the_release_cache(tmp_path: Path) -> None:
    from kvmhelpdesk.kb import release_cache

    folder = make_release(tmp_path / "rel")
    other = make_release(tmp_path / "other")
    cache_file = tmp_path / "releases.cache"
    for value in ("32", "48"):
        (folder / "limits.toml").write_text(LIMITS_TOML.replace("32", value), encoding="utf-8")
        validated = ParseCache(cache_file, release_cache.folder_of)
        load_release(folder, ParseCache(None), validated)
        if value == "32":
            load_release(other, ParseCache(None), validated)
        validated.save()
    folders = sorted(release_cache.folder_of(k) for k in ParseCache(cache_file)._entries)
    assert folders == sorted([str(folder), str(other)])  # the old entry of `folder` is gone
