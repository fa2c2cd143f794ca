"""The stretch window in English and Chinese, light and dark, at its normal size and at a large system font:
no text is clipped and the colours follow the palette; the settings dialog and the statistics fit their texts.

Set STRETCHBREAK_SCREENSHOTS to a folder to keep the pictures (stretch-window-<language>-<palette>.png) for
a person to look at.
"""

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.history import HistoryStore
from stretchbreak.core.settings import Settings
from stretchbreak.core.stretches import Library
from stretchbreak.i18n import install_translator
from stretchbreak.ui.settings_dialog import SettingsDialog
from stretchbreak.ui.stats_window import StatsWindow
from stretchbreak.ui.stretch_window import StretchWindow
from stretchbreak.ui.style import WARM, WARM_ON_DARK
from tests.ui.conftest import FakeSpeaker, RecordingPlayer
from tests.unit.test_history import CET, WallClock

DARK = {
    QPalette.ColorRole.Window: "#2b2d30", QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1f2023", QPalette.ColorRole.AlternateBase: "#2b2d30",
    QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#3a3c40",
    QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Mid: "#4a4c50",
    QPalette.ColorRole.Highlight: "#3daee9", QPalette.ColorRole.HighlightedText: "#1f2023",
    QPalette.ColorRole.ToolTipBase: "#3a3c40", QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#9a9ca0", QPalette.ColorRole.Light: "#505256",
    QPalette.ColorRole.Dark: "#1a1b1d",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#8a8c90"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#8a8c90"))
    return palette


@pytest.fixture
def look(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[tuple[str, str]]:
    language, scheme = request.param
    palette, font = qapp.palette(), qapp.font()
    install_translator(qapp, language)
    if scheme == "dark":
        qapp.setPalette(dark_palette())
    yield language, scheme
    qapp.setPalette(palette)
    qapp.setFont(font)
    install_translator(qapp, "en")


def shown_at_a_hold_with_a_side(qtbot: QtBot, library: Library) -> StretchWindow:
    window = StretchWindow(library, FakeClock(), RecordingPlayer(), speech=FakeSpeaker())
    qtbot.addWidget(window)
    window.start(library.stretches["hip-flexor-release"], take_focus=True)
    window.next()
    window.next()
    qtbot.waitExposed(window)
    assert window.ring.isVisible() and window.badge.text()
    return window


def clipped(window: QWidget) -> list[str]:
    """Texts that do not fit the space their widget was given."""
    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text():
            continue
        if label.wordWrap():
            needed_height, needed_width = label.heightForWidth(label.width()), label.minimumSizeHint().width()
        else:
            needed_height, needed_width = label.sizeHint().height(), label.sizeHint().width()
        if needed_height > label.height() or needed_width > label.width():
            found.append(f"label {label.objectName() or label.text()[:30]!r}: needs {needed_width}x{needed_height},"
                         f" has {label.width()}x{label.height()}")
    for button in window.findChildren(QAbstractButton):
        hint = button.sizeHint()
        if button.isVisibleTo(window) and (hint.width() > button.width() or hint.height() > button.height()):
            found.append(f"button {button.text()!r}: needs {hint.width()}x{hint.height()}, "
                         f"has {button.width()}x{button.height()}")
    ring = getattr(window, "ring", None)
    if ring is not None and ring.isVisibleTo(window) and ring.sizeHint().width() > ring.width():
        found.append("the hold ring")
    return found


LOOKS = [("en", "light"), ("en", "dark"), ("zh_CN", "light"), ("zh_CN", "dark")]


@pytest.mark.parametrize("look", LOOKS, indirect=True, ids=["-".join(x) for x in LOOKS])
def test_no_text_is_clipped_in_either_language_or_palette(
    qtbot: QtBot, library: Library, look: tuple[str, str]
) -> None:
    language, scheme = look
    window = shown_at_a_hold_with_a_side(qtbot, library)
    assert clipped(window) == []
    picture = window.grab()
    window.done()
    assert window.comfort.isVisibleTo(window)
    assert clipped(window) == [], "the well-done page with the comfort question"
    assert picture.width() >= window.minimumWidth()
    folder = os.environ.get("STRETCHBREAK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        name = f"stretch-window-{'zh' if language == 'zh_CN' else language}-{scheme}.png"
        assert picture.save(str(Path(folder) / name))


@pytest.mark.parametrize("look", [("zh_CN", "light")], indirect=True, ids=["zh_CN-light"])
def test_a_larger_system_font_grows_the_window_instead_of_clipping(
    qtbot: QtBot, library: Library, qapp: QApplication, look: tuple[str, str]
) -> None:
    font = QFont(qapp.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    qapp.setFont(font)
    window = shown_at_a_hold_with_a_side(qtbot, library)
    assert window.step_text.font().pointSizeF() == pytest.approx(font.pointSizeF() * 1.45)
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: window.size() == window.minimumSize())
    assert clipped(window) == []


@pytest.mark.parametrize("look", [("en", "dark")], indirect=True, ids=["en-dark"])
def test_the_dark_palette_gets_the_light_warm_colour(qtbot: QtBot, library: Library,
                                                     look: tuple[str, str]) -> None:
    window = shown_at_a_hold_with_a_side(qtbot, library)
    assert WARM_ON_DARK in window.styleSheet() and WARM not in window.styleSheet()


def test_switching_the_palette_while_open_restyles_the_window(
    qtbot: QtBot, library: Library, qapp: QApplication
) -> None:
    window = shown_at_a_hold_with_a_side(qtbot, library)
    before = qapp.palette()
    assert WARM in window.styleSheet()
    try:
        qapp.setPalette(dark_palette())
        qtbot.waitUntil(lambda: WARM_ON_DARK in window.styleSheet())
    finally:
        qapp.setPalette(before)
    qtbot.waitUntil(lambda: WARM in window.styleSheet())


def test_the_clipping_check_finds_a_clipped_label(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("A sentence far too long for the tiny space it was given", holder)
    label.setWordWrap(True)
    label.resize(60, 10)
    holder.show()
    assert len(clipped(holder)) == 1


@pytest.mark.parametrize("look", [("zh_CN", "light"), ("en", "dark")], indirect=True, ids=["zh_CN-light", "en-dark"])
def test_the_settings_dialog_and_the_statistics_fit_their_texts_too(
    qtbot: QtBot, library: Library, tmp_path: Path, look: tuple[str, str]
) -> None:
    dialog = SettingsDialog(Settings(), library.ordered(), lambda s: None, voice=FakeSpeaker(available=False))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        assert clipped(dialog.tabs.currentWidget()) == [], dialog.tabs.tabText(index)
    clock = WallClock(datetime(2026, 3, 4, 16, 0, tzinfo=CET))
    with HistoryStore(tmp_path / "history.sqlite3", clock) as store:
        store.record_stretch("hip-flexor-release", "completed", 60, sitting_seconds=3000)
        stats = StatsWindow(store, clock, {s.id: s.name for s in library.ordered()})
        qtbot.addWidget(stats)
        stats.show()
        qtbot.waitExposed(stats)
        assert clipped(stats) == []
