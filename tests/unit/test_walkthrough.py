"""The walkthrough and its hold countdown, stepped by a fake clock."""

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.stretches import Step, Stretch
from stretchbreak.core.walkthrough import HoldCountdown, TickResult, Walkthrough


def make_stretch(*steps: Step) -> Stretch:
    return Stretch("test", "Test", "", "back", "careful", steps, "a.svg")


def test_hold_counts_down_from_a_monotonic_deadline() -> None:
    clock = FakeClock()
    hold = HoldCountdown(clock, 30)
    clock.advance(12.5)
    assert hold.remaining() == 17.5
    clock.advance(20)
    assert hold.remaining() == 0.0
    assert hold.expired


def test_wall_clock_jumps_do_not_move_a_hold() -> None:
    clock = FakeClock()
    hold = HoldCountdown(clock, 30)
    clock.jump_wall(3600)
    assert hold.remaining() == 30
    clock.jump_wall(-7200)
    assert hold.remaining() == 30


def test_pause_freezes_and_resume_continues() -> None:
    clock = FakeClock()
    hold = HoldCountdown(clock, 30)
    clock.advance(10)
    hold.pause()
    clock.advance(100)
    assert hold.remaining() == 20
    hold.resume()
    clock.advance(5)
    assert hold.remaining() == 15


def test_expired_hold_advances_exactly_once() -> None:
    clock = FakeClock()
    walk = Walkthrough(make_stretch(Step("hold", hold_seconds=30), Step("rest")), clock)
    clock.advance(29.9)
    assert walk.tick() is TickResult.NOTHING
    clock.advance(0.1)
    assert walk.tick() is TickResult.ADVANCED
    assert walk.index == 1
    clock.advance(100)
    assert walk.tick() is TickResult.NOTHING
    assert walk.index == 1


def test_a_hold_on_the_last_step_finishes_the_stretch() -> None:
    clock = FakeClock()
    walk = Walkthrough(make_stretch(Step("go"), Step("hold", hold_seconds=5)), clock)
    walk.next()
    clock.advance(5)
    assert walk.tick() is TickResult.FINISHED
    assert walk.finished
    assert walk.tick() is TickResult.NOTHING


def test_a_pause_carries_into_the_next_steps_hold() -> None:
    clock = FakeClock()
    walk = Walkthrough(make_stretch(Step("a"), Step("hold", hold_seconds=10)), clock)
    walk.pause()
    walk.next()
    assert walk.hold is not None and walk.hold.paused
    clock.advance(60)
    assert walk.tick() is TickResult.NOTHING
    walk.resume()
    clock.advance(10)
    assert walk.tick() is TickResult.FINISHED


def test_back_restarts_the_earlier_hold_and_stops_at_the_first_step() -> None:
    clock = FakeClock()
    walk = Walkthrough(make_stretch(Step("hold", hold_seconds=10), Step("b")), clock)
    clock.advance(8)
    walk.next()
    walk.back()
    assert walk.index == 0 and walk.hold is not None and walk.hold.remaining() == 10
    walk.back()
    assert walk.index == 0
