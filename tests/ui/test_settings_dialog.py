"""The Settings dialog: edits every documented key, validates as you type, reports a failed save."""

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from stretchbreak.core.settings import Settings, VoiceSettings
from stretchbreak.core.stretches import Library
from stretchbreak.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import FakeSpeaker


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


def guided(qtbot: QtBot, library: Library, voice: FakeSpeaker, saved: list[Settings],
           settings: Settings | None = None) -> SettingsDialog:
    dialog = SettingsDialog(settings or Settings(), library.ordered(), saved.append, voice=voice)
    qtbot.addWidget(dialog)
    return dialog


def test_saves_sound_volume_voice_and_language(qtbot: QtBot, library: Library) -> None:
    saved: list[Settings] = []
    dialog = guided(qtbot, library, FakeSpeaker(voices=("Anne", "Bob")), saved)
    tab = dialog.guidance
    assert [tab.voice.itemData(i) for i in range(tab.voice.count())] == ["", "Anne", "Bob"]
    tab.sound_volume.setValue(25)
    tab.voice_enabled.setChecked(True)
    tab.voice_rate.setValue(-4)
    tab.voice_volume.setValue(70)
    tab.voice.setCurrentIndex(tab.voice.findData("Bob"))
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.try_save()
    [settings] = saved
    assert settings.sound == replace(Settings().sound, volume=25)
    assert settings.voice == VoiceSettings(enabled=True, rate=-4, volume=70, voice="Bob")
    assert settings.general.language == "zh_CN"
    assert tab.sound_volume_value.text() == "25 %" and tab.voice_rate_value.text() == "-4"


def test_without_speech_the_tab_says_why_and_offers_no_voices(qtbot: QtBot, library: Library) -> None:
    dialog = guided(qtbot, library, FakeSpeaker(available=False), [])
    tab = dialog.guidance
    assert tab.voice_status.text() == "No speech engine is installed."
    assert not tab.try_voice.isEnabled()
    assert tab.voice.count() == 1
    tab.voice_enabled.setChecked(True)  # still allowed: it speaks once an engine is installed
    assert tab.voice_rate.isEnabled()


def test_a_saved_voice_that_is_not_installed_is_kept(qtbot: QtBot, library: Library) -> None:
    saved: list[Settings] = []
    settings = replace(Settings(), voice=VoiceSettings(enabled=True, voice="Gone"))
    dialog = guided(qtbot, library, FakeSpeaker(voices=("Anne",)), saved, settings)
    assert dialog.guidance.voice.currentData() == "Gone"
    dialog.try_save()
    assert saved[0].voice.voice == "Gone"


def test_trying_the_voice_uses_the_edited_settings_and_cancel_takes_them_back(
    qtbot: QtBot, library: Library
) -> None:
    voice = FakeSpeaker()
    dialog = guided(qtbot, library, voice, [])
    dialog.guidance.voice_rate.setValue(7)
    dialog.guidance.try_voice.click()
    [(text, tried)] = voice.previews
    assert text and tried.rate == 7
    dialog.reject()
    assert voice.applied == [voice.settings] and voice.settings.rate == 0


def test_invalid_hours_are_explained(qtbot: QtBot, library: Library) -> None:
    saved: list[Settings] = []
    dialog = make(qtbot, library, saved)
    dialog.hours.setText("9-5")
    dialog.try_save()
    assert saved == [] and "09:00-18:00" in dialog.error.text()


class FakeLoginStart:
    def __init__(self, on: bool, fail: OSError | None = None) -> None:
        self.on = on
        self.fail = fail

    def enabled(self) -> bool:
        return self.on

    def set_enabled(self, on: bool) -> None:
        if self.fail is not None:
            raise self.fail
        self.on = on


@pytest.mark.parametrize("start_on", [False, True])
def test_start_at_login_is_shown_and_switched_on_save(qtbot: QtBot, library: Library, start_on: bool) -> None:
    login = FakeLoginStart(start_on)
    dialog = SettingsDialog(Settings(), library.ordered(), lambda settings: None, login_start=login)
    qtbot.addWidget(dialog)
    assert dialog.start_at_login.isChecked() is start_on
    dialog.start_at_login.setChecked(not start_on)
    with qtbot.waitSignal(dialog.accepted):
        dialog.try_save()
    assert login.on is (not start_on)


def test_a_failed_login_switch_is_reported(qtbot: QtBot, library: Library) -> None:
    login = FakeLoginStart(False, fail=PermissionError(13, "Permission denied"))
    dialog = SettingsDialog(Settings(), library.ordered(), lambda settings: None, login_start=login)
    qtbot.addWidget(dialog)
    dialog.start_at_login.setChecked(True)
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.try_save()
    assert "Permission denied" in dialog.error.text()
