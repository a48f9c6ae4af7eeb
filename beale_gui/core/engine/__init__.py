"""The engine: every optimizer configuration run from every start point, in lock-step.

:func:`run` is the entry point; what it returns is a :class:`RunResult`.
"""

from .run import (
    BATCH_SIZE,
    CONVERGED,
    DIVERGED,
    DIVERGENCE_BOUND,
    GRADIENT_BOUND,
    MAX_STEPS,
    MAX_STEPS_PARAM,
    MEMORY_LIMIT_BYTES,
    NOISE,
    NOISE_WITHOUT_TERMS,
    SEED_PARAM,
    STATUS_NAMES,
    TOL_PARAM,
    Cancelled,
    OptimizerConfig,
    RunResult,
    StochasticConfig,
    check_starts,
    estimate_bytes,
    run,
)

__all__ = ["BATCH_SIZE", "CONVERGED", "DIVERGED", "DIVERGENCE_BOUND", "GRADIENT_BOUND",
           "MAX_STEPS", "MAX_STEPS_PARAM", "MEMORY_LIMIT_BYTES", "NOISE", "NOISE_WITHOUT_TERMS",
           "SEED_PARAM", "STATUS_NAMES", "TOL_PARAM", "Cancelled", "OptimizerConfig",
           "RunResult", "StochasticConfig", "check_starts", "estimate_bytes", "run"]
