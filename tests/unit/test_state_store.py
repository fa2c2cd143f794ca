"""BackgroundStateStore: the app's pause and snooze state is saved off the GUI thread, newest state wins, a
failure is logged and leaves the old file, and quitting waits for the last save. Given / When / Then."""

import logging
import threading
from pathlib import Path

import pytest

from stretchbreak.core.atomic import atomic_write_text
from stretchbreak.core.state_store import BackgroundStateStore, SavedState, StateStore

STORE = "stretchbreak.core.state_store"


def test_the_newest_state_is_the_one_on_disk(tmp_path: Path) -> None:
    store = BackgroundStateStore(tmp_path / "state.json")
    # When a hundred states are saved in a row
    for n in range(100):
        store.save(SavedState(snoozes_in_row=n, rotation_done=[f"s{n}"]))
    # Then after the last save has landed, the file holds the last one, readable by a plain store
    assert store.flush()
    saved, problem = StateStore(tmp_path / "state.json").load()
    assert problem is None
    assert saved == SavedState(snoozes_in_row=99, rotation_done=["s99"])


def test_save_returns_while_the_disk_is_slow_and_only_the_newest_waiting_state_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a disk that holds every write until it is let go
    disk_free = threading.Event()
    written: list[str] = []

    def slow_write(path: Path, text: str) -> None:
        if not disk_free.wait(timeout=10):  # only reached if save() itself waited for the disk
            raise OSError("the disk was never let go")
        atomic_write_text(path, text)
        written.append(text)

    monkeypatch.setattr(f"{STORE}.atomic_write_text", slow_write)
    store = BackgroundStateStore(tmp_path / "state.json")
    # When three states are saved while the first write is stuck
    for n in (1, 2, 3):
        store.save(SavedState(snoozes_in_row=n))
    # Then every save returned, and nothing has landed yet
    assert written == []
    assert not store.flush(timeout=0.01)
    # And once the disk moves, the stuck write lands and then only the newest state after it
    disk_free.set()
    assert store.flush()
    assert len(written) <= 2
    assert store.load()[0].snoozes_in_row == 3


def test_a_failed_save_on_a_full_disk_is_logged_and_the_old_file_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    store = BackgroundStateStore(tmp_path / "state.json")
    store.save(SavedState(snoozes_in_row=1))
    assert store.flush()

    def full_disk(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(f"{STORE}.atomic_write_text", full_disk)
    with caplog.at_level(logging.WARNING):
        store.save(SavedState(snoozes_in_row=2))
        assert store.flush()
    assert store.failures == 1
    assert any("No space left" in r.getMessage() for r in caplog.records)
    assert store.load()[0].snoozes_in_row == 1


def test_an_unexpected_error_in_one_save_does_not_stop_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    # Given a write that fails with something other than a disk error, once
    failures = iter([UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")])

    def flaky_write(path: Path, text: str) -> None:
        error = next(failures, None)
        if error is not None:
            raise error
        atomic_write_text(path, text)

    monkeypatch.setattr(f"{STORE}.atomic_write_text", flaky_write)
    store = BackgroundStateStore(tmp_path / "state.json")
    with caplog.at_level(logging.WARNING):
        store.save(SavedState(snoozes_in_row=1))
        assert store.flush()
    # When the next state is saved, then it lands
    store.save(SavedState(snoozes_in_row=2))
    assert store.flush()
    assert store.failures == 1 and store.load()[0].snoozes_in_row == 2


def test_without_a_thread_to_be_had_the_state_is_saved_in_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_threads(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", no_threads)
    store = BackgroundStateStore(tmp_path / "state.json")
    store.save(SavedState(snoozes_in_row=4))
    assert store.load()[0].snoozes_in_row == 4
    assert store.flush(timeout=0)
