"""The little state that must survive a restart: pause, pending snooze, snoozes in a row, rotation.

Kept in state.json in the data dir, written atomically. A missing or damaged file means a clean state
(with a message the app logs); wall times are stored as Unix seconds. The running app saves through
BackgroundStateStore, so the GUI never waits for the disk to sync.
"""

from __future__ import annotations

import json
import logging
import math
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from stretchbreak.core.atomic import atomic_write_text


@dataclass
class SavedState:
    paused_until: float | None = None
    """Unix time the pause ends; None with paused_indefinitely False means not paused."""
    paused_indefinitely: bool = False
    snooze_due: float | None = None
    """Unix time a snoozed reminder comes back."""
    snoozes_in_row: int = 0
    rotation_done: list[str] = field(default_factory=list)


log = logging.getLogger(__name__)

LATEST_TIME = 32503680000.0
"""Unix time of the year 3000: anything later in the file is damage, not a plan."""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) and 0 <= number <= LATEST_TIME else None


def parse_state(data: Any) -> SavedState:
    if not isinstance(data, dict):
        raise ValueError("the file does not hold a JSON object")
    in_row = data.get("snoozes_in_row", 0)
    done = data.get("rotation_done", [])
    return SavedState(
        paused_until=_number(data.get("paused_until")),
        paused_indefinitely=data.get("paused_indefinitely") is True,
        snooze_due=_number(data.get("snooze_due")),
        snoozes_in_row=in_row if isinstance(in_row, int) and not isinstance(in_row, bool) and in_row >= 0 else 0,
        rotation_done=[d for d in done if isinstance(d, str)] if isinstance(done, list) else [],
    )


class StateStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> tuple[SavedState, str | None]:
        """The saved state, and a problem sentence when the file was there but unusable."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return SavedState(), None
        except (OSError, UnicodeDecodeError) as error:
            return SavedState(), f"{self.path} could not be read ({error}); starting with no pause or snooze"
        try:
            return parse_state(json.loads(raw)), None
        except ValueError as error:
            return SavedState(), f"{self.path} is damaged ({error}); starting with no pause or snooze"

    def save(self, state: SavedState) -> None:
        atomic_write_text(self.path, json.dumps(asdict(state), indent=1) + "\n")


def _copy(state: SavedState) -> SavedState:
    return SavedState(**asdict(state))


class BackgroundStateStore(StateStore):
    """Saves on a short-lived worker thread: `save` returns at once, the newest state is the one written, and a
    save that fails is logged there (the old file stays). The thread exists only while there is something to
    write, so an idle app has none. `flush` waits for the last save, as the app does when it quits."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._changed = threading.Condition()
        self._waiting: SavedState | None = None
        self._writing = False
        self.failures = 0

    def save(self, state: SavedState) -> None:
        with self._changed:
            self._waiting = _copy(state)
            if self._writing:
                return
            self._writing = True
            try:
                threading.Thread(target=self._write_all, name="state-save", daemon=True).start()
                return
            except RuntimeError as error:  # no thread to be had: save here instead
                log.warning("saving the pause and snooze state without a worker thread: %s", error)
        self._write_all()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything handed to save() is on disk (or failed); False if that took over `timeout`."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._writing, timeout)

    def _write_all(self) -> None:
        while True:
            with self._changed:
                state, self._waiting = self._waiting, None
                if state is None:  # checked and marked under the lock, so no save() slips in between
                    self._writing = False
                    self._changed.notify_all()
                    return
            try:
                super().save(state)
            except Exception as error:  # whatever it is, the next save must still happen
                self.failures += 1
                log.warning("the pause and snooze state could not be saved to %s: %s", self.path, error)


class MemoryStateStore(StateStore):
    """For tests and for `stretchbreak now` without a running app: nothing touches the disk."""

    def __init__(self, state: SavedState | None = None) -> None:
        super().__init__(Path("state.json"))
        self.state = state or SavedState()
        self.saves = 0

    def load(self) -> tuple[SavedState, str | None]:
        return _copy(self.state), None

    def save(self, state: SavedState) -> None:
        self.state = _copy(state)
        self.saves += 1
