"""Languages: which one is chosen, the shipped translations cover every text, and the windows show them,
switching while open."""
# ruff: noqa: RUF001  (Chinese is written with full-width punctuation)

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.settings import Settings
from stretchbreak.core.stretches import Library
from stretchbreak.i18n import choose_language, install_translator, translations_dir
from stretchbreak.ui.settings_dialog import SettingsDialog
from stretchbreak.ui.stretch_window import StretchWindow
from stretchbreak.ui.wording import as_rich_text, duration_text, step_text, stretch_context, stretch_name
from tests.ui.conftest import FakeSpeaker

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[str]:
    yield install_translator(qapp, "zh_CN")
    install_translator(qapp, "en")


@pytest.mark.parametrize(("setting", "preferred", "chosen"), [
    ("auto", ["zh-CN", "en-US"], "zh_CN"),
    ("auto", ["zh-Hans-SG"], "zh_CN"),
    ("auto", ["zh-TW", "en-GB"], "en"),
    ("auto", ["zh-Hant-HK"], "en"),
    ("auto", ["de-DE", "zh-CN", "en-US"], "zh_CN"),
    ("auto", ["fr-FR", "de-DE"], "en"),
    ("auto", [], "en"),
    ("en", ["zh-CN"], "en"),
    ("zh_CN", ["en-US"], "zh_CN"),
])
def test_the_language_follows_the_system_unless_the_settings_say_otherwise(
    setting: str, preferred: list[str], chosen: str
) -> None:
    assert choose_language(setting, preferred) == chosen


def test_both_languages_ship_as_built_translations() -> None:
    for language in ("en", "zh_CN"):
        assert (translations_dir() / f"stretchbreak_{language}.ts").is_file()
        assert (translations_dir() / f"stretchbreak_{language}.qm").stat().st_size > 1000


def test_the_translation_sources_are_complete_and_the_built_files_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_text_of_every_stretch_is_translated_into_chinese(chinese: str, library: Library) -> None:
    untranslated = []
    for stretch in library.stretches.values():
        texts = [stretch.name, stretch.summary, stretch.caution, *(s.text for s in stretch.steps)]
        untranslated += [(stretch.id, t) for t in texts
                         if QCoreApplication.translate(stretch_context(stretch.id), t) == t]
    assert untranslated == []


def test_a_text_nobody_translated_shows_as_written(chinese: str, library: Library) -> None:
    stretch = library.stretches["cobra-low"]
    assert stretch_name(stretch) == "眼镜蛇式 1：低位，额头枕拳"
    assert QCoreApplication.translate(stretch_context("my-own-stretch"), "Touch your toes.") == "Touch your toes."


def test_the_stretch_window_speaks_chinese(qtbot: QtBot, chinese: str, library: Library) -> None:
    speaker = FakeSpeaker()
    window = StretchWindow(library, FakeClock(), speech=speaker)
    qtbot.addWidget(window)
    stretch = library.stretches["hip-flexor-release"]
    window.start(stretch, take_focus=False)
    window.next()
    window.next()
    assert window.step_text.text() == "骨盆向下内收，好像把髋部向后倾，直到左髋前侧感到拉伸。不要塌腰。"
    assert window.step_counter.text() == "第 3 步，共 7 步"
    assert window.badge.text() == "左侧"
    assert window.next_button.text() == "下一步 →"
    assert window.windowTitle() == "髋屈肌放松 — stretchbreak"
    assert speaker.said[-1] == step_text(stretch, stretch.steps[2])


def test_an_open_window_switches_language_when_the_translator_changes(
    qtbot: QtBot, qapp: QApplication, library: Library
) -> None:
    window = StretchWindow(library, FakeClock(), speech=FakeSpeaker())
    qtbot.addWidget(window)
    window.start(library.stretches["hip-flexor-release"], take_focus=False)
    assert window.pause_button.text() == "Pause"
    try:
        install_translator(qapp, "zh_CN")
        qtbot.waitUntil(lambda: window.pause_button.text() == "暂停")
        assert window.title.text() == "髋屈肌放松"
        assert window.comfort.question.text() == "你的背部感觉如何？"
    finally:
        install_translator(qapp, "en")
    qtbot.waitUntil(lambda: window.pause_button.text() == "Pause")
    assert window.title.text() == "Hip flexor release"


def test_qt_s_own_buttons_are_translated_too(qtbot: QtBot, chinese: str, library: Library) -> None:
    dialog = SettingsDialog(Settings(), library.ordered(), lambda s: None, voice=FakeSpeaker())
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).text().startswith("保存")
    assert dialog.windowTitle() == "stretchbreak 设置"


def test_durations_and_dates_follow_the_language(chinese: str) -> None:
    assert duration_text(5400) == "1 小时 30 分钟"
    assert QLocale().language() == QLocale.Language.Chinese


def test_english_plurals_come_from_the_english_translation() -> None:
    assert QCoreApplication.translate("Wording", "%n time(s)", None, 1) == "1 time"
    assert QCoreApplication.translate("Wording", "%n time(s)", None, 3) == "3 times"
    assert duration_text(3725) == "1 h 2 min 5 s"


def test_texts_from_files_show_as_text_not_markup() -> None:
    assert as_rich_text('<img src="x"> & <b>bold</b>\nnext') == \
        '<p>&lt;img src="x"&gt; &amp; &lt;b&gt;bold&lt;/b&gt;<br>next</p>'
