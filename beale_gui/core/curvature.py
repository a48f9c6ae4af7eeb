"""The curvature where an optimizer is: the local Hessian, its eigenvalues and condition number,
the step sizes it allows, and the level ellipse of the local quadratic model.

Every function's exact Hessian (``TestFunction.hessian``: the built-ins', typed expressions'
and models' on data, the one Newton's method uses) gives, at a point, eigenvalues
lambda_min <= lambda_max and their eigenvectors. On the local quadratic model
f(w + d) ~ f(w) + g.d + d.H d / 2 the classic results hold:

- gradient descent is stable while lr * lambda_max < 2: monotone below 1, converging with sign
  flips ("oscillating") from 1 to 2, diverging from 2;
- heavy-ball momentum (torch's SGD with momentum beta, dampening 0) converges while
  lr < 2 (1 + beta) / lambda_max; Nesterov's while lr < 2 (1 + beta) / ((1 + 2 beta) lambda_max);
- on a positive-definite quadratic the best constant GD rate is 2 / (lambda_max + lambda_min),
  and the best heavy ball lr* = 4 / (sqrt(lambda_max) + sqrt(lambda_min))^2 with
  beta* = ((sqrt(kappa) - 1) / (sqrt(kappa) + 1))^2, kappa = lambda_max / lambda_min.

Nothing here runs unless asked: the window's Curvature view and ``run --curvature`` call it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .i18n import translate

# |lambda| below this (relative to the larger |lambda|, or absolutely when both are tiny) is zero
SINGULAR_RTOL = 1e-12

POSITIVE_DEFINITE = "positive definite"
NEGATIVE_DEFINITE = "negative definite"
INDEFINITE = "indefinite"
SINGULAR = "singular"
NOT_FINITE = "not finite"


def symmetric_eigen(hxx, hxy, hyy) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Eigenvalues (lambda_min, lambda_max) and the angle of lambda_max's eigenvector of the
    symmetric 2 x 2 matrices [[hxx, hxy], [hxy, hyy]], vectorised over any shape.

    Closed form: the eigenvalue of larger size is m + sign(m) r, m = (hxx + hyy) / 2,
    r = hypot((hxx - hyy) / 2, hxy); the other is the determinant divided by it, so neither
    loses digits to cancellation (the tests compare with numpy's eigvalsh). The angle is
    atan2(2 hxy, hxx - hyy) / 2."""
    hxx, hxy, hyy = (np.asarray(v, dtype=np.float64) for v in (hxx, hxy, hyy))
    with np.errstate(all="ignore"):
        m = (hxx + hyy) / 2.0
        r = np.hypot((hxx - hyy) / 2.0, hxy)
        large = m + np.copysign(r, m)
        det = hxx * hyy - hxy * hxy
        other = np.where(large != 0.0, det / np.where(large != 0.0, large, 1.0), 0.0)
        lam_min, lam_max = np.minimum(large, other), np.maximum(large, other)
        angle = 0.5 * np.arctan2(2.0 * hxy, hxx - hyy)
    return lam_min, lam_max, angle


@dataclass(frozen=True)
class Curvature:
    """The Hessian at one point and what it says.

    Attributes
    ----------
    point : ndarray (2,)
    hessian : ndarray (2, 2)
    lambda_min, lambda_max : float
        Its eigenvalues, lambda_min <= lambda_max.
    directions : ndarray (2, 2)
        Unit eigenvectors as rows: ``directions[0]`` for lambda_min, ``directions[1]`` for
        lambda_max.
    kind : str
        :data:`POSITIVE_DEFINITE`, :data:`NEGATIVE_DEFINITE`, :data:`INDEFINITE` (a saddle),
        :data:`SINGULAR` (an eigenvalue zero to rounding) or :data:`NOT_FINITE`.
    """

    point: np.ndarray
    hessian: np.ndarray
    lambda_min: float
    lambda_max: float
    directions: np.ndarray
    kind: str

    @property
    def condition(self) -> float:
        """kappa = lambda_max / lambda_min where the Hessian is positive definite, else NaN."""
        if self.kind != POSITIVE_DEFINITE:
            return math.nan
        return self.lambda_max / self.lambda_min

    def describe(self) -> str:
        """One line: the eigenvalues and kappa, or what the Hessian is instead."""
        values = f"λmin = {self.lambda_min:.4g}, λmax = {self.lambda_max:.4g}"
        if self.kind == POSITIVE_DEFINITE:
            return f"{values}, κ = {self.condition:.4g}"
        if self.kind == INDEFINITE:
            return values + translate("Curvature", ": indefinite (a saddle), no condition "
                                                   "number")
        if self.kind == NEGATIVE_DEFINITE:
            return values + translate("Curvature", ": negative definite (a maximum), no "
                                                   "condition number")
        if self.kind == SINGULAR:
            return values + translate("Curvature", ": singular (flat along a direction), no "
                                                   "condition number")
        return translate("Curvature", "the Hessian is not finite here")


def _kind(lam_min: float, lam_max: float) -> str:
    if not (math.isfinite(lam_min) and math.isfinite(lam_max)):
        return NOT_FINITE
    scale = max(abs(lam_min), abs(lam_max))
    tiny = SINGULAR_RTOL * scale if scale > 0 else 0.0
    if abs(lam_min) <= tiny or abs(lam_max) <= tiny:
        return SINGULAR
    if lam_min > 0:
        return POSITIVE_DEFINITE
    if lam_max < 0:
        return NEGATIVE_DEFINITE
    return INDEFINITE


def curvature_at(function, point) -> Curvature:
    """The Hessian of ``function`` at ``point`` (x, y) and its eigen-decomposition."""
    p = np.asarray(point, dtype=np.float64).reshape(2)
    h = np.asarray(function.hessian(p), dtype=np.float64).reshape(2, 2)
    lam_min, lam_max, angle = symmetric_eigen(h[0, 0], h[0, 1], h[1, 1])
    lam_min, lam_max, angle = float(lam_min), float(lam_max), float(angle)
    big = np.array([math.cos(angle), math.sin(angle)])
    if not np.all(np.isfinite(big)):
        big = np.array([1.0, 0.0])
    small = np.array([-big[1], big[0]])
    return Curvature(p, h, lam_min, lam_max, np.stack([small, big]), _kind(lam_min, lam_max))


def sharpness_along(function, points) -> tuple[np.ndarray, np.ndarray]:
    """lambda_min and lambda_max of the Hessian at each of ``points`` (..., 2), vectorised: a
    run's path gives its sharpness curve."""
    h = np.asarray(function.hessian(np.asarray(points, dtype=np.float64)))
    lam_min, lam_max, _ = symmetric_eigen(h[..., 0, 0], h[..., 0, 1], h[..., 1, 1])
    return lam_min, lam_max


# -- the step sizes it allows ---------------------------------------------------------------
STABLE = "stable"
OSCILLATING = "oscillating"
DIVERGING = "diverging"
CONVERGING = "converging"
NOT_APPLICABLE = "not applicable"


@dataclass(frozen=True)
class Gauge:
    """A run's learning rate against its optimizer's stability bound on the local quadratic.

    ``bound`` is the largest stable rate (NaN where the gauge does not apply), ``ratio`` is
    ``lr / bound``, ``verdict`` one of :data:`STABLE`, :data:`OSCILLATING`,
    :data:`DIVERGING` (GD), :data:`CONVERGING`, :data:`DIVERGING` (momentum methods) or
    :data:`NOT_APPLICABLE`, and ``reason`` says why in words."""

    optimizer: str
    lr: float
    bound: float
    ratio: float
    verdict: str
    reason: str


GAUGED = ("gd", "sgd", "momentum", "nesterov")


def gauge(name: str, hparams, lr: float, curv: Curvature) -> Gauge:
    """The gauge of optimizer ``name`` (hyperparameters ``hparams``) at learning rate ``lr``."""
    nan = math.nan
    if name not in GAUGED:
        return Gauge(name, lr, nan, nan, NOT_APPLICABLE, translate(
            "Curvature", "the gauge is for GD, Momentum and Nesterov: an adaptive method "
                         "rescales each step, so no single bound on lr applies"))
    beta = float(hparams.get("momentum", 0.0)) if name in ("momentum", "nesterov") else 0.0
    dampening = float(hparams.get("dampening", 0.0))
    if name == "momentum" and dampening:
        return Gauge(name, lr, nan, nan, NOT_APPLICABLE, translate(
            "Curvature", "the bound is for momentum without dampening"))
    lam = curv.lambda_max
    if curv.kind == NOT_FINITE or not lam > 0:
        return Gauge(name, lr, nan, nan, NOT_APPLICABLE, translate(
            "Curvature", "no direction curves upward here (λmax ≤ 0): no step size is "
                         "stable on this quadratic model"))
    note = ""
    if curv.kind in (INDEFINITE, SINGULAR):
        note = translate("Curvature", " (λmin ≤ 0: along its direction no step size settles; "
                                      "the bound is for the upward-curving one)")
    if name in ("gd", "sgd") or beta == 0.0:
        bound = 2.0 / lam
        ratio = lr / bound
        verdict = STABLE if lr * lam < 1.0 else OSCILLATING if lr * lam < 2.0 else DIVERGING
        return Gauge(name, lr, bound, ratio, verdict, translate(
            "Curvature", "lr·λmax = {0:.3g}: below 1 stable, 1 to 2 converging with sign "
                         "flips, 2 or more diverging").format(lr * lam) + note)
    if name == "momentum":
        bound = 2.0 * (1.0 + beta) / lam
        text = "2(1 + β)/λmax"
    else:
        bound = 2.0 * (1.0 + beta) / ((1.0 + 2.0 * beta) * lam)
        text = "2(1 + β)/((1 + 2β)λmax)"
    verdict = CONVERGING if lr < bound else DIVERGING
    return Gauge(name, lr, bound, lr / bound, verdict, translate(
        "Curvature", "lr against {0} = {1:.4g}").format(text, bound) + note)


@dataclass(frozen=True)
class Optimum:
    """The best constant rates on the local quadratic: GD's 2 / (lambda_max + lambda_min) and
    the heavy ball's lr* and beta* (None where the Hessian is not positive definite)."""

    gd_lr: float
    momentum_lr: float
    momentum_beta: float


def optimum(curv: Curvature) -> Optimum | None:
    """The optimal GD and heavy-ball settings of the local quadratic, or None."""
    if curv.kind != POSITIVE_DEFINITE:
        return None
    lo, hi = curv.lambda_min, curv.lambda_max
    root = math.sqrt(hi / lo)
    return Optimum(2.0 / (hi + lo), 4.0 / (math.sqrt(hi) + math.sqrt(lo)) ** 2,
                   ((root - 1.0) / (root + 1.0)) ** 2)


def level_ellipse(curv: Curvature, size: float, points: int = 97) -> np.ndarray:
    """The level set of the local quadratic model around ``curv.point`` as an outline (K, 2).

    Its axes lie along the eigenvectors, the one along lambda_min the longer, their ratio
    sqrt(lambda_max / lambda_min); the longer half-axis is ``size`` long (a fixed fraction of the
    view, the caller's choice). Where the Hessian is not positive definite (a saddle, a maximum,
    singular) there is no ellipse: the outline is the two axes, each ``size`` either side, as
    two segments separated by a NaN row. Empty where the Hessian is not finite."""
    if curv.kind == NOT_FINITE or not size > 0:
        return np.zeros((0, 2))
    c = curv.point
    small, big = curv.directions
    if curv.kind != POSITIVE_DEFINITE:
        return np.array([c - size * small, c + size * small, [np.nan, np.nan],
                         c - size * big, c + size * big])
    ratio = math.sqrt(curv.lambda_max / curv.lambda_min)
    a, b = size, size / ratio                  # along lambda_min, along lambda_max
    t = np.linspace(0.0, 2.0 * math.pi, points)
    return c + np.outer(a * np.cos(t), small) + np.outer(b * np.sin(t), big)


# -- the curvature as columns (``run --curvature``, the CSV) ----------------------------------
def curvature_column_names(param_names) -> tuple[str, ...]:
    """The names of :func:`curvature_columns`' columns for a function whose coordinates are
    ``param_names``: ``hess_xx, hess_xy, hess_yy, lambda_min, lambda_max`` on a surface; a
    model on data names its parameters p1, p2, so ``hess_p1p1, hess_p1p2, hess_p2p2`` (as its
    gradient's columns are ``grad_p1, grad_p2``)."""
    a, b = param_names
    return (f"hess_{a}{a}", f"hess_{a}{b}", f"hess_{b}{b}", "lambda_min", "lambda_max")


def curvature_columns(function, points) -> np.ndarray:
    """The Hessian's three entries and its eigenvalues at each of ``points`` (N, 2), shape
    (N, 5), in the order of :func:`curvature_column_names`; NaN where the Hessian is not
    finite."""
    p = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    if len(p) == 0:
        return np.zeros((0, 5))
    h = np.asarray(function.hessian(p), dtype=np.float64).reshape(-1, 2, 2)
    lam_min, lam_max, _ = symmetric_eigen(h[:, 0, 0], h[:, 0, 1], h[:, 1, 1])
    return np.column_stack([h[:, 0, 0], h[:, 0, 1], h[:, 1, 1], lam_min, lam_max])


# the Hessian's kind in one word, where the condition number has no value
KIND_WORDS = {NEGATIVE_DEFINITE: "negative-definite", INDEFINITE: "indefinite",
              SINGULAR: "singular", NOT_FINITE: "not-finite"}


def condition_text(lam_min: float, lam_max: float, spec: str = ".6g") -> str:
    """kappa = lambda_max / lambda_min written with ``spec`` where the Hessian is positive
    definite, else its kind in one word (:data:`KIND_WORDS`): never a number that means
    nothing."""
    kind = _kind(float(lam_min), float(lam_max))
    if kind == POSITIVE_DEFINITE:
        return format(lam_max / lam_min, spec)
    return KIND_WORDS[kind]
