"""The single-instance server: answers one JSON line per connection on the per-user Unix socket.

It is a plain socket watched by QSocketNotifiers rather than QLocalServer, which would load QtNetwork and the
network security libraries it links (several megabytes resident all day) to serve a few local lines.
A malformed, oversized, unknown or wrong-version request gets an error reply; a client that says nothing, or
never reads its reply, is dropped after a few seconds; none of it stops the server from serving the others.
Windows has no Unix sockets here, so it is served by ipc_pipe's named-pipe server instead.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import socket
import sys
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from stretchbreak.instance import MAX_LINE_BYTES, PROTOCOL_VERSION, encode

log = logging.getLogger(__name__)

SILENT_CLIENT_MS = 5000
ACCEPT_RETRY_MS = 1000
LISTEN_BACKLOG = 128  # clients queue here until the event loop accepts them
Handler = Callable[[str, dict[str, Any]], dict[str, Any]]


class Server(Protocol):
    def listen(self, address: str) -> bool: ...

    def close(self) -> None: ...


def error_reply(message: str, exit_code: int = 2) -> dict[str, Any]:
    return {"v": PROTOCOL_VERSION, "ok": False, "error": message, "exit": exit_code}


def answer(handler: Handler, line: bytes) -> dict[str, Any]:
    """The reply to one request line, whatever bytes it holds."""
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
        reply = handler(verb, args)
    except Exception:  # a bug in one verb must not take the server down
        log.exception("command %r failed", verb)
        return error_reply(f"'{verb}' failed inside stretchbreak; see its log", exit_code=1)
    return {"v": PROTOCOL_VERSION, **reply}


def make_server(handler: Handler, parent: QObject | None = None) -> Server:
    if sys.platform == "win32":
        from stretchbreak.ui.ipc_pipe import PipeCommandServer

        return PipeCommandServer(handler, parent)
    return CommandServer(handler, parent)


class _Connection(QObject):
    """One client: read a line, write the reply, hang up; or be dropped when it stalls."""

    def __init__(self, sock: socket.socket, server: CommandServer) -> None:
        super().__init__(server)
        self._sock = sock
        self._server = server
        self._received = bytearray()
        self._unsent = b""
        self._reader = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
        self._reader.activated.connect(self._read)
        self._writer = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Write, self)
        self._writer.setEnabled(False)
        self._writer.activated.connect(self._write)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self.close)
        self._deadline.start(SILENT_CLIENT_MS)

    def _read(self) -> None:
        try:
            chunk = self._sock.recv(MAX_LINE_BYTES + 1)
        except BlockingIOError:
            return
        except OSError:
            self.close()
            return
        if not chunk:  # the client hung up before finishing its line
            self.close()
            return
        self._received += chunk
        if b"\n" in self._received:
            self._reply(answer(self._server.handler, bytes(self._received.split(b"\n", 1)[0])))
        elif len(self._received) > MAX_LINE_BYTES:
            self._reply(error_reply(f"request longer than {MAX_LINE_BYTES} bytes"))

    def _reply(self, reply: dict[str, Any]) -> None:
        self._reader.setEnabled(False)
        self._received.clear()
        self._unsent = encode(reply)
        self._write()

    def _write(self) -> None:
        try:
            sent = self._sock.send(self._unsent)
        except BlockingIOError:
            sent = 0
        except OSError:
            self.close()
            return
        self._unsent = self._unsent[sent:]
        if self._unsent:
            self._writer.setEnabled(True)  # the client is slow to read; the deadline still applies
        else:
            self.close()

    def close(self) -> None:
        if self._sock.fileno() < 0:
            return
        self._deadline.stop()
        # Notifiers first: one left watching a closed descriptor makes Qt warn, or watch whatever reuses it.
        self._reader.setEnabled(False)
        self._writer.setEnabled(False)
        self._sock.close()
        self._server.forget(self)
        self.deleteLater()


class CommandServer(QObject):
    """Listens on a Unix socket path that only its owner may connect to."""

    def __init__(self, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.handler = handler
        self._listener: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._address = ""
        self._connections: set[_Connection] = set()

    @property
    def open_connections(self) -> int:
        return len(self._connections)

    def listen(self, address: str) -> bool:
        """Listen on `address`. The caller holds the instance lock, so a socket already there is stale."""
        self.close()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self._bind_owner_only(listener, address)
            listener.listen(LISTEN_BACKLOG)
        except OSError as error:
            listener.close()
            log.error("cannot listen on %s: %s", address, error)
            return False
        listener.setblocking(False)
        self._listener, self._address = listener, address
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        return True

    @staticmethod
    def _bind_owner_only(listener: socket.socket, address: str) -> None:
        # The folder is the user's alone (runtime_dir makes it 0700), so the moment before the chmod is safe.
        try:
            listener.bind(address)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            log.info("removing a stale socket left at %s", address)
            os.unlink(address)
            listener.bind(address)
        os.chmod(address, 0o600)

    def close(self) -> None:
        for conn in list(self._connections):
            conn.close()
        if self._listener is None:
            return
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        self._listener.close()
        self._listener = None
        with contextlib.suppress(OSError):
            os.unlink(self._address)

    def forget(self, conn: _Connection) -> None:
        self._connections.discard(conn)

    def _pause_accepting(self) -> None:
        # The notifier fires for as long as a connection waits, so without a pause a refused accept would spin.
        notifier = self._notifier
        if notifier is not None:
            notifier.setEnabled(False)
            QTimer.singleShot(ACCEPT_RETRY_MS, self, lambda: self._resume_accepting(notifier))

    def _resume_accepting(self, notifier: QSocketNotifier) -> None:
        if notifier is self._notifier:  # not one a close() or a new listen() has replaced meanwhile
            notifier.setEnabled(True)

    def _accept(self) -> None:
        while self._listener is not None:
            try:
                sock, _ = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except ConnectionAbortedError:  # the client gave up while it waited; take the next one
                continue
            except OSError as error:  # e.g. out of file descriptors: the client waits, the server goes on
                log.warning("could not accept a command connection: %s", error)
                self._pause_accepting()
                return
            sock.setblocking(False)
            self._connections.add(_Connection(sock, self))
