"""Images of a figure: :func:`write_image` writes PNG or SVG; the SVG is plain SVG 1.1 that
every viewer draws as the PNG shows (Qt's QSvgRenderer, browsers, librsvg, Inkscape).

:func:`svg_bytes` paints a :class:`~beale_gui.gui.render.trajectory.TrajectoryFigure` through
QtSvg's SVG 1.1 generator, layer by layer, each view box's layer clipped to its rectangle; then
:mod:`beale_gui.export.svg` (no Qt) makes the XML portable, with Qt's font metrics
(:class:`QtTextMeasure`) for the text.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

from ...core.fileio import write_bytes_atomic
from ...export.svg import (
    flatten_svg,
    portable_paths,
    portable_svg,
    register_namespaces,
    svg_tag,
)
from ...export.targets import IMAGE_EXTENSIONS, ExportError


def write_image(figure, path: str | os.PathLike) -> Path:
    """Write the figure as PNG or SVG (by extension), atomically."""
    suffix = Path(path).suffix.lower()
    if suffix not in IMAGE_EXTENSIONS:
        raise ExportError(f"{Path(path).name}: an image is written as .png or .svg")
    data = figure.png_bytes() if suffix == ".png" else svg_bytes(figure)
    return write_bytes_atomic(path, data)


def svg_bytes(figure) -> bytes:
    """The figure as SVG 1.1: paths, markers and text as vectors, the contour fill as an image.

    Drawn with QtSvg's ``QSvgGenerator`` through the same painting as the PNG (pyqtgraph's
    ``SVGExporter`` fails on the closed paths this Qt writes, pyqtgraph issue #3495). The
    generator's SVG 1.1 mode writes clip paths but keeps one after the painter drops it (the
    legend's symbols vanish in browsers), so the figure is painted in layers without clipping,
    the frame and then what each view box holds, and each view box's layer is clipped to its
    rectangle here; :func:`portable_svg` then makes the whole portable. Its title is the
    figure's ``svg_title`` where it has one, else its trajectories' function.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    from .offscreen import FRAME

    w, h = figure.size

    def layer_svg(layer) -> ET.Element:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()  # SVG Tiny 1.2: no clip paths, made 1.1 by portable_svg
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(w, h))
        generator.setViewBox(QRectF(0, 0, w, h))
        generator.setResolution(round(figure.dpi))
        painter = QPainter(generator)
        try:
            figure.paint(painter, layer)
        finally:
            painter.end()
        buffer.close()
        return ET.fromstring(bytes(data.data()))

    register_namespaces()
    root = layer_svg(FRAME)
    defs = root.find(svg_tag("defs"))
    if defs is None:
        defs = ET.SubElement(root, svg_tag("defs"))
    clipped = []
    for i, (view, rect) in enumerate(figure.view_boxes()):
        clip = ET.SubElement(defs, svg_tag("clipPath"), id=f"view{i}")
        ET.SubElement(clip, svg_tag("rect"), x=f"{rect.x():.6g}", y=f"{rect.y():.6g}",
                      width=f"{rect.width():.6g}", height=f"{rect.height():.6g}")
        group = ET.SubElement(root, svg_tag("g"), {"clip-path": f"url(#view{i})"})
        group.extend(c for c in layer_svg(view)
                     if c.tag not in (svg_tag("title"), svg_tag("desc"), svg_tag("defs")))
        # lines clipped here too, for viewers that ignore clip-path (QSvgRenderer)
        portable_paths(flatten_svg(group), (rect.left(), rect.top(), rect.right(),
                                            rect.bottom()))
        clipped.append((group, clip))
    title = getattr(figure, "svg_title", None) or \
        f"{figure.result.function.title}: optimizer trajectories"
    portable_svg(root, (w, h), title, QtTextMeasure(figure.dpi))
    for group, clip in clipped:
        if not len(group):  # a view box holding nothing drawn
            root.remove(group)
            defs.remove(clip)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body).encode()


_LARGE = 64.0  # text measured at this many times its size has unrounded advances


class QtTextMeasure:
    """Qt's fonts and font metrics at the resolution (``dpi``) a figure was laid out at."""

    def __init__(self, dpi: float) -> None:
        self.dpi = float(dpi)
        self._families: dict[str, str] = {}

    def families(self, requested: str) -> str:
        """A CSS font-family list for Qt's ``requested`` one ("Sans Serif" is Qt's alias, no
        CSS family; a browser would fall back to a serif font): the installed font Qt draws
        with, then a generic family."""
        from PySide6.QtGui import QFontInfo

        if requested not in self._families:
            info = QFontInfo(self._font(requested, 12.0, 400, False))
            name = info.family()
            lower = name.lower()
            generic = ("monospace" if info.fixedPitch() else
                       "serif" if "serif" in lower and "sans" not in lower else "sans-serif")
            self._families[requested] = f"'{name}', {generic}" if name else generic
        return self._families[requested]

    def widths(self, text: str, family: str, pixels: float, weight: int,
               italic: bool) -> tuple[float, float]:
        """The advance of ``text`` set in that font, in pixels: as Qt lays it out (glyph
        advances rounded at this size), and unrounded (as a viewer scaling the outlines
        sets it)."""
        from PySide6.QtGui import QFontMetricsF

        laid_out = QFontMetricsF(self._font(family, pixels, weight, italic))
        large = QFontMetricsF(self._font(family, pixels * _LARGE, weight, italic))
        return laid_out.horizontalAdvance(text), large.horizontalAdvance(text) / _LARGE

    def _font(self, family: str, pixels: float, weight: int, italic: bool):
        from PySide6.QtGui import QFont

        font = QFont()
        font.setFamilies([n.strip().strip("'\"") for n in family.split(",") if n.strip()])
        font.setPointSizeF(pixels * 72.0 / self.dpi)
        font.setWeight(QFont.Weight(int(np.clip(weight, 100, 900))))
        font.setItalic(italic)
        return font


