"""What the window shows of each run's mechanics, checked against something other than itself.

The results table shows a per-axis *effective learning rate* and the canvas a *moment* arrow
(velocity / first moment), both read from ``RunResult.effective_lr`` and ``RunResult.moment``
by :func:`beale_gui.core.playhead.state_at` and :func:`~beale_gui.core.playhead.mechanics_at`.
Here they are checked two ways, step by step, for every optimizer in the registry:

* against ``torch.optim`` fed the engine's recorded gradients (and its learning rate of each
  step): the moment against torch's buffer, the rate against its definition evaluated on
  torch's state (``exp_avg_sq``, ``max_exp_avg_sq``, ``sum``, ``square_avg``, ``acc_delta``,
  ``mu_product``, ``step``), and every state entry of the optimizer's kernel against torch's
  entry of the same name;
* against the step it explains: the step actually taken, ``paths[:, t+1] - paths[:, t]``,
  equals the rate times the gradient or moment it scales (the table in
  :class:`beale_gui.core.optimizers.OptimizerSpec`), to 1e-10 relative.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from beale_gui.core.engine import (
    CONVERGED,
    EngineTuning,
    OptimizerConfig,
    StochasticConfig,
    run,
)
from beale_gui.core.functions import get_function
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.playhead import mechanics_at, state_at
from beale_gui.core.schedules import ScheduleConfig

from .test_optimizers_modern import MODERN, schedule_free_step

STEPS = 150
FUNCTIONS = ("beale", "rosenbrock", "himmelblau")
STARTS = {
    "beale": [(0.7, 1.4), (-1.2, 0.9), (2.5, -0.6)],
    "rosenbrock": [(-1.2, 1.0), (0.5, -0.5), (1.3, 1.9)],
    "himmelblau": [(0.0, 0.0), (-1.0, 2.5), (1.5, -3.0)],
}
SCHEDULES = {"constant": ScheduleConfig(),
             "exponential": ScheduleConfig("exponential", {"gamma": 0.99})}
# Defaults (what a user sees first), every hyperparameter away from its default (weight decay
# included), and a few edges: RMSprop without and with momentum, beta1 = 0.
SETTINGS = {
    "gd": [{}, {"lr": 0.002, "weight_decay": 0.1}],
    "sgd": [{}, {"lr": 0.002, "weight_decay": 0.1}],
    "momentum": [{}, {"lr": 0.002, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.05}],
    "nesterov": [{}, {"lr": 0.002, "momentum": 0.7, "weight_decay": 0.05}],
    "adagrad": [{}, {"lr": 0.2, "eps": 1e-6, "initial_accumulator_value": 0.2,
                     "weight_decay": 0.01},
                {"lr": 0.2, "lr_decay": 0.05, "weight_decay": 0.01}],
    "rmsprop": [{}, {"lr": 0.005, "alpha": 0.9, "eps": 1e-6, "momentum": 0.5,
                     "weight_decay": 0.01},
                {"lr": 0.005, "alpha": 0.98, "momentum": 0.5, "centered": 1,
                 "weight_decay": 0.01}],
    "adam": [{}, {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.01},
             {"lr": 0.05, "beta1": 0.0}],
    "adamw": [{}, {"lr": 0.02, "beta1": 0.85, "beta2": 0.95, "eps": 1e-7, "weight_decay": 0.1}],
    "nadam": [{}, {"lr": 0.01, "beta1": 0.85, "beta2": 0.99, "eps": 1e-7,
                   "momentum_decay": 0.01, "weight_decay": 0.01},
              {"lr": 0.01, "beta1": 0.0},
              {"lr": 0.01, "weight_decay": 0.05, "decoupled_weight_decay": 1}],
    "adamax": [{}, {"lr": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.01},
               {"lr": 0.02, "beta1": 0.0}],
    # (its first steps are SGD steps: at 0.01 they throw it off Rosenbrock's walls)
    "radam": [{}, {"lr": 0.002, "beta1": 0.85, "beta2": 0.99, "eps": 1e-7,
                   "weight_decay": 0.01},
              {"lr": 0.002, "weight_decay": 0.05, "decoupled_weight_decay": 1},
              {"lr": 0.002, "beta2": 0.8}],
    "amsgrad": [{}, {"lr": 0.02, "beta1": 0.7, "beta2": 0.9, "eps": 1e-7,
                     "weight_decay": 0.01}],
    "adadelta": [{}, {"lr": 0.5, "rho": 0.8, "eps": 1e-5, "weight_decay": 0.01}],
    # torch.optim has none of these (compared with their references in
    # tests/core/test_optimizers_modern.py); their rates are checked against their steps here
    "lion": [{}, {"lr": 0.002, "beta1": 0.8, "weight_decay": 0.1}],
    "adabelief": [{}, {"lr": 0.02, "rectify": 0, "eps": 1e-8, "weight_decay": 0.1},
                  {"lr": 0.002, "beta1": 0.5, "weight_decay": 0.05}],
    "yogi": [{}, {"lr": 0.02, "beta1": 0.8, "eps": 1e-4, "initial_accumulator": 0.1,
                  "weight_decay": 0.01}],
    "sfsgd": [{}, {"lr": 0.002, "momentum": 0.7, "warmup_steps": 20, "weight_decay": 0.01}],
    "sfadamw": [{}, {"lr": 0.02, "beta1": 0.8, "warmup_steps": 10, "weight_decay": 0.1}],
    "rprop": [{}, {"lr": 0.01, "etaminus": 0.3, "etaplus": 1.1, "step_size_min": 1e-4,
                   "step_size_max": 0.05}],
    "asgd": [{}, {"lr": 0.002, "lambd": 0.01, "alpha": 0.6, "t0": 20, "weight_decay": 0.05}],
    "newton": [{}, {"lr": 0.5, "damping": 0.1}],
    "lbfgs": [{}, {"lr": 0.5, "history_size": 3, "line_search": 1}],
    "cg": [{}, {"beta_rule": 0, "restart": 0, "lr": 0.1}],
}
CASES = [(name, i) for name, settings in SETTINGS.items() for i in range(len(settings))]
# The seed's rate 0.01 throws the plain gradient methods off Rosenbrock's steep walls at once;
# there their default-settings case takes 0.001. (A run that diverges anyway is compared up to
# its last valid point.)
STEEP = {"rosenbrock": {"lr": 0.001}}
ADAPTIVE = [name for name, spec in OPTIMIZERS.items() if spec.effective_lr is not None]
# torch's name of an engine state entry, where it differs
TORCH_NAMES = {"velocity": "momentum_buffer"}


def test_every_optimizer_is_covered_and_defines_what_its_rate_scales():
    assert set(SETTINGS) == set(OPTIMIZERS)
    for name, spec in OPTIMIZERS.items():
        for hp in SETTINGS[name]:
            spec.check(hp)
        if spec.effective_lr is None:
            assert spec.effective_lr_scales is None, name
        else:
            assert spec.effective_lr_scales in ("gradient", "moment"), name
            assert spec.effective_lr_scales != "moment" or spec.moment, name
            assert set(spec.effective_lr_previous) <= set(spec.effective_lr_state), name
    assert set(ADAPTIVE) == {"adagrad", "rmsprop", "adam", "adamw", "nadam", "amsgrad",
                             "adadelta", "adamax", "radam", "adabelief", "yogi",
                             "sfadamw", "rprop", "asgd"}


def _settings(name: str, setting: int, function: str) -> dict:
    hp = dict(SETTINGS[name][setting])
    # (and ASGD, whose rate is lr, shrinking slowly)
    if not hp and (OPTIMIZERS[name].effective_lr is None or name == "asgd"):
        hp.update(STEEP.get(function, {}))
    return hp


def _config(name: str, hp: dict, schedule: str = "constant") -> OptimizerConfig:
    # sgd with a batch of every term (clipped to the function's number of terms) and no noise:
    # the exact gradient, which the record holds, so it can be fed to torch
    stochastic = StochasticConfig(batch_size=1000) if name == "sgd" else None
    return OptimizerConfig(name, hp, SCHEDULES[schedule], stochastic)


def _run(name: str, hp: dict, function: str, schedule: str):
    return run(get_function(function), _config(name, hp, schedule), STARTS[function],
               max_steps=STEPS, record_state=True)


def _valid(result) -> np.ndarray:
    """(N, T) mask of the updates t = 1..T each run made (up to its last valid point)."""
    return np.arange(1, result.n_steps + 1)[None, :] <= result.stop_step[:, None]


# -- against torch.optim --------------------------------------------------------------------

def _torch_optimizer(torch, name: str, hp: dict, param):
    maximize = bool(hp.get("maximize", 0.0))      # torch's maximize, where it has it
    keys = set(hp) - {"maximize"}
    wd = hp.get("weight_decay", 0.0)
    if name in ("gd", "sgd"):
        assert keys == {"lr", "weight_decay"}
        return torch.optim.SGD([param], lr=hp["lr"], weight_decay=wd,
                               foreach=False, maximize=maximize)
    if name in ("momentum", "nesterov"):
        assert keys <= {"lr", "momentum", "dampening", "weight_decay"}
        return torch.optim.SGD([param], lr=hp["lr"], momentum=hp["momentum"],
                               dampening=hp.get("dampening", 0.0), weight_decay=wd,
                               nesterov=name == "nesterov", foreach=False, maximize=maximize)
    if name == "adagrad":
        assert keys == {"lr", "eps", "initial_accumulator_value", "lr_decay", "weight_decay"}
        return torch.optim.Adagrad([param], lr=hp["lr"], eps=hp["eps"], weight_decay=wd,
                                   lr_decay=hp["lr_decay"],
                                   initial_accumulator_value=hp["initial_accumulator_value"],
                                   foreach=False, maximize=maximize)
    if name == "rmsprop":
        assert keys == {"lr", "alpha", "eps", "momentum", "centered", "weight_decay"}
        return torch.optim.RMSprop([param], lr=hp["lr"], alpha=hp["alpha"], eps=hp["eps"],
                                   momentum=hp["momentum"], centered=bool(hp["centered"]),
                                   weight_decay=wd, foreach=False, maximize=maximize)
    betas = (hp.get("beta1"), hp.get("beta2"))
    if name in ("adam", "amsgrad", "adamw"):
        assert keys == {"lr", "beta1", "beta2", "eps", "weight_decay"}
        kind = torch.optim.AdamW if name == "adamw" else torch.optim.Adam
        return kind([param], lr=hp["lr"], betas=betas, eps=hp["eps"], weight_decay=wd,
                    amsgrad=name == "amsgrad", foreach=False, maximize=maximize)
    decoupled = bool(hp.get("decoupled_weight_decay", 0.0))
    if name == "nadam":
        assert keys == {"lr", "beta1", "beta2", "eps", "momentum_decay", "weight_decay",
                        "decoupled_weight_decay"}
        return torch.optim.NAdam([param], lr=hp["lr"], betas=betas, eps=hp["eps"],
                                 momentum_decay=hp["momentum_decay"], weight_decay=wd,
                                 decoupled_weight_decay=decoupled, foreach=False, maximize=maximize)
    if name == "adamax":
        assert keys == {"lr", "beta1", "beta2", "eps", "weight_decay"}
        return torch.optim.Adamax([param], lr=hp["lr"], betas=betas, eps=hp["eps"],
                                  weight_decay=wd, foreach=False, maximize=maximize)
    if name == "radam":
        assert keys == {"lr", "beta1", "beta2", "eps", "weight_decay", "decoupled_weight_decay"}
        return torch.optim.RAdam([param], lr=hp["lr"], betas=betas, eps=hp["eps"],
                                 weight_decay=wd, decoupled_weight_decay=decoupled,
                                 foreach=False, maximize=maximize)
    if name == "adadelta":
        assert keys == {"lr", "rho", "eps", "weight_decay"}
        return torch.optim.Adadelta([param], lr=hp["lr"], rho=hp["rho"], eps=hp["eps"],
                                    weight_decay=wd, foreach=False, maximize=maximize)
    if name == "rprop":
        assert keys == {"lr", "etaminus", "etaplus", "step_size_min", "step_size_max"}
        return torch.optim.Rprop([param], lr=hp["lr"], etas=(hp["etaminus"], hp["etaplus"]),
                                 step_sizes=(hp["step_size_min"], hp["step_size_max"]),
                                 foreach=False, maximize=maximize)
    if name == "asgd":
        assert keys == {"lr", "lambd", "alpha", "t0", "weight_decay"}
        return torch.optim.ASGD([param], lr=hp["lr"], lambd=hp["lambd"], alpha=hp["alpha"],
                                t0=hp["t0"], weight_decay=wd, foreach=False, maximize=maximize)
    raise AssertionError(f"no torch.optim counterpart written for {name}")


def _nadam_mu(hp: dict, step: float) -> float:
    """torch's NAdam momentum schedule, mu_t = beta1 (1 - 0.5 * 0.96 ** (t psi))."""
    return hp["beta1"] * (1.0 - 0.5 * 0.96 ** (step * hp["momentum_decay"]))


def _shown_from_torch(name: str, hp: dict, state: dict, before: dict, g: np.ndarray,
                      lr: float) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The moment and effective rate the window should show, from torch's state after the
    step (``before``: its state before it; ``g``: the gradient the step used, decay in)."""
    eps = hp.get("eps")
    if name in ("momentum", "nesterov"):
        return state["momentum_buffer"], None
    if name == "adagrad":
        clr = lr / (1.0 + (state["step"] - 1) * hp.get("lr_decay", 0.0))   # torch's clr
        return None, clr / (np.sqrt(state["sum"]) + eps)
    if name == "rmsprop":
        mean = state.get("grad_avg", 0.0)                     # torch keeps it when centered
        avg = np.sqrt(state["square_avg"] - mean * mean) + eps
        return (state["momentum_buffer"] if hp["momentum"] else g / avg), lr / avg
    if name in ("adam", "adamw", "amsgrad"):
        t = state["step"]
        v = state["max_exp_avg_sq"] if name == "amsgrad" else state["exp_avg_sq"]
        eff = lr / (1.0 - hp["beta1"] ** t) / (np.sqrt(v) / np.sqrt(1.0 - hp["beta2"] ** t)
                                               + eps)
        return state["exp_avg"], eff
    if name == "nadam":
        t, product = state["step"], state["mu_product"]
        mu, mu_next = _nadam_mu(hp, t), _nadam_mu(hp, t + 1)
        moment = ((1.0 - mu) / (1.0 - product) * g
                  + mu_next / (1.0 - product * mu_next) * state["exp_avg"])
        return moment, lr / (np.sqrt(state["exp_avg_sq"] / (1.0 - hp["beta2"] ** t)) + eps)
    if name == "adamax":
        t = state["step"]
        return state["exp_avg"], lr / (1.0 - hp["beta1"] ** t) / state["exp_inf"]
    if name == "radam":
        t, b2 = state["step"], hp["beta2"]
        inf = 2.0 / (1.0 - b2) - 1.0
        rho = inf - 2.0 * t * b2 ** t / (1.0 - b2 ** t)
        eff = lr / (1.0 - hp["beta1"] ** t)
        if rho > 5.0:                                # torch's adaptive step, rectified
            rect = math.sqrt((rho - 4) * (rho - 2) * inf / ((inf - 4) * (inf - 2) * rho))
            eff = eff * rect * math.sqrt(1.0 - b2 ** t) / (np.sqrt(state["exp_avg_sq"]) + eps)
        return state["exp_avg"], eff
    if name == "adadelta":
        acc = before.get("acc_delta", np.zeros_like(g))      # torch makes it at step 1
        return None, lr * np.sqrt(acc + eps) / np.sqrt(state["square_avg"] + eps)
    if name == "rprop":                  # the step is -step_size * sign(prev): size / |g|
        size, kept = state["step_size"], np.abs(state["prev"])
        return None, np.where(kept != 0, size / np.where(kept != 0, kept, 1.0), 0.0)
    if name == "asgd":                   # the step size before the update (lr at first)
        return None, np.broadcast_to(before.get("eta", lr), g.shape)
    return None, None


def _numpy_state(opt, param) -> dict:
    return {k: (v.item() if v.ndim == 0 else v.detach().numpy().copy())
            for k, v in opt.state[param].items()}


def _compare_with_torch(torch, name: str, hp_in: dict, function: str, schedule: str) -> int:
    config = _config(name, hp_in, schedule)
    hp = {k: float(v) for k, v in config.hparams.items()}
    result = _run(name, hp, function, schedule)
    spec = OPTIMIZERS[name]
    n, steps = result.n_runs, result.n_steps
    wd = hp.get("weight_decay", 0.0)
    coupled = spec.couples_decay(hp)
    param = torch.tensor(result.paths[:, 0], dtype=torch.float64, requires_grad=True)
    opt = _torch_optimizer(torch, name, hp, param)
    kernel_state = spec.init(n, hp)                 # the engine's kernel, replayed alongside
    kernel, tmp = spec.kernel(hp), [np.empty((n, 2)) for _ in range(spec.n_tmp)]
    torch_w = np.empty((n, steps + 1, 2))
    torch_w[:, 0] = result.paths[:, 0]
    moment = np.full((n, steps + 1, 2), np.nan)
    eff = np.full((n, steps + 1, 2), np.nan)
    entries: dict[str, list] = {}
    for s in range(steps):
        t = s + 1
        lr = float(result.lr[0, s])
        np.testing.assert_array_equal(result.lr[:, s], lr)
        opt.param_groups[0]["lr"] = lr
        before = _numpy_state(opt, param)
        w_before = param.detach().numpy().copy()
        g = result.grads[:, s]
        param.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        state = _numpy_state(opt, param)
        torch_w[:, t] = param.detach().numpy()
        g_used = g + wd * w_before if coupled and wd else g
        m, e = _shown_from_torch(name, hp, state, before, g_used, lr)
        if m is not None:
            moment[:, t] = m
        if e is not None:
            eff[:, t] = e
        # every state entry of the kernel against torch's entry of that name
        w = result.paths[:, s].copy()
        kernel(w, g.copy(), kernel_state, lr, t, tmp, w)
        live = result.stop_step >= t
        np.testing.assert_array_equal(w[live], result.paths[live, t])   # the engine's kernel
        for key, ours in kernel_state._asdict().items():
            theirs = state.get(TORCH_NAMES.get(key, key))
            if key == "velocity" and name == "rmsprop" and not hp["momentum"]:
                theirs = m                                        # g / avg: no torch buffer
            elif key == "nesterov_moment":
                theirs = m
            elif key == "max_exp_avg_sq" and name != "amsgrad":
                theirs = np.zeros_like(ours)                      # unused, stays 0
            elif key == "grad_avg" and not hp["centered"]:
                theirs = np.zeros_like(ours)                      # uncentered: stays 0
            assert theirs is not None, f"torch has no '{key}' for {name}"
            entries.setdefault(key, []).append((ours.copy(), np.broadcast_to(theirs, ours.shape)))

    valid = _valid(result)
    assert valid.sum() >= n * steps // 2, "most updates compared"   # so few runs diverge
    where = f"{name} {hp_in} on {function}, {schedule} rate"
    _assert_close(result.paths[:, 1:], torch_w[:, 1:], valid, f"positions, {where}")
    if spec.moment is None:
        assert np.isnan(result.moment).all(), where
    else:
        _assert_close(result.moment[:, 1:], moment[:, 1:], valid, f"moment, {where}")
    if spec.effective_lr is None:
        assert np.isnan(result.effective_lr).all(), where
    else:
        _assert_close(result.effective_lr[:, 1:], eff[:, 1:], valid, f"effective lr, {where}")
    for key, pairs in entries.items():
        ours = np.stack([p[0] for p in pairs], axis=1)              # (N, T, width)
        theirs = np.stack([p[1] for p in pairs], axis=1)
        _assert_close(ours, theirs, valid, f"state '{key}', {where}")
    return n


def _assert_close(ours: np.ndarray, theirs: np.ndarray, valid: np.ndarray, what: str) -> None:
    """``ours`` (N, T, width) equals ``theirs`` at the valid updates to 1e-12 relative, or to
    1e-14 of the largest value the entry takes in that run and axis (a value that cancels
    down to almost nothing near a minimum keeps the rounding of its terms: torch's weight
    decay reads torch's own positions, a few units in the last place from the engine's).
    Measured: at most 3% of that tolerance (positions; every other value below 0.4%)."""
    assert not np.isnan(theirs[valid]).any(), what
    scale = np.max(np.abs(np.where(valid[..., None], theirs, 0.0)), axis=1, keepdims=True)
    scale = np.broadcast_to(scale, theirs.shape)[valid]
    a, b = ours[valid], theirs[valid]
    bad = np.abs(a - b) > 1e-12 * np.abs(b) + 1e-14 * scale
    assert not bad.any(), (f"{what}: {int(bad.sum())} of {bad.size} differ, e.g. "
                           f"{a[bad][:4]} against torch's {b[bad][:4]}")


@pytest.mark.parametrize("schedule", list(SCHEDULES))
@pytest.mark.parametrize("function", FUNCTIONS)
@pytest.mark.parametrize(("name", "setting"), [(n, i) for n, i in CASES if n not in MODERN
                                               and OPTIMIZERS[n].probe is None])
def test_shown_state_matches_torch_optim_fed_the_engines_gradients(
        torch64, torch_tally, name, setting, function, schedule):
    runs = _compare_with_torch(torch64, name, _settings(name, setting, function), function,
                               schedule)
    torch_tally.add(runs=runs, steps=STEPS)


# -- the step each rate explains --------------------------------------------------------------

def _explained_step(name: str, hp: dict, result, t: int) -> tuple[np.ndarray, np.ndarray]:
    """The step of update ``t`` as the table's rate times what it scales, per
    :class:`~beale_gui.core.optimizers.OptimizerSpec`; and a scale of the terms involved (for
    the rounding of the positions and of the terms themselves)."""
    spec = OPTIMIZERS[name]
    w, g = result.paths[:, t - 1], result.grads[:, t - 1]
    eff = result.effective_lr[:, t]
    lr = result.lr[:, t - 1, None]
    wd = hp.get("weight_decay", 0.0)
    extra = np.zeros_like(w)
    if name == "sfadamw":
        return schedule_free_step(hp, result, t)
    if spec.effective_lr_scales == "gradient":
        scaled = g + wd * w
        if name == "rmsprop" and hp["momentum"]:
            extra = -lr * hp["momentum"] * result.moment[:, t - 1]
        elif name == "asgd":                  # the weights' decay by lambd at the same rate
            extra = -eff * hp["lambd"] * w
    else:
        assert spec.effective_lr_scales == "moment"
        scaled = result.moment[:, t]
        if wd and not spec.couples_decay(hp):
            extra = -lr * wd * w                  # decoupled decay: a term eff does not scale
    main = -eff * scaled
    return main + extra, np.abs(main) + np.abs(extra)


def _assert_steps_explained(name: str, hp: dict, result) -> int:
    """Every update's step equals the rate times what it scales, to 1e-10 relative (plus the
    rounding of the positions it is measured from); returns how many were checked."""
    checked = 0
    ulp = np.finfo(np.float64).eps
    for t in range(1, result.n_steps + 1):
        live = result.stop_step >= t
        if not live.any():
            break
        w0, w1 = result.paths[live, t - 1], result.paths[live, t]
        taken = w1 - w0
        explained, terms = _explained_step(name, hp, result, t)
        explained, terms = explained[live], terms[live]
        bound = 1e-10 * np.abs(taken) + 4 * ulp * (np.abs(w0) + np.abs(w1) + terms)
        bad = np.abs(taken - explained) > bound
        assert not bad.any(), (
            f"{name} {hp}: update {t}: step {taken[bad]} but rate x scaled = {explained[bad]}")
        checked += int(live.sum())
    return checked


@pytest.mark.parametrize("schedule", list(SCHEDULES))
@pytest.mark.parametrize("function", FUNCTIONS)
@pytest.mark.parametrize(("name", "setting"),
                         [(name, i) for name, i in CASES if name in ADAPTIVE])
def test_the_effective_rate_times_what_it_scales_is_the_step_taken(name, setting, function,
                                                                    schedule):
    hp = dict(_config(name, _settings(name, setting, function), schedule).hparams)
    result = _run(name, hp, function, schedule)
    assert _assert_steps_explained(name, hp, result) >= result.n_runs * STEPS // 2


@pytest.mark.parametrize("name", ADAPTIVE)
def test_the_identity_holds_in_a_large_batch(name):
    """The tests above run on the few-runs path (a few runs); a batch of 9,000 is cut into
    numpy blocks across threads, and runs that converge leave its working arrays."""
    hp = dict(OptimizerConfig(name, SETTINGS[name][1]).hparams)
    starts = np.random.default_rng(3).uniform([-4.0, -4.0], [4.0, 4.0], (9000, 2))
    result = run(get_function("himmelblau"), OptimizerConfig(name, hp), starts, max_steps=60,
                 tol=1e-5, record_state=True)
    assert (result.status == CONVERGED).any()
    assert _assert_steps_explained(name, hp, result) > 9000 * 40


@pytest.mark.parametrize("numpy_path", [False, True])
def test_a_rate_read_one_step_back_survives_blocks_and_compaction(numpy_path):
    """Adadelta's rate reads acc_delta one step back: across the blocks the rates are
    computed in, the blocks the few-runs path writes its state in, and (numpy blocks) runs
    leaving the working arrays as they converge."""
    tuning = EngineTuning(rate_block_steps=7, record_block_steps=5,
                          compact_fraction=1000,           # compact at every convergence
                          path="batch" if numpy_path else "auto")
    hp = dict(OptimizerConfig("adadelta", {"lr": 4.0, "rho": 0.8, "weight_decay": 0.01}).hparams)
    starts = np.random.default_rng(5).uniform([-4.0, -4.0], [4.0, 4.0], (8, 2))
    result = run(get_function("himmelblau"), OptimizerConfig("adadelta", hp), starts,
                 max_steps=400, tol=1e-5, record_state=True, tuning=tuning)
    assert len(set(result.stop_step[result.status == CONVERGED].tolist())) >= 3
    assert _assert_steps_explained("adadelta", hp, result) > 8 * 30


@pytest.mark.parametrize("name", [n for n in ADAPTIVE
                                  if OPTIMIZERS[n].effective_lr_scales == "moment"])
def test_a_stochastic_runs_step_is_its_rate_times_its_moment(name):
    """Mini-batch gradients are not recorded, but a rate that scales the moment is checked
    without them."""
    hp = dict(OptimizerConfig(name, {"lr": 0.02}).hparams)
    config = OptimizerConfig(name, hp, stochastic=StochasticConfig(batch_size=1, noise=0.1))
    result = run(get_function("beale"), config, STARTS["beale"], max_steps=STEPS, seed=4,
                 record_state=True)
    assert _assert_steps_explained(name, hp, result) == 3 * STEPS


def test_adadelta_shows_the_rate_its_step_used():
    """Adadelta's step uses acc_delta from before the update; the rate shown is that one, not
    one computed from acc_delta afterwards (which missed the step by up to 41%)."""
    hp = {"lr": 1.0, "rho": 0.9, "eps": 1e-6, "weight_decay": 0.0}
    result = _run("adadelta", hp, "beale", "constant")
    g = result.grads[0, :3]
    # hand-worked: square_avg_1 = 0.1 g0^2, acc_delta_0 = 0, so eff_1 = sqrt(eps / (0.1 g0^2
    # + eps)), and acc_delta_1 = 0.1 (eff_1 g0)^2
    sq1 = 0.1 * g[0] ** 2
    eff1 = np.sqrt(1e-6) / np.sqrt(sq1 + 1e-6)
    np.testing.assert_allclose(result.effective_lr[0, 1], eff1, rtol=1e-14)
    acc1 = 0.1 * (eff1 * g[0]) ** 2
    sq2 = 0.9 * sq1 + 0.1 * g[1] ** 2
    eff2 = np.sqrt(acc1 + 1e-6) / np.sqrt(sq2 + 1e-6)
    np.testing.assert_allclose(result.effective_lr[0, 2], eff2, rtol=1e-14)
    np.testing.assert_allclose(result.paths[0, 2] - result.paths[0, 1], -eff2 * g[1],
                               rtol=1e-12)


def test_hand_worked_first_steps_of_the_shown_state():
    """Step 1 from Beale's seed start, by hand. Adam: m = (1 - beta1) g, and the rate is
    lr / (1 - beta1) / (|g| + eps) (v / (1 - beta2) = g^2). NAdam (mu_product = mu1): the
    moment is g + mu2 / (1 - mu1 mu2) (1 - beta1) g, the rate lr / (|g| + eps)."""
    g = get_function("beale").grad(np.array([0.7, 1.4]))
    r = _run("adam", {"lr": 0.1}, "beale", "constant")
    np.testing.assert_allclose(r.moment[0, 1], 0.1 * g, rtol=1e-14)
    np.testing.assert_allclose(r.effective_lr[0, 1], 0.1 / 0.1 / (np.abs(g) + 1e-8),
                               rtol=1e-12)
    r = _run("nadam", {"lr": 0.1}, "beale", "constant")
    mu1 = 0.9 * (1 - 0.5 * 0.96 ** 0.004)
    mu2 = 0.9 * (1 - 0.5 * 0.96 ** 0.008)
    expected = g + mu2 / (1 - mu1 * mu2) * 0.1 * g
    np.testing.assert_allclose(r.moment[0, 1], expected, rtol=1e-14)
    np.testing.assert_allclose(r.effective_lr[0, 1], 0.1 / (np.abs(g) + 1e-8), rtol=1e-12)
    r = _run("adagrad", {"lr": 0.1, "initial_accumulator_value": 0.5}, "beale", "constant")
    np.testing.assert_allclose(r.effective_lr[0, 1], 0.1 / (np.sqrt(0.5 + g * g) + 1e-10),
                               rtol=1e-14)
    r = _run("momentum", {"lr": 0.01}, "beale", "constant")
    np.testing.assert_array_equal(r.moment[0, 1], g)                  # torch: buf = g at first


# -- what the table and the arrows read -------------------------------------------------------

def test_the_table_and_arrows_read_the_checked_arrays_and_the_identity_holds_there():
    """At a playhead ``k`` the table's rate is that of the update from ``k``, and the moment
    arrow is minus the moment after it, so the actual-step arrow is the table's rate times
    the moment arrow (Adam family; AdamW less its decay) or the descent arrow (the rates
    that scale the gradient; RMSprop at its default momentum 0)."""
    # (Schedule-Free AdamW's step adds the averaging term: checked in _explained_step)
    configs = [OptimizerConfig(name) for name in ADAPTIVE if name != "sfadamw"]
    result = run(get_function("beale"), configs, STARTS["beale"], max_steps=STEPS,
                 record_state=True)
    rows = np.arange(result.n_runs)
    moment_scaled = np.array([OPTIMIZERS[configs[c].name].effective_lr_scales == "moment"
                              for c in result.config_index])
    lr_wd = np.array([configs[c].hparams["lr"] * configs[c].hparams["weight_decay"]
                      if configs[c].name == "adamw" else 0.0 for c in result.config_index])
    # ASGD's weights decay by lambd at its rate: a term of its own too
    lambd = np.array([configs[c].hparams["lambd"] if configs[c].name == "asgd" else 0.0
                      for c in result.config_index])
    assert lr_wd.any()
    assert all(c.hparams.get("weight_decay", 0) == 0 for c in configs if c.name != "adamw")
    for k in (0, 1, 7, 60, STEPS - 1):
        table, arrows = state_at(result, k), mechanics_at(result, k)
        np.testing.assert_array_equal(table["effective_lr"], result.effective_lr[rows, k + 1])
        shown = ~np.isnan(arrows["moment"][:, 0])
        np.testing.assert_array_equal(arrows["moment"][shown], -result.moment[rows, k + 1][shown])
        np.testing.assert_array_equal(shown, [OPTIMIZERS[configs[c].name].moment is not None
                                              for c in result.config_index])
        scaled = np.where(moment_scaled[:, None], arrows["moment"], arrows["descent"])
        # AdamW's decoupled decay is a term of its own
        decay = (lr_wd[:, None] + lambd[:, None] * table["effective_lr"]) * arrows["heads"]
        np.testing.assert_allclose(arrows["step"], table["effective_lr"] * scaled - decay,
                                   rtol=1e-9, atol=1e-14)
