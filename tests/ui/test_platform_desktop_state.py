"""DesktopState's decisions without any OS: which atoms mean fullscreen, which Windows states mean "busy",
which reason wins, and which checks are off on which platform."""

import sys

import pytest

from stretchbreak.platform.desktop_state import (
    FULLSCREEN,
    FULLSCREEN_CHECK,
    NOTIFICATIONS_CHECK,
    NOTIFICATIONS_INHIBITED,
    PRESENTATION_CHECK,
    PRESENTATION_MODE,
    DesktopState,
    active_window_id,
    first_block,
    is_fullscreen,
    is_presentation_state,
)

FULLSCREEN_ATOM = 331
MAXIMIZED_ATOMS = [305, 306]


@pytest.mark.parametrize(("atoms", "expected"), [
    ([], False),
    (MAXIMIZED_ATOMS, False),
    ([*MAXIMIZED_ATOMS, FULLSCREEN_ATOM], True),
    ([FULLSCREEN_ATOM], True),
])
def test_fullscreen_is_the_fullscreen_atom_in_the_window_state(atoms: list[int], expected: bool) -> None:
    assert is_fullscreen(atoms, FULLSCREEN_ATOM) is expected


@pytest.mark.parametrize(("value", "expected"), [(None, None), ([], None), ([0], None), ([0x400004], 0x400004)])
def test_active_window_id(value: list[int] | None, expected: int | None) -> None:
    assert active_window_id(value) == expected


@pytest.mark.parametrize(("state", "expected"), [
    (1, False),  # QUNS_NOT_PRESENT: screen saver or locked
    (2, True),  # QUNS_BUSY: a fullscreen application
    (3, True),  # QUNS_RUNNING_D3D_FULL_SCREEN
    (4, True),  # QUNS_PRESENTATION_MODE
    (5, False),  # QUNS_ACCEPTS_NOTIFICATIONS
    (6, False),  # QUNS_QUIET_TIME: the first hour after a new user's first sign-in
    (7, False),  # QUNS_APP: a Windows Store app is running
])
def test_windows_notification_states_that_mean_busy(state: int, expected: bool) -> None:
    assert is_presentation_state(state) is expected


def test_nothing_blocking_means_none() -> None:
    assert first_block(False, False, False) is None


@pytest.mark.parametrize(("checks", "expected"), [
    ((True, False, False), FULLSCREEN),
    ((False, True, False), NOTIFICATIONS_INHIBITED),
    ((False, False, True), PRESENTATION_MODE),
    ((True, True, True), FULLSCREEN),
    ((False, True, True), NOTIFICATIONS_INHIBITED),
])
def test_the_first_reason_wins(checks: tuple[bool, bool, bool], expected: str) -> None:
    assert first_block(*checks) == expected


def test_the_reasons_read_as_the_status_shows_them() -> None:
    assert (FULLSCREEN, NOTIFICATIONS_INHIBITED, PRESENTATION_MODE) == (
        "fullscreen", "notifications inhibited", "presentation mode")


def test_windows_turns_off_the_x11_and_d_bus_checks() -> None:
    state = DesktopState({"DISPLAY": ":0"}, platform="win32")
    assert state.off_reasons[FULLSCREEN_CHECK] == "X11 only"
    assert state.off_reasons[NOTIFICATIONS_CHECK] == "freedesktop desktops only"
    if sys.platform == "win32":
        assert state.status()[PRESENTATION_CHECK] == "on"
        assert state.blocked_by() in (None, PRESENTATION_MODE)
    else:
        assert state.status()[PRESENTATION_CHECK] == "off: SHQueryUserNotificationState exists only on Windows"
        assert state.blocked_by() is None


def test_macos_has_no_check_yet() -> None:
    state = DesktopState({"DISPLAY": ":0"}, platform="darwin")
    assert state.status() == {
        FULLSCREEN_CHECK: "off: X11 only",
        NOTIFICATIONS_CHECK: "off: freedesktop desktops only",
        PRESENTATION_CHECK: "off: Windows only",
    }
    assert state.blocked_by() is None
