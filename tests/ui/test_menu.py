"""The app menu shared by the tray and the fallback window."""

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

    def stretches(self) -> list[Stretch]:
        return self.library.ordered()

    def favourite_id(self) -> str:
        return self.favourite

    def status_text(self) -> str:
        return "stretchbreak — Ready\nFavourite: Cobra 1"

    def tray_state(self) -> str:
        return "ready"

    def start_stretch(self, stretch_id: str | None = None) -> bool:
        self.started.append(stretch_id)
        return True

    def set_favourite(self, stretch_id: str) -> None:
        self.favourite = stretch_id

    def open_settings(self) -> None:
        self.calls.append("settings")

    def quit(self) -> None:
        self.calls.append("quit")


def action(menu: QMenu, text: str) -> QAction:
    [found] = [a for a in menu.actions() if a.text().strip().lstrip("★").strip() == text]
    return found


def submenu(menu: QMenu, text: str) -> QMenu:
    sub = action(menu, text).menu()
    assert isinstance(sub, QMenu)
    return sub


def test_top_level_items(qtbot: QtBot, library: Library) -> None:
    menu = AppMenu(FakeActions(library))
    qtbot.addWidget(menu)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["stretchbreak — Ready", "Stretch now", "Stretches", "Snooze", "Pause", "Settings…", "Quit"]
    assert not action(menu, "Snooze").isEnabled()
    assert not action(menu, "Pause").isEnabled()


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
    action(menu, "Settings…").trigger()
    action(menu, "Quit").trigger()
    assert fake.calls == ["settings", "quit"]
