"""The safe expression parser: values, exact gradients, precedence, limits, hostile input."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import sys

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from beale_gui.core.functions import (
    ExpressionError,
    ExpressionFunction,
    TestFunction,
    parse_expression,
    validate_expression,
)
from beale_gui.core.functions.expression_parser import FUNCTION_NAMES, MAX_DEPTH

BEALE = "(1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2"


def _beale(x, y):
    r1, r2, r3 = 1.5 - x + x * y, 2.25 - x + x * y**2, 2.625 - x + x * y**3
    f = r1**2 + r2**2 + r3**2
    gx_terms = (2 * r1 * (y - 1), 2 * r2 * (y**2 - 1), 2 * r3 * (y**3 - 1))
    gy_terms = (2 * r1 * x, 2 * r2 * 2 * x * y, 2 * r3 * 3 * x * y**2)
    return f, gx_terms, gy_terms


def _points(n: int = 200, seed: int = 0, scale: float = 4.5) -> np.ndarray:
    return np.random.default_rng(seed).uniform(-scale, scale, size=(n, 2))


def test_beale_as_text_matches_numpy_to_1e_12():
    fn = parse_expression(BEALE)
    xy = _points()
    f, gx_terms, gy_terms = _beale(xy[:, 0], xy[:, 1])
    value, grad = fn.value_and_grad(xy)
    np.testing.assert_allclose(value, f, rtol=1e-12)
    np.testing.assert_allclose(fn.value(xy), f, rtol=1e-12)
    # relative to the size of the summed terms, so cancellation cannot fake a failure
    for got, terms in ((grad[:, 0], gx_terms), (grad[:, 1], gy_terms)):
        scale = sum(np.abs(t) for t in terms)
        assert np.all(np.abs(got - sum(terms)) <= 1e-12 * scale)
    np.testing.assert_array_equal(fn.grad(xy), grad)


def test_example_from_the_design():
    fn = parse_expression("x**2 + 10*sin(y)")
    xy = _points(50, seed=1)
    x, y = xy[:, 0], xy[:, 1]
    np.testing.assert_allclose(fn.value(xy), x**2 + 10 * np.sin(y), rtol=1e-14)
    np.testing.assert_allclose(fn.grad(xy), np.stack([2 * x, 10 * np.cos(y)], axis=-1),
                               rtol=1e-14)


def test_function_attributes():
    fn = parse_expression("x**2 + 10*sin(y)")
    assert isinstance(fn, TestFunction)
    assert isinstance(fn, ExpressionFunction)
    assert fn.name == "custom"
    assert fn.title == "f(x, y) = x² + 10·sin(y)"   # mathematics, not Python (issue 15)
    assert fn.formula == fn.expression == "x**2 + 10*sin(y)"
    assert fn.bounds == ((-5.0, 5.0), (-5.0, 5.0))
    assert fn.minima.shape == (0, 2)
    assert fn.n_terms == 0

    fn = parse_expression("(x-1)**2 + y**2", bounds=((-2, 3), (-1, 1)), minima=[[1, 0]],
                          name="bowl")
    assert fn.name == "bowl"
    assert fn.bounds == ((-2.0, 3.0), (-1.0, 1.0))
    np.testing.assert_array_equal(fn.minima, [[1.0, 0.0]])
    np.testing.assert_array_equal(fn.minimum_values, [0.0])


def test_copies_pickles_and_replacements_reparse():
    fn = parse_expression("x**2 + sin(y)", bounds=((0, 1), (0, 2)))
    xy = _points(10)
    for other in (pickle.loads(pickle.dumps(fn)), copy.deepcopy(fn)):
        np.testing.assert_array_equal(other.grad(xy), fn.grad(xy))
        assert other.bounds == fn.bounds
    changed = dataclasses.replace(fn, expression="y")
    np.testing.assert_array_equal(changed.value(xy), xy[:, 1])
    with pytest.raises(ExpressionError, match="unknown name 'z'"):
        dataclasses.replace(fn, expression="z")
    with pytest.raises(ExpressionError, match="bounds"):
        dataclasses.replace(fn, bounds=((1, 0), (0, 1)))


@pytest.mark.parametrize(
    "bounds", [((1, -1), (0, 1)), ((0, 1), (0, np.inf)), ((0, 1),), "abc", ((0, np.nan), (0, 1))]
)
def test_bad_bounds_are_refused(bounds):
    with pytest.raises(ExpressionError, match="bounds"):
        parse_expression("x", bounds=bounds)


@pytest.mark.parametrize("minima", [[[0, np.nan]], [[1, 2, 3]], "abc", [[np.inf, 0]]])
def test_bad_minima_are_refused(minima):
    with pytest.raises(ExpressionError, match="minima"):
        parse_expression("x", minima=minima)


@pytest.mark.parametrize(
    ("text", "x", "y", "expected"),
    [
        ("-x**2", 3.0, 0.0, -9.0),
        ("-2**2", 0.0, 0.0, -4.0),
        ("2**3**2", 0.0, 0.0, 512.0),
        ("2^3^2", 0.0, 0.0, 512.0),
        ("1/2/4", 0.0, 0.0, 0.125),
        ("x^2", 3.0, 0.0, 9.0),
        ("2**-1", 0.0, 0.0, 0.5),
        ("-x**-y", 2.0, 1.0, -0.5),
        ("1 - 2 - 3", 0.0, 0.0, -4.0),
        ("2 * 3 + 4 * 5", 0.0, 0.0, 26.0),
        ("2 * (3 + 4) * 5", 0.0, 0.0, 70.0),
        ("x - -y", 1.0, 2.0, 3.0),
        ("+x * -y", 2.0, 3.0, -6.0),
        ("1e3 + 2.5E-1 + .5 + 3.", 0.0, 0.0, 1003.75),
        ("pi + e", 0.0, 0.0, np.pi + np.e),
        ("atan(1) * 4", 0.0, 0.0, np.pi),
        ("log10(100) + log2(8) + log(e)", 0.0, 0.0, 6.0),
        ("sqrt(abs(x)) + asin(1) - arcsin(1) + acos(1) + arccos(1)", -4.0, 0.0, 2.0),
        ("tanh(0) + sinh(0) + cosh(0) + tan(0) + exp(0) + cos(0)", 0.0, 0.0, 3.0),
    ],
)
def test_precedence_and_functions(text, x, y, expected):
    assert parse_expression(text).value(np.array([x, y])) == pytest.approx(expected, rel=1e-15)


@pytest.mark.parametrize("shape", [(2,), (5, 2), (3, 4, 2)])
@pytest.mark.parametrize("text", ["x*y + sin(x)", "3", "x", "y**2"])
def test_evaluation_shapes(shape, text):
    fn = parse_expression(text)
    xy = np.random.default_rng(2).normal(size=shape)
    value, grad = fn.value_and_grad(xy)
    assert fn.value(xy).shape == value.shape == shape[:-1]
    assert fn.grad(xy).shape == grad.shape == shape
    assert value.dtype == grad.dtype == np.float64


def test_results_never_alias_the_input():
    xy = np.array([[1.0, 2.0], [3.0, 4.0]])
    for text in ("x", "y", "+y"):
        fn = parse_expression(text)
        fn.value(xy)[...] = 99.0
        fn.value_and_grad(xy)[0][...] = 99.0
    np.testing.assert_array_equal(xy, [[1.0, 2.0], [3.0, 4.0]])


@pytest.mark.parametrize(
    ("text", "xy", "grad"),
    [
        ("abs(x) + abs(y)", [0.0, -2.0], [0.0, -1.0]),
        ("x**0 + y**1", [0.0, 0.0], [0.0, 1.0]),
        ("x**2", [0.0, 1.0], [0.0, 0.0]),
        ("2**x", [3.0, 0.0], [8 * np.log(2), 0.0]),
        ("x**y", [2.0, 3.0], [12.0, 8 * np.log(2)]),
        ("x/y", [3.0, 2.0], [0.5, -0.75]),
    ],
)
def test_exact_gradients_at_special_points(text, xy, grad):
    np.testing.assert_allclose(parse_expression(text).grad(np.array(xy)), grad, rtol=1e-15)


@pytest.mark.parametrize("text", ["sqrt(x)", "log(x)", "1/x", "x**-2", "y**x", "arcsin(x+1)"])
def test_singularities_give_nonfinite_values_without_warnings(text):
    fn = parse_expression(text)
    xy = np.array([[0.0, 0.0], [-1.0, 0.0], [-1e308, 1e308]])
    with np.errstate(all="raise"):  # the function must protect itself
        value, grad = fn.value_and_grad(xy)
        fn.value(xy)
    assert value.shape == (3,)
    assert grad.shape == (3, 2)


def test_parse_is_lazy_and_keeps_text():
    # Division by zero and overflow are legal values (the engine sees divergence), not errors.
    for text in ("1/0 + x", "exp(1000) * y", "log(-1) + x"):
        assert parse_expression(text).expression == text


HOSTILE = [
    "__import__('os')",
    "__import__",
    "x.real",
    "().__class__",
    "x[0]",
    "lambda: 1",
    "[x for x in y]",
    "z",
    "sin(x, y)",
    "sin()",
    "sin",
    "9**9**9**9",
    "9**9**9",
    "x**1000",
    "x**-101",
    "2**(50*3)",
    "(" * 5000 + "x" + ")" * 5000,
    "(" * 51 + "x" + ")" * 51,
    "-" * 60 + "x",
    "sin(" * 51 + "x" + ")" * 51,
    "",
    "   \t\n",
    "'abc'",
    '"abc"',
    "x = 1",
    "x == 1",
    "1 +",
    ")",
    "(x",
    "x)",
    "x, y",
    "2x",
    "x y",
    "1e999",
    "1e200",
    "exec('1')",
    "eval",
    "os.system('ls')",
    "x if y else 1",
    "x; y",
    "{}",
    "x @ y",
    "x % 2",
    "x // 2",
    "X",
    "x" * 1001,
]


# Python's audit hooks see code being compiled or executed, and processes being started, from
# anywhere in the process: a parser that evaluated its input would raise one of these events.
# (Patching builtins instead would also catch the test tools' own imports, e.g. mutmut's.)
_EXECUTING = ("compile", "exec", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
              "subprocess.Popen")
_WATCH: list[list[str]] = []


def _audit(event, args):
    if _WATCH and event in _EXECUTING:
        _WATCH[-1].append(event)


sys.addaudithook(_audit)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_is_refused(text):
    seen: list[str] = []
    _WATCH.append(seen)
    try:
        with pytest.raises(ExpressionError) as info:
            parse_expression(text)
    finally:
        _WATCH.pop()
    assert not seen, f"the parser executed code: {seen}"
    assert validate_expression(text) == str(info.value)
    assert info.value.message
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        ("z", 0, "unknown name 'z' at 1 (allowed: x, y, pi, e)"),
        ("x + )", 4, "unexpected ')' at 5"),
        ("sin(x, y)", 0, "sin takes 1 argument, got 2 at 1"),
        ("1 + sin()", 4, "sin takes 1 argument, got 0 at 5"),
        ("x.real", 1, "unexpected '.' at 2"),
        ("x[0]", 1, "unexpected '[' at 2"),
        ("__import__('os')", 0, "unknown function '__import__' at 1 (allowed: "
         + ", ".join(FUNCTION_NAMES) + ")"),
        ("lambda: 1", 0, "unknown name 'lambda' at 1 (allowed: x, y, pi, e)"),
        ("x = 1", 2, "'=' is not allowed: type only the right-hand side at 3"),
        ("x + 'a'", 4, "strings are not allowed at 5"),
        ("1 +", 3, "unexpected end of expression at 4"),
        ("2 + (x * 3", 4, "unclosed '(' at 5"),
        ("2x", 1, "expected an operator before 'x' at 2"),
        ("x, y", 1, "unexpected ',' at 2"),
        ("x**1000", 3, "exponent 1000 is too large (the limit is 100) at 4"),
        ("9**9**9**9", 6, "exponent 3.8742e+08 is too large (the limit is 100) at 7"),
        ("(" * 51 + "x" + ")" * 51, 50, f"nesting deeper than {MAX_DEPTH} at 51"),
        ("", None, "expression is empty"),
        ("x" * 1500, None, "expression too long (1500 characters; the limit is 1000)"),
    ],
)
def test_error_positions_and_messages(text, position, message):
    with pytest.raises(ExpressionError) as info:
        parse_expression(text)
    assert info.value.position == position
    assert str(info.value) == message


def test_limits_are_inclusive():
    depth = "(" * MAX_DEPTH + "x" + ")" * MAX_DEPTH
    assert parse_expression(depth).value(np.array([2.0, 0.0])) == 2.0
    assert parse_expression("x**100 + x**-100").value(np.array([1.0, 0.0])) == 2.0
    assert validate_expression("+".join(["x"] * 500)) is None  # long flat sums are fine
    assert validate_expression("0" * 1000) is None
    assert validate_expression("1e100 + 1" + "0" * 99) is None
    assert validate_expression("1" + "0" * 101) == "number is too large (the limit is 1e+100) at 1"


def test_power_towers_stay_in_float64():
    # Non-constant exponents are never refused, and never become Python big ints.
    fn = parse_expression("x**x**x**x**x**x**x**x**x")
    assert np.isinf(fn.value(np.array([9.0, 0.0])))
    assert parse_expression("2**(x**x**x)").value(np.array([9.0, 0.0])) == np.inf


# -- property-based: random expression trees --------------------------------------------------

_UNARY = {
    "sin": np.sin, "cos": np.cos, "exp": np.exp, "log": np.log, "sqrt": np.sqrt,
    "abs": np.abs, "tanh": np.tanh, "arctan": np.arctan, "atan": np.arctan, "sinh": np.sinh,
    "cosh": np.cosh, "tan": np.tan, "log10": np.log10, "log2": np.log2, "asin": np.arcsin,
    "arccos": np.arccos,
}
_LEAVES = st.sampled_from([
    ("x", lambda x, y: x),
    ("y", lambda x, y: y),
    ("pi", lambda x, y: np.pi + 0 * x),
    ("e", lambda x, y: np.e + 0 * x),
    ("2", lambda x, y: 2.0 + 0 * x),
    ("0.5", lambda x, y: 0.5 + 0 * x),
    ("1.5e-1", lambda x, y: 0.15 + 0 * x),
    ("3.", lambda x, y: 3.0 + 0 * x),
])


def _extend(children):
    binary = st.tuples(st.sampled_from("+-*/^"), children, children).map(_binary)
    call = st.tuples(st.sampled_from(sorted(_UNARY)), children).map(
        lambda t: (f"{t[0]}({t[1][0]})", lambda x, y, f=_UNARY[t[0]], a=t[1][1]: f(a(x, y))))
    neg = children.map(lambda c: (f"-({c[0]})", lambda x, y, a=c[1]: -a(x, y)))
    power = st.tuples(children, st.sampled_from([2, 3, -1, 0.5])).map(
        lambda t: (f"({t[0][0]})**{t[1]}", lambda x, y, a=t[0][1], k=t[1]: a(x, y) ** k))
    return binary | call | neg | power


def _binary(t):
    op, (ta, fa), (tb, fb) = t
    ops = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "^": np.power}
    return f"({ta}) {op} ({tb})", lambda x, y: ops[op](fa(x, y), fb(x, y))


EXPRESSIONS = st.recursive(_LEAVES, _extend, max_leaves=8)


@settings(max_examples=200, deadline=None)
@given(EXPRESSIONS, st.integers(0, 2**32 - 1))
def test_random_expressions_match_numpy_and_central_differences(expr, seed):
    text, reference = expr
    try:
        fn = parse_expression(text)
    except ExpressionError:
        assume(False)  # e.g. a constant exponent beyond the limit
    xy = _points(16, seed, scale=2.0)
    x, y = xy[:, 0], xy[:, 1]
    with np.errstate(all="ignore"):
        expected = reference(x, y)
        value, grad = fn.value_and_grad(xy)
        np.testing.assert_allclose(value, expected, rtol=1e-9, atol=1e-12, equal_nan=True)
        for axis in (0, 1):
            step = np.zeros(2)
            estimates = []
            for h in (1e-5, 1e-6):
                step[axis] = h
                hi, lo = reference(*(xy + step).T), reference(*(xy - step).T)
                estimates.append((hi - lo) / (2 * h))
            coarse, fine = estimates
            size = np.maximum(np.abs(expected), 1.0)
            ok = (
                np.isfinite(coarse) & np.isfinite(fine) & np.isfinite(grad[:, axis])
                & (np.abs(expected) < 1e6) & (np.abs(coarse) < 1e6)
                # agreement of two step sizes: smooth here, not near a kink or a pole
                & (np.abs(coarse - fine) <= 1e-4 * (1.0 + np.abs(coarse)))
            )
            error = np.abs(grad[:, axis] - coarse)[ok]
            tolerance = (2e-4 * (1.0 + np.abs(coarse)) + 1e-9 * size)[ok]
            assert np.all(error <= tolerance), (text, axis, xy[ok][error > tolerance])


GRAMMAR_CHARS = "xy0123456789.eE+-*/^(), sincotaqrlgbph_=[]'\"\t:"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=GRAMMAR_CHARS, max_size=40) | st.text(max_size=60))
def test_arbitrary_text_only_raises_expression_error(text):
    message = validate_expression(text)
    if message is not None:
        with pytest.raises(ExpressionError) as info:
            parse_expression(text)
        assert str(info.value) == message
        assert info.value.position is None or 0 <= info.value.position <= len(text)
        return
    fn = parse_expression(text)
    with np.errstate(all="raise"):
        value, grad = fn.value_and_grad(_points(4, seed=3))
    assert value.shape == (4,)
    assert grad.shape == (4, 2)
