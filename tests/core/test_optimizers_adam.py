"""Adamax, RAdam and NAdam's decoupled weight decay (issue 18) against torch.optim itself, by
hand, and against what NAdam computed before the switch existed.

torch computes its own gradients here (autograd of the function), so a run is compared end to
end: 300 steps in float64 at rtol 1e-9, as tests/core/test_optimizers.py does for the others.
"""

from __future__ import annotations

import numpy as np
import pytest

from beale_gui.core.engine import EngineTuning, OptimizerConfig, run
from beale_gui.core.explain import ETA_EFF, explain
from beale_gui.core.functions import get_function

from .test_mechanics import _torch_optimizer

BEALE, ROSENBROCK = get_function("beale"), get_function("rosenbrock")
STEPS = 300
# (name, settings): weight decay coupled and decoupled, beta1 = 0, and a beta2 whose RAdam
# takes seven SGD-with-momentum steps before the adaptive ones (rho_t > 5 from step 8)
TORCH_CASES = [
    ("adamax", {"lr": 0.05}),
    ("adamax", {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.05}),
    ("adamax", {"lr": 0.02, "beta1": 0.0}),
    ("radam", {"lr": 0.01}),
    ("radam", {"lr": 0.01, "beta1": 0.85, "beta2": 0.99, "eps": 1e-7, "weight_decay": 0.05}),
    ("radam", {"lr": 0.01, "weight_decay": 0.1, "decoupled_weight_decay": 1}),
    ("radam", {"lr": 0.005, "beta2": 0.8}),
    ("nadam", {"lr": 0.01, "weight_decay": 0.1, "decoupled_weight_decay": 1}),
    ("nadam", {"lr": 0.01, "beta1": 0.8, "momentum_decay": 0.01, "weight_decay": 0.05,
               "decoupled_weight_decay": 1}),
    ("nadam", {"lr": 0.01, "weight_decay": 0.05, "decoupled_weight_decay": 0}),
]


def _beale(x, y):
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


def _rosenbrock(x, y):
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


@pytest.mark.parametrize(("function", "start"), [(BEALE, (0.7, 1.4)), (BEALE, (-1.2, 0.9)),
                                                 (ROSENBROCK, (-1.5, 2.0))],
                         ids=["beale", "beale-2", "rosenbrock"])
@pytest.mark.parametrize(("name", "settings"), TORCH_CASES,
                         ids=[f"{n}-{i}" for i, (n, _) in enumerate(TORCH_CASES)])
def test_300_steps_match_torch_optim(torch64, torch_tally, name, settings, function, start):
    torch = torch64
    hp = {k: float(v) for k, v in OptimizerConfig(name, settings).hparams.items()}
    if function is ROSENBROCK:           # the steep walls: a rate that stays on them
        hp["lr"] = min(hp["lr"], 0.002)
    ours = run(function, OptimizerConfig(name, hp), [start], max_steps=STEPS).paths[0]
    w = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = _torch_optimizer(torch, name, hp, w)
    f = _beale if function is BEALE else _rosenbrock
    theirs = [w.detach().numpy().copy()]
    for _ in range(STEPS):
        opt.zero_grad()
        f(w[0], w[1]).backward()
        opt.step()
        theirs.append(w.detach().numpy().copy())
    assert np.isfinite(ours).all()
    assert not np.allclose(ours[-1], ours[0])
    np.testing.assert_allclose(ours, np.array(theirs), rtol=1e-9, atol=1e-12)
    torch_tally.add(runs=1, steps=STEPS)


# -- NAdam's switch off is NAdam as it was --------------------------------------------------------

# run(rosenbrock, nadam, [(-1.5, 2), (0.5, -0.5)], max_steps=500).final_xy as main computed it
# before decoupled_weight_decay existed (both engine paths gave these bits)
NADAM_BEFORE = {
    0.0: ("-0x1.05324af83a4fbp+0", "0x1.0bf9ed8deca66p+0", "0x1.4071b61bc28b7p-2",
          "0x1.81f275220bc1fp-4"),
    0.05: ("-0x1.fcf17d384f08bp-1", "0x1.fcd13a7f0cf1fp-1", "0x1.3f3a2412c7e56p-2",
           "0x1.7f01bdb23ccaep-4"),
}


@pytest.mark.parametrize("path", ["auto", "batch"])
@pytest.mark.parametrize("wd", list(NADAM_BEFORE))
def test_nadam_with_the_switch_off_gives_the_bits_it_gave_before(wd, path):
    for hp in ({"lr": 0.01, "weight_decay": wd},
               {"lr": 0.01, "weight_decay": wd, "decoupled_weight_decay": 0}):
        r = run(ROSENBROCK, OptimizerConfig("nadam", hp), [(-1.5, 2.0), (0.5, -0.5)],
                max_steps=500, tuning=EngineTuning(path=path))
        assert tuple(float(v).hex() for v in r.final_xy.ravel()) == NADAM_BEFORE[wd]


@pytest.mark.parametrize("name", ["nadam", "radam"])
def test_the_switch_per_run_in_one_batch_gives_each_run_its_bits_alone(name):
    """A batch holding runs with the switch on and off (numpy kernel, per-run values) gives
    each run the bits it gets alone (the float kernel)."""
    hp = {"lr": 0.01, "weight_decay": 0.2, "decoupled_weight_decay": np.array([0.0, 1.0])}
    starts = [(0.7, 1.4), (-1.2, 0.9), (2.5, -0.6)]
    batch = run(BEALE, OptimizerConfig(name, hp), starts, max_steps=200,
                tuning=EngineTuning(path="batch"))
    for i in range(batch.n_runs):
        switch = float(hp["decoupled_weight_decay"][batch.variant_index[i]])
        alone = run(BEALE, OptimizerConfig(name, {**hp, "decoupled_weight_decay": switch}),
                    [starts[batch.start_index[i]]], max_steps=200)
        np.testing.assert_array_equal(batch.paths[i], alone.paths[0])
    on = batch.variant_index == 1
    assert not np.array_equal(batch.final_xy[on], batch.final_xy[~on])


def test_decoupled_decay_scales_the_weights_before_the_step():
    """NAdam, first step, by hand: w1 = w0 (1 - lr wd) - lr g / (|g| + eps) * (the moment's
    coefficients), with g the plain gradient (no decay in it)."""
    w0, lr, wd = np.array([0.7, 1.4]), 0.01, 0.3
    g = BEALE.grad(w0)
    hp = {"lr": lr, "weight_decay": wd, "decoupled_weight_decay": 1}
    r = run(BEALE, OptimizerConfig("nadam", hp), [w0], max_steps=1, record_state=True)
    mu1, mu2 = 0.9 * (1 - 0.5 * 0.96 ** 0.004), 0.9 * (1 - 0.5 * 0.96 ** 0.008)
    moment = g + mu2 / (1 - mu1 * mu2) * 0.1 * g
    expected = w0 * (1 - lr * wd) - lr * moment / (np.abs(g) + 1e-8)
    np.testing.assert_allclose(r.paths[0, 1], expected, rtol=1e-13)
    np.testing.assert_allclose(r.state_of(0)["exp_avg"][1], 0.1 * g, rtol=1e-15)


# -- Adamax by hand ------------------------------------------------------------------------------

def test_adamax_first_steps_by_hand():
    """u1 = |g0| + eps, m1 = (1 - beta1) g0, so the first step is lr g0 / (|g0| + eps):
    lr against the gradient's sign; then u2 = max(beta2 u1, |g1| + eps)."""
    w0, lr, eps = np.array([0.7, 1.4]), 0.05, 1e-8
    r = run(BEALE, OptimizerConfig("adamax", {"lr": lr}), [w0], max_steps=2, record_state=True)
    g0, g1 = r.grads[0, 0], r.grads[0, 1]
    state = r.state_of(0)
    np.testing.assert_array_equal(state["exp_inf"][1], np.abs(g0) + eps)
    np.testing.assert_allclose(r.paths[0, 1], w0 - lr * g0 / (np.abs(g0) + eps), rtol=1e-15)
    m2 = 0.9 * 0.1 * g0 + 0.1 * g1
    u2 = np.maximum(0.999 * (np.abs(g0) + eps), np.abs(g1) + eps)
    np.testing.assert_allclose(state["exp_inf"][2], u2, rtol=1e-15)
    np.testing.assert_allclose(r.paths[0, 2], r.paths[0, 1] - lr / (1 - 0.81) * m2 / u2,
                               rtol=1e-14)
    np.testing.assert_allclose(r.effective_lr[0, 2], lr / (1 - 0.81) / u2, rtol=1e-15)


# -- RAdam's two steps ---------------------------------------------------------------------------

def _rho(beta2: float, t: int) -> float:
    inf = 2 / (1 - beta2) - 1
    return inf - 2 * t * beta2**t / (1 - beta2**t)


def test_radam_takes_sgd_with_momentum_steps_until_rho_passes_5_then_adaptive_ones():
    """Defaults (beta2 0.999): rho_t <= 5 for t <= 5, so steps 1..5 are lr * m_hat, the rate
    lr / (1 - beta1**t) the same on both axes, and the Explain panel says so; from step 6
    the rectified adaptive step."""
    assert [_rho(0.999, t) > 5 for t in range(1, 8)] == [False] * 5 + [True] * 2
    lr = 0.001
    r = run(ROSENBROCK, OptimizerConfig("radam"), [(-1.5, 2.0)], max_steps=8,
            record_state=True)
    g0 = r.grads[0, 0]
    np.testing.assert_allclose(r.paths[0, 1], r.paths[0, 0] - lr * g0, rtol=1e-15)  # m_hat = g
    m = r.state_of(0)["exp_avg"]
    v = r.state_of(0)["exp_avg_sq"]
    for t in range(1, 9):
        eff = r.effective_lr[0, t]
        if t <= 5:
            np.testing.assert_array_equal(eff, lr / (1 - 0.9**t))
            e = explain(r, 0, t)
            (rate,) = [line for line in e.lines if line.symbol == ETA_EFF]
            assert "SGD with momentum" in rate.meaning
            assert "r<sub>t</sub>" not in [line.symbol for line in e.lines]
        else:
            rho, inf = _rho(0.999, t), 1999.0
            rect = np.sqrt((rho - 4) * (rho - 2) * inf / ((inf - 4) * (inf - 2) * rho))
            expected = lr / (1 - 0.9**t) * rect * np.sqrt(1 - 0.999**t) / (np.sqrt(v[t]) + 1e-8)
            np.testing.assert_allclose(eff, expected, rtol=1e-13)
            assert eff[0] != eff[1]
            e = explain(r, 0, t)
            (rate,) = [line for line in e.lines if line.symbol == ETA_EFF]
            assert "adaptive" in rate.meaning
            assert "r<sub>t</sub>" in [line.symbol for line in e.lines]
        np.testing.assert_allclose(r.paths[0, t] - r.paths[0, t - 1], -eff * m[t],
                                   rtol=1e-12, atol=1e-15)     # the points' rounding
    (rho_line,) = [line for line in explain(r, 0, 5).lines if line.symbol == "ρ<sub>t</sub>"]
    assert rho_line.values == (_rho(0.999, 5),)
    assert "5 or less" in rho_line.meaning
    assert any("(ρ<sub>t</sub> ≤ 5)" in eq for eq in explain(r, 0, 5).rule)


def test_radam_with_a_small_beta2_never_adapts():
    """beta2 = 0.6: rho_inf = 4, so every step is SGD with momentum, lr * m_hat (torch's
    rule; the rectification is never computed, so nothing divides by rho_inf - 4)."""
    r = run(BEALE, OptimizerConfig("radam", {"lr": 0.01, "beta2": 0.6}), [(0.7, 1.4)],
            max_steps=50, record_state=True)
    m = r.state_of(0)["exp_avg"]
    t = np.arange(1, 51)[:, None]
    np.testing.assert_allclose(r.effective_lr[0, 1:], np.broadcast_to(0.01 / (1 - 0.9**t),
                                                                      (50, 2)), rtol=1e-15)
    np.testing.assert_allclose(np.diff(r.paths[0], axis=0), -r.effective_lr[0, 1:] * m[1:],
                               rtol=1e-12, atol=1e-15)
