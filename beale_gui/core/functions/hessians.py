"""The exact second derivatives of the built-ins, worked out by hand and vectorised.

Each function here takes ``x`` and ``y`` arrays and returns ``(hxx, hxy, hyy)``, the three
distinct entries of the symmetric Hessian (a constant entry may be a Python float; the caller,
:meth:`TestFunction.hessian <beale_gui.core.functions.base.TestFunction.hessian>`, broadcasts).
A class in :mod:`.catalogue` links to its function in one line, ``_hessian =
staticmethod(hessians.NAME)``; a sum of squares gives its residuals' Hessians instead
(``_residual_hessians``), and :class:`~.base.SumOfSquares` assembles
``2 sum_i (grad r_i grad r_i^T + r_i hess r_i)``. Typed functions get theirs from
:mod:`.expression_hessian`.
"""

from __future__ import annotations

import numpy as np

TWO_PI = 2.0 * np.pi


# -- residuals of the sums of squares: [(rxx, rxy, ryy) for each residual] ----------------------
def beale_residuals(x, y):
    """r_i = c_i + x (y**i - 1), i = 1, 2, 3."""
    return [(0.0, 1.0, 0.0), (0.0, 2.0 * y, 2.0 * x), (0.0, 3.0 * y * y, 6.0 * x * y)]


def rosenbrock_residuals(x, y):
    """1 - x and 10 (y - x**2)."""
    return [(0.0, 0.0, 0.0), (-20.0, 0.0, 0.0)]


def himmelblau_residuals(x, y):
    """x**2 + y - 11 and x + y**2 - 7."""
    return [(2.0, 0.0, 0.0), (0.0, 0.0, 2.0)]


def booth_residuals(x, y):
    """Two affine residuals."""
    return [(0.0, 0.0, 0.0), (0.0, 0.0, 0.0)]


# -- the others ----------------------------------------------------------------------------------
def matyas(x, y):
    return 0.52, -0.48, 0.52


def three_hump_camel(x, y):
    x2 = x * x
    return 4.0 + x2 * (-12.6 + 5.0 * x2), 1.0, 2.0


def six_hump_camel(x, y):
    x2 = x * x
    return 8.0 + x2 * (-25.2 + 10.0 * x2), 1.0, -8.0 + 48.0 * y * y


def goldstein_price(x, y):
    """f = A B, where A is a polynomial a(u) of u = x + y alone and B one b(d) of d = 2x - 3y
    alone (p = 19 - 14u + 3u**2, q = 18 - 16d + 3d**2), so hess A = a'' [[1, 1], [1, 1]] and
    hess B = b'' [[4, -6], [-6, 9]], and hess f = A hess B + B hess A + grad A grad B^T + its
    transpose."""
    u, d = x + y, 2.0 * x - 3.0 * y
    s = u + 1.0
    p = 19.0 + u * (3.0 * u - 14.0)
    q = 18.0 + d * (3.0 * d - 16.0)
    a = 1.0 + s * s * p
    b = 30.0 + d * d * q
    da = s * (2.0 * p + s * (6.0 * u - 14.0))
    db = d * (2.0 * q + d * (6.0 * d - 16.0))
    dda = 2.0 * p + s * (4.0 * (6.0 * u - 14.0) + 6.0 * s)
    ddb = 2.0 * q + d * (4.0 * (6.0 * d - 16.0) + 6.0 * d)
    common, cross = dda * b, da * db  # B hess A; a' b' (grad A = a'(1, 1), grad B = b'(2, -3))
    return (common + 4.0 * cross + 4.0 * a * ddb, common - cross - 6.0 * a * ddb,
            common - 6.0 * cross + 9.0 * a * ddb)


def rastrigin(x, y):
    def curvature(t):
        return 2.0 + 20.0 * TWO_PI * np.pi * np.cos(TWO_PI * t)
    return curvature(x), 0.0, curvature(y)


_ACKLEY_RATE = 0.2 * np.sqrt(0.5)  # the cone is -20 exp(-a rho), rho = sqrt(x**2 + y**2)


def ackley(x, y):
    """The cone g(rho) = -20 exp(-a rho) has hess = g'' r r^T + (g'/rho)(I - r r^T), r the unit
    vector to (x, y); the ripple -exp(c) has hess = -exp(c) (grad c grad c^T + hess c).

    At the cone's tip (the global minimum) neither the gradient nor the Hessian exists: as the
    gradient takes the cone's slope there as 0, the Hessian takes its curvature as 0 (r = 0 and
    1/rho = 0), so both are the ripple's alone there and finite. Near the tip the cone's
    curvature across the radius, g'/rho, grows without bound.
    """
    rho = np.hypot(x, y)
    cone = np.exp(-_ACKLEY_RATE * rho)
    slope = 20.0 * _ACKLEY_RATE * cone            # g'
    bend = -_ACKLEY_RATE * slope                  # g''
    rho = np.where(rho > 0, rho, np.inf)          # the tip: r = 0 and 1/rho = 0
    ux, uy = x / rho, y / rho
    across = slope / rho                          # g' / rho
    radial = bend - across
    cx, cy = -np.pi * np.sin(TWO_PI * x), -np.pi * np.sin(TWO_PI * y)   # grad c
    ripple = -np.exp(0.5 * (np.cos(TWO_PI * x) + np.cos(TWO_PI * y)))
    cxx, cyy = -2.0 * np.pi * np.pi * np.cos(TWO_PI * x), -2.0 * np.pi * np.pi * np.cos(TWO_PI * y)
    return (radial * ux * ux + across + ripple * (cx * cx + cxx),
            radial * ux * uy + ripple * (cx * cy),
            radial * uy * uy + across + ripple * (cy * cy + cyy))


def saddle(x, y):
    return 2.0, 0.0, -2.0
