"""Search over the knowledge base (Qt-free).

    from kvmhelpdesk.search import SearchEngine
    engine = SearchEngine.open(kb)            # builds or reuses the cached index
    result = engine.search("hot add cpu", kind="feature")

Importing this package does not import whoosh; opening an engine does.
"""

from kvmhelpdesk.search.engine import SearchEngine
from kvmhelpdesk.search.results import NO_STATUS, Hit, SearchResult

__all__ = ["NO_STATUS", "Hit", "SearchEngine", "SearchResult"]
