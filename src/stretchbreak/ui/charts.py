"""Small charts drawn with QPainter: a bar chart and a line chart with a title, a y axis with tick labels,
sparse x labels that never overlap, a tooltip per point and a "No data yet" state.

Colours come from the widget's palette (text, base, mid), so the charts follow a light or dark theme; the
one accent is the hold ring's teal, which keeps a contrast of at least 3:1 on white and on dark greys.
A chart takes Tab focus and describes its data in its accessible description for screen readers; its
texts are translated.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from stretchbreak.ui.hold_ring import ACCENT
from stretchbreak.ui.wording import fill, translate

Point = tuple[str, float | None]
"""An x label and its value; None where there is nothing to show (a gap in a line)."""

EMPTY_TEXT = str(QT_TRANSLATE_NOOP("Chart", "No data yet"))
"""In English; charts show it translated."""
_MARGIN = 12
_GAP = 8
_TICK = 4


def plain_number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def nice_ticks(top: float, count: int = 4, *, whole: bool = False) -> list[float]:
    """Evenly spaced ticks from 0 to at least `top`: about `count` steps of 1, 2, 2.5 or 5 times a power of
    ten (whole numbers only when `whole`)."""
    if top <= 0 or not math.isfinite(top):
        return [0.0, 1.0]
    raw = top / count
    magnitude = 10.0 ** math.floor(math.log10(raw))
    factors = (1.0, 2.0, 5.0, 10.0) if whole else (1.0, 2.0, 2.5, 5.0, 10.0)
    step = next(f * magnitude for f in factors if f * magnitude >= raw * (1 - 1e-9))
    if whole:
        step = max(1.0, round(step))
    steps = math.ceil(top / step - 1e-9)
    return [i * step for i in range(steps + 1)]


def minute_ticks(top: float, count: int = 4) -> list[float]:
    """Ticks for a value in minutes, on steps a clock reader expects (15 min, 30 min, 1 h, ...)."""
    for step in (5, 10, 15, 30, 60, 90, 120, 180, 240, 360, 480, 720):
        if top / step <= count:
            steps = max(1, math.ceil(top / step - 1e-9))
            return [float(i * step) for i in range(steps + 1)]
    return nice_ticks(top, count)


def minutes_text(minutes: float) -> str:
    """A tick or tooltip text for minutes: "45 min", "1 h", "1 h 30"."""
    hours, rest = divmod(round(minutes), 60)
    if not hours:
        return fill(translate("Chart", "%1 min"), rest) if rest else "0"
    if not rest:
        return fill(translate("Chart", "%1 h"), hours)
    return fill(translate("Chart", "%1 h %2", "hours and minutes, as in 1 h 05"), hours, f"{rest:02d}")


def label_stride(label_width: float, slot_width: float) -> int:
    """Label every n-th point so that labels `label_width` wide keep apart on slots `slot_width` apart."""
    if slot_width <= 0:
        return 1
    return max(1, math.ceil((label_width + _GAP) / slot_width))


class Chart(QWidget):
    """What both charts share: title, axes, labels, tooltips, focus and the empty state."""

    def __init__(self, title: str, parent: QWidget | None = None, *,
                 value_text: Callable[[float], str] = plain_number,
                 ticks: Callable[[float], list[float]] = nice_ticks, top: float | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._value_text = value_text
        self._ticks = ticks
        self._fixed_top = top
        self._points: list[Point] = []
        self.setAccessibleName(title)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._describe()

    # ---- data ---------------------------------------------------------------------------------------

    @property
    def title(self) -> str:
        return self._title

    def set_title(self, title: str) -> None:
        self._title = title
        self.setAccessibleName(title)
        self._describe()
        self.update()

    @property
    def points(self) -> list[Point]:
        return list(self._points)

    @property
    def empty(self) -> bool:
        return all(value is None for _, value in self._points)

    def set_points(self, points: Sequence[Point]) -> None:
        self._points = list(points)
        self._describe()
        self.update()

    def _describe(self) -> None:
        known = [(label, value) for label, value in self._points if value is not None]
        if not known:
            self.setAccessibleDescription(fill(translate("Chart", "%1: %2."), self._title, self._empty_text().lower()))
            return
        best_label, best = max(known, key=lambda item: item[1])
        last_label, last = known[-1]
        count = len(self._points)
        days = translate("Chart", "%n day(s)", None, count)
        self.setAccessibleDescription(fill(translate("Chart", "%1, %2. Highest %3 on %4; latest %5 on %6."),
                                           self._title, days, self._value_text(best), best_label,
                                           self._value_text(last), last_label))

    @staticmethod
    def _empty_text() -> str:
        return translate("Chart", EMPTY_TEXT)

    # ---- geometry -----------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(440, 230)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 170)

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        return font

    def _tick_values(self) -> list[float]:
        if self._fixed_top is not None:
            return self._ticks(self._fixed_top)
        top = max((value for _, value in self._points if value is not None), default=0.0)
        return self._ticks(top)

    def _plot_rect(self, ticks: Sequence[float]) -> QRectF:
        title_height = QFontMetrics(self._title_font()).height()
        small = QFontMetrics(self._small_font())
        label_width = max(small.horizontalAdvance(self._value_text(t)) for t in ticks)
        left = _MARGIN + label_width + _GAP
        top = _MARGIN + title_height + _GAP + small.height() / 2
        bottom = self.height() - _MARGIN - small.height() - _TICK - 2
        return QRectF(left, top, max(1.0, self.width() - _MARGIN - left), max(1.0, bottom - top))

    def _slot(self, plot: QRectF) -> float:
        return plot.width() / max(1, len(self._points))

    def _x(self, plot: QRectF, index: int) -> float:
        return plot.left() + self._slot(plot) * (index + 0.5)

    # ---- painting -----------------------------------------------------------------------------------

    def _colours(self) -> tuple[QColor, QColor, QColor]:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(40)
        axis = QColor(text)
        axis.setAlpha(140)
        return text, grid, axis

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text, grid, axis = self._colours()
        card = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        border = palette.color(QPalette.ColorRole.Highlight if self.hasFocus() else QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2 if self.hasFocus() else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(card, 6, 6)

        painter.setFont(self._title_font())
        painter.setPen(text)
        title_rect = QRectF(_MARGIN, _MARGIN, self.width() - 2 * _MARGIN, QFontMetrics(self._title_font()).height())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._title)

        if self.empty:
            quiet = QColor(text)
            quiet.setAlpha(170)
            painter.setFont(self.font())
            painter.setPen(quiet)
            painter.drawText(QRectF(self.rect()).adjusted(0, title_rect.bottom(), 0, 0),
                             Qt.AlignmentFlag.AlignCenter, self._empty_text())
            return
        painter.setFont(self._small_font())
        ticks = self._tick_values()
        plot = self._plot_rect(ticks)
        self._draw_y_axis(painter, plot, ticks, text, grid)
        self._draw_x_axis(painter, plot, text, axis)
        self._draw_data(painter, plot, ticks[-1])

    def _draw_y_axis(self, painter: QPainter, plot: QRectF, ticks: Sequence[float], text: QColor,
                     grid: QColor) -> None:
        metrics = QFontMetrics(self._small_font())
        for value in ticks:
            y = plot.bottom() - plot.height() * value / ticks[-1]
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label_rect = QRectF(_MARGIN, y - metrics.height() / 2, plot.left() - _MARGIN - _GAP, metrics.height())
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self._value_text(value))

    def _draw_x_axis(self, painter: QPainter, plot: QRectF, text: QColor, axis: QColor) -> None:
        painter.setPen(QPen(axis, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        metrics = QFontMetrics(self._small_font())
        widest = max(metrics.horizontalAdvance(label) for label, _ in self._points)
        stride = label_stride(widest, self._slot(plot))
        last = len(self._points) - 1
        for index, (label, _) in enumerate(self._points):
            if (last - index) % stride:
                continue  # count back from the newest point, so today always has its label
            x = self._x(plot, index)
            painter.setPen(QPen(axis, 1))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + _TICK))
            width = metrics.horizontalAdvance(label)
            left = min(max(x - width / 2, _MARGIN), self.width() - _MARGIN - width)
            painter.setPen(text)
            painter.drawText(QRectF(left, plot.bottom() + _TICK + 1, width + 1, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label)

    def _draw_data(self, painter: QPainter, plot: QRectF, top: float) -> None:
        raise NotImplementedError

    def _y(self, plot: QRectF, value: float, top: float) -> float:
        return plot.bottom() - plot.height() * min(max(value, 0.0), top) / top

    # ---- events -------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._describe()
            self.update()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos().x()) if not self.empty else None
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, x: float) -> str | None:
        """The tooltip for the point under `x` (widget coordinates), if any."""
        plot = self._plot_rect(self._tick_values())
        if not self._points or not plot.left() <= x <= plot.right():
            return None
        index = min(len(self._points) - 1, int((x - plot.left()) / self._slot(plot)))
        label, value = self._points[index]
        shown = translate("Chart", "none", "no value on this day") if value is None else self._value_text(value)
        return fill(translate("Chart", "%1: %2"), label, shown)


class BarChart(Chart):
    def _draw_data(self, painter: QPainter, plot: QRectF, top: float) -> None:
        slot = self._slot(plot)
        width = max(1.0, min(slot * 0.64, 28.0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACCENT)
        for index, (_, value) in enumerate(self._points):
            if not value:
                continue
            y = self._y(plot, value, top)
            bar = QRectF(self._x(plot, index) - width / 2, y, width, max(1.0, plot.bottom() - y))
            radius = min(3.0, width / 2, bar.height())
            path = QPainterPath()
            path.addRoundedRect(bar.adjusted(0, 0, 0, radius), radius, radius)  # round only the top corners
            painter.save()
            painter.setClipRect(QRectF(bar.left() - 1, bar.top() - 1, bar.width() + 2, bar.height() + 1))
            painter.drawPath(path)
            painter.restore()


class LineChart(Chart):
    """Points joined in order; a day without a value is skipped, so the line shows the trend across gaps."""

    def _draw_data(self, painter: QPainter, plot: QRectF, top: float) -> None:
        dots = [QPointF(self._x(plot, i), self._y(plot, value, top))
                for i, (_, value) in enumerate(self._points) if value is not None]
        line = QColor(ACCENT)
        painter.setPen(QPen(line, 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if len(dots) > 1:
            path = QPainterPath(dots[0])
            for dot in dots[1:]:
                path.lineTo(dot)
            painter.drawPath(path)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1.5))
        painter.setBrush(ACCENT)
        for dot in dots:
            painter.drawEllipse(dot, 3.5, 3.5)
