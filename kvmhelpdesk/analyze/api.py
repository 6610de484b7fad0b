"""The analyzer's front door for the CLI and the GUI import page.

Each function takes what a customer pasted and returns an Analysis (case-file fragments, the
option-by-option account and the findings the analyzer states itself), or raises AnalyzeError
with a one-line message. Nothing else is raised for any input.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from typing import Any

from kvmhelpdesk.analyze.classify import Classifier
from kvmhelpdesk.analyze.cmdline import analyze_cmdline_text
from kvmhelpdesk.analyze.libvirt_xml import analyze_xml_text
from kvmhelpdesk.analyze.model import Analysis, AnalyzeError
from kvmhelpdesk.analyze.monitor import analyze_monitor_text
from kvmhelpdesk.analyze.textin import decode_text, decode_xml
from kvmhelpdesk.kb import ContentError, KnowledgeBase
from kvmhelpdesk.safetext import valid_text


def _text(text: str | bytes, xml: bool = False) -> str:
    """Valid Unicode text from what was pasted (str) or read from a file (bytes, decoded by
    its byte-order mark, UTF-16 pattern or XML declaration: see analyze.textin)."""
    if isinstance(text, bytes):
        return decode_xml(text) if xml else decode_text(text)
    if not isinstance(text, str):
        raise AnalyzeError(f"expected text, got {type(text).__name__}")
    if "\x00" in text[:400] and text[:400].count("\x00") > len(text[:400]) // 4:
        raise AnalyzeError("the text is full of NUL characters: it looks like UTF-16 read as "
                           "UTF-8 (give the file itself, or save it as UTF-8)")
    return valid_text(text)


def _classifier(kb: KnowledgeBase, release: str | None) -> Classifier:
    try:
        return Classifier(kb, release)
    except KeyError as exc:
        raise AnalyzeError(str(exc.args[0]) if exc.args else "unknown release") from None
    except ContentError as exc:
        raise AnalyzeError(str(exc)) from None


def analyze_qemu_cmdline(text: str | bytes, kb: KnowledgeBase,
                         release: str | None = None) -> Analysis:
    """A pasted command line (bare, `ps` line, libvirt log line; several are several guests)."""
    return analyze_cmdline_text(_text(text), _classifier(kb, release))


def analyze_libvirt_xml(text: str | bytes, kb: KnowledgeBase,
                        release: str | None = None) -> Analysis:
    """A `virsh dumpxml` (or several concatenated); hostile XML raises AnalyzeError."""
    return analyze_xml_text(_text(text, xml=True), _classifier(kb, release))


def analyze_monitor(text: str | bytes, kb: KnowledgeBase,
                    release: str | None = None) -> Analysis:
    """A monitor transcript or command list, as the commands of one guest."""
    return analyze_monitor_text(_text(text), _classifier(kb, release).index)


def probe_host(root: str | os.PathLike[str] = "/") -> dict[str, Any]:
    """The case file's `host` answers readable under `root` (see analyze.probe)."""
    from kvmhelpdesk.analyze import probe  # not on the path of `check` (platform module)

    return probe.probe_host(root)


def combine(configs: Iterable[Analysis], monitors: Iterable[Analysis] = ()) -> Analysis:
    """One analysis from several inputs of the same case.

    Monitor commands belong to the guest they were typed into: when the configurations
    describe exactly one guest, the transcripts' commands join it; otherwise each transcript
    stays a guest of its own.
    """
    result = Analysis()
    for part in configs:
        result.extend(part)
    for part in monitors:
        if len(result.guests) != 1:
            result.extend(part)
            continue
        guest = result.guests[0]
        scope = f"guest:{guest.get('name', 'guest1')}"
        for other in part.guests:
            guest.setdefault("monitor_commands", []).extend(other.get("monitor_commands", []))
        result.monitor += [dataclasses.replace(m, scope=scope) for m in part.monitor]
        result.findings += [dataclasses.replace(f, scope=scope) for f in part.findings]
        result.errors += part.errors
    return result
