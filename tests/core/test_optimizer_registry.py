"""Every registered optimizer's two kernels give the same bits.

The engine steps a few deterministic runs in Python floats (an optimizer's float kernel) and
everything else in numpy arrays (its batch kernel); which of the two runs must never change a
result. Here each registered optimizer's kernels are stepped side by side, straight from the
registry, on the same gradients and learning rates: every point and every state entry after
every step must be equal to the bit. An optimizer registered without a float kernel fails here
by name (the engine never falls back to numpy for it in silence).
"""

from __future__ import annotations

import numpy as np
import pytest

from beale_gui.core.optimizers import OPTIMIZERS, OptimizerSpec, batch_step, float_step
from beale_gui.core.optimizers.base import NoState

NAMES = [name for name, spec in OPTIMIZERS.items() if spec.probe is None]  # two kernels each
RUNS, STEPS = 3, 60


def _float_kernel(name: str):
    """The registry's float kernel of ``name``; fails, naming it, when it has none."""
    if not callable(OPTIMIZERS[name].float_kernel):
        pytest.fail(f"optimizer '{name}' has no float kernel")
    return lambda hp, state, log: float_step(name, hp, state, log)


def _batch_state(spec, hp: dict) -> tuple:
    return spec.init(RUNS, hp)


def _entries(state) -> list[tuple[str, np.ndarray]]:
    """The state's entries, (name, (RUNS, width) array), in the order the float kernel logs
    them."""
    return list(state._asdict().items())


def _run_state(state, j: int) -> tuple:
    """Run ``j``'s starting state as the float kernel takes it: each entry a list."""
    return state._make(v[j].tolist() for v in state)


def _settings(spec) -> dict[str, dict]:
    """Defaults; every hyperparameter moved off its default (weight decay on); and every one
    that may be 0 set to 0 (beta1 = 0, RMSprop without momentum, ...)."""
    moved = {}
    for p in spec.params:
        value = p.default * 0.7 if p.default else min(0.1, p.high / 2)
        if p.integer:                  # a switch or a count: its other end, or a few steps
            value = p.low if p.default != p.low else min(p.low + 5, p.high)
        elif p.problem(value) is not None:       # a factor above 1 (Rprop's etaplus)
            value = p.default * 1.3
        assert p.problem(value) is None, (spec.name, p.name, value)
        moved[p.name] = value
    zeros = {p.name: 0.0 for p in spec.params if p.problem(0.0) is None}
    return {"default": spec.check({}), "moved": spec.check(moved),
            "zeros": spec.check(zeros)}


CASES = [(name, case) for name in NAMES for case in ("default", "moved", "zeros")]


def _inputs(seed: int) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """Starts (RUNS, 2), gradients (STEPS, RUNS, 2) over twelve orders of magnitude with some
    exact zeros, and a decaying rate per step."""
    rng = np.random.default_rng(seed)
    starts = rng.uniform(-3.0, 3.0, (RUNS, 2))
    grads = rng.standard_normal((STEPS, RUNS, 2)) * 10.0 ** rng.uniform(-6, 6, (STEPS, RUNS, 1))
    grads[0, 0] = 0.0
    grads[5:8, 1, 0] = 0.0
    rates = [0.01 * 0.97 ** s for s in range(STEPS)]
    return starts, grads, rates


def test_every_optimizer_has_a_float_kernel():
    missing = [name for name in NAMES if not callable(OPTIMIZERS[name].float_kernel)]
    assert not missing, f"no float kernel: {missing}"


def _gd_kernel(hp):
    return OPTIMIZERS["gd"].kernel(hp)


@pytest.mark.parametrize("missing", ["kernel", "scalar_kernel"])
def test_an_optimizer_without_a_kernel_is_refused_at_registration(missing):
    # the float kernel is made from the scalar kernel, which every deterministic one must have
    gd = OPTIMIZERS["gd"]
    kernels = {"kernel": _gd_kernel, "scalar_kernel": gd.scalar_kernel, missing: None}
    with pytest.raises(TypeError, match=f"^optimizer 'plain' has no {missing.replace('_', ' ')}$"):
        OptimizerSpec("plain", "Plain", (), NoState, float_kernel=None,
                      scalar_hp=gd.scalar_hp, **kernels)


def test_a_float_kernel_of_its_own_is_refused():
    gd, momentum = OPTIMIZERS["gd"], OPTIMIZERS["momentum"]
    with pytest.raises(TypeError, match="is its float kernel$"):
        OptimizerSpec("plain", "Plain", (), NoState, gd.kernel, momentum.float_kernel,
                      scalar_kernel=gd.scalar_kernel, scalar_hp=gd.scalar_hp)
    made = OptimizerSpec("plain", "Plain", (), NoState, gd.kernel, None,
                         scalar_kernel=gd.scalar_kernel, scalar_hp=gd.scalar_hp)
    assert made.float_kernel.scalar_kernel is gd.scalar_kernel


def test_an_optimizer_naming_state_it_does_not_keep_is_refused():
    gd = OPTIMIZERS["gd"]
    with pytest.raises(ValueError, match=r"^optimizer 'plain' names state entries it does not "
                                         r"keep: \['velocity'\]$"):
        OptimizerSpec("plain", "Plain", (), NoState, gd.kernel, None,
                      scalar_kernel=gd.scalar_kernel, scalar_hp=gd.scalar_hp, moment="velocity")
    with pytest.raises(ValueError, match=r"keep: \['sum'\]$"):
        OptimizerSpec("plain", "Plain", (), NoState, gd.kernel, None,
                      scalar_kernel=gd.scalar_kernel, scalar_hp=gd.scalar_hp,
                      effective_lr_state=("sum",))


@pytest.mark.parametrize(("name", "case"), CASES)
def test_both_kernels_give_the_same_bits(name, case):
    spec = OPTIMIZERS[name]
    hp = _settings(spec)[case]
    lr_scale = hp["lr"] / 0.01
    starts, grads, rates = _inputs(seed=NAMES.index(name))
    float_kernel = _float_kernel(name)

    state = _batch_state(spec, hp)
    width = sum(v.shape[1] for _, v in _entries(state))
    logs = [[] for _ in range(RUNS)]
    logged = [float_kernel(hp, _run_state(state, j), logs[j].extend) for j in range(RUNS)]
    quiet = [float_kernel(hp, _run_state(state, j), None) for j in range(RUNS)]
    step, n_tmp = batch_step(name, hp)     # as the engine builds it (maximize included)
    tmp = [np.empty((RUNS, 2)) for _ in range(n_tmp)]
    w = starts.copy()
    points = {"logged": starts.tolist(), "unlogged": starts.tolist()}
    with np.errstate(all="ignore"):
        for s in range(STEPS):
            t, lr = s + 1, rates[s] * lr_scale
            step(w, grads[s].copy(), state, lr, t, tmp, w)
            for kind, kernels in (("logged", logged), ("unlogged", quiet)):
                xy = points[kind]
                for j in range(RUNS):
                    gx, gy = grads[s, j].tolist()
                    xy[j] = kernels[j](xy[j][0], xy[j][1], gx, gy, lr, t)
                    assert {type(v) for v in xy[j]} == {float}, (name, s)
                np.testing.assert_array_equal(
                    np.array(xy), w, err_msg=f"point, {kind}, {name} ({case}) at step {t}")
            kept = np.concatenate([v for _, v in _entries(state)] or [np.empty((RUNS, 0))],
                                  axis=1)
            last = np.array([log[len(log) - width:] for log in logs]).reshape(kept.shape)
            np.testing.assert_array_equal(last, kept, err_msg=f"state, {name} ({case}) at {t}")
            assert all(len(log) == t * width for log in logs), (name, t)
    assert np.isfinite(w).all(), name
    assert not np.array_equal(w, starts), f"{name} ({case}) never moved"
