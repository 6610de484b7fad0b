"""Issue 12, content packs: every broken pack is reported and left out (never a traceback,
never a hang), caches cannot change what is loaded, pack Markdown is data, not markup."""

from __future__ import annotations

import os
import re
import zlib
from pathlib import Path

import pytest

from kvmhelpdesk.cli import main
from kvmhelpdesk.kb import load_knowledge_base
from kvmhelpdesk.kb.loader import MAX_BODY_CHARS, load_release
from kvmhelpdesk.kb.parse_cache import ParseCache
from kvmhelpdesk.kb.render import entry_html
from tests.helpers.content import ARTICLE_MD, LIMITS_TOML, make_release

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
DEEP = "x = " + "[" * 5000 + "]" * 5000 + "\n"


def problems_of(pack: Path) -> list[str]:
    kb = load_knowledge_base([pack])
    assert "test-rel" not in kb.releases  # left out ...
    assert kb.entries()  # ... and the embedded knowledge base works
    return list(kb.problems)


def test_deep_nesting_in_a_toml_file_or_front_matter(tmp_path: Path) -> None:
    pack = make_release(tmp_path / "a", limits=DEEP)
    assert "limits.toml: the file is nested too deeply" in problems_of(pack)[0]
    article = ARTICLE_MD.replace('section = "intro"', 'section = "intro"\n' + DEEP)
    pack = make_release(tmp_path / "b", article=article)
    assert "front matter (lines 2-" in problems_of(pack)[0]
    assert "nested too deeply" in problems_of(pack)[0]


def test_synonyms_that_are_not_tables(tmp_path: Path) -> None:
    pack = make_release(tmp_path / "p", extra={"thesaurus.toml": "synonyms = 5\n"})
    assert "'synonyms' must be an array of tables" in problems_of(pack)[0]


def test_unreadable_files_are_reported(tmp_path: Path) -> None:
    pack = make_release(tmp_path / "p", limits=None)
    (pack / "limits.toml").mkdir()  # read() fails with an OSError (EISDIR)
    assert "limits.toml: cannot be read: is a folder" in problems_of(pack)[0]
    pack = make_release(tmp_path / "q")
    (pack / "limits.toml").write_bytes(b"\xff\xfe not utf-8")
    assert "not UTF-8 text" in problems_of(pack)[0]
    if os.geteuid() != 0:  # root reads anything
        pack = make_release(tmp_path / "r")
        (pack / "limits.toml").chmod(0)
        assert "Permission denied" in problems_of(pack)[0]


@needs_fifo
def test_fifos_in_a_pack_never_block(tmp_path: Path) -> None:
    pack = make_release(tmp_path / "p", limits=None)
    os.mkfifo(pack / "limits.toml")
    assert "is a named pipe (FIFO)" in problems_of(pack)[0]
    pack = make_release(tmp_path / "q", article=None)
    (pack / "articles").mkdir()
    os.mkfifo(pack / "articles" / "art-intro.md")
    assert "is a named pipe (FIFO)" in problems_of(pack)[0]


def test_caps_on_file_size_and_body_length(tmp_path: Path) -> None:
    long_body = ARTICLE_MD.replace("A test release.", "word " * (MAX_BODY_CHARS // 5 + 1))
    pack = make_release(tmp_path / "a", article=long_body)
    assert "an entry body holds at most 65,536" in problems_of(pack)[0]
    pack = make_release(tmp_path / "b")
    with (pack / "limits.toml").open("r+b") as handle:
        handle.truncate(5 * 1024 * 1024)  # sparse: no disk used
    assert "larger than 4 MB: a content file holds at most 4 MB" in problems_of(pack)[0]


@needs_fifo
def test_only_the_files_the_loader_reads_are_fingerprinted(tmp_path: Path) -> None:
    """A FIFO (it would block) and a sparse 1.2 GB file beside the content are never read."""
    pack = make_release(tmp_path / "p")
    before = load_release(pack).fingerprint
    os.mkfifo(pack / "notes.fifo")
    with (pack / "huge.iso").open("wb") as handle:
        handle.truncate(1200 * 1024 * 1024)
    kb = load_knowledge_base([pack])
    assert not kb.problems and kb.release("test-rel").fingerprint == before
    assert main(["--content", str(pack), "search", "introduction", "--release",
                 "test-rel"]) == 0
    (pack / "limits.toml").write_text(LIMITS_TOML.replace("32", "48"), encoding="utf-8")
    assert load_release(pack).fingerprint != before


def test_a_remembered_broken_pack_never_stops_the_cli(tmp_path: Path, capsys) -> None:
    pack = make_release(tmp_path / "p", extra={"thesaurus.toml": "synonyms = 5\n"})
    assert main(["--content", str(pack), "kb", "show", "limit-guest-ram"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("kvmhelpdesk: warning: content pack left out:")
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err


# -- the parsed-content cache ------------------------------------------------------------------
def test_same_size_and_mtime_edit_is_read_again(tmp_path: Path) -> None:
    pack = make_release(tmp_path / "p")
    cache_file = tmp_path / "parse.cache"
    cache = ParseCache(cache_file)
    assert load_release(pack, cache).entries["limit-guest-vcpus"].fields["value"] == 32
    cache.save()
    limits = pack / "limits.toml"
    stat = limits.stat()
    limits.write_text(LIMITS_TOML.replace("32", "23"), encoding="utf-8")  # same size
    os.utime(limits, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime
    release = load_release(pack, ParseCache(cache_file))
    assert release.entries["limit-guest-vcpus"].fields["value"] == 23


def _flip_in_cache(cache_file: Path, old: bytes, new: bytes) -> None:
    data = cache_file.read_bytes()
    assert data.count(old) >= 1
    cache_file.write_bytes(data.replace(old, new))


@pytest.mark.parametrize(("old", "new"), [(b"Up to 32 vCPUs", b"Up to 61 vCPUs"),
                                          (b"limit-guest-vcpus", b"limit-guest-vcpuz")])
def test_a_damaged_cache_entry_is_parsed_again_silently(tmp_path: Path, old: bytes,
                                                        new: bytes) -> None:
    pack = make_release(tmp_path / "p")
    cache_file = tmp_path / "parse.cache"
    cache = ParseCache(cache_file)
    load_release(pack, cache)
    cache.save()
    _flip_in_cache(cache_file, old, new)  # the CRC no longer matches
    release = load_release(pack, ParseCache(cache_file))
    assert release.entries["limit-guest-vcpus"].body.startswith("Up to 32 vCPUs")


def test_the_shipped_content_survives_a_changed_cache_byte(capsys) -> None:
    """16 -> 61 in the cache made `check` say 'within the limit of 61' while the file says 16."""
    from kvmhelpdesk.paths import cache_dir

    assert main(["kb", "show", "limit-guest-vcpus", "--json"]) == 0
    capsys.readouterr()
    cache_file = cache_dir() / "content-parse.cache"
    data = bytearray(cache_file.read_bytes())
    at = data.find(b"value")
    assert at > 0
    data[at + 8] ^= 0x01  # one flipped bit somewhere in the parsed limits
    cache_file.write_bytes(bytes(data))
    assert main(["check", "--qemu-cmdline", "qemu-kvm -smp 40"]) == 0
    assert "over the limit of 16" in capsys.readouterr().out


def test_entries_of_packs_no_longer_loaded_are_pruned(tmp_path: Path) -> None:
    pack = make_release(tmp_path / "p")
    cache_file = tmp_path / "parse.cache"
    cache = ParseCache(cache_file)
    load_release(pack, cache)
    cache.save()
    assert len(ParseCache(cache_file)._entries) == 4  # three files and the validated release
    later = ParseCache(cache_file)
    later._entries = {k: (crc, payload, day - 30)  # last used a month ago
                      for k, (crc, payload, day) in later._entries.items()}
    later.save()  # nothing of the pack used in this run: the old entries go
    assert ParseCache(cache_file)._entries == {}
    recent = ParseCache(cache_file)
    recent.get("key", lambda: "value")
    recent.save()
    assert list(ParseCache(cache_file)._entries) == ["key"]
    assert zlib.crc32(ParseCache(cache_file)._entries["key"][1]) == \
        ParseCache(cache_file)._entries["key"][0]


@needs_fifo
def test_a_cache_path_that_is_not_a_regular_file_is_not_read(tmp_path: Path) -> None:
    cache_file = tmp_path / "parse.cache"
    os.mkfifo(cache_file)
    cache = ParseCache(cache_file)  # would block forever reading a FIFO
    assert load_release(make_release(tmp_path / "p"), cache).id == "test-rel"


# -- pack Markdown is data ---------------------------------------------------------------------
HOSTILE_BODY = """\
Text <script>alert(1)</script> <img src="/any/path" onerror="x()"> <iframe src="x"></iframe>

<style>body { display: none }</style>
<div onclick="steal()">block</div>

[entry](entry:limit-guest-vcpus) [web](https://example.com/kvm) [js](javascript:alert(1))
[file](file:///etc/passwd) [data](data:text/html,hi) ![pic](/any/path/image.png)
"""


def test_raw_html_links_and_images_in_pack_bodies_are_data(tmp_path: Path) -> None:
    article = ARTICLE_MD.replace("A test release.", HOSTILE_BODY)
    pack = make_release(tmp_path / "p", article=article)
    kb = load_knowledge_base([pack])
    page = entry_html(kb.get("art-intro", "test-rel"), kb)
    tags = re.findall(r"<[a-zA-Z][^>]*>", page)  # the real tags: escaped text is not one
    assert {re.match(r"<(\w+)", t).group(1) for t in tags} <= {
        "h1", "h3", "p", "img", "b", "i", "code", "span", "a", "ul", "li", "table", "tr", "th",
        "td", "br"}
    assert all(" on" not in t and "style=" not in t.replace('style="color:', "") for t in tags)
    images = [t for t in tags if t.startswith("<img")]
    assert all(re.search(r'src="(kind|status)-[a-z-]+\.svg"', t) for t in images)  # badges
    body = page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body  # shown as text
    assert '<a href="entry:limit-guest-vcpus">' in body
    assert '<a href="https://example.com/kvm">' in body
    for scheme in ("javascript:", "file:", "data:"):
        assert f'href="{scheme}' not in body
    assert "[image: pic]" in body


# -- search ------------------------------------------------------------------------------------
def test_search_limits_of_any_kind(kb) -> None:
    from kvmhelpdesk.search import SearchEngine
    from kvmhelpdesk.search.engine import MAX_LIMIT

    with SearchEngine.open(kb) as engine:
        assert 0 < len(engine.search("guest", limit=float("inf")).hits) <= MAX_LIMIT
        assert engine.search("guest", limit=float("nan")).hits == []
        assert engine.search("guest", limit=-5).hits == []
        assert engine.search("qcow2 \ud800\udcff", limit=3).query.encode("utf-8")
