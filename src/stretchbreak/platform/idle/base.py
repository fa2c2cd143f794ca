"""The idle source protocol every backend implements, and the one error they raise when they cannot answer."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


class IdleUnavailable(Exception):
    """This backend cannot tell the idle time here (missing library, server, service or permission).

    The message says why, in words fit for the log and the status output.
    """


class IdleSource(Protocol):
    @property
    def name(self) -> str:
        """Short backend id, e.g. "x11-screensaver" or "wall-time"."""
        ...

    def idle_seconds(self) -> float:
        """Seconds since the last keyboard or mouse input. Raises IdleUnavailable once it stops working."""
        ...


@runtime_checkable
class Closeable(Protocol):
    """A backend holding an OS connection (an X display, a D-Bus call in flight) that should be let go."""

    def close(self) -> None: ...
