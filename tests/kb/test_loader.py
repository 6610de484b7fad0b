"""Loader validation: each class of bad content gives one precise error, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvmhelpdesk.kb import ContentError, load_knowledge_base, load_release
from tests.helpers.content import ARTICLE_MD, LIMITS_TOML, RELEASE_TOML, make_release


def test_valid_release_loads(tmp_path: Path) -> None:
    release = load_release(make_release(tmp_path / "rel"))
    assert release.id == "test-rel"
    entry = release.entries["limit-guest-vcpus"]
    assert entry.fields["value"] == 32
    assert entry.fields["scope"] == "guest"
    assert release.entries["art-intro"].body == "A test release."


def broken(tmp_path: Path, **kwargs: str) -> str:
    with pytest.raises(ContentError) as info:
        load_release(make_release(tmp_path / "rel", **kwargs))
    message = str(info.value)
    assert "\n" not in message
    return message


def test_unknown_key(tmp_path: Path) -> None:
    message = broken(tmp_path, limits=LIMITS_TOML + 'colour = "red"\n')
    assert "limits.toml" in message and "'colour'" in message and "limit-guest-vcpus" in message


def test_wrong_type(tmp_path: Path) -> None:
    message = broken(tmp_path, limits=LIMITS_TOML.replace("value = 32", 'value = "32"'))
    assert "'value' must be a integer" in message or "'value' must be an integer" in message


def test_bool_is_not_an_integer(tmp_path: Path) -> None:
    message = broken(tmp_path, limits=LIMITS_TOML.replace("value = 32", "value = true"))
    assert "'value'" in message


def test_unknown_status_word(tmp_path: Path) -> None:
    message = broken(tmp_path, limits=LIMITS_TOML.replace('"supported"', '"kinda"'))
    assert "unknown status 'kinda'" in message


def test_unknown_choice(tmp_path: Path) -> None:
    message = broken(tmp_path, limits=LIMITS_TOML.replace('scope = "guest"', 'scope = "moon"'))
    assert "'scope'" in message and "guest, host" in message


def test_duplicate_id(tmp_path: Path) -> None:
    message = broken(tmp_path, limits=LIMITS_TOML + "\n" + LIMITS_TOML)
    assert "duplicate id 'limit-guest-vcpus'" in message


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    message = broken(tmp_path, article=ARTICLE_MD.replace("art-intro", "limit-guest-vcpus")
                     .replace('section = "intro"', 'section = "limits"'),
                     limits=LIMITS_TOML.replace('related = ["art-intro"]\n', "")
                     .replace("See [the intro](entry:art-intro).", ""))
    assert "duplicate id" in message


def test_link_to_missing_entry(tmp_path: Path) -> None:
    message = broken(tmp_path, limits=LIMITS_TOML.replace('["art-intro"]', '["art-nope"]'))
    assert "no entry 'art-nope'" in message


def test_body_link_to_missing_entry(tmp_path: Path) -> None:
    message = broken(tmp_path, limits=LIMITS_TOML.replace("entry:art-intro", "entry:art-gone"))
    assert "entry:art-gone" in message


def test_missing_section(tmp_path: Path) -> None:
    message = broken(tmp_path, limits=LIMITS_TOML.replace('section = "limits"',
                                                          'section = "appendix-z"'))
    assert "'appendix-z' is not a section" in message


def test_missing_required_key(tmp_path: Path) -> None:
    message = broken(tmp_path, limits=LIMITS_TOML.replace('section = "limits"\n', ""))
    assert "required key 'section' is missing" in message


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    message = broken(tmp_path, limits=LIMITS_TOML.replace("value = 32", "value = = 32"))
    assert "limits.toml" in message and "line 7" in message


def test_article_without_front_matter(tmp_path: Path) -> None:
    message = broken(tmp_path, article="Just text\n")
    assert "art-intro.md" in message and "line 1" in message


def test_article_front_matter_not_closed(tmp_path: Path) -> None:
    message = broken(tmp_path, article="+++\nid = 'x'\n")
    assert "not closed" in message


def test_release_without_sections(tmp_path: Path) -> None:
    release = RELEASE_TOML.split("[[section]]")[0]
    message = broken(tmp_path, release=release)
    assert "section" in message


def test_guest_row_needs_status(tmp_path: Path) -> None:
    row = ('[[guest_os]]\nid = "os-x"\ntitle = "X"\nsection = "intro"\nbody = "b"\n'
           'family = "sles"\nproduct = "SLES"\nversion = "11"\n')
    message = broken(tmp_path, extra={"guest-os.toml": row})
    assert "'status' is missing" in message


def test_broken_extra_pack_does_not_take_down_embedded(tmp_path: Path) -> None:
    pack = make_release(tmp_path / "pack", limits=LIMITS_TOML.replace("value = 32", "value = x"))
    kb = load_knowledge_base([pack])
    assert "sles11-sp1" in kb.releases
    assert "test-rel" not in kb.releases
    assert len(kb.problems) == 1 and "limits.toml" in kb.problems[0]


def test_extra_pack_adds_a_release(tmp_path: Path) -> None:
    kb = load_knowledge_base([make_release(tmp_path / "pack")])
    assert set(kb.releases) == {"sles11-sp1", "test-rel"}
    assert kb.default_release == "test-rel"  # higher order = newer
    assert kb.get("limit-guest-vcpus", "test-rel").fields["value"] == 32
    assert kb.get("limit-guest-vcpus", "sles11-sp1").fields["value"] == 16


def test_folder_of_packs_and_missing_folder(tmp_path: Path) -> None:
    make_release(tmp_path / "packs" / "one")
    kb = load_knowledge_base([tmp_path / "packs", tmp_path / "nowhere"])
    assert "test-rel" in kb.releases
    assert any("nowhere" in p for p in kb.problems)


def test_same_release_twice_is_refused(tmp_path: Path) -> None:
    kb = load_knowledge_base([make_release(tmp_path / "a"), make_release(tmp_path / "b")])
    assert list(kb.releases).count("test-rel") == 1
    assert any("already loaded" in p for p in kb.problems)


def test_fingerprint_follows_content(tmp_path: Path) -> None:
    folder = make_release(tmp_path / "rel")
    first = load_release(folder).fingerprint
    assert load_release(folder).fingerprint == first
    (folder / "limits.toml").write_text(LIMITS_TOML.replace("Up to", "At most"), encoding="utf-8")
    assert load_release(folder).fingerprint != first


def test_embedded_content_is_complete(kb) -> None:
    release = kb.release("sles11-sp1")
    kinds = {e.kind for e in release.entries.values()}
    assert kinds == {"article", "guest-os", "limit", "feature", "qemu-option",
                     "monitor-command", "performance"}
    for entry in release.entries.values():
        assert kb.section_heading(entry)
        assert entry.body.strip()


def test_parse_cache_is_reused_and_follows_edits(tmp_path: Path) -> None:
    from kvmhelpdesk.kb.parse_cache import ParseCache

    folder = make_release(tmp_path / "rel")
    cache_file = tmp_path / "cache" / "parse.cache"
    first = ParseCache(cache_file)
    load_release(folder, first)
    first.save()
    assert cache_file.exists()
    calls: list[str] = []
    second = ParseCache(cache_file)
    original = second.get

    def counting(key, compute):
        return original(key, lambda: calls.append(key) or compute())

    second.get = counting  # type: ignore[method-assign]
    assert load_release(folder, second).entries["limit-guest-vcpus"].fields["value"] == 32
    assert calls == []  # nothing parsed again
    (folder / "limits.toml").write_text(LIMITS_TOML.replace("32", "48"), encoding="utf-8")
    assert load_release(folder, second).entries["limit-guest-vcpus"].fields["value"] == 48
    parsed = [key for key in calls if not key.startswith("release:")]
    assert len(parsed) == 1 and parsed[0].startswith("_read_toml:")  # keyed by content hash


def test_corrupt_or_unwritable_parse_cache_is_harmless(tmp_path: Path) -> None:
    from kvmhelpdesk.kb.parse_cache import ParseCache

    folder = make_release(tmp_path / "rel")
    cache_file = tmp_path / "parse.cache"
    cache_file.write_bytes(b"\x00garbage\xff" * 10)
    cache = ParseCache(cache_file)
    assert load_release(folder, cache).id == "test-rel"
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    unwritable = ParseCache(blocker / "sub" / "parse.cache")
    load_release(folder, unwritable)
    unwritable.save()  # cannot create a folder under a file: silently skipped


def test_broken_file_is_not_cached(tmp_path: Path) -> None:
    from kvmhelpdesk.kb.parse_cache import ParseCache

    folder = make_release(tmp_path / "rel", limits=LIMITS_TOML.replace("value = 32", "value = ="))
    cache = ParseCache(tmp_path / "parse.cache")
    for _ in range(2):
        with pytest.raises(ContentError):
            load_release(folder, cache)
