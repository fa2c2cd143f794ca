"""The settings dialog's "Sound and voice" tab: sound cues on/off and their volume, spoken guidance on/off,
its pace, volume and voice, a button to try the voice, and a line that says why speech stays silent when no
speech engine or no voice for the language is installed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)

from stretchbreak.core.settings import Settings, SoundSettings, VoiceSettings
from stretchbreak.ui.speech import VoiceControl
from stretchbreak.ui.wording import fill, translate


def _slider(parent: QWidget, low: int, high: int, value: int, step: int) -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal, parent)
    slider.setRange(low, high)
    slider.setSingleStep(1)
    slider.setPageStep(step)
    slider.setValue(value)
    return slider


class GuidanceTab(QWidget):
    def __init__(self, settings: Settings, voice: VoiceControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._voice = voice
        self._saved_voice = settings.voice
        self.previewed = False
        sound, spoken = settings.sound, settings.voice

        self.sound = QCheckBox(self)
        self.sound.setChecked(sound.enabled)
        self.sound_volume = _slider(self, 0, 100, sound.volume, 10)
        self.sound_volume_value = QLabel(self)
        self.voice_enabled = QCheckBox(self)
        self.voice_enabled.setChecked(spoken.enabled)
        self.voice_rate = _slider(self, -10, 10, spoken.rate, 2)
        self.voice_rate_value = QLabel(self)
        self.voice_volume = _slider(self, 0, 100, spoken.volume, 10)
        self.voice_volume_value = QLabel(self)
        self.voice = QComboBox(self)
        self.try_voice = QPushButton(self)
        self.try_voice.clicked.connect(self._try)
        self.voice_status = QLabel(self)
        self.voice_status.setWordWrap(True)
        self.voice_status.setTextFormat(Qt.TextFormat.PlainText)

        self.sound_volume_caption = QLabel(self)
        self.voice_rate_caption = QLabel(self)
        self.voice_volume_caption = QLabel(self)
        self.voice_caption = QLabel(self)

        form = QFormLayout(self)
        form.addRow("", self.sound)
        form.addRow(self.sound_volume_caption, self._with_value(self.sound_volume, self.sound_volume_value))
        form.addRow("", self.voice_enabled)
        form.addRow(self.voice_rate_caption, self._with_value(self.voice_rate, self.voice_rate_value))
        form.addRow(self.voice_volume_caption, self._with_value(self.voice_volume, self.voice_volume_value))
        voice_row = QHBoxLayout()
        voice_row.addWidget(self.voice, 1)
        voice_row.addWidget(self.try_voice)
        form.addRow(self.voice_caption, voice_row)
        form.addRow("", self.voice_status)

        for slider in (self.sound_volume, self.voice_rate, self.voice_volume):
            slider.valueChanged.connect(self._show_values)
        self.sound.toggled.connect(self._enable_rows)
        self.voice_enabled.toggled.connect(self._enable_rows)
        self.retranslate()
        self._fill_voices()
        voice.when_ready(self._on_voice_known)

    def _with_value(self, slider: QSlider, value: QLabel) -> QHBoxLayout:
        value.setMinimumWidth(value.fontMetrics().horizontalAdvance("100 %") + 8)
        row = QHBoxLayout()
        row.addWidget(slider, 1)
        row.addWidget(value)
        return row

    def retranslate(self) -> None:
        for caption, text in ((self.sound_volume_caption, translate("GuidanceTab", "Cue volume")),
                              (self.voice_rate_caption, translate("GuidanceTab", "Pace")),
                              (self.voice_volume_caption, translate("GuidanceTab", "Voice volume")),
                              (self.voice_caption, translate("GuidanceTab", "Voice"))):
            caption.setText(text)
            caption.setAccessibleName(text)
        self._name(self.sound, translate("GuidanceTab", "Play soft sound cues when a hold starts and ends"),
                   translate("GuidanceTab", "Sound cues"),
                   translate("GuidanceTab", "A short chime when a hold starts, a bell when it ends, and a "
                                            "melody when the stretch is done"))
        self._name(self.sound_volume, None, translate("GuidanceTab", "Cue volume"),
                   translate("GuidanceTab", "How loud the sound cues are, from 0 to 100"))
        self._name(self.voice_enabled, translate("GuidanceTab", "Spoken guidance: read each step aloud and count "
                                                                "down the holds"),
                   translate("GuidanceTab", "Spoken guidance"),
                   translate("GuidanceTab", "Reads each step aloud as it starts, counts the last seconds of "
                                            "a hold, and says when to switch sides"))
        self._name(self.voice_rate, None, translate("GuidanceTab", "Pace"),
                   translate("GuidanceTab", "How fast the voice speaks, from -10 (slow) to 10 (fast)"))
        self._name(self.voice_volume, None, translate("GuidanceTab", "Voice volume"),
                   translate("GuidanceTab", "How loud the voice is, from 0 to 100"))
        self._name(self.voice, None, translate("GuidanceTab", "Voice"),
                   translate("GuidanceTab", "The voice that reads the steps"))
        self._name(self.try_voice, translate("GuidanceTab", "Try it"), translate("GuidanceTab", "Try the voice"),
                   translate("GuidanceTab", "Say a sample sentence with the pace, volume and voice chosen here"))
        self.voice_status.setAccessibleName(translate("GuidanceTab", "Speech status"))
        if self.voice.count():
            self.voice.setItemText(0, translate("GuidanceTab", "Default voice for the language"))
        for value_label, name in ((self.sound_volume_value, translate("GuidanceTab", "Cue volume value")),
                                  (self.voice_rate_value, translate("GuidanceTab", "Pace value")),
                                  (self.voice_volume_value, translate("GuidanceTab", "Voice volume value"))):
            value_label.setAccessibleName(name)
        self._show_values()
        self._show_status()

    @staticmethod
    def _name(widget: QWidget, text: str | None, name: str, description: str) -> None:
        if text is not None and isinstance(widget, (QCheckBox, QPushButton)):
            widget.setText(text)
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(description)

    def _show_values(self) -> None:
        percent = translate("GuidanceTab", "%1 %", "a volume in percent")
        self.sound_volume_value.setText(fill(percent, self.sound_volume.value()))
        self.voice_volume_value.setText(fill(percent, self.voice_volume.value()))
        rate = self.voice_rate.value()
        self.voice_rate_value.setText(f"{rate:+d}" if rate else translate("GuidanceTab", "normal", "speech pace"))

    def _fill_voices(self) -> None:
        wanted = self.voice.currentData() if self.voice.count() else self._saved_voice.voice
        self.voice.clear()
        self.voice.addItem(translate("GuidanceTab", "Default voice for the language"), "")
        names = self._voice.voices()
        for name in names:
            self.voice.addItem(name, name)
        if wanted and wanted not in names:
            self.voice.addItem(wanted, wanted)  # not installed (now): keep the choice rather than lose it
        self.voice.setCurrentIndex(max(0, self.voice.findData(wanted)))

    def _on_voice_known(self) -> None:
        self._fill_voices()
        self._show_status()
        self._enable_rows()

    def _show_status(self) -> None:
        reason = self._voice.reason
        self.voice_status.setText(reason or translate("GuidanceTab", "The speech engine is ready."))
        self.voice_status.setAccessibleDescription(self.voice_status.text())

    def _enable_rows(self) -> None:
        self.sound_volume.setEnabled(self.sound.isChecked())
        speaking = self.voice_enabled.isChecked()
        for widget in (self.voice_rate, self.voice_volume, self.voice):
            widget.setEnabled(speaking)
        self.try_voice.setEnabled(self._voice.available)

    def _try(self) -> None:
        self.previewed = True
        self._voice.preview(translate("GuidanceTab", "Kneel on your left knee. Hold. 3, 2, 1. Well done."),
                            self.voice_settings())

    def sound_settings(self, old: SoundSettings) -> SoundSettings:
        return replace(old, enabled=self.sound.isChecked(), volume=self.sound_volume.value())

    def voice_settings(self) -> VoiceSettings:
        return VoiceSettings(enabled=self.voice_enabled.isChecked(), rate=self.voice_rate.value(),
                             volume=self.voice_volume.value(), voice=str(self.voice.currentData() or ""))

    def undo_preview(self) -> None:
        """The dialog was cancelled: the voice goes back to the saved settings."""
        if self.previewed:
            self._voice.apply(self._voice.settings)
