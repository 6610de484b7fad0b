"""Helpers of the search tests: a tiny hand-made knowledge base (fast to index)."""

from __future__ import annotations

from kvmhelpdesk.kb import Entry, KnowledgeBase, Release, Section, SynonymGroup


def tiny_kb(version: str = "1") -> KnowledgeBase:
    """Three entries and a thesaurus; `version` changes the content (and so the index key)."""
    entries = [
        Entry(id="feat-cpu-hotplug", kind="feature", title="CPU hotplug", section="features",
              release="tiny", status="unsupported", aliases=("cpu_set",),
              body=f"Hot-adding vCPUs is not supported. Revision {version}."),
        Entry(id="mon-savevm", kind="monitor-command", title="savevm (save a snapshot)",
              section="appendix-a", release="tiny", status="unsupported",
              body="Internal snapshots are not supported.",
              fields={"name": "savevm", "names": ()}),
        Entry(id="opt-drive", kind="qemu-option", title="-drive (guest disk)",
              section="appendix-a", release="tiny", status="supported",
              body="Only format=raw images are supported; qcow2 is not.",
              fields={"name": "-drive", "names": (), "value_allowed": (), "value_refused": (),
                      "params_allowed": {"format": ("raw",)}, "params_refused": {}}),
    ]
    release = Release(
        id="tiny", title="Tiny statement", product="Tiny 1", qemu_kvm_version="0.12",
        source="tiny.txt", order=1,
        sections=(Section("appendix-a", "Appendix A"), Section("features", "Features")),
        entries={e.id: e for e in entries},
        thesaurus=(SynonymGroup(("Hotplug cpu", "hot add cpu"), ("feat-cpu-hotplug",)),),
    )
    return KnowledgeBase([release])
