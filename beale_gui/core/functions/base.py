"""What a 2-D test surface is: :class:`TestFunction`, and the bases the built-ins share.

Every function takes ``xy`` of shape ``(..., 2)`` and is vectorised over the leading axes.
Functions that are sums of terms (Beale is a sum of three squared residuals) also expose the
terms and their gradients, so an optimizer can be given the unbiased gradient of a random
mini-batch of them. The engine evaluates a function through :meth:`TestFunction.evaluator`
(and, for a few runs, :meth:`TestFunction.float_evaluator`), never through its internals.
"""

from __future__ import annotations

import functools
import operator
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

Bounds = tuple[tuple[float, float], tuple[float, float]]
# Minima whose f is within this of the lowest listed (relative to 1 + |f|) are all global: the
# four of Himmelblau, rounded to float64, have f of a few 1e-12.
GLOBAL_TOLERANCE = 1e-9

HParams = Mapping[str, Mapping[str, float]]
# The default optimizer set's hyperparameters (the window's first launch: the seed's optimizers
# on Beale), and the window's for the optimizers one adds whose torch or paper defaults barely
# move on Beale from the default start in 1000 steps (Adamax's lr 0.002 ends at f = 6.1, RAdam's
# 0.001 at 12, Lion's 1e-4 at 21, AdaBelief's 0.001 at 0.37 and Schedule-Free AdamW's 0.0025 at
# 12; f starts at 26.5). Each is the largest rate of the grid 1, 2, 5 x 10^k that stays in the
# view, with a margin of at least 2 below the first that leaves it (Adamax: Adam's 0.05, below
# that). Rprop, ASGD, Yogi and Schedule-Free SGD move well from their registry defaults and are
# not named; nor are the optimizers whose defaults are torch's and the seed's (AdamW, NAdam,
# AMSGrad, Adadelta): the registry's apply. A function that declares none (a typed one) gets
# these; Beale declares exactly these, and the seed's runs depend on its first six.
DEFAULT_HPARAMS: HParams = types.MappingProxyType({
    "gd": {"lr": 0.01},
    "momentum": {"lr": 0.01, "momentum": 0.9},
    "nesterov": {"lr": 0.01, "momentum": 0.9},
    "adagrad": {"lr": 0.5},
    "rmsprop": {"lr": 0.01},
    "adam": {"lr": 0.05},
    "adamax": {"lr": 0.05},
    "radam": {"lr": 0.02},
    "lion": {"lr": 0.005},
    "adabelief": {"lr": 0.02},
    "sfadamw": {"lr": 0.1},
})


def _split(xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    xy = np.asarray(xy, dtype=np.float64)
    if xy.shape[-1:] != (2,):
        raise ValueError(f"xy must have shape (..., 2), got {xy.shape}")
    return xy[..., 0], xy[..., 1]


@dataclass(frozen=True, eq=False)
class TestFunction:
    """A 2-D test surface.

    Subclasses implement :meth:`_value`, :meth:`_grad` and :meth:`_hessian` on separate ``x``
    and ``y`` arrays, and, where the function is a sum of terms, :meth:`_terms` and
    :meth:`_term_grads`.

    Attributes
    ----------
    name : str
        Registry key, e.g. ``"beale"``.
    title : str
        Human-readable name, e.g. ``"Beale"``.
    formula : str
        The formula as text, for tooltips and figure titles.
    bounds : ((xmin, xmax), (ymin, ymax))
        The default view.
    minima : ndarray, shape (M, 2)
        Every known global or local minimum worth marking (may be empty); the built-ins list
        the global ones first, then every local one inside ``bounds``. :attr:`global_mask`
        tells them apart.
    n_terms : int
        Number of terms the function is a sum of (0 when it is not split into terms).
    hparams : mapping of optimizer name to {hyperparameter: value}
        Hyperparameters with which each optimizer of the default set converges, or at least
        stays in view, from the window's default start (found by running the engine; a test
        checks it); :meth:`hparams_for` falls back to :data:`DEFAULT_HPARAMS`.
    """

    __test__ = False  # not a pytest test class, despite the name
    # f and its gradient are finite, and the gradient's components at most the engine's
    # GRADIENT_BOUND (1e150), wherever |x| and |y| are at most this: then the engine, which
    # stops a run whose coordinates leave its (smaller) bound, need not compute f, nor look at
    # f and the gradient, just to see them finite and the gradient inside its bound.
    value_finite_within: ClassVar[float] = 0.0
    # the coordinates' names: a model on data's are its parameters p1 and p2
    param_names: ClassVar[tuple[str, str]] = ("x", "y")
    # the function as a plain function of two floats (functions/scalar.py), where it has one
    scalar_value_and_grad: ClassVar[Callable[[float, float], tuple[float, float, float]]
                                    | None] = None

    name: str
    title: str
    formula: str
    bounds: Bounds
    minima: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    n_terms: int = 0
    hparams: HParams = field(default_factory=dict)

    # -- to implement ---------------------------------------------------------------------
    def _value(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _grad(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def _hessian(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
        """``(hxx, hxy, hyy)``, exact (the built-ins' are in :mod:`.hessians`)."""
        raise NotImplementedError(f"{self.title} has no Hessian")

    def _terms(self, x: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
        raise NotImplementedError(f"{self.title} is not a sum of terms")

    def _term_grads(
        self, x: np.ndarray, y: np.ndarray
    ) -> list[tuple[np.ndarray, np.ndarray]]:
        raise NotImplementedError(f"{self.title} is not a sum of terms")

    def _value_and_grad(
        self, x: np.ndarray, y: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        gx, gy = self._grad(x, y)
        return self._value(x, y), gx, gy

    # -- public API -----------------------------------------------------------------------
    def evaluator(self, xy: np.ndarray, fg: np.ndarray,
                  value: bool = True) -> Callable[[], None]:
        """For the engine: ``evaluate()`` writes f, gx, gy at the points ``xy`` into ``fg``.

        Parameters
        ----------
        xy : ndarray, shape (4, n)
            Rows 0 and 1 are x and y, set by the caller before each call; rows 2 and 3 are
            scratch the function may use.
        fg : ndarray, shape (3, n)
            Receives f, gx and gy. Values are those of :meth:`value_and_grad`, bit for bit.
        value : bool
            When False, f (``fg[0]``) may be left as it is.

        A subclass may override this with a version that allocates nothing per call.
        """
        x, y = xy[0], xy[1]

        def evaluate() -> None:
            f, gx, gy = self._value_and_grad(x, y)
            fg[0], fg[1], fg[2] = f, gx, gy

        return evaluate

    def float_evaluator(self) -> Callable[[float, float], tuple[float, float, float]] | None:
        """``f, gx, gy = evaluate_at(x, y)`` on Python floats, or None.

        A function has one (its :attr:`scalar_value_and_grad`, a module-level function) when
        its formula on floats does the operations of :meth:`evaluator` in its order
        (arithmetic operators only), so the two agree bit for bit: for a few points it is
        cheaper than a numpy call, and the engine's compiled path compiles it. A subclass that
        overrides :meth:`evaluator` must keep them in step.
        """
        return self.scalar_value_and_grad

    def value(self, xy: np.ndarray) -> np.ndarray:
        """f at ``xy`` of shape (..., 2); returns shape (...)."""
        x, y = _split(xy)
        with np.errstate(all="ignore"):
            return np.asarray(self._value(x, y), dtype=np.float64)

    def grad(self, xy: np.ndarray) -> np.ndarray:
        """Exact gradient at ``xy`` of shape (..., 2); returns shape (..., 2)."""
        x, y = _split(xy)
        with np.errstate(all="ignore"):
            gx, gy = self._grad(x, y)
            return np.stack(np.broadcast_arrays(gx, gy), axis=-1).astype(np.float64, copy=False)

    def value_and_grad(self, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """f and its gradient at ``xy`` of shape (..., 2), sharing common subexpressions."""
        x, y = _split(xy)
        with np.errstate(all="ignore"):
            f, gx, gy = self._value_and_grad(x, y)
            g = np.stack(np.broadcast_arrays(gx, gy), axis=-1).astype(np.float64, copy=False)
            return np.asarray(f, dtype=np.float64), g

    def hessian(self, xy: np.ndarray) -> np.ndarray:
        """Exact Hessian at ``xy`` of shape (..., 2); returns shape (..., 2, 2).

        Symmetric bit for bit (both mixed entries are one computed number). Worked out by hand
        for the built-ins (:mod:`.hessians`), by second-order forward-mode differentiation for
        typed functions (:mod:`.expression_hessian`). Where f has a kink (Ackley's tip, ``abs``
        or ``sqrt`` at 0) it is the analytic formula's value there, documented with each; NaN
        and inf propagate as values, nothing raises.
        """
        x, y = _split(xy)
        with np.errstate(all="ignore"):
            hxx, hxy, hyy = np.broadcast_arrays(*self._hessian(x, y), x)[:3]
            rows = (np.stack([hxx, hxy], axis=-1), np.stack([hxy, hyy], axis=-1))
            return np.stack(rows, axis=-2).astype(np.float64, copy=False)

    def terms(self, xy: np.ndarray) -> np.ndarray:
        """The terms whose sum is f; returns shape (..., n_terms)."""
        x, y = _split(xy)
        with np.errstate(all="ignore"):
            parts = np.broadcast_arrays(*self._terms(x, y), x)[:-1]
            return np.stack(parts, axis=-1)

    def term_grads(self, xy: np.ndarray) -> np.ndarray:
        """Gradient of each term; returns shape (..., n_terms, 2)."""
        x, y = _split(xy)
        with np.errstate(all="ignore"):
            rows = [np.stack(np.broadcast_arrays(gx, gy, x)[:2], axis=-1)
                    for gx, gy in self._term_grads(x, y)]
            return np.stack(rows, axis=-2)

    def nearest_minimum(self, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Index of, and distance to, the nearest known minimum for each point.

        Returns ``(index, distance)`` of shape (...); index -1 and distance NaN where the
        function lists no minima.
        """
        xy = np.asarray(xy, dtype=np.float64)
        if len(self.minima) == 0:
            shape = xy.shape[:-1]
            return np.full(shape, -1), np.full(shape, np.nan)
        d = np.linalg.norm(xy[..., None, :] - self.minima, axis=-1)
        idx = np.argmin(d, axis=-1)
        return idx, np.take_along_axis(d, idx[..., None], axis=-1)[..., 0]

    def hparams_for(self, optimizer: str) -> dict[str, float]:
        """The hyperparameters this function declares for ``optimizer`` (the default set's,
        :data:`DEFAULT_HPARAMS`, when it declares none at all); {} for one it does not name,
        which then takes the registry's defaults."""
        declared = self.hparams or DEFAULT_HPARAMS
        return dict(declared.get(optimizer, {}))

    @property
    def minimum_values(self) -> np.ndarray:
        """f at each known minimum, shape (M,)."""
        return self.value(self.minima) if len(self.minima) else np.zeros(0)

    @property
    def global_mask(self) -> np.ndarray:
        """Which known minima are global, bool of shape (M,): those whose f is the lowest
        listed, up to ``GLOBAL_TOLERANCE`` (relative to 1 + its size); the others are local."""
        values = self.minimum_values
        if not len(values):
            return np.zeros(0, dtype=bool)
        lowest = values.min()
        return values <= lowest + GLOBAL_TOLERANCE * (1.0 + abs(lowest))

    @property
    def global_minima(self) -> np.ndarray:
        """The global minima, shape (G, 2)."""
        return self.minima[self.global_mask]

    @property
    def local_minima(self) -> np.ndarray:
        """The local (not global) minima, shape (L, 2)."""
        return self.minima[~self.global_mask]

    def __repr__(self) -> str:
        return f"<TestFunction {self.name}>"


def _total(parts):
    """Left-to-right sum (the order a written ``a + b + c`` evaluates in)."""
    return functools.reduce(operator.add, parts)


def _minima(*points: tuple[float, float]) -> np.ndarray:
    """Read-only float64 array of shape (M, 2)."""
    minima = np.array(points, dtype=np.float64).reshape(-1, 2)
    minima.flags.writeable = False
    return minima


def polish_minima(function: TestFunction, seeds, steps: int = 20) -> np.ndarray:
    """Newton's method on the exact gradient of ``function`` from each seed, shape (K, 2).

    The Hessian is taken by central differences of the exact gradient (h = 1e-6); its error
    only slows the last steps, while the exact gradient decides where they end: at a critical
    point to float64's rounding, where a further Newton step would not move it. The caller
    seeds each point near the minimum it wants (a start beside a saddle would find the saddle).
    """
    p = np.array(seeds, dtype=np.float64).reshape(-1, 2)
    h = 1e-6
    for _ in range(steps):
        hess = np.stack([(function.grad(p + h * e) - function.grad(p - h * e)) / (2.0 * h)
                         for e in np.eye(2)], axis=-1)
        p = p - np.linalg.solve((hess + np.swapaxes(hess, -1, -2)) / 2.0,
                                function.grad(p)[..., None])[..., 0]
    return p


class _Fused(TestFunction):
    """A function whose gradient computes f on the way: implement only :meth:`_value_and_grad`."""

    def _value(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return self._value_and_grad(x, y)[0]

    def _grad(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return self._value_and_grad(x, y)[1:]


@dataclass(frozen=True, eq=False)  # again, so that __init__ runs __post_init__
class SumOfSquares(_Fused):
    """f = sum_i r_i(x, y)**2, a sum of ``n_terms`` squared residuals.

    Subclasses implement :meth:`_residuals`, :meth:`_residual_grads` and
    :meth:`_residual_hessians`; the value, the gradient, the Hessian, the terms ``r_i**2`` and
    their gradients ``2 r_i grad(r_i)`` follow, and ``n_terms`` is counted from the residuals.
    A subclass may override :meth:`_value_and_grad` with a fused version; :meth:`_grad` then
    uses it.
    """

    def __post_init__(self) -> None:
        zero = np.float64(0.0)
        object.__setattr__(self, "n_terms", len(self._residuals(zero, zero)))

    def _residuals(self, x: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
        raise NotImplementedError

    def _residual_grads(self, x: np.ndarray, y: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        raise NotImplementedError

    def _residual_hessians(self, x: np.ndarray, y: np.ndarray) -> list[tuple[np.ndarray, ...]]:
        """``(rxx, rxy, ryy)`` of each residual."""
        raise NotImplementedError(f"{self.title} has no Hessian")

    def _hessian(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
        """2 sum_i (grad r_i grad r_i^T + r_i hess r_i)."""
        hxx = hxy = hyy = 0.0
        for r, (rx, ry), (rxx, rxy, ryy) in zip(self._residuals(x, y), self._residual_grads(x, y),
                                                self._residual_hessians(x, y), strict=True):
            hxx = hxx + (rx * rx + r * rxx)
            hxy = hxy + (rx * ry + r * rxy)
            hyy = hyy + (ry * ry + r * ryy)
        return 2.0 * hxx, 2.0 * hxy, 2.0 * hyy

    def _value(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return _total(self._terms(x, y))

    def _terms(self, x: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
        return [r**2 for r in self._residuals(x, y)]

    def _term_grads(self, x: np.ndarray, y: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        pairs = zip(self._residuals(x, y), self._residual_grads(x, y), strict=True)
        return [(2.0 * r * drx, 2.0 * r * dry) for r, (drx, dry) in pairs]

    def _value_and_grad(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
        rs = self._residuals(x, y)
        pairs = list(zip(rs, self._residual_grads(x, y), strict=True))
        gx = 2.0 * _total([r * drx for r, (drx, _) in pairs])
        gy = 2.0 * _total([r * dry for r, (_, dry) in pairs])
        return _total([r**2 for r in rs]), gx, gy


