"""Render the app icon and the tray icons from their SVGs into PNGs at the sizes desktops ask for.

This script owns assets/icons/png/. The SVGs in assets/icons/ are the sources; the app loads the PNGs, so
the SVG renderer (QtSvg and its icon plugin, most of a megabyte) loads only when a stretch's drawing is first
shown, not for the tray icon that is on screen all day. Run it again after editing an SVG:

    python scripts/render_icons.py            render every PNG
    python scripts/render_icons.py --check    change nothing; exit 1 if a PNG is missing, left over, or
                                              differs from what its SVG renders (beyond anti-aliasing noise)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "assets" / "icons"
PNG_DIR = ICONS / "png"
APP_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
TRAY_SIZES = (16, 22, 24, 32, 48, 64, 96, 128)
TOLERANCE = 8
"""Largest difference of one colour channel that --check accepts: another Qt may anti-alias a little apart."""

sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from stretchbreak.ui.icons import png_name  # noqa: E402


def wanted() -> dict[str, tuple[Path, int]]:
    """{PNG file name: (its SVG, its size)} for every PNG the app may load."""
    result: dict[str, tuple[Path, int]] = {}
    for svg in sorted(ICONS.glob("*.svg")):
        sizes = TRAY_SIZES if svg.stem.startswith("tray-") else APP_SIZES
        for size in sizes:
            result[png_name(svg.stem, size)] = (svg, size)
    return result


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG the renderer can read")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def largest_difference(a: QImage, b: QImage) -> int:
    if a.size() != b.size():
        return 255
    a, b = a.convertToFormat(QImage.Format.Format_ARGB32), b.convertToFormat(QImage.Format.Format_ARGB32)
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            worst = max(worst, *(abs(((pa >> s) & 255) - ((pb >> s) & 255)) for s in (0, 8, 16, 24)))
    return worst


def check(targets: dict[str, tuple[Path, int]]) -> list[str]:
    problems = []
    for name, (svg, size) in targets.items():
        path = PNG_DIR / name
        if not path.is_file():
            problems.append(f"{path} is missing; run scripts/render_icons.py")
            continue
        difference = largest_difference(QImage(str(path)), render(svg, size))
        if difference > TOLERANCE:
            problems.append(f"{path} is not what {svg.name} renders (a channel differs by {difference}); "
                            "run scripts/render_icons.py")
    for path in sorted(PNG_DIR.glob("*.png")):
        if path.name not in targets:
            problems.append(f"{path} has no SVG behind it; delete it or run scripts/render_icons.py")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; report what is out of date")
    args = parser.parse_args(argv)
    QGuiApplication.instance() or QGuiApplication([])
    targets = wanted()
    if args.check:
        problems = check(targets)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    PNG_DIR.mkdir(exist_ok=True)
    for path in PNG_DIR.glob("*.png"):
        if path.name not in targets:
            path.unlink()
    for name, (svg, size) in targets.items():
        if not render(svg, size).save(str(PNG_DIR / name), "PNG"):
            raise SystemExit(f"could not write {PNG_DIR / name}")
    print(f"{len(targets)} icons in {PNG_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
