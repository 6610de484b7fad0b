"""The dialog for one guest: every guest question, checked by the core as it is answered.

The OS line says at once which row of the guest table it falls under ("Matches Win 2K8+ — Best
effort"), the vCPU and RAM fields carry the limit finding beside them (17 vCPUs is marked with
the limit it breaks), and the list below shows everything check_guest says about the guest.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QDialog, QListWidgetItem, QWidget

from kvmhelpdesk.gui.forms.ui_guest_editor import Ui_GuestEditor
from kvmhelpdesk.gui.icons import icon
from kvmhelpdesk.gui.wizard.answers import (
    MISSING,
    YES_NO,
    Answer,
    ChoiceAnswer,
    IntAnswer,
    LinesAnswer,
    MemoryAnswer,
    SetAnswer,
    TextAnswer,
    connect_all,
    load_answers,
    memory_reading,
    store_answers,
)
from kvmhelpdesk.gui.wizard.feedback import (
    ENTRY_ROLE,
    badge_html,
    entry_link,
    fill_findings,
    show_mark,
    status_word,
)
from kvmhelpdesk.gui.wizard.source_marks import SourceMarks, mark_item
from kvmhelpdesk.gui.wizard.tables import Column, RecordTable
from kvmhelpdesk.kb import KnowledgeBase
from kvmhelpdesk.safetext import shown
from kvmhelpdesk.triage import CaseError, Finding, check_guest, match_os
from kvmhelpdesk.triage.lookup import lookup
from kvmhelpdesk.triage.paths import get_path

# Values engineers meet besides the ones the statement names (offered, never judged here).
COMMON_BUSES = ("ide", "virtio", "scsi", "floppy")
COMMON_FORMATS = ("raw", "qcow2", "qcow", "vmdk", "vpc", "qed")
STORAGE_KINDS = ("file", "lvm", "partition", "disk", "iscsi", "nfs")
COMMON_NIC_MODELS = ("virtio", "rtl8139", "e1000", "ne2k_pci", "pcnet", "i82551")
CLOCKS = (("kvm-clock", "kvm-clock"), ("pmtmr (ACPI PM timer)", "pmtmr"), ("tsc", "tsc"),
          ("Other", "other"))
# Which rules' findings are marked beside which field (the rest go to the list below).
FIELD_RULES = {"vcpus": "limits.guest-vcpus", "memory_mb": "limits.guest-ram"}


def _choices(*groups: tuple[str, ...] | list[str]) -> tuple[tuple[str, str], ...]:
    seen = dict.fromkeys(v for group in groups for v in group)
    return tuple((v, v) for v in seen)


def os_names(kb: KnowledgeBase, release: str | None) -> list[str]:
    """Completer words: each guest row's label as printed, its title words and aliases."""
    names: list[str] = []
    for entry in kb.entries(release, kind="guest-os"):
        names += [entry.source_text, *entry.aliases]
    return sorted(dict.fromkeys(n for n in names if n), key=str.lower)


class GuestEditor(QDialog):
    """Edits a copy of one guest dict; `guest()` gives the answers back in case-file form."""

    def __init__(self, kb: KnowledgeBase, release: str | None, guest: dict[str, Any],
                 host: dict[str, Any] | None = None, parent: QWidget | None = None,
                 sources: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        super().__init__(parent)
        self.kb, self.release, self.host = kb, release, dict(host or {})
        self._original = dict(guest)
        # Where this guest's answers were read (a support bundle), by path within the guest.
        self.sources = dict(sources or {})
        self.marks = SourceMarks()
        self.findings: list[Finding] = []
        self.ui = Ui_GuestEditor()
        self.ui.setupUi(self)
        self.setWindowIcon(icon("kind-guest-os"))
        self._setup_answers()
        self._setup_tables()
        completer = QCompleter(QStringListModel(os_names(kb, release), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ui.osEdit.setCompleter(completer)
        self.ui.osFeedback.linkActivated.connect(self._open_link)
        self.ui.feedbackList.itemDoubleClicked.connect(self._open_item)
        self.ui.liveMigrationCheck.toggled.connect(self._sync_enabled)
        self.open_entry = None  # set by the guests page: callable(entry_id)
        load_answers(self.answers, guest)
        load_answers(self.migration, guest.get("migration"))
        self.disks.load(guest.get("disks"))
        self.nics.load(guest.get("nics"))
        self._sync_enabled()
        self.refresh()

    # -- set-up ------------------------------------------------------------------------------
    def _setup_answers(self) -> None:
        ui, kb = self.ui, self.kb
        created = []
        for release in reversed(kb.releases.values()):
            created += [(f"{release.product}", release.id),
                        (f"Before {release.product}", f"pre-{release.id}")]
        vga = lookup(kb, self.release).option("-vga")
        video = [*(vga.fields.get("value_allowed", ()) if vga else ()),
                 *(vga.fields.get("value_refused", ()) if vga else ())]
        self.answers: list[Answer] = [
            TextAnswer("name", ui.nameEdit),
            TextAnswer("os", ui.osEdit),
            ChoiceAnswer("bits", ui.bitsCombo, (("32-bit", 32), ("64-bit", 64))),
            IntAnswer("vcpus", ui.vcpusEdit),
            MemoryAnswer("memory_mb", ui.memoryEdit),
            ChoiceAnswer("created_with", ui.createdCombo, created),
            ChoiceAnswer("clock", ui.clockCombo, CLOCKS),
            ChoiceAnswer("ntp_in_guest", ui.ntpCombo, (("Runs", True), ("Does not run", False))),
            TextAnswer("boot_options", ui.bootEdit),
            ChoiceAnswer("video", ui.videoCombo, _choices(video, ("std", "cirrus", "vmware"))),
            SetAnswer("devices", {"sound": ui.soundCheck, "usb-host": ui.usbHostCheck,
                                  "pci-passthrough": ui.pciDeviceCheck,
                                  "tablet": ui.tabletCheck, "mouse": ui.mouseCheck},
                      ui.otherDevicesEdit),
            SetAnswer("features", {"live-migration": ui.liveMigrationCheck,
                                   "pci-passthrough": ui.pciPassthroughCheck,
                                   "ballooning": ui.ballooningCheck, "ksm": ui.ksmCheck,
                                   "cpu-hotplug": ui.cpuHotplugCheck,
                                   "device-hotplug": ui.deviceHotplugCheck,
                                   "qemu-only": ui.qemuOnlyCheck}),
            ChoiceAnswer("balloon_driver", ui.balloonCombo, YES_NO),
            LinesAnswer("monitor_commands", ui.monitorEdit),
        ]
        self.migration: list[Answer] = [
            ChoiceAnswer("same_host_type", ui.sameHostTypeCombo, YES_NO),
            ChoiceAnswer("shared_storage", ui.sharedStorageCombo, YES_NO),
            ChoiceAnswer("timekeeping_controlled", ui.timekeepingCombo, YES_NO),
            ChoiceAnswer("compatible_definition", ui.compatibleCombo, YES_NO),
        ]
        connect_all([*self.answers, *self.migration], self.refresh)

    def _setup_tables(self) -> None:
        ui, look = self.ui, lookup(self.kb, self.release)
        buses = (*(look.params_allowed("-drive", "if") or ()),
                 *look.params_refused("-drive", "if"))
        formats = (*(look.params_allowed("-drive", "format") or ()),
                   *look.params_refused("-drive", "format"))
        models = look.params_allowed("-net", "model") or ()
        self.disks = RecordTable(ui.diskTable, (
            Column("bus", "Bus", _choices(buses, COMMON_BUSES),
                   tip="How the guest sees the disk (-drive if=…)"),
            Column("format", "Image format", _choices(formats, COMMON_FORMATS),
                   tip="-drive format=… (qemu-img info shows it)"),
            Column("storage", "Storage", _choices(STORAGE_KINDS),
                   tip="What holds the image: file, lvm, partition, disk, iscsi…"),
            Column("snapshot", "Snapshot mode", (("on", True), ("off", False)), free=False,
                   tip="-drive snapshot=on|off"),
        ))
        self.nics = RecordTable(ui.nicTable, (
            Column("model", "Model", _choices(models, COMMON_NIC_MODELS),
                   tip="-net nic,model=… or the libvirt <model type=…>"),
            Column("mac", "MAC address", tip="Empty when the NIC has no explicit MAC address"),
        ))
        for table in (self.disks, self.nics):
            table.changed.connect(self.refresh)
        ui.addDiskButton.clicked.connect(lambda: self._add(self.disks, ui.diskTable))
        ui.removeDiskButton.clicked.connect(self.disks.remove_selected)
        ui.addNicButton.clicked.connect(lambda: self._add(self.nics, ui.nicTable))
        ui.removeNicButton.clicked.connect(self.nics.remove_selected)

    def _add(self, table: RecordTable, view: Any) -> None:
        row = table.add_row()
        view.setCurrentCell(row, 0)
        view.editItem(view.item(row, 0))

    # -- answers -----------------------------------------------------------------------------
    def origins(self, key: str) -> list[int | None]:
        """For each row of the disks or NICs table, its index in the guest as loaded."""
        return (self.disks if key == "disks" else self.nics).origins()

    def guest(self) -> dict[str, Any]:
        """The guest in case-file form: unanswered keys left out, unknown values kept."""
        guest = store_answers(self.answers, self._original)
        migration = store_answers(self.migration, self._original.get("migration"))
        if migration or "migration" in self._original:
            guest["migration"] = migration
        for key, table in (("disks", self.disks), ("nics", self.nics)):
            records = table.records()
            if records or key in self._original:
                guest[key] = records
            else:
                guest.pop(key, None)
        return guest

    # -- live feedback -------------------------------------------------------------------------
    def refresh(self) -> None:
        guest = self.guest()
        name = guest.get("name") or "new guest"
        self.setWindowTitle(f"Guest: {shown(str(name))}")
        self._show_os(guest)
        if self.sources:
            self._show_sources(guest)
        try:
            self.findings = check_guest(guest, self.kb, self.release, self.host)
        except CaseError as exc:
            self.findings = []
            self.ui.feedbackList.clear()
            self.ui.feedbackList.addItem(f"This guest cannot be checked yet: {exc}")
            show_mark(self.ui.memoryEditMark, [], False)
            self._show_memory_reading()
            return
        marks = {"vcpus": self.ui.vcpusEditMark, "memory_mb": self.ui.memoryEditMark}
        for key, rule in FIELD_RULES.items():
            show_mark(marks[key], [f for f in self.findings if f.rule == rule], key in guest)
        self._show_memory_reading()
        fill_findings(self.ui.feedbackList, self.findings, self.kb, self.release)

    def _show_memory_reading(self) -> None:
        """Beside the memory field, before its finding: what was typed was read as (`8 GB`:
        8192 MB; `2048`: MB), or that it is not taken (`512K` is under 1 MB)."""
        note = memory_reading(self.ui.memoryEdit.text())
        if not note:
            return
        label = self.ui.memoryEditMark
        label.setTextFormat(Qt.TextFormat.RichText)  # escaped text, with or without a badge
        rest, tip = label.text(), label.toolTip()
        label.setText(html.escape(note) + (f" · {rest}" if rest else ""))
        label.setToolTip("\n".join(t for t in (note, tip) if t))
        label.setAccessibleDescription(
            "; ".join(t for t in (note, label.accessibleDescription() if rest else "") if t))

    def _show_sources(self, guest: dict[str, Any]) -> None:
        """Mark the answers still as read from the bundle (a changed one loses its mark)."""
        def kept(path: str, now: Any) -> Mapping[str, Any] | None:
            entry = self.sources.get(path)
            return entry if entry and now == get_path(self._original, path) else None

        pairs = []
        for answer in self.answers:
            if isinstance(answer, SetAnswer):
                loaded = self._original.get(answer.key) or []
                for number, word in enumerate(loaded):
                    box = answer.boxes.get(word) if isinstance(word, str) else None
                    if box is not None:
                        path = f"{answer.key}[{number}]"
                        pairs.append((box, self.sources.get(path) if box.isChecked() else None))
            else:
                pairs.append((answer.widgets()[0], kept(answer.key, guest.get(answer.key))))
        self.marks.show(pairs)
        for key, table in (("disks", self.disks), ("nics", self.nics)):
            records = table.records()
            for row, origin in enumerate(table.origins()):
                for column in table.columns:
                    path = f"{key}[{origin}].{column.key}"
                    now = records[row].get(column.key) if origin is not None else None
                    mark_item(table.item(row, column.key),
                              kept(path, now) if origin is not None else None, column.tip)

    def _show_os(self, guest: dict[str, Any]) -> None:
        text = guest.get("os")
        if not text:
            self.ui.osFeedback.setText("Type the OS as the customer names it; the guest OS "
                                       "table row it falls under is shown here.")
            return
        match = match_os(text, guest.get("bits"), self.kb, self.release)
        if match.entry is not None:
            row = match.entry.source_text or match.entry.title
            head = (f"{badge_html(match.status)} — matches "
                    f"{entry_link(match.entry.id, self.kb, self.release, row)}")
        else:
            head = badge_html(match.status)
        lines = [head, html.escape(match.message), *(html.escape(c) for c in match.confirm)]
        self.ui.osFeedback.setText("<br>".join(lines))
        self.ui.osFeedback.setAccessibleDescription(f"{status_word(match.status)}: "
                                                    f"{match.message}")

    def _sync_enabled(self) -> None:
        migrating = self.ui.liveMigrationCheck.isChecked()
        has_answers = any(a.value() is not MISSING for a in self.migration)
        self.ui.migrationGroup.setEnabled(migrating or has_answers)

    def _open_item(self, item: QListWidgetItem) -> None:
        if item.data(ENTRY_ROLE):
            self._open_link(f"entry:{item.data(ENTRY_ROLE)}")

    def _open_link(self, link: str) -> None:
        if link.startswith("entry:") and self.open_entry is not None:
            self.open_entry(link[len("entry:"):])
