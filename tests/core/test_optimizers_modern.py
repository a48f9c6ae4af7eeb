"""The optimizers torch.optim lacks: Lion, AdaBelief, Yogi, Schedule-Free SGD and AdamW.

Checked two ways: their first steps against the papers' formulas worked out by hand, and 300
steps against the reference implementations (lion-pytorch, adabelief-pytorch,
torch-optimizer's Yogi, schedulefree's reference classes) fed the engine's own gradients, in
float64, positions and every state entry to rtol 1e-9. The reference packages are optional
(each needs torch): a comparison is skipped, saying which package is missing, without them
(``pip install beale-gui[reference]``).
"""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from beale_gui.core.engine import OptimizerConfig, run
from beale_gui.core.functions import get_function
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.optimizers.adabelief import RECTIFIED, SGD, _form_and_factor
from beale_gui.core.optimizers.schedule_free import warmup_rate
from beale_gui.core.session import Experiment

MODERN = ("lion", "adabelief", "yogi", "sfsgd", "sfadamw")     # torch.optim has none of them
BEALE = get_function("beale")
START = (0.7, 1.4)
STARTS = [(0.7, 1.4), (-1.2, 0.9), (2.5, -0.6)]
STEPS = 300
# the settings compared with the reference: the defaults' rules, with rates that move on Beale,
# and every option away from its default
SETTINGS = {
    "lion": [{"lr": 0.003}, {"lr": 0.001, "beta1": 0.8, "beta2": 0.95, "weight_decay": 0.3}],
    "adabelief": [{"lr": 0.02}, {"lr": 0.02, "rectify": 0, "eps": 1e-8, "weight_decay": 0.1},
                  {"lr": 0.01, "beta1": 0.5, "beta2": 0.99, "weight_decay": 0.05}],
    "yogi": [{"lr": 0.05}, {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-4,
                            "initial_accumulator": 0.1, "weight_decay": 0.01}],
    "sfsgd": [{}, {"lr": 0.005, "momentum": 0.7, "warmup_steps": 20, "weight_decay": 0.01}],
    "sfadamw": [{"lr": 0.02}, {"lr": 0.03, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6,
                               "warmup_steps": 10, "weight_decay": 0.1}],
}
CASES = [(name, i) for name in MODERN for i in range(len(SETTINGS[name]))]


def _run(name: str, hp: dict, steps: int = STEPS, starts=STARTS):
    return run(BEALE, OptimizerConfig(name, hp), starts, max_steps=steps, tol=0.0,
               record_state=True)


def _hp(name: str, hp: dict) -> dict:
    return {k: float(v) for k, v in OptimizerConfig(name, hp).hparams.items()}


def test_the_modern_optimizers_are_registered_without_torch_counterparts():
    assert set(MODERN) <= set(OPTIMIZERS)
    assert set(SETTINGS) == set(MODERN)


def test_defaults_are_the_reference_implementations():
    assert OPTIMIZERS["lion"].defaults == {"lr": 1e-4, "beta1": 0.9, "beta2": 0.99,
                                           "weight_decay": 0.0}
    assert OPTIMIZERS["adabelief"].defaults == {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999,
                                                "eps": 1e-16, "rectify": 1,
                                                "weight_decay": 0.0}
    assert OPTIMIZERS["yogi"].defaults == {"lr": 1e-2, "beta1": 0.9, "beta2": 0.999,
                                           "eps": 1e-3, "initial_accumulator": 1e-6,
                                           "weight_decay": 0.0}
    # SGDScheduleFree's lr is 1.0 (for networks); 0.01 here, as GD's, says its help
    assert OPTIMIZERS["sfsgd"].defaults == {"lr": 0.01, "momentum": 0.9, "warmup_steps": 0,
                                            "weight_decay": 0.0}
    assert OPTIMIZERS["sfadamw"].defaults == {"lr": 0.0025, "beta1": 0.9, "beta2": 0.999,
                                              "eps": 1e-8, "warmup_steps": 0,
                                              "weight_decay": 0.0}


# -- the first steps, worked out by hand --------------------------------------------------------

def _first(name: str, hp: dict, steps: int = 3):
    r = _run(name, hp, steps, [START])
    return r, r.paths[0], r.grads[0], r.state_of(0)


def test_lions_steps_are_lr_times_a_sign():
    lr, b1, b2, wd = 0.01, 0.9, 0.99, 0.2
    r, w, g, state = _first("lion", {"lr": lr, "weight_decay": wd})
    # m0 = 0: c1 = sign((1 - b1) g0) = sign(g0); w1 = w0 (1 - lr wd) - lr sign(g0)
    np.testing.assert_allclose(w[1], w[0] * (1 - lr * wd) - lr * np.sign(g[0]), rtol=1e-15)
    m1 = (1 - b2) * g[0]
    np.testing.assert_allclose(state["exp_avg"][1], m1, rtol=1e-15)
    c2 = np.sign(b1 * m1 + (1 - b1) * g[1])
    np.testing.assert_allclose(w[2], w[1] * (1 - lr * wd) - lr * c2, rtol=1e-15)
    np.testing.assert_allclose(state["exp_avg"][2], b2 * m1 + (1 - b2) * g[1], rtol=1e-14)
    np.testing.assert_array_equal(r.moment[0, 2], state["exp_avg"][2])    # the arrow
    assert np.isnan(r.effective_lr).all()


def test_adabeliefs_first_steps():
    lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-16
    # rectified (the default): rho_1 = 1 < 5, so the first step is momentum SGD's, lr g0
    _, w, g, state = _first("adabelief", {"lr": lr})
    np.testing.assert_allclose(w[1], w[0] - lr * g[0], rtol=1e-14)
    m1 = (1 - b1) * g[0]
    s1 = (1 - b2) * (g[0] - m1) ** 2 + eps               # (g - m)^2 = (b1 g0)^2, eps added
    np.testing.assert_allclose(state["exp_avg_var"][1], s1, rtol=1e-14)
    m2 = b1 * m1 + (1 - b1) * g[1]
    np.testing.assert_allclose(w[2], w[1] - lr / (1 - b1**2) * m2, rtol=1e-14)
    # the paper's update: w1 = w0 - lr / (1 - b1) m1 / (sqrt(s1) / sqrt(1 - b2) + eps), which
    # is lr / b1 against the gradient's sign
    _, w, g, state = _first("adabelief", {"lr": lr, "rectify": 0})
    np.testing.assert_allclose(w[1], w[0] - lr / b1 * np.sign(g[0]), rtol=1e-12)
    # rectification starts at step 6 for beta2 = 0.999 (rho_5 = 4.99, rho_6 = 5.99)
    hp = _hp("adabelief", {})
    forms = [_form_and_factor(hp, t)[0] for t in range(1, 8)]
    assert forms == [SGD] * 5 + [RECTIFIED] * 2


def test_yogis_first_step():
    lr, b1, b2, eps, a = 0.05, 0.9, 0.999, 1e-3, 1e-6
    _, w, g, state = _first("yogi", {"lr": lr})
    m1 = b1 * a + (1 - b1) * g[0]
    v1 = a - (1 - b2) * np.sign(a - g[0] ** 2) * g[0] ** 2      # = a + (1 - b2) g0^2 here
    np.testing.assert_allclose(state["exp_avg"][1], m1, rtol=1e-15)
    np.testing.assert_allclose(state["exp_avg_sq"][1], v1, rtol=1e-15)
    step = lr / (1 - b1) * m1 / (np.sqrt(v1) / np.sqrt(1 - b2) + eps)
    np.testing.assert_allclose(w[1], w[0] - step, rtol=1e-14)
    # Yogi's v moves by (1 - b2) g^2 towards g^2; Adam's by (1 - b2) (g^2 - v)
    g1 = g[1]
    v2 = v1 - (1 - b2) * np.sign(v1 - g1**2) * g1**2
    np.testing.assert_allclose(state["exp_avg_sq"][2], v2, rtol=1e-14)


@pytest.mark.parametrize("warmup", [0, 4])
def test_schedule_free_sgds_first_steps_and_its_average(warmup):
    lr, beta = 0.01, 0.9
    _, w, g, state = _first("sfsgd", {"lr": lr, "warmup_steps": warmup})
    d = state["x_minus_z"]
    r1 = lr / 4 if warmup else lr                  # warm-up: t / warmup_steps of lr
    r2 = lr / 2 if warmup else lr
    # step 1: c = 1, so z1 = x1 = y1 = w0 - r1 g0
    np.testing.assert_allclose(w[1], w[0] - r1 * g[0], rtol=1e-15)
    np.testing.assert_array_equal(d[1], 0.0)
    # step 2: c2 = r2^2 / (r1^2 + r2^2) (1/2 at a constant rate, 0.8 warming up);
    # z2 = w1 - r2 g1, x2 = (1 - c2) w1 + c2 z2, y2 = beta x2 + (1 - beta) z2
    c2 = r2**2 / (r1**2 + r2**2)
    z2 = w[1] - r2 * g[1]
    x2 = (1 - c2) * w[1] + c2 * z2
    np.testing.assert_allclose(w[2], beta * x2 + (1 - beta) * z2, rtol=1e-14)
    np.testing.assert_allclose(w[2], w[1] - (1 - beta * (1 - c2)) * r2 * g[1], rtol=1e-14)
    np.testing.assert_allclose(d[2], x2 - z2, rtol=1e-12)
    np.testing.assert_allclose(state["weight_sum"][2], [r1**2 + r2**2], rtol=1e-15)
    np.testing.assert_allclose(state["lr_max"][2], [r2], rtol=1e-15)


def test_schedule_free_x_is_the_mean_of_the_z_at_a_constant_rate():
    """The state gives x = y + (1 - beta) d and z = y - beta d, d = x - z; at a constant rate
    x_t is the plain mean of z_1 .. z_t, and z the plain SGD sequence on y's gradients."""
    lr, beta = 0.01, 0.9
    r = _run("sfsgd", {"lr": lr}, 40, [START])
    y, g, d = r.paths[0], r.grads[0], r.state_of(0)["x_minus_z"]
    z, x = y - beta * d, y + (1 - beta) * d
    np.testing.assert_allclose(z[1:], y[0] - lr * np.cumsum(g[:-1], axis=0), rtol=1e-12)
    means = np.cumsum(z[1:], axis=0) / np.arange(1, 41)[:, None]
    np.testing.assert_allclose(x[1:], means, rtol=1e-12)


def test_schedule_free_adamws_first_step_is_about_lr_against_the_sign():
    _, w, g, _ = _first("sfadamw", {"lr": 0.02})
    # v1 = (1 - b2) g0^2: the step is lr g0 / (|g0| + eps)
    np.testing.assert_allclose(w[1], w[0] - 0.02 * g[0] / (np.abs(g[0]) + 1e-8), rtol=1e-14)


# -- against the reference implementations ------------------------------------------------------

def _reference(torch, name: str, hp: dict, param):
    """The reference optimizer of ``name``; skips when its package is not installed."""
    def package(module: str):
        return pytest.importorskip(module, reason=f"{module} (the reference of {name}) is not "
                                                  "installed")

    if name == "lion":
        return package("lion_pytorch").Lion([param], lr=hp["lr"],
                                            betas=(hp["beta1"], hp["beta2"]),
                                            weight_decay=hp["weight_decay"])
    if name == "adabelief":
        return package("adabelief_pytorch").AdaBelief(
            [param], lr=hp["lr"], betas=(hp["beta1"], hp["beta2"]), eps=hp["eps"],
            weight_decay=hp["weight_decay"], rectify=bool(hp["rectify"]),
            print_change_log=False)
    if name == "yogi":
        return package("torch_optimizer").Yogi(
            [param], lr=hp["lr"], betas=(hp["beta1"], hp["beta2"]), eps=hp["eps"],
            initial_accumulator=hp["initial_accumulator"], weight_decay=hp["weight_decay"])
    module = package("schedulefree")
    if name == "sfsgd":
        opt = module.SGDScheduleFreeReference([param], lr=hp["lr"], momentum=hp["momentum"],
                                              warmup_steps=int(hp["warmup_steps"]),
                                              weight_decay=hp["weight_decay"])
    else:
        opt = module.AdamWScheduleFreeReference(
            [param], lr=hp["lr"], betas=(hp["beta1"], hp["beta2"]), eps=hp["eps"],
            warmup_steps=int(hp["warmup_steps"]), weight_decay=hp["weight_decay"])
    opt.train()
    return opt


def _their_state(name: str, hp: dict, state: dict) -> dict[str, np.ndarray]:
    """The reference's state by our entries' names (schedule-free: x - z from its x and z)."""
    theirs = {k: v.detach().numpy().copy() for k, v in state.items()
              if hasattr(v, "detach") and v.ndim}
    if name in ("sfsgd", "sfadamw"):
        theirs["x_minus_z"] = theirs["x"] - theirs["z"]
    return theirs


@pytest.mark.parametrize(("name", "case"), CASES)
def test_matches_the_reference_implementation(name, case, torch64, torch_tally):
    torch = torch64
    hp = _hp(name, SETTINGS[name][case])
    result = _run(name, hp)
    n, steps = result.n_runs, result.n_steps
    param = torch.tensor(result.paths[:, 0], dtype=torch.float64, requires_grad=True)
    opt = _reference(torch, name, hp, param)
    ours = {k: np.stack([result.state_of(i)[k] for i in range(n)]) for k in
            OPTIMIZERS[name].state._fields}
    beta = hp.get("momentum", hp.get("beta1"))
    for s in range(steps):
        param.grad = torch.tensor(result.grads[:, s], dtype=torch.float64)
        opt.step()
        t = s + 1
        live = result.stop_step >= t
        where = f"{name} {hp}, step {t}"
        np.testing.assert_allclose(result.paths[live, t], param.detach().numpy()[live],
                                   rtol=1e-9, atol=1e-12, err_msg=where)
        theirs = _their_state(name, hp, opt.state[param])
        for key, values in ours.items():
            if key in ("weight_sum", "lr_max"):
                group = opt.param_groups[0]
                np.testing.assert_allclose(values[live, t, 0], group[key], rtol=1e-12,
                                           err_msg=where)
                continue
            np.testing.assert_allclose(values[live, t], theirs[key][live], rtol=1e-9,
                                       atol=1e-12, err_msg=f"{where}: {key}")
        if name in ("sfsgd", "sfadamw"):             # the average, which is evaluated
            d = ours["x_minus_z"][:, t]
            x = result.paths[:, t] + (1.0 - beta) * d
            np.testing.assert_allclose(x[live], theirs["x"][live], rtol=1e-9, atol=1e-12,
                                       err_msg=where)
    assert (result.stop_step == steps).all()
    torch_tally.add(runs=n, steps=steps)


@pytest.mark.parametrize("name", MODERN)
def test_the_reference_packages_defaults_are_ours(name, torch64):
    torch = torch64
    param = torch.zeros(2, requires_grad=True)
    opt = _reference(torch, name, _hp(name, {}), param)
    signature = inspect.signature(type(opt).__init__).parameters
    ours = OPTIMIZERS[name].defaults
    for key, value in ours.items():
        if key in ("beta1", "beta2"):
            assert signature["betas"].default[int(key[-1]) - 1] == value, key
        elif key == "rectify":
            assert signature["rectify"].default is True
        elif name == "sfsgd" and key == "lr":
            assert signature["lr"].default == 1.0                  # not ours: see the help
        else:
            assert signature[key].default == value, key


# -- used by tests/core/test_mechanics.py ---------------------------------------------------------

def schedule_free_step(hp: dict, result, t: int) -> tuple[np.ndarray, np.ndarray]:
    """Update ``t``'s step of Schedule-Free AdamW (every run of a one-configuration ``result``)
    by its row of OptimizerSpec's table, from the recorded rate and state: ``dw = -(1 - beta1
    (1 - c_t)) (eff * g + gamma_t * weight_decay * w) - beta1 * c_t * d_{t-1}``, c_t =
    lr_max_t^2 / W_t; and the size of its terms."""
    (record,) = result.state
    d0 = record["x_minus_z"][:, t - 1]
    lr_max, total = record["lr_max"][:, t], record["weight_sum"][:, t]
    c = lr_max * lr_max / total
    w, g = result.paths[:, t - 1], result.grads[:, t - 1]
    gamma = warmup_rate(result.lr[:, t - 1, None], hp["warmup_steps"], t)
    beta, wd = hp["beta1"], hp["weight_decay"]
    factor = 1.0 - beta * (1.0 - c)
    main = -factor * result.effective_lr[:, t] * g
    decay, average = -factor * gamma * wd * w, -beta * c * d0
    return main + decay + average, np.abs(main) + np.abs(decay) + np.abs(average)


# -- used by tests/core/test_explain.py ---------------------------------------------------------

def modern_expected(name: str, hp: dict, state: dict, lr: float, g: np.ndarray, simple: dict,
                    t: int, symbol: str) -> np.ndarray | None:
    """The engine's value of an Explain line of these optimizers that is no state entry (None
    for another line), computed as the kernels compute it: Lion's sign, AdaBelief's rho,
    Schedule-Free's warmed-up rate, averaging weight and its z and x (from the new point w and
    the recorded d = x - z)."""
    if name == "lion" and symbol == "c<sub>t</sub>":
        return np.sign(state["exp_avg"][t - 1] * hp["beta1"] + g * (1.0 - hp["beta1"]))
    if name == "adabelief" and symbol == "ρ<sub>t</sub>":
        power = hp["beta2"] ** t
        rho_inf = 2.0 / (1.0 - hp["beta2"]) - 1.0
        return np.array([rho_inf - 2.0 * t * power / (1.0 - power)])
    if name not in ("sfsgd", "sfadamw"):
        return None
    beta = hp["beta1"] if name == "sfadamw" else hp["momentum"]
    d, w = state["x_minus_z"][t], simple["w<sub>t</sub>"]
    if symbol == "γ<sub>t</sub>":
        return np.array([warmup_rate(lr, hp["warmup_steps"], t)])
    if symbol == "c<sub>t</sub>":
        (lr_max,), (total,) = state["lr_max"][t], state["weight_sum"][t]
        return np.array([lr_max * lr_max / total])
    if symbol == "z<sub>t</sub>":
        return w - d * beta
    if symbol == "x<sub>t</sub>":
        return w + d * (1.0 - beta)
    return None


@pytest.mark.parametrize("name", ["sfsgd", "sfadamw"])
def test_schedule_free_draws_the_average_x_and_its_f(name):
    """The engine's point is y, where the gradient is taken; what the window and the figures
    draw (RunResult.shown) is the average x, worked out here by the reference's own three
    sequences, with f and the gradient at x."""
    fn = get_function("beale")
    config = OptimizerConfig(name, {"lr": 0.01})
    result = run(fn, [config, OptimizerConfig("adam")], [(0.7, 1.4)], max_steps=80,
                 record_state=True)
    hp = config.hparams
    beta = hp["momentum"] if name == "sfsgd" else hp["beta1"]
    y = np.array([0.7, 1.4])
    x, z, v, total = y.copy(), y.copy(), np.zeros(2), 0.0
    xs = [x.copy()]
    for t in range(1, 81):
        g = fn.grad(y)
        if name == "sfsgd":
            u = g
        else:
            v = hp["beta2"] * v + (1 - hp["beta2"]) * g * g
            u = g / (np.sqrt(v / (1 - hp["beta2"] ** t)) + hp["eps"])
        z = z - hp["lr"] * u
        total += hp["lr"] ** 2
        c = hp["lr"] ** 2 / total
        x = (1 - c) * x + c * z
        y = beta * x + (1 - beta) * z
        xs.append(x.copy())
    paths, loss, grads = result.shown()
    np.testing.assert_allclose(paths[0], np.array(xs), rtol=1e-10, atol=1e-12)
    assert not np.allclose(paths[0, 2:], result.paths[0, 2:], rtol=1e-6)   # x is not y
    np.testing.assert_array_equal(loss[0], fn.value(paths[0]))
    np.testing.assert_array_equal(grads[0], fn.grad(paths[0]))
    np.testing.assert_array_equal(paths[1], result.paths[1])                 # Adam's: its own
    bare = run(fn, config, [(0.7, 1.4)], max_steps=80)              # no state: the engine's y
    np.testing.assert_array_equal(bare.shown()[0], bare.paths)


def test_a_figure_run_keeps_what_schedule_free_draws():
    exp = Experiment(get_function("beale"), [OptimizerConfig("sfsgd")], np.array([[0.7, 1.4]]),
                     max_steps=50)
    result = exp.run()
    assert result.state is not None
    assert exp.run(record=False).state is None
