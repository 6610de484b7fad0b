"""What kind of answer a question asks for, from its question words.

"max vcpus per guest" asks for a number the statement sets (a Supported Limits row), "emulated
disk speed" for a figure of the performance table. The topic words still decide *which* entry;
the question words only tilt the ranking towards entries of the asked-for kind (scoring.py
multiplies their scores), so they never lift an entry that does not match the topic.

These are English question words, not facts of a statement, so they live here rather than in
a release's content (the thesaurus maps topic words, per release).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from kvmhelpdesk.kb.model import SynonymGroup
from kvmhelpdesk.search import analysis
from kvmhelpdesk.search.thesaurus import Thesaurus

# kind -> words and phrases that ask for an entry of that kind
QUESTION_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "limit": ("max", "maximum", "maximal", "how many", "how much", "limit", "at most", "up to",
              "upper bound", "largest", "biggest", "most vcpus", "most memory"),
    "performance": ("performance", "perform", "speed", "fast", "faster", "slow", "slower",
                    "slowness", "throughput", "overhead", "benchmark", "latency", "how fast",
                    "how slow", "sluggish", "percent of native", "native speed"),
})
# A thesaurus matches the phrases as it matches synonyms; each group's one "entry" is a kind.
_MATCHER = Thesaurus([SynonymGroup(terms, (kind,)) for kind, terms in QUESTION_WORDS.items()])


def asked_kinds(toks: Sequence[analysis.Token]) -> frozenset[str]:
    """Kinds of entry the question words of `toks` ask for (often none).

    A count before a word ("is 24 vcpus", "1 TB ram") asks for a limit as well; a number
    after a name is a version ("windows 7 guest", "sles 9 clock").
    """
    keys = tuple(t.keys[0] for t in toks)
    kinds = {kind for m in _MATCHER.matches(keys) for kind in m.group.entries}
    for before, tok, after in zip([None, *toks], toks, toks[1:], strict=False):
        if (tok.whole.isdigit() and (before is None or before.is_stop)
                and after.whole.isalpha() and not after.is_stop):
            kinds.add("limit")
            break
    return frozenset(kinds)
