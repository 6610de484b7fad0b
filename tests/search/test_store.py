"""Index lifecycle: reuse, rebuild on change or damage, locks, read-only dirs, two instances."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.search import SearchEngine, store
from kvmhelpdesk.search.locking import build_lock
from tests.search.support import tiny_kb

HERE = Path(__file__).resolve().parent


def index_dir(kb: KnowledgeBase, cache: Path) -> Path:
    return cache / store.index_key(kb)


def biggest_file(folder: Path) -> Path:
    return max((p for p in folder.iterdir() if p.name != store.MANIFEST),
               key=lambda p: p.stat().st_size)


def dead_pid() -> int:
    """The PID of a process that has certainly exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def opened(kb: KnowledgeBase, cache: Path, **kwargs: float) -> SearchEngine:
    engine = SearchEngine.open(kb, cache, **kwargs)
    assert engine.search("savevm").ids[:1] == ["mon-savevm"], "engine must work whatever happened"
    return engine


def test_first_open_builds_and_the_next_reuses(cache: Path) -> None:
    kb = tiny_kb()
    first = opened(kb, cache)
    assert first.rebuilt and first.location == str(index_dir(kb, cache))
    second = opened(kb, cache)
    assert not second.rebuilt and second.location == first.location


def test_shipped_content_is_reused_without_rebuild(built_cache: Path, kb: KnowledgeBase) -> None:
    engine = SearchEngine.open(kb, built_cache)
    assert not engine.rebuilt
    assert engine.location == str(index_dir(kb, built_cache))


def test_changed_content_gets_a_new_index_and_old_ones_are_pruned(cache: Path) -> None:
    first = opened(tiny_kb("1"), cache)
    second = opened(tiny_kb("2"), cache)
    assert second.rebuilt and second.location != first.location
    for version in "345":
        opened(tiny_kb(version), cache)
    indexes = [p for p in cache.iterdir() if (p / store.MANIFEST).exists()]
    assert len(indexes) == 1 + store.KEEP_OTHER_INDEXES
    assert not Path(first.location).exists()


def test_missing_index_is_rebuilt(cache: Path) -> None:
    kb = tiny_kb()
    opened(kb, cache)
    for path in index_dir(kb, cache).iterdir():
        path.unlink()
    index_dir(kb, cache).rmdir()
    assert opened(kb, cache).rebuilt


def test_truncated_index_is_rebuilt(cache: Path) -> None:
    kb = tiny_kb()
    opened(kb, cache)
    victim = biggest_file(index_dir(kb, cache))
    victim.write_bytes(victim.read_bytes()[: victim.stat().st_size // 2])
    engine = opened(kb, cache)
    assert engine.rebuilt and engine.location != store.MEMORY


def test_corrupt_index_of_the_same_size_is_rebuilt(cache: Path) -> None:
    kb = tiny_kb()
    opened(kb, cache)
    victim = biggest_file(index_dir(kb, cache))
    data = bytearray(victim.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(b ^ 0xFF for b in data[middle:middle + 64])
    victim.write_bytes(bytes(data))
    assert opened(kb, cache).rebuilt


@pytest.mark.parametrize("manifest", ["", "{not json", "[]", '{"files": {}}', "null"])
def test_broken_manifest_means_rebuild(cache: Path, manifest: str) -> None:
    kb = tiny_kb()
    opened(kb, cache)
    (index_dir(kb, cache) / store.MANIFEST).write_text(manifest)
    assert opened(kb, cache).rebuilt


def test_manifest_for_other_content_means_rebuild(cache: Path) -> None:
    kb = tiny_kb()
    opened(kb, cache)
    path = index_dir(kb, cache) / store.MANIFEST
    manifest = json.loads(path.read_text())
    manifest["docs"] += 1
    path.write_text(json.dumps(manifest))
    assert opened(kb, cache).rebuilt


def test_damaged_shipped_index_is_rebuilt(fresh_cache: Path, kb: KnowledgeBase) -> None:
    victim = biggest_file(index_dir(kb, fresh_cache))
    with victim.open("r+b") as handle:
        handle.truncate(100)
    engine = SearchEngine.open(kb, fresh_cache)
    assert engine.rebuilt and engine.location != store.MEMORY
    assert engine.search("-no-kvm").ids[0] == "feat-qemu-only"


def test_stale_whoosh_write_lock_in_the_index_is_harmless(cache: Path) -> None:
    kb = tiny_kb()
    opened(kb, cache)
    (index_dir(kb, cache) / "MAIN_WRITELOCK").write_text(f"{dead_pid()}")
    assert not opened(kb, cache).rebuilt


def test_build_lock_left_by_a_dead_process_does_not_block(cache: Path) -> None:
    kb = tiny_kb()
    cache.mkdir(parents=True)
    (cache / f"{store.index_key(kb)}.lock").write_text(f"pid={dead_pid()} time=0\n")
    started = time.monotonic()
    engine = opened(kb, cache, lock_timeout=10.0)
    assert time.monotonic() - started < 5.0
    assert engine.rebuilt and engine.location == str(index_dir(kb, cache))


def test_build_lock_held_too_long_falls_back_to_memory(cache: Path) -> None:
    kb = tiny_kb()
    cache.mkdir(parents=True)
    with build_lock(cache / f"{store.index_key(kb)}.lock", timeout=0):
        engine = opened(kb, cache, lock_timeout=0.1)
    assert engine.location == store.MEMORY and engine.rebuilt


def test_abandoned_builds_and_trash_are_cleaned_up(cache: Path) -> None:
    cache.mkdir(parents=True)
    abandoned = cache / f".build-{dead_pid()}-abcd"
    trash = cache / ".trash-1234"
    for folder in (abandoned, trash):
        folder.mkdir()
        (folder / "junk").write_text("x")
    opened(tiny_kb(), cache)
    assert not abandoned.exists() and not trash.exists()


def test_cache_dir_that_cannot_exist_gives_a_memory_index(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    engine = opened(tiny_kb(), blocker / "index")
    assert engine.location == store.MEMORY and engine.rebuilt


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root ignores directory permissions")
def test_read_only_cache_dir_gives_a_memory_index(tmp_path: Path) -> None:
    read_only = tmp_path / "ro"
    read_only.mkdir()
    read_only.chmod(0o500)
    try:
        engine = opened(tiny_kb(), read_only / "index")
        assert engine.location == store.MEMORY
    finally:
        read_only.chmod(0o700)


def test_read_only_cache_with_a_sound_index_is_used(cache: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    kb = tiny_kb()
    opened(kb, cache)
    monkeypatch.setattr(os, "utime", _refuse)  # as on a read-only mount
    engine = opened(kb, cache)
    assert not engine.rebuilt and engine.location != store.MEMORY


def _refuse(*args: object, **kwargs: object) -> None:
    raise PermissionError("read-only file system")


def test_default_cache_dir_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    engine = opened(tiny_kb(), None)
    assert engine.location.startswith(str(tmp_path / "xdg" / "kvmhelpdesk" / "index"))


def test_index_broken_after_open_is_replaced_in_memory(cache: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    engine = opened(tiny_kb(), cache)
    calls = {"n": 0}
    original = engine._get_view

    def failing_once() -> object:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("segment file vanished")
        return original()

    monkeypatch.setattr(engine, "_get_view", failing_once)
    assert engine.search("savevm").ids == ["mon-savevm"]
    assert engine.location == store.MEMORY


def test_engine_opened_in_one_thread_searches_in_another(cache: Path) -> None:
    engine = opened(tiny_kb(), cache)
    found: list[list[str]] = []
    worker = threading.Thread(target=lambda: found.append(engine.search("qcow2").ids))
    worker.start()
    worker.join(timeout=30)
    assert found == [["opt-drive"]]


def test_two_processes_opening_at_once_both_work(tmp_path: Path, kb: KnowledgeBase) -> None:
    cache = tmp_path / "shared-cache"
    script = str(HERE / "open_engine.py")
    env = {**os.environ, "PYTHONPATH": str(HERE.parents[1])}
    children = [subprocess.Popen([sys.executable, script, str(cache)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    reports = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    assert all(r["hits"] and r["hits"][0] == "feat-cpu-hotplug" for r in reports)
    assert all(r["location"] == str(index_dir(kb, cache)) for r in reports)
    assert sum(r["rebuilt"] for r in reports) == 1
    assert store.verify(index_dir(kb, cache), store.index_key(kb), store.expected_docs(kb))
    assert not SearchEngine.open(kb, cache).rebuilt
    leftovers = [p.name for p in cache.iterdir() if p.name.startswith((".build-", ".trash-"))]
    assert leftovers == []


def test_importing_the_search_package_does_not_import_whoosh() -> None:
    code = ("import sys, kvmhelpdesk.search, kvmhelpdesk.cli.search_cmd\n"
            "print(any(m == 'whoosh' or m.startswith('whoosh.') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "False"


def test_read_only_file_system_gives_a_memory_index(cache: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores permission bits, so a read-only mount is simulated where it bites.
    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", read_only)
    engine = opened(tiny_kb(), cache)
    assert engine.location == store.MEMORY
