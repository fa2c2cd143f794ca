"""A widget that draws one SVG illustration, scaled to fit and centred, keeping its aspect ratio."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget


class IllustrationView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = QSvgRenderer(self)
        self._path: Path | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)

    @property
    def path(self) -> Path | None:
        return self._path

    def show_file(self, path: Path | None) -> None:
        if path == self._path:
            return
        self._path = path
        if path is None or not self._renderer.load(str(path)):
            self._renderer.load(b"")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 320)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._renderer.isValid():
            return
        size = self._renderer.defaultSize().toSizeF()
        if size.isEmpty():
            return
        size.scale(self.size().toSizeF(), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - size.width()) / 2
        top = (self.height() - size.height()) / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, QRectF(left, top, size.width(), size.height()))
