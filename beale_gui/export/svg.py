"""SVG every viewer draws: QtSvg's output made plain SVG 1.1, without Qt.

:func:`portable_svg` takes the XML QtSvg's generator wrote (``gui/render/svg.py`` paints a
figure through it) and removes what only some viewers understand: it bakes group transforms into
the hairlines' coordinates (:func:`flatten_svg`), cuts paths into pieces QSvgRenderer accepts
and clips coordinates far outside the image (:func:`portable_path`), and, given a measure of
the fonts the figure was laid out with, names installed fonts with a generic fallback and pins
each text's width to the one it was laid out at.
"""

from __future__ import annotations

import contextlib
import re
import xml.etree.ElementTree as ET
from typing import Protocol

import numpy as np

from .. import APP_NAME
from ..core import polylines

__all__ = ["CLIP_MARGIN", "MAX_PATH_POINTS", "SVG_NS", "TEXT_SCALE", "TextMeasure",
           "clip_polyline", "flatten_svg", "portable_path", "portable_paths", "portable_svg",
           "register_namespaces", "svg_tag"]

#: Points per ``path`` element at most: QSvgRenderer truncates a path of more than 32767
#: elements ("Invalid path data; path truncated").
MAX_PATH_POINTS = 8000
#: Open paths are clipped to the image enlarged by this many times its size on each side: a
#: diverged run's last point can be 10^5 pixels away, where librsvg drops the line's outline
#: and Qt stops dashing it.
CLIP_MARGIN = 1.0
#: Text is written this many times larger and scaled down (see :func:`_pin_text`).
TEXT_SCALE = 32


class TextMeasure(Protocol):
    """The fonts a figure was laid out with (the GUI's is Qt's, ``gui/render/svg.py``)."""

    def families(self, requested: str) -> str:
        """A CSS font-family list for the family the figure asked for."""

    def widths(self, text: str, family: str, pixels: float, weight: int,
               italic: bool) -> tuple[float, float]:
        """The advance of ``text`` as laid out, and unrounded (as a viewer sets it)."""


def portable_svg(root: ET.Element, size: tuple[int, int], title: str,
                 measure: TextMeasure | None = None) -> ET.Element:
    """Make QtSvg's SVG 1.1 output ``root`` (an image of ``size`` pixels) draw the same in
    every viewer, in place; ``measure`` (Qt's font metrics) resolves fonts and text widths."""
    register_namespaces()
    w, h = size
    root.attrib.pop("baseProfile", None)
    root.set("version", "1.1")
    root.set("width", str(w))  # pixels, as the PNG (Qt writes millimetres)
    root.set("height", str(h))
    for child in list(root):
        if child.tag in (svg_tag("title"), svg_tag("desc")):
            root.remove(child)
    desc = ET.Element(svg_tag("desc"))
    desc.text = f"Exported by {APP_NAME}"
    root.insert(0, desc)
    heading = ET.Element(svg_tag("title"))
    heading.text = title
    root.insert(0, heading)
    flatten_svg(root)
    for element in root.iter():  # SVG 1.1 has no vector-effect; clip paths are never stroked
        element.attrib.pop("vector-effect", None)
    margin_x, margin_y = CLIP_MARGIN * w, CLIP_MARGIN * h
    portable_paths(root, (-margin_x, -margin_y, w + margin_x, h + margin_y))
    if measure is not None:
        _portable_text(root, measure)
    return root



SVG_NS = "http://www.w3.org/2000/svg"
_MATRIX = re.compile(r"matrix\(([^)]*)\)")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_WEIGHTS = {"normal": 400, "bold": 700}
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def svg_tag(tag: str) -> str:
    """``tag`` in the SVG namespace, as ElementTree names it."""
    return f"{{{SVG_NS}}}{tag}"


def register_namespaces() -> None:
    """Write SVG as the default namespace (no ``ns0:`` prefixes)."""
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
    shapes = {svg_tag("path"), svg_tag("polyline"), svg_tag("rect")}
    for parent in list(root.iter()):
        for group in list(parent):
            if group.tag != svg_tag("g"):
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
                if child.tag == svg_tag("polyline"):
                    child.set("points", _transform_points(child.get("points", ""), matrix))
                elif child.tag == svg_tag("rect"):
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
    rect.tag = svg_tag("path")
    rect.set("d", _polyline_d(corners) + " Z")


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


# -- paths every viewer draws ------------------------------------------------------------------
def portable_paths(root: ET.Element, clip: tuple[float, float, float, float] | None) -> None:
    """Rewrite every ``path`` and ``polyline`` under ``root`` by :func:`portable_path`, as
    several elements with the same attributes where it cuts one; only lines drawn in the
    image's own coordinates (no transform) and without a fill are clipped to ``clip``."""
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        if element.tag == svg_tag("polyline"):
            d = "M " + re.sub(r"^\s*(\S+)", r"\1 L", element.get("points", "").strip())
        elif element.tag == svg_tag("path"):
            d = element.get("d", "")
        else:
            continue
        parent = parents.get(element)
        if parent is None or parent.tag == svg_tag("clipPath"):
            continue
        plain = (_inherited(element, "fill", parents) == "none"
                 and not _transformed(element, parents))
        pieces = portable_path(d, clip if plain else None)
        if pieces == [d]:
            continue
        element.tag = svg_tag("path")
        element.attrib.pop("points", None)
        at = list(parent).index(element)
        for i, piece in enumerate(pieces):
            target = element
            if i:
                target = ET.Element(element.tag, dict(element.attrib))
                parent.insert(at + i, target)
            target.set("d", piece)
        if not pieces:
            parent.remove(element)


def _inherited(element: ET.Element, name: str, parents: dict) -> str | None:
    """The presentation attribute ``name`` of ``element`` or its nearest ancestor with one."""
    node = element
    while node is not None:
        if name in node.attrib:
            return node.get(name)
        node = parents.get(node)
    return None


def _transformed(element: ET.Element, parents: dict) -> bool:
    """Whether ``element`` or an ancestor has a transform other than the identity."""
    node = element
    while node is not None:
        match = _MATRIX.fullmatch(node.get("transform", "matrix(1,0,0,1,0,0)").strip())
        if match is None or [float(v) for v in match.group(1).split(",")] != [1, 0, 0, 1, 0, 0]:
            return True
        node = parents.get(node)
    return False


def portable_path(d: str, clip: tuple[float, float, float, float] | None = None) -> list[str]:
    """Path data ``d`` (absolute commands) as one or more pieces of at most
    :data:`MAX_PATH_POINTS` points each, cut between subpaths (an open subpath of straight lines
    longer than that is cut with one point shared by its two pieces).

    With ``clip`` (x0, y0, x1, y1), an open subpath of straight lines reaching outside that box
    is clipped to it (Liang-Barsky, segment by segment); the image shows none of what is cut.
    An untouched ``d`` comes back as it was.
    """
    subpaths = [p.strip() for p in re.split(r"(?=[Mm])", d) if p.strip()]
    pieces: list[tuple[str, int]] = []  # subpaths and their points
    changed = False
    for sub in subpaths:
        xy = _open_polyline(sub)
        cut = xy is not None and clip is not None and _outside(xy, clip)
        if xy is None or not (cut or len(xy) > MAX_PATH_POINTS):
            pieces.append((sub, len(_NUMBER.findall(sub)) // 2))
            continue
        changed = True
        for line in clip_polyline(xy, clip) if cut else [xy]:
            for start in range(0, len(line) - 1, MAX_PATH_POINTS - 1):
                chunk = line[start: start + MAX_PATH_POINTS]
                pieces.append((_polyline_d(chunk), len(chunk)))
    out: list[str] = []
    count = MAX_PATH_POINTS + 1
    for sub, n in pieces:
        if count + n > MAX_PATH_POINTS:
            out.append(sub)
            count = n
        else:
            out[-1] += " " + sub
            count += n
    return [d] if not changed and len(out) == 1 else out


def _polyline_d(xy: np.ndarray) -> str:
    pairs = _format_pairs(xy)
    return f"M {pairs[0]} L {' L '.join(pairs[1:])}"


def _open_polyline(sub: str) -> np.ndarray | None:
    """The points of a subpath ``M x,y L x,y ...`` of straight lines, shape (N, 2); None for one
    with curves, relative commands or a close (Z)."""
    tokens = _PATH_TOKEN.findall(sub)  # "3.5e+11" is one number, not a command e
    letters = [t for t in tokens if t.isalpha()]
    if not letters or letters[0] != "M" or any(c != "L" for c in letters[1:]):
        return None
    numbers = [float(t) for t in tokens if not t.isalpha()]
    if len(numbers) < 4 or len(numbers) % 2:
        return None
    return np.array(numbers).reshape(-1, 2)


def _outside(xy: np.ndarray, box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    return bool(np.any((xy[:, 0] < x0) | (xy[:, 0] > x1) | (xy[:, 1] < y0) | (xy[:, 1] > y1)))


def clip_polyline(xy: np.ndarray, box: tuple[float, float, float, float]) -> list[np.ndarray]:
    """The parts of the polyline ``xy`` (shape (N, 2)) inside ``box`` (x0, y0, x1, y1), each of
    shape (M, 2), M >= 2, in order: the canvas's own cut
    (:func:`beale_gui.core.polylines.clip_polyline`), split where it leaves a gap."""
    x0, y0, x1, y1 = box
    cut = polylines.clip_polyline(xy, (x0, x1, y0, y1))
    gap = np.isnan(cut[:, 0])
    pieces = np.split(cut, np.flatnonzero(gap))
    return [piece[~np.isnan(piece[:, 0])] for piece in pieces
            if np.count_nonzero(~np.isnan(piece[:, 0])) >= 2]


# -- text every viewer sets as Qt did ----------------------------------------------------------
def _portable_text(root: ET.Element, measure: TextMeasure) -> None:
    """Name each font as :meth:`TextMeasure.families` does and set every text at the width Qt
    laid it out at (:func:`_pin_text`)."""
    for element in root.iter():
        family = element.get("font-family")
        if family is None:
            continue
        if element.tag == svg_tag("text") and (element.text or "").strip():
            # a size or position that is not one number: left as it is
            with contextlib.suppress(ValueError):
                _pin_text(element, family, measure)
        element.set("font-family", measure.families(family))


def _pin_text(text: ET.Element, family: str, measure: TextMeasure) -> None:
    """Set ``text`` at the width Qt laid it out at, in every viewer.

    Qt lays text out with glyph advances rounded at its size; a viewer scaling the outlines
    (QSvgRenderer, librsvg, browsers) sets it up to 3 % wider, past the legend's edge. So the
    font size is scaled by laid-out / unrounded width, and ``textLength`` pins the width for a
    viewer that sets another font. QSvgRenderer truncates a font size to whole pixels (12.67
    as 12): the text is written :data:`TEXT_SCALE` times larger and scaled down.
    """
    pixels = float(text.get("font-size", "12"))
    raw_weight = text.get("font-weight", "400")
    weight = _WEIGHTS.get(raw_weight) or int(float(raw_weight))
    x, y = float(text.get("x", "0")), float(text.get("y", "0"))
    if pixels <= 0 or "transform" in text.attrib:
        return
    italic = text.get("font-style", "normal") != "normal"
    width, natural = measure.widths(text.text, family, pixels, weight, italic)
    if natural > 0:
        pixels *= width / natural
    k = TEXT_SCALE
    text.set("transform", f"scale({1 / k:.6g})")
    text.set("x", f"{x * k:.6g}")
    text.set("y", f"{y * k:.6g}")
    text.set("font-size", f"{pixels * k:.6g}")
    text.set("textLength", f"{width * k:.6g}")
    text.set("lengthAdjust", "spacing")

