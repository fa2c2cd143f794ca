"""The Settings dialog: edits the settings, validates as you type, and saves through a callback.

Saving is the caller's job (`save` raises OSError when the disk says no); the dialog stays open then
and tells the user their previous file is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stretchbreak.core.durations import DurationError, format_duration, parse_duration
from stretchbreak.core.settings import CHOICES, DAYS, InvalidValue, Settings, parse_hours
from stretchbreak.core.stretches import Stretch

CHOICE_LABELS = {"favourite": "Always my favourite", "rotate": "Each stretch in turn", "random": "A random stretch"}


class DurationEdit(QLineEdit):
    """A line edit for "50m", "90s", "1h30m"; `seconds()` is None while the text is not a valid duration."""

    def __init__(self, seconds: int, minimum: int, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(format_duration(seconds), parent)
        self._minimum, self._maximum = minimum, maximum
        self.setPlaceholderText("e.g. 50m, 90s, 1h30m")
        self.textChanged.connect(self._show_validity)

    def seconds(self) -> int | None:
        try:
            value = parse_duration(self.text())
        except DurationError:
            return None
        return value if self._minimum <= value <= self._maximum else None

    def _show_validity(self) -> None:
        self.setStyleSheet("" if self.seconds() is not None else "QLineEdit { border: 2px solid #c0392b; }")


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, stretches: list[Stretch], save: Callable[[Settings], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("stretchbreak settings")
        self._settings = settings
        self._stretches = stretches
        self._save = save
        tabs = QTabWidget(self)
        tabs.addTab(self._reminders_tab(), "Reminders")
        tabs.addTab(self._stretches_tab(), "Stretches")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in self._duration_edits():
            edit.textChanged.connect(self._update_save_button)

    def _reminders_tab(self) -> QWidget:
        tab = QWidget(self)
        r = self._settings.reminder
        self.sit_limit = DurationEdit(r.sit_limit, 10, 8 * 3600, tab)
        self.natural_break = DurationEdit(r.natural_break, 5, 2 * 3600, tab)
        self.warn_before = DurationEdit(r.warn_before, 0, 30 * 60, tab)
        self.snooze = DurationEdit(r.snooze, 10, 4 * 3600, tab)
        self.max_snoozes = QSpinBox(tab)
        self.max_snoozes.setRange(0, 100)
        self.max_snoozes.setSpecialValueText("no limit")
        self.max_snoozes.setValue(r.max_snoozes)
        self.choice = QComboBox(tab)
        for key in CHOICES:
            self.choice.addItem(CHOICE_LABELS[key], key)
        self.choice.setCurrentIndex(CHOICES.index(r.choice))
        self.sound = QCheckBox("Play a soft sound when a hold starts and ends", tab)
        self.sound.setChecked(self._settings.sound.enabled)
        days_row = QHBoxLayout()
        self.days: dict[str, QCheckBox] = {}
        for day in DAYS:
            box = QCheckBox(day.capitalize(), tab)
            box.setChecked(day in self._settings.schedule.days)
            self.days[day] = box
            days_row.addWidget(box)
        self.hours = QLineEdit(self._settings.schedule.hours, tab)
        self.hours.setPlaceholderText("09:00-18:00, empty for all day")
        form = QFormLayout(tab)
        form.addRow("Remind me after sitting for", self.sit_limit)
        form.addRow("A break of this long resets it", self.natural_break)
        form.addRow("Heads-up before the reminder", self.warn_before)
        form.addRow("Snooze for", self.snooze)
        form.addRow("Snoozes in a row", self.max_snoozes)
        form.addRow("Which stretch", self.choice)
        form.addRow("Working days", days_row)
        form.addRow("Working hours", self.hours)
        self.ask_comfort = QCheckBox("After a stretch, ask how my back feels", tab)
        self.ask_comfort.setChecked(self._settings.history.ask_comfort)
        form.addRow("", self.sound)
        form.addRow("", self.ask_comfort)
        return tab

    def _stretches_tab(self) -> QWidget:
        tab = QWidget(self)
        self.favourite = QComboBox(tab)
        for stretch in self._stretches:
            self.favourite.addItem(stretch.name, stretch.id)
        self.favourite.setCurrentIndex(max(0, self.favourite.findData(self._settings.reminder.favourite)))
        grid = QGridLayout()
        self.holds: dict[str, DurationEdit] = {}
        row = 0
        for stretch in self._stretches:
            default = stretch.default_hold
            if default is None:
                continue
            seconds = self._settings.holds.get(stretch.id, default)
            edit = DurationEdit(seconds, 1, 3600, tab)
            edit.setAccessibleName(f"Hold time for {stretch.name}")
            self.holds[stretch.id] = edit
            grid.addWidget(QLabel(stretch.name, tab), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(QLabel(f"(suggested {format_duration(default)})", tab), row, 2)
            row += 1
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        form.addRow("Favourite stretch", self.favourite)
        layout.addLayout(form)
        heading = QLabel("<b>Hold times</b> — start gently; lengthen them slowly as it gets easier.", tab)
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addStretch(1)
        return tab

    def _duration_edits(self) -> list[DurationEdit]:
        return [self.sit_limit, self.natural_break, self.warn_before, self.snooze, *self.holds.values()]

    def _update_save_button(self) -> None:
        valid = all(edit.seconds() is not None for edit in self._duration_edits())
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(valid)

    def edited_settings(self) -> Settings | str:
        """The settings as edited, or a sentence saying what is wrong."""
        values = {name: getattr(self, name).seconds() for name in ("sit_limit", "natural_break", "warn_before",
                                                                   "snooze")}
        for name, value in values.items():
            if value is None:
                return f"{name.replace('_', ' ').capitalize()} is not a valid duration."
        if (values["warn_before"] or 0) >= (values["sit_limit"] or 0):
            return "The heads-up must be shorter than the sitting limit."
        hours = self.hours.text().strip()
        try:
            hours = parse_hours(hours)
        except InvalidValue as invalid:
            return f"Working hours: {invalid.allowed}."
        holds: dict[str, int] = {}
        for stretch in self._stretches:
            edit = self.holds.get(stretch.id)
            if edit is None:
                continue
            seconds = edit.seconds()
            if seconds is None:
                return f"The hold time for {stretch.name} is not a valid duration."
            if seconds != stretch.default_hold:
                holds[stretch.id] = seconds
        old = self._settings
        return replace(
            old,
            reminder=replace(old.reminder, **values, max_snoozes=self.max_snoozes.value(),
                             choice=self.choice.currentData(), favourite=self.favourite.currentData()),
            schedule=replace(old.schedule, days=tuple(d for d, box in self.days.items() if box.isChecked()),
                             hours=hours),
            sound=replace(old.sound, enabled=self.sound.isChecked()),
            history=replace(old.history, ask_comfort=self.ask_comfort.isChecked()),
            holds=holds,
        )

    def try_save(self) -> None:
        edited = self.edited_settings()
        if isinstance(edited, str):
            self._show_error(edited)
            return
        try:
            self._save(edited)
        except OSError as error:
            self._show_error(f"Your settings could not be saved ({error.strerror or error}). "
                             "Your previous settings file is unchanged.")
            return
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
