"""The Explain panel's content (beale_gui/core/explain.py and each optimizer's explain rule):
for every registered optimizer and each option that changes its rule, at the start, the first
steps, step 12, the last and after a stop, every line's value is the engine's recorded one, the
numbers each line shows give that value, the rule is mathematics, and the recorded state is
torch.optim's."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from beale_gui.core import i18n
from beale_gui.core.engine import (
    CONVERGED,
    DIVERGED,
    OptimizerConfig,
    StochasticConfig,
    run,
)
from beale_gui.core.explain import ETA_EFF, HAT, explain, num
from beale_gui.core.functions import get_function
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.schedules import ScheduleConfig

from .test_mechanics import _assert_close, _numpy_state, _shown_from_torch, _torch_optimizer
from .test_optimizers_modern import MODERN, modern_expected

BEALE = get_function("beale")
STARTS = [(0.7, 1.4), (-1.2, 0.9), (2.5, -0.6), (4.4, 4.4)]
STEPS = 160
# Each optimizer's options that change its rule (weight decay, dampening, momentum 0 or not,
# beta1 0, AMSGrad's maximum, AdamW's decay off), and a large rate that converges early.
SETTINGS = {
    "gd": [{}, {"lr": 0.002, "weight_decay": 0.1}],
    "sgd": [{}, {"lr": 0.002, "weight_decay": 0.1}],
    "momentum": [{}, {"lr": 0.002, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.05},
                 {"momentum": 0.0}],
    "nesterov": [{}, {"lr": 0.002, "momentum": 0.7, "weight_decay": 0.05}],
    "adagrad": [{}, {"lr": 0.2, "eps": 1e-6, "initial_accumulator_value": 0.2,
                     "weight_decay": 0.01}, {"lr": 0.2, "lr_decay": 0.05}],
    "rmsprop": [{}, {"lr": 0.005, "alpha": 0.9, "eps": 1e-6, "momentum": 0.5,
                     "weight_decay": 0.01}, {"centered": 1},
                {"lr": 0.005, "alpha": 0.98, "momentum": 0.5, "centered": 1,
                 "weight_decay": 0.01}],
    "adam": [{"lr": 0.05}, {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6,
                            "weight_decay": 0.01}, {"lr": 0.05, "beta1": 0.0}, {"lr": 50.0}],
    "adamw": [{}, {"lr": 0.02, "weight_decay": 0.0}],
    "nadam": [{}, {"lr": 0.01, "beta1": 0.85, "beta2": 0.99, "eps": 1e-7,
                   "momentum_decay": 0.01, "weight_decay": 0.01},
              {"lr": 0.01, "weight_decay": 0.05, "decoupled_weight_decay": 1}],
    "adamax": [{}, {"lr": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.01}],
    # RAdam: both of its steps (SGD with momentum while rho_t <= 5, then adaptive), either decay
    "radam": [{}, {"lr": 0.002, "beta1": 0.85, "beta2": 0.8, "weight_decay": 0.01},
              {"lr": 0.002, "weight_decay": 0.05, "decoupled_weight_decay": 1}],
    "amsgrad": [{}, {"lr": 0.02, "beta1": 0.7, "beta2": 0.9, "eps": 1e-7,
                     "weight_decay": 0.01}],
    "adadelta": [{}, {"lr": 0.5, "rho": 0.8, "eps": 1e-5, "weight_decay": 0.01}],
    "lion": [{"lr": 0.01}, {"lr": 0.01, "weight_decay": 0.1}],
    "adabelief": [{"lr": 0.02}, {"lr": 0.02, "rectify": 0, "eps": 1e-8, "weight_decay": 0.1}],
    "yogi": [{}, {"lr": 0.05, "initial_accumulator": 0.1, "weight_decay": 0.01}],
    "sfsgd": [{}, {"lr": 0.002, "momentum": 0.7, "warmup_steps": 20, "weight_decay": 0.01}],
    "sfadamw": [{"lr": 0.02}, {"lr": 0.02, "beta1": 0.8, "warmup_steps": 10,
                               "weight_decay": 0.1}],
    "rprop": [{}, {"lr": 0.05, "etaminus": 0.3, "etaplus": 1.5, "step_size_min": 1e-3,
                   "step_size_max": 0.2}],
    "asgd": [{"lr": 0.002}, {"lr": 0.002, "lambd": 0.01, "alpha": 0.6, "t0": 5,
                             "weight_decay": 0.05}],
    "newton": [{}, {"lr": 0.5, "damping": 0.1}],
    "lbfgs": [{}, {"line_search": 1}, {"lr": 0.2, "history_size": 2, "tolerance_grad": 1e-3}],
    "cg": [{}, {"beta_rule": 0, "restart": 0, "lr": 0.1}],
}
CASES = [(name, i) for name, settings in SETTINGS.items() for i in range(len(settings))]
SCHEDULES = [ScheduleConfig("inverse_time", {"decay": 0.01}),
             ScheduleConfig("step", {"step_size": 5, "gamma": 0.5}),
             ScheduleConfig("exponential", {"gamma": 0.99}),
             ScheduleConfig("cosine", {"period": 50, "min_factor": 0.1})]
NOISY = [OptimizerConfig("sgd", {"lr": 0.002}, stochastic=StochasticConfig(batch_size=1,
                                                                           noise=0.3)),
         OptimizerConfig("gd", {"lr": 0.002, "weight_decay": 0.1},
                         stochastic=StochasticConfig(batch_size=2)),
         OptimizerConfig("adam", {"lr": 0.05}, stochastic=StochasticConfig(batch_size=1))]
# the state entry each optimizer's lines show, by the symbol's letter(s)
ENTRIES = {
    "momentum": {"v": "velocity"},
    "nesterov": {"v": "velocity"},
    "adagrad": {"G": "sum"},
    "rmsprop": {"v": "square_avg", "b": "velocity", "g\u0304": "grad_avg"},
    "adam": {"m": "exp_avg", "v": "exp_avg_sq"},
    "adamw": {"m": "exp_avg", "v": "exp_avg_sq"},
    "amsgrad": {"m": "exp_avg", "v": "exp_avg_sq", "v<sup>max</sup>": "max_exp_avg_sq"},
    "nadam": {"m": "exp_avg", "v": "exp_avg_sq", "Π": "mu_product",
              "m" + HAT: "nesterov_moment"},
    "adadelta": {"v": "square_avg", "u": "acc_delta"},
    "adamax": {"m": "exp_avg", "u": "exp_inf"},
    "radam": {"m": "exp_avg", "v": "exp_avg_sq"},
    "lion": {"m": "exp_avg"},
    "adabelief": {"m": "exp_avg", "s": "exp_avg_var"},
    "yogi": {"m": "exp_avg", "v": "exp_avg_sq"},
    "sfsgd": {"d": "x_minus_z", "W": "weight_sum", "η<sup>max</sup>": "lr_max"},
    "sfadamw": {"d": "x_minus_z", "v": "exp_avg_sq", "W": "weight_sum",
                "η<sup>max</sup>": "lr_max"},
    "rprop": {"s": "step_size", "g′": "prev"},
    "asgd": {"γ": "eta", "μ": "mu", "w\u0304": "ax"},
    "newton": {"H": "hessian", "c": "curvature", "p": "newton_step"},
    "lbfgs": {"m": "length", "κ": "curvature", "γ": "h_diag", "g′": "prev_grad",
              "d": "direction", "φ′": "slope", "α": "step_size", "k": "n_iter", "c": "case"},
    "cg": {"β": "beta", "d": "direction", "g′": "prev_grad", "φ′": "slope", "α": "step_size",
           "k": "since_restart", "c": "case"},
}
# the entries shown, where they depend on the settings (RMSprop's buffer only with momentum)
UNUSED = {("adam", "max_exp_avg_sq"), ("adamw", "max_exp_avg_sq"),
          ("nadam", "max_exp_avg_sq")}
# the entries a line sums up rather than shows (L-BFGS's memory of up to 100 pairs: its
# length m, its newest pair's curvature κ and scale γ are lines)
SUMMED_UP = {("lbfgs", "old_dirs"), ("lbfgs", "old_stps"), ("lbfgs", "ro")}


def _steps(result, i: int) -> list[int]:
    """The start, the first steps, step 12, the last made and one after a stop."""
    stop = int(result.stop_step[i])
    return sorted({0, 1, 2, 12, stop, result.n_steps, min(stop + 3, result.n_steps)})


# -- evaluating the numbers a line shows ---------------------------------------------------------

def _python(text: str, absolute: bool = False) -> str:
    assert not re.search(r"<(?!/?sup>)", text), f"markup other than powers in {text!r}"
    s = re.sub(r"(\d[\d.]*)×10<sup>(−?\d+)</sup>",
               lambda m: f"{m[1]}e{m[2].replace('−', '-')}", text)
    s = s.replace("<sup>", "**(").replace("</sup>", ")")
    s = s.replace("×", "*").replace("÷", "/").replace("−", "-").replace("π", "pi")
    s = s.replace("√(", "sqrt(")
    s = re.sub(r"√(\d[\d.]*(?:e-?\d+)?)", r"sqrt(\1)", s)
    assert "√" not in s, text
    if absolute:                             # every term's size: a bound on rounding's effect
        s = re.sub(r"(?<!e)-", "+", s)
    return s


def _evaluate(text: str, absolute: bool = False) -> float:
    names = {"sqrt": math.sqrt, "max": max, "cos": math.cos, "pi": math.pi,
             "sign": lambda v: float(np.sign(v)), "__builtins__": {}}
    return float(eval(_python(text, absolute), names))  # noqa: S307 (our own numbers)


def _assert_numbers_give_values(line, atol: float = 0.0) -> None:
    assert len(line.numbers) == len(line.values)
    for shown, value in zip(line.numbers, line.values, strict=True):
        got, size = _evaluate(shown), _evaluate(shown, absolute=True)
        assert abs(got - value) <= 1e-4 * size + atol, (
            f"{line.symbol}: {shown} = {got}, the engine's {value}")


# -- what each line should be -------------------------------------------------------------------

def _expected(result, i: int, e, line) -> np.ndarray:
    """The engine's value of ``line`` (computed as the engine computes it where it keeps
    none: the gradient with coupled decay, bias corrections, NAdam's mu, Adadelta's delta)."""
    name, u = e.name, e.update
    hp = result.hparams_of(i)
    config = result.configs[result.config_index[i]]
    spec = config.spec
    state = result.state_of(i)
    used = result.used_grad_of(i)
    base = used[u - 1] if used is not None and u else result.grads[i, max(u - 1, 0)]
    symbol = line.symbol
    for letters, entry in ENTRIES.get(name, {}).items():
        if symbol == f"{letters}<sub>{'0' if u == 0 else 't'}</sub>":
            assert (name, entry) not in UNUSED
            np.testing.assert_array_equal(state[entry][e.step], state[entry][u])
            return state[entry][u]
    w0, w = result.paths[i, max(u - 1, 0)], result.paths[i, u]
    wd = hp.get("weight_decay", 0.0)
    simple = {
        "w<sub>0</sub>": result.paths[i, 0],
        "∇f(w<sub>0</sub>)": result.grads[i, 0],
        "∇f(w<sub>t−1</sub>)": result.grads[i, u - 1],
        "∇f<sub>B</sub>(w<sub>t−1</sub>)": base,
        "g<sub>t</sub>": base + w0 * wd if spec.couples_decay(hp) else base,
        "η<sub>t</sub>": result.lr[i, u - 1],
        ETA_EFF: result.effective_lr[i, u],
        "Δw<sub>t</sub>": w - w0,
        "w<sub>t</sub>": w,
    }
    if symbol in simple:
        return np.atleast_1d(simple[symbol])
    t = u
    if symbol.startswith("1 − β<sub>"):
        beta = hp["beta1"] if "β<sub>1" in symbol else hp["beta2"]
        return np.array([1.0 - beta ** t])
    if symbol in ("μ<sub>t</sub>", "μ<sub>t+1</sub>"):
        k = t if symbol == "μ<sub>t</sub>" else t + 1
        return np.array([hp["beta1"] * (1.0 - 0.5 * 0.96 ** (k * hp["momentum_decay"]))])
    if symbol in ("ρ<sub>∞</sub>", "ρ<sub>t</sub>", "r<sub>t</sub>"):    # RAdam's
        b2 = hp["beta2"]
        inf = 2.0 / (1.0 - b2) - 1.0
        rho = inf - 2 * t * b2 ** t / (1.0 - b2 ** t)
        rect = ((rho - 4) * (rho - 2) * inf / ((inf - 4) * (inf - 2) * rho)) ** 0.5
        return np.array([{"ρ<sub>∞</sub>": inf, "ρ<sub>t</sub>": rho}.get(symbol, rect)])
    if symbol == "δ<sub>t</sub>":
        eps = hp["eps"]
        return (np.sqrt(state["acc_delta"][t - 1] + eps) / np.sqrt(state["square_avg"][t] + eps)
                * simple["g<sub>t</sub>"])
    if symbol == "D<sub>t</sub>":                     # Newton's determinant of H + damping I
        hxx, hxy, hyy = state["hessian"][t]
        lam = hp["damping"]
        return np.array([(hxx + lam) * (hyy + lam) - hxy * hxy])
    own = modern_expected(name, hp, state, result.lr[i, u - 1], base, simple, t, symbol)
    if own is not None:
        return own
    raise AssertionError(f"{name}: no expected value for the line {symbol}")


def _check(result, i: int, step: int):
    e = explain(result, i, step)
    config = result.configs[result.config_index[i]]
    assert e.name == config.name
    assert e.title == config.title()
    assert e.step == min(step, result.n_steps)
    assert e.update == min(e.step, result.stop_step[i])
    for equation in e.rule:
        for python in ("**", "sqrt(", "_", "*", "lr", "beta", "eps", "alpha"):
            assert python not in equation, (e.name, equation)
        assert re.fullmatch(r"([^<>]|</?(sub|sup|i)>)*", equation), equation
    shown_entries = set()
    for line in e.lines:
        expected = _expected(result, i, e, line)
        assert line.values == tuple(float(v) for v in expected), (e.name, line.symbol)
        assert line.meaning
        if line.symbol.startswith("∇f") or (line.formula.startswith("∇f")
                                             and "+" not in line.formula):
            point = result.paths[i, max(e.update - 1, 0)]
            assert line.numbers[0].startswith("∂f/∂x") or line.numbers == tuple(
                num(v) for v in line.values), line.numbers
            if line.numbers[0].startswith("∂f/∂x"):
                assert f"({num(point[0])}, {num(point[1])})" in line.numbers[0]
            continue
        atol = 0.0
        if line.symbol == "Δw<sub>t</sub>":   # the points' difference: rounded to the points'
            atol = 4e-16 * float(np.max(np.abs(result.paths[i, e.update])))
        _assert_numbers_give_values(line, atol)
        for letters, entry in ENTRIES.get(e.name, {}).items():
            if line.symbol.startswith(f"{letters}<sub>"):
                shown_entries.add(entry)
    spec = OPTIMIZERS[e.name]
    hp = result.hparams_of(i)
    wanted = {k for k in spec.state._fields
              if (e.name, k) not in UNUSED and (e.name, k) not in SUMMED_UP}
    if e.name == "rmsprop" and not hp["momentum"]:
        wanted.discard("velocity")                  # g / (sqrt(v) + eps): not torch's state
    if e.name == "rmsprop" and not hp["centered"]:
        wanted.discard("grad_avg")                  # stays 0: torch keeps none
    assert shown_entries == wanted, (e.name, shown_entries)
    symbols = [line.symbol for line in e.lines]
    if e.update:
        assert symbols[-2:] == ["Δw<sub>t</sub>", "w<sub>t</sub>"]
        assert (ETA_EFF in symbols) == (spec.effective_lr is not None)
    else:
        assert symbols[:2] == ["w<sub>0</sub>", "∇f(w<sub>0</sub>)"]
    return e


def _check_run(result) -> None:
    for i in range(result.n_runs):
        for step in _steps(result, i):
            _check(result, i, step)


@pytest.mark.parametrize(("name", "case"), CASES)
def test_every_line_is_the_engines_value_and_its_numbers_give_it(name, case):
    config = OptimizerConfig(name, SETTINGS[name][case])
    result = run(BEALE, config, STARTS, max_steps=STEPS, tol=1e-9, record_state=True)
    _check_run(result)


def test_every_optimizer_and_option_is_covered():
    assert set(SETTINGS) == set(OPTIMIZERS)
    assert set(ENTRIES) == set(OPTIMIZERS) - {"gd", "sgd"}


def test_runs_that_stop_are_explained_at_their_last_update():
    """Converged, diverged and never-stepped runs: past the stop, the last update made."""
    configs = [OptimizerConfig("gd"), OptimizerConfig("adam", {"lr": 50.0}),
               OptimizerConfig("momentum", {"lr": 0.005})]
    result = run(BEALE, configs, [(0.7, 1.4), (4.4, 4.4), (2e10, 0.0)], max_steps=2000,
                 tol=1e-5, record_state=True)
    statuses = set()
    for i in range(result.n_runs):
        stop = int(result.stop_step[i])
        if stop == result.n_steps:
            continue
        e = _check(result, i, stop + 3)
        assert e.update == stop
        statuses.add(int(result.status[i]))
        if result.bad_start[i]:
            assert "never made a step" in e.note
        elif result.status[i] == CONVERGED:
            assert f"converged at step {stop}" in e.note
        else:
            assert f"diverged at step {stop + 1}" in e.note
    _check_run(result)
    assert statuses == {CONVERGED, DIVERGED}


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: s.name)
@pytest.mark.parametrize("name", ["gd", "momentum", "adam", "adadelta"])
def test_a_scheduled_rate_is_the_engines_of_the_step(name, schedule):
    result = run(BEALE, OptimizerConfig(name, schedule=schedule), STARTS[:2], max_steps=60,
                 record_state=True)
    _check_run(result)
    e = explain(result, 0, 12)
    assert e.rule[-1].count("η<sub>t</sub>") == 1
    (line,) = [line for line in e.lines if line.symbol == "η<sub>t</sub>"]
    assert line.values == (result.lr[0, 11],)


@pytest.mark.parametrize("config", NOISY, ids=lambda c: c.label())
def test_a_stochastic_step_shows_the_gradient_it_used(config):
    result = run(BEALE, config, STARTS[:2], max_steps=40, seed=3, record_state=True)
    _check_run(result)
    e = explain(result, 0, 12)
    used = result.used_grad_of(0)[11]
    assert not np.array_equal(used, result.grads[0, 11])
    symbols = [line.symbol for line in e.lines]
    assert symbols[0] == "∇f(w<sub>t−1</sub>)"              # the exact one, for comparison
    assert "mini-batch" in e.note
    assert "∇f<sub>B</sub>" in e.rule[0]


def test_adams_step_12_on_beale_shows_the_engines_m_v_corrections_rates_and_step():
    """The issue's Done-when: Adam's run at step 12 on Beale."""
    result = run(BEALE, OptimizerConfig("adam", {"lr": 0.05}), [(0.7, 1.4)], max_steps=2000,
                 record_state=True)
    e = explain(result, 0, 12)
    assert (e.name, e.title, e.step, e.update, e.note) == ("adam", "Adam (lr=0.05)", 12, 12, "")
    assert e.rule == (
        "g<sub>t</sub> = ∇f(w<sub>t−1</sub>)",
        "m<sub>t</sub> = β<sub>1</sub> m<sub>t−1</sub> + (1 − β<sub>1</sub>) g<sub>t</sub>",
        "v<sub>t</sub> = β<sub>2</sub> v<sub>t−1</sub> + (1 − β<sub>2</sub>) "
        "g<sub>t</sub><sup>2</sup>",
        "m̂<sub>t</sub> = m<sub>t</sub> / (1 − β<sub>1</sub><sup>t</sup>),   "
        "v̂<sub>t</sub> = v<sub>t</sub> / (1 − β<sub>2</sub><sup>t</sup>)",
        "w<sub>t</sub> = w<sub>t−1</sub> − η m̂<sub>t</sub> / (√v̂<sub>t</sub> + ε)")
    g, m, v, c1, c2, eff, dw, w = e.lines
    state = result.state_of(0)
    assert [x.symbol for x in e.lines] == [
        "g<sub>t</sub>", "m<sub>t</sub>", "v<sub>t</sub>", "1 − β<sub>1</sub><sup>t</sup>",
        "1 − β<sub>2</sub><sup>t</sup>", ETA_EFF, "Δw<sub>t</sub>", "w<sub>t</sub>"]
    assert g.values == tuple(result.grads[0, 11])
    assert m.values == tuple(state["exp_avg"][12])
    assert v.values == tuple(state["exp_avg_sq"][12])
    assert c1.values == (1.0 - 0.9 ** 12,)
    assert c2.values == (1.0 - 0.999 ** 12,)
    assert c1.numbers == ("1 − 0.9<sup>12</sup>",)
    assert eff.values == tuple(result.effective_lr[0, 12])
    assert dw.values == tuple(result.paths[0, 12] - result.paths[0, 11])
    assert w.values == tuple(result.paths[0, 12])
    x0, y0 = (num(c) for c in result.paths[0, 11])
    assert g.numbers == (f"∂f/∂x({x0}, {y0})", f"∂f/∂y({x0}, {y0})")
    m0 = state["exp_avg"][11]
    gx = result.grads[0, 11, 0]
    assert m.numbers[0] == f"0.9 × {num(m0[0])} + 0.1 × {num(gx)}".replace(
        f"+ 0.1 × {num(gx)}", f"+ 0.1 × ({num(gx)})" if gx < 0 else f"+ 0.1 × {num(gx)}")
    for line in e.lines[1:]:
        _assert_numbers_give_values(line, 1e-15)


def test_the_start_shows_the_point_its_gradient_and_the_initial_state():
    config = OptimizerConfig("adagrad", {"initial_accumulator_value": 0.25})
    result = run(BEALE, config, [(0.7, 1.4)], max_steps=20, record_state=True)
    e = _check(result, 0, 0)
    assert e.update == 0
    assert "no update yet" in e.note
    assert e.lines[2].symbol == "G<sub>0</sub>"
    assert e.lines[2].values == (0.25, 0.25)


def test_numbers_are_six_digits_with_the_minus_sign_and_parentheses_after_operators():
    assert num(-0.000123456789) == "−0.000123457"
    assert num(1e-8) == "1×10<sup>−8</sup>"
    assert num(-2.5e12) == "−2.5×10<sup>12</sup>"
    result = run(BEALE, OptimizerConfig("momentum"), [(0.7, 1.4)], max_steps=20,
                 record_state=True)
    e = explain(result, 0, 5)
    for line in e.lines:
        for shown in line.numbers:
            assert "-" not in shown
            assert not re.search(r"[×+/−] −", shown), shown       # (−x) after an operator


def test_meanings_and_notes_are_translated():
    result = run(BEALE, [OptimizerConfig(name) for name in OPTIMIZERS], [(0.7, 1.4)],
                 max_steps=30, record_state=True)
    i18n.set_translator(lambda context, text, disambiguation=None, n=-1: f"[{context}] {text}")
    try:
        for i in range(result.n_runs):
            for step in (0, 5):
                e = explain(result, i, step)
                assert all(line.meaning.startswith("[Explain] ") for line in e.lines)
                assert not e.note or e.note.startswith("[Explain] ")
    finally:
        i18n.set_translator(None)


def test_bad_requests_get_a_clear_message():
    recorded = run(BEALE, OptimizerConfig("adam"), [(0.7, 1.4)], max_steps=20,
                   record_state=True)
    with pytest.raises(ValueError, match="there is no run 3"):
        explain(recorded, 3, 1)
    assert explain(recorded, 0, 10**6).step == 20                    # clamped
    assert explain(recorded, 0, -4).step == 0
    bare = run(BEALE, OptimizerConfig("adam"), [(0.7, 1.4)], max_steps=20)
    with pytest.raises(ValueError, match="state was not recorded"):
        explain(bare, 0, 1)


# -- the recorded state against torch.optim ---------------------------------------------------

# (the probing optimizers are compared with torch, where it has them, in their own files)
TORCH_CASES = [(name, i) for name, i in CASES
               if name not in ("gd", "sgd", *MODERN) and OPTIMIZERS[name].probe is None]


@pytest.mark.parametrize(("name", "case"), TORCH_CASES)
def test_the_state_at_every_step_is_torchs(torch64, torch_tally, name, case):
    """Every state entry after t steps equals torch.optim's (float64) fed the engine's
    gradients and rates; what torch does not keep (SGD's buffer with momentum 0, RMSprop's
    g / (sqrt(v) + eps) without momentum, NAdam's Nesterov moment) against the same from
    torch's state."""
    torch = torch64
    config = OptimizerConfig(name, SETTINGS[name][case])
    hp = {k: float(v) for k, v in config.hparams.items()}
    result = run(BEALE, config, STARTS, max_steps=60, tol=1e-9, record_state=True)
    n, steps = result.n_runs, result.n_steps
    param = torch.tensor(result.paths[:, 0], dtype=torch.float64, requires_grad=True)
    opt = _torch_optimizer(torch, name, hp, param)
    wd = hp.get("weight_decay", 0.0)
    ours, theirs = {}, {}
    (record,) = result.state
    for s in range(steps):
        t = s + 1
        lr = float(result.lr[0, s])
        opt.param_groups[0]["lr"] = lr
        before = _numpy_state(opt, param)
        w_before = param.detach().numpy().copy()
        g = result.grads[:, s]
        param.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        state = _numpy_state(opt, param)
        used = g + wd * w_before if OPTIMIZERS[name].couples_decay(hp) else g
        for key, values in record.items():
            if key == "velocity" and name == "momentum" and not hp["momentum"]:
                theirs_now = used                       # torch keeps no buffer: v = g
            elif key == "max_exp_avg_sq" and name != "amsgrad" or (
                    key == "grad_avg" and not hp["centered"]):
                theirs_now = np.zeros((n, 2))
            elif key == "nesterov_moment" or (key == "velocity" and name == "rmsprop"
                                              and not hp["momentum"]):
                theirs_now, _ = _shown_from_torch(name, hp, state, before, used, lr)
            else:
                theirs_now = state["momentum_buffer" if key == "velocity" else key]
            ours.setdefault(key, []).append(values[:, t])
            theirs.setdefault(key, []).append(np.broadcast_to(theirs_now, values[:, t].shape))
    valid = np.arange(1, steps + 1)[None, :] <= result.stop_step[:, None]
    assert set(ours) == set(OPTIMIZERS[name].state._fields)
    for key in ours:
        _assert_close(np.stack(ours[key], axis=1), np.stack(theirs[key], axis=1), valid,
                      f"{name} {config.hparams}: state '{key}'")
    torch_tally.add(runs=n, steps=steps)
