"""The composition root: builds the clock, settings, library, reminder engine, IPC server, tray and windows,
and wires them together. Nothing else constructs these; tests build the pieces themselves with fakes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from stretchbreak import __version__, paths
from stretchbreak.core.clock import Clock, SystemClock
from stretchbreak.core.history import FILE_NAME as HISTORY_FILE
from stretchbreak.core.history import HistoryStore, HistoryUnavailable
from stretchbreak.core.reminders import ReminderPolicy, SnoozeRefused, State, until_tomorrow
from stretchbreak.core.settings import DEFAULT_FAVOURITE, Settings, SettingsProblem, load_settings, save_settings
from stretchbreak.core.sitting import SittingTracker
from stretchbreak.core.state_store import BackgroundStateStore, StateStore
from stretchbreak.core.stretches import Library, Stretch, load_library
from stretchbreak.i18n import install_translator
from stretchbreak.ui import app_texts as texts
from stretchbreak.ui.icons import app_icon
from stretchbreak.ui.reminder_engine import IdleReader, ReminderEngine
from stretchbreak.ui.scheduler import CheckScheduler
from stretchbreak.ui.sound import CuePlayer, SoundCuePlayer
from stretchbreak.ui.speech import QtSpeaker, VoiceControl
from stretchbreak.ui.tray import Tray
from stretchbreak.ui.wording import stretch_name

if TYPE_CHECKING:  # windows are imported when first opened: most of a day needs only the tray
    from stretchbreak.ui.control_window import ControlWindow
    from stretchbreak.ui.settings_dialog import SettingsDialog
    from stretchbreak.ui.stats_window import StatsWindow
    from stretchbreak.ui.stretch_window import StretchWindow

log = logging.getLogger(__name__)

HISTORY_RETRY_SECONDS = 30.0
HISTORY_WRITE_WAIT_MS = 100
"""Longest the GUI waits for another process's lock on the history; past it the event is queued and retried."""


def load_stretch_library() -> Library:
    library = load_library(paths.assets_dir() / "stretches", paths.user_stretches_dir(), paths.assets_dir() / "art")
    for problem in library.problems:
        log.warning("stretch file skipped or incomplete: %s", problem)
    return library


def default_idle_source(on_failure: Callable[[str], None]) -> IdleReader:
    """The first idle backend that works here, falling back to wall time (and saying so) if it later fails."""
    from stretchbreak.platform.idle.select import FallbackIdleSource, choose_idle_source

    source, reasons = choose_idle_source()
    for reason in reasons:
        log.info("idle backend not used: %s", reason)
    log.info("idle backend: %s", source.name)
    if source.name.startswith("wall-time"):
        log.warning("no way to read keyboard and mouse activity here; counting wall time instead")
    return FallbackIdleSource(source, on_fallback=on_failure)


def default_blocker() -> Callable[[], str | None]:
    from stretchbreak.platform.desktop_state import DesktopState

    state = DesktopState()
    for check, why in state.off_reasons.items():
        log.info("reminder deferral by %s is off: %s", check, why)
    return state.blocked_by


def nothing_blocks() -> str | None:
    return None


class NotReadingYet:
    """The idle source until start_reminders() connects the real one: nobody is away yet."""

    name = "starting"

    def idle_seconds(self) -> float:
        return 0.0


@dataclass(frozen=True)
class _Connections:
    """What start_reminders() still has to connect."""

    history: bool = False
    idle: bool = False
    blocker: bool = False
    session_events: bool = False


def open_history(clock: Clock) -> HistoryStore | None:
    try:
        return HistoryStore(paths.data_dir() / HISTORY_FILE, clock, write_wait_ms=HISTORY_WRITE_WAIT_MS)
    except HistoryUnavailable as error:
        log.error("history is off: %s", error)
        return None


class StretchbreakApp(QObject):
    """The running app: owns settings, library and the reminder engine, and answers the tray, the control
    window and the command line."""

    def __init__(self, qt_app: QApplication, clock: Clock | None = None, *, idle: IdleReader | None = None,
                 blocked_by: Callable[[], str | None] | None = None, state_store: StateStore | None = None,
                 history: HistoryStore | bool | None = True, session_events: bool = True,
                 sound: CuePlayer | None = None, speaker: VoiceControl | None = None) -> None:
        super().__init__()
        self._qt_app = qt_app
        self._clock = clock or SystemClock()
        self._config_file = paths.config_path()
        loaded = load_settings(self._config_file)
        self.settings = loaded.settings
        self.language = install_translator(qt_app, self.settings.general.language)
        self._settings_problems = list(loaded.problems)
        self.library = load_stretch_library()
        self._check_favourite()
        for problem in self._settings_problems:
            log.warning("settings: %s", problem)
        self._sound = sound or SoundCuePlayer(paths.assets_dir() / "sounds", self.settings.sound.enabled,
                                              self.settings.sound.volume)
        # The speech engine process starts only when guidance is on and something is said.
        self._speaker: VoiceControl = speaker or QtSpeaker(self.settings.voice, parent=self)
        self._window: StretchWindow | None = None
        self._settings_dialog: SettingsDialog | None = None
        self._stats_window: StatsWindow | None = None
        self._pending_snooze: float | None = None
        self._stretch_context: tuple[float, bool] = (0.0, True)  # sitting seconds before it, manual
        self._recorded_deferral: str | None = None
        self._last_history_retry = float("-inf")
        self._startup_notices: list[str] = []
        self.tray: Tray | None = None
        self.control_window: ControlWindow | None = None

        self.tracker = SittingTracker(self._clock, self.settings.reminder.natural_break)
        self._state_store = state_store or BackgroundStateStore(paths.data_dir() / "state.json")
        self.policy = ReminderPolicy(self._clock, self.tracker, self.settings,
                                     [s.id for s in self.library.ordered()], self._state_store)
        if self.policy.load_problem:
            log.warning("%s", self.policy.load_problem)
        # What is not given here is connected in start_reminders(), after the tray icon is on screen.
        self.history: HistoryStore | None = history if isinstance(history, HistoryStore) else None
        self.scheduler = CheckScheduler(self._on_scheduled_check, self._clock.now, self)
        self.engine = ReminderEngine(self.policy, self.tracker, idle or NotReadingYet(), blocked_by or nothing_blocks,
                                     self.scheduler, self)
        self.engine.warn.connect(self._on_warn)
        self.engine.show_reminder.connect(self._on_show_reminder)
        self.engine.changed.connect(self._on_engine_changed)
        self.engine.natural_break.connect(self._on_natural_break)
        self.session_events: QObject | None = None
        self._to_connect = _Connections(history=history is True, idle=idle is None, blocker=blocked_by is None,
                                        session_events=session_events)

    @property
    def idle(self) -> IdleReader:
        """Where activity is read from: the engine's source."""
        return self.engine.idle

    def _check_favourite(self) -> None:
        favourite = self.settings.reminder.favourite
        if favourite in self.library.stretches or not self.library.stretches:
            return
        fallback = DEFAULT_FAVOURITE if DEFAULT_FAVOURITE in self.library.stretches else self.library.ordered()[0].id
        allowed = "the id of a stretch in the library: " + ", ".join(sorted(self.library.stretches))
        self._settings_problems.append(
            SettingsProblem(self._config_file, "reminder.favourite", f'"{favourite}"', allowed))
        self.settings = self.settings.with_favourite(fallback)

    # ---- start-up and shut-down ---------------------------------------------------------------------

    def show_ui(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = Tray(self)
            self.tray.icon.messageClicked.connect(self._on_notification_clicked)
            self.tray.show()
            log.info("tray icon shown")
        else:
            from stretchbreak.ui.control_window import ControlWindow

            reason = texts.no_tray_reason()
            log.warning("no system tray is available; showing the control window instead")
            self.control_window = ControlWindow(self, reason)
            self.control_window.show()
        self._announce_problems()

    def start_reminders(self) -> None:
        """Connect what the tray does not need (history, activity, desktop state, sleep and lock) and start
        the reminders. The runner calls this once the tray icon is on its way to the screen."""
        self._connect_to_the_system()
        self.scheduler.follow_working_hours(self.settings.schedule.days, self.settings.schedule.hours)
        self.engine.start()

    def connect_history(self) -> None:
        """Open the history if this app was asked to and it is not open yet (start_reminders does it too)."""
        if not self._to_connect.history:
            return
        self._to_connect = replace(self._to_connect, history=False)
        self.history = open_history(self._clock)
        if self.history is None:
            self._startup_notices.append(texts.no_history())
            self._announce_problems()

    def _connect_to_the_system(self) -> None:
        self.connect_history()
        wanted, self._to_connect = self._to_connect, _Connections()
        if wanted.idle:
            self.engine.idle = default_idle_source(self._on_idle_failure)
        if wanted.blocker:
            self.engine.ask_desktop_with(default_blocker())
        if wanted.session_events:
            self._listen_to_session()

    def shutdown(self) -> None:
        self.engine.stop()
        if isinstance(self._state_store, BackgroundStateStore) and not self._state_store.flush():
            log.warning("quitting before the pause and snooze state finished saving")
        if isinstance(self._speaker, QtSpeaker):
            self._speaker.shutdown()
        if self.history is not None:
            self.history.close()

    def _listen_to_session(self) -> None:
        from stretchbreak.platform.session_events import SessionEvents

        events = SessionEvents(parent=self)
        events.locked_changed.connect(self._on_locked)
        events.sleeping_changed.connect(self._on_sleeping)
        for source, why in events.off_reasons.items():
            log.info("session events from %s are off: %s", source, why)
        self.session_events = events

    def _on_locked(self, locked: bool) -> None:
        log.info("screen %s", "locked" if locked else "unlocked")
        self.tracker.set_locked(locked)
        self.engine.check()

    def _on_sleeping(self, sleeping: bool) -> None:
        log.info("system %s", "going to sleep" if sleeping else "woke up")
        if not sleeping:
            self.engine.check()

    def _on_idle_failure(self, why: str) -> None:
        log.warning("reading activity failed (%s); counting wall time from now on", why)
        self._notify(*texts.idle_failed(why), warning=True)

    def _announce_problems(self) -> None:
        lines = [str(p) for p in self._settings_problems]
        lines += [texts.stretch_file_problem(str(p)) for p in self.library.problems]
        lines += self._startup_notices
        if not lines:
            return
        self._notify(*texts.file_problems(lines), warning=True)

    def _notify(self, title: str, message: str, warning: bool = False) -> None:
        if self.tray is not None:
            self.tray.notify(title, message, warning)
        elif self.control_window is not None:
            self.control_window.notify(title, message, warning)

    def refresh_views(self) -> None:
        if self.tray is not None:
            self.tray.refresh()
        if self.control_window is not None:
            self.control_window.refresh()

    # ---- what the views read ------------------------------------------------------------------------

    def stretches(self) -> list[Stretch]:
        return self.library.ordered()

    def favourite_id(self) -> str:
        return self.settings.reminder.favourite

    def now(self) -> datetime:
        return self._clock.now()

    def next_stretch_text(self) -> str:
        policy = self.policy
        walk = self._window.walkthrough if self._window else None
        stretching = (stretch_name(walk.stretch), walk.index + 1, walk.total) if walk and not walk.finished else None
        return texts.next_stretch(policy.state(), stretching=stretching, paused_until=policy.paused_until,
                                  deferred_by=policy.deferred_by, seconds_left=policy.seconds_to_reminder())

    def status_text(self) -> str:
        favourite = self.library.get(self.favourite_id())
        return texts.tooltip(self.next_stretch_text(), self.tracker.sitting_seconds(),
                             stretch_name(favourite) if favourite else None,
                             counting_wall_time=self.idle.name.startswith("wall-time"),
                             events_waiting=self.history.pending if self.history is not None else 0)

    def tray_state(self) -> str:
        return {
            State.STRETCHING: "stretching", State.PAUSED: "paused", State.OFF_HOURS: "paused",
            State.SNOOZED: "snoozed", State.WARNING: "warning", State.DEFERRED: "deferred",
        }.get(self.policy.state(), "ready")

    def snooze_allowed(self) -> bool:
        return self.policy.snooze_allowed

    def is_paused(self) -> bool:
        return self.policy.paused

    def status(self) -> dict[str, Any]:
        policy = self.policy
        left = policy.seconds_to_reminder()
        until = policy.paused_until
        return {
            "running": True,
            "state": policy.state().value,
            "sitting_seconds": round(self.tracker.sitting_seconds()),
            "next_reminder_seconds": None if left is None else round(left),
            "snoozes_left": policy.snoozes_left,
            "favourite": self.favourite_id(),
            "current_stretch": policy.stretching,
            "paused_until": until.isoformat(timespec="seconds") if until else
            ("until-resumed" if policy.paused else None),
            "deferred_by": policy.deferred_by,
            "idle_backend": self.idle.name,
            "tray": self.tray is not None,
            "version": __version__,
        }

    def stretch_list(self) -> list[dict[str, Any]]:
        favourite = self.favourite_id()
        return [{"id": s.id, "name": s.name, "favourite": s.id == favourite} for s in self.library.ordered()]

    # ---- what the user does -------------------------------------------------------------------------

    def start_stretch(self, stretch_id: str | None = None, take_focus: bool = True,
                      snooze_allowed: bool = True) -> bool:
        stretch = self.library.get(stretch_id or self.favourite_id())
        if stretch is None:
            log.warning("no stretch called %r", stretch_id)
            return False
        hold = self.settings.holds.get(stretch.id)
        if hold is not None:
            stretch = stretch.with_hold(hold)
        self.policy.stretch_started(stretch.id)
        self._stretch_context = (self.tracker.sitting_seconds(), take_focus)
        window = self._stretch_window()
        window.ask_comfort = self.settings.history.ask_comfort
        window.set_snooze_allowed(snooze_allowed)
        window.start(stretch, take_focus=take_focus)
        log.info("stretch started: %s%s", stretch.id, "" if take_focus else " (without taking focus)")
        self.engine.after_user_action()
        return True

    def snooze(self, seconds: float | None = None) -> float:
        """Snooze the open reminder, or postpone the next one; raises SnoozeRefused past the limit."""
        if not self.policy.snooze_allowed:
            raise SnoozeRefused(texts.no_more_snoozes(self.settings.reminder.max_snoozes))
        if self._window is not None and self._window.isVisible() and self.policy.stretching:
            self._pending_snooze = seconds
            self._window.snooze()
        else:
            self.policy.snooze(seconds)
            self._record("record_snooze", seconds or self.settings.reminder.snooze)
            self.engine.after_user_action()
        left = self.policy.seconds_to_reminder()
        return left if left is not None else 0.0

    def skip(self) -> None:
        if self._window is not None and self._window.isVisible() and self.policy.stretching:
            self._window.skip()
        else:
            self.policy.skip()
        self.engine.after_user_action()

    def pause(self, until: datetime | None) -> None:
        if self._window is not None and self._window.isVisible():
            self._window.skip()
        self.policy.pause(until)
        self._record("record_pause", until)
        log.info("paused until %s", until or "resumed")
        self.engine.after_user_action()

    def pause_until_tomorrow(self) -> datetime:
        start = self.settings.schedule.hours.split("-")[0] if self.settings.schedule.hours else ""
        until = until_tomorrow(self._clock.now(), start)
        self.pause(until)
        return until

    def resume(self) -> None:
        if self.policy.paused:
            self._record("record_resume")
        self.policy.resume()
        log.info("resumed")
        self.engine.after_user_action()

    def set_favourite(self, stretch_id: str) -> None:
        if stretch_id not in self.library.stretches:
            return
        self.save_settings(self.settings.with_favourite(stretch_id))
        log.info("favourite set to %s", stretch_id)

    def save_settings(self, settings: Settings) -> None:
        """Save atomically (raises OSError, the old file kept); a file that had problems is backed up first."""
        save_settings(self._config_file, settings, backup_existing=bool(self._settings_problems))
        self._settings_problems = []
        self._apply(settings)

    def _apply(self, settings: Settings) -> None:
        schedule_changed = settings.schedule != self.settings.schedule
        if settings.general.language != self.settings.general.language:
            self.language = install_translator(self._qt_app, settings.general.language)
        self.settings = settings
        self._speaker.apply(settings.voice)
        if isinstance(self._sound, SoundCuePlayer):
            self._sound.enabled = settings.sound.enabled
            self._sound.volume = settings.sound.volume
        self.policy.apply_settings(settings)
        self.engine.set_poll_interval(settings.reminder.natural_break)
        if schedule_changed:
            self.scheduler.follow_working_hours(settings.schedule.days, settings.schedule.hours)
        self.engine.after_user_action()

    def set_sound(self, enabled: bool) -> None:
        self.save_settings(replace(self.settings, sound=replace(self.settings.sound, enabled=enabled)))

    def open_settings(self) -> None:
        from stretchbreak.ui.settings_dialog import SettingsDialog

        if self._settings_dialog is None:
            from stretchbreak.platform.autostart import AutostartSwitch

            dialog = SettingsDialog(self.settings, self.stretches(), self._save_from_dialog, voice=self._speaker,
                                    login_start=AutostartSwitch())
            dialog.setWindowIcon(app_icon())
            dialog.finished.connect(self._settings_closed)
            self._settings_dialog = dialog
        self._settings_dialog.show()
        self._settings_dialog.raise_()
        self._settings_dialog.activateWindow()

    def open_stats(self) -> None:
        if self.history is None:
            self._notify("stretchbreak", texts.no_history_to_show(), True)
            return
        from stretchbreak.ui.stats_window import StatsWindow

        if self._stats_window is None:
            names = {s.id: s.name for s in self.library.ordered()}
            self._stats_window = StatsWindow(self.history, self._clock, names)
            self._stats_window.setWindowIcon(app_icon())
        else:
            self._stats_window.refresh()
        self._stats_window.show()
        self._stats_window.raise_()
        self._stats_window.activateWindow()

    @property
    def stats_window(self) -> StatsWindow | None:
        return self._stats_window

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        return self._settings_dialog

    def _save_from_dialog(self, settings: Settings) -> None:
        try:
            self.save_settings(settings)
        except OSError as error:
            log.error("could not save settings to %s: %s", self._config_file, error)
            raise

    def _settings_closed(self) -> None:
        if self._settings_dialog is not None:
            self._settings_dialog.deleteLater()
            self._settings_dialog = None

    def quit(self) -> None:
        log.info("quitting")
        QTimer.singleShot(0, self._qt_app.quit)

    # ---- reminders ----------------------------------------------------------------------------------

    def _on_scheduled_check(self) -> None:
        self.engine.check()

    def _on_warn(self, seconds: float, snooze_allowed: bool) -> None:
        self._notify(*texts.heads_up(seconds, self.settings.reminder.snooze if snooze_allowed else None))

    def _on_notification_clicked(self) -> None:
        if self.policy.state() is State.WARNING and self.policy.snooze_allowed:
            self.snooze(None)

    def _on_show_reminder(self, stretch_id: str, snooze_allowed: bool) -> None:
        sitting = self.tracker.sitting_seconds()
        self.start_stretch(stretch_id, take_focus=False, snooze_allowed=snooze_allowed)
        # The window first: a history write may wait for a locked database.
        self._record("record_reminder", stretch_id, sitting)

    def _on_engine_changed(self) -> None:
        self._retry_history()
        deferred_by = self.policy.deferred_by
        if deferred_by is not None and deferred_by != self._recorded_deferral:
            self._record("record_deferred", deferred_by, self.tracker.sitting_seconds())
        self._recorded_deferral = deferred_by
        self.refresh_views()

    def _on_natural_break(self, seconds: float, reason: str, sitting_seconds: float) -> None:
        self._record("record_natural_break", seconds, reason, sitting_seconds)

    def _retry_history(self) -> None:
        """Write events the database refused while it was locked. Each try may wait for the lock (the store's
        busy timeout), so it is tried at most every HISTORY_RETRY_SECONDS."""
        if self.history is None or not self.history.pending:
            return
        now = self._clock.monotonic()
        if now - self._last_history_retry >= HISTORY_RETRY_SECONDS:
            self._last_history_retry = now
            self.history.flush()

    def _record(self, method: str, *args: Any) -> None:
        """Write one history event; the store keeps what it cannot write yet, so this never fails."""
        if self.history is not None:
            getattr(self.history, method)(*args)

    # ---- the stretch window -------------------------------------------------------------------------

    def _stretch_window(self) -> StretchWindow:
        if self._window is None:
            from stretchbreak.ui.stretch_window import StretchWindow

            self._window = StretchWindow(self.library, self._clock, self._sound, speech=self._speaker)
            self._window.setWindowIcon(app_icon())
            self._window.ended.connect(self._stretch_ended)
            self._window.comfort_answered.connect(self._on_comfort)
            self._window.step_changed.connect(self._on_step_changed)
        return self._window

    def _on_comfort(self, stretch_id: str, value: int) -> None:
        log.info("comfort after %s: %d", stretch_id, value)
        self._record("record_comfort", value, stretch_id)

    def _on_step_changed(self, index: int) -> None:
        walk = self._window.walkthrough if self._window else None
        if walk is not None:
            log.debug("stretch %s: step %d of %d", walk.stretch.id, index + 1, walk.total)
        self.refresh_views()

    @property
    def stretch_window(self) -> StretchWindow | None:
        return self._window

    def _stretch_ended(self, outcome: str, stretch_id: str, seconds: float) -> None:
        log.info("stretch %s ended: %s after %.0f s", stretch_id, outcome, seconds)
        snooze_seconds, self._pending_snooze = self._pending_snooze, None
        sat_before, manual = self._stretch_context
        self._record("record_stretch", stretch_id, outcome, seconds, sat_before, manual)
        if outcome == "snoozed" and self.policy.snooze_allowed:
            self._record("record_snooze", snooze_seconds or self.settings.reminder.snooze)
        self.policy.stretch_ended(outcome, snooze_seconds)
        QTimer.singleShot(0, self.engine.after_user_action)
