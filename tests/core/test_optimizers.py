"""Every optimizer against torch.optim's documented updates, in batches and alone."""

import math

import numpy as np
import pytest

from beale_gui.core.engine import CONVERGED, DIVERGED, MAX_STEPS, OptimizerConfig, run
from beale_gui.core.functions import FUNCTIONS, get_function
from beale_gui.core.optimizers import OPTIMIZERS, get_optimizer

from .reference import reference_steps
from .test_mechanics import _torch_optimizer
from .test_optimizers_modern import MODERN

# torch.optim's (those it lacks: tests/core/test_optimizers_modern.py)
DETERMINISTIC = [name for name, spec in OPTIMIZERS.items()
                 if not spec.stochastic and name not in MODERN and spec.probe is None]
BEALE = get_function("beale")
# Settings that move every optimizer visibly in 20 steps, weight decay included somewhere.
SETTINGS = {
    "gd": {"lr": 0.01},
    "momentum": {"lr": 0.01, "momentum": 0.9, "dampening": 0.1},
    "nesterov": {"lr": 0.01, "momentum": 0.8, "weight_decay": 0.01},
    "adagrad": {"lr": 0.3, "initial_accumulator_value": 0.1},
    "rmsprop": {"lr": 0.01, "momentum": 0.5},
    "adam": {"lr": 0.05, "beta1": 0.8},
    "adamw": {"lr": 0.05, "weight_decay": 0.1},
    "nadam": {"lr": 0.05},
    "amsgrad": {"lr": 0.05, "beta2": 0.9},
    "adadelta": {"lr": 1.0, "rho": 0.95},
    "adamax": {"lr": 0.05},
    "radam": {"lr": 0.01, "weight_decay": 0.01},
    "rprop": {"lr": 0.05, "etaplus": 1.3},
    "asgd": {"lr": 0.01, "lambd": 0.01, "t0": 5, "weight_decay": 0.01},
}


def test_every_deterministic_optimizer_has_settings():
    assert set(SETTINGS) == set(DETERMINISTIC)


@pytest.mark.parametrize("name", DETERMINISTIC)
def test_first_steps_match_the_documented_update(name):
    config = OptimizerConfig(name, SETTINGS[name])
    result = run(BEALE, config, [[0.7, 1.4]], max_steps=20)
    expected = reference_steps(name, dict(config.hparams), lambda w: BEALE.grad(np.array(w)),
                               [0.7, 1.4], 20)
    np.testing.assert_allclose(result.paths[0], expected, rtol=1e-12, atol=1e-14)


def test_hand_worked_first_steps():
    g0 = BEALE.grad(np.array([0.7, 1.4]))
    # GD: w1 = w0 - lr g0
    r = run(BEALE, OptimizerConfig("gd", {"lr": 0.01}), [[0.7, 1.4]], max_steps=1)
    np.testing.assert_allclose(r.paths[0, 1], [0.7, 1.4] - 0.01 * g0, rtol=1e-15)
    # Adam's first step moves each axis by lr * g / (|g| + eps): about lr against the sign
    r = run(BEALE, OptimizerConfig("adam", {"lr": 0.1}), [[0.7, 1.4]], max_steps=1)
    np.testing.assert_allclose(r.paths[0, 1], [0.7, 1.4] - 0.1 * np.sign(g0), rtol=1e-7)
    # Adagrad's first step likewise (initial accumulator 0): lr * g / |g|
    r = run(BEALE, OptimizerConfig("adagrad", {"lr": 0.1}), [[0.7, 1.4]], max_steps=1)
    np.testing.assert_allclose(r.paths[0, 1], [0.7, 1.4] - 0.1 * np.sign(g0), rtol=1e-9)
    # RMSprop's first step: lr * g / (sqrt(0.01) |g|) = 10 lr against the sign
    r = run(BEALE, OptimizerConfig("rmsprop", {"lr": 0.01}), [[0.7, 1.4]], max_steps=1)
    np.testing.assert_allclose(r.paths[0, 1], [0.7, 1.4] - 0.1 * np.sign(g0), rtol=1e-7)


@pytest.mark.parametrize("name", DETERMINISTIC)
def test_matches_torch_optim(name, torch64, torch_tally):
    # torch64: torch in float64 (its step counts and NAdam's mu_product too); skipped, with
    # the reason, only when torch is not installed
    _compare_with_torch(torch64, name)
    torch_tally.add(runs=1, steps=300)


def _compare_with_torch(torch, name):
    hp = dict(OptimizerConfig(name, SETTINGS[name]).hparams)
    w = torch.tensor([0.7, 1.4], dtype=torch.float64, requires_grad=True)
    kwargs = {"lr": hp["lr"]}
    betas = (hp.get("beta1"), hp.get("beta2"))
    if name in ("gd",):
        opt = torch.optim.SGD([w], lr=hp["lr"])
    elif name in ("momentum", "nesterov"):
        opt = torch.optim.SGD([w], lr=hp["lr"], momentum=hp["momentum"],
                              dampening=hp.get("dampening", 0.0),
                              weight_decay=hp["weight_decay"], nesterov=name == "nesterov")
    elif name == "adagrad":
        opt = torch.optim.Adagrad([w], **kwargs, eps=hp["eps"], lr_decay=hp["lr_decay"],
                                  initial_accumulator_value=hp["initial_accumulator_value"])
    elif name == "rmsprop":
        opt = torch.optim.RMSprop([w], **kwargs, alpha=hp["alpha"], eps=hp["eps"],
                                  momentum=hp["momentum"], centered=bool(hp["centered"]))
    elif name in ("adam", "amsgrad"):
        opt = torch.optim.Adam([w], **kwargs, betas=betas, eps=hp["eps"],
                               weight_decay=hp["weight_decay"], amsgrad=name == "amsgrad")
    elif name == "adamw":
        opt = torch.optim.AdamW([w], **kwargs, betas=betas, eps=hp["eps"],
                                weight_decay=hp["weight_decay"])
    elif name == "nadam":
        opt = torch.optim.NAdam([w], **kwargs, betas=betas, eps=hp["eps"],
                                momentum_decay=hp["momentum_decay"])
    elif name == "adadelta":
        opt = torch.optim.Adadelta([w], **kwargs, rho=hp["rho"], eps=hp["eps"])
    elif name == "rprop":
        opt = torch.optim.Rprop([w], **kwargs, etas=(hp["etaminus"], hp["etaplus"]),
                                step_sizes=(hp["step_size_min"], hp["step_size_max"]))
    elif name == "asgd":
        opt = torch.optim.ASGD([w], **kwargs, lambd=hp["lambd"], alpha=hp["alpha"],
                               t0=hp["t0"], weight_decay=hp["weight_decay"])
    else:
        opt = _torch_optimizer(torch, name, hp, w)
    steps = 300
    ours = run(BEALE, OptimizerConfig(name, hp), [[0.7, 1.4]], max_steps=steps).paths[0]
    theirs = [w.detach().numpy().copy()]
    for _ in range(steps):
        opt.zero_grad()
        x, y = w[0], w[1]
        f = (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2
        f.backward()
        opt.step()
        theirs.append(w.detach().numpy().copy())
    np.testing.assert_allclose(ours, np.array(theirs), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_batch_equals_single_runs(name):
    starts = np.array([[0.7, 1.4], [-2.0, 2.0], [1.0, -1.0], [3.5, 0.2]])
    lrs = np.array([0.001, 0.003, 0.01])
    batch = run(BEALE, OptimizerConfig(name, {"lr": lrs}), starts, max_steps=150, tol=1e-12)
    for i in range(batch.n_runs):
        lr = lrs[batch.variant_index[i]]
        start = starts[batch.start_index[i]]
        single = run(BEALE, OptimizerConfig(name, {"lr": lr}), [start], max_steps=150, tol=1e-12)
        if OPTIMIZERS[name].stochastic:
            continue  # the generator's draws are shared across the batch
        assert batch.status[i] == single.status[0]
        assert batch.stop_step[i] == single.stop_step[0]
        end = single.n_steps + 1
        np.testing.assert_array_equal(batch.paths[i, :end], single.paths[0])
        np.testing.assert_array_equal(batch.paths[i, end:], np.repeat(
            single.paths[0, -1:], batch.n_steps + 1 - end, axis=0))


def test_mixed_optimizers_in_one_batch_equal_separate_batches():
    configs = [OptimizerConfig(n, SETTINGS[n]) for n in DETERMINISTIC]
    starts = [[0.7, 1.4], [-1.0, 1.5]]
    mixed = run(BEALE, configs, starts, max_steps=200, tol=1e-9)
    for c, config in enumerate(configs):
        alone = run(BEALE, config, starts, max_steps=200, tol=1e-9)
        rows = mixed.config_index == c
        np.testing.assert_array_equal(mixed.final_xy[rows], alone.final_xy)
        np.testing.assert_array_equal(mixed.stop_step[rows], alone.stop_step)


def test_stochastic_run_replays_with_the_same_seed_and_differs_with_another():
    config = OptimizerConfig("sgd", {"lr": 0.005})
    a = run(BEALE, config, [[0.7, 1.4]], max_steps=300, seed=7)
    b = run(BEALE, config, [[0.7, 1.4]], max_steps=300, seed=7)
    c = run(BEALE, config, [[0.7, 1.4]], max_steps=300, seed=8)
    np.testing.assert_array_equal(a.paths, b.paths)
    assert not np.array_equal(a.paths, c.paths)
    gd = run(BEALE, OptimizerConfig("gd", {"lr": 0.005}), [[0.7, 1.4]], max_steps=300)
    assert not np.array_equal(a.paths, gd.paths)


def test_minibatch_gradient_is_unbiased():
    # The mean of many one-term gradients at one point approaches the full gradient.
    from beale_gui.core.engine import StochasticConfig

    config = OptimizerConfig("gd", {"lr": 1e-9}, stochastic=StochasticConfig(batch_size=1))
    starts = np.repeat([[0.7, 1.4]], 30000, axis=0)
    r = run(BEALE, config, starts, max_steps=1, seed=3)
    implied = (r.paths[:, 0] - r.paths[:, 1]) / 1e-9
    g = BEALE.grad(np.array([0.7, 1.4]))
    spread = np.std(implied, axis=0) / math.sqrt(len(starts))
    assert np.all(np.abs(implied.mean(axis=0) - g) < 5 * spread)


def test_huge_learning_rate_diverges_with_a_finite_last_point():
    r = run(BEALE, OptimizerConfig("gd", {"lr": 1e3}), [[0.7, 1.4]], max_steps=1000)
    assert r.status[0] == DIVERGED
    assert np.isfinite(r.final_xy).all()
    assert np.isfinite(r.paths).all()
    assert np.isfinite(r.loss).all()
    assert r.describe(0) == f"diverged at step {r.stop_step[0] + 1}"


@pytest.mark.parametrize("fname", list(FUNCTIONS))
@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_on_every_function_stays_consistent(fname, name):
    fn = FUNCTIONS[fname]
    (x0, x1), (y0, y1) = fn.bounds
    starts = np.random.default_rng(0).uniform([x0, y0], [x1, y1], size=(5, 2))
    r = run(fn, OptimizerConfig(name), starts, max_steps=200, tol=1e-10)
    assert set(np.unique(r.status)) <= {MAX_STEPS, CONVERGED, DIVERGED}
    assert np.isfinite(r.paths).all()
    for i in range(r.n_runs):
        if r.status[i] == MAX_STEPS:
            assert r.stop_step[i] == 200
        np.testing.assert_array_equal(r.paths[i, r.stop_step[i]], r.final_xy[i])


@pytest.mark.parametrize(("name", "hp", "word"), [
    ("gd", {"lr": -1}, "lr"),
    ("gd", {"lr": 0}, "lr"),
    ("adam", {"beta1": 1.0}, "beta1"),
    ("adam", {"beta2": -0.1}, "beta2"),
    ("rmsprop", {"alpha": float("nan")}, "alpha"),
    ("momentum", {"momentum": "x"}, "momentum"),
    ("adam", {"gamma": 0.1}, "gamma"),
    ("adam", {"lr": np.array([0.1, -0.1])}, "lr"),
])
def test_bad_hyperparameters_raise_naming_them(name, hp, word):
    with pytest.raises(ValueError, match=word):
        OptimizerConfig(name, hp)


def test_unknown_optimizer_lists_the_choices():
    with pytest.raises(ValueError, match="unknown optimizer 'adamm'.*adam"):
        get_optimizer("adamm")


def test_torch_defaults():
    assert OPTIMIZERS["adam"].defaults == {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999,
                                           "eps": 1e-8, "weight_decay": 0.0, "maximize": 0}
    assert OPTIMIZERS["adagrad"].defaults["eps"] == 1e-10
    assert OPTIMIZERS["rmsprop"].defaults["alpha"] == 0.99
    assert OPTIMIZERS["adamw"].defaults["weight_decay"] == 0.01
    assert OPTIMIZERS["adadelta"].defaults == {"lr": 1.0, "rho": 0.9, "eps": 1e-6,
                                               "weight_decay": 0.0, "maximize": 0}
    assert OPTIMIZERS["nadam"].defaults["momentum_decay"] == 0.004


def test_adam_keeps_torchs_order_where_eps_is_too_small_to_fold():
    """At x = 0 Beale's dy is 0 and so is v_y: torch's ``m / (sqrt(v) / root + eps)`` is
    0 / eps = 0 there, where ``eps * root`` would underflow and give 0 / 0. The scalar path
    (one start) and a numpy unit (40) take the same branch, bit for bit."""
    from beale_gui.core.optimizers.adam import adam_folds_root

    hp = {"lr": 0.001, "eps": 5e-324}
    assert not adam_folds_root(get_optimizer("adam").check(hp))
    assert adam_folds_root(get_optimizer("adam").check({"lr": 0.001}))
    results = [run(BEALE, OptimizerConfig("adam", hp), np.zeros((n, 2)), max_steps=3)
               for n in (1, 40)]
    for r in results:
        assert (r.status == MAX_STEPS).all()
        np.testing.assert_array_equal(r.paths[:, 1, 1], 0.0)    # y stays put at step 1
        assert np.isfinite(r.paths).all()
    np.testing.assert_array_equal(results[1].paths, np.repeat(results[0].paths, 40, axis=0))
