"""Customer input (qemu command lines, libvirt XML, monitor transcripts, the host itself)
turned into case-file fragments and an option-by-option account (Qt-free)."""

from kvmhelpdesk.analyze.api import (
    analyze_libvirt_xml,
    analyze_monitor,
    analyze_qemu_cmdline,
    combine,
    probe_host,
)
from kvmhelpdesk.analyze.model import Analysis, AnalyzeError

__all__ = [
    "Analysis",
    "AnalyzeError",
    "analyze_libvirt_xml",
    "analyze_monitor",
    "analyze_qemu_cmdline",
    "combine",
    "probe_host",
]
