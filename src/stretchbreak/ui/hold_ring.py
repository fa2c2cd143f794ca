"""The countdown ring: a circle that empties as a hold runs down, with the seconds left in the middle.

Its size follows the font, so the numbers and the caption under them fit at any system font size.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchbreak.ui.wording import fill, translate

ACCENT = QColor("#2f8f83")
PAUSED = QColor("#9aa89f")
PEN_WIDTH = 10
NUMBER_SCALE = 2.6
CAPTION_SCALE = 0.95


class HoldRing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 1.0
        self._seconds_left = 0
        self._paused = False
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(translate("HoldRing", "Hold timer"))
        self._describe()

    def sizeHint(self) -> QSize:
        number = QFontMetricsF(self._number_font())
        caption = QFontMetricsF(self._caption_font())
        inner = max(number.horizontalAdvance("0:00"), caption.horizontalAdvance(self.caption()),
                    number.height() + caption.height())
        # The text sits inside the circle: its box's diagonal must fit the inner diameter.
        side = math.ceil(inner * 1.45 + 2 * PEN_WIDTH + 14)
        return QSize(max(150, side), max(150, side))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    @property
    def seconds_left(self) -> int:
        return self._seconds_left

    def set_state(self, remaining: float, duration: float, paused: bool) -> None:
        seconds_left = math.ceil(remaining - 1e-6) if remaining > 0 else 0
        fraction = remaining / duration if duration > 0 else 0.0
        if (seconds_left, round(fraction, 3), paused) == (self._seconds_left, round(self._fraction, 3),
                                                          self._paused):
            return
        self._seconds_left, self._fraction, self._paused = seconds_left, fraction, paused
        self._describe()
        self.update()

    def caption(self) -> str:
        if self._paused:
            return translate("HoldRing", "paused")
        return translate("HoldRing", "left") if self._seconds_left >= 60 else translate("HoldRing", "seconds")

    def retranslate(self) -> None:
        self.setAccessibleName(translate("HoldRing", "Hold timer"))
        self._describe()
        self.updateGeometry()
        self.update()

    def _describe(self) -> None:
        seconds = self._seconds_left
        text = translate("HoldRing", "%n second(s) left", None, seconds)
        if self._paused:
            text = fill(translate("HoldRing", "%1, paused"), text)
        self.setAccessibleDescription(text)

    def _number_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * NUMBER_SCALE)
        font.setBold(True)
        return font

    def _caption_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * CAPTION_SCALE)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 14
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        track = self.palette().color(QPalette.ColorRole.Mid)
        track.setAlpha(90)
        painter.setPen(QPen(track, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawEllipse(rect)
        painter.setPen(QPen(PAUSED if self._paused else ACCENT, PEN_WIDTH, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap))
        painter.drawArc(rect, 90 * 16, int(-360 * 16 * max(0.0, min(1.0, self._fraction))))

        number_font, caption_font = self._number_font(), self._caption_font()
        number_height = QFontMetricsF(number_font).height()
        caption_height = QFontMetricsF(caption_font).height()
        top = rect.center().y() - (number_height + caption_height) / 2
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.setFont(number_font)
        minutes, seconds = divmod(self._seconds_left, 60)
        label = f"{minutes}:{seconds:02d}" if minutes else str(seconds)
        painter.drawText(QRectF(rect.left(), top, rect.width(), number_height), Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(caption_font)
        painter.drawText(QRectF(rect.left(), top + number_height, rect.width(), caption_height),
                         Qt.AlignmentFlag.AlignCenter, self.caption())
