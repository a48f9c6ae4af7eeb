"""Exact Hessians of typed functions: second-order forward-mode differentiation over the tree
that :mod:`.expression_parser` builds.

Each node becomes a :class:`Jet`, its value with its gradient and the three distinct entries
of its Hessian (the second-order Taylor polynomial in x and y), propagated by the chain and
product rules. The Hessian is assembled from symmetric pieces (``a b^T + b a^T``), so it is
symmetric by construction, and no finite difference is ever taken. As in the first-order
pass, a part that is identically zero is None and costs nothing.

At a kink or a branch point the formulas are used as they stand: ``abs`` has second
derivative 0 everywhere (its first is ``sign``, 0 at 0); ``sqrt`` at 0 gives an infinite
first and second derivative, and ``u**c`` at ``u = 0`` with ``c < 2`` likewise (``c = 1`` has
second derivative exactly 0), which become NaN where they meet a zero (``sqrt(x**2 + y**2)``
at the origin); outside a function's domain the values are NaN. Nothing raises.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .expression_parser import _FUNCTIONS, _Call, _Const, _Pow, _Product, _Sum, _Var


def _mul(a, b):
    """a b, where None is zero."""
    return None if a is None or b is None else a * b


def _add(*parts):
    """The sum of the parts that are not None (None if all are)."""
    total = None
    for part in parts:
        if part is not None:
            total = part if total is None else total + part
    return total


def _sym(ax, ay, bx, by):
    """The distinct entries (xx, xy, yy) of a b^T + b a^T for gradients a and b."""
    return (_mul(2.0, _mul(ax, bx)), _add(_mul(ax, by), _mul(ay, bx)),
            _mul(2.0, _mul(ay, by)))


class Jet(NamedTuple):
    """f with its gradient (gx, gy) and Hessian (hxx, hxy, hyy); None is identically zero."""

    f: object
    gx: object = None
    gy: object = None
    hxx: object = None
    hxy: object = None
    hyy: object = None


def _scaled(u: Jet, s) -> Jet:
    """s u for a value s constant in x and y."""
    return Jet(u.f * s, *(_mul(part, s) for part in u[1:]))


def _chain(u: Jet, f, d1, d2) -> Jet:
    """phi(u), given f = phi(u), d1 = phi'(u) and d2 = phi''(u) (None when 0):
    grad = phi' grad u, hess = phi' hess u + phi'' grad u grad u^T."""
    sx, sy = _mul(d2, u.gx), _mul(d2, u.gy)
    return Jet(f, _mul(u.gx, d1), _mul(u.gy, d1),
               _add(_mul(u.hxx, d1), _mul(sx, u.gx)),
               _add(_mul(u.hxy, d1), _mul(sx, u.gy)),
               _add(_mul(u.hyy, d1), _mul(sy, u.gy)))


def _product(a: Jet, b: Jet) -> Jet:
    """a b: hess = a hess b + b hess a + grad a grad b^T + grad b grad a^T."""
    cxx, cxy, cyy = _sym(a.gx, a.gy, b.gx, b.gy)
    return Jet(a.f * b.f, _add(_mul(a.gx, b.f), _mul(b.gx, a.f)),
               _add(_mul(a.gy, b.f), _mul(b.gy, a.f)),
               _add(_mul(a.hxx, b.f), _mul(b.hxx, a.f), cxx),
               _add(_mul(a.hxy, b.f), _mul(b.hxy, a.f), cxy),
               _add(_mul(a.hyy, b.f), _mul(b.hyy, a.f), cyy))


def _quotient(a: Jet, b: Jet) -> Jet:
    """q = a / b: grad q = (grad a - q grad b) / b, and
    hess q = (hess a - q hess b - grad q grad b^T - grad b grad q^T) / b."""
    q = a.f / b.f
    inv = 1.0 / b.f
    gx = _mul(_add(a.gx, _mul(b.gx, -q)), inv)
    gy = _mul(_add(a.gy, _mul(b.gy, -q)), inv)
    cxx, cxy, cyy = _sym(gx, gy, b.gx, b.gy)
    parts = ((a.hxx, b.hxx, cxx), (a.hxy, b.hxy, cxy), (a.hyy, b.hyy, cyy))
    return Jet(q, gx, gy, *(_mul(_add(ha, _mul(hb, -q), _mul(c, -1.0)), inv)
                            for ha, hb, c in parts))


def _power(u: Jet, w: Jet) -> Jet:
    """u**w. A constant exponent c: phi' = c u**(c-1), phi'' = c (c-1) u**(c-2). Otherwise
    u**w = exp(w log u), with the value taken as numpy's power, as the first-order pass does."""
    if w.gx is None and w.gy is None:
        c = w.f
        f = np.power(u.f, c)
        if c == 0.0 or (u.gx is None and u.gy is None):
            return Jet(f)
        d2 = None if c == 1.0 else c * (c - 1.0) * np.power(u.f, c - 2.0)
        return _chain(u, f, c * np.power(u.f, c - 1.0), d2)
    log_u = _chain(u, np.log(u.f), 1.0 / u.f, -1.0 / (u.f * u.f))
    f = np.power(u.f, w.f)
    return _chain(_product(w, log_u), f, f, f)


def _d_log(base: float):
    scale = 1.0 / np.log(base)
    return lambda u, f: (scale / u, -scale / (u * u))


def _d_arcsin(u, f):
    inv = 1.0 / np.sqrt(1.0 - u * u)
    return inv, u * inv ** 3


# name -> (phi', phi'') given the argument u and the value f = phi(u); None is zero
SECOND_DERIVATIVES = {
    "sin": lambda u, f: (np.cos(u), -f),
    "cos": lambda u, f: (-np.sin(u), -f),
    "tan": lambda u, f: (1.0 + f * f, 2.0 * f * (1.0 + f * f)),
    "exp": lambda u, f: (f, f),
    "log": lambda u, f: (1.0 / u, -1.0 / (u * u)),
    "log10": _d_log(10.0),
    "log2": _d_log(2.0),
    "sqrt": lambda u, f: (0.5 / f, -0.25 / (f * u)),  # both infinite at 0
    "abs": lambda u, f: (np.sign(u), None),  # 0 on both sides of the kink, and at it
    "tanh": lambda u, f: (1.0 - f * f, -2.0 * f * (1.0 - f * f)),
    "sinh": lambda u, f: (np.cosh(u), f),
    "cosh": lambda u, f: (np.sinh(u), f),
    "arctan": lambda u, f: (1.0 / (1.0 + u * u), -2.0 * u / (1.0 + u * u) ** 2),
    "arcsin": _d_arcsin,
    "arccos": lambda u, f: tuple(-d for d in _d_arcsin(u, f)),
}
SECOND_DERIVATIVES.update(atan=SECOND_DERIVATIVES["arctan"], asin=SECOND_DERIVATIVES["arcsin"],
                          acos=SECOND_DERIVATIVES["arccos"])
if set(SECOND_DERIVATIVES) != set(_FUNCTIONS):  # a function the parser allows needs both
    raise RuntimeError("expression_hessian: the second derivatives do not match the parser's "
                      "functions")


def jet(node, x, y) -> Jet:
    """The value, gradient and Hessian of the parsed ``node`` at arrays ``x`` and ``y``."""
    if isinstance(node, _Const):
        return Jet(node.v)
    if isinstance(node, _Var):
        return Jet(y, None, 1.0) if node.is_y else Jet(x, 1.0)
    if isinstance(node, _Sum):
        acc = None
        for negate, child in node.terms:
            term = jet(child, x, y)
            term = _scaled(term, -1.0) if negate else term
            acc = term if acc is None else Jet(*map(_add, acc, term))
        return acc
    if isinstance(node, _Product):
        acc = None
        for divide, child in node.factors:
            factor = jet(child, x, y)
            acc = (factor if acc is None else _quotient(acc, factor) if divide
                   else _product(acc, factor))
        return acc
    if isinstance(node, _Pow):
        return _power(jet(node.base, x, y), jet(node.exponent, x, y))
    if isinstance(node, _Call):
        u = jet(node.arg, x, y)
        f = node.fn(u.f)
        if u.gx is None and u.gy is None:
            return Jet(f)
        return _chain(u, f, *SECOND_DERIVATIVES[node.name](u.f, f))
    raise TypeError(f"not an expression node: {type(node).__name__}")
