"""The guided stretch window: illustration, step text, "step k of n", hold ring, controls and shortcuts.

It shows a core Walkthrough and reports how the stretch ended through `ended(outcome, stretch_id,
seconds)`, outcome being "completed", "skipped" or "snoozed". It opens on the screen with the pointer,
stays on top, and only takes keyboard focus when the user asked for the stretch themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QFont, QGuiApplication, QKeySequence, QShortcut
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
from stretchbreak.core.durations import describe_duration
from stretchbreak.core.stretches import Library, Stretch
from stretchbreak.core.walkthrough import TickResult, Walkthrough
from stretchbreak.ui.comfort import ComfortQuestion
from stretchbreak.ui.hold_ring import HoldRing
from stretchbreak.ui.illustration import IllustrationView
from stretchbreak.ui.sound import CuePlayer, SilentPlayer
from stretchbreak.ui.style import STRETCH_WINDOW_STYLE

TICK_MS = 200
WELL_DONE_MS = 4000
AFTER_ANSWER_MS = 1500

SHORTCUTS = {
    "back": ("Left",),
    "pause": ("Space",),
    "next": ("Right", "Return"),
    "done": ("D",),
    "skip": ("Escape",),
    "snooze": ("Z",),
}


class StretchWindow(QWidget):
    ended = Signal(str, str, float)
    """(outcome, stretch id, seconds the window was open)"""
    step_changed = Signal(int)
    comfort_answered = Signal(str, int)
    """(stretch id, 0-10) from the optional question after a completed stretch"""

    def __init__(self, library: Library, clock: Clock, sound: CuePlayer | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("stretchWindow")
        self._library = library
        self._clock = clock
        self._sound = sound or SilentPlayer()
        self._walk: Walkthrough | None = None
        self._opened_at = 0.0
        self._outcome_sent = True
        self.ask_comfort = True
        self.setWindowTitle("stretchbreak")
        self.setMinimumSize(760, 560)

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
        self.setStyleSheet(STRETCH_WINDOW_STYLE)

    # ---- construction -------------------------------------------------------------------------------

    def _build_step_page(self) -> QWidget:
        page = QWidget(self)
        self.title = QLabel(page)
        self.title.setObjectName("stretchTitle")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.step_counter = QLabel(page)
        self.step_counter.setObjectName("stepCounter")
        self.step_counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.step_counter)

        self.illustration = IllustrationView(page)
        self.illustration.setAccessibleName("Illustration of the position")
        self.ring = HoldRing(page)
        self.ring.setAccessibleName("Hold timer")
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
        text_font = QFont(self.font())
        text_font.setPointSizeF(text_font.pointSizeF() * 1.45)
        self.step_text.setFont(text_font)
        self.step_text.setMinimumHeight(self.step_text.fontMetrics().lineSpacing() * 3)
        self.step_text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.caution = QLabel(page)
        self.caution.setObjectName("caution")
        self.caution.setWordWrap(True)
        self.caution.setAccessibleName("Caution")

        self.back_button = self._button(page, "← Back", "back", self.back)
        self.pause_button = self._button(page, "Pause", "pause", self.toggle_pause)
        self.next_button = self._button(page, "Next →", "next", self.next)
        self.done_button = self._button(page, "Done", "done", self.done)
        self.snooze_button = self._button(page, "Snooze", "snooze", self.snooze)
        self.skip_button = self._button(page, "Skip", "skip", self.skip)
        self.next_button.setDefault(True)
        self.next_button.setObjectName("primary")
        controls = QHBoxLayout()
        for button in (self.back_button, self.pause_button, self.next_button):
            controls.addWidget(button)
        controls.addStretch(1)
        for button in (self.done_button, self.snooze_button, self.skip_button):
            controls.addWidget(button)
        hints = QLabel("Space pause · ← → steps · D done · Z snooze · Esc skip", page)
        hints.setObjectName("shortcutHints")
        hints.setEnabled(False)
        hints.setAlignment(Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(middle, 1)
        layout.addWidget(self.step_text)
        layout.addWidget(self.caution)
        layout.addLayout(controls)
        layout.addWidget(hints)
        return page

    def _build_well_done_page(self) -> QWidget:
        page = QWidget(self)
        mark = QLabel("✓", page)
        mark.setObjectName("wellDoneMark")
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark_font = QFont(self.font())
        mark_font.setPointSizeF(mark_font.pointSizeF() * 5)
        mark_font.setBold(True)
        mark.setFont(mark_font)
        mark.setAccessibleName("Finished")
        self.well_done = QLabel(page)
        self.well_done.setObjectName("wellDone")
        self.well_done.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.well_done.setWordWrap(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.well_done.setFont(font)
        self.comfort = ComfortQuestion(page)
        self.comfort.answered.connect(self._on_comfort_answered)
        self.comfort.skipped.connect(self._close_soon)
        close = QPushButton("Close", page)
        close.setAccessibleName("Close")
        close.clicked.connect(self.close)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(mark)
        layout.addWidget(self.well_done)
        layout.addSpacing(12)
        layout.addWidget(self.comfort, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    def _button(self, parent: QWidget, text: str, action: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, parent)
        keys = " or ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                           for k in SHORTCUTS[action])
        button.setToolTip(f"{text.strip('←→ ')} ({keys})")
        button.setAccessibleName(text.strip("←→ "))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(slot)
        return button

    def _bind_shortcuts(self) -> None:
        slots = {"back": self.back, "pause": self.toggle_pause, "next": self.next, "done": self.done,
                 "skip": self.skip, "snooze": self.snooze}
        for action, keys in SHORTCUTS.items():
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(slots[action])

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
        self.setWindowTitle(f"{stretch.name} — stretchbreak")
        self.title.setText(stretch.name)
        self.caution.setText(f"⚠ {stretch.caution}")
        self._enter_step()
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not take_focus)
        if not self.isVisible():
            self._place_on_pointer_screen()
        self.show()
        self.raise_()
        if take_focus:
            self.activateWindow()

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
        walk, step = self._walk, self._walk.step
        self.step_counter.setText(f"Step {walk.index + 1} of {walk.total}")
        self.step_text.setText(step.text)
        self.step_text.setAccessibleName(f"Step {walk.index + 1} of {walk.total}: {step.text}")
        art = self._library.art_path(walk.stretch.art_for(walk.index))
        self.illustration.show_file(art)
        badges = []
        if step.side:
            badges.append(f"{step.side.capitalize()} side")
        if step.reps:
            badges.append(f"{step.reps} times")
        self.badge.setText(" · ".join(badges))
        self.back_button.setEnabled(walk.index > 0)
        self.next_button.setText("Finish ✓" if walk.is_last else "Next →")
        self.ring.setVisible(walk.hold is not None)
        self.pause_button.setEnabled(walk.hold is not None)
        if walk.hold is not None:
            self._sound.play("hold-start")
        self._refresh_hold()
        self.step_changed.emit(walk.index)

    def _refresh_hold(self) -> None:
        walk = self._walk
        hold = walk.hold if walk else None
        if hold is None:
            self._tick.stop()
            return
        self.ring.set_state(hold.remaining(), hold.duration, hold.paused)
        self.pause_button.setText("Resume" if hold.paused else "Pause")
        if hold.paused:
            self._tick.stop()
        else:
            # Wake at the next whole second or the deadline, whichever is sooner, and at most every TICK_MS.
            remaining_ms = hold.remaining() * 1000
            self._tick.start(max(1, min(TICK_MS, int(remaining_ms) + 1)))

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
        seconds = self._clock.monotonic() - self._opened_at
        self._send_outcome("completed")
        self._sound.play("finished")
        self.well_done.setText(f"<h2>Well done!</h2><p>You gave your back {describe_duration(seconds)}.<br>"
                               "See you at the next break.</p>")
        self._pages.setCurrentIndex(1)
        if self.ask_comfort:
            # The question holds the window open until it is answered or skipped.
            self.comfort.show()
            self.comfort.ask()
            self.comfort.setFocus()
        else:
            self.comfort.hide()
            self._close_after_well_done.start(WELL_DONE_MS)

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
        self.ended.emit(outcome, self._walk.stretch.id, self._clock.monotonic() - self._opened_at)

    def _place_on_pointer_screen(self) -> None:
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        size = self.sizeHint().expandedTo(self.minimumSize())
        self.resize(size)
        self.move(area.center().x() - size.width() // 2, area.center().y() - size.height() // 2)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._send_outcome("skipped")
        self._close_after_well_done.stop()
        self._tick.stop()
        super().closeEvent(event)
