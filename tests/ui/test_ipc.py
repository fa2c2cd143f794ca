"""The command server: every verb, and bad clients (malformed, huge, wrong version, silent) never stop it."""

import json
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from stretchbreak.commands import CommandHandler
from stretchbreak.core.reminders import SnoozeRefused
from stretchbreak.instance import MAX_LINE_BYTES, InstanceLock, NotRunning, request, runtime_dir, socket_address
from stretchbreak.ui import ipc
from stretchbreak.ui.ipc import CommandServer

NOW = datetime(2026, 3, 2, 10, 0).astimezone()


class FakeApp:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.favourite = "cobra-low"
        self.snoozes_left = 3

    def status(self) -> dict[str, Any]:
        return {"running": True, "state": "sitting", "sitting_seconds": 60, "next_reminder_seconds": 120,
                "snoozes_left": self.snoozes_left, "favourite": self.favourite, "current_stretch": None,
                "paused_until": None, "deferred_by": None, "idle_backend": "fake", "tray": True, "version": "0"}

    def start_stretch(self, stretch_id: str | None = None, take_focus: bool = True) -> bool:
        self.calls.append(f"now {stretch_id}" + ("" if not take_focus else " taking focus"))
        return stretch_id in (None, "cobra-low")

    def snooze(self, seconds: float | None) -> float:
        if self.snoozes_left == 0:
            raise SnoozeRefused("no more snoozes")
        self.snoozes_left -= 1
        self.calls.append(f"snooze {seconds}")
        return seconds or 600

    def skip(self) -> None:
        self.calls.append("skip")

    def pause(self, until: datetime | None) -> None:
        self.calls.append(f"pause {until.isoformat() if until else None}")

    def pause_until_tomorrow(self) -> datetime:
        self.calls.append("pause tomorrow")
        return NOW + timedelta(days=1)

    def resume(self) -> None:
        self.calls.append("resume")

    def set_favourite(self, stretch_id: str) -> None:
        self.favourite = stretch_id

    def stretch_list(self) -> list[dict[str, Any]]:
        return [{"id": "cobra-low", "name": "Cobra 1", "favourite": self.favourite == "cobra-low"},
                {"id": "chest-opener", "name": "Chest opener", "favourite": self.favourite == "chest-opener"}]

    def now(self) -> datetime:
        return NOW

    def quit(self) -> None:
        self.calls.append("quit")


@pytest.fixture
def fake() -> FakeApp:
    return FakeApp()


@pytest.fixture
def address(tmp_path: Path) -> str:
    return str(tmp_path / "run" / "test.sock")


@pytest.fixture
def server(qtbot: QtBot, fake: FakeApp, address: str) -> Iterator[CommandServer]:
    Path(address).parent.mkdir(mode=0o700)
    srv = CommandServer(CommandHandler(fake))
    assert srv.listen(address)
    yield srv
    srv.close()


def exchange(qtbot: QtBot, address: str, payload: bytes) -> bytes:
    """Send raw bytes from a Qt client and return everything the server sends back before it hangs up."""
    sock = QLocalSocket()
    sock.connectToServer(address)
    assert sock.waitForConnected(2000)
    received = bytearray()
    sock.readyRead.connect(lambda: received.extend(bytes(sock.readAll().data())))
    with qtbot.waitSignal(sock.disconnected, timeout=8000):
        sock.write(payload)
        sock.flush()
    received.extend(bytes(sock.readAll().data()))
    return bytes(received)


def ask(qtbot: QtBot, address: str, verb: str, **args: Any) -> dict[str, Any]:
    line = exchange(qtbot, address, json.dumps({"v": 1, "verb": verb, "args": args}).encode() + b"\n")
    reply = json.loads(line)
    assert isinstance(reply, dict) and reply["v"] == 1
    return reply


def test_status_answers_every_documented_key(qtbot: QtBot, server: CommandServer, address: str) -> None:
    reply = ask(qtbot, address, "status")
    assert reply["ok"]
    assert set(reply["data"]) >= {"running", "state", "sitting_seconds", "next_reminder_seconds", "snoozes_left",
                                  "favourite", "current_stretch", "idle_backend", "tray", "version"}
    assert "State: sitting" in reply["message"]


@pytest.mark.parametrize(
    ("verb", "args", "call"),
    [
        ("now", {}, "now None"),
        ("now", {"stretch": "cobra-low"}, "now cobra-low"),
        ("snooze", {}, "snooze None"),
        ("snooze", {"duration": "15s"}, "snooze 15"),
        ("skip", {}, "skip"),
        ("pause", {"duration": "30m"}, f"pause {(NOW + timedelta(minutes=30)).isoformat()}"),
        ("pause", {"duration": "tomorrow"}, "pause tomorrow"),
        ("pause", {}, "pause None"),
        ("resume", {}, "resume"),
        ("quit", {}, "quit"),
    ],
)
def test_each_verb_reaches_the_app(
    qtbot: QtBot, server: CommandServer, address: str, fake: FakeApp, verb: str, args: dict[str, Any], call: str
) -> None:
    reply = ask(qtbot, address, verb, **args)
    assert reply["ok"], reply
    assert fake.calls == [call]


def test_list_and_favourite(qtbot: QtBot, server: CommandServer, address: str, fake: FakeApp) -> None:
    assert "* cobra-low" in ask(qtbot, address, "list")["message"]
    assert ask(qtbot, address, "favourite", stretch="chest-opener")["ok"]
    assert fake.favourite == "chest-opener"
    bad = ask(qtbot, address, "favourite", stretch="handstand")
    assert not bad["ok"] and bad["exit"] == 2 and "handstand" in bad["error"]


@pytest.mark.parametrize(
    ("verb", "args", "words"),
    [
        ("now", {"stretch": "handstand"}, "handstand"),
        ("snooze", {"duration": "soon"}, "'soon'"),
        ("pause", {"duration": "8d"}, "'8d'"),
        ("pause", {"duration": "200h"}, "7 days"),
        ("dance", {}, "unknown verb 'dance'"),
    ],
)
def test_bad_arguments_get_a_usage_error_naming_the_word(
    qtbot: QtBot, server: CommandServer, address: str, verb: str, args: dict[str, Any], words: str
) -> None:
    reply = ask(qtbot, address, verb, **args)
    assert not reply["ok"] and reply["exit"] == 2
    assert words in reply["error"]


def test_a_refused_snooze_is_an_error(qtbot: QtBot, server: CommandServer, address: str, fake: FakeApp) -> None:
    fake.snoozes_left = 0
    reply = ask(qtbot, address, "snooze")
    assert not reply["ok"] and reply["exit"] == 1 and "no more snoozes" in reply["error"]


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (b"this is not json\n", "not JSON"),
        (b"[1, 2]\n", "not a JSON object"),
        (b'{"v": 99, "verb": "status"}\n', "protocol version 99"),
        (b'{"verb": "status"}\n', "protocol version None"),
        (b'{"v": 1, "verb": 5}\n', "verb"),
        (b"\xff\xfe\n", "not JSON"),
    ],
)
def test_malformed_requests_get_an_error_and_the_server_keeps_serving(
    qtbot: QtBot, server: CommandServer, address: str, payload: bytes, words: str
) -> None:
    reply = json.loads(exchange(qtbot, address, payload))
    assert not reply["ok"] and words in reply["error"]
    assert ask(qtbot, address, "status")["ok"]


def test_a_huge_line_is_refused_and_the_server_keeps_serving(
    qtbot: QtBot, server: CommandServer, address: str
) -> None:
    reply = json.loads(exchange(qtbot, address, b"x" * (MAX_LINE_BYTES + 10)))
    assert not reply["ok"] and "longer than" in reply["error"]
    assert ask(qtbot, address, "status")["ok"]


def test_a_silent_client_is_dropped_while_others_are_served(
    qtbot: QtBot, server: CommandServer, address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ipc, "SILENT_CLIENT_MS", 300)
    silent = QLocalSocket()
    silent.connectToServer(address)
    assert silent.waitForConnected(2000)
    assert ask(qtbot, address, "status")["ok"]
    with qtbot.waitSignal(silent.disconnected, timeout=3000):
        pass


def test_a_crashing_verb_is_reported_and_the_server_survives(
    qtbot: QtBot, server: CommandServer, address: str, fake: FakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom() -> dict[str, Any]:
        raise RuntimeError("bug")

    monkeypatch.setattr(fake, "status", boom)
    with qtbot.captureExceptions():
        reply = ask(qtbot, address, "status")
    assert not reply["ok"] and reply["exit"] == 1
    monkeypatch.undo()
    assert ask(qtbot, address, "list")["ok"]


def test_the_python_client_round_trips(qtbot: QtBot, server: CommandServer, address: str) -> None:
    result: dict[str, Any] = {}
    worker = threading.Thread(target=lambda: result.update(request(address, "status")))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=5000)
    assert result["ok"] and result["data"]["favourite"] == "cobra-low"


def test_the_client_says_not_running_when_nobody_listens(tmp_path: Path) -> None:
    with pytest.raises(NotRunning):
        request(str(tmp_path / "nobody.sock"), "status")


def test_a_stale_socket_file_is_replaced(qtbot: QtBot, fake: FakeApp, address: str) -> None:
    Path(address).parent.mkdir(mode=0o700)
    Path(address).write_bytes(b"")  # what a killed instance leaves behind
    srv = CommandServer(CommandHandler(fake))
    assert srv.listen(address)
    assert ask(qtbot, address, "status")["ok"]
    srv.close()


@pytest.fixture
def short_runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A runtime dir short enough for a Unix socket path, like /run/user/1000."""
    with tempfile.TemporaryDirectory(prefix="sb-", dir="/tmp") as folder:
        monkeypatch.setenv("XDG_RUNTIME_DIR", folder)
        yield Path(folder)


def test_the_socket_is_reachable_by_its_owner_only(short_runtime_dir: Path, qtbot: QtBot, fake: FakeApp) -> None:
    folder = runtime_dir()
    assert folder.parent == short_runtime_dir
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert folder.stat().st_uid == os.getuid()
    address = socket_address(short_runtime_dir / "config")
    srv = CommandServer(CommandHandler(fake))
    assert srv.listen(address)
    mode = stat.S_IMODE(os.stat(address).st_mode)
    assert mode & 0o077 == 0, oct(mode)
    srv.close()


def test_a_too_open_runtime_folder_is_closed_up(short_runtime_dir: Path) -> None:
    (short_runtime_dir / "stretchbreak").mkdir(mode=0o777)
    (short_runtime_dir / "stretchbreak").chmod(0o777)
    assert runtime_dir() == short_runtime_dir / "stretchbreak"
    assert stat.S_IMODE(runtime_dir().stat().st_mode) == 0o700


def test_addresses_differ_by_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert socket_address(tmp_path / "a") != socket_address(tmp_path / "b")


def test_only_one_process_holds_the_instance_lock(tmp_path: Path) -> None:
    first, second = InstanceLock(str(tmp_path / "s")), InstanceLock(str(tmp_path / "s"))
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()
