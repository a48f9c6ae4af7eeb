"""The exact Hessians (TestFunction.hessian): every built-in and typed functions over every
operation the parser allows, against central differences of the exact gradient and, for typed
functions, against sympy's second derivatives; symmetry, shapes, and the values at kinks.

Parametrised over the registry: a function added there is checked here without a line more.
"""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from beale_gui.core.functions import FUNCTION_NAMES, FUNCTIONS, get_function, parse_expression
from beale_gui.core.functions.expression_hessian import SECOND_DERIVATIVES

from .test_expression import EXPRESSIONS as RANDOM_EXPRESSIONS

ALL = list(FUNCTIONS.values())
POINTS = 500
# Typed functions covering every operation and every function the parser allows (a test below
# checks the coverage); each is smooth and inside its functions' domains over the default view
# (-5, 5)**2, except the kinks of abs, which the points miss.
TYPED = [
    "x**2 + 100*y**2",
    "(1 - x)^2 + 100*(y - x^2)^2",
    "-x**3 + 3*x*y**2 - -y + +x",
    "sin(x*y) + cos(x - 2*y)",
    "tan(0.15*x + 0.1*y)",
    "exp(-0.1*(x**2 + y**2)) * x",
    "log(1 + x**2 + y**2) - log10(2 + x*x) + log2(3 + y**2)",
    "sqrt(1 + x**2 + y**4)",
    "abs(x - 0.3) * y + abs(y)**3",
    "tanh(x*y/5) + sinh(0.3*x) * cosh(0.2*y)",
    "arctan(x*y) + atan(x/(1 + y**2))",
    "arcsin(sin(x*y)/2) + asin(0.1*y)",
    "arccos(tanh(x - y)/2) + acos(0.1*x)",
    "(2 + sin(x))**(y/2)",                          # a variable base and exponent
    "2**(x*y/10) + e**(x/5) * pi",                  # a constant base
    "(x + 2*y)/(3 + cos(x*y)) / (1 + 0.1*y**2)",    # chained division
    "(x**2 + 1)**-1.5 + (y**2 + 1)**0.5 + x**3",    # negative, fractional and integer powers
    "x**1*y + x**0 + 2*x*y/4 - y**2**1",            # the exponents 1 and 0
]


def by_name(functions):
    return pytest.mark.parametrize("fn", functions, ids=[f.name for f in functions])


def points_in(bounds, n, seed=0):
    """``n`` uniform random points inside ``bounds``, shape (n, 2)."""
    (x0, x1), (y0, y1) = bounds
    u = np.random.default_rng(seed).uniform(0.0, 1.0, (n, 2))
    return np.stack([x0 + u[:, 0] * (x1 - x0), y0 + u[:, 1] * (y1 - y0)], axis=-1)


def central_hessian(fn, p, step=1e-5):
    """Central differences of the exact gradient, shape (..., 2, 2). The step, 1e-5 relative
    to the coordinate (at least 1e-5) by default, balances the truncation error, ~h**2 |f''''|,
    against the rounding error, ~1e-16 |grad| / h: both stay below 1e-7 (1 + |H|) on every
    view."""
    h = step * np.maximum(1.0, np.abs(p))
    columns = []
    for axis in (0, 1):
        step = np.zeros_like(p)
        step[..., axis] = h[..., axis]
        columns.append((fn.grad(p + step) - fn.grad(p - step)) / (2.0 * h[..., axis, None]))
    return np.stack(columns, axis=-1)


def assert_matches_differences(fn, p, keep=None):
    """|H - H_fd| <= 1e-6 (1 + |H|) at every point (of those ``keep`` marks), H symmetric."""
    exact, differences = fn.hessian(p), central_hessian(fn, p)
    np.testing.assert_array_equal(exact, np.swapaxes(exact, -1, -2))
    if keep is not None:
        exact, differences, p = exact[keep], differences[keep], p[keep]
    error = np.abs(exact - differences).max(axis=(-2, -1))
    bound = 1e-6 * (1.0 + np.linalg.norm(exact, axis=(-2, -1)))
    assert np.all(error <= bound), (fn.name, p[error > bound], exact[error > bound])


def away_from_kinks(fn, p):
    """The points not within 0.01 of a kink: Ackley's tip (its global minimum)."""
    if fn.name == "ackley":
        return np.hypot(p[:, 0], p[:, 1]) > 0.01
    return np.ones(len(p), dtype=bool)


# -- built-ins ------------------------------------------------------------------------------
@by_name(ALL)
def test_builtin_hessian_matches_central_differences_of_the_gradient(fn):
    p = points_in(fn.bounds, POINTS)
    assert_matches_differences(fn, p, away_from_kinks(fn, p))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALL), st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_builtin_hessian_matches_differences_anywhere_in_the_view(fn, u, v):
    (x0, x1), (y0, y1) = fn.bounds
    p = np.array([[x0 + u * (x1 - x0), y0 + v * (y1 - y0)]])
    assume(away_from_kinks(fn, p)[0])
    assert_matches_differences(fn, p)


@by_name(ALL)
def test_hessian_is_positive_semidefinite_at_every_listed_minimum(fn):
    if not len(fn.minima):
        pytest.skip("no minima")
    eigenvalues = np.linalg.eigvalsh(fn.hessian(fn.minima))
    assert np.all(eigenvalues >= -1e-9 * (1.0 + np.abs(eigenvalues).max()))


@by_name(ALL)
def test_hessian_shapes_and_symmetry(fn):
    point = np.array(fn.minima[0] if len(fn.minima) else (0.5, -0.25))
    single = fn.hessian(point)
    assert single.shape == (2, 2)
    assert single.dtype == np.float64
    grid = points_in(fn.bounds, 12, seed=1).reshape(3, 4, 2)
    many = fn.hessian(grid)
    assert many.shape == (3, 4, 2, 2)
    np.testing.assert_array_equal(many, np.swapaxes(many, -1, -2))
    np.testing.assert_array_equal(many[1, 2], fn.hessian(grid[1, 2]))
    assert fn.hessian(np.zeros((0, 2))).shape == (0, 2, 2)


def test_known_hessians():
    np.testing.assert_array_equal(get_function("rosenbrock").hessian([1.0, 1.0]),
                                  [[802.0, -400.0], [-400.0, 200.0]])
    np.testing.assert_array_equal(get_function("booth").hessian([[0.0, 0.0]]),
                                  [[[10.0, 8.0], [8.0, 10.0]]])
    np.testing.assert_array_equal(get_function("saddle").hessian([3.0, -7.0]),
                                  [[2.0, 0.0], [0.0, -2.0]])
    # Beale at its minimum (3, 0.5), by hand: 2 sum_i grad r_i grad r_i^T (every r_i is 0)
    grads = np.array([[-0.5, 3.0], [-0.75, 3.0], [-0.875, 2.25]])
    np.testing.assert_allclose(get_function("beale").hessian([3.0, 0.5]),
                               2.0 * grads.T @ grads, rtol=1e-15)


def test_ackley_tip_is_the_ripples_curvature_alone():
    """At the cone's tip, where neither exists, the gradient takes the cone's slope as 0 and
    the Hessian its curvature as 0: both are finite, the ripple's alone (2 pi**2 e on the
    diagonal); a step away, the cone's curvature across the radius is very large."""
    ackley = get_function("ackley")
    ripple = 2.0 * np.pi**2 * np.e
    np.testing.assert_allclose(ackley.hessian([0.0, 0.0]), [[ripple, 0.0], [0.0, ripple]],
                               rtol=1e-14)
    assert ackley.hessian([1e-9, 0.0])[1, 1] > 1e8


@by_name(ALL)
def test_non_finite_points_give_non_finite_values_not_errors(fn):
    with np.errstate(all="raise"):
        h = fn.hessian(np.array([[np.nan, 0.0], [np.inf, 1.0], [1e300, -1e300]]))
    assert h.shape == (3, 2, 2)
    assert not np.all(np.isfinite(h[0])) or fn.name in {"matyas", "saddle", "booth"}


# -- typed functions ------------------------------------------------------------------------
def test_typed_examples_cover_every_operation_and_function():
    text = " ".join(TYPED)
    for name in FUNCTION_NAMES:
        assert f"{name}(" in text, name
    for op in ("+", "-", "*", "/", "**", "^", "-x", "--", "+x", "pi", "e**"):
        assert op in text.replace(" ", ""), op
    assert set(SECOND_DERIVATIVES) == set(FUNCTION_NAMES)


def typed_away_from_kinks(text, p):
    """The points not within 1e-3 of a kink of abs in TYPED."""
    keep = np.ones(len(p), dtype=bool)
    if "abs(" in text:
        keep &= (np.abs(p[:, 0] - 0.3) > 1e-3) & (np.abs(p[:, 1]) > 1e-3)
    return keep


@pytest.mark.parametrize("text", TYPED)
def test_typed_hessian_matches_central_differences_of_the_gradient(text):
    fn = parse_expression(text)
    p = points_in(fn.bounds, POINTS)
    assert np.all(np.isfinite(fn.hessian(p))), "the examples are smooth over the view"
    assert_matches_differences(fn, p, typed_away_from_kinks(text, p))


def sympy_hessian(text):
    """sympy's Hessian of ``text`` as a numpy function of x and y, shape (..., 2, 2)."""
    sp = pytest.importorskip("sympy")
    from sympy.parsing.sympy_parser import parse_expr

    x, y = sp.symbols("x y", real=True)
    names = {"x": x, "y": y, "pi": sp.pi, "e": sp.E, "abs": sp.Abs, "sqrt": sp.sqrt,
             "log10": lambda u: sp.log(u, 10), "log2": lambda u: sp.log(u, 2)}
    for ours, theirs in (("arctan", sp.atan), ("arcsin", sp.asin), ("arccos", sp.acos)):
        names[ours] = names[ours[3:]] = names["a" + ours[3:]] = theirs
    for name in ("sin", "cos", "tan", "exp", "log", "tanh", "sinh", "cosh"):
        names[name] = getattr(sp, name)
    f = parse_expr(text.replace("^", "**"), local_dict=names)
    entries = [sp.diff(f, a, b).replace(sp.DiracDelta, lambda *_: 0)  # abs'' away from 0
               for a, b in ((x, x), (x, y), (y, y))]
    numeric = sp.lambdify((x, y), entries, modules="numpy")

    def hessian(p):
        with np.errstate(all="ignore"):
            hxx, hxy, hyy = np.broadcast_arrays(*numeric(p[..., 0], p[..., 1]), p[..., 0])[:3]
        return np.stack([np.stack([hxx, hxy], -1), np.stack([hxy, hyy], -1)], -2)

    return hessian


@pytest.mark.parametrize("text", TYPED)
def test_typed_hessian_equals_sympys_second_derivatives(text):
    reference = sympy_hessian(text)
    fn = parse_expression(text)
    p = points_in(fn.bounds, POINTS, seed=2)
    keep = typed_away_from_kinks(text, p)
    exact, expected = fn.hessian(p)[keep], reference(p)[keep]
    error = np.abs(exact - expected).max(axis=(-2, -1))
    assert np.all(error <= 1e-10 * (1.0 + np.linalg.norm(expected, axis=(-2, -1)))), text


@settings(max_examples=200, deadline=None)
@given(RANDOM_EXPRESSIONS, st.integers(0, 2**32 - 1))
def test_random_typed_hessians_match_central_differences(expr, seed):
    """Any expression of the grammar, where it is smooth (two step sizes of the differences
    agree) and of moderate size."""
    text = expr[0]
    try:
        fn = parse_expression(text)
    except ValueError:
        assume(False)  # e.g. a constant exponent beyond the limit
    p = np.random.default_rng(seed).uniform(-2.0, 2.0, (16, 2))
    exact = fn.hessian(p)
    np.testing.assert_array_equal(exact, np.swapaxes(exact, -1, -2))
    with np.errstate(all="ignore"):
        fine = central_hessian(fn, p)
        coarse = central_hessian(fn, p, step=1e-4)
        size = 1.0 + np.abs(fine).max(axis=(-2, -1))
        keep = (np.all(np.isfinite(fine) & np.isfinite(coarse) & np.isfinite(exact), axis=(1, 2))
                & (size < 1e6) & (np.abs(fn.value(p)) < 1e6)
                & (np.abs(coarse - fine).max(axis=(-2, -1)) <= 1e-5 * size))
        error = np.abs(exact - fine).max(axis=(-2, -1))
    assert np.all(error[keep] <= 1e-6 * size[keep]), (text, p[keep][error[keep] > 1e-6])


def test_typed_hessian_at_kinks_and_outside_domains_is_a_value_not_an_error():
    """abs has second derivative 0 at its kink; sqrt at 0 is infinite, and NaN (as its value)
    at a negative number, as arcsin beyond 1; a constant exponent 1 has second derivative
    exactly 0, even at 0."""
    origin = np.zeros(2)
    with np.errstate(all="raise"):
        np.testing.assert_array_equal(parse_expression("abs(x) + abs(y)").hessian(origin),
                                      np.zeros((2, 2)))
        assert parse_expression("sqrt(x)").hessian(origin)[0, 0] == -np.inf
        assert np.isnan(parse_expression("sqrt(x)").hessian([-1.0, 0.0])[0, 0])
        assert np.isnan(parse_expression("arcsin(x)").hessian([2.0, 0.0])[0, 0])
        np.testing.assert_array_equal(parse_expression("x**1 * y").hessian(origin),
                                      [[0.0, 1.0], [1.0, 0.0]])
        h = parse_expression("sqrt(x**2 + y**2) / x").hessian(np.array([[0.0, 0.0], [np.nan,
                                                                                     1.0]]))
    assert h.shape == (2, 2, 2)
    assert not np.any(np.isfinite(h[1]))


def test_typed_hessian_of_a_constant_and_of_a_plane_is_zero():
    for text in ("3", "2*x - y + pi", "sin(1)*x"):
        np.testing.assert_array_equal(parse_expression(text).hessian(np.ones((4, 2))),
                                      np.zeros((4, 2, 2)))
