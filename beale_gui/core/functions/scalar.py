"""Built-in functions as plain functions of two floats: ``f, gx, gy = value_and_grad(x, y)``.

Each is its function's ``_value_and_grad`` (catalogue.py) and its float evaluator, so numpy
arrays and Python floats go through the same operations in the same order: squares are written
``v * v`` (numpy's ``v**2`` is that product; Python's would be the C library's power), and only
``+``, ``-``, ``*`` and ``/`` are used, which round alike everywhere. That is what lets the
engine's few-runs path evaluate them on floats and its compiled path compile them
(:mod:`beale_gui.core.engine.compiled`), bit for bit the batch path's results.
"""

from __future__ import annotations


def beale(x, y):
    y2 = y * y
    p1, p2, p3 = y - 1.0, y2 - 1.0, y2 * y - 1.0
    r1, r2, r3 = p1 * x + 1.5, p2 * x + 2.25, p3 * x + 2.625
    f = r1 * r1 + r2 * r2 + r3 * r3
    gx = 2.0 * (r1 * p1 + r2 * p2 + r3 * p3)
    gy = 2.0 * ((r1 + (r2 * y) * 2.0 + (r3 * y2) * 3.0) * x)
    return f, gx, gy


def rosenbrock(x, y):
    r1 = 1.0 - x
    r2 = 10.0 * (y - x * x)
    gy = 20.0 * r2
    return r1 * r1 + r2 * r2, -2.0 * r1 - 2.0 * x * gy, gy


def himmelblau(x, y):
    r1 = x * x + y - 11.0
    r2 = x + y * y - 7.0
    r1_2 = 2.0 * r1
    r2_2 = 2.0 * r2
    return r1 * r1 + r2 * r2, 2.0 * x * r1_2 + r2_2, r1_2 + 2.0 * y * r2_2


def goldstein_price(x, y):
    s = x + y + 1.0
    p = 19.0 - 14.0 * x + 3.0 * (x * x) - 14.0 * y + 6.0 * x * y + 3.0 * (y * y)
    d = 2.0 * x - 3.0 * y
    q = 18.0 - 32.0 * x + 12.0 * (x * x) + 48.0 * y - 36.0 * x * y + 27.0 * (y * y)
    a = 1.0 + (s * s) * p
    b = 30.0 + (d * d) * q
    da = s * (2.0 * p + s * (6.0 * (x + y) - 14.0))  # dA/dx == dA/dy
    dq = 2.0 * d * q
    dbx = 2.0 * dq + (d * d) * (24.0 * x - 36.0 * y - 32.0)
    dby = -3.0 * dq + (d * d) * (54.0 * y - 36.0 * x + 48.0)
    return a * b, da * b + a * dbx, da * b + a * dby
