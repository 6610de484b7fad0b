"""Run by the two-process test: open an engine on a cache dir and report what happened.

Usage: python open_engine.py CACHE_DIR  -> prints one JSON line.
"""

from __future__ import annotations

import json
import sys

from kvmhelpdesk.kb import load_knowledge_base
from kvmhelpdesk.search import SearchEngine

engine = SearchEngine.open(load_knowledge_base(), sys.argv[1])
result = engine.search("hot add cpu")
print(json.dumps({"rebuilt": engine.rebuilt, "location": engine.location,
                  "hits": result.ids[:3]}))
