"""The engine: every optimizer configuration run from every start point, in lock-step.

:func:`run` (run.py) is the entry point and returns a :class:`RunResult` (result.py). What it
is asked to do is in settings.py; dispatch.py picks the path and cuts the batch into blocks,
stepped by batch.py (numpy arrays) or few_runs.py (Python floats), which share rows.py, or,
with numba, by compiled code: compiled.py for a few runs, compiled_batch.py for many (its
kernels rewritten by row_kernel.py).
"""

from .result import (
    CONVERGED,
    DIVERGED,
    MAX_STEPS,
    STATUS_NAMES,
    Cancelled,
    RunResult,
    Status,
)
from .run import estimate_bytes, run
from .settings import (
    BATCH_SIZE,
    DIVERGENCE_BOUND,
    GRADIENT_BOUND,
    MAX_STEPS_PARAM,
    MEMORY_LIMIT_BYTES,
    NOISE,
    NOISE_WITHOUT_TERMS,
    SEED_PARAM,
    TOL_PARAM,
    EngineTuning,
    OptimizerConfig,
    StochasticConfig,
    check_starts,
)
from .stochastic import SampleOrder, steps_per_epoch

__all__ = ["BATCH_SIZE", "CONVERGED", "DIVERGED", "DIVERGENCE_BOUND", "GRADIENT_BOUND",
           "MAX_STEPS", "MAX_STEPS_PARAM", "MEMORY_LIMIT_BYTES", "NOISE", "NOISE_WITHOUT_TERMS",
           "SEED_PARAM", "STATUS_NAMES", "TOL_PARAM", "Cancelled", "EngineTuning",
           "OptimizerConfig", "RunResult", "SampleOrder", "Status", "StochasticConfig",
           "check_starts", "estimate_bytes", "run", "steps_per_epoch"]
