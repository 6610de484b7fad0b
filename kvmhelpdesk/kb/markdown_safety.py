"""Markdown from content packs rendered as data, never as markup of its own.

Packs come from outside the project, and the entry view is a QTextBrowser that loads images
and follows links: a body holding `<script>`, `<img src="/any/path">`, `<iframe>`, an
`onclick` or a `javascript:`/`file:`/`data:` link must show as text and open nothing.

`DataOnlyMarkdown` (a Python-Markdown extension) therefore
- turns raw HTML off (the `html_block` preprocessor and the `html` inline pattern): the
  serializer then escapes it, so `<script>` is shown as the text `<script>`;
- keeps links only to `entry:ID` and plain http(s) addresses (the app never opens those: it
  shows where they point); any other link becomes its text;
- replaces every image by its alt text: a pack ships no images, and an image is a file read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ENTRY_HREF = re.compile(r"^entry:[a-z0-9][a-z0-9.+_-]*$")


def allowed_href(href: str) -> bool:
    """`entry:ID`, or an http(s) address with a host; nothing else (no file:, javascript:,
    data:, mailto:, relative paths)."""
    href = href.strip()
    if ENTRY_HREF.match(href):
        return True
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class _LinksAndImages(Treeprocessor):
    """Links to anything but entries and web pages lose their href; images become text."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                href = element.get("href", "")
                element.attrib.clear()
                if allowed_href(href):
                    element.set("href", href.strip())
                else:
                    element.tag = "span"
            elif element.tag == "img":
                alt = element.get("alt", "")
                element.attrib.clear()
                element.tag = "span"
                element.text = f"[image: {alt}]" if alt else "[image]"


class DataOnlyMarkdown(Extension):
    """See the module docstring: raw HTML escaped, links restricted, images as text."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # After 'inline' (which builds the links and images), before serializing.
        md.treeprocessors.register(_LinksAndImages(md), "data_only_links", 15)
