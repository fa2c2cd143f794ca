"""The Settings dialog: edits the settings, validates as you type, and saves through a callback.

Saving is the caller's job (`save` raises OSError when the disk says no); the dialog stays open then
and tells the user their previous file is unchanged. Every field has an accessible name and description,
and a keyboard user reaches everything with Tab, Ctrl+Tab between the tabs, Return to save, Esc to cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
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
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stretchbreak.core.durations import DurationError, format_duration, parse_duration
from stretchbreak.core.settings import CHOICES, DAYS, LANGUAGES, InvalidValue, Settings, parse_hours
from stretchbreak.core.stretches import Stretch
from stretchbreak.i18n import LANGUAGE_NAMES
from stretchbreak.ui.guidance_tab import GuidanceTab
from stretchbreak.ui.speech import SilentSpeaker, VoiceControl
from stretchbreak.ui.style import error_colour
from stretchbreak.ui.wording import duration_text, fill, stretch_name, translate

CHOICE_LABELS = {
    "favourite": str(QT_TRANSLATE_NOOP("SettingsDialog", "Always my favourite")),
    "rotate": str(QT_TRANSLATE_NOOP("SettingsDialog", "Each stretch in turn")),
    "random": str(QT_TRANSLATE_NOOP("SettingsDialog", "A random stretch")),
}
DAY_LABELS = {
    "mon": str(QT_TRANSLATE_NOOP("SettingsDialog", "Mon")),
    "tue": str(QT_TRANSLATE_NOOP("SettingsDialog", "Tue")),
    "wed": str(QT_TRANSLATE_NOOP("SettingsDialog", "Wed")),
    "thu": str(QT_TRANSLATE_NOOP("SettingsDialog", "Thu")),
    "fri": str(QT_TRANSLATE_NOOP("SettingsDialog", "Fri")),
    "sat": str(QT_TRANSLATE_NOOP("SettingsDialog", "Sat")),
    "sun": str(QT_TRANSLATE_NOOP("SettingsDialog", "Sun")),
}
DAY_NAMES = {
    "mon": str(QT_TRANSLATE_NOOP("SettingsDialog", "Monday")),
    "tue": str(QT_TRANSLATE_NOOP("SettingsDialog", "Tuesday")),
    "wed": str(QT_TRANSLATE_NOOP("SettingsDialog", "Wednesday")),
    "thu": str(QT_TRANSLATE_NOOP("SettingsDialog", "Thursday")),
    "fri": str(QT_TRANSLATE_NOOP("SettingsDialog", "Friday")),
    "sat": str(QT_TRANSLATE_NOOP("SettingsDialog", "Saturday")),
    "sun": str(QT_TRANSLATE_NOOP("SettingsDialog", "Sunday")),
}


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP above, translated now."""
    return translate("SettingsDialog", text)



class LoginStart(Protocol):
    """Starting at login, as the dialog sees it: one switch."""

    def enabled(self) -> bool: ...

    def set_enabled(self, on: bool) -> None: ...

class DurationEdit(QLineEdit):
    """A line edit for "50m", "90s", "1h30m"; `seconds()` is None while the text is not a valid duration."""

    def __init__(self, seconds: int, minimum: int, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(format_duration(seconds), parent)
        self._minimum, self._maximum = minimum, maximum
        self._description = ""
        self.setPlaceholderText(translate("DurationEdit", "e.g. 50m, 90s, 1h30m"))
        self.textChanged.connect(self._show_validity)

    def seconds(self) -> int | None:
        try:
            value = parse_duration(self.text())
        except DurationError:
            return None
        return value if self._minimum <= value <= self._maximum else None

    def _show_validity(self) -> None:
        valid = self.seconds() is not None
        self.setStyleSheet("" if valid else f"QLineEdit {{ border: 2px solid {error_colour(self.palette())}; }}")
        self.setAccessibleDescription(self._description if valid else
                                      fill(translate("DurationEdit", "%1 Not a valid duration."), self._description))

    def describe(self, name: str, description: str) -> None:
        self.setAccessibleName(name)
        self._description = fill(translate("DurationEdit", "%1 Write it like 50m, 90s or 1h30m."), description)
        self._show_validity()


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, stretches: list[Stretch], save: Callable[[Settings], None],
                 parent: QWidget | None = None, *, voice: VoiceControl | None = None,
                 login_start: LoginStart | None = None) -> None:
        self._login_start = login_start
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "stretchbreak settings"))
        self.setAccessibleName(translate("SettingsDialog", "Settings"))
        self.setAccessibleDescription(translate("SettingsDialog", "Reminders, stretches, sound and voice"))
        self._settings = settings
        self._stretches = stretches
        self._save = save
        self.tabs = QTabWidget(self)
        pages_description = translate("SettingsDialog", "Reminders, stretches, sound and voice. Ctrl+Tab goes to the "
                                                        "next page.")
        parts: list[QWidget | None] = [self.tabs, self.tabs.tabBar(), self.tabs.findChild(QStackedWidget)]
        for part in filter(None, parts):
            part.setAccessibleName(translate("SettingsDialog", "Settings pages"))
            part.setAccessibleDescription(pages_description)
        self.guidance = GuidanceTab(settings, voice or SilentSpeaker(), self)
        self.guidance.setAccessibleName(translate("SettingsDialog", "Sound and voice"))
        for page, title, tip in (
                (self._reminders_tab(), translate("SettingsDialog", "&Reminders"),
                 translate("SettingsDialog", "When reminders come, and how they can be put off")),
                (self._stretches_tab(), translate("SettingsDialog", "S&tretches"),
                 translate("SettingsDialog", "Your favourite stretch and the hold times")),
                (self.guidance, translate("SettingsDialog", "Sound and &voice"),
                 translate("SettingsDialog", "Sound cues, spoken guidance and the voice"))):
            index = self.tabs.addTab(page, title)
            self.tabs.setTabToolTip(index, tip)
        self.sound = self.guidance.sound
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAccessibleName(translate("SettingsDialog", "Problem"))
        self.error.setStyleSheet(f"color: {error_colour(self.palette())};")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setAccessibleName(translate("SettingsDialog", "Save or cancel"))
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setAccessibleDescription(translate("SettingsDialog", "Save the settings and close"))
        cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel_button.setAccessibleDescription(translate("SettingsDialog", "Close without saving"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        self.rejected.connect(self.guidance.undo_preview)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in self._duration_edits():
            edit.textChanged.connect(self._update_save_button)

    def _reminders_tab(self) -> QWidget:
        tab = QWidget(self)
        tab.setAccessibleName(translate("SettingsDialog", "Reminders"))
        r = self._settings.reminder
        self.sit_limit = DurationEdit(r.sit_limit, 10, 8 * 3600, tab)
        self.sit_limit.describe(translate("SettingsDialog", "Sitting limit"),
                                translate("SettingsDialog", "How long you may sit before a stretch is suggested."))
        self.natural_break = DurationEdit(r.natural_break, 5, 2 * 3600, tab)
        self.natural_break.describe(translate("SettingsDialog", "Natural break"),
                                    translate("SettingsDialog", "Time away from the keyboard and mouse that "
                                                                "counts as a break and starts the sitting over."))
        self.warn_before = DurationEdit(r.warn_before, 0, 30 * 60, tab)
        self.warn_before.describe(translate("SettingsDialog", "Heads-up"),
                                  translate("SettingsDialog", "How long before the stretch a notice comes; 0s for "
                                                              "none."))
        self.snooze = DurationEdit(r.snooze, 10, 4 * 3600, tab)
        self.snooze.describe(translate("SettingsDialog", "Snooze length"),
                             translate("SettingsDialog", "How long a snooze puts the stretch off."))
        self.max_snoozes = QSpinBox(tab)
        self.max_snoozes.setRange(0, 100)
        self.max_snoozes.setSpecialValueText(translate("SettingsDialog", "no limit"))
        self.max_snoozes.setValue(r.max_snoozes)
        self._describe(self.max_snoozes, translate("SettingsDialog", "Snoozes in a row"),
                       translate("SettingsDialog", "How many times in a row a stretch may be snoozed; 0 for no "
                                                   "limit."))
        self.choice = QComboBox(tab)
        for key in CHOICES:
            self.choice.addItem(_tr(CHOICE_LABELS[key]), key)
        self.choice.setCurrentIndex(CHOICES.index(r.choice))
        self._describe(self.choice, translate("SettingsDialog", "Which stretch"),
                       translate("SettingsDialog", "Which stretch a reminder opens."))
        days_row = QHBoxLayout()
        self.days: dict[str, QCheckBox] = {}
        for day in DAYS:
            box = QCheckBox(_tr(DAY_LABELS[day]), tab)
            box.setChecked(day in self._settings.schedule.days)
            self._describe(box, _tr(DAY_NAMES[day]), translate("SettingsDialog", "Remind me on this day."))
            self.days[day] = box
            days_row.addWidget(box)
        self.hours = QLineEdit(self._settings.schedule.hours, tab)
        self.hours.setPlaceholderText(translate("SettingsDialog", "09:00-18:00, empty for all day"))
        self._describe(self.hours, translate("SettingsDialog", "Working hours"),
                       translate("SettingsDialog", "Reminders come only between these times, like 09:00-18:00; "
                                                   "empty for all day."))
        self.ask_comfort = QCheckBox(translate("SettingsDialog", "After a stretch, ask how my back feels"), tab)
        self.ask_comfort.setChecked(self._settings.history.ask_comfort)
        self._describe(self.ask_comfort, translate("SettingsDialog", "Comfort question"),
                       translate("SettingsDialog", "After a completed stretch, ask for a 0 to 10 rating of how "
                                                   "your back feels, for the statistics."))
        self.language = QComboBox(tab)
        self.language.addItem(translate("SettingsDialog", "Same as the system"), "auto")
        for code in LANGUAGES[1:]:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._settings.general.language)))
        self._describe(self.language, translate("SettingsDialog", "Language"),
                       translate("SettingsDialog", "The language of stretchbreak's windows and voice."))
        form = QFormLayout(tab)
        form.addRow(translate("SettingsDialog", "Remind me after sitting for"), self.sit_limit)
        form.addRow(translate("SettingsDialog", "A break of this long resets it"), self.natural_break)
        form.addRow(translate("SettingsDialog", "Heads-up before the reminder"), self.warn_before)
        form.addRow(translate("SettingsDialog", "Snooze for"), self.snooze)
        form.addRow(translate("SettingsDialog", "Snoozes in a row"), self.max_snoozes)
        form.addRow(translate("SettingsDialog", "Which stretch"), self.choice)
        form.addRow(translate("SettingsDialog", "Working days"), days_row)
        form.addRow(translate("SettingsDialog", "Working hours"), self.hours)
        form.addRow("", self.ask_comfort)
        self.start_at_login = QCheckBox(translate("SettingsDialog", "Start stretchbreak when I log in"), tab)
        self._describe(self.start_at_login, translate("SettingsDialog", "Start at login"),
                       translate("SettingsDialog", "Add stretchbreak to the programs your desktop starts at login."))
        if self._login_start is None:
            self.start_at_login.hide()
        else:
            self.start_at_login.setChecked(self._login_start.enabled())
            form.addRow("", self.start_at_login)
        form.addRow(translate("SettingsDialog", "Language"), self.language)
        self._name_form_labels(tab)
        return tab

    def _stretches_tab(self) -> QWidget:
        tab = QWidget(self)
        tab.setAccessibleName(translate("SettingsDialog", "Stretches"))
        self.favourite = QComboBox(tab)
        for stretch in self._stretches:
            self.favourite.addItem(stretch_name(stretch), stretch.id)
        self.favourite.setCurrentIndex(max(0, self.favourite.findData(self._settings.reminder.favourite)))
        self._describe(self.favourite, translate("SettingsDialog", "Favourite stretch"),
                       translate("SettingsDialog", "The stretch a reminder opens when it asks for your favourite."))
        grid = QGridLayout()
        self.holds: dict[str, DurationEdit] = {}
        row = 0
        for stretch in self._stretches:
            default = stretch.default_hold
            if default is None:
                continue
            name = stretch_name(stretch)
            seconds = self._settings.holds.get(stretch.id, default)
            edit = DurationEdit(seconds, 1, 3600, tab)
            edit.describe(fill(translate("SettingsDialog", "Hold time for %1"), name),
                          fill(translate("SettingsDialog", "How long each hold of %1 lasts; suggested %2."),
                               name, duration_text(default)))
            self.holds[stretch.id] = edit
            label = QLabel(name, tab)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(edit)
            label.setAccessibleName(name)
            suggested = QLabel(fill(translate("SettingsDialog", "(suggested %1)"), format_duration(default)), tab)
            suggested.setAccessibleName(suggested.text())
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(suggested, row, 2)
            row += 1
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        form.addRow(translate("SettingsDialog", "Favourite stretch"), self.favourite)
        layout.addLayout(form)
        heading = QLabel(translate("SettingsDialog", "<b>Hold times</b> — start gently; lengthen them slowly as "
                                                     "it gets easier."), tab)
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        heading.setAccessibleName(translate("SettingsDialog", "Hold times"))
        heading.setAccessibleDescription(translate("SettingsDialog", "Start gently; lengthen them slowly as it "
                                                                     "gets easier."))
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addStretch(1)
        self._name_form_labels(tab)
        return tab

    @staticmethod
    def _describe(widget: QWidget, name: str, description: str) -> None:
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(description)

    @staticmethod
    def _name_form_labels(tab: QWidget) -> None:
        """The captions QFormLayout made from plain texts: named after their text, like any other label."""
        for label in tab.findChildren(QLabel):
            if not label.accessibleName():
                label.setAccessibleName(label.text())

    def _duration_edits(self) -> list[DurationEdit]:
        return [self.sit_limit, self.natural_break, self.warn_before, self.snooze, *self.holds.values()]

    def _update_save_button(self) -> None:
        valid = all(edit.seconds() is not None for edit in self._duration_edits())
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(valid)

    def edited_settings(self) -> Settings | str:
        """The settings as edited, or a sentence saying what is wrong."""
        names = {"sit_limit": translate("SettingsDialog", "The sitting limit"),
                 "natural_break": translate("SettingsDialog", "The natural break"),
                 "warn_before": translate("SettingsDialog", "The heads-up"),
                 "snooze": translate("SettingsDialog", "The snooze length")}
        values = {name: getattr(self, name).seconds() for name in names}
        for name, value in values.items():
            if value is None:
                return fill(translate("SettingsDialog", "%1 is not a valid duration."), names[name])
        if (values["warn_before"] or 0) >= (values["sit_limit"] or 0):
            return translate("SettingsDialog", "The heads-up must be shorter than the sitting limit.")
        hours = self.hours.text().strip()
        try:
            hours = parse_hours(hours)
        except InvalidValue:
            return translate("SettingsDialog", 'Working hours: write them like "09:00-18:00", or leave them empty '
                                               "for all day.")
        holds: dict[str, int] = {}
        for stretch in self._stretches:
            edit = self.holds.get(stretch.id)
            if edit is None:
                continue
            seconds = edit.seconds()
            if seconds is None:
                return fill(translate("SettingsDialog", "The hold time for %1 is not a valid duration."),
                            stretch_name(stretch))
            if seconds != stretch.default_hold:
                holds[stretch.id] = seconds
        old = self._settings
        return replace(
            old,
            general=replace(old.general, language=self.language.currentData()),
            reminder=replace(old.reminder, **values, max_snoozes=self.max_snoozes.value(),
                             choice=self.choice.currentData(), favourite=self.favourite.currentData()),
            schedule=replace(old.schedule, days=tuple(d for d, box in self.days.items() if box.isChecked()),
                             hours=hours),
            sound=self.guidance.sound_settings(old.sound),
            voice=self.guidance.voice_settings(),
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
            self._show_error(fill(translate("SettingsDialog", "Your settings could not be saved (%1). Your previous "
                                                              "settings file is unchanged."),
                                  error.strerror or error))
            return
        if self._login_start is not None and self.start_at_login.isChecked() != self._login_start.enabled():
            try:
                self._login_start.set_enabled(self.start_at_login.isChecked())
            except OSError as error:
                self._show_error(fill(translate("SettingsDialog", "Your settings are saved, but starting at login "
                                                                  "could not be changed (%1)."),
                                      error.strerror or error))
                return
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setAccessibleDescription(message)
        self.error.show()
