"""Customer input (qemu command lines, libvirt XML, monitor transcripts, the host itself)
turned into case-file fragments and an option-by-option account (Qt-free).

Names load on first use (PEP 562): the support-bundle reader imports `analyze.hostfacts`
without the command-line, XML and monitor analyzers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kvmhelpdesk.lazyload import lazy_exports

if TYPE_CHECKING:
    from kvmhelpdesk.analyze.api import (
        analyze_libvirt_xml,
        analyze_monitor,
        analyze_qemu_cmdline,
        combine,
        probe_host,
    )
    from kvmhelpdesk.analyze.model import Analysis, AnalyzeError

_EXPORTS: dict[str, str] = {
    **dict.fromkeys(("analyze_libvirt_xml", "analyze_monitor", "analyze_qemu_cmdline",
                     "combine", "probe_host"), "api"),
    "Analysis": "model",
    "AnalyzeError": "model",
}

__all__ = [
    "Analysis",
    "AnalyzeError",
    "analyze_libvirt_xml",
    "analyze_monitor",
    "analyze_qemu_cmdline",
    "combine",
    "probe_host",
]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
