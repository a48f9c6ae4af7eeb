"""What a torch class's runs cost before they start: which runs get one optimizer instance each,
and a time estimate measured on a few steps of one run.

The adapter (:mod:`.torch_adapter`) batches a configuration's runs into one (N, 2) parameter only
for the classes of :data:`~.torch_adapter.BATCHED` with every hyperparameter shared; every other
run is a Python loop of its own ``step()`` calls, which for a search or a basin map can take
minutes. :func:`estimate_seconds` times a few steps of one run with the engine and scales them
to the job, so that a front end can ask before it starts. Nothing here imports torch unless the
configuration is a torch class (whose spec has imported it already).
"""

from __future__ import annotations

import time

import numpy as np

from . import torch_adapter

PROBE_STEPS = 20        # steps of the runs that are timed
PROBE_RUNS = 8          # runs timed (the engine's own cost per step is shared among them)
ASK_SECONDS = 3.0       # what a front end should ask about: "a few seconds"


def one_instance_per_run(config, per_run_hparams: bool = False) -> bool:
    """True when the runs of ``config`` (an :class:`~..engine.OptimizerConfig`) each get an
    optimizer instance of their own: a torch class outside the batching allow-list, or any
    torch class when ``per_run_hparams`` (a search sweeps a hyperparameter per run)."""
    if not torch_adapter.is_torch_name(config.name):
        return False
    if per_run_hparams:
        return True
    return config.spec.torch_class not in torch_adapter._batched_classes()


def estimate_seconds(config, function, n_runs: int, steps: int,
                     probe_steps: int = PROBE_STEPS) -> float:
    """About how long ``n_runs`` runs of ``config`` on ``function`` (a
    :class:`~..functions.TestFunction`) take for ``steps`` steps each, one instance per run:
    ``probe_steps`` steps of up to :data:`PROBE_RUNS` runs from the diagonal of the function's
    view are timed (the making of their optimizers included, so the estimate errs long) and
    scaled by the run-steps they made (a run may stop early)."""
    from ..engine import run

    (x0, x1), (y0, y1) = function.bounds
    m = max(1, min(int(n_runs), PROBE_RUNS))
    starts = np.column_stack([np.linspace(x0, x1, m + 2)[1:-1],
                              np.linspace(y0, y1, m + 2)[1:-1]])
    k = max(1, min(int(probe_steps), int(steps)))
    began = time.perf_counter()
    result = run(function, config, starts, max_steps=k, tol=0.0, record=False)
    seconds = time.perf_counter() - began
    made = max(1, int(np.sum(result.stop_step)))       # run-steps made (a run may stop early)
    return seconds / made * max(int(steps), 0) * max(int(n_runs), 0)
