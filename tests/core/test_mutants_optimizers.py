"""What the optimizer registry's names and messages, Adam's choice of operation order and the
numpy kernels' per-run hyperparameters promise, beyond the other core tests (the survivors of a
mutation run over beale_gui/core/optimizers; see the README's Testing section).

Every test calls the function it checks itself: a mutation run (mutmut) attributes a function
to the tests that call it.
"""

import re
import sys

import numpy as np
import pytest

from beale_gui.core.engine import EngineTuning, OptimizerConfig, run
from beale_gui.core.functions import get_function
from beale_gui.core.optimizers import OPTIMIZERS, get_optimizer
from beale_gui.core.optimizers.adam import adam_folds_root

TINY = sys.float_info.min        # the smallest normal float


def _exactly(text: str) -> str:
    return f"^{re.escape(text)}$"


def test_optimizer_names_are_read_loosely():
    assert get_optimizer(" AdamW ").name == "adamw"
    for name in OPTIMIZERS:
        assert get_optimizer(f" {name.upper()} ").name == name


def test_unknown_optimizer_lists_every_optimizer():
    said = _exactly(f"unknown optimizer 'no_such'; choose from {', '.join(OPTIMIZERS)}")
    with pytest.raises(ValueError, match=said):
        get_optimizer("no_such")


def test_unknown_hyperparameter_names_the_optimizer():
    spec = get_optimizer("momentum")
    takes = ", ".join(sorted(p.name for p in spec.params))
    said = _exactly(f"unknown parameter 'beta1' for optimizer 'momentum' (it takes: {takes})")
    with pytest.raises(ValueError, match=said):
        spec.check({"beta1": 0.9})


def test_adam_folds_the_root_while_eps_times_it_stays_a_normal_float():
    # sqrt(1 - 0.75) is exactly 0.5, so eps * root lands exactly on the smallest normal float
    assert adam_folds_root({"eps": 2 * TINY, "beta2": 0.75})
    assert not adam_folds_root({"eps": TINY, "beta2": 0.75})
    # sqrt(1 - 0.99) = 0.1: 1e-307 * 0.1 is below the normal floats, 1e-306 * 0.1 is not
    assert not adam_folds_root({"eps": 1e-307, "beta2": 0.99})
    assert adam_folds_root({"eps": 1e-306, "beta2": 0.99})
    assert adam_folds_root({"eps": 1e-8, "beta2": 0.999})
    # per-run values: every run must fold, or none does
    assert not adam_folds_root({"eps": np.array([1e-8, 1e-307]), "beta2": np.array([0.9, 0.99])})
    assert adam_folds_root({"eps": np.array([1e-8, 1e-306]), "beta2": np.array([0.9, 0.99])})


def test_numpy_kernels_take_per_run_hyperparameters_like_one_value_each():
    beale = get_function("beale")
    starts = np.array([[0.7, 1.4], [-1.0, 1.0]])
    for name, key, values in [("adam", "beta2", [0.9, 0.99, 0.999]),
                              ("amsgrad", "beta2", [0.9, 0.999]),
                              ("adamw", "beta1", [0.5, 0.9]),
                              ("nadam", "beta2", [0.9, 0.999])]:
        config = OptimizerConfig(name, {"lr": 0.05, key: np.array(values)})
        batch = run(beale, [config], starts, max_steps=60, tuning=EngineTuning(path="batch"))
        assert batch.n_runs == len(values) * len(starts)
        for v, value in enumerate(values):
            alone = run(beale, [OptimizerConfig(name, {"lr": 0.05, key: value})], starts,
                        max_steps=60, tuning=EngineTuning(path="few_runs"))
            rows = batch.variant_index == v
            np.testing.assert_array_equal(batch.start_index[rows], alone.start_index)
            # numpy's power of an array of betas and Python's of one beta may differ in the
            # last place, so per-run rows agree to rounding, not bit for bit
            np.testing.assert_allclose(batch.paths[rows], alone.paths, rtol=1e-12, atol=0,
                                       err_msg=f"{name} {key}={value}")
