"""What the window shows at the playhead's step of a recorded batch: table values and
mechanics arrows.

The views only index these arrays; every piece of arithmetic on trajectories stays here. The
table's effective learning rate and the moment arrow are ``RunResult.effective_lr`` and
``RunResult.moment`` of the update made from the playhead, so the actual-step arrow is the
rate times the moment arrow (Adam, AMSGrad, NAdam; AdamW plus its decoupled decay) or times
the descent arrow (Adagrad, Adadelta, RMSprop without momentum; with coupled weight decay,
the descent arrow less ``weight_decay * w``); see
:class:`beale_gui.core.optimizers.OptimizerSpec`. tests/core/test_mechanics.py checks these
arrays against torch.optim and against the steps.
"""

from __future__ import annotations

import numpy as np

from .engine import RunResult


def step_index(result: RunResult, k: int) -> np.ndarray:
    """Per run, the recorded step shown at playhead ``k``: ``min(k, stop_step)``, shape (N,)."""
    return np.minimum(max(int(k), 0), result.stop_step)


def state_at(result: RunResult, k: int) -> dict[str, np.ndarray]:
    """Each run's state at playhead step ``k``.

    The points are those the window draws (``RunResult.shown``: Schedule-Free's average).

    Returns
    -------
    dict with ``step`` (N,), ``xy`` (N, 2), ``loss`` (N,), ``grad`` (N, 2), ``grad_norm`` (N,),
    ``distance`` (N,) to the nearest known minimum (NaN when none is known),
    ``effective_lr`` (N, 2), the per-axis rate of the update from this step (NaN for
    non-adaptive optimizers or when not recorded), ``evals`` (N,) the evaluations of f and the
    gradient made by this step (``RunResult.evals_of``), and ``ended`` (N,) bool, whether the
    step its status names (``RunResult.event_step``) is reached: before it, the run is
    running.
    """
    idx = step_index(result, k)
    rows = np.arange(result.n_runs)
    paths, loss, grads = result.shown()
    xy = paths[rows, idx]
    grad = grads[rows, idx]
    _, distance = result.function.nearest_minimum(xy)
    if result.effective_lr is not None:
        eff = result.effective_lr[rows, np.minimum(idx + 1, result.n_steps)]
    else:
        eff = np.full((result.n_runs, 2), np.nan)
    return {
        "step": idx,
        "xy": xy,
        "loss": loss[rows, idx],
        "grad": grad,
        "grad_norm": np.hypot(grad[:, 0], grad[:, 1]),
        "distance": distance,
        "effective_lr": eff,
        "evals": result.evals[rows, idx] if result.evals is not None else idx + 1,
        "ended": result.event_step <= max(int(k), 0),
    }


def line_searches(result: RunResult) -> bool:
    """Whether a run of ``result`` evaluated f more than once in a step (a line search)."""
    return bool(np.any(result.final_evals > np.minimum(result.stop_step, result.n_steps) + 1))


def mechanics_at(result: RunResult, k: int) -> dict[str, np.ndarray]:
    """Arrows at each path's head at playhead ``k``, all pointing the way the run moves.

    Returns
    -------
    dict with ``heads`` (N, 2); ``descent`` (N, 2), minus the gradient; ``moment`` (N, 2), minus
    the velocity or first moment after the next update (NaN where the optimizer has none or it
    was not recorded); ``step`` (N, 2), the next update actually made (zero once stopped).
    """
    idx = step_index(result, k)
    rows = np.arange(result.n_runs)
    nxt = np.minimum(idx + 1, result.stop_step)
    heads = result.paths[rows, idx]
    if result.moment is not None:
        moment = -result.moment[rows, np.minimum(idx + 1, result.n_steps)]
    else:
        moment = np.full((result.n_runs, 2), np.nan)
    return {
        "heads": heads,
        "descent": -result.grads[rows, idx],
        "moment": moment,
        "step": result.paths[rows, nxt] - heads,
    }
