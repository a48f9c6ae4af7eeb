"""Two-parameter models fitted to data, as surfaces: the loss over (p1, p2) is f(x, y).

A :class:`ModelFunction` is a :class:`~beale_gui.core.functions.TestFunction` whose x and y are
the model's parameters p1 and p2 and whose f is the mean loss over a :class:`~.data.Dataset`:

- ``linear``: prediction p1 x + p2, mean squared error;
- ``logistic``: probability sigma(p1 x + p2) of label 1, mean binary cross-entropy (labels 0
  or 1), computed stably for any |p1 x + p2|;
- ``tanh-neuron``: prediction p2 tanh(p1 x), mean squared error: non-convex, with a symmetric
  pair of minima and a saddle at the origin.

Each has the exact loss, gradient and Hessian over all samples (vectorised over points, in
blocks of samples so memory stays bounded for 10^6 samples), the loss and gradient over a
mini-batch of samples (:meth:`ModelFunction.sample_value_and_grad`, for stochastic runs), and
its minima: exact least squares for ``linear``, Newton's method with a line search for the
others (:attr:`ModelFunction.minimum_note` says why there is none, e.g. separable classes).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from ..functions.base import DEFAULT_HPARAMS, TestFunction
from ..i18n import translate
from .data import DataError, Dataset

# Elements of a (points x samples) block evaluated at once: 2^18 doubles, 2 MiB a temporary.
BLOCK = 1 << 18
# The contour map's budget of sample evaluations (grid points x samples, exactly computed);
# beyond it the map is computed on a coarser grid and interpolated (see surface_grid).
SURFACE_BUDGET = 8_000_000
SURFACE_MIN_SIDE = 48


def _flat(a: np.ndarray, shape) -> np.ndarray:
    return np.ascontiguousarray(np.broadcast_to(a, shape), dtype=np.float64).reshape(-1)


@dataclass(frozen=True, eq=False)
class ModelFunction(TestFunction):
    """The mean loss of a two-parameter model over a data set, as a function of (p1, p2).

    Subclasses implement :meth:`_block` (sums over a block of samples of the loss, its
    gradient, and with ``hessian`` its Hessian, for points given as column vectors) and
    :meth:`predict`.
    """

    model: str = ""
    data: Dataset | None = None
    minimum_note: str | None = None     # why no minimum is marked, when none is

    kind = ""                    # registry key, set by each subclass
    param_names: ClassVar[tuple[str, str]] = ("p1", "p2")

    # -- to implement ---------------------------------------------------------------------
    def _block(self, p1, p2, x, y, hessian: bool = False) -> tuple[np.ndarray, ...]:
        """Sums over the samples (axis 1) of (loss, d/dp1, d/dp2[, h11, h12, h22]).

        ``p1``, ``p2`` have shape (P, 1); ``x``, ``y`` shape (1, S).
        """
        raise NotImplementedError

    def predict(self, params, x: np.ndarray) -> np.ndarray:
        """The model's output at inputs ``x`` for parameters ``params`` = (p1, p2)."""
        raise NotImplementedError

    # -- the full data ------------------------------------------------------------------
    @property
    def n_samples(self) -> int:
        return self.data.n

    def _sums(self, x, y, hessian: bool = False) -> list[np.ndarray]:
        """Means over all samples at the points (x, y), each of shape ``x``'s (broadcast)."""
        shape = np.broadcast_shapes(np.shape(x), np.shape(y))
        p1, p2 = _flat(x, shape), _flat(y, shape)
        n = self.data.n
        step = min(n, BLOCK)
        rows = max(1, BLOCK // step)
        out = [np.zeros(len(p1)) for _ in range(6 if hessian else 3)]
        xs, ys = self.data.x, self.data.y
        for lo in range(0, len(p1), rows):
            a, b = p1[lo:lo + rows, None], p2[lo:lo + rows, None]
            for s in range(0, n, step):
                parts = self._block(a, b, xs[None, s:s + step], ys[None, s:s + step], hessian)
                for acc, part in zip(out, parts, strict=True):
                    acc[lo:lo + rows] += part
        return [(acc / n).reshape(shape) for acc in out]

    def _value(self, x, y):
        return self._sums(x, y)[0]

    def _grad(self, x, y):
        return tuple(self._sums(x, y)[1:])

    def _value_and_grad(self, x, y):
        return tuple(self._sums(x, y))

    def _hessian(self, x, y):
        return tuple(self._sums(x, y, hessian=True)[3:])

    # -- mini-batches -------------------------------------------------------------------
    def sample_value_and_grad(self, w: np.ndarray, idx: np.ndarray
                              ) -> tuple[np.ndarray, np.ndarray]:
        """Mean loss and gradient over the samples ``idx`` (B,) at the points ``w`` (N, 2).

        Returns f of shape (N,) and g of shape (N, 2); every row takes the same samples.
        """
        idx = np.asarray(idx, dtype=np.int64).reshape(-1)
        w = np.asarray(w, dtype=np.float64).reshape(-1, 2)
        x, y = self.data.x[idx][None, :], self.data.y[idx][None, :]
        with np.errstate(all="ignore"):
            f, g1, g2 = self._block(w[:, 0:1], w[:, 1:2], x, y)
        b = len(idx)
        return f / b, np.stack([g1 / b, g2 / b], axis=-1)

    # -- the contour map ----------------------------------------------------------------
    def surface_grid(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """f on the grid ``xs`` x ``ys`` (shape (ny, nx)), for the contour map.

        Exact while grid points x samples stays within ``SURFACE_BUDGET``; beyond it f is
        computed exactly on a coarser grid (at least ``SURFACE_MIN_SIDE`` a side) and
        interpolated (cubic): these losses are smooth, and a map of 10^6 samples is then
        drawn in about a second. Past even that, the coarse grid takes an evenly spaced
        subset of the samples sorted by x (:attr:`surface_note` says so).
        """
        nx, ny = len(xs), len(ys)
        n = self.data.n
        if nx * ny * n <= SURFACE_BUDGET:
            return self.value(_grid(xs, ys))
        side = max(SURFACE_MIN_SIDE, int(math.sqrt(SURFACE_BUDGET / n)))
        cx = np.linspace(xs[0], xs[-1], min(nx, side))
        cy = np.linspace(ys[0], ys[-1], min(ny, side))
        model = self._surface_model()
        coarse = model.value(_grid(cx, cy))
        return _cubic_weights(ys, cy) @ coarse @ _cubic_weights(xs, cx).T

    @property
    def surface_note(self) -> str | None:
        """How the contour map departs from the exact loss, when it does (None when exact)."""
        m = self._surface_samples()
        if m >= self.data.n:
            return None
        return translate("Models", "contours from {0:,} of the {1:,} samples (runs and the "
                                   "minimum use all)").format(m, self.data.n)

    def _surface_samples(self) -> int:
        return min(self.data.n, SURFACE_BUDGET // SURFACE_MIN_SIDE**2)

    def _surface_model(self) -> ModelFunction:
        m = self._surface_samples()
        if m >= self.data.n:
            return self
        order = np.argsort(self.data.x, kind="stable")
        keep = order[np.linspace(0, self.data.n - 1, m).round().astype(np.int64)]
        subset = Dataset(self.data.x[keep], self.data.y[keep], self.data.source)
        return dataclasses.replace(self, data=subset)

    # -- sessions -----------------------------------------------------------------------
    def to_dict(self) -> dict:
        """``{"model": "linear", "data": {...}}``: what a session saves to rebuild it."""
        return {"model": self.model, "data": self.data.to_dict()}

    def key(self) -> tuple:
        """What tells two models apart (the contour map's cache key)."""
        return (self.model, tuple(sorted(self.data.source.items())))

    def __repr__(self) -> str:
        return f"<ModelFunction {self.model} on {self.data.describe()}>"


def _cubic_weights(fine: np.ndarray, coarse: np.ndarray) -> np.ndarray:
    """Catmull-Rom interpolation from the evenly spaced ``coarse`` samples to ``fine``, as a
    (len(fine), len(coarse)) matrix (neighbours past an end are the end sample)."""
    m = len(coarse)
    if m < 2:
        return np.ones((len(fine), m))
    u = np.clip((fine - coarse[0]) / (coarse[-1] - coarse[0]) * (m - 1), 0.0, m - 1.0)
    i = np.minimum(np.floor(u).astype(np.int64), m - 2)
    t = (u - i)[:, None]
    w = np.hstack([((-t + 2.0) * t - 1.0) * t / 2.0, ((3.0 * t - 5.0) * t * t + 2.0) / 2.0,
                   ((-3.0 * t + 4.0) * t + 1.0) * t / 2.0, (t - 1.0) * t * t / 2.0])
    out = np.zeros((len(fine), m))
    rows = np.arange(len(fine))
    for k in range(4):
        np.add.at(out, (rows, np.clip(i + k - 1, 0, m - 1)), w[:, k])
    return out


def _grid(xs, ys) -> np.ndarray:
    xy = np.empty((len(ys), len(xs), 2))
    xy[..., 0] = xs[None, :]
    xy[..., 1] = ys[:, None]
    return xy


# -- the three models -------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class LinearModel(ModelFunction):
    """p1 x + p2, mean squared error.

    The full-data loss is computed from the exact least-squares fit p* (numpy's ``lstsq``)
    and the data's moments: f(p) = f(p*) + d^T A d with d = p - p*, A = [[mean x^2, mean x],
    [mean x, 1]], which equals the mean of the squared residuals and stays accurate to the
    last digits near the minimum (no cancellation of large sums); f(p*) is summed directly.
    Mini-batches sum their residuals.
    """

    kind = "linear"

    def _moments(self):
        cached = self.__dict__.get("_cached_moments")
        if cached is None:
            x, y = self.data.x, self.data.y
            a = np.stack([x, np.ones_like(x)], axis=1)
            p, *_ = np.linalg.lstsq(a, y, rcond=None)
            r = p[0] * x + p[1] - y
            cached = (float(p[0]), float(p[1]), float(np.mean(x * x)), float(np.mean(x)),
                      float(np.mean(r * r)))
            object.__setattr__(self, "_cached_moments", cached)
        return cached

    def _sums(self, x, y, hessian: bool = False):
        p1s, p2s, mxx, mx, fmin = self._moments()
        d1, d2 = np.asarray(x, dtype=np.float64) - p1s, np.asarray(y, dtype=np.float64) - p2s
        a1 = mxx * d1 + mx * d2          # (A d)_1
        a2 = mx * d1 + d2                # (A d)_2
        f = fmin + (d1 * a1 + d2 * a2)
        out = [f, 2.0 * a1, 2.0 * a2]
        if hessian:
            shape = np.shape(f)
            out += [np.full(shape, 2.0 * mxx), np.full(shape, 2.0 * mx), np.full(shape, 2.0)]
        return out

    def _block(self, p1, p2, x, y, hessian=False):
        # mini-batches only: the full data's sums (and the Hessian, constant) come from the
        # moments in _sums
        r = p1 * x + p2 - y
        return [np.sum(r * r, axis=1), 2.0 * np.sum(r * x, axis=1), 2.0 * np.sum(r, axis=1)]

    def surface_grid(self, xs, ys):
        return self.value(_grid(xs, ys))            # exact: two moments, no sum over samples

    def _surface_samples(self) -> int:
        return self.data.n

    def predict(self, params, x):
        p1, p2 = params
        return p1 * np.asarray(x, dtype=np.float64) + p2


@dataclass(frozen=True, eq=False)
class LogisticModel(ModelFunction):
    """sigma(p1 x + p2), mean binary cross-entropy over labels 0 and 1.

    With z = p1 x + p2, each sample's loss is softplus(z) - y z, where softplus(z) =
    max(z, 0) + log1p(exp(-|z|)): finite for any z (no exp of a large positive number).
    """

    kind = "logistic"

    def _block(self, p1, p2, x, y, hessian=False):
        z = p1 * x + p2
        e = np.exp(-np.abs(z))
        loss = np.maximum(z, 0.0) + np.log1p(e) - y * z
        sig = np.where(z >= 0.0, 1.0 / (1.0 + e), e / (1.0 + e))
        r = sig - y
        out = [np.sum(loss, axis=1), np.sum(r * x, axis=1), np.sum(r, axis=1)]
        if hessian:
            v = sig * (1.0 - sig)
            out += [np.sum(v * x * x, axis=1), np.sum(v * x, axis=1), np.sum(v, axis=1)]
        return out

    def predict(self, params, x):
        p1, p2 = params
        z = p1 * np.asarray(x, dtype=np.float64) + p2
        e = np.exp(-np.abs(z))
        return np.where(z >= 0.0, 1.0 / (1.0 + e), e / (1.0 + e))


@dataclass(frozen=True, eq=False)
class TanhNeuronModel(ModelFunction):
    """p2 tanh(p1 x), mean squared error: minima in pairs (p, -p), a saddle at the origin."""

    kind = "tanh-neuron"

    def _block(self, p1, p2, x, y, hessian=False):
        t = np.tanh(p1 * x)
        r = p2 * t - y
        s = 1.0 - t * t                  # d tanh(u) / du
        dp1 = p2 * s * x                 # d prediction / d p1
        out = [np.sum(r * r, axis=1), 2.0 * np.sum(r * dp1, axis=1), 2.0 * np.sum(r * t, axis=1)]
        if hessian:
            # d2 prediction / d p1^2 = -2 p2 t s x^2;  d2 / d p1 d p2 = s x;  d2 / d p2^2 = 0
            h11 = 2.0 * np.sum(dp1 * dp1 - r * (2.0 * p2 * t * s * x * x), axis=1)
            h12 = 2.0 * np.sum(dp1 * t + r * (s * x), axis=1)
            h22 = 2.0 * np.sum(t * t, axis=1)
            out += [h11, h12, h22]
        return out

    def predict(self, params, x):
        p1, p2 = params
        return p2 * np.tanh(p1 * np.asarray(x, dtype=np.float64))


MODELS: dict[str, type[ModelFunction]] = {
    cls.kind: cls for cls in (LinearModel, LogisticModel, TanhNeuronModel)}

TITLES = {"linear": "Linear regression", "logistic": "Logistic regression",
          "tanh-neuron": "Tanh neuron"}
FORMULAS = {"linear": "mean (p1 x + p2 - y)^2",
            "logistic": "mean BCE(sigma(p1 x + p2), y)",
            "tanh-neuron": "mean (p2 tanh(p1 x) - y)^2"}
# the data set each model is drawn with when none is named
DEFAULT_DATASETS = {"linear": "noisy-line", "logistic": "two-classes",
                    "tanh-neuron": "noisy-tanh"}


# -- minima ------------------------------------------------------------------------------------
def newton_minimum(function: ModelFunction, start, steps: int = 100) -> np.ndarray | None:
    """A local minimum from ``start`` by Newton's method with a backtracking line search.

    Where the Hessian is not positive definite the step is the negative gradient. Ends at a
    point where f stops decreasing and |g| is at the level of rounding (a further Newton step
    would not move it); None when the iteration runs off (no minimum that way).
    """
    p = np.asarray(start, dtype=np.float64).copy()
    f, g = function.value_and_grad(p)
    for _ in range(steps):
        h = function.hessian(p)
        try:
            eig = np.linalg.eigvalsh(h)
            d = -np.linalg.solve(h, g) if eig[0] > 0 else -g
        except np.linalg.LinAlgError:
            d = -g
        if not np.all(np.isfinite(d)) or not np.any(d):
            break
        t = 1.0
        while t > 1e-12:
            q = p + t * d
            fq, gq = function.value_and_grad(q)
            if fq <= f + 1e-4 * t * float(g @ d):
                break
            t *= 0.5
        else:
            break
        moved = not np.array_equal(q, p)
        p, f, g = q, fq, gq
        if not moved or np.max(np.abs(p)) > 1e8:
            break
    if not np.all(np.isfinite(p)) or np.max(np.abs(p)) > 1e6:
        return None
    h = function.hessian(p)
    if np.linalg.eigvalsh(h)[0] <= 0 or np.linalg.norm(g) > 1e-6 * (1.0 + abs(f)):
        return None
    return p


def _minima_of(cls: type[ModelFunction], probe: ModelFunction, data: Dataset
               ) -> tuple[np.ndarray, str | None]:
    """The model's minima as an (M, 2) array, and the reason when there is none."""
    x, y = data.x, data.y
    if cls is LinearModel:
        if np.ptp(x) == 0.0:
            return np.zeros((0, 2)), translate("Models", "every x is the same: the best lines "
                                                         "form a valley, no single minimum")
        p1, p2 = probe._moments()[:2]
        return np.array([[p1, p2]]), None
    if cls is LogisticModel:
        ones, zeros = x[y == 1.0], x[y == 0.0]
        if len(ones) == 0 or len(zeros) == 0:
            return np.zeros((0, 2)), translate("Models", "only one class: the loss has no "
                                                         "minimum, the parameters grow "
                                                         "without bound")
        if zeros.max() <= ones.min() or ones.max() <= zeros.min():
            return np.zeros((0, 2)), translate("Models", "the classes are separable: the "
                                                         "loss has no minimum, the "
                                                         "parameters grow without bound")
        if np.ptp(x) == 0.0:
            return np.zeros((0, 2)), translate("Models", "every x is the same: no single "
                                                         "minimum")
        p = newton_minimum(probe, (0.0, 0.0))
        return (np.zeros((0, 2)), translate("Models", "no minimum found")) if p is None \
            else (p[None, :], None)
    # tanh neuron: minima come in pairs (p, -p); seed Newton from the best points of a grid
    found: list[np.ndarray] = []
    scale = float(np.max(np.abs(x))) or 1.0
    ymax = float(np.max(np.abs(y))) or 1.0
    a1 = np.linspace(0.05, 5.0, 12) / scale
    a2 = np.linspace(-2.0, 2.0, 13) * ymax
    grid = np.stack(np.meshgrid(a1, a2), axis=-1).reshape(-1, 2)
    values = probe.value(grid)
    for i in np.argsort(values)[:6]:
        p = newton_minimum(probe, grid[i])
        if p is None:
            continue
        if p[0] < 0:
            p = -p
        if not any(np.allclose(p, q, rtol=1e-6, atol=1e-9) for q in found):
            found.append(p)
    if not found:
        return np.zeros((0, 2)), translate("Models", "no minimum found")
    found.sort(key=lambda p: float(probe.value(p)))
    return np.array([m for p in found for m in (p, -p)]), None


def _bounds(minima: np.ndarray, data: Dataset, kind: str):
    """A view holding the minima and the origin (the usual start), with a margin."""
    points = np.vstack([minima, [[0.0, 0.0]]]) if len(minima) else np.zeros((1, 2))
    if kind == "logistic" and not len(minima):
        s = float(np.std(data.x)) or 1.0
        ones, zeros = data.x[data.y == 1.0], data.x[data.y == 0.0]
        if len(ones) and len(zeros):
            # separable: the slope grows toward the side of the class with the larger x
            # (to about 8 / s in a thousand steps of GD); the view leans that way
            lo, hi = (-3.0 / s, 12.0 / s) if ones.mean() > zeros.mean() else (-12.0 / s, 3.0 / s)
            return (lo, hi), (-7.5, 7.5)
        points = np.vstack([points, [[4.0 / s, 4.0], [-4.0 / s, -4.0]]])
    lo, hi = points.min(axis=0), points.max(axis=0)
    half = max(float(np.max(hi - lo)), 1.0)
    centre = (lo + hi) / 2.0
    return ((float(centre[0] - half), float(centre[0] + half)),
            (float(centre[1] - half), float(centre[1] + half)))


def _hparams(probe: ModelFunction, points: np.ndarray) -> dict:
    """Learning rates the default optimizers take on this model: GD's a half of 2/lambda_max,
    lambda_max the largest curvature at ``points`` (the minima and the origin), rounded down
    to 1, 2 or 5 x 10^k; the momentum methods' a fifth of that; the adaptive ones' as on
    the built-in surfaces."""
    lam = float(np.max(np.linalg.eigvalsh(probe.hessian(points))))
    lr = 1.0 / lam if lam > 0 else 0.1
    k = math.floor(math.log10(lr))
    step = max(m for m in (1.0, 2.0, 5.0) if m * 10.0**k <= lr * (1 + 1e-12))
    gd = step * 10.0**k
    hp = {name: dict(values) for name, values in DEFAULT_HPARAMS.items()}
    hp["gd"] = {"lr": gd}
    hp["momentum"] = {"lr": gd / 5.0, "momentum": 0.9}
    hp["nesterov"] = {"lr": gd / 5.0, "momentum": 0.9}
    return hp


def make_model(kind: str, data: Dataset) -> ModelFunction:
    """The model ``kind`` (``linear``, ``logistic`` or ``tanh-neuron``) fitted to ``data``.

    DataError when the data do not suit the model (logistic labels other than 0 and 1,
    named with the sample's line or number).
    """
    if kind not in MODELS:
        raise DataError(translate("Models", "unknown model {0!r}; choose one of {1}")
                        .format(kind, ", ".join(MODELS)))
    cls = MODELS[kind]
    if cls is LogisticModel:
        bad = np.flatnonzero((data.y != 0.0) & (data.y != 1.0))
        if len(bad):
            i = int(bad[0])
            raise DataError(translate("Models", "logistic regression needs labels 0 or 1: "
                                                "{0} has y = {1:g}").format(data.where(i),
                                                                           data.y[i]))
    title = f"{TITLES[kind]} · {data.name}"
    formula = f"{FORMULAS[kind]} over {data.describe()}"
    probe = cls(name=kind, title=title, formula=formula, bounds=((-1.0, 1.0), (-1.0, 1.0)),
                model=kind, data=data)
    with np.errstate(all="ignore"):
        minima, note = _minima_of(cls, probe, data)
    bounds = _bounds(minima, data, kind)
    at = np.vstack([minima, [[0.0, 0.0]]])
    minima = np.array(minima, dtype=np.float64).reshape(-1, 2)
    minima.flags.writeable = False
    function = cls(name=kind, title=title, formula=formula, bounds=bounds, minima=minima,
                   model=kind, data=data, minimum_note=note, hparams=_hparams(probe, at))
    if kind == "linear":
        object.__setattr__(function, "_cached_moments", probe._moments())
    object.__setattr__(function, "value_finite_within", _finite_within(kind, data))
    return function


def _finite_within(kind: str, data: Dataset) -> float:
    """How far |p1| and |p2| may go with f and the gradient finite and the gradient's
    components at most the engine's bound 1e150 (see ``TestFunction.value_finite_within``):
    then a block of mini-batch runs need not evaluate the full data each step to check them.

    Logistic: |loss_i| <= |z| + |y z| + log 2 and |grad| <= max|x| + 1. Linear: f and the
    gradient are quadratic and linear in p with coefficients of size mean x^2, max|x| and
    max|y|. Tanh neuron: |r| <= |p2| + max|y|, |grad| <= 2 |r| (|p2| max|x| + 1). Each bound
    below keeps these under 1e150 with room to spare.
    """
    size = 1.0 + float(np.max(np.abs(data.x))) + float(np.max(np.abs(data.y)))
    if kind == "logistic":
        return 1e140 / size
    if kind == "linear":
        return 1e70 / size
    return 1e70 / size


def default_model(kind: str) -> ModelFunction:
    """The model with its built-in data set at its defaults."""
    from .data import builtin_dataset
    return make_model(kind, builtin_dataset(DEFAULT_DATASETS[kind]))


def model_from_dict(d) -> ModelFunction:
    """A model from :meth:`ModelFunction.to_dict` (DataError when it cannot be rebuilt)."""
    from .data import dataset_from_dict
    if not isinstance(d, dict) or not isinstance(d.get("model"), str):
        raise DataError(translate("Models", "model: expected a name"))
    if d["model"] not in MODELS:
        raise DataError(translate("Models", "unknown model {0!r}; choose one of {1}")
                        .format(d["model"], ", ".join(MODELS)))
    return make_model(d["model"], dataset_from_dict(d.get("data")))
