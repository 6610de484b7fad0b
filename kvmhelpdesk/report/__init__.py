"""Reports of a verdict: plain text, Markdown ticket note, HTML (the GUI prints PDF from it),
and the JSON document. Qt-free."""

from __future__ import annotations

import json

from kvmhelpdesk.report.html import render_html
from kvmhelpdesk.report.markdown import render_markdown
from kvmhelpdesk.report.text import render_text
from kvmhelpdesk.triage.verdict import Verdict

FORMATS: tuple[str, ...] = ("text", "markdown", "html", "json")


def render_json(verdict: Verdict) -> str:
    return json.dumps(verdict.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render(verdict: Verdict, fmt: str = "text") -> str:
    """The verdict as `fmt`: text, markdown, html or json."""
    renderers = {"text": render_text, "markdown": render_markdown, "html": render_html,
                 "json": render_json}
    try:
        return renderers[fmt](verdict)
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r} (use: {', '.join(FORMATS)})") from None


__all__ = ["FORMATS", "render", "render_html", "render_json", "render_markdown", "render_text"]
