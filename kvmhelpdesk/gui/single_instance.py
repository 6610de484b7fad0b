"""One app per user and display: a second launch hands its files to the running window.

The first instance listens on a local socket (QLocalServer) whose name is private to the user
and the display; a later `kvmhelpdesk FILE` (or a double-click in the file manager) connects,
sends one JSON line {"files": [...], "content": [...]} and exits, and the running window opens
the files. No socket answering (none running, or a stale one left by a crash) means: start.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

MAX_MESSAGE = 1 << 20  # a request is a few paths; anything longer is not ours
CONNECT_TIMEOUT_MS = 1000


def server_name() -> str:
    """Per user and per display: each display gets its own window, other users never meet.

    In the user's private runtime folder where there is one (XDG_RUNTIME_DIR, mode 0700),
    otherwise a name in the temp folder that carries the user id."""
    display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY") or "nodisplay"
    display = re.sub(r"[^A-Za-z0-9.-]", "_", display)
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform != "win32" and runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        return str(Path(runtime) / f"kvmhelpdesk-{display}.socket")
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return f"kvmhelpdesk-{user}-{display}"


def encode_request(files: Sequence[str], content: Sequence[str] = ()) -> bytes:
    """Paths made absolute: the running app has its own working folder."""
    message = {"files": [os.path.abspath(f) for f in files],
               "content": [os.path.abspath(c) for c in content]}
    return json.dumps(message).encode("utf-8") + b"\n"


def decode_request(data: bytes) -> tuple[list[str], list[str]] | None:
    """(files, content) from one request, or None for anything malformed."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(message, dict):
        return None
    files, content = message.get("files", []), message.get("content", [])
    if not (isinstance(files, list) and isinstance(content, list)
            and all(isinstance(p, str) for p in [*files, *content])):
        return None
    return files, content


def hand_over(name: str, files: Sequence[str], content: Sequence[str] = ()) -> bool:
    """Send the request to a running instance; False when none answers (then start one)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(encode_request(files, content))
    delivered = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS) or socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return delivered


class InstanceServer(QObject):
    """The running instance's end: emits `request(files, content)` for each later launch."""

    request = Signal(list, list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        """Start listening; a socket file left by a crashed instance is removed first.

        Call only after `hand_over` found nobody answering on the name."""
        if self.server.listen(self.name):
            return True
        if self.server.serverError() == QLocalSocket.LocalSocketError.AddressInUseError:
            QLocalServer.removeServer(self.name)
            return self.server.listen(self.name)
        return False

    def close(self) -> None:
        self.server.close()
        sockets = list(self._buffers)
        self._buffers.clear()  # first: abort() below reports a disconnection
        for socket in sockets:
            socket.abort()

    # Slots are bound methods that find their socket with sender(): a lambda that holds
    # `self` makes PySide tie the connection to this object, and deleting the server while
    # a connection is open then crashes ("shared QObject was deleted directly").
    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(self._on_disconnected)
            self._read(socket)

    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _on_disconnected(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)
            rest = self._buffers.pop(socket, b"")
            if rest:  # a client that closed without the final newline
                self._deliver(bytes(rest))
            socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None or not socket.isReadable():
            return
        buffer += bytes(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE:
            buffer.clear()
            socket.abort()
        elif b"\n" in buffer:
            line = bytes(buffer).partition(b"\n")[0]
            buffer.clear()
            self._deliver(line)  # the client disconnects next; then the socket is deleted

    def _deliver(self, data: bytes) -> None:
        request = decode_request(data)
        if request is not None:
            self.request.emit(*request)
