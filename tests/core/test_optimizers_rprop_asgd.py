"""Rprop, ASGD, RMSprop's ``centered`` and Adagrad's ``lr_decay`` against torch.optim itself
(float64, 300 steps, rtol 1e-9), by hand for the first steps, and in batches of mixed settings."""

import numpy as np
import pytest

from beale_gui.core.engine import MAX_STEPS, EngineTuning, OptimizerConfig, run
from beale_gui.core.functions import get_function
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.params import Param

from .reference import reference_steps

BEALE = get_function("beale")
START = [0.7, 1.4]
STEPS = 300
# Defaults, and every hyperparameter away from its default: Rprop's clamps reached (a small
# largest step, a minimum above torch's), ASGD averaging from step 20 with weight decay,
# RMSprop centered alone and with momentum and weight decay, Adagrad's decay with weight decay.
CASES = [
    ("rprop", {}),
    ("rprop", {"lr": 0.05, "etaminus": 0.3, "etaplus": 1.5, "step_size_min": 1e-4,
               "step_size_max": 0.2}),
    ("rprop", {"lr": 0.01, "step_size_min": 0.02, "step_size_max": 0.01}),   # min > max
    ("asgd", {}),
    ("asgd", {"lr": 0.005, "lambd": 0.01, "alpha": 0.6, "t0": 20, "weight_decay": 0.05}),
    ("rmsprop", {"centered": 1}),
    # alpha 0.98: with a shorter memory (0.9) the variance v - g-bar^2 cancels to a few digits
    # as the run settles (step 170 here), and the last-bit difference of torch's fused lerp
    # grows to 1e-5 by step 300 (measured); at 0.98 the paths agree to the bit
    ("rmsprop", {"lr": 0.005, "alpha": 0.98, "eps": 1e-6, "momentum": 0.5, "centered": 1,
                 "weight_decay": 0.01}),
    ("adagrad", {"lr": 0.3, "lr_decay": 0.05}),
    ("adagrad", {"lr": 0.2, "lr_decay": 0.5, "initial_accumulator_value": 0.1,
                 "weight_decay": 0.01}),
]


def _torch_optimizer(torch, name: str, hp: dict, param):
    if name == "rprop":
        return torch.optim.Rprop([param], lr=hp["lr"], etas=(hp["etaminus"], hp["etaplus"]),
                                 step_sizes=(hp["step_size_min"], hp["step_size_max"]),
                                 foreach=False)
    if name == "asgd":
        return torch.optim.ASGD([param], lr=hp["lr"], lambd=hp["lambd"], alpha=hp["alpha"],
                                t0=hp["t0"], weight_decay=hp["weight_decay"], foreach=False)
    if name == "rmsprop":
        return torch.optim.RMSprop([param], lr=hp["lr"], alpha=hp["alpha"], eps=hp["eps"],
                                   momentum=hp["momentum"], centered=bool(hp["centered"]),
                                   weight_decay=hp["weight_decay"], foreach=False)
    assert name == "adagrad"
    return torch.optim.Adagrad([param], lr=hp["lr"], lr_decay=hp["lr_decay"], eps=hp["eps"],
                               initial_accumulator_value=hp["initial_accumulator_value"],
                               weight_decay=hp["weight_decay"], foreach=False)


@pytest.mark.parametrize(("name", "setting"), CASES, ids=[f"{n}{s}" for n, s in CASES])
def test_matches_torch_optim_for_300_steps(torch64, torch_tally, name, setting):
    """The path and every state entry torch keeps (Rprop's prev and step_size, ASGD's eta, mu
    and ax, RMSprop's grad_avg), step by step, torch stepping on its own points."""
    torch = torch64
    hp = dict(OptimizerConfig(name, setting).hparams)
    result = run(BEALE, OptimizerConfig(name, hp), [START], max_steps=STEPS, tol=0.0,
                 record_state=True)
    assert result.n_steps == STEPS
    assert result.stop_step[0] == STEPS
    w = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    opt = _torch_optimizer(torch, name, hp, w)
    theirs, states = [START], []
    for _ in range(STEPS):
        opt.zero_grad()
        x, y = w[0], w[1]
        f = (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2
        f.backward()
        opt.step()
        theirs.append(w.detach().numpy().copy())
        states.append({k: v.detach().numpy().copy() for k, v in opt.state[w].items()})
    np.testing.assert_allclose(result.paths[0], np.array(theirs), rtol=1e-9, atol=1e-12)
    recorded = result.state_of(0)
    for key in recorded:
        if key in ("velocity", "square_avg", "sum") or (key == "grad_avg"
                                                        and not hp["centered"]):
            continue                            # checked in test_mechanics; grad_avg stays 0
        ours = recorded[key][1:]
        torch_values = np.array([np.broadcast_to(s[key], ours.shape[1:]) for s in states])
        np.testing.assert_allclose(ours, torch_values, rtol=1e-9, atol=1e-12, err_msg=key)
    if name == "rmsprop" and not hp["centered"]:
        assert not recorded["grad_avg"].any()
    torch_tally.add(runs=1, steps=STEPS)


def test_the_paths_differ_from_the_default_options():
    """The options change the path (a test above passing with the option ignored would be
    no test of it)."""
    for name, option in (("rmsprop", {"centered": 1}), ("adagrad", {"lr_decay": 0.05})):
        plain = run(BEALE, OptimizerConfig(name), [START], max_steps=50).paths[0]
        optioned = run(BEALE, OptimizerConfig(name, option), [START], max_steps=50).paths[0]
        assert not np.allclose(plain[1:], optioned[1:], rtol=1e-6), name


@pytest.mark.parametrize(("name", "setting"), CASES, ids=[f"{n}{s}" for n, s in CASES])
def test_first_steps_match_the_documented_update(name, setting):
    """Against the plain-Python transcription of torch's documented algorithms."""
    config = OptimizerConfig(name, setting)
    result = run(BEALE, config, [START], max_steps=30)
    expected = reference_steps(name, dict(config.hparams), lambda w: BEALE.grad(np.array(w)),
                               START, 30)
    np.testing.assert_allclose(result.paths[0], expected, rtol=1e-12, atol=1e-14)


def test_hand_worked_first_steps():
    g0 = BEALE.grad(np.array(START))
    # Rprop: step 1 moves each axis by lr against the gradient's sign; the step size grows by
    # etaplus on an axis whose gradient keeps its sign, shrinks by etaminus (and the axis
    # stays) where it flips
    r = run(BEALE, OptimizerConfig("rprop", {"lr": 0.1}), [START], max_steps=2,
            record_state=True)
    np.testing.assert_array_equal(r.paths[0, 1], np.array(START) - 0.1 * np.sign(g0))
    g1 = r.grads[0, 1]
    kept = np.sign(g1) == np.sign(g0)
    size = np.where(kept, 0.1 * 1.2, 0.1 * 0.5)
    np.testing.assert_array_equal(r.state_of(0)["step_size"][2], size)
    np.testing.assert_array_equal(r.paths[0, 2],
                                  r.paths[0, 1] - np.where(kept, size * np.sign(g1), 0.0))
    # ASGD: w1 = (1 - lambd lr) w0 - lr g0; the average is the point (t0 not reached); the
    # next step size lr / (1 + lambd lr) ** alpha
    r = run(BEALE, OptimizerConfig("asgd", {"lr": 0.01, "lambd": 0.1}), [START], max_steps=1,
            record_state=True)
    w1 = (1 - 0.1 * 0.01) * np.array(START) - 0.01 * g0
    np.testing.assert_allclose(r.paths[0, 1], w1, rtol=1e-15)
    np.testing.assert_array_equal(r.state_of(0)["ax"][1], r.paths[0, 1])
    assert r.state_of(0)["eta"][1, 0] == pytest.approx(0.01 / (1 + 0.1 * 0.01) ** 0.75,
                                                       rel=1e-15)
    # centered RMSprop: v = 0.01 g^2, g-bar = 0.01 g, so the first step is
    # lr g / sqrt(0.0099 g^2) = lr / sqrt(0.0099) against the sign
    r = run(BEALE, OptimizerConfig("rmsprop", {"lr": 0.01, "centered": 1}), [START],
            max_steps=1)
    np.testing.assert_allclose(r.paths[0, 1], START - 0.01 / np.sqrt(0.0099) * np.sign(g0),
                               rtol=1e-7)
    # Adagrad with lr_decay k: step t uses lr / (1 + (t - 1) k); step 2's sum is g0^2 + g1^2
    r = run(BEALE, OptimizerConfig("adagrad", {"lr": 0.1, "lr_decay": 0.5}), [START],
            max_steps=2)
    g1 = r.grads[0, 1]
    np.testing.assert_allclose(r.paths[0, 2] - r.paths[0, 1],
                               -0.1 / 1.5 * g1 / (np.sqrt(g0 * g0 + g1 * g1) + 1e-10),
                               rtol=1e-12)


@pytest.mark.parametrize(("name", "key", "values"), [
    ("rmsprop", "centered", [0.0, 1.0, 1.0, 0.0]),
    ("rprop", "etaplus", [1.1, 1.2, 1.5, 2.0]),
    ("asgd", "t0", [0.0, 3.0, 10.0, 1e6]),
    ("adagrad", "lr_decay", [0.0, 0.01, 0.1, 1.0]),
])
def test_a_batch_of_settings_equals_each_alone(name, key, values):
    """Per-run values (a search's batch, some runs centered and some not) give each run's
    path alone, bit for bit."""
    starts = [START, [-1.0, 1.5]]
    batch = run(BEALE, OptimizerConfig(name, {key: np.array(values)}), starts, max_steps=120,
                tol=0.0)
    for i in range(batch.n_runs):
        value = values[batch.variant_index[i]]
        alone = run(BEALE, OptimizerConfig(name, {key: value}), [starts[batch.start_index[i]]],
                    max_steps=120, tol=0.0)
        np.testing.assert_array_equal(batch.paths[i], alone.paths[0], err_msg=f"{key}={value}")


def test_centered_is_a_flag():
    param = {p.name: p for p in OPTIMIZERS["rmsprop"].params}["centered"]
    assert isinstance(param, Param)
    assert param.integer
    assert (param.low, param.high) == (0, 1)
    assert OPTIMIZERS["rmsprop"].defaults["centered"] == 0.0
    with pytest.raises(ValueError, match="centered: 0.5 is not a whole number"):
        OptimizerConfig("rmsprop", {"centered": 0.5})
    with pytest.raises(ValueError, match="centered: 2 is outside"):
        OptimizerConfig("rmsprop", {"centered": 2})


def test_rprop_refuses_factors_on_the_wrong_side_of_1():
    with pytest.raises(ValueError, match="etaminus"):
        OptimizerConfig("rprop", {"etaminus": 1.0})
    with pytest.raises(ValueError, match="etaplus"):
        OptimizerConfig("rprop", {"etaplus": 0.9})


@pytest.mark.parametrize("method", ["grid", "random"])
def test_a_search_over_centered_tries_0_and_1_only(method):
    """A flag searched over 0..1 is rounded to its two values, each scored as a run of it
    alone would be."""
    from beale_gui.core.search import Axis, search

    r = search(BEALE, OptimizerConfig("rmsprop"), [Axis("centered", 0.0, 1.0)], method=method,
               budget=6, max_steps=60, seed=2)
    assert set(r.points[:, 0].tolist()) == {0.0, 1.0}
    for i in range(len(r.points)):
        alone = run(BEALE, OptimizerConfig("rmsprop", r.hparams(i)), [START], max_steps=60)
        assert r.scores[i] == alone.final_loss[0]



def test_asgd_step_size_that_underflows_to_0_is_no_error():
    """(1 + lambd lr t) ** alpha beyond the floats: Python's power raises, numpy's gives inf;
    both paths take eta = 0 (the point then only decays by lambd * 0)."""
    config = OptimizerConfig("asgd", {"lr": 1.0, "lambd": 1e6, "alpha": 1000.0})
    for path in ("auto", "batch"):
        r = run(BEALE, config, [START], max_steps=5, tol=0.0, record_state=True,
                tuning=EngineTuning(path=path))
        assert r.state_of(0)["eta"][1, 0] == 0.0
        np.testing.assert_array_equal(r.paths[0, 2:], np.broadcast_to(r.paths[0, 1], (4, 2)))


@pytest.mark.parametrize("path", ["few_runs", "batch"])
@pytest.mark.parametrize("function", ["beale", "rosenbrock", "himmelblau"])
def test_an_rprop_pause_is_not_convergence(function, path):
    """Where every axis's sign flips, Rprop stays put for one step (as torch's): f does not
    change, which the seed's stop rule alone would call convergence (on Beale at step 35, f
    8e-6 from the minimum). The run goes on past every pause, and ends near the minimum."""
    fn = get_function(function)
    result = run(fn, OptimizerConfig("rprop"), [(0.7, 1.4)], max_steps=1000, tol=1e-9,
                 tuning=EngineTuning(path=path))
    stop = int(result.stop_step[0])
    moves = np.diff(result.paths[0, :stop + 1], axis=0)
    paused = np.flatnonzero((moves == 0.0).all(axis=1)
                            & (result.grads[0, :stop] != 0.0).any(axis=1))
    assert len(paused)                                   # it paused, and went on after each
    assert (paused < stop - 1).all()
    assert result.final_loss[0] < 1e-4
    off = run(fn, OptimizerConfig("gd", {"lr": 1e-3}), [(0.7, 1.4)], max_steps=50, tol=1e-9)
    assert off.status[0] == MAX_STEPS        # (the rule is unchanged for everyone else)
