"""Two-dimensional test surfaces with exact gradients.

- :mod:`.base`: :class:`TestFunction` (what a surface is, and the evaluator the engine calls)
  and the shared bases;
- :mod:`.catalogue`: the built-ins, :data:`FUNCTIONS` and :func:`get_function`;
  :mod:`.hessians`: their exact Hessians;
- :mod:`.expression` and :mod:`.expression_parser`: a function typed as text;
  :mod:`.expression_hessian` its exact Hessian; :mod:`.expression_format` writes it as
  mathematics for titles.

A new built-in is a class in ``catalogue.py`` (its Hessian in ``hessians.py``) and an entry in
its ``FUNCTIONS``.
"""

from .base import DEFAULT_HPARAMS, Bounds, SumOfSquares, TestFunction
from .catalogue import FUNCTIONS, get_function
from .expression import (
    DEFAULT_BOUNDS,
    ExpressionFunction,
    parse_expression,
    validate_expression,
)
from .expression_format import math_text
from .expression_parser import FUNCTION_NAMES, MAX_LENGTH, ExpressionError

__all__ = [
    "DEFAULT_BOUNDS", "DEFAULT_HPARAMS", "FUNCTIONS", "FUNCTION_NAMES", "MAX_LENGTH", "Bounds",
    "ExpressionError", "ExpressionFunction", "SumOfSquares", "TestFunction", "get_function",
    "math_text",
    "parse_expression", "validate_expression",
]
