"""Knowledge base: entry model, content loading and validation (Qt-free)."""

from kvmhelpdesk.kb.loader import load_knowledge_base, load_release, release_dirs
from kvmhelpdesk.kb.model import (
    KIND_LABELS,
    KIND_NAMES,
    KINDS,
    STATUS_LABELS,
    STATUSES,
    ContentError,
    Entry,
    KnowledgeBase,
    Release,
    Section,
    SynonymGroup,
)

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "KIND_NAMES",
    "STATUSES",
    "STATUS_LABELS",
    "ContentError",
    "Entry",
    "KnowledgeBase",
    "Release",
    "Section",
    "SynonymGroup",
    "load_knowledge_base",
    "load_release",
    "release_dirs",
]
