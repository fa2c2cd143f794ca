"""The guided stretch window: illustration, step text, "step k of n", hold ring, controls and shortcuts.

It shows a core Walkthrough and reports how the stretch ended through `ended(outcome, stretch_id,
seconds)`, outcome being "completed", "skipped" or "snoozed". It opens on the screen with the pointer,
stays on top, and only takes keyboard focus when the user asked for the stretch themselves.

Everything works from the keyboard: the shortcuts listed at the bottom, Tab through the buttons (a focused
button takes Space and Return like anywhere else), and every widget tells a screen reader its name. The
keyboard focus starts on the step text, so the shortcuts work at once and a screen reader reads the step. A
Narrator speaks the steps for users who cannot see the screen from the floor. Texts are translated when
shown, and again when the language changes; sizes follow the font, colours the palette.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QFont, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stretchbreak.core.clock import Clock
from stretchbreak.core.stretches import Library, Stretch
from stretchbreak.core.walkthrough import TickResult, Walkthrough
from stretchbreak.ui.comfort import ComfortQuestion
from stretchbreak.ui.hold_ring import HoldRing
from stretchbreak.ui.illustration import IllustrationView
from stretchbreak.ui.narration import Narrator
from stretchbreak.ui.sound import CuePlayer, SilentPlayer
from stretchbreak.ui.speech import SilentSpeaker, Speaker
from stretchbreak.ui.style import is_dark, stretch_window_style
from stretchbreak.ui.wording import (
    duration_text,
    fill,
    reps_text,
    side_text,
    step_text,
    stretch_caution,
    stretch_name,
    translate,
)

log = logging.getLogger(__name__)

TICK_MS = 200
WELL_DONE_MS = 4000
AFTER_ANSWER_MS = 1500

SHORTCUTS = {
    "back": ("Left",),
    "pause": ("Space", "P"),
    "next": ("Right", "Return"),
    "done": ("D",),
    "skip": ("Escape",),
    "snooze": ("Z",),
}
_BUTTON_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
"""Keys a focused button keeps for itself instead of letting the window's shortcuts have them."""


def _keys_text(action: str) -> str:
    separator = translate("StretchWindow", " or ", "between two keys, as in 'Right or Return'")
    return separator.join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                          for k in SHORTCUTS[action])


def _scaled(font: QFont, factor: float, bold: bool = False) -> QFont:
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * factor)
    scaled.setBold(bold)
    return scaled


class StretchWindow(QWidget):
    ended = Signal(str, str, float)
    """(outcome, stretch id, seconds the window was open)"""
    step_changed = Signal(int)
    comfort_answered = Signal(str, int)
    """(stretch id, 0-10) from the optional question after a completed stretch"""

    def __init__(self, library: Library, clock: Clock, sound: CuePlayer | None = None,
                 parent: QWidget | None = None, *, speech: Speaker | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("stretchWindow")
        self._library = library
        self._clock = clock
        self._sound = sound or SilentPlayer()
        self._narrator = Narrator(speech or SilentSpeaker())
        self._walk: Walkthrough | None = None
        self._opened_at = 0.0
        self._outcome_sent = True
        self._seconds_open = 0.0
        self._dark: bool | None = None
        self.ask_comfort = True

        self._tick = QTimer(self)
        self._tick.setSingleShot(True)
        self._tick.timeout.connect(self._on_tick)
        self._close_after_well_done = QTimer(self)
        self._close_after_well_done.setSingleShot(True)
        self._close_after_well_done.setInterval(WELL_DONE_MS)
        self._close_after_well_done.timeout.connect(self.close)

        self._pages = QStackedWidget(self)
        self._pages.addWidget(self._build_step_page())
        self._pages.addWidget(self._build_well_done_page())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 22, 28, 18)
        outer.addWidget(self._pages)
        self._bind_shortcuts()
        self._show_as_text()
        self._apply_fonts()
        self._apply_style()
        self._retranslate()

    # ---- construction -------------------------------------------------------------------------------

    def _build_step_page(self) -> QWidget:
        page = QWidget(self)
        self._step_page = page
        self.title = QLabel(page)
        self.title.setObjectName("stretchTitle")
        self.title.setWordWrap(True)
        self.step_counter = QLabel(page)
        self.step_counter.setObjectName("stepCounter")
        self.step_counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.step_counter, 0, Qt.AlignmentFlag.AlignTop)

        self.illustration = IllustrationView(page)
        self.ring = HoldRing(page)
        self.badge = QLabel(page)
        self.badge.setObjectName("stepBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setWordWrap(True)
        side_column = QVBoxLayout()
        side_column.addStretch(1)
        side_column.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignHCenter)
        side_column.addWidget(self.badge)
        side_column.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.illustration, 1)
        middle.addSpacing(16)
        middle.addLayout(side_column)

        self.step_text = QLabel(page)
        self.step_text.setObjectName("stepText")
        self.step_text.setWordWrap(True)
        self.step_text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        self.step_text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.step_text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.caution = QLabel(page)
        self.caution.setObjectName("caution")
        self.caution.setWordWrap(True)

        self.back_button = self._button(page, "back", self.back)
        self.pause_button = self._button(page, "pause", self.toggle_pause)
        self.next_button = self._button(page, "next", self.next)
        self.done_button = self._button(page, "done", self.done)
        self.snooze_button = self._button(page, "snooze", self.snooze)
        self.skip_button = self._button(page, "skip", self.skip)
        self.next_button.setDefault(True)
        self.next_button.setObjectName("primary")
        controls = QHBoxLayout()
        for button in (self.back_button, self.pause_button, self.next_button):
            controls.addWidget(button)
        controls.addStretch(1)
        for button in (self.done_button, self.snooze_button, self.skip_button):
            controls.addWidget(button)
        chain = (self.step_text, self.back_button, self.pause_button, self.next_button, self.done_button,
                 self.snooze_button, self.skip_button)
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.hints = QLabel(page)
        self.hints.setObjectName("shortcutHints")
        self.hints.setWordWrap(True)
        self.hints.setAlignment(Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(middle, 1)
        layout.addWidget(self.step_text)
        layout.addWidget(self.caution)
        layout.addLayout(controls)
        layout.addWidget(self.hints)
        return page

    def _build_well_done_page(self) -> QWidget:
        page = QWidget(self)
        self._well_done_page = page
        self.mark = QLabel("✓", page)
        self.mark.setObjectName("wellDoneMark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.well_done = QLabel(page)
        self.well_done.setObjectName("wellDone")
        self.well_done.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.well_done.setWordWrap(True)
        self.comfort = ComfortQuestion(page)
        self.comfort.answered.connect(self._on_comfort_answered)
        self.comfort.skipped.connect(self._close_soon)
        self.close_button = QPushButton(page)
        self.close_button.setAutoDefault(True)
        self.close_button.clicked.connect(self.close)
        self.close_button.installEventFilter(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.mark)
        layout.addWidget(self.well_done)
        layout.addSpacing(12)
        layout.addWidget(self.comfort, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    def _button(self, parent: QWidget, action: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(parent)
        button.setObjectName(f"{action}Button")
        # Tab reaches the buttons; a click leaves the focus where it was, so the window's keys keep working.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setAutoDefault(True)
        button.clicked.connect(slot)
        button.installEventFilter(self)
        return button

    def _bind_shortcuts(self) -> None:
        slots = {"back": self.back, "pause": self.toggle_pause, "next": self.next, "done": self.done,
                 "skip": self.skip, "snooze": self.snooze}
        for action, keys in SHORTCUTS.items():
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(slots[action])

    def _show_as_text(self) -> None:
        """The labels that show a stretch file's words never read them as markup."""
        for label in (self.title, self.step_counter, self.badge, self.step_text, self.caution, self.hints):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.well_done.setTextFormat(Qt.TextFormat.RichText)

    def _apply_fonts(self) -> None:
        base = self.font()
        self.title.setFont(_scaled(base, 1.6, bold=True))
        self.step_text.setFont(_scaled(base, 1.45))
        self.step_text.setMinimumHeight(self.step_text.fontMetrics().lineSpacing() * 3)
        self.mark.setFont(_scaled(base, 5, bold=True))
        self.well_done.setFont(_scaled(base, 1.8))
        line = self.fontMetrics().height()
        self.setMinimumSize(max(760, 46 * line), max(560, 34 * line))

    def _apply_style(self) -> None:
        dark = is_dark(self.palette())
        if dark != self._dark:
            self._dark = dark
            self.setStyleSheet(stretch_window_style(self.palette()))

    def _retranslate(self) -> None:
        """Set every fixed text in the current language; the step's own texts follow in `_show_step`."""
        self.setWindowTitle("stretchbreak")
        self.setAccessibleName(translate("StretchWindow", "Stretch"))
        self.setAccessibleDescription(translate("StretchWindow", "A guided stretch, one step at a time."))
        self._pages.setAccessibleName(translate("StretchWindow", "Stretch pages"))
        self._step_page.setAccessibleName(translate("StretchWindow", "Current step"))
        self._well_done_page.setAccessibleName(translate("StretchWindow", "Finished"))
        self.title.setAccessibleName(translate("StretchWindow", "Stretch name"))
        self.step_counter.setAccessibleName(translate("StretchWindow", "Progress"))
        self.illustration.setAccessibleName(translate("StretchWindow", "Illustration of the position"))
        self.badge.setAccessibleName(translate("StretchWindow", "Side and repetitions"))
        self.caution.setAccessibleName(translate("StretchWindow", "Caution"))
        self.mark.setAccessibleName(translate("StretchWindow", "Finished"))
        self.well_done.setAccessibleName(translate("StretchWindow", "Well done"))
        self.ring.retranslate()
        labels = {
            "back": (translate("StretchWindow", "← Back"), translate("StretchWindow", "Back"),
                     translate("StretchWindow", "Go to the previous step")),
            "done": (translate("StretchWindow", "Done"), translate("StretchWindow", "Done"),
                     translate("StretchWindow", "Finish the stretch now")),
            "snooze": (translate("StretchWindow", "Snooze"), translate("StretchWindow", "Snooze"),
                       translate("StretchWindow", "Close and remind me again later")),
            "skip": (translate("StretchWindow", "Skip"), translate("StretchWindow", "Skip"),
                     translate("StretchWindow", "Close without stretching this time")),
        }
        for action, (text, name, description) in labels.items():
            self._label_button(getattr(self, f"{action}_button"), action, text, name, description)
        self.close_button.setText(translate("StretchWindow", "Close"))
        self.close_button.setAccessibleName(translate("StretchWindow", "Close"))
        self.close_button.setAccessibleDescription(translate("StretchWindow", "Close the stretch window"))
        self.hints.setText(translate("StretchWindow", "Keys: Space or P pause · ← → steps · Return next · D done · "
                                                      "Z snooze · Esc skip · Tab moves between the buttons"))
        self.hints.setAccessibleName(translate("StretchWindow", "Keyboard shortcuts"))
        self.hints.setAccessibleDescription(self.hints.text())
        self._label_changing_buttons()
        if self._walk is not None:
            self.setWindowTitle(fill(translate("StretchWindow", "%1 — stretchbreak"), stretch_name(self._walk.stretch)))
            self.title.setText(stretch_name(self._walk.stretch))
            self.caution.setText(f"⚠ {stretch_caution(self._walk.stretch)}")
            if self._walk.finished:
                self._show_well_done_text()
            else:
                self._show_step()

    def _label_button(self, button: QPushButton, action: str, text: str, name: str, description: str) -> None:
        keys = _keys_text(action)
        button.setText(text)
        button.setAccessibleName(name)
        button.setAccessibleDescription(fill(translate("StretchWindow", "%1. Keys: %2"), description, keys))
        button.setToolTip(fill(translate("StretchWindow", "%1 (%2)"), name, keys))

    def _label_changing_buttons(self) -> None:
        """The buttons whose text depends on the state: Pause/Resume and Next/Finish."""
        hold = self._walk.hold if self._walk else None
        if hold is not None and hold.paused:
            pause = (translate("StretchWindow", "Resume"), translate("StretchWindow", "Resume"),
                     translate("StretchWindow", "Let the hold timer run again"))
        else:
            pause = (translate("StretchWindow", "Pause"), translate("StretchWindow", "Pause"),
                     translate("StretchWindow", "Stop the hold timer for now"))
        if self._walk is not None and self._walk.is_last:
            next_ = (translate("StretchWindow", "Finish ✓"), translate("StretchWindow", "Finish"),
                     translate("StretchWindow", "Finish the stretch"))
        else:
            next_ = (translate("StretchWindow", "Next →"), translate("StretchWindow", "Next"),
                     translate("StretchWindow", "Go to the next step"))
        self._label_button(self.pause_button, "pause", *pause)
        self._label_button(self.next_button, "next", *next_)

    # ---- public API ---------------------------------------------------------------------------------

    @property
    def walkthrough(self) -> Walkthrough | None:
        return self._walk

    @property
    def stretch(self) -> Stretch | None:
        return self._walk.stretch if self._walk else None

    def start(self, stretch: Stretch, *, take_focus: bool) -> None:
        """Show `stretch` from its first step. Without `take_focus` the typing user keeps their focus."""
        if self._walk is not None and not self._outcome_sent:
            self._send_outcome("skipped")
        self._walk = Walkthrough(stretch, self._clock)
        self._opened_at = self._clock.monotonic()
        self._outcome_sent = False
        self._close_after_well_done.stop()
        self._pages.setCurrentIndex(0)
        self._narrator.begin()
        self._retranslate()
        self._enter_step()
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not take_focus)
        if not self.isVisible():
            self._place_on_pointer_screen()
        self.show()
        self.raise_()
        self.step_text.setFocus(Qt.FocusReason.OtherFocusReason)
        if take_focus:
            self.activateWindow()
        # Loading the sound cues (QtMultimedia, the audio device) takes a few hundred ms the first time: after
        # the window is on screen, not before.
        QTimer.singleShot(0, self._sound.prepare)

    def back(self) -> None:
        if self._active():
            assert self._walk is not None
            if self._walk.index > 0:
                self._walk.back()
                self._enter_step()

    def next(self) -> None:
        if self._active():
            assert self._walk is not None
            self._apply(self._walk.next())

    def toggle_pause(self) -> None:
        if self._active():
            assert self._walk is not None
            self._walk.toggle_pause()
            self._refresh_hold()
            self._label_changing_buttons()

    def done(self) -> None:
        if self._active():
            self._finish()

    def skip(self) -> None:
        if self._active():
            self._send_outcome("skipped")
            self.close()

    def snooze(self) -> None:
        if self._active() and self.snooze_button.isEnabled():
            self._send_outcome("snoozed")
            self.close()

    def set_snooze_allowed(self, allowed: bool) -> None:
        self.snooze_button.setEnabled(allowed)
        self.snooze_button.setVisible(allowed)

    # ---- internals ----------------------------------------------------------------------------------

    def _active(self) -> bool:
        return self._walk is not None and not self._walk.finished and self._pages.currentIndex() == 0

    def _apply(self, result: TickResult) -> None:
        if result is TickResult.ADVANCED:
            self._enter_step()
        elif result is TickResult.FINISHED:
            self._finish()

    def _enter_step(self) -> None:
        assert self._walk is not None
        walk = self._walk
        self._show_step()
        hold = walk.hold
        self._narrator.step_started(step_text(walk.stretch, walk.step), walk.step.side,
                                    hold.duration if hold else None)
        if hold is not None:
            self._sound.play("hold-start")
        self._refresh_hold()
        self.step_changed.emit(walk.index)

    def _show_step(self) -> None:
        """Show the current step's texts, illustration and buttons (no sound, no speech)."""
        assert self._walk is not None
        walk, step = self._walk, self._walk.step
        text = step_text(walk.stretch, step)
        counter = fill(translate("StretchWindow", "Step %1 of %2"), walk.index + 1, walk.total)
        self.step_counter.setText(counter)
        self.step_counter.setAccessibleDescription(counter)
        self.step_text.setText(text)
        self.step_text.setAccessibleName(fill(translate("StretchWindow", "%1: %2"), counter, text))
        self.illustration.show_file(self._library.art_path(walk.stretch.art_for(walk.index)))
        self.illustration.setAccessibleDescription(text)
        badges = []
        if step.side:
            badges.append(side_text(step.side))
        if step.reps:
            badges.append(reps_text(step.reps))
        self.badge.setText(" · ".join(badges))
        self.back_button.setEnabled(walk.index > 0)
        self.ring.setVisible(walk.hold is not None)
        self.pause_button.setEnabled(walk.hold is not None)
        self._label_changing_buttons()

    def _refresh_hold(self) -> None:
        walk = self._walk
        hold = walk.hold if walk else None
        if hold is None:
            self._tick.stop()
            return
        remaining = hold.remaining()
        self.ring.set_state(remaining, hold.duration, hold.paused)
        if hold.paused:
            self._tick.stop()
            return
        self._narrator.hold_remaining(remaining)
        # Wake at the next whole second or the deadline, whichever is sooner, and at most every TICK_MS.
        self._tick.start(max(1, min(TICK_MS, int(remaining * 1000) + 1)))

    def _on_tick(self) -> None:
        if self._walk is None or not self._active():
            return
        result = self._walk.tick()
        if result is TickResult.NOTHING:
            self._refresh_hold()
            return
        if result is TickResult.ADVANCED:
            self._sound.play("hold-end")
        self._apply(result)

    def _finish(self) -> None:
        assert self._walk is not None
        if not self._walk.finished:
            self._walk.finished = True
        self._tick.stop()
        self._seconds_open = self._clock.monotonic() - self._opened_at
        self._send_outcome("completed")
        self._sound.play("finished")
        self._narrator.finished()
        self._show_well_done_text()
        self._pages.setCurrentIndex(1)
        if self.ask_comfort:
            # The question holds the window open until it is answered or skipped.
            self.comfort.show()
            self.comfort.ask()
            self.comfort.setFocus()
        else:
            self.comfort.hide()
            self.close_button.setFocus()
            self._close_after_well_done.start(WELL_DONE_MS)

    def _show_well_done_text(self) -> None:
        heading = translate("StretchWindow", "Well done!")
        gave = fill(translate("StretchWindow", "You gave your back %1."), duration_text(self._seconds_open))
        see_you = translate("StretchWindow", "See you at the next break.")
        self.well_done.setText(f"<h2>{heading}</h2><p>{gave}<br>{see_you}</p>")
        self.well_done.setAccessibleDescription(f"{heading} {gave} {see_you}")

    def _on_comfort_answered(self, value: int) -> None:
        if self._walk is not None:
            self.comfort_answered.emit(self._walk.stretch.id, value)
        self._close_soon()

    def _close_soon(self) -> None:
        self._close_after_well_done.start(AFTER_ANSWER_MS)

    def _send_outcome(self, outcome: str) -> None:
        if self._outcome_sent or self._walk is None:
            return
        self._outcome_sent = True
        self._tick.stop()
        if outcome != "completed":
            self._narrator.quiet()
        self.ended.emit(outcome, self._walk.stretch.id, self._clock.monotonic() - self._opened_at)

    def _place_on_pointer_screen(self) -> None:
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        size = self.sizeHint().expandedTo(self.minimumSize()).boundedTo(area.size())
        self.resize(size)
        self.move(area.center().x() - size.width() // 2, area.center().y() - size.height() // 2)

    # ---- events -------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A focused button keeps Space and Return (as buttons do everywhere) instead of the window's shortcuts.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() in _BUTTON_KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.ActivationChange:
            log.debug("stretch window %s", "active" if self.isActiveWindow() else "inactive")
        if kind == QEvent.Type.LanguageChange:
            self._retranslate()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._apply_fonts()
        elif kind in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_style()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._send_outcome("skipped")
        self._narrator.quiet()
        self._close_after_well_done.stop()
        self._tick.stop()
        super().closeEvent(event)
