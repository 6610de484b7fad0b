"""The contents tree: the statement's sections in order, entries grouped by kind inside.

An entry with a status shows its status icon (tick, cross, ...), so unsupported CPU hotplug
does not look like supported KSM; the word is in its tooltip and its accessible text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel

from kvmhelpdesk.gui.icons import icon, kind_icon, status_icon
from kvmhelpdesk.kb import (
    KIND_LABELS,
    KIND_NAMES,
    KINDS,
    STATUS_LABELS,
    Entry,
    KnowledgeBase,
    Release,
)

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1  # (release id, entry id) on entry items
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # "release/entry id": a plain string Qt can match on


def build_contents_model(kb: KnowledgeBase) -> QStandardItemModel:
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["Contents"])
    releases = list(kb.releases.values())
    for release in reversed(releases):  # newest first
        parent = model.invisibleRootItem()
        if len(releases) > 1:
            top = _folder(f"{release.product} ({release.id})", "section")
            parent.appendRow(top)
            parent = top
        _add_release(parent, release)
    return model


def _folder(text: str, icon_name: str) -> QStandardItem:
    item = QStandardItem(icon(icon_name), text)
    item.setEditable(False)
    return item


def _add_release(parent: QStandardItem, release: Release) -> None:
    for section in release.sections:
        entries = [e for e in release.entries.values() if e.section == section.id]
        if not entries:
            continue
        section_item = _folder(section.heading, "section")
        section_item.setToolTip(section.heading)
        kinds = [k for k in KINDS if any(e.kind == k for e in entries)]
        for kind in kinds:
            of_kind = [e for e in entries if e.kind == kind]
            target = section_item
            if len(kinds) > 1:
                target = QStandardItem(kind_icon(kind), f"{KIND_LABELS[kind]} ({len(of_kind)})")
                target.setEditable(False)
                section_item.appendRow(target)
            for entry in of_kind:
                item = QStandardItem(entry_icon(entry), entry.title)
                item.setEditable(False)
                item.setData((release.id, entry.id), PLACE_ROLE)
                item.setData(f"{release.id}/{entry.id}", KEY_ROLE)
                word = entry_status_word(entry)
                item.setToolTip(f"{entry.title} — {word} [{entry.id}]")
                item.setData(f"{entry.title}, {word}", Qt.ItemDataRole.AccessibleTextRole)
                target.appendRow(item)
        parent.appendRow(section_item)


def entry_icon(entry: Entry) -> QIcon:
    """The status icon where the entry has a status, else its kind's icon."""
    return status_icon(entry.status) if entry.status else kind_icon(entry.kind)


def entry_status_word(entry: Entry) -> str:
    """"Unsupported", or the kind ("Article") for an entry without a status."""
    if entry.status:
        return STATUS_LABELS.get(entry.status, entry.status)
    return KIND_NAMES.get(entry.kind, entry.kind)


def find_entry_index(model: QStandardItemModel, release: str, entry_id: str) -> QModelIndex:
    """The tree index of an entry, or an invalid index."""
    matches = model.match(model.index(0, 0), KEY_ROLE, f"{release}/{entry_id}", 1,
                          Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    return matches[0] if matches else QModelIndex()
