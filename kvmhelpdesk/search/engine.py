"""SearchEngine: the project's search interface; whoosh is an implementation detail behind it.

Importing this module does not import whoosh (that costs ~0.2 s): the GUI can paint its first
window first and open the engine in a worker thread. One engine may be used from any thread,
one search at a time per engine (a lock guards the shared whoosh searcher).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from kvmhelpdesk.kb.model import ContentError, Entry, KnowledgeBase
from kvmhelpdesk.safetext import valid_text
from kvmhelpdesk.search.results import Hit, SearchResult

log = logging.getLogger(__name__)

MAX_LIMIT = 1000


class SearchEngine:
    """Full-text search over every entry of a knowledge base, with typo and synonym handling."""

    def __init__(self, kb: KnowledgeBase, opened: Any) -> None:
        """Use `SearchEngine.open`; this wires an already opened index."""
        from kvmhelpdesk.search.snippets import SnippetMaker
        from kvmhelpdesk.search.thesaurus import Thesaurus

        self._kb = kb
        self._index = opened.index
        self.location: str = opened.location
        self.rebuilt: bool = opened.rebuilt
        self._lock = threading.RLock()
        self._searcher: Any = None
        self._view: Any = None
        self._recovered = False
        self._snippets = SnippetMaker()
        self._thesauri = {rid: Thesaurus(kb.release(rid).thesaurus) for rid in kb.releases}
        self._vocabulary = self._read_vocabulary()
        self._outside: dict[str, Any] = {}  # release -> OutsideCheck, made on first use

    @classmethod
    def open(cls, kb: KnowledgeBase, cache_dir: str | Path | None = None, *,
             lock_timeout: float = 30.0) -> SearchEngine:
        """Reuse the cached index for this content or build it.

        Never raises for cache trouble: a read-only, broken or busy cache dir gives an
        in-memory index (`location == ":memory:"`).
        """
        from kvmhelpdesk import paths
        from kvmhelpdesk.search import store

        folder = Path(cache_dir) if cache_dir is not None else paths.cache_dir() / "index"
        return cls(kb, store.open_index(kb, folder, lock_timeout))

    @property
    def kb(self) -> KnowledgeBase:
        return self._kb

    def close(self) -> None:
        with self._lock:
            self._view = None
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    def __enter__(self) -> SearchEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def search(self, query: str, *, kind: str | None = None, status: str | None = None,
               limit: int = 20, release: str | None = None) -> SearchResult:
        """Entries matching `query`, best first. Never raises for any query string.

        `release` defaults to the knowledge base's newest release; `status` may be "none" for
        entries without a status. The result counts every match (`total`) and carries a
        notice when the query names something the statement does not cover.
        """
        from kvmhelpdesk.search.query import clean, plan_query
        from kvmhelpdesk.search.snippets import SnippetKeys

        text = clean(valid_text(query) if isinstance(query, str) else query)
        try:
            release_id = release or self._kb.default_release
            thesaurus = self._thesauri[release_id]
            limit = max(0, int(min(limit, MAX_LIMIT)))  # inf -> MAX_LIMIT, not OverflowError
        except (KeyError, TypeError, ValueError, OverflowError, ContentError):  # odd limit
            return SearchResult(text)
        outside = self._outside_of(text, release_id)
        notice = outside.notice
        plan = plan_query(text, self._vocabulary, thesaurus, known=outside.words)
        plan.nearest = outside.nearest
        if plan.empty or limit == 0:
            return SearchResult(text, [], None, notice=notice)
        rows, total = self._run(plan, release_id, kind, status, limit)
        keys = SnippetKeys(plan.highlight_keys(), plan.own_keys())
        hits = [h for h in (self._hit(row, keys) for row in rows) if h is not None]
        return SearchResult(text, hits, plan.suggestion, total, notice)

    def _outside_check(self, release: str) -> Any:
        from kvmhelpdesk.search.outside import OutsideCheck

        check = self._outside.get(release)
        if check is None:
            check = self._outside[release] = OutsideCheck(self._kb, release)
        return check

    def _outside_of(self, text: str, release: str) -> Any:
        """The "not in the statement" notice of `text` and the entries nearest to what it
        names (see outside.py); an empty `Outside` if covered."""
        from kvmhelpdesk.search.outside import NOTHING

        try:
            return self._outside_check(release).check(text, typing=not text[-1:].isspace())
        except Exception:  # a notice is a nicety: it must never break a search
            log.exception("cannot tell whether %r is covered", text)
            return NOTHING

    def warm_up(self) -> None:
        """Do now what the first query naming a product, the first typo and the first search
        would do (about 0.1 s each: the guest OS matcher and the release's names; the typo
        tables; the index's list of documents). The app calls it in the thread that opened
        the engine, so no keystroke waits for it; scripts need not call it."""
        try:
            self._outside_check(self._kb.default_release).prepare()
            self._vocabulary.prepare()
            with self._lock:
                self._get_view()  # the documents' kinds and statuses (~50 ms)
        except Exception:  # niceties: a search works without them, only slower once
            log.exception("cannot prepare the out-of-statement check or the typo tables")

    def _run(self, plan: Any, release: str, kind: str | None, status: str | None,
             limit: int) -> tuple[list[tuple[str, str, float]], int]:
        from kvmhelpdesk.search import scoring

        for attempt in (1, 2):
            try:
                with self._lock:
                    view = self._get_view()
                    ranked, total = scoring.top(view, scoring.score(plan, view), limit, release,
                                                kind, status)
                return [(doc.id, doc.release, value) for doc, value in ranked], total
            except Exception as exc:  # index files gone or damaged under us: rebuild in RAM
                log.warning("search failed (%s: %s); rebuilding the index in memory",
                            type(exc).__name__, exc)
                if attempt == 2 or not self._recover():
                    return [], 0
        return [], 0

    def _get_searcher(self) -> Any:
        if self._searcher is None:
            self._searcher = self._index.searcher()
        return self._searcher

    def _get_view(self) -> Any:
        if self._view is None:
            from kvmhelpdesk.search.scoring import IndexView

            self._view = IndexView(self._get_searcher())
        return self._view

    def _recover(self) -> bool:
        """Replace a failing on-disk index by an in-memory one; False if even that fails."""
        from kvmhelpdesk.search.store import MEMORY, build_in_memory

        with self._lock:
            if self._recovered:  # failing again after a rebuild: not an index problem
                return False
            self._recovered = True
            try:
                self.close()
                self._index = build_in_memory(self._kb)
            except Exception:
                log.exception("cannot build an in-memory search index")
                return False
            self.location = MEMORY
            self.rebuilt = True
            return True

    def _hit(self, row: tuple[str, str, float], keys: Any) -> Hit | None:
        entry_id, release, score = row
        entry: Entry | None = self._kb.find(entry_id, release)
        if entry is None:
            return None
        snippet, terms = self._snippets.make(entry, keys)
        return Hit(entry.id, entry.kind, entry.title, entry.status, score, snippet, terms,
                   entry.release)

    def _read_vocabulary(self) -> Any:
        """Words of the index (unstemmed) with document frequencies, for completion and typos."""
        from kvmhelpdesk.search.store import read_vocabulary
        from kvmhelpdesk.search.suggest import Vocabulary

        return Vocabulary(read_vocabulary(self._index, self.location))

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Spelling candidates for one word (empty when the word is known or unguessable)."""
        return self._vocabulary.correct(word.lower(), limit) if isinstance(word, str) else []

    def complete(self, prefix: str, limit: int = 8) -> list[str]:
        """Index words that start with `prefix`, most frequent first (for a completer)."""
        return self._vocabulary.complete(prefix.lower(), limit) if isinstance(prefix, str) else []
