"""The Statistics window: today and this week at a glance, the streak, the most and least done stretches,
and charts of the last 30 days (stretches, longest sitting, back comfort).

It reads the history when it is built and on `refresh()` (F5), never in the background; the database does
the counting (core/stats.py), so years of history open as fast as a week. Esc closes it; Tab visits the
charts, whose accessible descriptions say what they show.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stretchbreak.core.clock import Clock
from stretchbreak.core.history import HistoryStore
from stretchbreak.core.stats import (
    DEFAULT_DAYS,
    Summary,
    Totals,
    describe_streak,
    describe_stretches,
    glance_rows,
    summarize,
)
from stretchbreak.ui.charts import BarChart, Chart, LineChart, minute_ticks, minutes_text, nice_ticks

EMPTY_HINT = "Nothing recorded yet. Your stretches, sitting times and snoozes will show up here."


def _day_label(totals: Totals) -> str:
    return f"{totals.first.day} {totals.first:%b}"


def _bindings(standard: QKeySequence.StandardKey, extra: QKeySequence) -> list[QKeySequence]:
    """The platform's keys for `standard` plus `extra`, each once (a key bound twice would fire neither)."""
    keys = list(QKeySequence.keyBindings(standard))
    return keys if extra in keys else [*keys, extra]


class StatsWindow(QWidget):
    def __init__(self, store: HistoryStore, clock: Clock, names: Mapping[str, str], *, days: int = DEFAULT_DAYS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._store = store
        self._clock = clock
        self._names = dict(names)
        self._days = days
        self.setObjectName("statsWindow")
        self.setWindowTitle("Statistics — stretchbreak")
        self.setAccessibleName("stretchbreak statistics")
        self.setMinimumSize(860, 680)

        self.heading = QLabel("Statistics", self)
        self.heading.setAccessibleName("Statistics")
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.5)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.date_label = QLabel(self)
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hint = QLabel(EMPTY_HINT, self)
        self.hint.setAccessibleName(EMPTY_HINT)
        self.hint.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.date_label)

        today_box, self.today_values = self._glance_box("Today")
        week_box, self.week_values = self._glance_box("This week")
        self.habits_box = self._habits_box()
        cards = QHBoxLayout()
        cards.setSpacing(12)
        for box in (today_box, week_box, self.habits_box):
            cards.addWidget(box, 1)

        window = f"last {days} days"
        self.stretches_chart = BarChart(f"Stretches per day, {window}", self,
                                        ticks=lambda top: nice_ticks(top, whole=True))
        self.sitting_chart = BarChart("Longest sitting per day", self, value_text=minutes_text, ticks=minute_ticks)
        self.comfort_chart = LineChart("Back comfort (0 worst, 10 best)", self, top=10.0,
                                       ticks=lambda top: nice_ticks(top, 5, whole=True))
        lower_charts = QHBoxLayout()
        lower_charts.setSpacing(12)
        lower_charts.addWidget(self.sitting_chart, 1)
        lower_charts.addWidget(self.comfort_chart, 1)

        self.refresh_button = QPushButton("Refresh", self)
        self.refresh_button.setAccessibleName("Refresh")
        self.refresh_button.setToolTip("Read the history again (F5)")
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton("Close", self)
        self.close_button.setAccessibleName("Close")
        self.close_button.setToolTip("Close (Esc)")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.hint)
        layout.addLayout(cards)
        layout.addWidget(self.stretches_chart, 1)
        layout.addLayout(lower_charts, 1)
        layout.addLayout(buttons)

        for keys in _bindings(QKeySequence.StandardKey.Refresh, QKeySequence(Qt.Key.Key_F5)):
            QShortcut(keys, self).activated.connect(self.refresh)
        for keys in _bindings(QKeySequence.StandardKey.Close, QKeySequence(Qt.Key.Key_Escape)):
            QShortcut(keys, self).activated.connect(self.close)
        self.close_button.setFocus()
        self.summary: Summary
        self.refresh()

    # ---- construction -------------------------------------------------------------------------------

    def _glance_box(self, title: str) -> tuple[QGroupBox, dict[str, QLabel]]:
        box = QGroupBox(title, self)
        box.setAccessibleName(title)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        values: dict[str, QLabel] = {}
        for row, (key, label, _) in enumerate(glance_rows(Totals(self._clock.now().date(),
                                                                 self._clock.now().date()))):
            caption = QLabel(label, box)
            caption.setAccessibleName(label)
            value = QLabel(box)
            value.setObjectName(f"{title.lower().replace(' ', '_')}_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = QFont(value.font())
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            values[key] = value
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(values), 1)
        return box, values

    def _habits_box(self) -> QGroupBox:
        box = QGroupBox("Habits", self)
        box.setAccessibleName("Habits")
        column = QVBoxLayout(box)
        column.setSpacing(2)
        self.streak_value = self._habit(box, column, "Current streak")
        column.addSpacing(8)
        self.most_value = self._habit(box, column, f"Most done, last {self._days} days")
        column.addSpacing(8)
        self.least_value = self._habit(box, column, f"Least done, last {self._days} days")
        column.addStretch(1)
        return box

    def _habit(self, box: QGroupBox, column: QVBoxLayout, caption_text: str) -> QLabel:
        caption = QLabel(caption_text, box)
        caption.setAccessibleName(caption_text)
        value = QLabel(box)
        value.setWordWrap(True)
        font = QFont(value.font())
        font.setBold(True)
        value.setFont(font)
        column.addWidget(caption)
        column.addWidget(value)
        return value

    # ---- showing the numbers ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the history again and show it."""
        self._store.flush()
        today = self._clock.now().date()
        summary = summarize(self._store, today, self._days, known_ids=self._names)
        self.summary = summary
        self.date_label.setText(f"{today:%A} {today.day} {today:%B %Y}")
        self.date_label.setAccessibleName(f"Today is {self.date_label.text()}")
        self.hint.setVisible(not summary.has_data)
        self._fill_glance("Today", self.today_values, summary.today)
        self._fill_glance("This week", self.week_values, summary.week)
        self._set_habit(self.streak_value, "Current streak", describe_streak(summary.streak))
        most, most_count = summary.most_done
        least, least_count = summary.least_done
        self._set_habit(self.most_value, "Most done", describe_stretches(most, most_count, self._names))
        self._set_habit(self.least_value, "Least done", describe_stretches(least, least_count, self._names))
        ranking = "\n".join(f"{self._names.get(i, i)}: {n}" for i, n in summary.stretch_counts)
        self.habits_box.setToolTip(f"Completed in the last {self._days} days:\n{ranking}" if ranking else "")
        self._fill_charts(summary)

    def _fill_glance(self, period: str, values: Mapping[str, QLabel], totals: Totals) -> None:
        for key, label, text in glance_rows(totals):
            values[key].setText(text)
            values[key].setAccessibleName(f"{period}, {label.lower()}: {text}")

    @staticmethod
    def _set_habit(value: QLabel, caption: str, text: str) -> None:
        value.setText(text)
        value.setAccessibleName(f"{caption}: {text}")

    def _fill_charts(self, summary: Summary) -> None:
        charts: tuple[Chart, Chart, Chart] = (self.stretches_chart, self.sitting_chart, self.comfort_chart)
        if not summary.has_data:
            for chart in charts:
                chart.set_points([])
            return
        days = summary.days
        self.stretches_chart.set_points([(_day_label(d), float(d.stretches)) for d in days])
        self.sitting_chart.set_points(
            [(_day_label(d), None if d.longest is None else d.longest / 60) for d in days])
        self.comfort_chart.set_points([(_day_label(d), d.comfort) for d in days])
