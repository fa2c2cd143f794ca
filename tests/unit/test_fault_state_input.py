"""A damaged state.json (pause and snooze state): whatever bytes or JSON it holds, the reminder policy built on it
answers every question the app asks at start-up and on every check, with finite, non-negative times.

The app asks `state()`, `paused_until` (for `status` and the menu), `seconds_to_reminder()` and
`seconds_until_next_check()` (to plan its next wake-up, which must fit in a timer). Each property reads: given
any such file, when the app starts on it, then ...
"""

from __future__ import annotations

import json
import math
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.reminders import ReminderPolicy, State
from stretchbreak.core.settings import ScheduleSettings, Settings
from stretchbreak.core.sitting import SittingTracker
from stretchbreak.core.state_store import StateStore

FAULT = settings(max_examples=300, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
NOW = datetime(2026, 3, 2, 10, 0).astimezone()
ALL_DAY = Settings(schedule=ScheduleSettings(days=("mon", "tue", "wed", "thu", "fri", "sat", "sun"), hours=""))
NUMBERS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                    st.floats(min_value=-1e6, max_value=1e6).map(lambda offset: NOW.timestamp() + offset),
                    st.text(max_size=5))
STATE_OBJECTS = st.fixed_dictionaries({}, optional={
    "paused_until": NUMBERS, "paused_indefinitely": NUMBERS, "snooze_due": NUMBERS, "snoozes_in_row": NUMBERS,
    "rotation_done": st.one_of(NUMBERS, st.lists(st.one_of(st.text(max_size=5), NUMBERS), max_size=3)),
})
JSON = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5)),
                    lambda inner: st.one_of(st.lists(inner, max_size=3),
                                            st.dictionaries(st.text(max_size=5), inner, max_size=3)),
                    max_leaves=10)


def start_on(tmp_path: Path, content: bytes) -> ReminderPolicy:
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "state.json"
    path.write_bytes(content)
    clock = FakeClock(NOW)
    return ReminderPolicy(clock, SittingTracker(clock, 300), ALL_DAY, ["a", "b"], StateStore(path))


def assert_answers(policy: ReminderPolicy) -> None:
    """What the app asks at start-up and on every check works, and every wait fits a timer."""
    assert isinstance(policy.state(), State)
    until = policy.paused_until
    assert until is None or until.tzinfo is not None
    if until is not None:
        until.isoformat(timespec="seconds")  # what `status --json` shows
    policy.update()
    for wait in (policy.seconds_to_reminder(), policy.seconds_until_next_check()):
        assert wait is None or (math.isfinite(wait) and wait >= 0)
    wait = policy.seconds_until_next_check()
    if wait is not None:
        NOW + timedelta(seconds=wait)  # what the scheduler computes from it
    assert policy.snoozes_left is None or policy.snoozes_left >= 0


@FAULT
@given(st.binary(max_size=200))
def test_arbitrary_bytes_start_clean(tmp_path: Path, content: bytes) -> None:
    assert_answers(start_on(tmp_path, content))


@FAULT
@given(JSON)
def test_arbitrary_json_starts_clean(tmp_path: Path, data: Any) -> None:
    assert_answers(start_on(tmp_path, json.dumps(data).encode()))


@FAULT
@given(STATE_OBJECTS)
@example({"paused_until": 1e999})  # what json.dumps writes for inf, and json.loads reads back
@example({"paused_until": 1e20})
@example({"paused_until": -1e20})
@example({"snooze_due": 1e300, "snoozes_in_row": 10**30})
@example({"snooze_due": 10**400})  # a whole number too big for a float
def test_odd_values_in_each_field_start_clean(tmp_path: Path, data: dict[str, Any]) -> None:
    assert_answers(start_on(tmp_path, json.dumps(data).encode()))
