"""An optimizer checked against a reference (beale_gui.core.check): the status and stop step of
each start first, then the paths up to the stop, to rtol 1e-9 and atol 1e-12."""

from __future__ import annotations

import numpy as np
import pytest

from beale_gui.core import check
from beale_gui.core.engine import CONVERGED, OptimizerConfig, run
from beale_gui.core.functions import get_function

BEALE = get_function("beale")


def test_the_same_optimizer_agrees_everywhere():
    config = OptimizerConfig("adam", {"lr": 0.05})
    results = check.check_optimizer(config, config, max_steps=100)
    assert [r.function for r in results] == list(check.DEFAULT_FUNCTIONS)
    for r in results:
        assert r.agree
        assert r.verdict == "agree"
        assert r.largest == 0.0
        assert r.parts_at is None
        assert len(r.starts) == len(check.DEFAULT_STARTS)
    assert check.describe(results[0])[0].startswith("beale: agree — status and stop step the "
                                                    "same for 4 of 4 starts")


def test_another_rate_parts_at_the_first_step():
    (r,) = check.check_optimizer(OptimizerConfig("gd", {"lr": 0.01}),
                                 OptimizerConfig("gd", {"lr": 0.011}), [BEALE], max_steps=50)
    assert not r.agree
    assert r.parts_at == 1
    assert r.largest > 1e-3
    lines = check.describe(r)
    assert lines[0].startswith("beale: disagree")
    assert "the paths first part at step 1" in lines[0]
    assert len(lines) == 1 + len(check.DEFAULT_STARTS)


def test_a_difference_in_the_last_bits_agrees_and_one_past_rtol_does_not():
    a = run(BEALE, OptimizerConfig("gd"), np.array([[0.7, 1.4]]), max_steps=20)
    b = run(BEALE, OptimizerConfig("gd"), np.array([[0.7, 1.4]]), max_steps=20)
    b.paths[0, 7] *= 1 + 1e-12
    assert check.compare_runs(a, b, "beale").agree
    b.paths[0, 7] *= 1 + 1e-8
    r = check.compare_runs(a, b, "beale")
    assert not r.agree
    assert r.parts_at == 7


def test_status_and_stop_step_are_compared_first():
    """With the stop rule on, a larger rate converges at another step: that is the verdict,
    named per start, even where the paths agree up to the earlier stop."""
    (r,) = check.check_optimizer(OptimizerConfig("gd", {"lr": 0.01}),
                                 OptimizerConfig("gd", {"lr": 0.012}), [BEALE],
                                 starts=[(0.7, 1.4)], max_steps=3000, tol=1e-5)
    s = r.starts[0]
    assert s.status == (CONVERGED, CONVERGED)
    assert s.stop[0] != s.stop[1]
    assert not r.agree
    assert "converged at step" in check.describe(r)[1]


def test_torch_adam_agrees_with_the_builtin():
    pytest.importorskip("torch")
    results = check.check_optimizer(OptimizerConfig("torch:torch.optim.Adam", {"lr": 0.05}),
                                    OptimizerConfig("adam", {"lr": 0.05}))
    assert all(r.agree for r in results)
    lion = check.check_optimizer(OptimizerConfig("torch:torch.optim.Adam", {"lr": 0.05}),
                                 OptimizerConfig("lion", {"lr": 0.05}), [BEALE], max_steps=50)
    assert not lion[0].agree
