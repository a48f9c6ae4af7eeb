"""torch.optim's ``maximize`` (beale_gui/core/optimizers/maximize.py): every optimizer torch
gives it climbs as torch.optim does (float64, 300 steps, rtol 1e-9), both engine paths give the
same bits, per-run switches (a search over it) give each run the bits it gets alone, and the
Explain panel shows the negated gradient the step used."""

from __future__ import annotations

import numpy as np
import pytest

from beale_gui.core.engine import EngineTuning, OptimizerConfig, StochasticConfig, run
from beale_gui.core.explain import explain
from beale_gui.core.functions import get_function, parse_expression
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.optimizers.maximize import MAXIMIZE, TORCH_MAXIMIZE
from beale_gui.core.playhead import mechanics_at

from .test_explain import _assert_numbers_give_values
from .test_mechanics import SETTINGS, _torch_optimizer

# Beale turned upside down: bounded above, its maximum 0 at (3, 0.5). Maximizing it from near
# Beale's usual start is Beale's descent, so no default rate runs off in 300 steps.
NEG_BEALE = parse_expression("-((1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + "
                             "(2.625 - x + x*y^3)^2)", name="neg_beale")
STARTS = [(0.7, 1.4), (2.0, 0.2), (3.5, 0.8), (1.0, 1.0)]
STEPS = 300
NAMES = sorted(TORCH_MAXIMIZE)
# the optimizers torch lacks: their references have no maximize
# torch.optim has none of these (and its LBFGS no maximize)
WITHOUT = {"lion", "adabelief", "yogi", "sfsgd", "sfadamw", "newton", "lbfgs", "cg"}


def _settings(name: str) -> list[dict]:
    """Defaults and the tests' setting with weight decay (negated first, then decayed), each
    with maximize on; a rate that keeps the runs in view on upside-down Beale."""
    cases = [dict(SETTINGS[name][0]), dict(SETTINGS[name][1])]
    for hp in cases:
        if name in ("gd", "sgd", "momentum", "nesterov", "asgd") and "lr" not in hp:
            hp["lr"] = 0.002
        hp["maximize"] = 1
    return cases


CASES = [(name, i) for name in NAMES for i in range(2)]


def test_maximize_is_given_exactly_where_torch_has_it():
    have = {name for name, spec in OPTIMIZERS.items()
            if "maximize" in {p.name for p in spec.params}}
    assert have == set(TORCH_MAXIMIZE)
    assert have | WITHOUT == set(OPTIMIZERS)
    for name in have:
        spec = OPTIMIZERS[name]
        assert spec.params[-1] is MAXIMIZE
        assert spec.defaults["maximize"] == 0
    assert MAXIMIZE.flag
    assert MAXIMIZE.integer
    with pytest.raises(ValueError, match="maximize"):
        OPTIMIZERS["adam"].check({"maximize": 2})
    with pytest.raises(ValueError, match="unknown parameter 'maximize'"):
        OPTIMIZERS["lion"].check({"maximize": 1})


def _config(name: str, hp: dict) -> OptimizerConfig:
    # sgd's mini-batch gradient on a function of no terms: the gradient with noise, recorded
    stochastic = StochasticConfig(batch_size=1, noise=0.5) if name == "sgd" else None
    return OptimizerConfig(name, hp, stochastic=stochastic)


@pytest.mark.parametrize(("name", "case"), CASES)
def test_maximize_climbs_as_torch_optim_does(torch64, torch_tally, name, case):
    torch = torch64
    config = _config(name, _settings(name)[case])
    hp = {k: float(v) for k, v in config.hparams.items()}
    result = run(NEG_BEALE, config, STARTS, max_steps=STEPS, record_state=True)
    n, steps = result.n_runs, result.n_steps
    assert (result.stop_step == STEPS).all(), f"{name} {hp}: a run stopped"
    param = torch.tensor(result.paths[:, 0], dtype=torch.float64, requires_grad=True)
    opt = _torch_optimizer(torch, name, hp, param)
    assert opt.param_groups[0]["maximize"] is True
    ours = result.paths[:, 1:]
    theirs = np.empty_like(ours)
    for s in range(steps):
        opt.param_groups[0]["lr"] = float(result.lr[0, s])
        used = result.used_grad_of(0)
        g = (np.stack([result.used_grad_of(i)[s] for i in range(n)]) if used is not None
             else result.grads[:, s])
        param.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        theirs[:, s] = param.detach().numpy()
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-12,
                               err_msg=f"{name} {config.hparams}")
    # and it climbed: f rose from every start
    assert (result.loss[:, -1] > result.loss[:, 0]).all(), name
    torch_tally.add(runs=n, steps=steps)


@pytest.mark.parametrize("name", sorted(TORCH_MAXIMIZE - {"sgd"}))
def test_both_paths_give_the_same_bits(name):
    config = _config(name, _settings(name)[1])
    results = [run(NEG_BEALE, config, STARTS, max_steps=80, record_state=True,
                   tuning=EngineTuning(path=path)) for path in ("few_runs", "batch")]
    few, batch = results
    for what in ("paths", "loss", "grads", "effective_lr", "moment"):
        np.testing.assert_array_equal(getattr(few, what), getattr(batch, what),
                                      err_msg=f"{name}: {what}")


@pytest.mark.parametrize("name", ["gd", "momentum", "rmsprop", "adam", "adamw", "nadam",
                                  "radam", "rprop", "asgd"])
def test_per_run_switches_give_each_run_its_own_bits(name):
    """A search over maximize: one batch, the switch per run, each run as alone."""
    hp = _settings(name)[1]
    flags = np.array([0.0, 1.0, 1.0, 0.0])
    together = run(NEG_BEALE, OptimizerConfig(name, {**hp, "maximize": flags}), STARTS[:1],
                   max_steps=60, record=False)
    for k, flag in enumerate(flags):
        alone = run(NEG_BEALE, OptimizerConfig(name, {**hp, "maximize": flag}), STARTS[:1],
                    max_steps=60, record=False)
        np.testing.assert_array_equal(together.final_xy[k], alone.final_xy[0], err_msg=name)


def test_maximize_off_is_the_optimizer_without_it():
    """0, the default, changes nothing: the same bits as the registry's defaults."""
    beale = get_function("beale")
    for name in NAMES:
        hp = dict(SETTINGS[name][1])
        plain = run(beale, OptimizerConfig(name, hp), STARTS, max_steps=50)
        off = run(beale, OptimizerConfig(name, {**hp, "maximize": 0}), STARTS, max_steps=50)
        np.testing.assert_array_equal(plain.paths, off.paths, err_msg=name)


@pytest.mark.parametrize(("name", "stochastic"), [("gd", False), ("adam", False), ("adamw", False),
                                                  ("rmsprop", False), ("sgd", True)])
def test_the_explain_panel_shows_the_negated_gradient(name, stochastic):
    hp = _settings(name)[1]
    wd = hp.get("weight_decay", 0.0)
    result = run(NEG_BEALE, _config(name, hp), STARTS[:1], max_steps=20, record_state=True)
    for step in (1, 2, 12):
        e = explain(result, 0, step)
        assert e.rule[0].startswith("g<sub>t</sub> = −∇f"), e.rule[0]
        lines = {line.symbol: line for line in e.lines}
        g_line = lines["g<sub>t</sub>"]
        assert "maximize: the gradient is negated" in g_line.meaning
        used = result.used_grad_of(0)
        grad = used[step - 1] if used is not None else result.grads[0, step - 1]
        w0 = result.paths[0, step - 1]
        coupled = OPTIMIZERS[name].couples_decay(result.hparams_of(0))   # not AdamW's
        expected = -grad + w0 * wd if coupled else -grad
        np.testing.assert_array_equal(g_line.values, expected)
        for line in e.lines:
            if not line.numbers[0].startswith("∂f/∂"):      # the gradient, as its name
                _assert_numbers_give_values(line)
        if stochastic:
            assert "∇f<sub>B</sub>(w<sub>t−1</sub>)" in lines
        else:
            np.testing.assert_array_equal(lines["∇f(w<sub>t−1</sub>)"].values,
                                          result.grads[0, step - 1])


@pytest.mark.parametrize("name", sorted(n for n in TORCH_MAXIMIZE
                                        if OPTIMIZERS[n].effective_lr is not None))
def test_the_effective_rate_times_the_negated_gradient_is_the_step(name):
    """The table's rate scales what the step used: -grad f where it scales the gradient."""
    result = run(NEG_BEALE, OptimizerConfig(name, _settings(name)[0]), STARTS, max_steps=50,
                 record_state=True)
    hp = result.hparams_of(0)
    spec = OPTIMIZERS[name]
    dw = np.diff(result.paths, axis=1)
    eff = result.effective_lr[:, 1:]
    if spec.effective_lr_scales == "gradient":
        used = -result.grads[:, :-1]
        expected = -eff * used
        if name == "asgd":                      # its decay is a term of its own
            expected = expected - eff * result.hparams_of(0)["lambd"] * result.paths[:, :-1]
    else:
        expected = -eff * result.moment[:, 1:]
        if hp.get("weight_decay") and not spec.couples_decay(hp):     # AdamW's decoupled decay
            expected = expected - result.lr[:, :-1, None] * hp["weight_decay"] * \
                result.paths[:, :-1]
    np.testing.assert_allclose(dw, expected, rtol=1e-9, atol=1e-14, err_msg=name)


def test_the_descent_arrow_of_a_run_that_maximizes_points_the_way_it_goes():
    """The mechanics arrow drawn as "descent" is the way the gradient moves a run: uphill,
    +∇f, for one that maximizes; GD's step is lr times it."""
    fn = parse_expression("-(x**2) - 2*y**2")
    result = run(fn, [OptimizerConfig("gd", {"lr": 0.1, "maximize": 1}),
                      OptimizerConfig("gd", {"lr": 0.1})], [(1.0, 1.0)], max_steps=5,
                 record_state=True)
    arrows = mechanics_at(result, 2)
    np.testing.assert_array_equal(arrows["descent"][0], result.grads[0, 2])
    np.testing.assert_array_equal(arrows["descent"][1], -result.grads[1, 2])
    for i in range(2):
        np.testing.assert_allclose(arrows["step"][i], 0.1 * arrows["descent"][i], rtol=1e-12)
