"""The single-instance server on Windows: a QLocalServer on a named pipe, speaking ipc's protocol.

Only Windows loads this (and with it QtNetwork); elsewhere ipc's Unix socket server is used.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from stretchbreak.instance import MAX_LINE_BYTES, encode
from stretchbreak.ui import ipc

log = logging.getLogger(__name__)


class PipeCommandServer(QObject):
    def __init__(self, handler: ipc.Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self, address: str) -> bool:
        """Listen on `address`. The caller holds the instance lock, so a server already there is stale."""
        if self.server.listen(address):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            log.info("removing a stale server left at %s", address)
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
            timer.start(ipc.SILENT_CLIENT_MS)

    def _forget(self, conn: QLocalSocket) -> None:
        self._buffers.pop(conn, None)
        conn.deleteLater()

    def _read(self, conn: QLocalSocket) -> None:
        buffer = self._buffers.get(conn)
        if buffer is None:
            return
        buffer += bytes(conn.readAll().data())
        if b"\n" in buffer:
            self._reply(conn, ipc.answer(self._handler, bytes(buffer.split(b"\n", 1)[0])))
        elif len(buffer) > MAX_LINE_BYTES:
            self._reply(conn, ipc.error_reply(f"request longer than {MAX_LINE_BYTES} bytes"))

    def _reply(self, conn: QLocalSocket, reply: dict[str, object]) -> None:
        self._buffers.pop(conn, None)
        conn.write(encode(reply))
        conn.flush()
        conn.disconnectFromServer()
