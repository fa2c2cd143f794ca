"""The app menu shared by the tray and the fallback window."""

from datetime import datetime

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from stretchbreak.core.stretches import Library, Stretch
from stretchbreak.ui.menu import AppMenu


class FakeActions:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.favourite = "cobra-low"
        self.started: list[str | None] = []
        self.calls: list[str] = []
        self.paused = False
        self.snoozes_allowed = True
        self.clock = datetime(2026, 3, 2, 10, 0).astimezone()

    def stretches(self) -> list[Stretch]:
        return self.library.ordered()

    def favourite_id(self) -> str:
        return self.favourite

    def status_text(self) -> str:
        return "stretchbreak — Next stretch in 12 min\nFavourite: Cobra 1"

    def next_stretch_text(self) -> str:
        return "Next stretch in 12 min"

    def snooze_allowed(self) -> bool:
        return self.snoozes_allowed

    def is_paused(self) -> bool:
        return self.paused

    def now(self) -> datetime:
        return self.clock

    def snooze(self, seconds: float | None = None) -> float:
        self.calls.append(f"snooze {seconds}")
        return 0.0

    def skip(self) -> None:
        self.calls.append("skip")

    def pause(self, until: datetime | None) -> None:
        self.calls.append(f"pause {until:%H:%M}" if until else "pause")

    def pause_until_tomorrow(self) -> datetime:
        self.calls.append("pause tomorrow")
        return self.clock

    def resume(self) -> None:
        self.calls.append("resume")

    def tray_state(self) -> str:
        return "ready"

    def start_stretch(self, stretch_id: str | None = None) -> bool:
        self.started.append(stretch_id)
        return True

    def set_favourite(self, stretch_id: str) -> None:
        self.favourite = stretch_id

    def open_settings(self) -> None:
        self.calls.append("settings")

    def open_stats(self) -> None:
        self.calls.append("stats")

    def quit(self) -> None:
        self.calls.append("quit")


def action(menu: QMenu, text: str) -> QAction:
    [found] = [a for a in menu.actions() if a.text().replace("&", "").strip().lstrip("★").strip() == text]
    return found


def submenu(menu: QMenu, text: str) -> QMenu:
    sub = action(menu, text).menu()
    assert isinstance(sub, QMenu)
    return sub


def test_top_level_items(qtbot: QtBot, library: Library) -> None:
    menu = AppMenu(FakeActions(library))
    qtbot.addWidget(menu)
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Next stretch in 12 min", "Stretch now", "Stretches", "Snooze", "Skip next stretch", "Pause",
                     "Statistics…", "Settings…", "Quit"]
    assert action(menu, "Snooze").isEnabled()
    assert action(menu, "Pause").isEnabled()


def test_stretch_now_starts_the_favourite(qtbot: QtBot, library: Library) -> None:
    fake = FakeActions(library)
    menu = AppMenu(fake)
    qtbot.addWidget(menu)
    action(menu, "Stretch now").trigger()
    assert fake.started == [None]


def test_stretches_lists_every_stretch_marks_the_favourite_and_starts_the_one_chosen(
    qtbot: QtBot, library: Library
) -> None:
    fake = FakeActions(library)
    menu = AppMenu(fake)
    qtbot.addWidget(menu)
    stretches = submenu(menu, "Stretches")
    names = {s.name for s in library.stretches.values()}
    listed = [a for a in stretches.actions() if a.text().strip().lstrip("★").strip() in names]
    assert len(listed) == len(names)
    starred = [a.text() for a in listed if a.text().startswith("★")]
    assert starred == ["★ " + library.stretches["cobra-low"].name]
    action(stretches, library.stretches["chest-opener"].name).trigger()
    assert fake.started == ["chest-opener"]


def test_make_favourite_sets_it_and_the_rebuilt_menu_shows_it(qtbot: QtBot, library: Library) -> None:
    fake = FakeActions(library)
    menu = AppMenu(fake)
    qtbot.addWidget(menu)
    favourites = submenu(submenu(menu, "Stretches"), "Make favourite")
    checked = [a.text() for a in favourites.actions() if a.isChecked()]
    assert checked == [library.stretches["cobra-low"].name]
    action(favourites, library.stretches["floor-sit-wall"].name).trigger()
    assert fake.favourite == "floor-sit-wall"
    menu.aboutToShow.emit()
    starred = [a.text() for a in submenu(menu, "Stretches").actions() if a.text().startswith("★")]
    assert starred == ["★ " + library.stretches["floor-sit-wall"].name]


def test_settings_and_quit(qtbot: QtBot, library: Library) -> None:
    fake = FakeActions(library)
    menu = AppMenu(fake)
    qtbot.addWidget(menu)
    action(menu, "Statistics…").trigger()
    action(menu, "Settings…").trigger()
    action(menu, "Quit").trigger()
    assert fake.calls == ["stats", "settings", "quit"]


def test_snooze_and_pause_choices(qtbot: QtBot, library: Library) -> None:
    fake = FakeActions(library)
    menu = AppMenu(fake)
    qtbot.addWidget(menu)
    action(submenu(menu, "Snooze"), "5 minutes").trigger()
    action(submenu(menu, "Pause"), "For 1 hour").trigger()
    action(submenu(menu, "Pause"), "Until tomorrow").trigger()
    action(submenu(menu, "Pause"), "Until I resume").trigger()
    action(menu, "Skip next stretch").trigger()
    assert fake.calls == ["snooze 300", "pause 11:00", "pause tomorrow", "pause", "skip"]


def test_paused_offers_resume_and_no_snooze(qtbot: QtBot, library: Library) -> None:
    fake = FakeActions(library)
    fake.paused = True
    menu = AppMenu(fake)
    qtbot.addWidget(menu)
    assert not action(menu, "Snooze").isEnabled()
    action(menu, "Resume reminders").trigger()
    assert fake.calls == ["resume"]


def test_snooze_is_disabled_past_the_limit(qtbot: QtBot, library: Library) -> None:
    fake = FakeActions(library)
    fake.snoozes_allowed = False
    menu = AppMenu(fake)
    qtbot.addWidget(menu)
    assert not action(menu, "Snooze").isEnabled()
