"""Typed functions: :func:`parse_expression` makes a :class:`TestFunction` of f(x, y) as text.

The text is read by :mod:`.expression_parser` (no ``eval``; exact gradients by forward-mode
automatic differentiation over its tree, exact Hessians by second-order forward mode in
:mod:`.expression_hessian`); this module checks the bounds and minima that come
with it and evaluates the tree in float64 numpy, vectorised over arrays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..i18n import translate
from .base import TestFunction
from .expression_format import math_text
from .expression_hessian import jet
from .expression_parser import ExpressionError, parse_tree

DEFAULT_BOUNDS = ((-5.0, 5.0), (-5.0, 5.0))

__all__ = ["DEFAULT_BOUNDS", "ExpressionFunction", "parse_expression", "validate_expression"]


def _as_array(v, shape: tuple[int, ...], *sources: np.ndarray) -> np.ndarray:
    """``v`` as a fresh float64 array of ``shape`` (never a view of an input)."""
    if v is None:
        return np.zeros(shape)
    if any(v is s for s in sources) or np.shape(v) != shape:
        return np.array(np.broadcast_to(v, shape), dtype=np.float64)
    return np.asarray(v, dtype=np.float64)


def _check_bounds(bounds) -> tuple[tuple[float, float], tuple[float, float]]:
    message = translate("Expression", "bounds must be ((xmin, xmax), (ymin, ymax)) with finite "
                        "numbers and min < max")
    try:
        b = np.asarray(bounds, dtype=np.float64)
    except (TypeError, ValueError):
        raise ExpressionError(message) from None
    if b.shape != (2, 2) or not np.all(np.isfinite(b)) or not np.all(b[:, 0] < b[:, 1]):
        raise ExpressionError(translate("Expression", "{0}, got {1}").format(message,
                                                                             repr(bounds)))
    return (float(b[0, 0]), float(b[0, 1])), (float(b[1, 0]), float(b[1, 1]))


def _check_minima(minima) -> np.ndarray:
    message = translate("Expression", "minima must be a list of finite (x, y) points")
    try:
        m = np.asarray(minima, dtype=np.float64)
    except (TypeError, ValueError):
        raise ExpressionError(message) from None
    if m.shape == (2,):
        m = m.reshape(1, 2)
    elif m.size == 0:
        m = np.zeros((0, 2))
    if m.ndim != 2 or m.shape[1] != 2 or not np.all(np.isfinite(m)):
        raise ExpressionError(translate("Expression", "{0}, got {1}").format(message,
                                                                             repr(minima)))
    return m


@dataclass(frozen=True, eq=False)
class ExpressionFunction(TestFunction):
    """A :class:`TestFunction` from a typed expression; build it with :func:`parse_expression`.

    Attributes
    ----------
    expression : str
        The text as typed (also ``formula``); what a saved session stores. Construction parses
        it and checks ``bounds`` and ``minima``, raising :class:`ExpressionError`.
    """

    expression: str = ""
    tree: object = field(init=False, repr=False)  # the parsed expression (internal)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tree", parse_tree(self.expression))
        object.__setattr__(self, "bounds", _check_bounds(self.bounds))
        object.__setattr__(self, "minima", _check_minima(self.minima))
        parent = getattr(super(), "__post_init__", None)
        if parent is not None:
            parent()

    def _value(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            return _as_array(self.tree.ev(x, y, False)[0], np.shape(x), x, y)

    def _value_and_grad(
        self, x: np.ndarray, y: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        shape = np.shape(x)
        with np.errstate(all="ignore"):
            f, dx, dy = self.tree.ev(x, y, True)
            return _as_array(f, shape, x, y), _as_array(dx, shape), _as_array(dy, shape)

    def _grad(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return self._value_and_grad(x, y)[1:]

    def _hessian(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Second-order forward mode over the tree (:mod:`.expression_hessian`)."""
        shape = np.shape(x)
        with np.errstate(all="ignore"):
            return tuple(_as_array(h, shape) for h in jet(self.tree, x, y)[3:])

    def __repr__(self) -> str:
        return f"<ExpressionFunction {self.expression!r}>"


def parse_expression(
    text: str,
    *,
    bounds: Sequence[Sequence[float]] | None = None,
    minima: Sequence[Sequence[float]] | np.ndarray | None = None,
    name: str = "custom",
) -> ExpressionFunction:
    """Parse ``text`` as f(x, y) into an :class:`ExpressionFunction`.

    Parameters
    ----------
    text : str
        The expression, e.g. ``"x**2 + 10*sin(y)"``.
    bounds : ((xmin, xmax), (ymin, ymax)), optional
        The default view; ``((-5, 5), (-5, 5))`` when not given.
    minima : array_like, shape (M, 2), optional
        Known minima to mark; none when not given.
    name : str
        Registry-style key.

    Raises
    ------
    ExpressionError
        When the text, the bounds or the minima are refused; nothing is executed.
    """
    if not isinstance(text, str):
        raise ExpressionError(translate("Expression", "expression must be text, not {0}")
                              .format(type(text).__name__))
    return ExpressionFunction(
        name=name,
        title="f(x, y) = " + math_text(text),
        formula=text,
        bounds=DEFAULT_BOUNDS if bounds is None else bounds,
        minima=np.zeros((0, 2)) if minima is None else minima,
        n_terms=0,
        expression=text,
    )


def validate_expression(text: str) -> str | None:
    """The error message for ``text`` (as ``str(ExpressionError)``), or None when it parses."""
    try:
        parse_tree(text)
    except ExpressionError as error:
        return str(error)
    return None
