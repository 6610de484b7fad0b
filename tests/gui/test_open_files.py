"""Opening files in the app: a second launch hands them to the running window over a local
socket (two "instances" in this one process: the server and the client classes), a case file
dropped onto the window opens (support bundles: tests/gui/test_bundles.py)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget

from kvmhelpdesk.gui import single_instance
from kvmhelpdesk.gui.file_open import open_paths, receive
from kvmhelpdesk.gui.single_instance import InstanceServer, hand_over
from kvmhelpdesk.openable import is_support_bundle

CASE = {"format": "kvmhelpdesk-case", "version": 1, "title": "Ticket 99: handed over",
        "guests": [{"name": "web01", "os": "SLES 11 SP1", "vcpus": 2}]}


@pytest.fixture
def case_file(tmp_path: Path) -> str:
    path = tmp_path / "ticket99.kvmcase"
    path.write_text(json.dumps(CASE), encoding="utf-8")
    return str(path)


@pytest.fixture
def server(tmp_path: Path):
    running = InstanceServer(str(tmp_path / "instance.socket"))
    assert running.listen()
    yield running
    running.close()


# -- a second launch hands over -------------------------------------------------------------
def test_a_second_launch_hands_its_files_to_the_first(qtbot, server, case_file) -> None:
    with qtbot.waitSignal(server.request) as received:
        assert hand_over(server.name, [case_file], ["/packs/extra"])
    assert received.args == [[case_file], ["/packs/extra"]]


def test_relative_paths_arrive_absolute(qtbot, server, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with qtbot.waitSignal(server.request) as received:
        assert hand_over(server.name, ["ticket99.kvmcase"])
    assert received.args[0] == [str(tmp_path / "ticket99.kvmcase")]


def test_nobody_listening_means_start_a_new_app(tmp_path: Path) -> None:
    assert hand_over(str(tmp_path / "nobody.socket"), ["x.kvmcase"]) is False


def test_a_socket_left_by_a_crashed_app_is_replaced(qtbot, tmp_path: Path, case_file) -> None:
    stale = tmp_path / "crashed.socket"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(str(stale))  # bound, never listening, closed: what a crash leaves behind
    assert hand_over(str(stale), [case_file]) is False
    fresh = InstanceServer(str(stale))
    assert fresh.listen()
    with qtbot.waitSignal(fresh.request):
        assert hand_over(str(stale), [case_file])
    fresh.close()


def test_garbage_on_the_socket_is_ignored(qtbot, server, case_file) -> None:
    seen: list[list] = []
    server.request.connect(lambda files, packs: seen.append(files))
    for junk in (b"not json\n", b'{"files": "one"}\n', b"[1, 2]\n", b"\xff\xfe\n"):
        raw = QLocalSocket()
        raw.connectToServer(server.name)
        assert raw.waitForConnected(1000)
        raw.write(junk)
        raw.waitForBytesWritten(1000)
        raw.disconnectFromServer()
    with qtbot.waitSignal(server.request):
        hand_over(server.name, [case_file])
    assert seen == [[case_file]]


def test_server_name_is_per_user_and_display(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setenv("DISPLAY", ":85")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert single_instance.server_name() == str(tmp_path / "kvmhelpdesk-_85.socket")
    monkeypatch.setenv("DISPLAY", ":86")
    assert single_instance.server_name() != str(tmp_path / "kvmhelpdesk-_85.socket")
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    import os

    assert single_instance.server_name() == f"kvmhelpdesk-{os.getuid()}-_86"


# -- the running window opens what it is handed ------------------------------------------------
def test_the_window_opens_a_handed_over_case(qtbot, window, dialogs, server, case_file) -> None:
    server.request.connect(lambda files, packs: receive(window, files, packs))
    with qtbot.waitSignal(server.request):
        assert hand_over(server.name, [case_file])
    cases = window.cases
    assert cases.active and cases.path == case_file
    assert cases.wizard.case["title"] == "Ticket 99: handed over"
    assert dialogs.shown == []


def test_a_plain_json_case_still_opens(window, dialogs, tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(CASE), encoding="utf-8")
    open_paths(window, [str(path)])
    assert window.cases.active and window.cases.path == str(path)


def test_a_broken_file_is_a_message_and_no_case(window, dialogs, tmp_path: Path) -> None:
    path = tmp_path / "broken.kvmcase"
    path.write_text("{not json", encoding="utf-8")
    open_paths(window, [str(path)])
    assert not window.cases.active
    assert dialogs.shown and "not opened" in dialogs.shown[0][1]


@pytest.mark.parametrize("name, bundle", [
    ("nts_host_1.tbz", True), ("scc_host_1.txz", True), ("x.tar.xz", True),
    ("case.kvmcase", False), ("case.json", False), ("notes.txt", False)])
def test_what_counts_as_a_support_bundle(name: str, bundle: bool) -> None:
    assert is_support_bundle(name) is bundle


# -- drag and drop ------------------------------------------------------------------------------
def drop_on(widget, paths: list[str]) -> tuple[bool, bool]:
    """Drag `paths` over `widget` and drop them; (enter accepted, drop accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    where = QPointF(widget.rect().center())
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


@pytest.mark.parametrize("target", ["entryView", "searchField", "window"])
def test_a_case_file_dropped_anywhere_on_the_window_opens(qtbot, window, dialogs, case_file,
                                                         target: str) -> None:
    widget = window if target == "window" else window.findChild(QWidget, target)
    assert drop_on(widget, [case_file]) == (True, True)
    qtbot.waitUntil(lambda: window.cases.active)
    assert window.cases.path == case_file
    # The search field did not take the file's URL as text.
    assert window.findChild(QLineEdit, "searchField").text() == ""


def test_other_files_are_left_to_the_widget(qtbot, window, dialogs, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    drop_on(window, [str(notes)])
    qtbot.wait(10)
    assert not window.cases.active


# -- the whole start, in a process of its own ------------------------------------------------
def test_the_app_starts_with_a_file_and_stops_when_ready(case_file, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KVMHELPDESK_EXIT_WHEN_READY": "1",
           "XDG_RUNTIME_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "kvmhelpdesk", case_file],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ready: ")
    assert not list(tmp_path.glob("*.socket"))  # the instance socket is gone after exit


# -- a hand-over that shows a dialog (regression: SIGSEGV) ------------------------------------
class ModalAnswers:
    """Real modal QMessageBoxes (their own event loop, as a user sees them) answered once a
    condition holds: the first one hands a second file over and waits for its dialog, so the
    second dialog runs while the first hand-over's socket is closed and deleted."""

    def __init__(self, server: InstanceServer, second: str, answer) -> None:
        self.server, self.second, self.answer = server, second, answer
        self.shown: list[str] = []

    def answer_when(self, ready) -> None:
        def check() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox) and ready():
                box.done(self.answer)
            else:
                QTimer.singleShot(0, check)
        QTimer.singleShot(0, check)

    def show(self, real, parent, title, text, *args):
        self.shown.append(text)
        if len(self.shown) == 1:
            assert hand_over(self.server.name, [self.second])
            self.answer_when(lambda: len(self.shown) == 2 and not self.server._buffers)
        else:
            self.answer_when(lambda: not self.server._buffers)
        return real(parent, title, text, *args)


@pytest.mark.parametrize("prompt", ["bad file", "discard unsaved changes"])
def test_a_dialog_during_a_hand_over_does_not_crash(qtbot, window, monkeypatch, tmp_path: Path,
                                                   case_file, prompt: str) -> None:
    from kvmhelpdesk.gui.app import accept_hand_overs

    running = InstanceServer(str(tmp_path / "dialog.socket"))
    assert running.listen()
    accept_hand_overs(running, window)
    if prompt == "bad file":
        handed = tmp_path / "broken.kvmcase"
        handed.write_text("{not json", encoding="utf-8")
        kind, answer = "warning", QMessageBox.StandardButton.Ok
    else:
        open_paths(window, [case_file])
        window.cases._on_changed()  # unsaved changes: opening another case asks first
        handed = Path(case_file)
        kind, answer = "question", QMessageBox.StandardButton.Discard
    boxes = ModalAnswers(running, str(handed), answer)
    real = getattr(QMessageBox, kind)
    monkeypatch.setattr(QMessageBox, kind,
                        lambda *args: boxes.show(real, *args))
    assert hand_over(running.name, [str(handed)])
    qtbot.waitUntil(lambda: len(boxes.shown) == 2 and QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: not running._buffers)
    if prompt == "bad file":
        assert not window.cases.active and "not opened" in boxes.shown[0]
    else:
        assert window.cases.active and window.cases.path == case_file
        assert "unsaved changes" in boxes.shown[0]
    running.close()
