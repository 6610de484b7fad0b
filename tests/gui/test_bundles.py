"""Support bundles in the app: File > Open support bundle, drops, the progress bar and its
Cancel, the event loop turning during a read, and the wizard filled with marked answers."""

from __future__ import annotations

import json
import tempfile
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from kvmhelpdesk.bundle import read_bundle
from kvmhelpdesk.gui.file_open import open_paths
from kvmhelpdesk.gui.wizard.pages.guests import GuestsPage
from kvmhelpdesk.gui.wizard.pages.host import HostPage
from kvmhelpdesk.gui.wizard.wizard import GUESTS, HOST, VERDICT
from kvmhelpdesk.openable import is_support_bundle
from tests.gui.test_open_files import drop_on
from tests.helpers.supportconfig import standard_bundle

NAMES = ["sles11-web", "w2k8-db", "sles10-app", "winxp-desk"]


@pytest.fixture
def archive(tmp_path: Path) -> str:
    return str(standard_bundle().write_tar(tmp_path))


def opened(qtbot, window, path: str):
    """Open a bundle as File > Open support bundle does; the wizard once it is read."""
    assert window.bundles.open(path)
    qtbot.waitUntil(lambda: window.cases.active, timeout=20000)
    return window.cases.wizard


def gate(window, outcome: list | None = None) -> tuple[threading.Event, threading.Event]:
    """Hold the worker before it reads: (started, release); `outcome` gets what the real
    reader raised (or "read")."""
    started, release = threading.Event(), threading.Event()

    def held(path, progress=None, cancelled=None):
        started.set()
        assert release.wait(20), "the test never released the reader"
        try:
            bundle = read_bundle(path, progress=progress, cancelled=cancelled)
        except Exception as exc:
            if outcome is not None:
                outcome.append(type(exc).__name__)
            raise
        if outcome is not None:
            outcome.append("read")
        return bundle

    window.bundles.reader.read_bundle = held
    return started, release


# -- opening ------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["tbz", "txz", "tgz", "folder"])
def test_a_bundle_opens_the_wizard_filled_on_its_verdict(qtbot, window, dialogs, tmp_path,
                                                         kind: str) -> None:
    builder = standard_bundle()
    path = str(builder.write_folder(tmp_path) if kind == "folder" else builder.write_tar(
        tmp_path, {"tbz": "bz2", "txz": "xz", "tgz": "gz"}[kind], suffix=f".{kind}"))
    assert is_support_bundle(path)
    wizard = opened(qtbot, window, path)
    assert wizard.currentId() == VERDICT  # the verdict is there at once; Back shows the pages
    assert [g["name"] for g in wizard.case["guests"]] == NAMES
    assert wizard.case["source"]["kind"] == "supportconfig" and wizard.case["evidence"]
    assert not window.bundles.bar.isVisible()


def test_the_menu_action_asks_for_a_bundle(qtbot, window, dialogs, archive, monkeypatch) -> None:
    import kvmhelpdesk.gui.bundles as bundles

    monkeypatch.setattr(bundles, "choose_bundle", lambda _parent, _folder: archive)
    window.ui.actionOpenSupportBundle.trigger()
    qtbot.waitUntil(lambda: window.cases.active, timeout=20000)
    assert len(window.cases.wizard.case["guests"]) == 4


def test_a_file_chosen_inside_an_unpacked_folder_means_the_folder(tmp_path) -> None:
    from kvmhelpdesk.gui.bundles import bundle_path

    folder = standard_bundle().write_folder(tmp_path)
    assert bundle_path(str(folder / "kvm.txt")) == str(folder)
    assert bundle_path(str(tmp_path / "x.tbz")) == str(tmp_path / "x.tbz")


def test_an_archive_dropped_on_the_main_window_opens(qtbot, window, dialogs, archive) -> None:
    assert drop_on(window, [archive]) == (True, True)
    qtbot.waitUntil(lambda: window.cases.active, timeout=20000)
    assert [g["name"] for g in window.cases.wizard.case["guests"]] == NAMES


def test_an_archive_dropped_on_the_import_page_joins_the_case(qtbot, wizard, archive) -> None:
    from kvmhelpdesk.gui.wizard.import_page import ImportPage

    wizard.start_import()
    page = wizard.page_of(ImportPage)
    assert drop_on(page, [archive]) == (True, True)
    qtbot.waitUntil(lambda: wizard.currentId() == VERDICT, timeout=20000)
    assert [g["name"] for g in wizard.case["guests"]] == NAMES
    assert wizard.case["host"]["os"] == "SLES 11 SP1"


def test_a_bad_archive_is_one_line_and_no_case(qtbot, window, dialogs, tmp_path) -> None:
    bad = tmp_path / "nts_host01_260101_1200.tbz"
    bad.write_bytes(b"BZh9 this is not bzip2 at all")
    open_paths(window, [str(bad)])
    bar = window.bundles.bar
    qtbot.waitUntil(lambda: bar.message.startswith("Not opened"), timeout=20000)
    assert "\n" not in bar.message and "Traceback" not in bar.message
    assert "nts_host01_260101_1200.tbz" in bar.message
    assert not bar.progress.isVisible() and not bar.cancel.isVisible()
    assert not window.cases.active and not dialogs.shown
    bar.close_button.click()
    assert not bar.isVisible()


# -- off the GUI thread ------------------------------------------------------------------------
def test_the_event_loop_turns_while_a_bundle_is_read(qtbot, window, dialogs, archive) -> None:
    """The worker cannot finish until the GUI thread has run 20 timer ticks: if reading
    blocked the event loop, the ticks (and so the read) would never come."""
    ticks: list[int] = []
    enough = threading.Event()
    held = window.bundles.reader.read_bundle

    def read(path, progress=None, cancelled=None):
        assert enough.wait(20), "the GUI thread stopped turning"
        return held(path, progress=progress, cancelled=cancelled)

    window.bundles.reader.read_bundle = read
    timer = QTimer()
    timer.setInterval(1)

    def tick() -> None:
        ticks.append(1)
        if len(ticks) >= 20:
            enough.set()

    timer.timeout.connect(tick)
    timer.start()
    window.bundles.open(archive)
    assert window.bundles.bar.progress.isVisible() and window.bundles.bar.cancel.isVisible()
    qtbot.waitUntil(lambda: window.cases.active, timeout=20000)
    timer.stop()
    assert len(ticks) >= 20 and window.bundles.bar.progress.value() > 0


def test_cancel_stops_the_read_and_leaves_nothing(qtbot, window, dialogs, archive, tmp_path,
                                                   monkeypatch) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    outcome: list[str] = []
    started, release = gate(window, outcome)
    reader = window.bundles.reader
    failures: list[str] = []
    reader.failed.connect(failures.append)
    window.bundles.open(archive)
    assert started.wait(20)
    window.bundles.bar.cancel.click()
    assert not window.bundles.bar.isVisible() and not reader.busy
    release.set()
    assert reader.wait(20000)  # the worker ended, no case came of it
    assert outcome == ["BundleCancelled"]  # the reader itself stopped, at its first chunk
    qtbot.wait(50)  # let a late answer arrive, if one were (wrongly) delivered
    assert not window.cases.active and not failures
    assert list(private_tmp.iterdir()) == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_second_bundle_replaces_the_first(qtbot, window, dialogs, tmp_path) -> None:
    first = standard_bundle().write_tar(tmp_path / "a")
    second = standard_bundle(domains=[]).write_folder(tmp_path / "b")
    started, release = gate(window)
    window.bundles.open(str(first))
    assert started.wait(20)
    window.bundles.reader.read_bundle = read_bundle
    window.bundles.open(str(second))
    release.set()
    qtbot.waitUntil(lambda: window.cases.active, timeout=20000)
    assert window.bundles.reader.wait(20000)
    qtbot.wait(50)
    assert window.cases.wizard.case["guests"] == []


# -- marks, edits, renumbering, saving -----------------------------------------------------------
def test_bundle_answers_are_marked_with_their_source(qtbot, window, dialogs, archive) -> None:
    wizard = opened(qtbot, window, archive)
    wizard.go_to(HOST)
    page = wizard.page_of(HostPage)
    cores = page.ui.coresEdit
    assert cores in page.marks.marked()
    assert "hardware.txt line" in cores.toolTip() and "/proc/cpuinfo" in cores.toolTip()
    assert any(not a.icon().isNull() for a in cores.actions())
    wizard.go_to(GUESTS)
    table = wizard.page_of(GuestsPage).ui.guestTable
    assert table.rowCount() == 4
    assert "Read from the support bundle" in table.item(0, 3).toolTip()  # vCPUs
    assert not table.item(0, 3).icon().isNull()


def test_editing_a_marked_answer_drops_its_evidence(qtbot, window, dialogs, archive) -> None:
    from tests.helpers.wizard import type_into

    wizard = opened(qtbot, window, archive)
    assert "host.cpu_cores" in wizard.case["evidence"]
    wizard.go_to(HOST)
    page = wizard.page_of(HostPage)
    type_into(qtbot, page.ui.coresEdit, "12")
    qtbot.waitUntil(lambda: "host.cpu_cores" not in wizard.case.get("evidence", {}))
    page.refresh()
    assert page.ui.coresEdit not in page.marks.marked()
    assert "hardware.txt" not in page.ui.coresEdit.toolTip()
    assert "host.arch" in wizard.case["evidence"]  # the others keep theirs


def test_removing_a_guest_renumbers_the_evidence_after_it(qtbot, window, dialogs,
                                                          archive) -> None:
    wizard = opened(qtbot, window, archive)
    before = dict(wizard.case["evidence"])
    third = {p[len("guests[2]"):]: e for p, e in before.items() if p.startswith("guests[2]")}
    assert third
    wizard.go_to(GUESTS)
    wizard.page_of(GuestsPage).remove_guest(1)
    evidence = wizard.case["evidence"]
    assert [g["name"] for g in wizard.case["guests"]] == ["sles11-web", "sles10-app",
                                                          "winxp-desk"]
    moved = {p[len("guests[1]"):]: e for p, e in evidence.items() if p.startswith("guests[1]")}
    assert moved == third  # guests[2] -> guests[1], entries unchanged
    assert "sles10-app" in evidence["guests[1].name"]["excerpt"]
    assert not any(p.startswith("guests[3]") for p in evidence)
    assert before["guests[3].name"] == evidence["guests[2].name"]


def test_saving_writes_evidence_and_source(qtbot, window, dialogs, archive, tmp_path) -> None:
    wizard = opened(qtbot, window, archive)
    target = tmp_path / "host.kvmcase"
    assert window.cases.save_case_as(str(target))
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["version"] == 2
    assert saved["source"]["kind"] == "supportconfig"
    assert saved["evidence"] == wizard.case["evidence"]
    assert saved["evidence"]["host.cpu_cores"]["file"] == "hardware.txt"


def test_the_guest_editor_marks_and_drops_like_the_pages(qtbot, window, dialogs,
                                                         archive) -> None:
    from tests.helpers.wizard import press_ok, type_into

    wizard = opened(qtbot, window, archive)
    wizard.go_to(GUESTS)
    editor = wizard.page_of(GuestsPage).edit_guest(0)
    assert editor is not None
    assert editor.ui.vcpusEdit in editor.marks.marked()
    assert "kvm.txt line" in editor.ui.vcpusEdit.toolTip() or ".xml" in (
        editor.ui.vcpusEdit.toolTip())
    type_into(qtbot, editor.ui.vcpusEdit, "3")
    assert editor.ui.vcpusEdit not in editor.marks.marked()  # the mark goes as you type
    assert editor.ui.memoryEdit in editor.marks.marked()
    press_ok(editor)
    evidence = wizard.case["evidence"]
    assert "guests[0].vcpus" not in evidence and "guests[0].memory_mb" in evidence
    assert wizard.case["guests"][0]["vcpus"] == 3


def test_an_unpacked_folder_dropped_on_the_window_opens(qtbot, window, dialogs,
                                                        tmp_path) -> None:
    folder = standard_bundle().write_folder(tmp_path)
    assert drop_on(window, [str(folder)]) == (True, True)
    qtbot.waitUntil(lambda: window.cases.active, timeout=20000)
    assert window.cases.wizard.case["source"]["kind"] == "supportconfig"


def test_closing_the_wizard_cancels_its_import_page_reading(qtbot, wizard, archive) -> None:
    from kvmhelpdesk.gui.wizard.import_page import ImportPage

    wizard.start_import()
    page = wizard.page_of(ImportPage)
    started, release = threading.Event(), threading.Event()

    def held(path, progress=None, cancelled=None):
        started.set()
        release.wait(20)
        return read_bundle(path, progress=progress, cancelled=cancelled)

    page.bundles.read_bundle = held
    page.read_bundle(archive)
    assert started.wait(20) and page.bundle_bar.progress.isVisible()
    wizard.close_now()
    release.set()
    assert page.bundles.wait(20000)
    qtbot.wait(50)
    assert not page.bundles.busy and wizard.case.get("guests") in (None, [])


def test_the_verdict_is_kept_until_the_case_changes(qtbot, window, dialogs, archive) -> None:
    wizard = opened(qtbot, window, archive)
    first = wizard.verdict()
    assert wizard.verdict() is first  # four pages refresh on opening: one check
    wizard.case["guests"][0]["vcpus"] = 3
    assert wizard.verdict() is not first


def test_the_check_made_while_reading_is_the_verdict_shown(qtbot, window, dialogs, archive,
                                                          monkeypatch) -> None:
    """The reading thread also checks the case (CheckedBundle): the wizard opens on that
    check instead of judging every guest again on the GUI thread, and shows the same verdict
    as a check of its own would."""
    import kvmhelpdesk.gui.wizard.wizard as wizard_module
    from kvmhelpdesk.gui.bundles import CheckedBundle
    from kvmhelpdesk.triage import check

    on_gui_thread = []
    monkeypatch.setattr(wizard_module, "check",
                        lambda *args, **kw: on_gui_thread.append(1) or check(*args, **kw))
    calls = []
    window.bundles.reader.read.connect(lambda built: calls.append(built))
    wizard = opened(qtbot, window, archive)
    assert not on_gui_thread
    assert isinstance(calls[0], CheckedBundle) and calls[0].checked is None  # taken, once
    shown = wizard.verdict()
    again = check(wizard.case, window.kb)
    for analysis, _snapshot in wizard.imports:
        again.add(list(analysis.findings), list(analysis.options))
    assert shown.to_dict() == again.to_dict()


def test_a_primed_check_of_another_case_is_not_used(qtbot, window, dialogs, archive) -> None:
    from kvmhelpdesk.triage import check
    from kvmhelpdesk.triage.plaindata import case_key

    wizard = opened(qtbot, window, archive)
    stale = check(wizard.case, window.kb)
    wizard.case["guests"][0]["vcpus"] = 17  # over the limit of 16: a different verdict
    wizard.prime(case_key({"title": "another case"}), stale)
    fresh = wizard.verdict()
    assert fresh is not stale and fresh.to_dict() != stale.to_dict()
    assert wizard._primed is None  # used (or refused) once, then dropped


def test_a_bundle_given_at_launch_is_read_before_the_search_index_opens(
        qtbot, settings, dialogs, archive) -> None:
    """`kvmhelpdesk nts_x.tbz` (a double-click on the archive): the bundle is read first, the
    search index opens once its verdict is shown (both want the CPU; the verdict is what the
    engineer waits for). Search still comes up, and works."""
    from kvmhelpdesk.gui.app import create_window

    win = create_window(settings=settings)
    qtbot.addWidget(win)
    started, release = gate(win)
    win.show()
    open_paths(win, [archive])  # as run() does, before the first paint
    assert started.wait(20)
    qtbot.waitUntil(lambda: win._after_paint_done)
    qtbot.wait(50)
    assert win.search.engine is None and win.search._opener is None  # not even started
    release.set()
    qtbot.waitUntil(lambda: win.cases.active, timeout=20000)
    qtbot.waitUntil(lambda: win.search.engine is not None, timeout=20000)
    win.search.field.setText("hot add cpu")
    qtbot.waitUntil(lambda: win.search.model.rowCount() > 0, timeout=20000)


def test_when_idle_runs_at_once_or_after_a_failed_read(qtbot, window, dialogs,
                                                       tmp_path) -> None:
    ran: list[str] = []
    window.bundles.when_idle(lambda: ran.append("idle"))
    assert ran == ["idle"]
    not_bundle = tmp_path / "nts_x.tbz"
    not_bundle.write_bytes(b"not bzip2 at all")
    window.bundles.open(str(not_bundle))
    window.bundles.when_idle(lambda: ran.append("after"))
    qtbot.waitUntil(lambda: ran == ["idle", "after"], timeout=20000)
    assert window.bundles.bar.message.startswith("Not opened")


def test_the_wizard_is_built_hidden_while_the_bundle_is_read(qtbot, window, dialogs,
                                                             archive) -> None:
    started, release = gate(window)
    assert window.bundles.open(archive)
    assert started.wait(20)
    qtbot.waitUntil(lambda: window._cases is not None and window.cases.wizard is not None)
    assert not window.cases.wizard.isVisible() and not window.cases.active
    release.set()
    qtbot.waitUntil(lambda: window.cases.active, timeout=20000)
    assert window.cases.wizard.isVisible()
