"""The optional question after a completed stretch: "How does your back feel?", answered 0 to 10 or skipped.

One click on a number answers. From the keyboard: the keys 0-9 pick that number and T ("ten") picks 10;
Tab, and Left/Right on the scale, move between the buttons, Space or Return presses one; Esc skips. The keys win over
the window's own shortcuts while the question has focus, so a digit or Esc means the question, not the
stretch. It asks once: after an answer or a skip the buttons are disabled until `ask()` is called again.
Its texts are translated, and translated again when the language changes.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stretchbreak.ui.wording import fill, translate

QUESTION = str(QT_TRANSLATE_NOOP("ComfortQuestion", "How does your back feel?"))
"""The question in English; `question.text()` shows it translated."""
WORST, BEST = 0, 10
TEN_KEY = Qt.Key.Key_T
SKIP_KEY = Qt.Key.Key_Escape
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}
_ARROWS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}


def _key_value(event: QKeyEvent) -> int | None:
    """The rating a key stands for, or None. The keypad's digits count too; modified keys do not."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers != Qt.KeyboardModifier.NoModifier:
        return None
    key = Qt.Key(event.key())
    if key == TEN_KEY:
        return BEST
    return _DIGIT_KEYS.get(key)


class ComfortQuestion(QWidget):
    answered = Signal(int)
    skipped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comfortQuestion")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._open = True
        self._answer: int | None = None

        self.question = QLabel(self)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.question.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.question.setFont(font)

        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        row.setSpacing(4)
        for value in range(WORST, BEST + 1):
            button = QPushButton(str(value), self)
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("10") + 26)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, v=value: self.answer(v))
            row.addWidget(button)
            self.buttons.append(button)

        self.worst_label = QLabel(self)
        self.best_label = QLabel(self)
        self.best_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        ends = QHBoxLayout()
        ends.addWidget(self.worst_label)
        ends.addStretch(1)
        ends.addWidget(self.best_label)

        self.skip_button = QPushButton(self)
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self.skip)
        self.status = QLabel(self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.status)
        footer.addStretch(1)
        footer.addWidget(self.skip_button)

        scale = QVBoxLayout()
        scale.setSpacing(2)
        scale.addLayout(row)
        scale.addLayout(ends)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(scale)
        centred.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.question)
        layout.addLayout(centred)
        layout.addLayout(footer)
        for child in (*self.buttons, self.skip_button):
            child.installEventFilter(self)
        self._retranslate()

    def _retranslate(self) -> None:
        question = translate("ComfortQuestion", QUESTION)
        self.setAccessibleName(translate("ComfortQuestion", "Comfort question"))
        description = translate("ComfortQuestion", "%1 0 is the worst, 10 the best. Keys 0 to 9, T for 10, Esc skips.")
        self.setAccessibleDescription(fill(description, question))
        self.question.setText(question)
        self.question.setAccessibleName(question)
        for value, button in enumerate(self.buttons):
            if value == WORST:
                name = fill(translate("ComfortQuestion", "%1 out of 10 (worst)"), value)
            elif value == BEST:
                name = fill(translate("ComfortQuestion", "%1 out of 10 (best)"), value)
            else:
                name = fill(translate("ComfortQuestion", "%1 out of 10"), value)
            key = "T" if value == BEST else str(value)
            button.setAccessibleName(name)
            button.setAccessibleDescription(fill(translate("ComfortQuestion", "Answer %1. Key %2"), value, key))
            button.setToolTip(fill(translate("ComfortQuestion", "%1 — key %2"), name, key))
        self.worst_label.setText(fill(translate("ComfortQuestion", "%1 = worst"), WORST))
        self.worst_label.setAccessibleName(fill(translate("ComfortQuestion", "%1 means worst"), WORST))
        self.best_label.setText(fill(translate("ComfortQuestion", "%1 = best"), BEST))
        self.best_label.setAccessibleName(fill(translate("ComfortQuestion", "%1 means best"), BEST))
        self.skip_button.setText(translate("ComfortQuestion", "Skip"))
        self.skip_button.setAccessibleName(translate("ComfortQuestion", "Skip the question"))
        self.skip_button.setAccessibleDescription(translate("ComfortQuestion", "Close without answering. Key Esc"))
        self.skip_button.setToolTip(translate("ComfortQuestion", "Skip the question (Esc)"))
        self.status.setAccessibleName(translate("ComfortQuestion", "Answer"))
        self._show_answer()

    def _show_answer(self) -> None:
        text = "" if self._answer is None else fill(translate("ComfortQuestion", "Noted: %1. Thank you."),
                                                     self._answer)
        self.status.setText(text)
        self.status.setAccessibleDescription(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @property
    def is_open(self) -> bool:
        """True until the question is answered or skipped."""
        return self._open

    def ask(self) -> None:
        """Ask (again): buttons enabled, no answer shown."""
        self._set_open(True)
        self._answer = None
        self._show_answer()

    def answer(self, value: int) -> None:
        if not self._open or not WORST <= value <= BEST:
            return
        self._set_open(False)
        self._answer = value
        self._show_answer()
        self.answered.emit(value)

    def skip(self) -> None:
        if not self._open:
            return
        self._set_open(False)
        self.skipped.emit()

    def _set_open(self, open_: bool) -> None:
        self._open = open_
        for button in (*self.buttons, self.skip_button):
            button.setEnabled(open_)

    # ---- keys ---------------------------------------------------------------------------------------

    def _handles(self, event: QKeyEvent) -> bool:
        return self._open and (_key_value(event) is not None or event.key() == SKIP_KEY)

    def _press(self, event: QKeyEvent) -> bool:
        if not self._handles(event):
            return False
        value = _key_value(event)
        if value is None:
            self.skip()
        else:
            self.answer(value)
        return True

    def event(self, event: QEvent) -> bool:
        # Claiming the key at ShortcutOverride delivers it here as a key press instead of to a window shortcut.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._handles(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._press(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The same keys work while one of the buttons has focus, and Left/Right move along the scale."""
        if not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        index = next((i for i, button in enumerate(self.buttons) if button is watched), None)
        step = _ARROWS.get(Qt.Key(event.key())) if index is not None else None
        if self._handles(event) or step is not None:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                if step is not None and index is not None:
                    self.buttons[max(0, min(len(self.buttons) - 1, index + step))].setFocus()
                    return True
                return self._press(event)
        return super().eventFilter(watched, event)
