"""The contour canvas's run layer: the runs' paths, their heads, the crosses of diverged runs,
the mechanics arrows and the legend.

:class:`~beale_gui.gui.views.canvas.ContourCanvas` owns one :class:`RunLayer` and forwards its
``set_runs`` / ``set_step`` / ``set_mechanics`` / ``clear_runs`` and the read-only accessors to
it. Paths are drawn on reused :class:`~beale_gui.gui.views.path_track.PathTrack` curves, thinned
to half a screen pixel of the view; the legend is refilled only when its entries change.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer

from ...core import polylines
from . import canvas_items as ci
from .path_track import PathTrack
from .run_legend import RunLegend

# Path curves kept hidden for later results, beyond the ones shown: adding and removing
# pyqtgraph items costs more than all the rest of a new result.
SPARE_TRACKS = 48


class RunLayer:
    """The runs drawn in a canvas's plot, up to the playhead step.

    With ``on_run_clicked``, a left click on a drawn path calls it with the run's index (the
    click goes no further: it adds no start point); the selected run (:meth:`select_run`) is
    drawn wider and above the others. With ``lazy_legend`` (a window's canvas) the legend finds
    its place after the paths have been painted (a zero-interval timer), or when asked where it
    is; without (an offscreen figure, which has no event loop) at once. Paths keep pixmaps
    while an animation plays (:meth:`set_animating`)."""

    def __init__(self, plot: pg.PlotItem,
                 on_run_clicked: Callable[[int], None] | None = None,
                 lazy_legend: bool = False) -> None:
        self._plot = plot
        self._legend_due = False
        self._animating = False
        self._legend_timer = None
        if lazy_legend:
            # (a child of the plot: it goes with it, and cannot fire on a deleted legend)
            self._legend_timer = QTimer(plot, singleShot=True, interval=0)
            self._legend_timer.timeout.connect(self._place_due_legend)
        self._on_run_clicked = on_run_clicked
        self._selected: int | None = None
        self._vb = plot.getViewBox()
        self._tracks: list[PathTrack] = []   # in the plot; the first len(_runs) shown
        self._runs: list[PathTrack] = []
        self._head_style: dict = {}
        self._stops = np.zeros(0, dtype=int)
        self._diverged = np.zeros(0, dtype=bool)
        self._step = 0
        self._drawn_step: int | None = None   # what the paths and heads show, None if stale
        self._mechanics: dict | None = None
        self._legend_entries: list[tuple[str, str]] = []
        self._heads = self._add(ci.Markers(size=ci.HEAD_SIZE, symbol="o"), ci.Z_HEADS)
        self._crosses = self._add(
            ci.Markers(size=ci.CROSS_SIZE, symbol="x", pen=ci.CROSS_PEN,
                               brush=ci.CROSS_BRUSH),
            ci.Z_HEADS + 1)
        self._colours: list[str] = []
        self._arrows = {}
        for kind in ci.ARROW_KINDS:
            arrows = ci.MechanicsArrows(kind)
            arrows.setToolTip(ci.arrow_tooltip())
            arrows.setVisible(False)
            self._arrows[kind] = self._add(arrows, ci.Z_ARROWS)
        self._legend = RunLegend(plot)
        self._fixed_points = np.zeros((0, 2))   # starts and minima: the legend avoids them

    def _add(self, item, z: float):
        item.setZValue(z)
        self._plot.addItem(item, ignoreBounds=True)
        return item

    def set_runs(self, paths: list[np.ndarray], stops: list[int], colours: list[str],
                 styles: list[Qt.PenStyle], flags: list[str],
                 legend: list[tuple[str, str]], step: int | None = None) -> None:
        """Show one path per run (on the curves of earlier runs where there are some) and draw
        each up to ``step`` (None: the current step).

        ``paths[i]`` has shape (T_i + 1, 2); ``stops[i]`` is its last valid index; ``flags[i]``
        is ``"diverged"`` for a run that blew up (its head becomes a red X once it gets there).
        ``legend`` lists (label, colour) per optimizer.
        """
        self._keep_tracks(paths, list(zip(colours, styles, strict=True)))
        self._use_tracks(list(zip(colours, styles, strict=True)))
        for track in self._tracks:
            track.set_animating(self._animating)
        cell, box = self._thin_cell(), self._clip_box()
        fresh = [i for i, (track, path, colour, style)
                 in enumerate(zip(self._runs, paths, colours, styles, strict=True))
                 if not track.shows(path, colour, style, cell, box)]
        keeps = dict(zip(fresh, polylines.simplify_polylines([paths[i] for i in fresh], cell),
                         strict=True))
        for i, (track, path, colour, style) in enumerate(zip(self._runs, paths, colours, styles,
                                                             strict=True)):
            track.reset(path, colour, style, cell, box, keeps.get(i))
        self._colours = list(colours)
        self._mark_selected()
        self._stops = np.array([max(int(s), 0) for s in stops], dtype=int)
        self._diverged = np.array([f == "diverged" for f in flags], dtype=bool)
        # the same pen and brush objects for a colour: the heads' symbols render only once
        head_styles = [ci.head_style(c) for c in colours]
        self._head_style = {"brush": [brush for brush, _ in head_styles],
                            "pen": [pen for _, pen in head_styles]}
        self._legend_entries = list(legend)
        self._rebuild_legend()
        self.place_legend()    # the paths changed
        if not self._runs:
            self._heads.setData(x=[], y=[])
            self._crosses.setData(x=[], y=[])
        if step is not None:
            self._step = max(int(step), 0)
        self._draw_step()

    def replace_runs(self, rows: list[int], paths: list[np.ndarray], stops: list[int],
                     flags: list[str], legend: list[tuple[str, str]] | None = None) -> None:
        """Show ``paths`` whole on the tracks of runs ``rows`` (a preview: their colours and
        styles stay; the other runs and the step are untouched, the legend too unless
        ``legend`` gives new entries: a scrubbed value is named as it changes)."""
        if legend is not None and list(legend) != self._legend_entries:
            self._legend_entries = list(legend)
            if not self._legend.relabel(self._legend_entries):
                self._rebuild_legend()
        cell, box = self._thin_cell(), self._clip_box()
        # while previews follow one another the other runs stay as they are: kept as pixmaps,
        # the previewed ones drawn directly (set_runs puts every track back as animating says)
        replaced = set(rows)
        for i, track in enumerate(self._runs):
            track.set_animating(i not in replaced)
        keeps = polylines.simplify_polylines(paths, cell)
        for row, path, stop, flag, keep in zip(rows, paths, stops, flags, keeps, strict=True):
            track = self._runs[row]
            track.reset(path, *track.style, cell, box, keep)
            self._stops[row] = max(int(stop), 0)
            self._diverged[row] = flag == "diverged"
        self._step = int(self._stops.max())       # every path whole, as a preview shows them
        self._draw_step()

    def set_animating(self, on: bool) -> None:
        """Keep the paths' finished parts as pixmaps while frames follow one another (an
        animation plays), else draw them directly (see :class:`PathTrack`)."""
        self._animating = bool(on)
        for track in self._tracks:
            track.set_animating(self._animating)

    def set_step(self, k: int) -> None:
        """Draw every path up to ``min(k, stops[i])`` with its head marker there."""
        self._step = max(int(k), 0)
        if self._step != self._drawn_step:   # the playhead is set again after a new result
            self._draw_step()

    def select_run(self, run: int | None) -> None:
        """Draw run ``run``'s path wider and on top (None: no run)."""
        self._selected = run
        self._mark_selected()

    def selected_run(self) -> int | None:
        """The run drawn as selected, None when none is (or it is not shown)."""
        return next((i for i, t in enumerate(self._runs) if t.selected), None)

    def _mark_selected(self) -> None:
        for i, track in enumerate(self._tracks):
            track.set_selected(i == self._selected and i < len(self._runs))

    def _on_track_clicked(self, track: PathTrack) -> None:
        if self._on_run_clicked is not None and track in self._runs:
            self._on_run_clicked(self._runs.index(track))

    def clear_runs(self) -> None:
        """Remove every path, head, arrow and legend entry."""
        self._remove_runs()
        self.select_run(None)
        self._legend_entries = []
        self.set_mechanics(None)

    def set_mechanics(self, mech: dict | None) -> None:
        """Arrows at the heads from :func:`beale_gui.core.playhead.mechanics_at` (``heads``,
        ``descent``, ``moment``, ``step``, each (N, 2)); None hides them."""
        self._mechanics = mech
        self._draw_arrows()
        self._rebuild_legend()

    def view_moved(self) -> None:
        """Redraw the arrows, which keep their size on screen."""
        if self._mechanics is not None:
            self._draw_arrows()

    def _thin_cell(self) -> tuple[float, float]:
        """Half a screen pixel of the current view, in data units: what paths are thinned to."""
        px, py = self._vb.viewPixelSize()
        return px / 2, py / 2

    def _clip_box(self) -> ci.Box:
        """The view and twice its size around it: paths are cut there (what is drawn of a
        path in view is unchanged; a dashed diverged path stays dashed)."""
        (x0, x1), (y0, y1) = self._vb.viewRange()
        w, h = x1 - x0, y1 - y0
        return (x0 - 2 * w, x1 + 2 * w, y0 - 2 * h, y1 + 2 * h)

    def thin(self) -> None:
        """Thin the paths to half a pixel of the view (it moved) and draw them again, and put
        the legend where the view is now emptiest."""
        cell, box = self._thin_cell(), self._clip_box()
        keeps = polylines.simplify_polylines([track.xy for track in self._runs], cell)
        for track, keep in zip(self._runs, keeps, strict=True):
            track.thin(cell, box, keep)
        if self._runs:
            self._draw_step()
        self.place_legend()

    def set_fixed_points(self, points: np.ndarray) -> None:
        """The start points and minima, shape (N, 2), which the legend must not cover."""
        self._fixed_points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        self.place_legend()

    def give_way(self, yes: bool) -> None:
        """Hide the legend while another one is shown over the plot (one legend at a time)."""
        self._legend.give_way(yes)

    def place_legend(self) -> None:
        """Put the legend where it covers no path, start point or minimum (see the class)."""
        self._legend_due = True
        if self._legend_timer is not None:
            self._legend_timer.start()
        else:
            self._place_due_legend()

    def _place_due_legend(self) -> None:
        if not self._legend_due:
            return
        self._legend_due = False
        paths = [track.xy[:stop + 1] for track, stop in zip(self._runs, self._stops,
                                                             strict=True)]
        self._legend.place(self._fixed_points, paths)

    def legend_spot(self) -> str:
        """Where the legend is (see :attr:`RunLegend.spot`)."""
        self._place_due_legend()
        return self._legend.spot

    # -- what is drawn, read-only (for tests and export) --------------------------------------
    def run_tracks(self) -> tuple[PathTrack, ...]:
        """The tracks drawing the current runs, one per run in order (do not draw on them)."""
        return tuple(self._runs)

    def head_points(self) -> np.ndarray:
        """Where the runs' heads are drawn, shape (N, 2) (a copy)."""
        return ci.points_of(self._heads)

    def cross_points(self) -> np.ndarray:
        """Where the red crosses of diverged runs are, shape (M, 2) (a copy)."""
        return ci.points_of(self._crosses)

    def crosses_shown(self) -> bool:
        """Whether the crosses of diverged runs are visible."""
        return self._crosses.isVisible()

    def arrow_items(self) -> dict[str, ci.MechanicsArrows]:
        """The mechanics arrows by kind (a new dict; do not draw on them)."""
        return dict(self._arrows)

    def legend_rows(self) -> tuple[tuple[ci.LineSample, str], ...]:
        """The legend's rows, each as (sample item, label text)."""
        self._place_due_legend()
        return self._legend.rows()

    def legend_shown(self) -> bool:
        """Whether the legend is visible."""
        self._place_due_legend()
        return self._legend.shown()

    def legend_rect(self) -> QRectF:
        """The legend's bounding rectangle in scene coordinates."""
        self._place_due_legend()
        return self._legend.rect()

    # -- drawing -----------------------------------------------------------------------------
    def _draw_step(self) -> None:
        k = self._step
        self._drawn_step = k if self._runs else None
        if not self._runs:
            return
        idx = np.minimum(k, self._stops)
        hx = np.empty(len(self._runs))
        hy = np.empty(len(self._runs))
        for i, track in enumerate(self._runs):
            j = min(int(idx[i]), len(track.xy) - 1)
            track.draw(j)
            hx[i], hy[i] = track.xy[j]
        self._heads.setData(x=hx, y=hy, **self._head_style)
        crossed = self._diverged & (k >= self._stops)
        self._crosses.setData(x=hx[crossed], y=hy[crossed])
        self._crosses.setVisible(bool(crossed.any()))   # an empty scatter still costs a paint

    def _draw_arrows(self) -> None:
        mech = self._mechanics
        pixel = self._vb.viewPixelSize()
        for kind, arrows in self._arrows.items():
            vectors = None if mech is None else mech.get(kind)
            if vectors is None:
                arrows.set_arrows(None, [])
                continue
            shapes = polylines.arrow_shapes(mech["heads"], vectors, pixel, ci.ARROW_PX,
                                           ci.ARROW_DECADES, ci.ARROW_HEAD_PX)
            colours = [self._colours[i] if i < len(self._colours) else ci.ARROW_KEY_COLOUR
                       for i in shapes.index]
            arrows.set_arrows(shapes, colours)

    def _rebuild_legend(self) -> None:
        arrows = () if self._mechanics is None else tuple(
            kind for kind, item in self._arrows.items() if item.isVisible())
        tip = ci.arrow_tooltip() if self._mechanics is not None else ""
        if self._legend.set_entries(self._legend_entries, arrows, tip):
            self.place_legend()

    def _keep_tracks(self, paths: list[np.ndarray],
                     styles: list[tuple[str, Qt.PenStyle]]) -> None:
        """Put the tracks in the order of the new runs wherever a run is shown already (the
        same path, colour and style: a start was added or removed and the others' runs came
        back unchanged), so that :meth:`PathTrack.reset` keeps those as drawn."""
        shown: dict[tuple, list[PathTrack]] = {}
        for track in self._runs:
            shown.setdefault(_track_key(track.xy, track.style), []).append(track)
        if not shown:
            return
        placed: list[PathTrack | None] = []
        for path, style in zip(paths, styles, strict=True):
            path = np.asarray(path)
            same = shown.get(_track_key(path, style), [])
            match = next((t for t in same if np.array_equal(t.xy, path)), None)
            if match is not None:
                same.remove(match)
            placed.append(match)
        if not any(placed):
            return
        used = {id(t) for t in placed if t is not None}
        rest = [t for t in self._tracks if id(t) not in used]
        rest.reverse()
        ordered = [t if t is not None else rest.pop() if rest else self._new_track(style)
                   for t, style in zip(placed, styles, strict=True)]
        self._tracks = ordered + rest[::-1]

    def _use_tracks(self, styles: list[tuple[str, Qt.PenStyle]]) -> None:
        """Keep a track per (colour, pen style) in ``styles`` for the runs (adding what is
        missing) and hide the rest."""
        n = len(styles)
        while len(self._tracks) < n:
            self._tracks.append(self._new_track(styles[len(self._tracks)]))
        for track in self._tracks[n:]:
            track.hide()
        for track in self._tracks[n + SPARE_TRACKS:]:
            for item in track.items:
                self._plot.removeItem(item)
        del self._tracks[n + SPARE_TRACKS:]
        self._runs = self._tracks[:n]

    def _new_track(self, style: tuple[str, Qt.PenStyle]) -> PathTrack:
        clicked = None if self._on_run_clicked is None else self._on_track_clicked
        track = PathTrack(*style, on_click=clicked)
        track.set_animating(self._animating)
        for item in track.items:
            self._add(item, ci.Z_PATHS)
        return track

    def _remove_runs(self) -> None:
        self._use_tracks([])
        self._drawn_step = None
        self._stops = np.zeros(0, dtype=int)
        self._diverged = np.zeros(0, dtype=bool)
        self._heads.setData(x=[], y=[])
        self._crosses.setData(x=[], y=[])
        self._rebuild_legend()


def _track_key(path: np.ndarray, style: tuple[str, Qt.PenStyle]) -> tuple:
    """A cheap key that two equal runs share (equal paths are then told apart whole)."""
    n = len(path)
    if not n:
        return (style, 0)
    return (style, n, *path[0].tolist(), *path[n // 2].tolist(), *path[-1].tolist())
