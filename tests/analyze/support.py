"""Helpers of the analyzer tests: the corpus and sample locations, a small hand-made release."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from kvmhelpdesk.analyze import Analysis, analyze_libvirt_xml, analyze_qemu_cmdline
from kvmhelpdesk.kb import Entry, KnowledgeBase, Release, Section
from kvmhelpdesk.triage.case import case_problems

# Real-world files written by others, beside the repository (optional: tests skip without it).
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
CORPUS_ABSENT = (f"{CORPUS} is absent: the real-world corpus is third-party test data kept "
                 "beside the repository, not part of the project; tests/analyze/test_samples.py "
                 "covers the same analyzer paths")
# The project's own small samples (tests/analyze/test_samples.py).
SAMPLES = Path(__file__).resolve().parent / "samples"


def corpus_file(relative: str) -> Path:
    """A corpus file, or skip the test when the corpus (or the file) is not there."""
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"corpus file {relative} is not available")
    return path


def corpus_text(relative: str) -> str:
    return corpus_file(relative).read_text(encoding="utf-8", errors="replace")


def option(entry_id: str, name: str, status: str = "supported", **fields: Any) -> Entry:
    data = {"name": name, "names": (), "value_allowed": (), "value_refused": (),
            "params_allowed": {}, "params_refused": {}, "source_lines": ()}
    data.update(fields)
    return Entry(id=entry_id, kind="qemu-option", title=name, section="appendix-a",
                 release="fake", body="", status=status, source_text=f"{name} ...",
                 fields=data)


def monitor(entry_id: str, name: str, status: str = "supported", names: tuple = ()) -> Entry:
    return Entry(id=entry_id, kind="monitor-command", title=name, section="appendix-a",
                 release="fake", body="", status=status, source_text=f"{name} ...",
                 fields={"name": name, "names": names, "source_lines": ()})


def feature(entry_id: str, word: str, status: str, aliases: tuple = ()) -> Entry:
    return Entry(id=entry_id, kind="feature", title=word, section="features", release="fake",
                 body="", status=status, aliases=aliases,
                 fields={"group": "other", "feature": word, "source_heading": word})


def fake_kb(entries: Iterable[Entry]) -> KnowledgeBase:
    """A knowledge base of one release, 'fake', holding exactly `entries`."""
    release = Release(id="fake", title="Fake statement", product="Fake 1",
                      qemu_kvm_version="0.12", source="fake.txt", order=1,
                      sections=(Section("appendix-a", "Appendix A"),
                                Section("features", "Features")),
                      entries={e.id: e for e in entries})
    return KnowledgeBase([release])


def analyze_file_text(kb: KnowledgeBase, name: str, text: str) -> Analysis:
    """A file's text through the analyzer its name calls for (.xml: libvirt; else qemu)."""
    if name.endswith(".xml"):
        return analyze_libvirt_xml(text, kb)
    return analyze_qemu_cmdline(text, kb)


def statuses(analysis: Analysis) -> dict[str, str]:
    return {f"{o.option} {o.value}".strip(): o.status for o in analysis.options}


def only_guest(analysis: Analysis) -> dict[str, Any]:
    [guest] = analysis.guests
    return guest


def assert_valid_analysis(analysis: Analysis) -> None:
    """What every analyzed file must give: a valid case (or the refused domain type), and
    options judged with a known status in a guest's scope."""
    case = {"format": "kvmhelpdesk-case", "version": 1, "host": analysis.host,
            "guests": analysis.guests}
    assert case_problems(case) == []
    assert analysis.guests or any(f.rule == "domain-type" for f in analysis.findings)
    assert all(o.status in ("supported", "unsupported", "unlisted") for o in analysis.options)
    assert all(o.scope.startswith("guest:") for o in analysis.options)
