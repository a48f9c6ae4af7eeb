"""Typed expressions written as mathematics for titles (issue 15): superscript exponents, a
middle dot for products, the minus sign, π and √; the text itself is never evaluated."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beale_gui.core.functions import math_text, parse_expression


@pytest.mark.parametrize(("text", "shown"), [
    ("x**2 + 10*sin(y)", "x² + 10·sin(y)"),
    ("x**2 + y**4/4 - y**2/2", "x² + y⁴/4 − y²/2"),
    ("(x-1)**2 + 100*(y - x**2)**2", "(x − 1)² + 100·(y − x²)²"),
    ("-x**2", "−x²"),
    ("x**-1", "x⁻¹"),
    ("x^10 - 2*y", "x¹⁰ − 2·y"),
    ("x**2.5", "x^2.5"),
    ("x**(y+1) + x**2", "x^(y + 1) + x²"),
    ("2**3**2", "2^3^2"),            # a chain keeps its carets: 2^(3^2), not (2^3)^2
    ("x**y**2", "x^y^2"),
    ("e**(-x**2-y**2)", "e^(−x² − y²)"),
    ("sqrt(x**2+1)*pi", "√(x² + 1)·π"),
    ("x * -y", "x·−y"),
    ("  x   +\ty ", "x + y"),
])
def test_math_text(text, shown):
    assert math_text(text) == shown


@pytest.mark.parametrize("text", ["x +", "z**2", "__import__('os')", ""])
def test_text_that_does_not_parse_comes_back_tidied(text):
    assert math_text(text) == " ".join(text.split())


def test_a_typed_function_is_titled_in_mathematics():
    fn = parse_expression("x**2 + 10*sin(y)")
    assert fn.title == "f(x, y) = x² + 10·sin(y)"
    assert fn.formula == "x**2 + 10*sin(y)"    # what is saved stays the text typed


@given(st.text(alphabet="xy0123456789+-*/^() .episn", max_size=30))
def test_any_text_gives_text_without_python_operators(text):
    shown = math_text(text)
    assert isinstance(shown, str)
    try:
        parse_expression(text)
    except ValueError:
        return
    assert "*" not in shown
