"""Any torch.optim optimizer by its import path (beale_gui.core.optimizers.torch_adapter).

The adapter hands torch the engine's exact gradient, so a torch class's run must be the
built-in's path to rounding (300 float64 steps at 1e-9, as the torch comparisons check the
built-ins); and the classes whose runs share one (N, 2) parameter (``BATCHED``) must give
every run's bits as a run alone does: that is how the list was decided.
"""

from __future__ import annotations

import numpy as np
import pytest

from beale_gui.core.engine import (
    CONVERGED,
    DIVERGED,
    EngineTuning,
    OptimizerConfig,
    run,
)
from beale_gui.core.functions import get_function
from beale_gui.core.optimizers import get_optimizer, torch_adapter

torch = pytest.importorskip("torch")

BEALE = get_function("beale")
SEED_START = np.array([[0.7, 1.4]])
STEPS = 300
# starts that converge, wander and (for a large rate) diverge, so runs leave a batch
STARTS = np.array([[0.7, 1.4], [-1.0, 1.0], [2.0, -0.5], [3.5, 3.5], [-4.0, -4.0],
                   [1.0, 0.2]])

# (torch class and settings, built-in and settings): the same algorithm
SAME = [
    (("torch.optim.SGD", {"lr": 0.01}), ("gd", {"lr": 0.01})),
    (("torch.optim.SGD", {"lr": 0.01, "momentum": 0.9}), ("momentum", {"lr": 0.01})),
    (("torch.optim.Adam", {"lr": 0.05}), ("adam", {"lr": 0.05})),
    (("torch.optim.RMSprop", {"lr": 0.01}), ("rmsprop", {"lr": 0.01})),
    (("torch.optim.Adam", {"lr": 0.05, "maximize": 1}), ("adam", {"lr": 0.05, "maximize": 1})),
]


def _torch(path: str, hp: dict) -> OptimizerConfig:
    return OptimizerConfig(f"torch:{path}", hp)


@pytest.mark.parametrize(("theirs", "ours"), SAME, ids=lambda c: f"{c[0]}")
def test_reproduces_the_builtin(theirs, ours):
    a = run(BEALE, _torch(*theirs), SEED_START, max_steps=STEPS)
    b = run(BEALE, OptimizerConfig(*ours), SEED_START, max_steps=STEPS)
    assert a.paths.shape == (1, STEPS + 1, 2)
    np.testing.assert_allclose(a.paths, b.paths, rtol=1e-9, atol=1e-12)
    assert not np.array_equal(a.paths[0, -1], a.paths[0, 0])


def test_stops_where_the_engine_does():
    """The seed's tolerance and divergence, as for the built-in."""
    a = run(BEALE, _torch("torch.optim.Adam", {"lr": 0.05}), STARTS, max_steps=2000, tol=1e-10)
    b = run(BEALE, OptimizerConfig("adam", {"lr": 0.05}), STARTS, max_steps=2000, tol=1e-10)
    assert (a.status == CONVERGED).any()
    np.testing.assert_array_equal(a.status, b.status)
    np.testing.assert_array_equal(a.stop_step, b.stop_step)
    big = run(BEALE, _torch("torch.optim.SGD", {"lr": 0.05}), STARTS, max_steps=200)
    ref = run(BEALE, OptimizerConfig("gd", {"lr": 0.05}), STARTS, max_steps=200)
    assert (big.status == DIVERGED).any()
    np.testing.assert_array_equal(big.status, ref.status)
    np.testing.assert_array_equal(big.stop_step, ref.stop_step)


def _batched_cases():
    cases = [(path, {}) for path in torch_adapter.BATCHED]
    cases += [("torch.optim.Adam", {"amsgrad": 1, "weight_decay": 0.1}),
              ("torch.optim.SGD", {"momentum": 0.9, "nesterov": 1}),
              ("torch.optim.RMSprop", {"centered": 1, "momentum": 0.5}),
              ("torch.optim.NAdam", {"decoupled_weight_decay": 1, "weight_decay": 0.1})]
    return cases


@pytest.mark.parametrize(("path", "extra"), _batched_cases(),
                         ids=lambda v: v if isinstance(v, str) else str(v))
def test_batched_runs_equal_separate_runs_bit_for_bit(path, extra):
    if path.startswith("pytorch_optimizer"):
        pytest.importorskip("pytorch_optimizer")
    config = _torch(path, {"lr": 0.02, **extra})
    together = run(BEALE, config, STARTS, max_steps=STEPS, tol=1e-12)
    for i, start in enumerate(STARTS):
        alone = run(BEALE, config, start[None], max_steps=STEPS, tol=1e-12)
        assert together.status[i] == alone.status[0]
        assert together.stop_step[i] == alone.stop_step[0]
        np.testing.assert_array_equal(together.paths[i, :alone.paths.shape[1]],
                                      alone.paths[0])


def test_the_allow_list_shares_one_parameter_and_others_do_not():
    spec = get_optimizer("torch:torch.optim.Adam")
    runs = spec.init(3, spec.check({})).runs
    xy = np.array([[0.7, 1.4], [1.0, 1.0], [2.0, 0.0]])
    new, _ = runs.step(xy, BEALE.grad(xy), np.arange(3), 0.01)
    assert runs.batched
    assert len(runs.made) == 1
    assert new.shape == (3, 2)
    adam = torch.optim.Adam
    other = get_optimizer("torch:torch.optim.Adam")
    assert other is spec
    assert spec.torch_class is adam
    # per-run rates: one instance per run
    runs = spec.init(3, spec.check({})).runs
    runs.step(xy, BEALE.grad(xy), np.arange(3), np.array([0.01, 0.02, 0.03]))
    assert not runs.batched
    assert len(runs.made) == 3


def test_per_run_settings_equal_runs_alone():
    """A search's per-run values: each run is its own instance, as alone."""
    lrs = np.array([0.005, 0.02, 0.08])
    many = run(BEALE, _torch("torch.optim.Adagrad", {"lr": lrs}), SEED_START, max_steps=100)
    for i, lr in enumerate(lrs):
        alone = run(BEALE, _torch("torch.optim.Adagrad", {"lr": float(lr)}), SEED_START,
                    max_steps=100)
        np.testing.assert_array_equal(many.paths[i], alone.paths[0])


def test_numpy_blocks_whatever_the_path():
    config = _torch("torch.optim.Adam", {"lr": 0.05})
    ref = run(BEALE, config, STARTS, max_steps=50)
    for path in ("few_runs", "batch"):
        got = run(BEALE, [config, OptimizerConfig("adam", {"lr": 0.05})], STARTS,
                  max_steps=50, tuning=EngineTuning(path=path))
        np.testing.assert_array_equal(got.paths[:len(STARTS)], ref.paths)
        np.testing.assert_allclose(got.paths[len(STARTS):], ref.paths, rtol=1e-9, atol=1e-12)


def test_a_class_that_needs_a_closure_gets_one():
    # (torch's LBFGS without a line search stalls on Beale at lr 1, with autograd too)
    result = run(BEALE, _torch("torch.optim.LBFGS", {"lr": 0.5, "max_iter": 5}), SEED_START,
                 max_steps=30, tol=1e-14)
    assert result.status[0] == CONVERGED
    assert get_optimizer("torch:torch.optim.LBFGS").probe is not None
    assert result.final_evals[0] > result.stop_step[0] + 1       # trial points counted
    np.testing.assert_allclose(result.final_xy[0], [3.0, 0.5], atol=1e-3)


def test_hyperparameters_are_the_constructor_keywords():
    spec = get_optimizer("torch:torch.optim.Adam")
    defaults = spec.defaults
    assert defaults["lr"] == 0.001
    assert defaults["eps"] == 1e-8
    assert defaults["betas[0]"] == 0.9
    assert defaults["betas[1]"] == 0.999
    assert "foreach" not in defaults
    assert "fused" not in defaults
    flags = {p.name for p in spec.params if p.flag}
    assert {"amsgrad", "maximize", "decoupled_weight_decay"} <= flags
    assert torch_adapter.tuple_keys("torch:torch.optim.Adam") == {
        "betas": ("betas[0]", "betas[1]")}
    assert torch_adapter.tuple_keys("adam") == {}


@pytest.mark.parametrize(("name", "hp", "says"), [
    ("torch:no_such_module_xyz.Adam", {}, "cannot import no_such_module_xyz"),
    ("torch:torch.optim.NoSuchClass", {}, "torch.optim has no NoSuchClass"),
    ("torch:torch.nn.Linear", {}, "is not a torch.optim.Optimizer"),
    ("torch:Adam", {}, "expected torch:<module>.<Class>"),
    ("torch:torch.optim.Adam", {"momentum": 0.9}, "unknown parameter 'momentum'"),
    ("torch:torch.optim.Adam", {"betas[0]": 2.0}, "Invalid beta parameter"),
    ("torch:torch.optim.Adam", {"lr": -1.0}, "Invalid lr"),
    ("torch:torch.optim.SparseAdam", {}, "SparseAdam does not support dense gradients"),
])
def test_bad_inputs_are_one_line(name, hp, says):
    with pytest.raises(ValueError, match=r"\S") as caught:
        OptimizerConfig(name, hp)
    message = str(caught.value)
    assert says in message
    assert "\n" not in message


@pytest.mark.parametrize("path", ["torch_optimizer.Lamb", "pytorch_optimizer.LARS",
                                  "pytorch_optimizer.AdaFactor"])
def test_norm_based_classes_would_differ_from_step_1_if_batched(path, monkeypatch):
    """Why the list is a list: a class whose update reads the norm of the whole parameter
    gives other numbers when the runs share one (these are stepped one instance per run)."""
    pytest.importorskip(path.split(".")[0])
    config = _torch(path, {"lr": 0.02})
    alone = [run(BEALE, config, start[None], max_steps=5).paths[0] for start in STARTS]
    apart = run(BEALE, config, STARTS, max_steps=5).paths
    for i, path_alone in enumerate(alone):
        np.testing.assert_array_equal(apart[i, :len(path_alone)], path_alone)
    monkeypatch.setattr(torch_adapter, "BATCHED", (*torch_adapter.BATCHED, path))
    shared = run(BEALE, config, STARTS, max_steps=5).paths
    assert np.array_equal(shared[:, 0], apart[:, 0])
    assert not np.array_equal(shared[:, 1], apart[:, 1])


class FailsAtItsThirdStep(torch.optim.SGD):
    """An optimizer that breaks mid-run (a user's own class, say)."""

    def step(self, closure=None):
        self.calls = getattr(self, "calls", 0) + 1
        if self.calls == 3:
            raise RuntimeError("something inside\nbroke")
        return super().step(closure)


def test_a_step_that_raises_is_one_line_naming_the_optimizer(capsys):
    from beale_gui import cli

    name = f"torch:{__name__}.FailsAtItsThirdStep"
    with pytest.raises(ValueError, match="its step failed: something inside broke"):
        run(BEALE, _torch(name[len("torch:"):], {"lr": 0.01}), STARTS, max_steps=10)
    assert cli.main(["run", "--optimizer", name, "--max-steps", "10"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == (f"beale-gui run: error: run: {name}: its step failed: something "
                           "inside broke")


def test_which_runs_get_one_instance_each_and_the_estimate_counts_them():
    from beale_gui.core.optimizers import torch_cost

    pytest.importorskip("pytorch_optimizer")
    adam, lamb = OptimizerConfig("torch:torch.optim.Adam"), OptimizerConfig(
        "torch:pytorch_optimizer.Lamb")
    assert not torch_cost.one_instance_per_run(OptimizerConfig("adam"), True)
    assert not torch_cost.one_instance_per_run(adam)
    assert torch_cost.one_instance_per_run(adam, per_run_hparams=True)   # a search
    assert torch_cost.one_instance_per_run(lamb)
    f = get_function("beale")
    assert torch_cost.estimate_seconds(lamb, f, 0, 100) == 0
    assert torch_cost.estimate_seconds(lamb, f, 10, 100) > 0


def test_pending_imports_names_the_modules_other_than_torch_optim_not_imported_yet():
    import sys

    from beale_gui.core.session_load import pending_imports

    data = {"optimizers": [{"name": "torch:torch.optim.Adam"}, {"name": "adam"},
                           {"name": "torch:no_such_module_here.Opt"},
                           {"name": "torch:no_such_module_here.Other"}, {"name": 3}, "x"]}
    assert pending_imports(data) == ["no_such_module_here"]
    assert "no_such_module_here" not in sys.modules
    assert pending_imports({"optimizers": "bad"}) == []
    assert pending_imports([]) == []
