"""The single-instance server: a QLocalServer that answers one JSON line per request.

A malformed, oversized, unknown or wrong-version request gets an error reply; a client that says nothing
is dropped after a few seconds; none of it stops the server from serving the others.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from stretchbreak.instance import MAX_LINE_BYTES, PROTOCOL_VERSION, encode

log = logging.getLogger(__name__)

SILENT_CLIENT_MS = 5000
Handler = Callable[[str, dict[str, Any]], dict[str, Any]]


def error_reply(message: str, exit_code: int = 2) -> dict[str, Any]:
    return {"v": PROTOCOL_VERSION, "ok": False, "error": message, "exit": exit_code}


class CommandServer(QObject):
    def __init__(self, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self, address: str) -> bool:
        """Listen on `address`. The caller holds the instance lock, so a socket already there is stale."""
        if self.server.listen(address):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            log.info("removing a stale socket left at %s", address)
            QLocalServer.removeServer(address)
            return self.server.listen(address)
        log.error("cannot listen on %s: %s", address, self.server.errorString())
        return False

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            self._buffers[conn] = bytearray()
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(lambda c=conn: self._forget(c))
            timer = QTimer(conn)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda c=conn: c.abort())
            timer.start(SILENT_CLIENT_MS)

    def _forget(self, conn: QLocalSocket) -> None:
        self._buffers.pop(conn, None)
        conn.deleteLater()

    def _read(self, conn: QLocalSocket) -> None:
        buffer = self._buffers.get(conn)
        if buffer is None:
            return
        buffer += bytes(conn.readAll().data())
        if b"\n" not in buffer:
            if len(buffer) > MAX_LINE_BYTES:
                self._reply(conn, error_reply(f"request longer than {MAX_LINE_BYTES} bytes"))
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        self._reply(conn, self._answer(line))

    def _answer(self, line: bytes) -> dict[str, Any]:
        try:
            message = json.loads(line)
        except (ValueError, RecursionError):
            return error_reply("request is not JSON")
        if not isinstance(message, dict):
            return error_reply("request is not a JSON object")
        if message.get("v") != PROTOCOL_VERSION:
            return error_reply(f"protocol version {message.get('v')!r} is not {PROTOCOL_VERSION}; "
                               "this stretchbreak is a different version")
        verb, args = message.get("verb"), message.get("args", {})
        if not isinstance(verb, str) or not isinstance(args, dict):
            return error_reply("request needs a text 'verb' and an object 'args'")
        try:
            reply = self._handler(verb, args)
        except Exception:  # a bug in one verb must not take the server down
            log.exception("command %r failed", verb)
            return error_reply(f"'{verb}' failed inside stretchbreak; see its log", exit_code=1)
        return {"v": PROTOCOL_VERSION, **reply}

    def _reply(self, conn: QLocalSocket, reply: dict[str, Any]) -> None:
        self._buffers.pop(conn, None)
        conn.write(encode(reply))
        conn.flush()
        conn.disconnectFromServer()
