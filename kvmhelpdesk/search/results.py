"""What a search returns. Plain dataclasses: the GUI, the CLI and scripts share them.

`to_dict()` is a contract read by tools outside the project: keys may be added, never renamed
or dropped (see docs and `kvmhelpdesk search --json`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Hit:
    """One matching entry, best first in `SearchResult.hits`."""

    id: str
    kind: str
    title: str
    status: str | None
    score: float
    snippet: str  # plain text, no Markdown
    terms: tuple[str, ...] = ()  # words of the entry to highlight in the entry view
    release: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "status": self.status,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "release": self.release,
        }


@dataclass(frozen=True)
class SearchResult:
    """The hits of one query, and a spelling suggestion when a word was not in the index."""

    query: str
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "hits": [hit.to_dict() for hit in self.hits],
            "suggestion": self.suggestion,
        }

    def __len__(self) -> int:
        return len(self.hits)

    @property
    def ids(self) -> list[str]:
        return [hit.id for hit in self.hits]
