"""The probing path: optimizers that evaluate the function themselves.

Newton's method reads the Hessian at its point; L-BFGS and nonlinear conjugate gradients try
points along a direction (a line search) before they take one. Their update is not a formula of
the gradient alone, so it is not a kernel of :mod:`.batch` or :mod:`.few_runs`: each such
optimizer has one numpy kernel, its *probe* (:class:`~beale_gui.core.optimizers.OptimizerSpec`),
which is given the function and steps the running rows of its configuration as (n, 2) arrays.
Its rows are one :class:`Probes` block whatever the batch's size or path, so a run gives the same
bits in the window, a search and a basin map.

The stop rules are the engine's (:mod:`.run`): the seed's rule on ``|delta f|`` compares f before
the update with f one step back, a run diverges when its new point, f or gradient is not finite
or leaves the bounds and keeps its last finite point. A line search's trial points are not
steps: one update is one step, and :attr:`Outputs.evals` counts the function evaluations (f and
the gradient at once) each run has made, the start's included.
"""

from __future__ import annotations

import numpy as np

from .result import CONVERGED, DIVERGED, MAX_STEPS
from .rows import Group, Part, PartsBlock
from .settings import POLL_STEPS


def is_probing(group: Group) -> bool:
    return group.spec.probe is not None


class Probes(PartsBlock):
    """The rows of probing configurations, stepped together from the first step to the last."""

    path = "probes"

    def _healthy(self, w: np.ndarray, f: np.ndarray, g: np.ndarray) -> np.ndarray:
        bound, grad_bound = self.settings.bound, self.settings.grad_bound
        return (np.isfinite(f) & np.all(np.abs(w) <= bound, axis=1)
                & np.all(np.abs(g) <= grad_bound, axis=1))

    def _run(self) -> None:
        settings, out = self.settings, self.dispatch.out
        fn, idx, n = settings.function, self.idx, self.n0
        w = settings.starts[idx].astype(np.float64, copy=True)
        f, g = fn.value_and_grad(w)
        evals = np.ones(n, dtype=np.int64)
        steps = [p.spec.probe(fn) for p in self.all_parts]
        record = out.paths is not None
        if record:
            self._record(0, w, f, g, evals)
        active = self._healthy(w, f, g)
        for i in np.flatnonzero(~active):
            self._stop(i, DIVERGED, 0, w[i], f[i], evals[i])
            out.bad_start[idx[i]] = True
        prev = np.zeros(n)                       # the seed's pre_z = 0.0
        tol, poll = settings.tol, self.dispatch.poll
        mask = 0 if self.dispatch.parallel else POLL_STEPS - 1
        steps_done = 0
        lo_of = np.cumsum([0] + [len(p.rows0) for p in self.all_parts])
        for s in range(settings.max_steps):
            if not active.any():
                break
            if s and not s & mask:
                poll(self, s)
            t = s + 1
            # the seed's stop rule compares f here with f one step back, before the update
            conv = active & (np.abs(prev - f) < tol) if tol > 0 else None
            w_new = w.copy()
            for p, step, lo, hi in zip(self.all_parts, steps, lo_of[:-1], lo_of[1:],
                                       strict=True):
                live = active[lo:hi]
                if not live.any():
                    continue
                rows = np.flatnonzero(live) + lo
                everyone = len(rows) == hi - lo
                state = p.state_rows if everyone else p.state_rows._make(
                    v[live] for v in p.state_rows)
                hp = p.hp0 if everyone else {
                    k: v[live] if isinstance(v, np.ndarray) else v for k, v in p.hp0.items()}
                lr = _rate(p, s)
                if isinstance(lr, np.ndarray) and not everyone:
                    lr = lr[live]
                moved, made = step(w[rows], f[rows], g[rows], state, hp, lr, t)
                if not everyone:
                    for v, new in zip(p.state_rows, state, strict=True):
                        v[live] = new
                w_new[rows] = moved
                evals[rows] += made
                for entry, stack in p.stacks.items():
                    stack[t] = getattr(p.state_rows, entry)
            if active.all():
                f_new, g_new = fn.value_and_grad(w_new)
            else:
                f_new, g_new = f.copy(), g.copy()
                f_new[active], g_new[active] = fn.value_and_grad(w_new[active])
            diverged = active & ~self._healthy(w_new, f_new, g_new)
            if diverged.any():
                for i in np.flatnonzero(diverged):
                    self._stop(i, DIVERGED, s, w[i], f[i], evals[i])
                # the last finite point stays, as it is recorded from here on
                w_new[diverged], f_new[diverged], g_new[diverged] = (
                    w[diverged], f[diverged], g[diverged])
                if conv is not None:
                    conv &= ~diverged
            if record:
                self._record(t, w_new, f_new, g_new, evals)
            if conv is not None and conv.any():
                for i in np.flatnonzero(conv):
                    self._stop(i, CONVERGED, t, w_new[i], f_new[i], evals[i])
                active &= ~conv
            active &= ~diverged
            prev, w, f, g = f, w_new, f_new, g_new
            steps_done = self.steps = t
        self.steps_done = steps_done
        self.steps = settings.max_steps
        for i in np.flatnonzero(active):
            self._stop(i, MAX_STEPS, settings.max_steps, w[i], f[i], evals[i])

    def _record(self, t: int, w: np.ndarray, f: np.ndarray, g: np.ndarray,
                evals: np.ndarray) -> None:
        out, idx = self.dispatch.out, self.idx
        out.paths[idx, t] = w
        out.loss[idx, t] = f
        out.grads[idx, t] = g
        out.evals[idx, t] = evals

    def _stop(self, i: int, status: int, step: int, w: np.ndarray, f: float,
              evals: int) -> None:
        out, row = self.dispatch.out, self.idx[i]
        out.status[row], out.stop[row] = status, step
        out.final_xy[row], out.final_loss[row] = w, f
        out.final_evals[row] = evals


def _rate(part: Part, s: int):
    """The learning rate of step ``s``: a float, or (n, 1) per-run rates."""
    return part.lr0_all if part.constant_lr else part.group.rates_at(s, part.lr0_all)
