"""Basin-of-attraction maps: where every start point of a grid over the view ends up.

One optimizer configuration runs from the centre of every cell of an n x n grid over the view,
all in one :func:`engine.run` batch (nothing recorded but the final state), and each cell is
classified by its end point:

- ``k >= 0``: it reached target ``k``, i.e. ended within ``reach_tol`` of it. The targets are
  the function's known minima; for a function that lists none (a custom expression, the saddle)
  they are the centres of clusters of the end points (:func:`cluster_end_points`).
- ``BasinOutcome.DIVERGED`` (-1): the run blew up (engine status ``Status.DIVERGED``).
- ``BasinOutcome.NOT_CONVERGED`` (-2): it ended at a finite point near no target: stopped at
  max steps on a slope, stalled, or reached a minimum that is not listed.

Orientation: every per-cell array is indexed ``[iy, ix]``: row ``iy`` is the cell centred at
``ys[iy]`` and column ``ix`` the one at ``xs[ix]``, with ``ys`` and ``xs`` increasing, so row 0
is the *bottom* row of the view (an image with its origin at the lower left, as pyqtgraph's
``ImageItem`` with ``axisOrder="row-major"`` shows it). ``starts`` lists the cells row by row:
``starts[iy * grid + ix] == (xs[ix], ys[iy])``.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from .engine import MAX_STEPS_PARAM, OptimizerConfig, Status, run
from .engine.result import ended_text
from .functions import TestFunction
from .i18n import QT_TRANSLATE_NOOP, translate
from .params import Param


class BasinOutcome(IntEnum):
    """A cell's outcome when it reached no target (a target's is its index, 0 or more)."""

    DIVERGED = -1           # the run blew up
    NOT_CONVERGED = -2      # it ended at a finite point near no target


# English in the CSV; the window shows translate("Basins", OUTCOME_NAMES[code])
OUTCOME_NAMES = {BasinOutcome.DIVERGED: QT_TRANSLATE_NOOP("Basins", "diverged"),
                 BasinOutcome.NOT_CONVERGED: QT_TRANSLATE_NOOP("Basins", "not converged")}

GRID_PARAM = Param("grid", 200, 2, 1024, integer=True,
                   help=QT_TRANSLATE_NOOP("Params",
                                          "cells per side of the basin map (grid x grid start "
                                          "points)"))
# Runs x steps of one map: the largest grid at 1,000 steps, about a minute on two cores.
MAX_CELL_STEPS = 1024 * 1024 * 1000
DEFAULT_TOL = 1e-9
REACH_FRACTION = 1e-2   # default reach_tol: this fraction of the view's diagonal
MAX_CLUSTERS = 16
KEY_TARGETS = 8         # a key lists this many minima; the other local ones as one row
MIN_CLUSTER_SIZE = 2    # a lone end point does not make a cluster
_MAX_CLUSTER_TRIES = 2 * MAX_CLUSTERS
_PROBES = np.array([(math.cos(a), math.sin(a)) for a in np.arange(8) * (math.pi / 4)])

BASIN_CSV_COLUMNS = ("x0", "y0", "outcome", "steps", "final_x", "final_y", "final_loss")


@dataclass
class BasinMap:
    """The outcome of every cell of a basin map.

    Attributes
    ----------
    xs : ndarray, shape (grid,); ys : ndarray, shape (grid,)
        Cell centres along x and y, increasing.
    xrange, yrange : (float, float)
        The view the cells tile.
    starts : ndarray, shape (grid * grid, 2)
        Start points row by row: ``starts[iy * grid + ix] == (xs[ix], ys[iy])``.
    outcome : ndarray of int, shape (grid, grid)
        ``[iy, ix]``: the index into ``targets`` of the target reached, or a
        :class:`BasinOutcome` (``DIVERGED``, ``NOT_CONVERGED``).
    steps : ndarray of int, shape (grid, grid)
        ``[iy, ix]``: the step the run converged at (the stop rule on ``tol``), blew up at, or
        ``max_steps`` when it ran out of steps (even if it ended near a target).
    status : ndarray of int8, shape (grid, grid)
        ``[iy, ix]``: the engine's :class:`~beale_gui.core.engine.Status`.
    final_xy : ndarray, shape (grid, grid, 2); final_loss : ndarray, shape (grid, grid)
        ``[iy, ix]``: where each run ended (its last finite point) and f there.
    targets : ndarray, shape (K, 2)
        The known minima, or the cluster centres when ``clustered``.
    labels : list of str, length K
        Each target as text, e.g. ``"(3, 0.5)"``.
    clustered : bool
        True when the targets are clusters of end points rather than known minima.
    reach_tol : float
        The distance from a target within which a run counts as having reached it.
    is_global : ndarray of bool, shape (K,)
        Which targets are global minima (the function's ``global_mask``); False for the
        local ones and for clusters.
    """

    function_name: str
    optimizer: str
    max_steps: int
    tol: float
    reach_tol: float
    clustered: bool
    xrange: tuple[float, float]
    yrange: tuple[float, float]
    xs: np.ndarray
    ys: np.ndarray
    starts: np.ndarray
    outcome: np.ndarray
    steps: np.ndarray
    status: np.ndarray
    final_xy: np.ndarray
    final_loss: np.ndarray
    targets: np.ndarray
    labels: list[str]
    is_global: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.is_global is None:
            self.is_global = np.zeros(len(self.targets), dtype=bool)

    @property
    def grid(self) -> int:
        return len(self.xs)

    def outcome_label(self, code: int) -> str:
        """``"min 1 (3, 2)"`` (or ``"cluster 1 (1, 0)"``), ``"diverged"`` or ``"not converged"``
        (English: the CSV's words; :meth:`key_label` is the window's)."""
        code = int(code)
        if code >= 0:
            kind = "cluster" if self.clustered else "min"
            return f"{kind} {code + 1} {self.labels[code]}"
        return OUTCOME_NAMES[code]

    def _shown_label(self, code: int, local: bool = False) -> str:
        """:meth:`outcome_label` in the interface language; ``local min 2 (1, 0)`` with
        ``local``."""
        if code < 0:
            return translate("Basins", OUTCOME_NAMES[code])
        if self.clustered:
            template = translate("Basins", "cluster {0} {1}")
        elif local:
            template = translate("Basins", "local min {0} {1}")
        else:
            template = translate("Basins", "min {0} {1}")
        return template.format(code + 1, self.labels[code])

    @property
    def outcome_codes(self) -> list[int]:
        """Every possible code, in legend order: the targets, then not converged, diverged."""
        return [*range(len(self.targets)), BasinOutcome.NOT_CONVERGED, BasinOutcome.DIVERGED]

    def counts(self) -> dict[str, int]:
        """Number of cells per outcome, keyed by :meth:`outcome_label`, in legend order.

        Every target and both failure outcomes are listed, with 0 where no cell has them.
        """
        flat = self.outcome.ravel()
        return {self.outcome_label(c): int(np.count_nonzero(flat == c))
                for c in self.outcome_codes}

    def key(self, listed: int = KEY_TARGETS) -> tuple[list[int], list[int]]:
        """What a key shows: the codes it lists one by one, and the local minima it sums up
        in one row. Every target while there are at most ``listed``; beyond that every
        global minimum, then the local minima most cells reached (in target order), up to
        ``listed`` in all. Then ``NOT_CONVERGED`` and ``DIVERGED``."""
        targets = list(range(len(self.targets)))
        rest: list[int] = []
        if len(targets) > listed:
            flat = self.outcome.ravel()
            count = np.bincount(flat[flat >= 0], minlength=len(targets))
            first = [k for k in targets if self.is_global[k]]
            local = sorted((k for k in targets if not self.is_global[k]),
                           key=lambda k: (-count[k], k))
            room = max(listed - len(first), 0)
            targets = sorted(first + [k for k in local[:room] if count[k]])
            rest = [k for k in local if k not in targets]
        return [*targets, BasinOutcome.NOT_CONVERGED, BasinOutcome.DIVERGED], rest

    def key_label(self, code: int) -> str:
        """:meth:`outcome_label`, with ``"local "`` before a local minimum's."""
        code = int(code)
        local = code >= 0 and not self.clustered and not self.is_global[code]
        return self._shown_label(code, local)

    def summary(self) -> list[tuple[int | None, str, int]]:
        """The key as ``(code, label, cells)`` rows: :meth:`key`'s codes one by one (the
        failures too, with 0 cells), and the rest of the local minima summed in one row
        (code None)."""
        counts = dict(zip(self.outcome_codes, self.counts().values(), strict=True))
        codes, rest = self.key()
        rows = [(c, self.key_label(c), counts[c]) for c in codes if c >= 0]
        if rest:
            reached = sum(1 for k in rest if counts[k])
            label = (translate("Basins", "{0} other local minima") if reached == len(rest) else
                     translate("Basins", "{0} other local minima ({1} reached)"))
            rows.append((None, label.format(len(rest), reached), sum(counts[k] for k in rest)))
        return rows + [(c, self.key_label(c), counts[c]) for c in codes if c < 0]

    @property
    def n_reached(self) -> int:
        """How many of the targets (minima or clusters) at least one cell reached."""
        return len(np.intersect1d(self.outcome, np.arange(len(self.targets))))

    def colour_slots(self, n_colours: int) -> np.ndarray:
        """A colour index in [0, n_colours) for each target, shape (K,): target k's own
        index while there are no more targets than colours; beyond that (Rastrigin's 121
        minima), greedily, in target order, the least used index that no touching basin (a
        cell beside or diagonal to one of its cells) already has, so neighbours differ and
        every colour is used."""
        k = len(self.targets)
        if k <= n_colours:
            return np.arange(k)
        touching = [set() for _ in range(k)]
        out = self.outcome
        for a, b in ((out[:, :-1], out[:, 1:]), (out[:-1, :], out[1:, :]),
                     (out[:-1, :-1], out[1:, 1:]), (out[:-1, 1:], out[1:, :-1])):
            pairs = np.unique(np.stack([a.ravel(), b.ravel()], axis=1), axis=0)
            for i, j in pairs[(pairs[:, 0] >= 0) & (pairs[:, 1] >= 0)
                              & (pairs[:, 0] != pairs[:, 1])].tolist():
                touching[i].add(j)
                touching[j].add(i)
        slots = np.zeros(k, dtype=np.int64)
        used = np.zeros(n_colours, dtype=np.int64)
        for i in range(k):
            taken = {int(slots[j]) for j in touching[i] if j < i}
            free = [c for c in range(n_colours) if c not in taken] or list(range(n_colours))
            slots[i] = min(free, key=lambda c: (used[c], c))
            used[slots[i]] += 1
        return slots

    def outcome_rects(self, code: int) -> np.ndarray:
        """The cells with outcome ``code`` as rectangles ``(x, y, width, height)`` in the
        function's coordinates, one per run of such cells along a row, shape (R, 4)."""
        hit = np.pad(self.outcome == int(code), ((0, 0), (1, 1)))
        edges = np.diff(hit.astype(np.int8), axis=1)        # +1 where a run starts, -1 ends
        rows, first = np.nonzero(edges == 1)
        _, last = np.nonzero(edges == -1)
        (x0, x1), (y0, y1) = self.xrange, self.yrange
        w, h = (x1 - x0) / self.grid, (y1 - y0) / self.grid
        return np.column_stack([x0 + first * w, y0 + rows * h, (last - first) * w,
                                np.full(len(rows), h)])

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """``(iy, ix)`` of the cell containing ``(x, y)``, or None outside the view."""
        (x0, x1), (y0, y1) = self.xrange, self.yrange
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return None
        n = self.grid
        ix = min(int((x - x0) / (x1 - x0) * n), n - 1)
        iy = min(int((y - y0) / (y1 - y0) * n), n - 1)
        return iy, ix

    def describe(self, iy: int, ix: int) -> str:
        """One line for a cell: ``start (3.025, 1.975): min 1 (3, 2), converged at step 84``."""
        x0, y0 = self.xs[ix], self.ys[iy]
        when = ended_text(int(self.status[iy, ix]), int(self.steps[iy, ix]), self.max_steps)
        return translate("Basins", "start ({0:.4g}, {1:.4g}): {2}, {3}").format(
            x0, y0, self._shown_label(int(self.outcome[iy, ix])), when)

    def rows(self) -> Iterator[tuple]:
        """CSV rows (:data:`BASIN_CSV_COLUMNS`), one per cell in ``starts`` order."""
        names = {c: self.outcome_label(c) for c in self.outcome_codes}
        fx = self.final_xy.reshape(-1, 2)
        for (x0, y0), code, steps, (x, y), f in zip(
                self.starts.tolist(), self.outcome.ravel().tolist(), self.steps.ravel().tolist(),
                fx.tolist(), self.final_loss.ravel().tolist(), strict=True):
            yield x0, y0, names[code], steps, x, y, f


def basins_csv_text(bmap: BasinMap) -> str:
    """The map as CSV: a header of :data:`BASIN_CSV_COLUMNS`, then one row per cell."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(BASIN_CSV_COLUMNS)
    writer.writerows(bmap.rows())
    return buf.getvalue()


def check_grid(grid: int, max_steps: int) -> int:
    """``grid`` as an int; ValueError when outside [2, 1024] or too much work with ``max_steps``."""
    grid = int(GRID_PARAM.check(grid))
    work = grid * grid * int(max_steps)
    if work > MAX_CELL_STEPS:
        raise ValueError(translate(
            "Basins", "a {0} x {0} basin map of {1} steps is {2:.3g} run-steps; the limit is "
            "{3:.3g} (1024 x 1024 x 1000): lower the grid or max steps").format(
                grid, max_steps, work, MAX_CELL_STEPS))
    return grid


def _check_range(value, name: str) -> tuple[float, float]:
    try:
        lo, hi = (float(v) for v in value)
    except (TypeError, ValueError):
        raise ValueError(translate("Basins", "{0} must be a pair of numbers (low, high)")
                         .format(name)) from None
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise ValueError(translate("Basins", "{0} must be finite with low < high, got "
                                   "({1:g}, {2:g})").format(name, lo, hi))
    return lo, hi


def cell_centres(lo: float, hi: float, n: int) -> np.ndarray:
    """Centres of ``n`` equal cells tiling [lo, hi], shape (n,)."""
    return lo + (np.arange(n) + 0.5) * ((hi - lo) / n)


def basin_map(
    function: TestFunction,
    config: OptimizerConfig,
    *,
    grid: int = 200,
    xrange=None,
    yrange=None,
    max_steps: int = 1000,
    tol: float = DEFAULT_TOL,
    seed: int = 0,
    reach_tol: float | None = None,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> BasinMap:
    """Run ``config`` from the centre of every cell of a ``grid`` x ``grid`` lattice.

    Parameters
    ----------
    function : TestFunction
    config : OptimizerConfig
        One configuration (scalar hyperparameters).
    grid : int
        Cells per side, 2 to 1024; ``grid**2 * max_steps`` may not exceed ``MAX_CELL_STEPS``.
    xrange, yrange : (float, float), optional
        The view; ``function.bounds`` by default.
    max_steps, seed : int
        As in :func:`engine.run`.
    tol : float
        The engine's stop rule on |delta f|. The default, 1e-9, stops a run only once it has
        settled, so ``steps`` says how long each cell took; 0 runs every cell to ``max_steps``.
        Callers pass the user's tolerance.
    reach_tol : float, optional
        How close to a target an end point must be to count as reaching it (and the cluster
        radius); by default ``REACH_FRACTION`` (1e-2) of the view's diagonal.
    cancel : callable, optional
        Polled while running; :class:`engine.Cancelled` is raised when it returns True.
    progress : callable, optional
        ``progress(fraction)`` with a fraction in [0, 1]; 1.0 once done.

    Raises
    ------
    ValueError
        For a bad grid, range, reach_tol or configuration, naming it.
    """
    if config.n_variants != 1:
        raise ValueError(translate("Basins", "a basin map runs one configuration: give scalar "
                                   "hyperparameters"))
    max_steps = int(MAX_STEPS_PARAM.check(max_steps))
    grid = check_grid(grid, max_steps)
    (bx0, bx1), (by0, by1) = function.bounds
    xrange = _check_range((bx0, bx1) if xrange is None else xrange, "xrange")
    yrange = _check_range((by0, by1) if yrange is None else yrange, "yrange")
    diagonal = math.hypot(xrange[1] - xrange[0], yrange[1] - yrange[0])
    if reach_tol is None:
        reach_tol = REACH_FRACTION * diagonal
    elif isinstance(reach_tol, bool) or not (
            isinstance(reach_tol, (int, float, np.number)) and 0 < reach_tol < math.inf):
        raise ValueError(f"reach_tol must be a positive number, got {reach_tol!r}")
    reach_tol = float(reach_tol)

    xs = cell_centres(*xrange, grid)
    ys = cell_centres(*yrange, grid)
    gx, gy = np.meshgrid(xs, ys)            # [iy, ix], rows along y
    starts = np.column_stack([gx.ravel(), gy.ravel()])

    report = None
    if progress is not None:
        def report(steps, total):
            progress(steps / max(total, 1))

    result = run(function, config, starts, max_steps=max_steps, tol=tol, seed=seed,
                 record=False, cancel=cancel, progress=report)

    final_xy = result.final_xy
    diverged = result.status == Status.DIVERGED
    clustered = len(function.minima) == 0
    if clustered:
        targets, code = cluster_end_points(function, final_xy, ~diverged, reach_tol)
        labels = [_point_label(p, reach_tol) for p in targets]
        is_global = np.zeros(len(targets), dtype=bool)
    else:
        targets = np.array(function.minima, dtype=np.float64)
        is_global = function.global_mask
        index, distance = function.nearest_minimum(final_xy)
        code = np.where(distance <= reach_tol, index, BasinOutcome.NOT_CONVERGED)
        labels = [_point_label(p) for p in targets]
    code[diverged] = BasinOutcome.DIVERGED

    shape = (grid, grid)
    return BasinMap(
        function_name=function.name, optimizer=config.title(), max_steps=result.max_steps,
        tol=result.tol, reach_tol=reach_tol, clustered=clustered, xrange=xrange, yrange=yrange,
        xs=xs, ys=ys, starts=starts, outcome=code.astype(np.int64).reshape(shape),
        steps=result.event_step.astype(np.int64).reshape(shape),
        status=result.status.reshape(shape), final_xy=final_xy.reshape(*shape, 2),
        final_loss=result.final_loss.reshape(shape), targets=targets, labels=labels,
        is_global=is_global)


def cluster_end_points(function: TestFunction, points: np.ndarray, usable: np.ndarray,
                       radius: float) -> tuple[np.ndarray, np.ndarray]:
    """Group end points around the places runs settled, for functions without listed minima.

    Greedy and deterministic: seed a cluster at the densest square bin (side ``radius``) of the
    points not yet taken, move its centre to the mean of the points within ``radius`` a few
    times (mean shift), take those points, repeat. A cluster is kept only when it holds at least
    ``MIN_CLUSTER_SIZE`` points and its centre is a minimum at the scale of ``radius`` (f does
    not drop in any of 8 directions at that distance), so runs that stopped on a slope or stalled
    at a saddle are not mistaken for a basin. At most ``MAX_CLUSTERS`` are kept, ordered by f
    at their centres (lowest first, like the registry's minima; ties by x, then y); the points
    of the others are ``BasinOutcome.NOT_CONVERGED``.

    Parameters
    ----------
    points : ndarray, shape (N, 2)
    usable : ndarray of bool, shape (N,)
        The points to cluster (the runs that did not diverge).
    radius : float

    Returns
    -------
    centres : ndarray, shape (K, 2)
    code : ndarray of int, shape (N,)
        Index of each point's cluster, or ``BasinOutcome.NOT_CONVERGED``.
    """
    code = np.full(len(points), BasinOutcome.NOT_CONVERGED, dtype=np.int64)
    idx = np.flatnonzero(usable & np.isfinite(points).all(axis=1))
    if len(idx) == 0:
        return np.zeros((0, 2)), code
    pts = points[idx]
    lo = pts.min(axis=0)
    # bins of side radius, coarser when the points spread so far that the keys would overflow
    side = max(radius, float((pts.max(axis=0) - lo).max()) / 2**20)
    cells = np.floor((pts - lo) / side).astype(np.int64)
    keys = cells[:, 0] * (int(cells[:, 1].max()) + 1) + cells[:, 1]
    _, bin_of, bin_count = np.unique(keys, return_inverse=True, return_counts=True)
    bin_of = bin_of.ravel()
    free = np.ones(len(pts), dtype=bool)
    centres, members = [], []
    for _ in range(_MAX_CLUSTER_TRIES):
        if len(centres) == MAX_CLUSTERS:
            break
        densest = int(np.argmax(bin_count))
        if bin_count[densest] < MIN_CLUSTER_SIZE:
            break
        in_bin = np.flatnonzero(free & (bin_of == densest))
        mean = pts[in_bin].mean(axis=0)
        centre = pts[in_bin[np.argmin(np.hypot(*(pts[in_bin] - mean).T))]]
        for _ in range(4):
            near = free & (np.hypot(*(pts - centre).T) <= radius)
            if not near.any():
                break
            centre = pts[near].mean(axis=0)
        near = free & (np.hypot(*(pts - centre).T) <= radius)
        taken = near.copy()
        taken[in_bin] = True    # the seed bin is always used up, so the loop moves on
        free &= ~taken
        bin_count -= np.bincount(bin_of[taken], minlength=len(bin_count))
        if np.count_nonzero(near) >= MIN_CLUSTER_SIZE and _is_local_minimum(
                function, centre, radius):
            centres.append(centre)
            members.append(near)
    if not centres:
        return np.zeros((0, 2)), code
    centres = np.array(centres)
    # f to 10 digits, so that equally deep minima come in the order of x, then y
    depth = [float(f"{v:.10g}") for v in function.value(centres)]
    order = np.lexsort((centres[:, 1], centres[:, 0], depth))
    for k, c in enumerate(order):
        code[idx[members[c]]] = k
    return centres[order], code


def _is_local_minimum(function: TestFunction, centre: np.ndarray, radius: float) -> bool:
    """f at ``centre`` is finite and no higher than at 8 points ``radius`` away."""
    f0 = float(function.value(centre))
    around = function.value(centre + radius * _PROBES)
    return math.isfinite(f0) and bool(np.all(around >= f0 - 1e-12 * max(1.0, abs(f0))))


def _point_label(p: np.ndarray, precision: float | None = None) -> str:
    """``(3, 0.5)``; with ``precision``, rounded to about a tenth of it (cluster centres)."""
    x, y = (float(v) for v in p)
    if precision is not None:
        decimals = max(0, 1 - math.floor(math.log10(precision)))
        x, y = round(x, decimals) + 0.0, round(y, decimals) + 0.0   # + 0.0: no "-0"
    return f"({x:.4g}, {y:.4g})"
