"""Builders for small, valid release folders that a test can then break on purpose."""

from __future__ import annotations

import textwrap
from pathlib import Path

RELEASE_TOML = """\
id = "test-rel"
title = "Test statement"
product = "Test 1"
order = 99

[[section]]
id = "limits"
heading = "Supported Limits"

[[section]]
id = "intro"
heading = "Introduction"
"""

LIMITS_TOML = """\
[[limit]]
id = "limit-guest-vcpus"
title = "Virtual CPUs per guest: 32"
section = "limits"
status = "supported"
quantity = "guest-vcpus"
value = 32
unit = "vCPUs"
scope = "guest"
related = ["art-intro"]
body = "Up to 32 vCPUs. See [the intro](entry:art-intro)."
"""

ARTICLE_MD = """\
+++
id = "art-intro"
title = "Introduction"
section = "intro"
+++
A test release.
"""


def make_release(root: Path, *, release: str = RELEASE_TOML, limits: str | None = LIMITS_TOML,
                 article: str | None = ARTICLE_MD, extra: dict[str, str] | None = None) -> Path:
    """Write a small valid release folder (or a broken one, given broken texts)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "release.toml").write_text(textwrap.dedent(release), encoding="utf-8")
    if limits is not None:
        (root / "limits.toml").write_text(limits, encoding="utf-8")
    if article is not None:
        (root / "articles").mkdir(exist_ok=True)
        (root / "articles" / "art-intro.md").write_text(article, encoding="utf-8")
    for name, text in (extra or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    return root
