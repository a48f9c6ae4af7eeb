"""The batch path: a block of rows stepped together, in place, from the first step to the last.

:mod:`.dispatch` cuts a batch into blocks and runs them. A block keeps its rows' points, f and
gradients in two sets of buffers (:class:`~.layout.Points`) that swap roles each step; the
function writes f and the gradient in place; each configuration's update is an in-place
batch kernel (:mod:`beale_gui.core.optimizers`) built once, stepping flat views. Nothing is
allocated per step for the common optimizers and functions.

Runs that stop leave the working arrays (an *active set*): at once when they diverge, in a
batch once enough have converged. What a stopped run would have recorded afterwards is filled
in by the dispatcher at the end, by repeating its last recorded step, which is exactly what the
engine promises.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .. import aligned
from ..optimizers import batch_step
from ..optimizers.plugins import StepFailure
from .layout import Points, pairs
from .result import CONVERGED, DIVERGED
from .rows import Group, Outputs, Part
from .settings import POLL_STEPS
from .stochastic import sampled_grad, stochastic_grad

SMALL_BLOCK = 32              # up to this many runs, a block checks its values in Python


class BatchPart(Part):
    """A :class:`~.rows.Part` laid out in a numpy block: its step kernel, and its
    hyperparameters, rates and state kept per row (``*_rows``, shapes (n, 1) or (n, 2)) and
    flat, laid out like the block's points, for the kernel. ``local`` holds the positions of
    the working rows within the part's original rows (None while all are there).
    """

    def __init__(self, group: Group, lo: int, hi: int, max_steps: int, out: Outputs) -> None:
        super().__init__(group, lo, hi, max_steps, out)
        self.n_group = group.rows.stop - group.rows.start
        self.offset = lo - group.rows.start      # first row's position within the group
        self.rows = self.rows0
        self.hp_rows = self.hp0
        self.lr0_rows = self.lr0_all
        self.local = None
        self.n_active = hi - lo
        self.failures = out.failures

    def setup(self, by_rows: bool, lo: int, hi: int) -> None:
        """Take rows lo:hi of a block laid out ``by_rows``; state and scratch to match."""
        n = hi - lo
        self.by_rows, self.lo, self.hi = by_rows, lo, hi
        self.shape = ((2, n) if n > 1 else (2,)) if by_rows else (2 * n,)
        self.hp = {k: self._laid_out(v) if isinstance(v, np.ndarray) else v
                   for k, v in self.hp_rows.items()}
        self.lr0 = (self._laid_out(self.lr0_rows) if isinstance(self.lr0_rows, np.ndarray)
                    else self.lr0_rows)
        self.state = self.state_rows._make(self._laid_out(v) for v in self.state_rows)
        self.step, n_tmp = batch_step(self.spec.name, self.hp)
        if self.spec.numpy_only:
            self.step = self._guarded(self.step)
        self.tmp = [aligned.empty(self.shape) for _ in range(n_tmp)]
        self.recorded = [(stack, self._rows(getattr(self.state, k), self.widths[k]))
                         for k, stack in self.stacks.items()]

    def _guarded(self, step):
        """``step`` (a plug-in's) whose failure fails its runs, not the batch: where it
        raised or returned the wrong thing the new points are NaN, so those runs diverge at
        this step, and the reason is kept for each (``Outputs.failures``)."""
        failures = self.failures

        def guarded(w, g, state, lr, t, tmp, out):
            try:
                step(w, g, state, lr, t, tmp, out)
            except StepFailure as exc:
                if exc.rows is None:
                    out[...] = np.nan
                rows = self.rows if exc.rows is None else self.rows[exc.rows]
                for r in rows.tolist():
                    failures.setdefault(int(r), str(exc))

        return guarded

    def _laid_out(self, values: np.ndarray) -> np.ndarray:
        """Per-run values of shape (n, 2) (state) or (n, 1) (state, hyperparameters, rates)
        as the kernel takes them: by rows (2, n) and (n,), which broadcast; in pairs both
        flat (2n,), x0 y0 x1 y1 ..., a per-run value repeated."""
        n = self.hi - self.lo
        if not self.by_rows:
            return aligned.array(np.broadcast_to(values, (n, 2))).reshape(-1)
        if values.shape[1] == 1:
            return aligned.array(values[:, 0])
        return aligned.array(values.T).reshape(self.shape)

    def _rows(self, laid_out: np.ndarray, width: int) -> np.ndarray:
        """The (n, width) view of an array made by :meth:`_laid_out`."""
        n = self.hi - self.lo
        if not self.by_rows:
            return laid_out.reshape(n, 2)[:, :width]
        return laid_out.reshape(n, 1) if width == 1 else laid_out.reshape(2, n).T

    def lr_at(self, s: int):
        """The learning rate of step ``s`` (a float, or flat per-run rates)."""
        if self.constant_lr:
            return self.lr0
        if self.lr_table is not None:
            return self.lr_table[s]
        return self.group.schedule(s, self.lr0)

    def advance(self, new: Points, cur: Points, settings,
                value: bool = True) -> Callable[[int, int], None]:
        """``advance(s, t)``: step ``s`` of the part's rows, from ``cur`` into ``new``
        (``value``: the block computes f at every point)."""
        step, state, tmp = self.step, self.state, self.tmp
        w, g = cur.part(self.lo, self.hi)
        out, _ = new.part(self.lo, self.hi)
        recorded, lr_at = self.recorded, self.lr_at
        if self.noise is not None:
            w_cur, g_cur = cur.w[self.lo:self.hi], cur.g[self.lo:self.hi]
            laid_out = self._laid_out
            fn, noise, n_group, rng = settings.function, self.noise, self.n_group, settings.rng
            no_terms_noise = settings.no_terms_noise

            where = None                         # positions of the working rows in the group
            if self.local is not None or self.n_group != len(self.rows0):
                where = self.offset + (np.arange(len(self.rows0)) if self.local is None
                                       else self.local)

            used = self.used
            if settings.samples is not None:
                return self._advance_sampled(new, cur, settings, value, where)

            def advance_noisy(s: int, t: int) -> None:
                g_noisy = stochastic_grad(fn, noise, w_cur, g_cur, rng, n_group, where,
                                          no_terms_noise)
                step(w, laid_out(g_noisy), state, lr_at(s), t, tmp, out)
                self.record(t)
                if used is not None:
                    if self.local is None:
                        used[s] = g_noisy
                    else:
                        used[s, self.local] = g_noisy

            return advance_noisy
        if self.local is not None or not self.constant_lr:
            def advance(s: int, t: int) -> None:
                step(w, g, state, lr_at(s), t, tmp, out)
                self.record(t)

            return advance
        lr = self.lr0
        if not recorded:
            return lambda s, t: step(w, g, state, lr, t, tmp, out)

        def advance_plain(s: int, t: int) -> None:      # the common case, kept lean
            step(w, g, state, lr, t, tmp, out)
            for stack, rows in recorded:
                stack[t] = rows

        return advance_plain

    def _advance_sampled(self, new: Points, cur: Points, settings, value: bool,
                         where: np.ndarray | None) -> Callable[[int, int], None]:
        """``advance(s, t)`` of a stochastic part on a model on data: the gradient of update
        ``s`` over its mini-batch of samples (:func:`.stochastic.sampled_grad`), and that
        mini-batch's loss recorded with the used gradient."""
        step, state, tmp, lr_at = self.step, self.state, self.tmp, self.lr_at
        lo, hi = self.lo, self.hi
        w, _ = cur.part(lo, hi)
        out, _ = new.part(lo, hi)
        w_cur, g_cur = cur.w[lo:hi], cur.g[lo:hi]
        f_cur = cur.fg[0, lo:hi] if value else None
        laid_out, record = self._laid_out, self.record
        fn, noise, order, rng = settings.function, self.noise, settings.samples, settings.rng
        n_group, used, batch_loss = self.n_group, self.used, self.batch_loss
        need_loss = batch_loss is not None

        def advance_sampled(s: int, t: int) -> None:
            g_batch, loss = sampled_grad(fn, order, noise, s, w_cur, f_cur, g_cur, rng,
                                         n_group, where, need_loss)
            step(w, laid_out(g_batch), state, lr_at(s), t, tmp, out)
            record(t)
            if used is not None:
                rows = slice(None) if self.local is None else self.local
                used[s, rows] = g_batch
                if batch_loss is not None:
                    batch_loss[s, rows] = loss

        return advance_sampled

    def keep(self, mask: np.ndarray) -> None:
        """Keep only the working rows where ``mask`` is True (then :meth:`setup` again)."""
        self.rows = self.rows[mask]
        self.local = np.flatnonzero(mask) if self.local is None else self.local[mask]
        self.hp_rows = {k: v[mask] if isinstance(v, np.ndarray) else v
                        for k, v in self.hp_rows.items()}
        if isinstance(self.lr0_rows, np.ndarray):
            self.lr0_rows = self.lr0_rows[mask]
        self.state_rows = self.state._make(self._rows(v, w)[mask]
                                           for v, w in zip(self.state, self.widths.values(),
                                                           strict=True))
        self.n_active = len(self.rows)

    def record(self, t: int) -> None:
        if self.local is None:
            for stack, rows in self.recorded:
                stack[t] = rows
        else:
            for stack, rows in self.recorded:
                stack[t, self.local] = rows


class Block:
    """Rows of the batch stepped together in numpy arrays from start to finish.

    ``dispatch`` is the :class:`~.dispatch.Dispatch` running it: its ``settings``, its
    ``out`` (the result arrays), ``poll`` and ``parallel``.
    """

    path = "batch"

    def __init__(self, dispatch, parts: list[BatchPart]) -> None:
        self.dispatch = dispatch
        self.settings = settings = dispatch.settings
        self.parts = parts
        self.all_parts = list(parts)
        # by rows when every part's rows are a flat view that way: one part, or one row each
        self.by_rows = len(parts) == 1 or all(len(p.rows0) == 1 for p in parts)
        self.n0 = sum(len(p.rows0) for p in parts)
        self.steps = 0
        self.steps_done = 0
        # f every step only where something reads it: the stop rule, the record, or the
        # divergence check of a function whose f could overflow inside the bound; else once,
        # at the final points
        fn = settings.function
        self.value = (settings.tol > 0 or settings.record
                      or fn.value_finite_within < settings.bound)
        # and f and the gradient are finite, the gradient inside its bound, wherever the
        # points are inside theirs
        self.finite_inside = fn.value_finite_within >= settings.bound
        # A block whose every run takes a model's mini-batch gradients, records no point and
        # has no stop rule reads neither f nor the gradient at its points, and, where they
        # are finite inside the bound, needs them not to see a run diverge: it evaluates the
        # function (the full data, n samples a point) at the start and f at the end only.
        order = settings.samples
        self.sampled_only = (order is not None and not self.value and self.finite_inside
                             and all(p.noise is not None and p.noise.batch_size < order.n
                                     for p in parts))

    # -- working arrays ---------------------------------------------------------------------
    def _buffers(self, n: int) -> tuple[Points, Points]:
        scratch = None if self.by_rows else aligned.empty((4, n))
        fn, value = self.settings.function, self.value
        return (Points(fn, n, self.by_rows, scratch, value),
                Points(fn, n, self.by_rows, scratch, value))

    def _allocate(self, n: int) -> None:
        """Scratch for ``n`` working rows; parts placed; steps for both sets of points."""
        self.d = aligned.empty(n)
        self.conv = aligned.empty(n, dtype=bool)
        self.bad = aligned.empty(n, dtype=bool)
        self.ok = aligned.empty(n, dtype=bool)
        self.b3 = aligned.empty((3, n), dtype=bool)
        self.b2 = aligned.empty(2 * n, dtype=bool)
        self.abs2 = aligned.empty(2 * n)
        lo = 0
        for p in self.parts:
            p.setup(self.by_rows, lo, lo + len(p.rows))
            lo += len(p.rows)
        idx = np.concatenate([p.rows for p in self.parts]) if self.parts else np.zeros(0, int)
        self.idx = idx
        # the working rows of optimizers that pause (Rprop), or None
        self.pausing = (np.concatenate([np.full(len(p.rows), p.spec.pauses) for p in self.parts])
                        if any(p.spec.pauses for p in self.parts) else None)
        self.where = _where(idx)
        a, b = self.points
        self.advances = {id(a): [p.advance(a, b, self.settings, self.value) for p in self.parts],
                         id(b): [p.advance(b, a, self.settings, self.value) for p in self.parts]}
        self.running = {k: list(v) for k, v in self.advances.items()}
        self.active = np.ones(n, dtype=bool)
        self.zombies = 0
        self.live = n

    def _healthy(self, pts: Points, evaluated: bool = True) -> np.ndarray | None:
        """None when every run is healthy; otherwise the mask of runs whose point, f and
        gradient are finite, the point inside the bound and the gradient inside its own
        (the point only, where the function was not ``evaluated`` there: then it promises f
        and the gradient inside the bounds).

        The common case is settled by the sum of f (not finite when any term is NaN or
        infinite, or, rarely, when finite terms overflow: then the exact test decides) and
        the largest and smallest component of the gradients, both not needed where the
        function promises them inside the bounds, and the largest and smallest coordinate (a
        NaN makes the comparisons false); for a few runs Python does that on the values
        faster than numpy's calls.
        """
        bound, grad_bound = self.settings.bound, self.settings.grad_bound
        grads = pts.fg[1:3].reshape(-1)
        if not evaluated:
            inside = pairs(np.less_equal(np.abs(pts.w_flat, self.abs2), bound, self.b2),
                           len(self.ok), self.by_rows)
            if inside.all():
                return None
            return np.logical_and(inside[:, 0], inside[:, 1], self.ok)
        if len(self.idx) <= SMALL_BLOCK:
            if (math.isfinite(sum(pts.fg[0].tolist()))
                    and all(-grad_bound <= v <= grad_bound for v in grads.tolist())
                    and all(-bound <= v <= bound for v in pts.w_flat.tolist())):
                return None
        elif (np.maximum.reduce(pts.w_flat) <= bound
              and np.minimum.reduce(pts.w_flat) >= -bound
              and (self.finite_inside
                   or (math.isfinite(float(np.add.reduce(pts.fg[0])))
                       and np.maximum.reduce(grads) <= grad_bound
                       and np.minimum.reduce(grads) >= -grad_bound))):
            return None
        n = len(self.ok)
        ok = np.logical_and.reduce(np.isfinite(pts.fg, self.b3), axis=0, out=self.ok)
        steep = np.less_equal(np.abs(grads, self.abs2), grad_bound, self.b2)
        ok &= steep[:n]
        ok &= steep[n:]
        inside = pairs(np.less_equal(np.abs(pts.w_flat, self.abs2), bound, self.b2),
                        n, self.by_rows)
        ok &= inside[:, 0]
        ok &= inside[:, 1]
        return ok

    def _compact(self, keep: np.ndarray) -> None:
        """Drop the working rows where ``keep`` is False."""
        n = int(np.count_nonzero(keep))
        old = self.points
        new = self._buffers(n)
        for src, dst in zip(old, new, strict=True):
            dst.w[...] = src.w[keep]
            dst.fg[...] = src.fg[:, keep]
            if not dst.by_rows:
                dst.g[...] = src.g[keep]
        parts = []
        for p in self.parts:
            mask = keep[p.lo:p.hi]
            if mask.any():
                p.keep(mask)
                parts.append(p)
        self.parts = parts
        self.points = new
        self._allocate(n)

    # -- the loop ---------------------------------------------------------------------------
    def run(self) -> None:
        with np.errstate(all="ignore"):
            self._run()

    def _run(self) -> None:
        settings, out = self.settings, self.dispatch.out
        n = self.n0
        self.points = self._buffers(n)
        self._allocate(n)
        cur, new = self.points
        cur.w[...] = settings.starts[self.idx]
        cur.evaluate()
        self._record(0, cur)
        ok = self._healthy(cur)
        if ok is not None and not ok.all():
            bad = ~ok
            rows = self.idx[bad]
            out.status[rows] = DIVERGED
            out.stop[rows] = 0
            out.bad_start[rows] = True
            out.final_xy[rows] = cur.w[bad]
            out.final_loss[rows] = cur.fg[0, bad]
            self._compact(ok.copy())
            cur, new = self.points
        new.fg[0] = 0.0                          # the seed's pre_z = 0.0
        running = self.running
        steps_done = 0
        tol, poll = settings.tol, self.dispatch.poll
        mask = 0 if self.dispatch.parallel else POLL_STEPS - 1
        compact_fraction = settings.tuning.compact_fraction
        for s in range(settings.max_steps):
            if not self.live:
                break
            if s and not s & mask:
                poll(self, s)
            t = s + 1
            # the seed's stop rule compares f here with f one step back, before the update
            conv = None
            if tol > 0:
                d = np.abs(np.subtract(new.fg[0], cur.fg[0], self.d), self.d)
                if np.fmin.reduce(d) < tol:
                    conv = np.less(d, tol, self.conv)
                    if self.zombies:
                        conv &= self.active
                    if self.pausing is not None and s:
                        conv &= ~_paused(self.pausing, cur, new)
            # each stepped part writes its rows of the new points; the rows of a part with
            # no run left keep stale (finite) values nobody reads
            for advance in running[id(new)]:
                advance(s, t)
            if not self.sampled_only:
                new.evaluate()
            ok = self._healthy(new, not self.sampled_only)
            diverged = None
            if ok is not None:
                diverged = np.logical_not(ok, self.bad)
                if self.zombies:
                    diverged &= self.active
                if not diverged.any():
                    diverged = None
            if conv is not None and diverged is not None:
                conv &= ~diverged
            if conv is not None and not conv.any():
                conv = None
            self._record(t, new)
            if diverged is not None:
                rows = self.idx[diverged]
                out.status[rows] = DIVERGED
                out.stop[rows] = s
                out.final_xy[rows] = cur.w[diverged]         # the last finite point
                out.final_loss[rows] = cur.fg[0, diverged]
                self._retire(diverged)
            if conv is not None:
                rows = self.idx[conv]
                out.status[rows] = CONVERGED
                out.stop[rows] = t
                out.final_xy[rows] = new.w[conv]
                out.final_loss[rows] = new.fg[0, conv]
                self._retire(conv)
                self.zombies += int(np.count_nonzero(conv))
            self.points = cur, new = new, cur
            running = self.running
            steps_done = self.steps = t
            if self.live and (diverged is not None
                              or self.zombies * compact_fraction >= len(self.idx)):
                self._compact(self.active.copy())
                cur, new = self.points
                running = self.running
        self.steps_done = steps_done
        self.steps = settings.max_steps
        live = self.active
        if len(self.idx) and live.any():
            rows = self.idx[live]
            out.final_xy[rows] = cur.w[live]
            out.final_loss[rows] = cur.fg[0, live]
        if not self.value:
            rows = np.concatenate([p.rows0 for p in self.all_parts])
            out.final_loss[rows] = _values_at(settings.function, out.final_xy[rows])

    def _retire(self, mask: np.ndarray) -> None:
        """Runs in ``mask`` have stopped; a part with none left running is not stepped."""
        self.active &= ~mask
        self.live = 0
        for p in self.parts:
            if p.n_active:
                p.n_active = int(np.count_nonzero(self.active[p.lo:p.hi]))
                self.live += p.n_active
        self.running = {k: [a for a, p in zip(v, self.parts, strict=True) if p.n_active]
                        for k, v in self.advances.items()}

    def _record(self, t: int, pts: Points) -> None:
        out = self.dispatch.out
        if out.paths is None:
            return
        where = self.where
        out.paths[where, t] = pts.w
        out.loss[where, t] = pts.fg[0]
        out.grads[where, t] = pts.g


def _paused(pausing: np.ndarray, cur: Points, prev: Points) -> np.ndarray:
    """Rows of optimizers that pause whose last update left the point exactly where it was
    while the gradient there (``prev``'s) was not zero."""
    same = np.all(cur.w == prev.w, axis=1)
    return pausing & same & np.any(prev.g != 0.0, axis=1)


def _values_at(function, points: np.ndarray) -> np.ndarray:
    """f at ``points`` (n, 2) by the function's evaluator: the numbers a step computes."""
    xy, fg = np.empty((4, len(points))), np.empty((3, len(points)))
    xy[:2] = points.T
    function.evaluator(xy, fg)()
    return fg[0]


def _where(rows: np.ndarray):
    """A slice for increasing consecutive row numbers (cheaper to index with), else them."""
    if len(rows) and rows[-1] - rows[0] + 1 == len(rows):
        return slice(int(rows[0]), int(rows[-1]) + 1)
    return rows
