"""The countdown ring: a circle that empties as a hold runs down, with the seconds left in the middle."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

ACCENT = QColor("#2f8f83")
PAUSED = QColor("#9aa89f")


class HoldRing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 1.0
        self._seconds_left = 0
        self._paused = False
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(150, 150)

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
        self.setAccessibleDescription(f"{seconds_left} seconds left" + (", paused" if paused else ""))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 14
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        track = self.palette().color(QPalette.ColorRole.Mid)
        track.setAlpha(90)
        painter.setPen(QPen(track, 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawEllipse(rect)
        painter.setPen(QPen(PAUSED if self._paused else ACCENT, 10, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap))
        painter.drawArc(rect, 90 * 16, int(-360 * 16 * max(0.0, min(1.0, self._fraction))))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        minutes, seconds = divmod(self._seconds_left, 60)
        label = f"{minutes}:{seconds:02d}" if minutes else str(seconds)
        painter.drawText(rect.adjusted(0, -12, 0, -12), Qt.AlignmentFlag.AlignCenter, label)
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.95)
        painter.setFont(small)
        painter.drawText(rect.adjusted(0, 48, 0, 0), Qt.AlignmentFlag.AlignCenter,
                         "paused" if self._paused else ("seconds" if not minutes else "left"))
