"""The Settings dialog: edits every documented key, validates as you type, reports a failed save."""

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from stretchbreak.core.settings import Settings
from stretchbreak.core.stretches import Library
from stretchbreak.ui.settings_dialog import SettingsDialog


def make(qtbot: QtBot, library: Library, saved: list[Settings], fail: OSError | None = None) -> SettingsDialog:
    def save(settings: Settings) -> None:
        if fail is not None:
            raise fail
        saved.append(settings)

    dialog = SettingsDialog(Settings(), library.ordered(), save)
    qtbot.addWidget(dialog)
    return dialog


def test_shows_the_current_values(qtbot: QtBot, library: Library) -> None:
    dialog = make(qtbot, library, [])
    assert dialog.sit_limit.text() == "50m"
    assert dialog.natural_break.text() == "5m"
    assert dialog.snooze.text() == "10m"
    assert dialog.favourite.currentData() == "reverse-stretch"
    assert dialog.sound.isChecked()
    assert dialog.holds["floor-sit-wall"].text() == "2m"


def test_saves_sit_limit_break_snooze_favourite_sound_and_holds(qtbot: QtBot, library: Library) -> None:
    saved: list[Settings] = []
    dialog = make(qtbot, library, saved)
    dialog.sit_limit.setText("40m")
    dialog.natural_break.setText("3m")
    dialog.snooze.setText("90s")
    dialog.favourite.setCurrentIndex(dialog.favourite.findData("cobra-forearms"))
    dialog.sound.setChecked(False)
    dialog.holds["floor-sit-wall"].setText("3m")
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    [settings] = saved
    assert settings.reminder.sit_limit == 2400
    assert settings.reminder.natural_break == 180
    assert settings.reminder.snooze == 90
    assert settings.reminder.favourite == "cobra-forearms"
    assert settings.sound.enabled is False
    assert settings.holds == {"floor-sit-wall": 180}


def test_an_invalid_duration_disables_save(qtbot: QtBot, library: Library) -> None:
    dialog = make(qtbot, library, [])
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.sit_limit.setText("soon")
    assert not save.isEnabled()
    dialog.sit_limit.setText("45m")
    assert save.isEnabled()


def test_heads_up_must_be_shorter_than_the_limit(qtbot: QtBot, library: Library) -> None:
    saved: list[Settings] = []
    dialog = make(qtbot, library, saved)
    dialog.sit_limit.setText("1m")
    dialog.warn_before.setText("2m")
    dialog.try_save()
    assert saved == []
    assert "shorter" in dialog.error.text()


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), PermissionError(13, "Permission denied")])
def test_a_failed_save_keeps_the_dialog_open_and_says_the_old_file_is_unchanged(
    qtbot: QtBot, library: Library, error: OSError
) -> None:
    dialog = make(qtbot, library, [], fail=error)
    dialog.show()
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.try_save()
    assert dialog.isVisible()
    assert str(error.strerror) in dialog.error.text()
    assert "unchanged" in dialog.error.text()
