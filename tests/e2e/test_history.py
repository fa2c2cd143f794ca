"""End to end: what happens in the real app reaches the history, `stats` and `export`."""

from __future__ import annotations

import json

import pytest

from tests.e2e.app_driver import (
    ALL_DAY,
    activate,
    cli,
    colour_count,
    start_app,
    status,
    stretch_windows,
    wait_running,
    write_config,
)
from tests.e2e.desktop import Desktop

pytestmark = pytest.mark.e2e



def test_a_completed_and_a_snoozed_stretch_show_in_stats_and_export(desktop: Desktop) -> None:
    write_config(desktop, ALL_DAY)
    start_app(desktop)
    wait_running(desktop)

    assert cli(desktop, "now", "cobra-low").returncode == 0
    windows = desktop.wait_for(lambda: stretch_windows(desktop), 10, what="the stretch window")
    activate(desktop, windows[0])
    desktop.key("d")  # done
    desktop.wait_for(lambda: "ended: completed" in desktop.log("app"), 5, what="the stretch to complete")
    # The illustration's pale card leaves the screen when the well-done page with the question is painted.
    desktop.wait_for(lambda: colour_count(desktop, windows[0], "#eef4f1", "comfort-question.png") == 0, 5,
                     interval=0.2, what="the well-done page with the comfort question")
    desktop.key("7")  # "How does your back feel?" 7
    desktop.wait_for(lambda: "comfort after cobra-low: 7" in desktop.log("app"), 5, what="the comfort answer")
    desktop.wait_for(lambda: not stretch_windows(desktop), 10, what="the window to close after the answer")

    assert cli(desktop, "now", "chest-opener").returncode == 0
    desktop.wait_for(lambda: stretch_windows(desktop), 10, what="the second stretch window")
    assert cli(desktop, "snooze", "5m").returncode == 0
    desktop.wait_for(lambda: status(desktop)["state"] == "snoozed", 5, what="the snooze")

    stats = cli(desktop, "stats", "--days", "7")
    assert stats.returncode == 0, stats.stderr
    assert "Cobra 1" in stats.stdout
    exported = cli(desktop, "export", "--format", "json")
    events = [(e["kind"], e["stretch_id"], e["outcome"]) for e in json.loads(exported.stdout)["events"]]
    assert ("stretch", "cobra-low", "completed") in events
    assert ("comfort", "cobra-low", None) in events
    assert ("stretch", "chest-opener", "snoozed") in events
    assert cli(desktop, "quit").returncode == 0


def test_a_stretch_done_without_the_tray_app_running_is_in_the_history_too(desktop: Desktop) -> None:
    write_config(desktop, ALL_DAY)
    # Given no stretchbreak running, when the user asks for a stretch from the command line
    alone = start_app(desktop, "alone", "now", "cobra-low")
    windows = desktop.wait_for(lambda: stretch_windows(desktop), 20, what="the stretch window")
    # And finishes it, and skips the question after it
    activate(desktop, windows[0], app="alone")
    desktop.key("d")
    desktop.wait_for(lambda: "ended: completed" in desktop.log("alone"), 5, what="the stretch to complete")
    desktop.key("Escape")
    # Then the window closes, the one-shot app ends by itself
    assert alone.wait(15) == 0
    # And the stretch is in the history, as done on demand
    exported = cli(desktop, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    stretches = [(e["stretch_id"], e["outcome"], e["manual"]) for e in json.loads(exported.stdout)["events"]
                 if e["kind"] == "stretch"]
    assert stretches == [("cobra-low", "completed", True)]
