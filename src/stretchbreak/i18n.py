"""The user-interface language: which one to use (the setting, else the system's preferred languages) and
installing its Qt translators (stretchbreak's own, and Qt's for standard buttons such as Save and Cancel).

Calling `install_translator` again switches language: the old translators are removed, and Qt sends every
widget a LanguageChange event so open windows can translate themselves again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from stretchbreak.paths import assets_dir

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}
"""The shipped languages, each named in itself (as a language menu shows them)."""

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return assets_dir() / "translations"


def _supported(locale: QLocale) -> str | None:
    if locale.language() == QLocale.Language.Chinese:
        # Traditional-script readers are not forced into Simplified characters; they get English.
        traditional = locale.script() == QLocale.Script.TraditionalHanScript or (
            locale.script() == QLocale.Script.AnyScript
            and locale.territory() in (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macau))
        return None if traditional else "zh_CN"
    if locale.language() == QLocale.Language.English:
        return "en"
    return None


def choose_language(setting: str, ui_languages: Iterable[str]) -> str:
    """The language to show: the setting unless it is "auto", else the first of the user's preferred
    languages (most preferred first, like "zh-Hans-CN" or "en-GB") that stretchbreak speaks, else English."""
    if setting in LANGUAGE_NAMES:
        return setting
    for name in ui_languages:
        chosen = _supported(QLocale(name.replace("-", "_")))
        if chosen is not None:
            return chosen
    return SOURCE_LANGUAGE


def _load(translator: QTranslator, name: str, folder: str) -> bool:
    if translator.load(name, folder):
        return True
    log.info("no translation file %s in %s", name, folder)
    return False


def install_translator(app: QCoreApplication, language_setting: str) -> str:
    """Install the translators for `language_setting` ("auto", "en" or "zh_CN") and return the language
    chosen. A missing translation file is logged and leaves that part in English; it never fails."""
    language = choose_language(language_setting, QLocale.system().uiLanguages())
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    wanted = [(f"stretchbreak_{language}", str(translations_dir()))]
    if language != SOURCE_LANGUAGE:
        wanted.append((f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in wanted:
        translator = QTranslator(app)
        if _load(translator, name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    system = QLocale.system()
    # Dates and numbers follow the chosen language, but keep the user's own regional formats when the
    # system already speaks it (en_GB stays en_GB rather than becoming en_US).
    QLocale.setDefault(system if _supported(system) == language else QLocale(language))
    log.info("user interface language: %s (setting %r)", language, language_setting)
    return language
