"""One unit of a batch: rows stepped together, in place, from the first step to the last.

Internal to :mod:`beale_gui.core.lockstep`, which splits a batch into units and runs them.
A unit keeps its rows' points, f and gradients in two sets of buffers that swap roles each
step; the function writes f and the gradient in place; each configuration's update is an
in-place kernel (:mod:`beale_gui.core.optimizers`) built once, stepping flat views. Nothing is
allocated per step for the common optimizers and functions.

Runs that stop leave the working arrays (an *active set*): at once when they diverge, in a
batch once enough have converged. What a stopped run would have recorded afterwards is filled
in by the batch at the end, by repeating its last recorded step, which is exactly what the
engine promises.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from . import aligned

MAX_STEPS, CONVERGED, DIVERGED = 0, 1, 2
POLL_STEPS = 64               # a unit on the calling thread polls cancel and progress this
                              # often; one on a worker thread looks at its stop flag every step
COMPACT_FRACTION = 8          # converged runs leave once they are 1/8 of the working rows
LR_TABLE_MAX_STEPS = 1_000_000  # a scheduled rate is tabulated up front up to this many steps
SMALL_UNIT = 32               # up to this many runs, a unit checks its values in Python
FINISH_STEPS = 4096           # effective learning rates are computed this many steps at a time


class Outputs:
    """The batch's result arrays, written by every unit (each to its own rows)."""

    def __init__(self, n: int, max_steps: int, record: bool, record_state: bool) -> None:
        self.status = np.zeros(n, dtype=np.int8)
        self.stop = np.full(n, max_steps)
        self.bad_start = np.zeros(n, dtype=bool)     # diverged before any step: at the start
        self.final_xy = np.empty((n, 2))
        self.final_loss = np.empty(n)
        shape = (n, max_steps + 1)
        self.paths = np.empty((*shape, 2)) if record else None
        self.loss = np.empty(shape) if record else None
        self.grads = np.empty((*shape, 2)) if record else None
        self.moment = np.full((*shape, 2), np.nan) if record_state else None
        self.eff = np.full((*shape, 2), np.nan) if record_state else None


def _pairs(flat: np.ndarray, n: int, by_rows: bool) -> np.ndarray:
    """The (n, 2) view of a unit-wide flat array (points or masks) in the unit's layout."""
    return flat.reshape(2, n).T if by_rows else flat.reshape(n, 2)


class Points:
    """A point per working row with f and the gradient there.

    Laid out *by rows* (x and y each contiguous, as the function evaluates them) when the
    unit holds one configuration, or one row per configuration; else *in pairs* ((n, 2), so
    each configuration's rows are one contiguous block). Either way each configuration's
    kernel steps contiguous views (see :meth:`part`): a (2, n) block, on which per-run
    hyperparameters of shape (n,) broadcast, or for a few runs a 1-D view, as numpy's calls on
    small 1-D arrays cost a third of those on (n, 2) views.
    """

    def __init__(self, function, n: int, by_rows: bool, scratch: np.ndarray | None,
                 value: bool = True) -> None:
        self.fg = aligned.empty((3, n))
        if not value:
            self.fg[0] = 0.0               # f is not computed: a finite stand-in
        if by_rows:
            self.xy = aligned.empty((4, n))
            self.w, self.g = self.xy[:2].T, self.fg[1:3].T
            self.w_flat, self.g_flat = self.xy[:2].reshape(-1), self.fg[1:3].reshape(-1)
        else:
            self.xy = scratch
            self.w, self.g = aligned.empty((n, 2)), aligned.empty((n, 2))
            self.w_flat, self.g_flat = self.w.reshape(-1), self.g.reshape(-1)
        self.by_rows = by_rows
        self._evaluate = (function.evaluator(self.xy, self.fg) if value
                          else function.evaluator(self.xy, self.fg, False))

    def evaluate(self) -> None:
        if self.by_rows:
            self._evaluate()
        else:
            self.xy[:2] = self.w.T
            self._evaluate()
            self.g[...] = self.fg[1:3].T

    def part(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """Views of rows lo:hi of the points and gradients, as the part's kernel steps them:
        by rows, all the rows as (2, n) or one row as (2,); in pairs, a flat (2n,) slice."""
        if not self.by_rows:
            return self.w_flat[2 * lo:2 * hi], self.g_flat[2 * lo:2 * hi]
        if hi - lo == 1:
            return self.xy[:2, lo], self.fg[1:3, lo]
        assert (lo, hi) == (0, len(self.fg[0])), "by rows, a part is one row or all of them"
        return self.xy[:2], self.fg[1:3]


class Part:
    """The rows of one configuration inside a unit: its state, step kernel and learning rate.

    Hyperparameters, rates and state are kept per row (``*_rows``, shapes (n, 1) or (n, 2)),
    and flat, laid out like the unit's points, for the kernel. ``local`` holds the positions
    of the working rows within the part's original rows (None while all are there).
    """

    def __init__(self, group, lo: int, hi: int, max_steps: int, out: Outputs) -> None:
        g0 = group.rows.start
        n = hi - lo
        self.group = group
        self.spec = spec = group.spec
        self.noise = group.noise
        self.n_group = group.rows.stop - g0
        self.rows0 = np.arange(lo, hi)
        self.rows = self.rows0
        self.offset = lo - g0                    # first row's position within the group
        self.hp0 = {k: v[lo - g0:hi - g0] if isinstance(v, np.ndarray) else v
                    for k, v in group.hp.items()}
        self.hp_rows = self.hp0
        lr0 = group.lr0
        self.lr0_all = lr0[lo - g0:hi - g0] if isinstance(lr0, np.ndarray) else lr0
        self.lr0_rows = self.lr0_all
        self.constant_lr = group.constant_schedule
        self.lr_table = None
        if (not self.constant_lr and not isinstance(lr0, np.ndarray)
                and max_steps <= LR_TABLE_MAX_STEPS):
            # schedules are vectorised: a table gives each step's rate bit for bit
            self.lr_table = np.asarray(group.schedule(np.arange(max(max_steps, 1)), lr0),
                                       dtype=np.float64)
        self.state_rows = spec.init(n, self.hp0)
        self.widths = {k: v.shape[1] for k, v in self.state_rows.items()}
        self.local = None
        self.n_active = n
        # State recorded at every step, (T+1, n, width) each: the moment straight into the
        # result, and what the effective learning rate is computed from at the end, the first
        # such entry in the result's array for it (overwritten by the rates then). An entry
        # the rate reads one step back keeps its own array, its step 0 the initial state.
        self.stacks = {}
        if out.moment is not None:
            if spec.moment:
                self.stacks[spec.moment] = out.moment[lo:hi].transpose(1, 0, 2)
                self.stacks[spec.moment][0] = 0.0
            spare = out.eff[lo:hi].transpose(1, 0, 2)
            previous = spec.effective_lr_previous
            for k in spec.effective_lr_state if spec.effective_lr is not None else ():
                if k in self.stacks:
                    continue
                if self.widths[k] == 2 and spare is not None and k not in previous:
                    self.stacks[k], spare = spare, None
                else:
                    self.stacks[k] = np.empty((max_steps + 1, n, self.widths[k]))
                    if k in previous:
                        self.stacks[k][0] = self.state_rows[k]

    def setup(self, by_rows: bool, lo: int, hi: int) -> None:
        """Take rows lo:hi of a unit laid out ``by_rows``; state and scratch to match."""
        n = hi - lo
        self.by_rows, self.lo, self.hi = by_rows, lo, hi
        self.shape = ((2, n) if n > 1 else (2,)) if by_rows else (2 * n,)
        self.hp = {k: self._laid_out(v) if isinstance(v, np.ndarray) else v
                   for k, v in self.hp_rows.items()}
        self.lr0 = (self._laid_out(self.lr0_rows) if isinstance(self.lr0_rows, np.ndarray)
                    else self.lr0_rows)
        self.state = {k: self._laid_out(v) for k, v in self.state_rows.items()}
        self.step = self.spec.kernel(self.hp)
        self.tmp = [aligned.empty(self.shape) for _ in range(self.spec.n_tmp)]
        self.recorded = [(stack, self._rows(self.state[k], self.widths[k]))
                         for k, stack in self.stacks.items()]

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

    def advance(self, new: Points, cur: Points, job) -> Callable[[int, int], None]:
        """``advance(s, t)``: step ``s`` of the part's rows, from ``cur`` into ``new``."""
        step, state, tmp = self.step, self.state, self.tmp
        w, g = cur.part(self.lo, self.hi)
        out, _ = new.part(self.lo, self.hi)
        recorded, lr_at = self.recorded, self.lr_at
        if self.noise is not None:
            w_cur, g_cur = cur.w[self.lo:self.hi], cur.g[self.lo:self.hi]
            laid_out = self._laid_out

            def advance_noisy(s: int, t: int) -> None:
                g_noisy = _stochastic_grad(job.function, self, w_cur, g_cur, job.rng,
                                           job.no_terms_noise)
                step(w, laid_out(g_noisy), state, lr_at(s), t, tmp, out)
                self.record(t)

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

    def keep(self, mask: np.ndarray) -> None:
        """Keep only the working rows where ``mask`` is True (then :meth:`setup` again)."""
        self.rows = self.rows[mask]
        self.local = np.flatnonzero(mask) if self.local is None else self.local[mask]
        self.hp_rows = {k: v[mask] if isinstance(v, np.ndarray) else v
                        for k, v in self.hp_rows.items()}
        if isinstance(self.lr0_rows, np.ndarray):
            self.lr0_rows = self.lr0_rows[mask]
        self.state_rows = {k: self._rows(v, self.widths[k])[mask] for k, v in self.state.items()}
        self.n_active = len(self.rows)

    def record(self, t: int) -> None:
        if self.local is None:
            for stack, rows in self.recorded:
                stack[t] = rows
        else:
            for stack, rows in self.recorded:
                stack[t, self.local] = rows

    def finish(self, out: Outputs, steps: int) -> None:
        """The effective learning rate of every recorded step, from the recorded state, a
        block of steps at a time (each block's rates are computed before they are written,
        over the state they come from; an entry read one step back is never that state)."""
        spec = self.spec
        if not self.stacks or spec.effective_lr is None:
            return
        rows = slice(int(self.rows0[0]), int(self.rows0[-1]) + 1)
        for a in range(1, steps + 1, FINISH_STEPS):
            b = min(a + FINISH_STEPS, steps + 1)
            t = np.arange(a, b)[:, None, None]
            state = {k: self.stacks[k][a - 1:b - 1] if k in spec.effective_lr_previous
                     else self.stacks[k][a:b] for k in spec.effective_lr_state}
            lr = self.group.schedule(t - 1, self.lr0_all)      # the rate of each update
            eff = spec.effective_lr(state, self.hp0, lr, t)
            out.eff[rows, a:b] = np.broadcast_to(eff, (b - a, len(self.rows0), 2)).transpose(
                1, 0, 2)


def _stochastic_grad(function, part: Part, w, g, rng, no_terms_noise: float):
    """Unbiased mini-batch gradient plus noise for the part's working rows, shape (n, 2).

    Draws are made for every row of the configuration, as if none had stopped, so a run's
    draws do not depend on the others; the working rows take theirs.
    """
    noise = part.noise
    where = None
    if part.local is not None or part.n_group != len(part.rows0):
        where = part.offset + (np.arange(len(part.rows0)) if part.local is None else part.local)
    k = function.n_terms
    if k:
        b = min(noise.batch_size, k)
        if b < k:
            tg = function.term_grads(w)                          # (n, K, 2)
            keys = rng.random((part.n_group, k))
            if where is not None:
                keys = keys[where]
            chosen = keys <= np.sort(keys, axis=1)[:, b - 1:b]   # b random terms per run
            g = (k / b) * np.einsum("nk,nkd->nd", chosen, tg)
        scale = noise.noise
    else:
        scale = noise.noise or no_terms_noise
    if scale:
        z = rng.standard_normal((part.n_group, 2))
        g = g + scale * (z if where is None else z[where])
    return g


class Unit:
    """Rows of the batch stepped together from start to finish."""

    def __init__(self, job, parts: list[Part]) -> None:
        self.job = job
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
        fn = job.function
        self.value = (job.tol > 0 or job.out.paths is not None
                      or fn.value_finite_within < job.bound)
        # and f and the gradient are finite, the gradient inside its bound, wherever the
        # points are inside theirs
        self.finite_inside = fn.value_finite_within >= job.bound

    # -- working arrays ---------------------------------------------------------------------
    def _buffers(self, n: int) -> tuple[Points, Points]:
        scratch = None if self.by_rows else aligned.empty((4, n))
        fn, value = self.job.function, self.value
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
        self.where = _where(idx)
        a, b = self.points
        self.advances = {id(a): [p.advance(a, b, self.job) for p in self.parts],
                         id(b): [p.advance(b, a, self.job) for p in self.parts]}
        self.running = {k: list(v) for k, v in self.advances.items()}
        self.active = np.ones(n, dtype=bool)
        self.zombies = 0
        self.live = n

    def _healthy(self, pts: Points) -> np.ndarray | None:
        """None when every run is healthy; otherwise the mask of runs whose point, f and
        gradient are finite, the point inside the bound and the gradient inside its own.

        The common case is settled by the sum of f (not finite when any term is NaN or
        infinite, or, rarely, when finite terms overflow: then the exact test decides) and
        the largest and smallest component of the gradients, both not needed where the
        function promises them inside the bounds, and the largest and smallest coordinate (a
        NaN makes the comparisons false); for a few runs Python does that on the values
        faster than numpy's calls.
        """
        bound, grad_bound = self.job.bound, self.job.grad_bound
        grads = pts.fg[1:3].reshape(-1)
        if len(self.idx) <= SMALL_UNIT:
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
        inside = _pairs(np.less_equal(np.abs(pts.w_flat, self.abs2), bound, self.b2),
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
        job, out = self.job, self.job.out
        n = self.n0
        self.points = self._buffers(n)
        self._allocate(n)
        cur, new = self.points
        cur.w[...] = job.starts[self.idx]
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
        tol, poll = job.tol, job.poll
        mask = 0 if job.parallel else POLL_STEPS - 1
        for s in range(job.max_steps):
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
            # each stepped part writes its rows of the new points; the rows of a part with
            # no run left keep stale (finite) values nobody reads
            for advance in running[id(new)]:
                advance(s, t)
            new.evaluate()
            ok = self._healthy(new)
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
                              or self.zombies * COMPACT_FRACTION >= len(self.idx)):
                self._compact(self.active.copy())
                cur, new = self.points
                running = self.running
        self.steps_done = steps_done
        self.steps = job.max_steps
        live = self.active
        if len(self.idx) and live.any():
            rows = self.idx[live]
            out.final_xy[rows] = cur.w[live]
            out.final_loss[rows] = cur.fg[0, live]
        if not self.value:
            rows = np.concatenate([p.rows0 for p in self.all_parts])
            out.final_loss[rows] = _values_at(job.function, out.final_xy[rows])

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
        out = self.job.out
        if out.paths is None:
            return
        where = self.where
        out.paths[where, t] = pts.w
        out.loss[where, t] = pts.fg[0]
        out.grads[where, t] = pts.g


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
