"""The built-in test surfaces and their registry: :data:`FUNCTIONS` and :func:`get_function`.

Each is a :class:`~beale_gui.core.functions.base.TestFunction` with an exact gradient and an
exact Hessian (its second derivatives are in :mod:`.hessians`, linked from each class by one
line); the sums of squares (Beale, Rosenbrock, Himmelblau, Booth) also expose their terms, for
mini-batches.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable

import numpy as np

from .. import aligned
from ..i18n import translate
from . import hessians, scalar
from .base import (
    DEFAULT_HPARAMS,
    HParams,
    SumOfSquares,
    TestFunction,
    _Fused,
    _minima,
    polish_minima,
)

_SMALL_BATCH = 64  # up to this many points, Beale's in-place evaluator avoids broadcasting


# -- sums of squares ------------------------------------------------------------------------
class Beale(SumOfSquares):
    """Beale: three squared residuals; one minimum, (3, 0.5), where f = 0 exactly.

    The residuals are the seed's ``c_i - x + x * y**i`` written as ``c_i + x * (y**i - 1)``,
    with ``y**3`` as ``y**2 * y`` (numpy's power takes a scalar path for negative y, ~40x
    slower than for positive), so the engine needs fewer operations; both agree with the
    seed's expressions to a few units in the last place (the seed's published runs come out
    digit for digit). Every path (value, gradient, terms, the engine's in-place evaluator)
    does the same operations in the same order, so they agree bit for bit.
    """

    def _residuals(self, x, y):
        y2 = y * y
        return [(y - 1.0) * x + 1.5, (y2 - 1.0) * x + 2.25, (y2 * y - 1.0) * x + 2.625]

    def _residual_grads(self, x, y):
        y2 = y * y
        return [(y - 1.0, x), (y2 - 1.0, 2.0 * x * y), (y2 * y - 1.0, 3.0 * x * y2)]

    _residual_hessians = staticmethod(hessians.beale_residuals)

    value_finite_within = 1e20    # |r3| <= ~1e80 there: f <= ~1e161, |g| <= ~1e141

    def evaluator(self, xy: np.ndarray, fg: np.ndarray,
                  value: bool = True) -> Callable[[], None]:
        """The expressions of :meth:`_value_and_grad` on stacked rows, in place (f only when
        ``value``).

        ``[y, y**2, y**3]`` are rows 1-3 of ``xy``, so each residual-wise operation is one
        ufunc call over a (3, n) array; the rows are summed in order, as the written sums
        are. For a few points, where each call's overhead is the cost,
        constants are full arrays: calls without broadcasting are the cheapest.
        """
        n = xy.shape[1]
        x, y, y2, y3, powers = xy[0], xy[1], xy[2], xy[3], xy[1:4]
        p, r = aligned.empty((3, n)), aligned.empty((3, n))
        q = p               # the products overwrite p once r is made from it
        f, gx, gy, g = fg[0], fg[1], fg[2], fg[1:3]
        q_hi, r_hi, powers_lo = q[1:], r[1:], powers[:2]
        consts = np.array([[1.5], [2.25], [2.625]])
        factors = np.array([[2.0], [3.0]])
        small = n <= _SMALL_BATCH
        if small:
            consts, factors = np.repeat(consts, n, axis=1), np.repeat(factors, n, axis=1)
            ones, two = aligned.full((3, n), 1.0), aligned.full((2, n), 2.0)
            xs = aligned.empty((3, n))
        else:
            ones, two, xs = 1.0, 2.0, x
        add, mul = np.add, np.multiply
        r0, q1, q2 = r[0], q[1], q[2]

        def total(out: np.ndarray) -> None:
            """out = q[0] + q[1] + q[2], left to right (two calls cost less than numpy's sum
            over the first axis, for a few points or many)."""
            add(add(q[0], q1, out), q2, out)

        def evaluate() -> None:
            mul(y, y, y2)
            mul(y2, y, y3)
            if small:
                np.copyto(xs, x)
            np.subtract(powers, ones, p)                        # p_i = y**i - 1
            add(mul(p, xs, r), consts, r)                       # r_i = p_i x + c_i
            mul(r, p, q)
            total(gx)                                           # sum r_i p_i
            if value:
                mul(r, r, q)
                total(f)                                        # f = r1**2 + r2**2 + r3**2
            mul(mul(r_hi, powers_lo, q_hi), factors, q_hi)      # 2 (r2 y), 3 (r3 y**2)
            add(add(r0, q1, gy), q2, gy)
            mul(gy, x, gy)                                      # (r1 + 2 r2 y + 3 r3 y**2) x
            mul(g, two, g)

        return evaluate

    _value_and_grad = scalar_value_and_grad = staticmethod(scalar.beale)


class Rosenbrock(SumOfSquares):
    """Rosenbrock (a=1, b=100): (1 - x)**2 + (10 (y - x**2))**2."""

    def _residuals(self, x, y):
        return [1.0 - x, 10.0 * (y - x**2)]

    def _residual_grads(self, x, y):
        return [(-1.0, 0.0), (-20.0 * x, 10.0)]

    _residual_hessians = staticmethod(hessians.rosenbrock_residuals)

    _value_and_grad = scalar_value_and_grad = staticmethod(scalar.rosenbrock)


class Himmelblau(SumOfSquares):
    """Himmelblau: (x**2 + y - 11)**2 + (x + y**2 - 7)**2, four minima where f = 0."""

    def _residuals(self, x, y):
        return [x**2 + y - 11.0, x + y**2 - 7.0]

    def _residual_grads(self, x, y):
        return [(2.0 * x, 1.0), (1.0, 2.0 * y)]

    _residual_hessians = staticmethod(hessians.himmelblau_residuals)

    _value_and_grad = scalar_value_and_grad = staticmethod(scalar.himmelblau)


class Booth(SumOfSquares):
    """Booth: (x + 2y - 7)**2 + (2x + y - 5)**2."""

    def _residuals(self, x, y):
        return [x + 2.0 * y - 7.0, 2.0 * x + y - 5.0]

    def _residual_grads(self, x, y):
        return [(1.0, 2.0), (2.0, 1.0)]

    _residual_hessians = staticmethod(hessians.booth_residuals)


# -- other surfaces -------------------------------------------------------------------------
class Matyas(TestFunction):
    """Matyas: 0.26 (x**2 + y**2) - 0.48 x y, a long shallow bowl."""

    def _value(self, x, y):
        return 0.26 * (x**2 + y**2) - 0.48 * x * y

    def _grad(self, x, y):
        return 0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x

    _hessian = staticmethod(hessians.matyas)


class ThreeHumpCamel(TestFunction):
    """Three-hump camel: 2x**2 - 1.05x**4 + x**6/6 + xy + y**2."""

    def _value(self, x, y):
        x2 = x**2
        return x2 * (2.0 + x2 * (-1.05 + x2 / 6.0)) + x * y + y**2

    def _grad(self, x, y):
        x2 = x**2
        return x * (4.0 + x2 * (-4.2 + x2)) + y, x + 2.0 * y

    _hessian = staticmethod(hessians.three_hump_camel)


class SixHumpCamel(TestFunction):
    """Six-hump camel: (4 - 2.1x**2 + x**4/3) x**2 + xy + (-4 + 4y**2) y**2."""

    def _value(self, x, y):
        x2, y2 = x**2, y**2
        return (4.0 - 2.1 * x2 + x2**2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2

    def _grad(self, x, y):
        x2, y2 = x**2, y**2
        return x * (8.0 + x2 * (-8.4 + 2.0 * x2)) + y, x + y * (-8.0 + 16.0 * y2)

    _hessian = staticmethod(hessians.six_hump_camel)


class GoldsteinPrice(_Fused):
    """Goldstein-Price: A B, A = 1 + (x + y + 1)**2 p(x, y), B = 30 + (2x - 3y)**2 q(x, y)."""

    _value_and_grad = scalar_value_and_grad = staticmethod(scalar.goldstein_price)

    _hessian = staticmethod(hessians.goldstein_price)


class Rastrigin(TestFunction):
    """Rastrigin (A=10, n=2): 20 + x**2 - 10 cos(2 pi x) + y**2 - 10 cos(2 pi y)."""

    def _value(self, x, y):
        return 20.0 + x**2 - 10.0 * np.cos(2.0 * np.pi * x) + y**2 - 10.0 * np.cos(2.0 * np.pi * y)

    def _grad(self, x, y):
        return tuple(2.0 * t + 20.0 * np.pi * np.sin(2.0 * np.pi * t) for t in (x, y))

    _hessian = staticmethod(hessians.rastrigin)


class Ackley(_Fused):
    """Ackley: -20 exp(-0.2 sqrt(0.5 (x**2 + y**2))) - exp(0.5 (cos 2 pi x + cos 2 pi y)) + e + 20.

    The first term is a cone with its tip at the origin, where f has no gradient; there the
    gradient is taken as 0 (a subgradient), so it is finite everywhere.
    """

    def _value_and_grad(self, x, y):
        rho = np.hypot(x, y)  # the cone term's argument is sqrt(0.5) * rho
        cone = np.exp(-0.2 * np.sqrt(0.5) * rho)
        ripple = np.exp(0.5 * (np.cos(2.0 * np.pi * x) + np.cos(2.0 * np.pi * y)))
        slope = 2.0 * np.sqrt(2.0) * cone
        rho = np.where(rho > 0, rho, np.inf)  # x / rho is then 0 at the tip, and never overflows
        gx = slope * (x / rho) + np.pi * ripple * np.sin(2.0 * np.pi * x)
        gy = slope * (y / rho) + np.pi * ripple * np.sin(2.0 * np.pi * y)
        return -20.0 * cone - ripple + np.e + 20.0, gx, gy

    _hessian = staticmethod(hessians.ackley)


class Saddle(TestFunction):
    """x**2 - y**2: a saddle at the origin and no minimum."""

    def _value(self, x, y):
        return x**2 - y**2

    def _grad(self, x, y):
        return 2.0 * x, -2.0 * y

    _hessian = staticmethod(hessians.saddle)


# -- the registry ---------------------------------------------------------------------------
# Minima: the global one(s) first, then the local ones by value (ties by x, then y). Every
# critical point inside each view was found by Newton's method from a 301 x 301 grid of starts
# and classified by its Hessian; the lists are complete inside the view (a test checks it).
# The few minima written out were solved to 50 digits (mpmath.findroot on the exact gradient)
# and rounded to float64, so a coordinate is exact where float64 can hold it and correctly
# rounded otherwise. Rastrigin's 121 and Ackley's 121 (one near each integer point of the
# view) are polished at import by Newton's method on the exact gradient (polish_minima).
_SIX_HUMP = ((0.08984201310031806, -0.7126564030207396),  # f = -1.0316284534898774
             (1.703606714969981, -0.7960835686726251),  # f = -0.21546382438371764
             (1.6071047529201972, 0.5686514548841314))  # f = 2.1042503103112584


def _with_polished_minima(function: TestFunction, seeds) -> TestFunction:
    """``function`` listing the minima Newton's method finds from ``seeds``: the global
    one(s) first, then the local ones by value, ties by x, then y."""
    points = polish_minima(function, seeds)
    values = np.round(function.value(points), 10)
    order = np.lexsort((points[:, 1], points[:, 0], values))
    return dataclasses.replace(function, minima=_minima(*points[order]))


def _hparams(**changes: dict[str, float]) -> HParams:
    """The default set's hyperparameters with ``changes`` (optimizer name: its values)."""
    return types.MappingProxyType({**DEFAULT_HPARAMS, **changes})


# Each function's hyperparameters for the default optimizer set, found by running the engine
# from the window's default start (0.7, 1.4) with 1000 steps and tolerance 1e-9 over a grid of
# learning rates (1, 2, 5 x 10^k): the largest rate that converges, or stays in the view, with
# a margin of at least 2 below the first that diverges or leaves it (tests/core/
# test_default_hparams.py runs the set on every function). Where the seed's rates already do
# (Himmelblau, Booth, the camels, Ackley), they are kept. The optimizers added in issue 18 take
# DEFAULT_HPARAMS's values (or the registry's) where those do, and the same rule where they
# diverge or leave the view (tests/core/test_default_hparams.py: every optimizer there).
_ROSENBROCK = _hparams(gd={"lr": 0.002}, momentum={"lr": 0.002, "momentum": 0.9},
                       nesterov={"lr": 0.001, "momentum": 0.9}, radam={"lr": 0.002},
                       asgd={"lr": 0.002}, adabelief={"lr": 0.002}, sfsgd={"lr": 0.002})
_MATYAS = _hparams(gd={"lr": 0.2}, momentum={"lr": 0.02, "momentum": 0.9},
                   nesterov={"lr": 0.02, "momentum": 0.9})
_GOLDSTEIN_PRICE = _hparams(gd={"lr": 1e-5}, momentum={"lr": 5e-6, "momentum": 0.9},
                            nesterov={"lr": 5e-6, "momentum": 0.9}, radam={"lr": 2e-5},
                            asgd={"lr": 2e-5}, adabelief={"lr": 2e-5}, sfsgd={"lr": 2e-5},
                            lion={"lr": 0.002})
# (RAdam and AdaBelief at Beale's 0.02 converge in a local minimum outside the view)
_RASTRIGIN = _hparams(gd={"lr": 0.002}, momentum={"lr": 0.002, "momentum": 0.9},
                      nesterov={"lr": 0.002, "momentum": 0.9}, radam={"lr": 0.005},
                      adabelief={"lr": 0.005}, asgd={"lr": 0.005})
# (Lion at 0.005 stops in a local minimum; at 0.01 it reaches the global one)
_ACKLEY = _hparams(lion={"lr": 0.01})
# no minimum: every path escapes along y; these leave the view after 40 to 280 steps and end
# within 10 of the saddle, rather than racing to the divergence bound (Rprop's steps grow to
# step_size_max whatever its lr: 0.005 at most keeps it there)
_SADDLE = _hparams(gd={"lr": 0.001}, momentum={"lr": 1e-4, "momentum": 0.9},
                   nesterov={"lr": 1e-4, "momentum": 0.9}, adagrad={"lr": 0.05},
                   rmsprop={"lr": 0.002}, adam={"lr": 0.005}, adamax={"lr": 0.005},
                   radam={"lr": 0.005}, asgd={"lr": 0.0005}, adabelief={"lr": 0.0002},
                   yogi={"lr": 0.002}, sfsgd={"lr": 0.001}, sfadamw={"lr": 0.005},
                   rprop={"step_size_max": 0.005})
_SEED = _hparams()

_INTEGER_POINTS = [(i, j) for i in range(-5, 6) for j in range(-5, 6)]

FUNCTIONS: dict[str, TestFunction] = {f.name: f for f in (
    Beale("beale", "Beale", "(1.5 - x + xy)² + (2.25 - x + xy²)² + (2.625 - x + xy³)²",
          ((-4.5, 4.5), (-4.5, 4.5)), _minima((3.0, 0.5)), hparams=DEFAULT_HPARAMS),
    Rosenbrock("rosenbrock", "Rosenbrock", "(1 - x)² + 100(y - x²)²",
               ((-2.0, 2.0), (-1.0, 3.0)), _minima((1.0, 1.0)), hparams=_ROSENBROCK),
    Himmelblau("himmelblau", "Himmelblau", "(x² + y - 11)² + (x + y² - 7)²",
               ((-5.0, 5.0), (-5.0, 5.0)),
               _minima((3.0, 2.0), (-2.805118086952745, 3.131312518250573),
                       (-3.779310253377747, -3.2831859912861696),
                       (3.5844283403304917, -1.8481265269644036)), hparams=_SEED),
    Booth("booth", "Booth", "(x + 2y - 7)² + (2x + y - 5)²",
          ((-10.0, 10.0), (-10.0, 10.0)), _minima((1.0, 3.0)), hparams=_SEED),
    Matyas("matyas", "Matyas", "0.26(x² + y²) - 0.48xy",
           ((-10.0, 10.0), (-10.0, 10.0)), _minima((0.0, 0.0)), hparams=_MATYAS),
    ThreeHumpCamel("three_hump_camel", "Three-hump camel", "2x² - 1.05x⁴ + x⁶/6 + xy + y²",
                   ((-2.0, 2.0), (-2.0, 2.0)),
                   _minima((0.0, 0.0), (1.7475523458302888, -0.8737761729151444),  # f = 0.2986
                           (-1.7475523458302888, 0.8737761729151444)), hparams=_SEED),
    SixHumpCamel("six_hump_camel", "Six-hump camel", "(4 - 2.1x² + x⁴/3)x² + xy + (4y² - 4)y²",
                 ((-3.0, 3.0), (-2.0, 2.0)),
                 _minima(*(p for xy in _SIX_HUMP for p in (xy, (-xy[0], -xy[1])))),
                 hparams=_SEED),
    GoldsteinPrice("goldstein_price", "Goldstein-Price",
                   "[1 + (x + y + 1)²(19 - 14x + 3x² - 14y + 6xy + 3y²)]"
                   " × [30 + (2x - 3y)²(18 - 32x + 12x² + 48y - 36xy + 27y²)]",
                   ((-2.0, 2.0), (-2.0, 2.0)),  # f = 3, 30, 84 and 840 at these:
                   _minima((0.0, -1.0), (-0.6, -0.4), (1.8, 0.2), (1.2, 0.8)),
                   hparams=_GOLDSTEIN_PRICE),
    _with_polished_minima(Rastrigin("rastrigin", "Rastrigin",
                                    "20 + x² - 10cos(2πx) + y² - 10cos(2πy)",
                                    ((-5.12, 5.12), (-5.12, 5.12)), hparams=_RASTRIGIN),
                          _INTEGER_POINTS),
    _with_polished_minima(Ackley("ackley", "Ackley",
                                 "-20exp(-0.2√(0.5(x² + y²))) - exp(0.5(cos 2πx + cos 2πy))"
                                 " + e + 20", ((-5.0, 5.0), (-5.0, 5.0)), hparams=_ACKLEY),
                          _INTEGER_POINTS),
    Saddle("saddle", "Saddle", "x² - y²", ((-2.0, 2.0), (-2.0, 2.0)), _minima(), hparams=_SADDLE),
)}


def get_function(name: str) -> TestFunction:
    """The registered function called ``name`` (any case; '-' and '_' alike).

    Raises
    ------
    ValueError
        For an unknown name, listing the known ones.
    """
    key = str(name).strip().lower().replace("-", "_")
    try:
        return FUNCTIONS[key]
    except KeyError:
        raise ValueError(translate("Functions", "unknown function {0}; choose from {1}").format(
            repr(name), ", ".join(FUNCTIONS))) from None
