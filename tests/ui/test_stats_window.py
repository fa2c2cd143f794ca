"""The Statistics window on a seeded history file, and the charts it draws."""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from stretchbreak.core.history import HistoryStore
from stretchbreak.ui.charts import (
    EMPTY_TEXT,
    BarChart,
    LineChart,
    label_stride,
    minute_ticks,
    minutes_text,
    nice_ticks,
)
from stretchbreak.ui.hold_ring import ACCENT
from stretchbreak.ui.stats_window import EMPTY_HINT, StatsWindow
from tests.unit.test_history import CET, WallClock

NAMES = {"cobra-low": "Cobra, low", "chest-opener": "Chest opener", "reverse-stretch": "Reverse stretch",
         "hip-flexor-release": "Hip flexor release"}


@pytest.fixture
def clock() -> WallClock:
    return WallClock(datetime(2026, 3, 4, 16, 0, tzinfo=CET))


@pytest.fixture
def store(tmp_path: Path, clock: WallClock) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3", clock) as opened:
        yield opened


def seed(store: HistoryStore, clock: WallClock) -> None:
    """Sunday 1 March (last week) to Wednesday 4 March (today); the clock ends where it started."""
    now = clock.when

    def on(day: int, hour: int) -> None:
        clock.when = datetime(2026, 3, day, hour, 0, tzinfo=CET)

    on(1, 11)
    store.record_stretch("reverse-stretch", "completed", 90, sitting_seconds=5400)
    on(2, 10)
    store.record_stretch("cobra-low", "completed", 90, sitting_seconds=3000)
    store.record_stretch("cobra-low", "completed", 90, sitting_seconds=2400)
    store.record_comfort(6)
    on(3, 10)
    store.record_snooze(600)
    store.record_stretch("chest-opener", "completed", 90, sitting_seconds=3900)
    store.record_comfort(8)
    on(4, 9)
    store.record_stretch("cobra-low", "completed", 90, sitting_seconds=1800)
    store.record_natural_break(600, "idle", sitting_seconds=3000)
    store.record_snooze(300)
    store.record_snooze(300)
    store.record_comfort(9)
    clock.when = now


@pytest.fixture
def window(qtbot: QtBot, store: HistoryStore, clock: WallClock) -> StatsWindow:
    seed(store, clock)
    win = StatsWindow(store, clock, NAMES)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def texts(values: dict[str, QLabel]) -> dict[str, str]:
    return {key: label.text() for key, label in values.items()}


def test_today_and_this_week_show_the_seeded_numbers(window: StatsWindow) -> None:
    assert texts(window.today_values) == {
        "stretches": "1", "longest": "50 min", "average": "40 min", "snoozes": "2", "comfort": "9 / 10"}
    assert texts(window.week_values) == {
        "stretches": "4", "longest": "1 h 5 min", "average": "47 min", "snoozes": "3", "comfort": "7.7 / 10"}
    assert window.today_values["longest"].accessibleName() == "Today, longest unbroken sitting: 50 min"


def test_streak_and_most_and_least_done_use_the_stretch_names(window: StatsWindow) -> None:
    assert window.streak_value.text() == "4 days in a row"
    assert window.most_value.text() == "Cobra, low (3 times)"
    assert window.least_value.text() == "Hip flexor release (0 times)"
    assert "Reverse stretch: 1" in window.habits_box.toolTip()
    assert not window.hint.isVisible()


def test_the_charts_show_the_last_30_days(window: StatsWindow) -> None:
    stretches = window.stretches_chart.points
    assert len(stretches) == 30
    assert stretches[0][0] == "3 Feb"
    assert stretches[-4:] == [("1 Mar", 1.0), ("2 Mar", 2.0), ("3 Mar", 1.0), ("4 Mar", 1.0)]
    sitting = window.sitting_chart.points
    assert sitting[-4:] == [("1 Mar", 90.0), ("2 Mar", 50.0), ("3 Mar", 65.0), ("4 Mar", 50.0)]
    assert sitting[0] == ("3 Feb", None)
    comfort = window.comfort_chart.points
    assert comfort[-4:] == [("1 Mar", None), ("2 Mar", 6.0), ("3 Mar", 8.0), ("4 Mar", 9.0)]
    assert "Highest 1 h 30 on 1 Mar" in window.sitting_chart.accessibleDescription()


def test_every_widget_has_an_accessible_name(window: StatsWindow) -> None:
    widgets = [window, *window.findChildren(QWidget)]
    assert len(widgets) > 30
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in widgets if not w.accessibleName()]
    assert unnamed == []


def test_an_empty_history_says_so(qtbot: QtBot, store: HistoryStore, clock: WallClock) -> None:
    win = StatsWindow(store, clock, NAMES)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.hint.isVisible() and win.hint.text() == EMPTY_HINT
    assert all(chart.empty for chart in (win.stretches_chart, win.sitting_chart, win.comfort_chart))
    assert win.today_values["longest"].text() == "—"
    assert win.streak_value.text() == "no streak yet"
    assert win.most_value.text() == "—"


def test_f5_reads_the_history_again(qtbot: QtBot, window: StatsWindow, store: HistoryStore) -> None:
    store.record_stretch("hip-flexor-release", "completed", 60, sitting_seconds=600)
    assert window.today_values["stretches"].text() == "1"
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert window.today_values["stretches"].text() == "2"
    assert window.least_value.text() == "Chest opener, Hip flexor release, Reverse stretch (1 time each)"


def test_escape_closes_and_the_charts_take_tab_focus(qtbot: QtBot, window: StatsWindow) -> None:
    assert window.close_button.hasFocus() or window.focusWidget() is window.close_button
    for chart in (window.stretches_chart, window.sitting_chart, window.comfort_chart):
        assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


# ---- the charts -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("top", "whole", "ticks"), [
    (17, True, [0, 5, 10, 15, 20]),
    (3, True, [0, 1, 2, 3]),
    (1, True, [0, 1]),
    (0, True, [0, 1]),
    (95, False, [0, 25, 50, 75, 100]),
    (10, True, [0, 5, 10]),
    (11, True, [0, 5, 10, 15]),
    (0.7, False, [0, 0.2, 0.4, 0.6000000000000001, 0.8]),
])
def test_nice_ticks_start_at_zero_and_reach_the_top(top: float, whole: bool, ticks: list[float]) -> None:
    assert nice_ticks(top, whole=whole) == ticks


def test_comfort_ticks_are_even_steps_to_ten() -> None:
    assert nice_ticks(10, 5, whole=True) == [0, 2, 4, 6, 8, 10]


@pytest.mark.parametrize(("top", "ticks"), [(42, [0, 15, 30, 45]), (65, [0, 30, 60, 90]), (8, [0, 5, 10]),
                                            (300, [0, 90, 180, 270, 360])])
def test_minute_ticks_fall_on_clock_friendly_steps(top: float, ticks: list[float]) -> None:
    assert minute_ticks(top) == ticks


@pytest.mark.parametrize(("minutes", "text"), [(0, "0"), (45, "45 min"), (60, "1 h"), (90, "1 h 30"), (125, "2 h 05")])
def test_minutes_text(minutes: float, text: str) -> None:
    assert minutes_text(minutes) == text


@pytest.mark.parametrize(("label", "slot", "stride"), [(40, 12, 4), (30, 40, 1), (40, 0, 1), (52, 20, 3)])
def test_x_labels_skip_enough_points_not_to_overlap(label: float, slot: float, stride: int) -> None:
    assert label_stride(label, slot) == stride


def palette_of(window: str, text: str, base: str, mid: str) -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Base, base), (QPalette.ColorRole.Mid, mid)):
        palette.setColor(role, QColor(colour))
    return palette


def colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) & 0xFFFFFF for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}


@pytest.mark.parametrize("palette", [palette_of("#efefef", "#1a1a1a", "#fdfdfd", "#b8b8b8"),
                                     palette_of("#2b2d30", "#e6e6e6", "#1f2023", "#4a4c50")], ids=["light", "dark"])
def test_a_chart_draws_on_its_palette_with_the_accent(qtbot: QtBot, palette: QPalette) -> None:
    chart = BarChart("Stretches")
    qtbot.addWidget(chart)
    chart.setPalette(palette)
    chart.resize(400, 220)
    chart.set_points([(f"{n} Mar", float(n % 4)) for n in range(1, 31)])
    image = chart.grab().toImage()
    base = palette.color(QPalette.ColorRole.Base)
    assert QColor(image.pixel(chart.width() - 5, chart.height() // 2)) == base
    found = colours(image)
    assert ACCENT.rgb() & 0xFFFFFF in found
    assert palette.color(QPalette.ColorRole.WindowText).rgb() & 0xFFFFFF in found


def test_an_empty_chart_says_no_data_yet_and_draws_no_bars(qtbot: QtBot) -> None:
    chart = LineChart("Back comfort", top=10)
    qtbot.addWidget(chart)
    chart.resize(400, 220)
    chart.set_points([("1 Mar", None), ("2 Mar", None)])
    assert chart.empty
    assert EMPTY_TEXT.lower() in chart.accessibleDescription()
    assert ACCENT.rgb() & 0xFFFFFF not in colours(chart.grab().toImage())
    chart.set_points([("1 Mar", 4.0), ("2 Mar", None), ("3 Mar", 7.0)])
    assert not chart.empty
    assert ACCENT.rgb() & 0xFFFFFF in colours(chart.grab().toImage())


def test_a_chart_tooltip_names_the_day_and_value_under_the_pointer(qtbot: QtBot) -> None:
    chart = BarChart("Longest sitting", value_text=minutes_text, ticks=minute_ticks)
    qtbot.addWidget(chart)
    chart.resize(400, 220)
    chart.set_points([("1 Mar", 30.0), ("2 Mar", None), ("3 Mar", 75.0)])
    assert chart.tooltip_at(chart.width() - 20) == "3 Mar: 1 h 15"
    assert chart.tooltip_at(chart.width() / 2 + 10) == "2 Mar: none"
    assert chart.tooltip_at(2) is None
