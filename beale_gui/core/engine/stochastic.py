"""Stochastic gradients: an unbiased mini-batch of the function's terms, plus Gaussian noise;
for a model on data (``n_samples > 0``), the mean gradient over a mini-batch of its samples
drawn without replacement through shuffled epochs (:class:`SampleOrder`)."""

from __future__ import annotations

import numpy as np

from .settings import StochasticConfig

# Tags the generator of the sample order, so that it never draws the numbers of the engine's
# own generator (``default_rng(seed)``) nor those of a generator spawned from the same seed.
_SAMPLE_STREAM = 0x5A3D_1E5


def steps_per_epoch(n: int, batch_size: int) -> int:
    """Updates per pass over ``n`` samples in mini-batches of ``batch_size``: ceil(n / B), the
    last batch of an epoch the remainder (torch's DataLoader with ``drop_last=False``); 1 when
    ``batch_size >= n`` (every update takes the full data)."""
    if n <= 0 or batch_size <= 0:
        raise ValueError(f"steps_per_epoch needs n > 0 and batch_size > 0, got {n}, {batch_size}")
    return -(-n // batch_size)


def n_samples_of(function) -> int:
    """The samples of a model on data; 0 for every other function."""
    return int(getattr(function, "n_samples", 0) or 0)


class SampleOrder:
    """The samples each update of a run's stochastic configurations takes, on a model.

    Update ``s`` (the run's 0-based update count) with batches of ``B`` takes epoch
    ``e = s // spe`` and slot ``j = s % spe`` (``spe = steps_per_epoch(n, B)``): the indices
    ``perm_e[j*B : (j+1)*B]``, where ``perm_e`` is a permutation of range(n) drawn from a
    generator seeded by the experiment's seed and ``e`` only. Every row of a batch (start,
    variant, configuration) sees the same order, and a run alone sees the order it sees in any
    batch. The permutations in use are kept (one per epoch a batch size is in), not redrawn per
    update.
    """

    def __init__(self, n_samples: int, seed: int | None) -> None:
        if n_samples <= 0:
            raise ValueError(f"a sample order needs samples, got n={n_samples}")
        self.n = int(n_samples)
        # a run without a seed draws its entropy once: its configurations still share an order
        self.seed = int(np.random.SeedSequence().entropy if seed is None else seed)
        self._epoch_of: dict[int, int] = {}          # batch size -> its current epoch
        self._perms: dict[int, np.ndarray] = {}      # epoch -> its permutation

    def permutation(self, epoch: int) -> np.ndarray:
        """The order of the samples in ``epoch``, (n,) int64 (a fresh array)."""
        sequence = np.random.SeedSequence(self.seed, spawn_key=(_SAMPLE_STREAM, int(epoch)))
        return np.random.default_rng(sequence).permutation(self.n)

    def indices(self, s: int, batch_size: int) -> np.ndarray:
        """The sample indices of update ``s`` with batches of ``batch_size`` (< n), (B,) or
        the epoch's remainder; a view of the cached permutation."""
        spe = steps_per_epoch(self.n, batch_size)
        epoch, slot = divmod(int(s), spe)
        if self._epoch_of.get(batch_size) != epoch:
            self._epoch_of[batch_size] = epoch
            if epoch not in self._perms:
                self._perms[epoch] = self.permutation(epoch)
            used = set(self._epoch_of.values())
            for e in [e for e in self._perms if e not in used]:
                del self._perms[e]
        return self._perms[epoch][slot * batch_size:(slot + 1) * batch_size]


def stochastic_grad(function, noise: StochasticConfig, w: np.ndarray, g: np.ndarray, rng,
                    n_group: int, where: np.ndarray | None, no_terms_noise: float) -> np.ndarray:
    """Unbiased mini-batch gradient plus noise at the points ``w``, shape (n, 2).

    Draws are made for all ``n_group`` rows of the configuration, as if none had stopped, so a
    run's draws do not depend on the others; the rows at ``w`` take those at the positions
    ``where`` (None: all of them, in order). ``g`` is the exact gradient at ``w``.
    """
    k = function.n_terms
    if k:
        b = min(noise.batch_size, k)
        if b < k:
            tg = function.term_grads(w)                          # (n, K, 2)
            keys = rng.random((n_group, k))
            if where is not None:
                keys = keys[where]
            chosen = keys <= np.sort(keys, axis=1)[:, b - 1:b]   # b random terms per run
            g = (k / b) * np.einsum("nk,nkd->nd", chosen, tg)
        scale = noise.noise
    else:
        scale = noise.noise or no_terms_noise
    return _add_noise(g, scale, rng, n_group, where)


def sampled_grad(function, order: SampleOrder, noise: StochasticConfig, s: int, w: np.ndarray,
                 f: np.ndarray | None, g: np.ndarray, rng, n_group: int,
                 where: np.ndarray | None, need_loss: bool = True
                 ) -> tuple[np.ndarray, np.ndarray | None]:
    """A model's mini-batch gradient for update ``s`` at the points ``w`` (n, 2), plus noise,
    and the mini-batch loss there, (n,).

    ``f`` and ``g`` are the full-data loss (None where it was not computed) and gradient at
    ``w``: with batches of all the samples or more, the update takes ``g`` itself (and the
    loss is ``f``, computed here when None and ``need_loss``; else the loss may be None).
    Noise is drawn from ``rng`` as for :func:`stochastic_grad`; a noise of 0 adds none.
    """
    if noise.batch_size >= order.n:
        loss = function.value(w) if f is None and need_loss else f
    else:
        loss, g = function.sample_value_and_grad(w, order.indices(s, noise.batch_size))
    return _add_noise(g, noise.noise, rng, n_group, where), loss


def _add_noise(g: np.ndarray, scale: float, rng, n_group: int,
               where: np.ndarray | None) -> np.ndarray:
    if scale:
        z = rng.standard_normal((n_group, 2))
        g = g + scale * (z if where is None else z[where])
    return g
