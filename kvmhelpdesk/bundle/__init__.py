"""Support bundles: a customer's supportconfig archive (or its folder) -> a case to check.

Qt-free. Reading is safe by construction (see bundle.archive: nothing is extracted, every
hostile case is refused or skipped with a note naming its cap); the pieces found (host facts,
domain XML, logged command lines) keep the file and line they came from; analyze/ judges them.

Public API (the CLI uses it; the GUI will, from a worker thread):

    bundle = read_bundle(path, progress=None, cancelled=None)   # -> Bundle, or BundleError
    built = build_case(bundle, kb, release=None)                # -> BundleCase
    verdict = triage.check(built.case, kb)
    verdict.add(built.analysis.findings, built.analysis.options)

- `read_bundle` does all the I/O and decompression; it is pure (no global state, nothing
  written anywhere), so a QThread/QRunnable may call it. `progress(done, total)` is called
  on that thread about every 256 KiB of input (emit a signal from it; only done/total means
  anything), `cancelled()` at every chunk: return True (e.g. from a threading.Event set by a
  Cancel button) and it raises BundleCancelled (a BundleError) promptly, having kept and
  written nothing. Any unreadable input raises BundleError with a one-line message.
- `build_case` runs the analyzers over every domain (fast: milliseconds per domain); it may run
  on the same worker thread. `built.case` is a valid case (format v2) with `evidence`
  (answer path -> {file, line, section, excerpt, origin, derived}) and `source`; `built.notes` are
  one-line remarks to show; `merge_into(case, built)` adds a bundle to an existing case.
- `evidence_for(finding.basis, case["evidence"])` joins a finding's answer paths to their
  sources (it lives in triage.evidence, which the reports and the wizard share: they show
  where each finding's facts were read; re-exported here).

The names below load their module on first use (PEP 562), so `kvmhelpdesk.bundle.reader` can
start decompressing a bundle before the analyzers and rules that `build_case` needs are
imported (see cli.early_read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kvmhelpdesk.lazyload import lazy_exports

if TYPE_CHECKING:
    from kvmhelpdesk.bundle.archive import (
        MAX_MEMBER_BYTES,
        MAX_MEMBERS,
        MAX_TOTAL_BYTES,
        CancelFn,
        ProgressFn,
    )
    from kvmhelpdesk.bundle.build import BundleCase, build_case, merge_into
    from kvmhelpdesk.bundle.errors import BundleCancelled, BundleError
    from kvmhelpdesk.bundle.evidence import Evidence, evidence_for
    from kvmhelpdesk.bundle.reader import Bundle, read_bundle

_EXPORTS = {
    **dict.fromkeys(("MAX_MEMBER_BYTES", "MAX_MEMBERS", "MAX_TOTAL_BYTES", "CancelFn",
                     "ProgressFn"), "archive"),
    **dict.fromkeys(("BundleCase", "build_case", "merge_into"), "build"),
    **dict.fromkeys(("BundleCancelled", "BundleError"), "errors"),
    **dict.fromkeys(("Evidence", "evidence_for"), "evidence"),
    **dict.fromkeys(("Bundle", "read_bundle"), "reader"),
}

__all__ = [
    "MAX_MEMBERS",
    "MAX_MEMBER_BYTES",
    "MAX_TOTAL_BYTES",
    "Bundle",
    "BundleCancelled",
    "BundleCase",
    "BundleError",
    "CancelFn",
    "Evidence",
    "ProgressFn",
    "build_case",
    "evidence_for",
    "merge_into",
    "read_bundle",
]


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
