"""What a search returns. Plain dataclasses: the GUI, the CLI and scripts share them.

`to_dict()` is a contract read by tools outside the project: keys may be added, never renamed
or dropped (see docs and `kvmhelpdesk search --json`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NO_STATUS = "none"  # the status filter's word for entries the statement gives no status


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
    """The hits of one query, and a spelling suggestion when a word was not in the index.

    `total` counts every entry that matches (the hits are its best `limit`); `notice` says,
    in one paragraph, that the query names something the statement does not cover
    ("Not in the SLES 11 SP1 statement: ..."), so the closest hits are not read as the answer.
    """

    query: str
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    total: int = 0
    notice: str | None = None

    def __post_init__(self) -> None:
        if self.total < len(self.hits):  # made by hand with hits only: they are all there is
            object.__setattr__(self, "total", len(self.hits))

    @property
    def complete(self) -> bool:
        """True when every matching entry is among the hits."""
        return len(self.hits) >= self.total

    def count_text(self) -> str:
        """How many entries match, as the app and the CLI say it: "25 of 161 matching entries"
        when the hits are the best of more, "161 matching entries" when they are all."""
        noun = "matching entry" if self.total == 1 else "matching entries"
        if self.complete:
            return f"{self.total} {noun}"
        return f"{len(self.hits)} of {self.total} {noun}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "hits": [hit.to_dict() for hit in self.hits],
            "suggestion": self.suggestion,
            "total": self.total,
            "notice": self.notice,
        }

    def __len__(self) -> int:
        return len(self.hits)

    @property
    def ids(self) -> list[str]:
        return [hit.id for hit in self.hits]
