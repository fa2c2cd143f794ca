"""The composed app under faults: the idle backend dying mid-run, a disk that refuses to save, a history database
locked by another process, the audio system failing, the clocks jumping around a stretch, hostile arguments to
every verb, markup in the user's files, and the network, which it must never touch.

The app is built as in test_app.py (a fake clock, a scripted idle source, offscreen, so the control window
stands in for the tray) and driven like its poll timer drives it: advance the clock, call `engine.check()`.
Each test reads Given / When / Then.
"""

from __future__ import annotations

import errno
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from stretchbreak import paths
from stretchbreak.app import StretchbreakApp
from stretchbreak.commands import CommandHandler
from stretchbreak.core.clock import FakeClock
from stretchbreak.core.history import FILE_NAME, HistoryStore
from stretchbreak.platform.idle.base import IdleUnavailable
from stretchbreak.ui.sound import SoundCuePlayer
from tests.ui.apps import AppRegistry, ScriptedIdle, open_stretch
from tests.ui.conftest import RecordingPlayer
from tests.unit.test_fault_history import LOCKER
from tests.unit.test_fault_time import LocalClock, berlin_time

FAST = ('[reminder]\nsit_limit = "20s"\nnatural_break = "8s"\nwarn_before = "0s"\nmax_snoozes = 0\n'
        '[schedule]\nhours = ""\ndays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n')
RED = QColor(255, 0, 0)


_apps = AppRegistry()


@pytest.fixture(autouse=True)
def shut_down_apps(qtbot: QtBot) -> Iterator[None]:
    yield
    _apps.shut_down_all()


def write_config(text: str) -> Path:
    config = paths.config_path()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text)
    return config


def make_app(qtbot: QtBot, qapp: QApplication, clock: FakeClock, *, idle: Any = "scripted",
             history: HistoryStore | bool = True, sound: Any = None) -> StretchbreakApp:
    """idle: "scripted" (input 2 s ago, for as long as the test leaves it), None (the app's own choice), or a
    source."""
    return _apps.make(qtbot, qapp, clock, idle=ScriptedIdle(2.0) if idle == "scripted" else idle, history=history,
                      sound=sound or RecordingPlayer())


def run_for(app: StretchbreakApp, clock: FakeClock, seconds: float, step: float = 5.0) -> None:
    """Time passes with the app's poll every `step` seconds."""
    for _ in range(round(seconds / step)):
        clock.advance(step)
        app.engine.check()
    QCoreApplication.processEvents()


def red_pixels(widget: QWidget) -> int:
    image: QImage = widget.grab().toImage()
    return sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y) == RED)


# ---- the idle backend dies mid-run -------------------------------------------------------------------


class DyingIdle:
    """An X11-like backend that answers until `broken`, then raises `error` on every reading."""

    name = "x11-screensaver"

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.broken = False

    def idle_seconds(self) -> float:
        if self.broken:
            raise self.error
        return 2.0


@pytest.mark.parametrize("error", [IdleUnavailable("the X server stopped answering: ConnectionClosedError()"),
                                   OSError(errno.ECONNRESET, "Connection reset by peer"),
                                   RuntimeError("unexpected reply from the X server")],
                         ids=["IdleUnavailable", "OSError", "RuntimeError"])
def test_an_idle_backend_failing_mid_run_falls_back_to_wall_time_says_so_and_reminders_go_on(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    # Given the app reading activity from a backend that works at first (chosen as the app chooses one)
    write_config(FAST)
    backend = DyingIdle(error)
    monkeypatch.setattr("stretchbreak.platform.idle.select.choose_idle_source", lambda *a, **k: (backend, []))
    clock = FakeClock()
    app = make_app(qtbot, qapp, clock, idle=None)
    app.start_reminders()
    run_for(app, clock, 5)
    assert app.status()["idle_backend"] == "x11-screensaver"
    # When the backend starts failing on every reading
    backend.broken = True
    run_for(app, clock, 5)
    # Then the app counts wall time from now on, and says so: in `status`, the status text and a notice
    said = app.status()["idle_backend"]
    assert said.startswith("wall-time (") and "x11-screensaver" in said and str(error) in said, said
    assert "counting wall time" in app.status_text()
    assert app.control_window is not None and "cannot read your activity" in app.control_window.notice.text()
    # And the reminder still comes (after its wait for a pause in typing, which wall time never shows)
    run_for(app, clock, 90)
    assert app.stretch_window is not None and app.stretch_window.isVisible()
    qtbot.addWidget(app.stretch_window)
    assert app.status()["state"] == "stretching"


# ---- the disk says no --------------------------------------------------------------------------------


class BrokenDisk:
    """Makes the settings' atomic write fail the way a read-only folder, a full disk or a file size limit do."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
        self.fault = fault
        self.broken = True
        atomic = "stretchbreak.core.atomic"
        if fault == "read-only folder":
            real_mkstemp = tempfile.mkstemp

            def mkstemp(**kwargs: Any) -> tuple[int, str]:
                if self.broken:
                    raise OSError(errno.EROFS, "Read-only file system", kwargs.get("dir"))
                fd, name = real_mkstemp(**kwargs)
                return fd, str(name)

            monkeypatch.setattr(f"{atomic}.tempfile.mkstemp", mkstemp)
        elif fault == "disk full":
            real_fsync = os.fsync

            def fsync(fd: int) -> None:
                if self.broken:
                    raise OSError(errno.ENOSPC, "No space left on device")
                real_fsync(fd)

            monkeypatch.setattr(f"{atomic}.os.fsync", fsync)

    def __enter__(self) -> BrokenDisk:
        if self.fault == "file size limit":
            # A real refusal from the kernel: no file of this process may grow past 64 bytes for now.
            self._old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
            self._old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (64, self._old_limit[1]))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fault == "file size limit":
            resource.setrlimit(resource.RLIMIT_FSIZE, self._old_limit)
            signal.signal(signal.SIGXFSZ, self._old_handler)
        self.broken = False


@pytest.mark.parametrize("fault", ["read-only folder", "disk full", "file size limit"])
def test_a_settings_save_the_disk_refuses_keeps_the_old_file_and_tells_the_user(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    # Given a settings file and a running app
    config = write_config('[reminder]\nfavourite = "cobra-low"\nsnooze = "7m"\n')
    before = config.read_bytes()
    app = make_app(qtbot, qapp, FakeClock())
    handler = CommandHandler(app)
    with BrokenDisk(monkeypatch, fault):
        # When `stretchbreak favourite` asks to save while the disk refuses
        reply = handler("favourite", {"stretch": "cobra-high"})
        # Then the command line is told, with exit 1
        assert reply["ok"] is False and reply["exit"] == 1 and "could not save" in reply["error"], reply
        # And when the settings dialog saves meanwhile, it says so and stays open
        app.open_settings()
        dialog = app.settings_dialog
        assert dialog is not None
        qtbot.addWidget(dialog)
        dialog.max_snoozes.setValue(5)
        dialog.try_save()
        assert dialog.isVisible() and "unchanged" in dialog.error.text()
    # And the old file is whole, with nothing left beside it, and the app runs on the old settings
    assert config.read_bytes() == before
    assert sorted(p.name for p in config.parent.iterdir()) == ["config.toml"]
    assert app.favourite_id() == "cobra-low" and app.settings.reminder.max_snoozes == 3
    # And once the disk is fine again, the same save goes through
    assert handler("favourite", {"stretch": "cobra-high"})["ok"]
    assert app.favourite_id() == "cobra-high"


def test_a_pause_the_disk_cannot_keep_is_still_in_force_and_the_failure_is_logged(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Given the data folder refusing writes (state.json cannot be saved)
    app = make_app(qtbot, qapp, FakeClock())
    with BrokenDisk(monkeypatch, "disk full"):
        # When the user pauses for an hour
        app.pause(app.now() + timedelta(hours=1))
        # Then the pause holds for this run, and the log says it will not survive a restart
        assert app.status()["state"] == "paused"
        assert any("state.json" in r.getMessage() and r.levelname in ("WARNING", "ERROR") for r in caplog.records), \
            [r.getMessage() for r in caplog.records]


# ---- the history database is locked by another process ---------------------------------------------------


@pytest.fixture
def locked_history() -> Iterator[Callable[[], None]]:
    """Another process holds the history's write lock until the returned function is called."""
    path = paths.data_dir() / FILE_NAME
    HistoryStore(path, FakeClock()).close()
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert locker.stdout is not None and locker.stdin is not None
    assert locker.stdout.readline().strip() == "locked"

    def release() -> None:
        assert locker.stdin is not None and locker.stdout is not None
        locker.stdin.write("go\n")
        locker.stdin.close()
        assert locker.stdout.readline().strip() == "released"
        assert locker.wait(10) == 0
        locker.stdout.close()

    yield release
    if locker.poll() is None:
        locker.kill()
        locker.wait()


def kinds_in_file() -> list[tuple[str, str | None]]:
    with HistoryStore(paths.data_dir() / FILE_NAME, FakeClock(), busy_timeout_ms=5000) as reader:
        return [(e.kind, e.outcome) for e in reader.events() if e.at > 0]


def test_events_recorded_while_another_process_locks_the_history_are_written_when_it_frees(
    qtbot: QtBot, qapp: QApplication, locked_history: Callable[[], None]
) -> None:
    # Given the app running while another process holds the history's write lock
    clock = FakeClock()
    store = HistoryStore(paths.data_dir() / FILE_NAME, clock, busy_timeout_ms=50)
    app = make_app(qtbot, qapp, clock, history=store)
    app.start_reminders()
    # When a stretch is completed and rated, another snoozed, and reminders paused and resumed
    window = open_stretch(qtbot, app, "cobra-low")
    clock.advance(60)
    window.done()
    window.comfort.answer(6)
    app.start_stretch("chest-opener")
    app.snooze(300)
    qtbot.waitUntil(lambda: app.status()["state"] == "snoozed")
    app.pause(None)
    app.resume()
    # Then nothing is lost: the events wait, and the status says so
    assert store.pending == 6 and store.dropped == 0
    assert "6 events waiting" in app.status_text()
    # And when the other process lets go, the app's next minute of polling writes them, in order, without
    # waiting for some later event (were the app killed before one, they would be lost)
    locked_history()
    run_for(app, clock, 60)
    assert store.pending == 0
    assert kinds_in_file() == [("stretch", "completed"), ("comfort", None), ("stretch", "snoozed"),
                               ("snooze", None), ("pause", None), ("resume", None)]
    # And the next event lands after them
    app.pause(None)
    assert store.pending == 0 and kinds_in_file()[-1] == ("pause", None)


# ---- sound ------------------------------------------------------------------------------------------


class BrokenEffect:
    def setVolume(self, volume: float) -> None:
        pass

    def play(self) -> None:
        raise RuntimeError("the audio device went away")


def broken_effect(path: Path) -> BrokenEffect:
    return BrokenEffect()


@pytest.mark.parametrize("audio", ["no audio device", "the device fails while playing",
                                   "QtMultimedia cannot be loaded"])
def test_a_stretch_with_holds_runs_to_the_end_whatever_the_audio_does(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, audio: str
) -> None:
    # Given holds of one second, and an audio system that is missing or failing
    write_config('[holds]\nreverse-stretch = "1s"\n')
    sounds = paths.assets_dir() / "sounds"
    if audio == "no audio device":
        player = SoundCuePlayer(sounds, has_output=lambda: False)
    elif audio == "the device fails while playing":
        player = SoundCuePlayer(sounds, has_output=lambda: True, new_effect=broken_effect)
    else:
        monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import fails
        player = SoundCuePlayer(sounds)
    clock = FakeClock()
    app = make_app(qtbot, qapp, clock, sound=player)
    app.start_reminders()
    # When a stretch with holds is done from start to end
    app.start_stretch("reverse-stretch")
    window = app.stretch_window
    assert window is not None and window.walkthrough is not None
    qtbot.addWidget(window)
    walk = window.walkthrough
    for _ in range(walk.total * 3):
        if walk.finished:
            break
        if walk.hold is not None:
            clock.advance(1.5)

            def moved_on(index: int = walk.index) -> bool:
                return walk.index != index or walk.finished

            qtbot.waitUntil(moved_on)  # the hold ends by itself
        else:
            window.next()
    # Then it finished and was counted, in silence
    assert walk.finished
    assert app.history is not None and [(e.kind, e.outcome) for e in app.history.events()] == \
        [("stretch", "completed")]
    assert player.silent_reason is not None


# ---- clocks around a stretch ---------------------------------------------------------------------------


def test_a_stretch_across_midnight_is_recorded_on_the_new_day_with_its_true_length(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # Given a reminder that comes at 23:59:50
    write_config(FAST)
    clock = FakeClock(datetime(2026, 3, 2, 23, 59, 25).astimezone())
    app = make_app(qtbot, qapp, clock)
    app.start_reminders()
    run_for(app, clock, 25)
    window = app.stretch_window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    # When it is done 70 seconds later, after midnight
    clock.advance(70)
    window.done()
    window.comfort.answer(8)
    # Then the reminder is on the old day, the stretch and its rating on the new one, and it lasted 70 s
    assert app.history is not None
    events = [(e.kind, e.day, e.duration_seconds) for e in app.history.events()]
    assert events == [("reminder", "2026-03-02", None), ("stretch", "2026-03-03", 70.0),
                      ("comfort", "2026-03-03", None)]


@pytest.mark.parametrize("jump", [-3600.0, 3600.0])
def test_a_wall_clock_jump_during_a_stretch_changes_neither_its_length_nor_the_next_reminder(
    qtbot: QtBot, qapp: QApplication, jump: float
) -> None:
    write_config(FAST)
    clock = FakeClock()
    app = make_app(qtbot, qapp, clock)
    app.start_reminders()
    window = open_stretch(qtbot, app, "cobra-low")
    clock.advance(20)
    clock.jump_wall(jump)
    clock.advance(25)
    window.done()
    window.comfort.answer(5)
    QCoreApplication.processEvents()
    assert app.history is not None
    [stretch, _] = app.history.events()
    assert stretch.duration_seconds == 45.0
    assert app.status()["next_reminder_seconds"] == 20


def test_a_suspend_with_the_window_open_is_not_counted_as_stretching(qtbot: QtBot, qapp: QApplication) -> None:
    write_config(FAST)
    clock = FakeClock()
    app = make_app(qtbot, qapp, clock)
    app.start_reminders()
    window = open_stretch(qtbot, app, "cobra-low")
    clock.advance(30)
    clock.suspend(2 * 3600)  # the lid is closed with the stretch open
    clock.advance(10)
    window.skip()
    QCoreApplication.processEvents()
    assert app.history is not None
    [stretch] = app.history.events()
    assert (stretch.outcome, stretch.duration_seconds) == ("skipped", 40.0)
    run_for(app, clock, 10)
    assert not window.isVisible() and app.status()["state"] == "sitting"


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("berlin")
def test_pause_until_tomorrow_across_the_spring_change_ends_at_nine_local_and_survives_a_restart(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # Given Saturday 28 March 2026, 15:00 in Berlin, the night the clocks go forward, and working hours from 09:00
    write_config('[schedule]\nhours = "09:00-18:00"\ndays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n')
    clock = LocalClock(berlin_time(2026, 3, 28, 15, 0))
    app = make_app(qtbot, qapp, clock)
    app.start_reminders()
    # When the user pauses until tomorrow
    until = app.pause_until_tomorrow()
    # Then it ends at 09:00 summer time, 17 real hours away, and a restart keeps it
    assert until == berlin_time(2026, 3, 29, 9, 0)
    assert app.status()["paused_until"] == "2026-03-29T09:00:00+02:00"
    assert app.policy.seconds_until_next_check() == pytest.approx(17 * 3600, abs=1)
    again = make_app(qtbot, qapp, clock)
    assert again.status()["state"] == "paused"
    assert again.status()["paused_until"] == "2026-03-29T09:00:00+02:00"


# ---- hostile arguments to the verbs, against the real app -----------------------------------------------

ARG_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12),
    st.from_regex(r"\d{1,25}[hms]?", fullmatch=True), st.sampled_from(["tomorrow", "cobra-low", "0", "-5m"]),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
VERBS = ["status", "now", "snooze", "skip", "pause", "resume", "list", "favourite", "ping"]


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.sampled_from(VERBS), st.dictionaries(st.sampled_from(["duration", "stretch", "x"]), ARG_VALUES,
                                               max_size=2))
@example("snooze", {"duration": "99999999999999999999h"})
@example("snooze", {"duration": 10**20})
@example("pause", {"duration": 10**20})
@example("now", {"stretch": "../../etc/passwd"})
def test_any_arguments_to_any_verb_leave_the_real_app_answering(
    qtbot: QtBot, qapp: QApplication, verb: str, args: dict[str, Any]
) -> None:
    # Given the real app (made once per test), with no stretch open and no snooze or pause
    if not _apps.apps:
        write_config('[reminder]\nmax_snoozes = 0\n')
        make_app(qtbot, qapp, FakeClock()).start_reminders()
    app = _apps.apps[-1]
    app.skip()
    app.resume()
    QCoreApplication.processEvents()
    # When a verb gets arbitrary arguments
    reply = CommandHandler(app)(verb, args)
    # Then the reply is an answer or a usage error, and the app still answers and plans its next check
    assert isinstance(reply["ok"], bool)
    if not reply["ok"]:
        assert reply["exit"] in (1, 2) and reply["error"].startswith(f"{verb}:"), reply
    json.dumps(app.status())
    app.engine.check()
    app.status_text()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# ---- the user's files are data ---------------------------------------------------------------------------


@pytest.fixture
def red_square(tmp_path: Path) -> Path:
    """A red image outside every data folder: if a label shows it, markup in a file reached outside."""
    image = QImage(60, 60, QImage.Format.Format_RGB32)
    image.fill(RED)
    path = tmp_path / "outside" / "red.png"
    path.parent.mkdir()
    assert image.save(str(path))
    return path


def test_markup_in_a_stretch_file_is_shown_as_text_and_loads_no_file(
    qtbot: QtBot, qapp: QApplication, red_square: Path
) -> None:
    # Given a stretch file whose texts carry HTML pointing at an image outside the data folders
    tag = f'<img src="{red_square}" width="60" height="60">'
    folder = paths.user_stretches_dir()
    folder.mkdir(parents=True)
    (folder / "markup.toml").write_text(
        f'id = "markup"\nname = \'Name {tag}\'\nsummary = "s"\nbody_area = "b"\ncaution = \'Careful {tag}\'\n'
        f'art = "cobra-low.svg"\n[[steps]]\ntext = \'Step {tag}\'\nreps = 3\n')
    app = make_app(qtbot, qapp, FakeClock())
    # When it is shown
    assert app.start_stretch("markup")
    window = app.stretch_window
    assert window is not None
    qtbot.addWidget(window)
    window.resize(900, 700)
    # Then the markup is text on the screen: the image outside is nowhere
    assert red_pixels(window) == 0


def test_markup_in_a_settings_value_is_shown_as_text_in_the_notice(
    qtbot: QtBot, qapp: QApplication, red_square: Path
) -> None:
    # Given a settings value carrying HTML pointing at an image outside the data folders
    write_config(f"[reminder]\nfavourite = '<img src={red_square} width=60 height=60>'\n")
    # When the app starts and reports the bad value in its control window
    app = make_app(qtbot, qapp, FakeClock())
    assert app.control_window is not None
    app.control_window.resize(600, 500)
    assert "reminder.favourite" in app.control_window.notice.text()
    # Then the value is shown as text, and the image is nowhere
    assert red_pixels(app.control_window) == 0


# ---- the network -------------------------------------------------------------------------------------


LOCAL_TABLES = {"unix": 6, "netlink": 9}
"""/proc/<pid>/net tables of the sockets that never leave the machine, and the column holding the inode."""


def _socket_fds(pid: int | str) -> dict[str, str]:
    inodes = {}
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes[target[len("socket:["):-1]] = str(fd)
    return inodes


def _local_inodes(pid: int | str) -> set[str]:
    local = set()
    for table, column in LOCAL_TABLES.items():
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) > column:
                local.add(fields[column])
    return local


def network_sockets(pid: int | str = "self") -> set[str]:
    """The sockets process `pid` holds that are not Unix-domain or netlink sockets: internet (TCP, UDP, raw,
    IPv4 or IPv6, in any state, bound or not), packet and the like. Inodes, for the message."""
    held = _socket_fds(pid)
    unknown = set(held) - _local_inodes(pid)
    if not unknown:
        return set()
    # A socket closed while the tables were read is not one the process holds: look again at those left.
    again = _socket_fds(pid)
    return {inode for inode in unknown if again.get(inode) == held[inode]} - _local_inodes(pid)


def test_no_network_socket_is_ever_opened(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Given every attempt to open an internet socket from Python refused and recorded
    attempts: list[int] = []

    class GuardedSocket(socket.socket):
        def __init__(self, family: int = -1, *args: Any, **kwargs: Any) -> None:
            if family in (socket.AF_INET, socket.AF_INET6):
                attempts.append(family)
                raise PermissionError("stretchbreak must not open network sockets")
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    before = network_sockets()
    # When the app starts, reminds, records, saves, and answers the command line over its socket
    write_config(FAST)
    clock = FakeClock()
    app = make_app(qtbot, qapp, clock)
    app.start_reminders()
    run_for(app, clock, 30)
    window = app.stretch_window
    assert window is not None
    qtbot.addWidget(window)
    window.done()
    window.comfort.answer(9)
    app.set_favourite("cobra-high")
    from stretchbreak.ui.ipc import CommandServer
    from tests.ui.test_ipc import ask

    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    server = CommandServer(CommandHandler(app))
    assert server.listen(str(folder / "app.sock"))
    assert ask(qtbot, str(folder / "app.sock"), "status")["ok"]
    server.close()
    # Then no internet socket was asked for, and none is open
    assert attempts == []
    assert network_sockets() - before == set()


# ---- a history file that cannot be opened -----------------------------------------------------------------


def test_an_unreadable_history_is_announced_with_the_other_file_problems_and_reminders_go_on(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # Given a settings file with a bad value and a history file that is not a database
    write_config('[reminder]\nsit_limit = "soon"\n')
    history = paths.data_dir() / FILE_NAME
    history.parent.mkdir(parents=True, exist_ok=True)
    history.write_bytes(b"this is not an SQLite file\n" * 100)
    # When the app starts
    app = make_app(qtbot, qapp, FakeClock())
    app.start_reminders()
    # Then one notice names both problems, the history file is left as it was, and the app runs without it
    assert app.control_window is not None
    notice = app.control_window.notice.text()
    assert "reminder.sit_limit" in notice and "runs without history" in notice
    assert history.read_bytes() == b"this is not an SQLite file\n" * 100
    assert app.history is None and app.status()["running"]
