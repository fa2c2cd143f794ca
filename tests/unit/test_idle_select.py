"""Choosing an idle backend: the order per OS and desktop, passing over broken backends, and the mid-run fallback."""

from collections.abc import Callable, Mapping

import pytest

from stretchbreak.platform.idle.base import IdleSource, IdleUnavailable
from stretchbreak.platform.idle.select import (
    DEFAULT_FACTORIES,
    FREEDESKTOP,
    GNOME,
    MACOS,
    WALL_TIME,
    WINDOWS,
    X11,
    FallbackIdleSource,
    IdleFactory,
    candidate_order,
    choose_idle_source,
)
from stretchbreak.platform.idle.wall_time import WallTimeIdleSource


class FakeSource:
    def __init__(self, name: str, readings: list[float | IdleUnavailable]) -> None:
        self.name = name
        self._readings = readings
        self.closed = False
        self.calls = 0

    def idle_seconds(self) -> float:
        self.calls += 1
        reading = self._readings[min(self.calls, len(self._readings)) - 1]
        if isinstance(reading, IdleUnavailable):
            raise reading
        return reading

    def close(self) -> None:
        self.closed = True


class Factories:
    """Fake backend constructors that record the order they were tried in."""

    def __init__(self, behaviour: Mapping[str, str | list[float | IdleUnavailable]]) -> None:
        self.tried: list[str] = []
        self.built: dict[str, FakeSource] = {}
        self.envs: list[Mapping[str, str]] = []
        self.factories: dict[str, IdleFactory] = {name: self._factory(name, how) for name, how in behaviour.items()}

    def _factory(self, name: str, how: str | list[float | IdleUnavailable]) -> IdleFactory:
        def build(env: Mapping[str, str]) -> IdleSource:
            self.tried.append(name)
            self.envs.append(env)
            if isinstance(how, str):
                raise IdleUnavailable(how)
            self.built[name] = FakeSource(name, how)
            return self.built[name]

        return build


ALL_BROKEN = {name: f"{name} is broken" for name in (X11, GNOME, FREEDESKTOP, WINDOWS, MACOS)}

GNOME_WAYLAND = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}
KDE_WAYLAND = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":1", "XDG_CURRENT_DESKTOP": "KDE"}
GNOME_X11 = {"DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "GNOME", "XDG_SESSION_TYPE": "x11"}
XFCE_X11 = {"DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "XFCE"}


@pytest.mark.parametrize(("env", "platform", "expected"), [
    ({}, "win32", [WINDOWS, WALL_TIME]),
    (XFCE_X11, "win32", [WINDOWS, WALL_TIME]),
    ({}, "darwin", [MACOS, WALL_TIME]),
    (GNOME_WAYLAND, "linux", [GNOME, FREEDESKTOP, WALL_TIME]),
    ({"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "GNOME"}, "linux", [GNOME, FREEDESKTOP, WALL_TIME]),
    (KDE_WAYLAND, "linux", [FREEDESKTOP, WALL_TIME]),
    (GNOME_X11, "linux", [X11, GNOME, FREEDESKTOP, WALL_TIME]),
    (XFCE_X11, "linux", [X11, FREEDESKTOP, WALL_TIME]),
    (XFCE_X11, "freebsd14", [X11, FREEDESKTOP, WALL_TIME]),
    ({}, "linux", [FREEDESKTOP, WALL_TIME]),
])
def test_candidate_order_per_platform_and_session(env: dict[str, str], platform: str, expected: list[str]) -> None:
    assert candidate_order(env, platform) == expected


def test_every_candidate_name_has_a_default_factory() -> None:
    names = {name for env in (GNOME_WAYLAND, GNOME_X11) for name in candidate_order(env, "linux")}
    names |= set(candidate_order({}, "win32")) | set(candidate_order({}, "darwin"))
    assert names == set(DEFAULT_FACTORIES)


def test_first_working_backend_wins_and_later_ones_are_not_built() -> None:
    fakes = Factories({X11: [12.5], FREEDESKTOP: [1.0], WALL_TIME: [0.0]})
    source, passed_over = choose_idle_source(XFCE_X11, fakes.factories, "linux")
    assert source is fakes.built[X11]
    assert passed_over == []
    assert fakes.tried == [X11]
    assert fakes.envs == [XFCE_X11]


def test_backends_that_fail_to_build_are_passed_over_with_their_reasons() -> None:
    fakes = Factories({GNOME: "org.gnome.Mutter.IdleMonitor is not running", FREEDESKTOP: [3.0]})
    source, passed_over = choose_idle_source(GNOME_WAYLAND, fakes.factories, "linux")
    assert source.name == FREEDESKTOP
    assert fakes.tried == [GNOME, FREEDESKTOP]
    assert passed_over == [
        "x11-screensaver: not used on Wayland, where XWayland only sees input sent to X windows",
        "gnome-mutter: org.gnome.Mutter.IdleMonitor is not running",
    ]


def test_a_backend_that_builds_but_cannot_answer_is_closed_and_passed_over() -> None:
    fakes = Factories({X11: [IdleUnavailable("query failed")], FREEDESKTOP: [4.0]})
    source, passed_over = choose_idle_source(XFCE_X11, fakes.factories, "linux")
    assert source is fakes.built[FREEDESKTOP]
    assert fakes.built[X11].closed
    assert not fakes.built[FREEDESKTOP].closed
    assert passed_over == ["x11-screensaver: query failed"]


def test_wall_time_when_nothing_works() -> None:
    fakes = Factories({**ALL_BROKEN})
    source, passed_over = choose_idle_source(GNOME_X11, fakes.factories, "linux")
    assert isinstance(source, WallTimeIdleSource)
    assert source.name == "wall-time"
    assert source.idle_seconds() == 0.0
    assert passed_over == [
        "x11-screensaver: x11-screensaver is broken",
        "gnome-mutter: gnome-mutter is broken",
        "freedesktop-screensaver: freedesktop-screensaver is broken",
        "wall-time: not offered",
    ]


def test_windows_never_tries_the_unix_backends() -> None:
    fakes = Factories({**ALL_BROKEN, WALL_TIME: [0.0]})
    source, passed_over = choose_idle_source(XFCE_X11, fakes.factories, "win32")
    assert fakes.tried == [WINDOWS, WALL_TIME]
    assert source.name == WALL_TIME
    assert passed_over == ["windows: windows is broken"]


def test_default_env_is_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":42")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    fakes = Factories({X11: [1.0]})
    choose_idle_source(candidates=fakes.factories, platform="linux")
    assert fakes.tried == [X11]
    assert fakes.envs[0]["DISPLAY"] == ":42"


def test_real_unix_backends_say_why_they_cannot_work_without_a_display() -> None:
    source, passed_over = choose_idle_source({"DISPLAY": ""}, {X11: DEFAULT_FACTORIES[X11]}, "linux")
    assert isinstance(source, WallTimeIdleSource)
    assert passed_over[0] == "freedesktop-screensaver: not offered"


def test_real_x11_backend_reports_a_missing_display() -> None:
    env = {"DISPLAY": ":31999"}
    source, passed_over = choose_idle_source(env, {X11: DEFAULT_FACTORIES[X11]}, "linux")
    assert isinstance(source, WallTimeIdleSource)
    assert passed_over[0].startswith("x11-screensaver: cannot open X display :31999")


# ---- FallbackIdleSource -------------------------------------------------------------------------------------

def test_fallback_passes_readings_through_while_the_backend_works() -> None:
    primary = FakeSource(X11, [5.0, 6.5])
    source = FallbackIdleSource(primary)
    assert [source.idle_seconds(), source.idle_seconds()] == [5.0, 6.5]
    assert source.name == X11
    assert source.failure is None
    assert not source.fell_back


def test_fallback_switches_to_wall_time_for_good_and_says_why() -> None:
    primary = FakeSource(X11, [5.0, IdleUnavailable("the X server stopped answering"), 7.0])
    switches: list[str] = []
    source = FallbackIdleSource(primary, on_fallback=switches.append)
    assert source.idle_seconds() == 5.0
    assert source.idle_seconds() == 0.0
    assert source.idle_seconds() == 0.0
    assert primary.calls == 2
    assert primary.closed
    assert source.fell_back
    assert source.name == "wall-time (x11-screensaver failed: the X server stopped answering)"
    assert switches == ["x11-screensaver failed: the X server stopped answering"]


def test_fallback_uses_the_given_replacement() -> None:
    replacement = FakeSource("other", [9.0])
    source = FallbackIdleSource(FakeSource(GNOME, [IdleUnavailable("gone")]), fallback=replacement)
    assert source.idle_seconds() == 9.0
    assert source.name == "other (gnome-mutter failed: gone)"


def test_fallback_close_closes_both() -> None:
    primary, replacement = FakeSource(X11, [1.0]), FakeSource("other", [2.0])
    FallbackIdleSource(primary, fallback=replacement).close()
    assert primary.closed and replacement.closed


def test_fallback_satisfies_the_protocol() -> None:
    source: IdleSource = FallbackIdleSource(WallTimeIdleSource())
    read: Callable[[], float] = source.idle_seconds
    assert read() == 0.0
