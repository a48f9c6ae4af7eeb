"""Stochastic gradients: an unbiased mini-batch of the function's terms, plus Gaussian noise."""

from __future__ import annotations

import numpy as np

from .settings import StochasticConfig


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
    if scale:
        z = rng.standard_normal((n_group, 2))
        g = g + scale * (z if where is None else z[where])
    return g
