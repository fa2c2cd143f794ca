"""The Statistics window: today and this week at a glance, the streak, the most and least done stretches,
and charts of the last 30 days (stretches, longest sitting, back comfort).

It reads the history when it is built and on `refresh()` (F5), never in the background; the database does
the counting (core/stats.py), so years of history open as fast as a week. Esc closes it; Tab visits the
charts, whose accessible descriptions say what they show. The core hands over numbers and English; every
text here is translated, dates follow the user's locale, and a language change retranslates the window.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stretchbreak.core.clock import Clock
from stretchbreak.core.history import HistoryStore
from stretchbreak.core.stats import DEFAULT_DAYS, Summary, Totals, describe_comfort, summarize
from stretchbreak.ui.charts import BarChart, Chart, LineChart, minute_ticks, minutes_text, nice_ticks
from stretchbreak.ui.wording import as_rich_text, duration_text, fill, stretch_text, translate

EMPTY_HINT = str(QT_TRANSLATE_NOOP("StatsWindow", "Nothing recorded yet. Your stretches, sitting times and "
                                                  "snoozes will show up here."))
"""In English; the window shows it translated."""
GLANCE_LABELS = {
    "stretches": str(QT_TRANSLATE_NOOP("StatsWindow", "Stretches done")),
    "longest": str(QT_TRANSLATE_NOOP("StatsWindow", "Longest unbroken sitting")),
    "average": str(QT_TRANSLATE_NOOP("StatsWindow", "Average sitting period")),
    "snoozes": str(QT_TRANSLATE_NOOP("StatsWindow", "Snoozes")),
    "comfort": str(QT_TRANSLATE_NOOP("StatsWindow", "Back comfort")),
}
MAX_NAMES_SHOWN = 3
TODAY = str(QT_TRANSLATE_NOOP("StatsWindow", "Today"))
THIS_WEEK = str(QT_TRANSLATE_NOOP("StatsWindow", "This week"))


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP above, translated now."""
    return translate("StatsWindow", text)


def _bindings(standard: QKeySequence.StandardKey, extra: QKeySequence) -> list[QKeySequence]:
    """The platform's keys for `standard` plus `extra`, each once (a key bound twice would fire neither)."""
    keys = list(QKeySequence.keyBindings(standard))
    return keys if extra in keys else [*keys, extra]


def sitting_text(seconds: float | None) -> str:
    """A sitting time to the minute ("1 h 5 min"), under a minute in seconds, "—" for none."""
    if seconds is None:
        return "—"
    return duration_text(seconds if seconds < 60 else round(seconds / 60) * 60)


def streak_text(days: int) -> str:
    if days == 0:
        return translate("StatsWindow", "no streak yet")
    return translate("StatsWindow", "%n day(s) in a row", None, days)


class StatsWindow(QWidget):
    def __init__(self, store: HistoryStore, clock: Clock, names: Mapping[str, str], *, days: int = DEFAULT_DAYS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._store = store
        self._clock = clock
        self._names = dict(names)
        self._days = days
        self.setObjectName("statsWindow")
        self.setMinimumSize(860, 680)

        self.heading = QLabel(self)
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.5)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.date_label = QLabel(self)
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.date_label)

        self.today_box, self.today_captions, self.today_values = self._glance_box("today")
        self.week_box, self.week_captions, self.week_values = self._glance_box("this_week")
        self.habits_box = self._habits_box()
        cards = QHBoxLayout()
        cards.setSpacing(12)
        for box in (self.today_box, self.week_box, self.habits_box):
            cards.addWidget(box, 1)

        self.stretches_chart = BarChart("", self, ticks=lambda top: nice_ticks(top, whole=True))
        self.sitting_chart = BarChart("", self, value_text=minutes_text, ticks=minute_ticks)
        self.comfort_chart = LineChart("", self, top=10.0, ticks=lambda top: nice_ticks(top, 5, whole=True))
        lower_charts = QHBoxLayout()
        lower_charts.setSpacing(12)
        lower_charts.addWidget(self.sitting_chart, 1)
        lower_charts.addWidget(self.comfort_chart, 1)

        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton(self)
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
        self._retranslate()
        self.refresh()

    # ---- construction -------------------------------------------------------------------------------

    def _glance_box(self, name: str) -> tuple[QGroupBox, dict[str, QLabel], dict[str, QLabel]]:
        box = QGroupBox(self)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        captions: dict[str, QLabel] = {}
        values: dict[str, QLabel] = {}
        for row, key in enumerate(GLANCE_LABELS):
            caption = QLabel(box)
            caption.setWordWrap(True)
            value = QLabel(box)
            value.setObjectName(f"{name}_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = QFont(value.font())
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            captions[key] = caption
            values[key] = value
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(values), 1)
        return box, captions, values

    def _habits_box(self) -> QGroupBox:
        box = QGroupBox(self)
        column = QVBoxLayout(box)
        column.setSpacing(2)
        self.streak_caption, self.streak_value = self._habit(box, column)
        column.addSpacing(8)
        self.most_caption, self.most_value = self._habit(box, column)
        column.addSpacing(8)
        self.least_caption, self.least_value = self._habit(box, column)
        column.addStretch(1)
        return box

    @staticmethod
    def _habit(box: QGroupBox, column: QVBoxLayout) -> tuple[QLabel, QLabel]:
        caption = QLabel(box)
        caption.setWordWrap(True)
        value = QLabel(box)
        value.setWordWrap(True)
        value.setTextFormat(Qt.TextFormat.PlainText)  # stretch names, from files
        font = QFont(value.font())
        font.setBold(True)
        value.setFont(font)
        column.addWidget(caption)
        column.addWidget(value)
        return caption, value

    def _retranslate(self) -> None:
        """Every fixed text in the current language; the numbers follow in `refresh`."""
        self.setWindowTitle(translate("StatsWindow", "Statistics — stretchbreak"))
        self.setAccessibleName(translate("StatsWindow", "stretchbreak statistics"))
        self.setAccessibleDescription(translate("StatsWindow", "Today, this week and the last days at a glance. "
                                                               "F5 reads the history again, Esc closes."))
        self.heading.setText(translate("StatsWindow", "Statistics"))
        self.heading.setAccessibleName(self.heading.text())
        self.hint.setText(_tr(EMPTY_HINT))
        self.hint.setAccessibleName(self.hint.text())
        for box, captions, period in ((self.today_box, self.today_captions, TODAY),
                                      (self.week_box, self.week_captions, THIS_WEEK)):
            box.setTitle(_tr(period))
            box.setAccessibleName(box.title())
            for key, caption in captions.items():
                caption.setText(_tr(GLANCE_LABELS[key]))
                caption.setAccessibleName(caption.text())
        self.habits_box.setTitle(translate("StatsWindow", "Habits"))
        self.habits_box.setAccessibleName(self.habits_box.title())
        # lupdate reads the plural count only from a plain name, so `days` rather than `self._days`.
        days = self._days
        for caption, text in (
                (self.streak_caption, translate("StatsWindow", "Current streak")),
                (self.most_caption, translate("StatsWindow", "Most done, last %n day(s)", None, days)),
                (self.least_caption, translate("StatsWindow", "Least done, last %n day(s)", None, days))):
            caption.setText(text)
            caption.setAccessibleName(text)
        self.stretches_chart.set_title(translate("StatsWindow", "Stretches per day, last %n day(s)", None, days))
        self.sitting_chart.set_title(translate("StatsWindow", "Longest sitting per day"))
        self.comfort_chart.set_title(translate("StatsWindow", "Back comfort (0 worst, 10 best)"))
        for button, text, description, keys in (
                (self.refresh_button, translate("StatsWindow", "Refresh"),
                 translate("StatsWindow", "Read the history again"), "F5"),
                (self.close_button, translate("StatsWindow", "Close"), translate("StatsWindow", "Close the window"),
                 "Esc")):
            button.setText(text)
            button.setAccessibleName(text)
            button.setAccessibleDescription(fill(translate("StatsWindow", "%1. Key %2"), description, keys))
            button.setToolTip(fill(translate("StatsWindow", "%1 (%2)"), description, keys))

    # ---- showing the numbers ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the history again and show it."""
        self._store.flush()
        today = self._clock.now().date()
        summary = summarize(self._store, today, self._days, known_ids=self._names)
        self.summary = summary
        self._show(summary)

    def _show(self, summary: Summary) -> None:
        first = summary.today.first
        today = QDate(first.year, first.month, first.day)
        date_format = translate("StatsWindow", "dddd d MMMM yyyy", "today's date above the statistics; a Qt date "
                                                                   "format")
        self.date_label.setText(QLocale().toString(today, date_format))
        self.date_label.setAccessibleName(fill(translate("StatsWindow", "Today is %1"), self.date_label.text()))
        self.hint.setVisible(not summary.has_data)
        self._fill_glance(_tr(TODAY), self.today_values, summary.today)
        self._fill_glance(_tr(THIS_WEEK), self.week_values, summary.week)
        self._set_habit(self.streak_value, self.streak_caption.text(), streak_text(summary.streak))
        most, most_count = summary.most_done
        least, least_count = summary.least_done
        self._set_habit(self.most_value, translate("StatsWindow", "Most done"), self._stretches_text(most, most_count))
        self._set_habit(self.least_value, translate("StatsWindow", "Least done"),
                        self._stretches_text(least, least_count))
        ranking = "\n".join(f"{self._name(i)}: {n}" for i, n in summary.stretch_counts)
        days = self._days
        heading = translate("StatsWindow", "Completed in the last %n day(s):", None, days)
        self.habits_box.setToolTip(as_rich_text(f"{heading}\n{ranking}") if ranking else "")
        self._fill_charts(summary)

    def _name(self, stretch_id: str) -> str:
        return stretch_text(stretch_id, self._names.get(stretch_id, stretch_id))

    def _stretches_text(self, ids: Iterable[str], count: int) -> str:
        listed = [self._name(i) for i in ids]
        if not listed:
            return "—"
        shown = listed[:MAX_NAMES_SHOWN]
        names = translate("StatsWindow", ", ", "between stretch names in a list").join(shown)
        if len(listed) > len(shown):
            # The rest are in the box's tooltip; listing them all would not fit the box.
            more = len(listed) - len(shown)
            names = fill(translate("StatsWindow", "%1 and %n more", None, more), names)
        if len(listed) > 1:
            return fill(translate("StatsWindow", "%1 (%n time(s) each)", None, count), names)
        return fill(translate("StatsWindow", "%1 (%n time(s))", None, count), names)

    def _fill_glance(self, period: str, values: Mapping[str, QLabel], totals: Totals) -> None:
        shown = {
            "stretches": str(totals.stretches),
            "longest": sitting_text(totals.longest),
            "average": sitting_text(totals.average_sitting),
            "snoozes": str(totals.snoozes),
            "comfort": describe_comfort(totals.comfort),
        }
        for key, text in shown.items():
            values[key].setText(text)
            values[key].setAccessibleName(fill(translate("StatsWindow", "%1, %2: %3"), period,
                                               _tr(GLANCE_LABELS[key]).lower(), text))

    @staticmethod
    def _set_habit(value: QLabel, caption: str, text: str) -> None:
        value.setText(text)
        value.setAccessibleName(fill(translate("StatsWindow", "%1: %2"), caption, text))

    def _fill_charts(self, summary: Summary) -> None:
        charts: tuple[Chart, Chart, Chart] = (self.stretches_chart, self.sitting_chart, self.comfort_chart)
        if not summary.has_data:
            for chart in charts:
                chart.set_points([])
            return
        locale = QLocale()
        day_format = translate("StatsWindow", "d MMM", "a day under a chart's bar; a Qt date format")

        def label(totals: Totals) -> str:
            first = totals.first
            return locale.toString(QDate(first.year, first.month, first.day), day_format)

        days = summary.days
        self.stretches_chart.set_points([(label(d), float(d.stretches)) for d in days])
        self.sitting_chart.set_points([(label(d), None if d.longest is None else d.longest / 60) for d in days])
        self.comfort_chart.set_points([(label(d), d.comfort) for d in days])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "summary"):
            self._retranslate()
            self._show(self.summary)
        super().changeEvent(event)
