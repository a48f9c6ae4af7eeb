"""Mini-batch SGD over a model's samples in the engine (issue 25): each stochastic update's
gradient is the model's over B samples drawn without replacement through a shuffled epoch,
reshuffled each epoch, the order set by the seed and the epoch only, so every run of a batch
sees the same samples and a run replays alone as in any batch."""

from __future__ import annotations

import numpy as np
import pytest

from beale_gui.core.engine import (
    DIVERGED,
    MAX_STEPS,
    OptimizerConfig,
    SampleOrder,
    StochasticConfig,
    run,
    steps_per_epoch,
)
from beale_gui.core.models import ModelFunction, builtin_dataset, make_model
from beale_gui.core.optimizers import OPTIMIZERS

N = 50
STARTS = [(0.0, 0.0), (-1.0, 2.0), (3.0, -1.5)]


def line_model(n: int = N, seed: int = 0) -> ModelFunction:
    return make_model("linear", builtin_dataset("noisy-line", n=n, seed=seed))


@pytest.fixture
def batches(monkeypatch) -> list[np.ndarray]:
    """The indices of every mini-batch a model is asked for, in order."""
    asked = []
    real = ModelFunction.sample_value_and_grad

    def spy(self, w, idx):
        asked.append(np.array(idx))
        return real(self, w, idx)

    monkeypatch.setattr(ModelFunction, "sample_value_and_grad", spy)
    return asked


def sgd(batch_size: int, noise: float = 0.0, name: str = "sgd", **hp) -> OptimizerConfig:
    return OptimizerConfig(name, {"lr": 0.05, **hp},
                           stochastic=StochasticConfig(batch_size=batch_size, noise=noise))


def _mean_grad(model: ModelFunction, p: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """The mean gradient of the squared residuals of samples ``idx`` at p, by hand."""
    x, y = model.data.x[idx], model.data.y[idx]
    r = p[0] * x + p[1] - y
    return np.array([np.sum(2.0 * r * x) / len(idx), np.sum(2.0 * r) / len(idx)])


# -- the order ------------------------------------------------------------------------------

def test_steps_per_epoch_counts_the_remainder_batch():
    assert steps_per_epoch(50, 8) == 7
    assert steps_per_epoch(48, 8) == 6
    assert steps_per_epoch(50, 50) == steps_per_epoch(50, 10**6) == 1
    assert steps_per_epoch(10**6, 32) == 31250
    with pytest.raises(ValueError, match="batch_size"):
        steps_per_epoch(50, 0)


def test_each_epoch_visits_every_sample_once_in_a_new_order(batches):
    """Through the engine: the batches the model was asked for, epoch by epoch."""
    model = line_model()
    run(model, sgd(8), STARTS[:1], max_steps=3 * 7, seed=4)
    sizes = [len(b) for b in batches]
    assert sizes == [8] * 6 + [2] + [8] * 6 + [2] + [8] * 6 + [2]
    epochs = [np.concatenate(batches[e * 7:(e + 1) * 7]) for e in range(3)]
    for order in epochs:
        np.testing.assert_array_equal(np.sort(order), np.arange(N))
    assert not np.array_equal(epochs[0], epochs[1])
    assert not np.array_equal(epochs[1], epochs[2])
    # and the order is the one SampleOrder documents: perm_e[j*B:(j+1)*B]
    order = SampleOrder(N, 4)
    for e in range(3):
        np.testing.assert_array_equal(epochs[e], order.permutation(e))


def test_the_order_depends_on_the_seed_and_the_epoch_only():
    a, b = SampleOrder(1000, 7), SampleOrder(1000, 7)
    np.testing.assert_array_equal(a.indices(130, 16), b.indices(130, 16))
    # another batch size reads the same permutations
    e, j = divmod(130, steps_per_epoch(1000, 16))
    np.testing.assert_array_equal(a.indices(130, 16), a.permutation(e)[j * 16:(j + 1) * 16])
    np.testing.assert_array_equal(a.indices(3, 100), b.permutation(0)[300:400])
    assert not np.array_equal(SampleOrder(1000, 8).permutation(0), a.permutation(0))
    # not the numbers of the engine's own generator of the same seed
    assert not np.array_equal(np.random.default_rng(7).permutation(1000), a.permutation(0))


def test_a_permutation_is_drawn_once_per_epoch(monkeypatch):
    drawn = []
    real = SampleOrder.permutation

    def counting(self, epoch):
        drawn.append(epoch)
        return real(self, epoch)

    monkeypatch.setattr(SampleOrder, "permutation", counting)
    run(line_model(), [sgd(8), sgd(8, name="adam")], STARTS, max_steps=3 * 7 + 1)
    assert drawn == [0, 1, 2, 3]


# -- runs -----------------------------------------------------------------------------------

def test_a_run_replays_identically():
    model = line_model()
    configs = [sgd(8), sgd(8, noise=0.5), sgd(16, name="adam")]
    a = run(model, configs, STARTS, max_steps=200, seed=3, record_state=True)
    b = run(model, configs, STARTS, max_steps=200, seed=3, record_state=True)
    c = run(model, configs, STARTS, max_steps=200, seed=4)
    np.testing.assert_array_equal(a.paths, b.paths)
    for i in range(a.n_runs):
        np.testing.assert_array_equal(a.used_grad_of(i), b.used_grad_of(i))
        np.testing.assert_array_equal(a.batch_loss_of(i), b.batch_loss_of(i))
    assert not np.array_equal(a.paths, c.paths)


def test_a_run_alone_is_the_same_run_inside_a_batch():
    """Common random numbers: the same samples for every start, variant and configuration
    (without noise, the only draws that depend on the batch's other rows)."""
    model = line_model()
    lrs = np.array([0.01, 0.05, 0.2])
    configs = [OptimizerConfig("adam", {"lr": 0.1}), sgd(16, name="adam", lr=lrs),
               sgd(8, name="momentum"), sgd(8)]
    batch = run(model, configs, STARTS, max_steps=120, seed=11, record_state=True)
    for i in range(batch.n_runs):
        c, v, s = (int(a[i]) for a in (batch.config_index, batch.variant_index,
                                        batch.start_index))
        config = configs[c]
        if isinstance(config.hparams["lr"], np.ndarray):
            config = sgd(16, name="adam", lr=float(lrs[v]))
        alone = run(model, config, STARTS[s], max_steps=120, seed=11, record_state=True)
        np.testing.assert_array_equal(alone.paths[0], batch.paths[i], err_msg=f"run {i}")
        if config.noise is not None:
            np.testing.assert_array_equal(alone.used_grad_of(0), batch.used_grad_of(i))
            np.testing.assert_array_equal(alone.batch_loss_of(0), batch.batch_loss_of(i))


def test_the_used_gradient_is_the_mean_gradient_of_the_batch_samples():
    model = line_model()
    b, steps = 8, 30
    result = run(model, [sgd(b), sgd(b, name="adam")], STARTS, max_steps=steps, seed=5,
                 record_state=True)
    order, spe = SampleOrder(N, 5), steps_per_epoch(N, b)
    for i in range(result.n_runs):
        used, losses = result.used_grad_of(i), result.batch_loss_of(i)
        assert used.shape == (steps + 1, 2)
        assert losses.shape == (steps + 1,)
        for s in range(steps):
            e, j = divmod(s, spe)
            idx = order.permutation(e)[j * b:(j + 1) * b]
            p = result.paths[i, s]
            np.testing.assert_allclose(used[s], _mean_grad(model, p, idx), rtol=1e-12,
                                       atol=1e-14)
            r = p[0] * model.data.x[idx] + p[1] - model.data.y[idx]
            np.testing.assert_allclose(losses[s], np.sum(r * r) / len(idx), rtol=1e-12)
        assert np.isnan(used[steps]).all()
        assert np.isnan(losses[steps])
        # plain SGD's step is the used gradient, times the rate
        if result.configs[result.config_index[i]].name == "sgd":
            np.testing.assert_allclose(np.diff(result.paths[i], axis=0), -0.05 * used[:-1],
                                       rtol=1e-12, atol=1e-15)


def test_noise_is_added_on_a_model_only_when_asked():
    model = line_model()
    quiet = run(model, sgd(8), STARTS[:1], max_steps=20, seed=2, record_state=True)
    noisy = run(model, sgd(8, noise=0.5), STARTS[:1], max_steps=20, seed=2, record_state=True)
    for result in (quiet, noisy):
        assert result.used_grad_of(0).shape == (21, 2)
    p = quiet.paths[0, 0]
    batch0 = _mean_grad(model, p, SampleOrder(N, 2).permutation(0)[:8])
    np.testing.assert_allclose(quiet.used_grad_of(0)[0], batch0, rtol=1e-12)
    z = np.random.default_rng(2).standard_normal(2)          # the engine's generator's draw
    np.testing.assert_allclose(noisy.used_grad_of(0)[0], batch0 + 0.5 * z, rtol=1e-12)


def test_batches_of_every_sample_give_the_deterministic_run(batches):
    model = line_model()
    for exact, sampled in ((OptimizerConfig("gd", {"lr": 0.05}), sgd(N)),
                           (OptimizerConfig("adam", {"lr": 0.1}), sgd(10**6, name="adam",
                                                                      lr=0.1))):
        a = run(model, exact, STARTS, max_steps=150, tol=1e-12)
        b = run(model, sampled, STARTS, max_steps=150, tol=1e-12, record_state=True)
        np.testing.assert_array_equal(a.paths, b.paths)
        np.testing.assert_array_equal(a.status, b.status)
        loss = b.batch_loss_of(0)
        stop = int(b.stop_step[0])
        np.testing.assert_array_equal(loss[:stop], b.loss[0, :stop])   # the full data's
    assert not batches                                          # never sampled


STOCHASTIC = [name for name, spec in OPTIMIZERS.items() if spec.probe is None]


@pytest.mark.parametrize("name", STOCHASTIC)
def test_every_optimizer_that_takes_stochastic_gradients_runs_on_a_model(name, batches):
    model = line_model()
    config = OptimizerConfig(name, stochastic=StochasticConfig(batch_size=8))
    result = run(model, config, STARTS, max_steps=60, seed=1, record_state=True)
    assert np.isfinite(result.final_xy).all()
    for i in range(result.n_runs):
        stop = int(result.stop_step[i])
        used, losses = result.used_grad_of(i), result.batch_loss_of(i)
        assert np.isfinite(used[:stop]).all()
        assert np.isfinite(losses[:stop]).all()
    assert {len(b) for b in batches} == {8, 2}


def test_probing_optimizers_still_refuse_mini_batches():
    probing = [name for name, spec in OPTIMIZERS.items() if spec.probe is not None]
    assert probing
    for name in probing:
        with pytest.raises(ValueError, match="exact gradient"):
            OptimizerConfig(name, stochastic=StochasticConfig(batch_size=8))


def test_nothing_is_recorded_for_a_deterministic_run_or_without_the_state():
    model = line_model()
    result = run(model, [OptimizerConfig("gd"), sgd(8)], STARTS[:1], max_steps=10,
                 record_state=True)
    assert result.batch_loss_of(0) is None
    assert result.batch_loss_of(1) is not None
    assert run(model, sgd(8), STARTS[:1], max_steps=10).batch_loss_of(0) is None


def test_many_samples_small_batches_many_steps(batches):
    """10**5 samples, B = 32, 1000 steps (a third of an epoch): runs, and the batches are
    the documented slices (no timing asserted)."""
    model = line_model(100_000)
    result = run(model, [sgd(32), sgd(32, name="adam")], STARTS, max_steps=1000, seed=9,
                 record_state=True)
    assert (result.status == MAX_STEPS).all()
    assert len(batches) == 2 * 1000
    order = SampleOrder(100_000, 9)
    np.testing.assert_array_equal(batches[2 * 999], order.permutation(0)[999 * 32:
                                                                              1000 * 32])
    # the fit is near the least-squares one
    x, y = model.data.x, model.data.y
    fit = np.linalg.lstsq(np.vstack([x, np.ones_like(x)]).T, y, rcond=None)[0]
    assert np.abs(result.final_xy - fit).max() < 0.2


def test_a_run_that_reads_no_full_data_loss_does_not_compute_it(monkeypatch):
    """Where the model promises its loss and gradient finite inside the engine's bound, a
    block of mini-batch runs that records no point and has no stop rule evaluates the full
    data at the start and the end only, and gives the bits of a run that evaluates it at
    every step: the updates never read it, and divergence is the coordinates' then."""
    model = line_model()
    monkeypatch.setattr(type(model), "value_finite_within", 1e20)
    configs = [sgd(8), sgd(8, name="adam", lr=0.1), sgd(8, lr=np.array([0.05, 5.0]))]
    every = run(model, configs, STARTS, max_steps=300, seed=6)
    full = []
    real = ModelFunction._value_and_grad

    def counting(self, x, y):
        full.append(len(np.atleast_1d(x)))
        return real(self, x, y)

    monkeypatch.setattr(ModelFunction, "_value_and_grad", counting)
    monkeypatch.setattr(ModelFunction, "_value", lambda self, x, y: counting(self, x, y)[0])
    quiet = run(model, configs, STARTS, max_steps=300, seed=6, record=False)
    assert len(full) <= 2
    assert (every.status == DIVERGED).any()                  # lr 5 blows up
    for name in ("status", "stop_step", "final_xy", "final_loss"):
        np.testing.assert_array_equal(getattr(quiet, name), getattr(every, name), err_msg=name)
    # with a stop rule, or batches of every sample, it evaluates as before
    full.clear()
    run(model, configs, STARTS, max_steps=30, seed=6, record=False, tol=1e-9)
    assert len(full) > 30
    full.clear()
    run(model, sgd(N), STARTS, max_steps=30, record=False)
    assert len(full) > 30
