"""The backends' arithmetic and their refusals, everywhere: extrapolation, tick wrap-around, platform guards."""

import sys

import pytest

from stretchbreak.platform.idle.base import IdleUnavailable
from stretchbreak.platform.idle.extrapolate import GROWTH_TOLERANCE_SECONDS, IdleExtrapolator
from stretchbreak.platform.idle.macos import MacIdleSource
from stretchbreak.platform.idle.wall_time import WallTimeIdleSource
from stretchbreak.platform.idle.windows import WindowsIdleSource, idle_milliseconds
from stretchbreak.platform.idle.x11 import X11IdleSource


def test_no_reading_means_no_idle() -> None:
    assert IdleExtrapolator().estimate(100.0) == 0.0


def test_a_single_reading_is_not_extrapolated() -> None:
    extrapolator = IdleExtrapolator()
    extrapolator.record(30.0, measured_at=100.0)
    assert not extrapolator.growing
    assert extrapolator.estimate(104.0) == 30.0


def test_idle_that_grew_with_the_clock_is_extrapolated() -> None:
    extrapolator = IdleExtrapolator()
    extrapolator.record(30.0, measured_at=100.0)
    extrapolator.record(35.0, measured_at=105.0)
    assert extrapolator.growing
    assert extrapolator.estimate(108.0) == 38.0
    assert extrapolator.estimate(104.0) == 35.0  # never below the last reading


def test_growth_within_the_tolerance_still_counts_as_away() -> None:
    extrapolator = IdleExtrapolator()
    extrapolator.record(30.0, measured_at=100.0)
    extrapolator.record(35.0 - GROWTH_TOLERANCE_SECONDS, measured_at=105.0)
    assert extrapolator.growing


def test_input_between_readings_stops_extrapolation() -> None:
    extrapolator = IdleExtrapolator()
    extrapolator.record(30.0, measured_at=100.0)
    extrapolator.record(2.0, measured_at=105.0)
    assert not extrapolator.growing
    assert extrapolator.estimate(110.0) == 2.0


def test_idle_that_grew_less_than_the_clock_means_input_happened() -> None:
    extrapolator = IdleExtrapolator()
    extrapolator.record(1.0, measured_at=100.0)
    extrapolator.record(3.0, measured_at=105.0)
    assert not extrapolator.growing
    assert extrapolator.estimate(109.0) == 3.0


def test_extrapolation_stops_once_input_is_seen_again() -> None:
    extrapolator = IdleExtrapolator()
    for idle, at in ((10.0, 100.0), (15.0, 105.0), (0.5, 110.0)):
        extrapolator.record(idle, at)
    assert extrapolator.estimate(120.0) == 0.5


@pytest.mark.parametrize(("tick64", "last_input", "expected"), [
    (10_000, 9_000, 1_000),
    (10_000, 10_000, 0),
    (2**32 + 500, 2**32 - 1_500, 2_000),  # the 32-bit last-input tick wrapped before the 64-bit count's low bits
    (5 * 2**32 + 100, 50, 50),
])
def test_windows_idle_milliseconds_survive_the_49_day_wrap(tick64: int, last_input: int, expected: int) -> None:
    assert idle_milliseconds(tick64, last_input) == expected


def test_wall_time_never_sees_idle() -> None:
    source = WallTimeIdleSource()
    assert source.name == "wall-time"
    assert source.idle_seconds() == 0.0


def test_windows_backend_answers_on_windows_and_refuses_elsewhere() -> None:
    if sys.platform == "win32":
        assert WindowsIdleSource().idle_seconds() >= 0.0
    else:
        with pytest.raises(IdleUnavailable, match="only on Windows"):
            WindowsIdleSource()


def test_macos_backend_answers_on_macos_and_refuses_elsewhere() -> None:
    if sys.platform == "darwin":
        assert MacIdleSource().idle_seconds() >= 0.0
    else:
        with pytest.raises(IdleUnavailable, match="only on macOS"):
            MacIdleSource()


def test_x11_backend_names_the_display_it_cannot_open() -> None:
    with pytest.raises(IdleUnavailable, match=r"cannot open X display :31999"):
        X11IdleSource(":31999")
