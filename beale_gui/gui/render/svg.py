"""Images of a figure: :func:`write_image` writes PNG or SVG; SVG is painted as vectors, with
hairlines every viewer draws thin.

:func:`svg_bytes` paints a :class:`~beale_gui.gui.render.trajectory.TrajectoryFigure` through
QtSvg in layers, clipping each view box's layer to its rectangle; :func:`flatten_svg` bakes Qt's
group transforms into the hairlines' coordinates so that viewers ignoring
``vector-effect="non-scaling-stroke"`` draw them as the PNG shows.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

from ... import APP_NAME
from ...core.fileio import write_bytes_atomic
from ...export.targets import IMAGE_EXTENSIONS, ExportError


def write_image(figure, path: str | os.PathLike) -> Path:
    """Write the figure as PNG or SVG (by extension), atomically."""
    suffix = Path(path).suffix.lower()
    if suffix not in IMAGE_EXTENSIONS:
        raise ExportError(f"{Path(path).name}: an image is written as .png or .svg")
    data = figure.png_bytes() if suffix == ".png" else svg_bytes(figure)
    return write_bytes_atomic(path, data)


def svg_bytes(figure) -> bytes:
    """The figure as SVG: paths, markers and text as vectors, the contour fill as an image.

    Drawn with QtSvg's ``QSvgGenerator`` through the same painting as the PNG (pyqtgraph's
    ``SVGExporter`` fails on the closed paths this Qt writes, pyqtgraph issue #3495). The
    generator cannot clip, so the figure is painted in layers, the frame and then what each
    view box holds, and each view box's layer is clipped to its rectangle here; the hairlines
    are then made portable by :func:`flatten_svg`.
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
        generator = QSvgGenerator()
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
        return flatten_svg(ET.fromstring(bytes(data.data())))

    _register_namespaces()
    root = layer_svg(FRAME)
    for child in list(root):
        if child.tag in (_svg("title"), _svg("desc")):
            root.remove(child)
    title = ET.Element(_svg("title"))
    title.text = f"{figure.result.function.title}: optimizer trajectories"
    desc = ET.Element(_svg("desc"))
    desc.text = f"Exported by {APP_NAME}"
    root.insert(0, desc)
    root.insert(0, title)
    defs = root.find(_svg("defs"))
    if defs is None:
        defs = ET.SubElement(root, _svg("defs"))
    for i, (view, rect) in enumerate(figure.view_boxes()):
        clip = ET.SubElement(defs, _svg("clipPath"), id=f"view{i}")
        ET.SubElement(clip, _svg("rect"), x=f"{rect.x():.6g}", y=f"{rect.y():.6g}",
                      width=f"{rect.width():.6g}", height=f"{rect.height():.6g}")
        group = ET.SubElement(root, _svg("g"), {"clip-path": f"url(#view{i})"})
        group.extend(c for c in layer_svg(view)
                     if c.tag not in (_svg("title"), _svg("desc"), _svg("defs")))
        if not len(group):
            root.remove(group)
            defs.remove(clip)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body).encode()


SVG_NS = "http://www.w3.org/2000/svg"
_MATRIX = re.compile(r"matrix\(([^)]*)\)")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _svg(tag: str) -> str:
    return f"{{{SVG_NS}}}{tag}"


def _register_namespaces() -> None:
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")


def flatten_svg(root: ET.Element) -> ET.Element:
    """Bake group transforms into the coordinates of hairline shapes, and drop empty groups.

    Qt writes each curve in data coordinates under a ``transform``, with
    ``vector-effect="non-scaling-stroke"`` so that its line keeps its width; viewers that
    ignore that attribute (ImageMagick, older editors) would draw lines hundreds of pixels
    wide. With the points transformed and the transform gone, every viewer draws what the PNG
    shows. Path data may hold M, L, C and Z: closed paths end with Z, which is what
    pyqtgraph's exporter trips on.
    """
    shapes = {_svg("path"), _svg("polyline"), _svg("rect")}
    for parent in list(root.iter()):
        for group in list(parent):
            if group.tag != _svg("g"):
                continue
            children = list(group)
            if not children and not (group.text or "").strip():
                parent.remove(group)
                continue
            match = _MATRIX.fullmatch(group.get("transform", "").strip())
            if match is None or any(c.tag not in shapes
                                    or c.get("vector-effect") != "non-scaling-stroke"
                                    for c in children):
                continue
            a, b, c, d, e, f = (float(v) for v in match.group(1).split(","))
            matrix = np.array([[a, c, e], [b, d, f]])
            for child in children:
                if child.tag == _svg("polyline"):
                    child.set("points", _transform_points(child.get("points", ""), matrix))
                elif child.tag == _svg("rect"):
                    _rect_to_path(child, matrix)
                else:
                    child.set("d", _transform_path(child.get("d", ""), matrix))
                del child.attrib["vector-effect"]
            del group.attrib["transform"]
    return root


def _rect_to_path(rect: ET.Element, matrix: np.ndarray) -> None:
    """Turn a ``rect`` into the (transformed) closed path of its corners, in place."""
    x, y, w, h = (float(rect.attrib.pop(k, 0) or 0) for k in ("x", "y", "width", "height"))
    corners = _transform_xy(np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]]), matrix)
    pairs = _format_pairs(corners)
    rect.tag = _svg("path")
    rect.set("d", f"M {pairs[0]} L {' L '.join(pairs[1:])} Z")


def _transform_xy(xy: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    return xy @ matrix[:, :2].T + matrix[:, 2]


def _format_pairs(xy: np.ndarray) -> list[str]:
    return [f"{x:.6g},{y:.6g}" for x, y in xy]


def _transform_points(points: str, matrix: np.ndarray) -> str:
    values = np.array([float(v) for v in _NUMBER.findall(points)]).reshape(-1, 2)
    return " ".join(_format_pairs(_transform_xy(values, matrix)))


def _transform_path(d: str, matrix: np.ndarray) -> str:
    """Transform the absolute coordinates of a path (commands M, L, C, Q, T, S, Z)."""
    out: list[str] = []
    numbers: list[float] = []

    def flush() -> None:
        if numbers:
            xy = _transform_xy(np.array(numbers).reshape(-1, 2), matrix)
            out.append(" ".join(_format_pairs(xy)))
            numbers.clear()

    for token in _PATH_TOKEN.findall(d):
        if token.isalpha():
            flush()
            if token not in "MLCQTSZmz":
                raise ValueError(f"path command {token} cannot be flattened")
            out.append(token.upper())
        else:
            numbers.append(float(token))
    flush()
    return " ".join(out)
