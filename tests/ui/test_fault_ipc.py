"""The command server against hostile clients: random bytes, a 10 MB line, deeply nested JSON, unknown verbs and
versions, clients that never read, and many at once. Each gets an error reply or is dropped, and the server
goes on answering the others.

Each test reads: given a listening server (on the fake app of test_ipc.py), when a bad client does X, then ...
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from stretchbreak.commands import CommandHandler
from stretchbreak.instance import MAX_LINE_BYTES, PROTOCOL_VERSION
from stretchbreak.ui import ipc
from stretchbreak.ui.ipc import CommandServer
from tests.ui.test_ipc import FakeApp, ask, exchange

FAULT = settings(max_examples=120, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
TEN_MB = 10 * 1024 * 1024
KNOWN_VERBS = {name.removeprefix("verb_") for name in dir(CommandHandler) if name.startswith("verb_")}


@pytest.fixture
def address(tmp_path: Path) -> str:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    return str(folder / "fault.sock")


@pytest.fixture
def server(qtbot: QtBot, address: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CommandServer]:
    monkeypatch.setattr(ipc, "SILENT_CLIENT_MS", 400)
    srv = CommandServer(CommandHandler(FakeApp()))
    assert srv.listen(address)
    yield srv
    srv.close()


def open_connections(server: CommandServer) -> int:
    return server.open_connections


def assert_error_reply(raw: bytes) -> dict[str, Any]:
    reply = json.loads(raw)
    assert isinstance(reply, dict) and reply["v"] == PROTOCOL_VERSION
    assert reply["ok"] is False and reply["error"] and reply["exit"] in (1, 2)
    return reply


@FAULT
@given(st.binary(max_size=512).map(lambda data: data + b"\n"))
@example(b"\n")
@example(b'{"v": 1, "verb": "status", "args": []}\n')
@example(b'{"v": 1}\n')
@example(b"\x00" * 100 + b"\n")
def test_any_line_of_bytes_gets_an_error_reply_and_the_server_keeps_serving(
    qtbot: QtBot, server: CommandServer, address: str, payload: bytes
) -> None:
    assert_error_reply(exchange(qtbot, address, payload))
    assert ask(qtbot, address, "status")["ok"]


@pytest.mark.parametrize("opening", [b"[", b'{"v": '])
def test_json_nested_deeper_than_the_parser_goes_gets_an_error_reply(
    qtbot: QtBot, server: CommandServer, address: str, opening: bytes
) -> None:
    # Given a short request (20 kB, well under the line limit) nested 5000 levels deep
    payload = opening * 5000 + b"\n"
    assert len(payload) < MAX_LINE_BYTES
    # When it is sent, then it gets an error reply like any other malformed request, and others are served
    assert_error_reply(exchange(qtbot, address, payload))
    assert ask(qtbot, address, "status")["ok"]


@settings(FAULT, max_examples=40)
@given(st.binary(min_size=1, max_size=512).filter(lambda data: b"\n" not in data))
def test_bytes_without_an_end_of_line_are_dropped_and_the_server_keeps_serving(
    qtbot: QtBot, server: CommandServer, address: str, monkeypatch: pytest.MonkeyPatch, payload: bytes
) -> None:
    monkeypatch.setattr(ipc, "SILENT_CLIENT_MS", 100)
    assert exchange(qtbot, address, payload) == b""  # dropped once the client has been silent a while
    assert ask(qtbot, address, "status")["ok"]


JSON_VALUES = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                                     st.text(max_size=8)),
                           lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                   st.dictionaries(st.text(max_size=5), inner, max_size=3)),
                           max_leaves=8)


@FAULT
@given(st.one_of(st.text(max_size=20), JSON_VALUES).filter(lambda v: not (isinstance(v, str) and v in KNOWN_VERBS)),
       JSON_VALUES)
@example("__init__", {})
@example("_app", {})
@example("verb_status", {})
def test_an_unknown_verb_is_named_in_a_usage_error(
    qtbot: QtBot, server: CommandServer, address: str, verb: Any, args: Any
) -> None:
    request = json.dumps({"v": PROTOCOL_VERSION, "verb": verb, "args": args if isinstance(args, dict) else {}})
    reply = assert_error_reply(exchange(qtbot, address, request.encode() + b"\n"))
    assert reply["exit"] == 2
    if isinstance(verb, str):
        assert f"'{verb}'" in reply["error"]


@FAULT
@given(JSON_VALUES.filter(lambda version: version != PROTOCOL_VERSION))
def test_a_wrong_protocol_version_is_named_in_the_error(
    qtbot: QtBot, server: CommandServer, address: str, version: Any
) -> None:
    request = json.dumps({"v": version, "verb": "status", "args": {}}).encode() + b"\n"
    reply = assert_error_reply(exchange(qtbot, address, request))
    assert "protocol version" in reply["error"] and repr(version)[:20] in reply["error"]


def send_in_thread(address: str, payload: bytes, received: list[bytes]) -> threading.Thread:
    """A plain socket client that writes everything it can (the server may hang up first), then reads."""

    def client() -> None:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(20)
            sock.connect(address)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                sock.sendall(payload)
            chunks = []
            try:
                while chunk := sock.recv(65536):
                    chunks.append(chunk)
            except ConnectionResetError:
                pass
            received.append(b"".join(chunks))

    thread = threading.Thread(target=client)
    thread.start()
    return thread


@pytest.mark.parametrize("line", ["ten megabytes of x", "a valid request padded to ten megabytes"])
def test_a_ten_megabyte_line_is_refused_while_others_are_served(
    qtbot: QtBot, server: CommandServer, address: str, line: str
) -> None:
    # Given a client sending a 10 MB line
    if line == "ten megabytes of x":
        payload = b"x" * TEN_MB + b"\n"
    else:
        payload = json.dumps({"v": 1, "verb": "status", "args": {"pad": "x" * TEN_MB}}).encode() + b"\n"
    received: list[bytes] = []
    sender = send_in_thread(address, payload, received)
    # When another client asks meanwhile, then it is answered
    assert ask(qtbot, address, "status")["ok"]
    qtbot.waitUntil(lambda: not sender.is_alive(), timeout=20000)
    # And the big one was refused with an error (or cut off), never answered as if it were fine
    if received[0]:
        assert "longer than" in assert_error_reply(received[0].split(b"\n")[0])["error"]
    assert ask(qtbot, address, "list")["ok"]
    qtbot.waitUntil(lambda: open_connections(server) == 0)


def test_clients_that_never_read_do_not_stop_the_others(qtbot: QtBot, server: CommandServer, address: str) -> None:
    # Given fifty clients that each send a request and then neither read the answer nor hang up, and ten that
    # connect and say nothing at all (connected from a thread: the server accepts them in this one)
    clients: list[socket.socket] = []

    def connect_all() -> None:
        for n in range(60):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(address)
            if n < 50:
                sock.sendall(json.dumps({"v": 1, "verb": "list", "args": {}}).encode() + b"\n")
            clients.append(sock)

    connecting = threading.Thread(target=connect_all)
    connecting.start()
    try:
        qtbot.waitUntil(lambda: not connecting.is_alive(), timeout=10000)
        assert len(clients) == 60
        # When someone else asks, then they are answered
        for _ in range(5):
            assert ask(qtbot, address, "status")["ok"]
        # And the server lets go of every one of them: none stays open on its side
        qtbot.waitUntil(lambda: open_connections(server) == 0, timeout=5000)
    finally:
        connecting.join()
        for sock in clients:
            sock.close()


def test_a_client_that_hangs_up_mid_request_is_forgotten(qtbot: QtBot, server: CommandServer, address: str) -> None:
    for _ in range(20):
        sock = QLocalSocket()
        sock.connectToServer(address)
        assert sock.waitForConnected(2000)
        sock.write(b'{"v": 1, "verb": "sta')
        sock.flush()
        sock.abort()
    assert ask(qtbot, address, "status")["ok"]
    qtbot.waitUntil(lambda: open_connections(server) == 0)


def test_a_refused_accept_pauses_the_server_briefly_and_then_it_serves_again(
    qtbot: QtBot, server: CommandServer, address: str, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture
) -> None:
    # Given a process out of file descriptors for its first accept
    monkeypatch.setattr(ipc, "ACCEPT_RETRY_MS", 50)
    real_accept = socket.socket.accept
    refusals = [OSError(errno.EMFILE, "Too many open files")]

    def accept(self: socket.socket) -> tuple[socket.socket, Any]:
        if refusals:
            raise refusals.pop()
        return real_accept(self)

    monkeypatch.setattr(socket.socket, "accept", accept)
    # When a client asks, then it is answered once the pause is over, and the refusal is in the log
    with caplog.at_level(logging.WARNING):
        assert ask(qtbot, address, "status")["ok"]
    assert refusals == []
    assert any("could not accept" in r.getMessage() for r in caplog.records)
