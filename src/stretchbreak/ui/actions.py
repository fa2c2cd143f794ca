"""What the tray menu and the fallback control window can ask of the app, and what they can read."""

from __future__ import annotations

from typing import Protocol

from stretchbreak.core.stretches import Stretch


class AppActions(Protocol):
    def stretches(self) -> list[Stretch]: ...

    def favourite_id(self) -> str: ...

    def status_text(self) -> str: ...

    def tray_state(self) -> str: ...

    def start_stretch(self, stretch_id: str | None = None) -> bool:
        """Start `stretch_id`, or the favourite when None; the user asked, so the window takes focus."""
        ...

    def set_favourite(self, stretch_id: str) -> None: ...

    def open_settings(self) -> None: ...

    def quit(self) -> None: ...
