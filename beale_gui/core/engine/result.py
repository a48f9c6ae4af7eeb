"""What a run gives back: its :class:`RunResult`, each run's :class:`Status`, and
:class:`Cancelled`, raised when the caller asks the run to stop."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

import numpy as np

from ..functions import TestFunction
from ..i18n import QT_TRANSLATE_NOOP, translate
from .settings import OptimizerConfig


class Status(IntEnum):
    """How a run ended, as ``RunResult.status`` holds it (int8)."""

    MAX_STEPS = 0       # ran every step it was given
    CONVERGED = 1       # the stop rule on |delta f| stopped it
    DIVERGED = 2        # its point, f or gradient stopped being finite or left the bounds


MAX_STEPS, CONVERGED, DIVERGED = Status.MAX_STEPS, Status.CONVERGED, Status.DIVERGED
# English in data files; the window shows translate("RunResult", STATUS_NAMES[s])
STATUS_NAMES = {MAX_STEPS: QT_TRANSLATE_NOOP("RunResult", "max steps"),
                CONVERGED: QT_TRANSLATE_NOOP("RunResult", "converged"),
                DIVERGED: QT_TRANSLATE_NOOP("RunResult", "diverged")}
# A converged run settled in a listed minimum when it ended within this fraction of the larger
# side of the function's view from it.
SETTLED_FRACTION = 1e-2


def ended_text(status: int, step: int, max_steps: int) -> str:
    """``converged at step 516``, ``diverged at step 12`` or ``stopped at max steps (1000)``,
    in the interface language."""
    if status == MAX_STEPS:
        return translate("RunResult", "stopped at max steps ({0})").format(max_steps)
    if status == CONVERGED:
        return translate("RunResult", "converged at step {0}").format(step)
    return translate("RunResult", "diverged at step {0}").format(step)


class Cancelled(Exception):
    """Raised by :func:`beale_gui.core.engine.run` when its ``cancel`` callback asks it to stop."""


@dataclass
class RunResult:
    """What :func:`~beale_gui.core.engine.run` returns: plain arrays, one row per run.

    Attributes
    ----------
    config_index, variant_index, start_index : ndarray, shape (N,)
        Which configuration, hyperparameter variant and start point each run is.
    status : ndarray of int8, shape (N,)
        A :class:`Status`: ``MAX_STEPS``, ``CONVERGED`` or ``DIVERGED``.
    stop_step : ndarray of int, shape (N,)
        Index of the run's last valid point. A converged run stopped at that step; a diverged
        run blew up at ``stop_step + 1``, or at its start (``bad_start``); points after it
        repeat the last one.
    final_xy : ndarray, shape (N, 2); final_loss : ndarray, shape (N,)
    paths : ndarray, shape (N, T+1, 2), or None when not recorded; step 0 is the start.
    loss : ndarray, shape (N, T+1); grads : ndarray, shape (N, T+1, 2)
        f and its exact gradient at every point.
    lr : ndarray, shape (N, T+1)
        The learning rate of the update made from each step (where every run's rate is
        constant, a read-only view of one column).
    moment, effective_lr : ndarray, shape (N, T+1, 2), or None
        Recorded on request, at index ``t`` for the update from point ``t - 1`` to ``t`` (0
        and NaN at index 0): the velocity / first moment after that update, and the per-axis
        effective learning rate of adaptive methods, defined by that update's step
        (``paths[:, t] - paths[:, t-1]`` is minus the rate times the gradient or moment it
        scales; the table in :class:`~beale_gui.core.optimizers.OptimizerSpec`). NaN where
        an optimizer has no moment or rate.
    state : tuple, or None
        Recorded on request (``record_state``): per configuration, every entry of its
        optimizer's state at every step, ``{entry: (n, T+1, width)}`` for its ``n`` runs
        (``exp_avg``, ``exp_avg_sq``, ...; see :meth:`state_of`).
    final_evals : ndarray of int, shape (N,)
        How many times each run evaluated f and its gradient (at once), its start included:
        ``stop_step + 1`` for an optimizer that evaluates only the points it steps to, more
        for one whose line search tries points along the way (:meth:`evals_of` per step).
    evals : ndarray of int, shape (N, T+1), or None
        Recorded where a probing optimizer (one that evaluates the function itself) runs.
    used_grads : tuple, or None
        Recorded with the state: per configuration, for a stochastic one the gradient each
        update used, (n, T+1, 2); None for a deterministic one (see :meth:`used_grad_of`).
    batch_losses : tuple, or None
        Recorded with the state on a model on data: per configuration, for a stochastic one
        the loss of each update's mini-batch, (n, T+1); None for a deterministic one (see
        :meth:`batch_loss_of`). None on other functions.
    failures : dict
        Run -> the one-line reason a plug-in optimizer failed it (it raised, or returned the
        wrong shape, type or non-finite values): such a run diverged at that step
        (:meth:`failure`).
    """

    function: TestFunction
    configs: tuple[OptimizerConfig, ...]
    starts: np.ndarray
    max_steps: int
    tol: float
    seed: int | None
    config_index: np.ndarray
    variant_index: np.ndarray
    start_index: np.ndarray
    status: np.ndarray
    stop_step: np.ndarray
    final_xy: np.ndarray
    final_loss: np.ndarray
    paths: np.ndarray | None = None
    loss: np.ndarray | None = None
    grads: np.ndarray | None = None
    lr: np.ndarray | None = None
    moment: np.ndarray | None = None
    effective_lr: np.ndarray | None = None
    bad_start: np.ndarray | None = None     # (N,) bool: diverged at the start, never stepped
    state: tuple[dict[str, np.ndarray] | None, ...] | None = None
    used_grads: tuple[np.ndarray | None, ...] | None = None
    batch_losses: tuple[np.ndarray | None, ...] | None = None
    final_evals: np.ndarray | None = None   # (N,) int: f and gradient evaluations, start incl.
    evals: np.ndarray | None = None         # (N, T+1) int: so far at each point (probing runs)
    failures: dict[int, str] = field(default_factory=dict)   # run -> why its plug-in failed

    @property
    def n_runs(self) -> int:
        return len(self.status)

    @property
    def n_steps(self) -> int:
        """T: the number of steps recorded (the longest run's)."""
        return 0 if self.paths is None else self.paths.shape[1] - 1

    @property
    def event_step(self) -> np.ndarray:
        """The step each run's status refers to: where it converged, blew up (0 for a start
        that was not finite or inside the bound) or stopped."""
        blew_up = self.status == DIVERGED
        if self.bad_start is not None:
            blew_up = blew_up & ~self.bad_start
        return self.stop_step + blew_up

    def describe(self, i: int, distance: bool = True) -> str:
        """``converged at step 516``, ``diverged at step 12`` or ``stopped at max steps``;
        ``converged (local minimum) at step 40, 1.286e-06 from (0.995, 0.995)`` for a run that
        settled in a listed local minimum (:meth:`local_minimum`), without the distance and the
        minimum when ``distance`` is False (a table whose other columns say them)."""
        text = ended_text(int(self.status[i]), self.event_step[i], self.stop_step[i])
        failure = self.failure(i)
        if failure:
            return f"{text}: {failure}"
        local = self.local_minimum(i)
        if local is None:
            return text
        text = translate("RunResult", "converged (local minimum) at step {0}").format(
            self.event_step[i])
        if not distance:
            return text
        (x, y), away = local
        return translate("RunResult", "{0}, {1:.4g} from ({2:.4g}, {3:.4g})").format(
            text, away, x, y)

    def failure(self, i: int) -> str | None:
        """Why run ``i``'s plug-in failed, the step it diverged at (one line), or None."""
        if self.status[i] != DIVERGED:
            return None
        return self.failures.get(int(i))

    def local_minimum(self, i: int) -> tuple[np.ndarray, float] | None:
        """Where run ``i`` settled when that is a local (not global) minimum the function
        lists: ``(minimum, distance)``; None for a run that did not converge, or converged at
        a global minimum or far from any listed one (``SETTLED_FRACTION`` of the view)."""
        function = self.function
        if self.status[i] != CONVERGED or not len(function.minima):
            return None
        index, distance = function.nearest_minimum(self.final_xy[i])
        (x0, x1), (y0, y1) = function.bounds
        if function.global_mask[index] or not distance <= SETTLED_FRACTION * max(x1 - x0,
                                                                                 y1 - y0):
            return None
        return function.minima[index], float(distance)

    def _in_config(self, i: int) -> tuple[int, int]:
        """Run ``i``'s configuration and its row among that configuration's runs (the runs are
        laid out configuration-major)."""
        c = int(self.config_index[i])
        return c, int(i) - int(np.searchsorted(self.config_index, c))

    def state_of(self, i: int) -> dict[str, np.ndarray]:
        """Run ``i``'s optimizer state at every step, ``{entry: (T+1, width)}`` (views), in
        the state's field order: index 0 the initial state, ``t`` the state after the update
        of step ``t`` (from point ``t - 1`` to ``t``); after the run's stop it repeats its
        last, as the paths do. Empty when the state was not recorded."""
        if self.state is None:
            return {}
        c, j = self._in_config(i)
        record = self.state[c]
        return {} if record is None else {k: v[j] for k, v in record.items()}

    def shown(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """The points the window draws, with f and the gradient there, (N, T+1, 2), (N, T+1)
        and (N, T+1, 2): the engine's ``paths``, ``loss`` and ``grads``, except for runs of an
        optimizer that takes its gradient at one point and puts forward another
        (``OptimizerSpec.shown_point``: Schedule-Free's average x) when the state was
        recorded. None when nothing is recorded. Made once."""
        if self.paths is None:
            return None
        cached = getattr(self, "_shown", None)
        if cached is not None:
            return cached
        rows = [i for i in range(self.n_runs)
                if self.configs[int(self.config_index[i])].spec.shown_point is not None
                and self.state_of(i)]
        if not rows:
            self._shown = (self.paths, self.loss, self.grads)
            return self._shown
        paths, loss, grads = self.paths.copy(), self.loss.copy(), self.grads.copy()
        for i in rows:
            spec = self.configs[int(self.config_index[i])].spec
            paths[i] = spec.shown_point(self.state_of(i), self.hparams_of(i), self.paths[i])
            f, g = self.function.value_and_grad(paths[i])
            loss[i], grads[i] = f, g
        self._shown = (paths, loss, grads)
        return self._shown

    def evals_of(self, i: int) -> np.ndarray:
        """How many times run ``i`` had evaluated f and the gradient by each recorded point,
        (T+1,) int: the start's evaluation and one per update, and more for an update whose
        line search tried several points (L-BFGS, conjugate gradients). Constant after the
        run's stop."""
        if self.evals is not None:
            return self.evals[i]
        return np.minimum(np.arange(self.n_steps + 1), self.stop_step[i]) + 1

    def used_grad_of(self, i: int) -> np.ndarray | None:
        """The gradient each update of stochastic run ``i`` used (its mini-batch gradient with
        noise; the exact one is ``grads[i]``), (T+1, 2), at the index of the point it was
        drawn at, as ``grads``: index ``t - 1`` for the update of step ``t``; NaN from the
        run's stop on. None for a deterministic run (it used ``grads[i]``) or when the state
        was not recorded."""
        if self.used_grads is None:
            return None
        c, j = self._in_config(i)
        used = self.used_grads[c]
        return None if used is None else used[j]

    def batch_loss_of(self, i: int) -> np.ndarray | None:
        """The mini-batch loss of each update of stochastic run ``i`` on a model on data,
        (T+1,), indexed as :meth:`used_grad_of` (index ``t - 1`` for the update of step ``t``,
        at the point the batch was drawn at; NaN from the run's stop on): the loss over the
        samples whose gradient that update used (the full-data loss where a batch takes every
        sample). None for a deterministic run, on a function that is not a model, or when the
        state was not recorded."""
        if self.batch_losses is None:
            return None
        c, j = self._in_config(i)
        losses = self.batch_losses[c]
        return None if losses is None else losses[j]

    def hparams_of(self, i: int) -> dict[str, float]:
        """The scalar hyperparameters of run ``i``."""
        config = self.configs[self.config_index[i]]
        v = self.variant_index[i]
        return {k: float(val[v]) if isinstance(val, np.ndarray) else float(val)
                for k, val in config.hparams.items()}
