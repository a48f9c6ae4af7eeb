"""Safe parser for user-typed functions f(x, y), with exact gradients.

The text is read by a hand-written tokenizer and recursive-descent parser into a small tree of
whitelisted node types; nothing is ever passed to ``eval``, ``exec``, ``compile`` or ``ast``.
Gradients come from forward-mode automatic differentiation over that tree, so they are exact
(no finite differences), and everything is evaluated in float64 numpy, vectorised over arrays.

Grammar (Python precedence; ``**`` is right-associative and binds tighter than unary minus, so
``-x**2 == -(x**2)`` and ``2**3**2 == 512``; ``^`` is accepted as a synonym of ``**``)::

    expr   := term (("+" | "-") term)*
    term   := unary (("*" | "/") unary)*
    unary  := ("+" | "-") unary | power
    power  := atom [("**" | "^") unary]
    atom   := NUMBER | "x" | "y" | "pi" | "e" | FUNCTION "(" expr ")" | "(" expr ")"

Limits: at most ``MAX_LENGTH`` characters; at most ``MAX_DEPTH`` levels of nesting, where
parentheses, unary signs and exponents each count as a level; numeric literals up to
``MAX_LITERAL`` in magnitude; a constant exponent at most ``MAX_EXPONENT`` in magnitude.

Errors are :class:`ExpressionError`. Its ``position`` is a 0-based offset into the text (or
None); ``str()`` shows the 1-based column, e.g. ``"unknown name 'z' at 1"`` for the text ``"z"``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from beale_gui.core.functions import TestFunction

MAX_LENGTH = 1000
MAX_DEPTH = 50
MAX_EXPONENT = 100.0
MAX_LITERAL = 1e100
DEFAULT_BOUNDS = ((-5.0, 5.0), (-5.0, 5.0))

__all__ = [
    "ExpressionError", "ExpressionFunction", "FUNCTION_NAMES", "parse_expression",
    "validate_expression",
]


class ExpressionError(ValueError):
    """A refused expression: ``message``, and ``position`` (0-based offset, or None)."""

    def __init__(self, message: str, position: int | None = None):
        self.message = message
        self.position = position
        super().__init__(message if position is None else f"{message} at {position + 1}")


# -- tree ------------------------------------------------------------------------------------
# Every node evaluates with ev(x, y, grad) -> (f, df/dx, df/dy): forward-mode automatic
# differentiation. A derivative of None means "identically zero"; with grad=False the variables
# carry no derivatives, so the same code computes values alone at no extra cost.

def _add(a, b):
    return b if a is None else a if b is None else a + b


def _mul(d, s):
    return None if d is None else d * s


class _Const:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = np.float64(v)

    def ev(self, x, y, grad):
        return self.v, None, None


class _Var:
    __slots__ = ("is_y",)

    def __init__(self, is_y: bool):
        self.is_y = is_y

    def ev(self, x, y, grad):
        if self.is_y:
            return y, None, (1.0 if grad else None)
        return x, (1.0 if grad else None), None


class _Sum:
    """Terms (negate, node), flat, so that long sums never make deep trees; also negation."""

    __slots__ = ("terms",)

    def __init__(self, terms):
        self.terms = terms

    def ev(self, x, y, grad):
        acc = dx = dy = None
        for negate, node in self.terms:
            v, vx, vy = node.ev(x, y, grad)
            if negate:
                v, vx, vy = -v, _mul(vx, -1.0), _mul(vy, -1.0)
            acc = v if acc is None else acc + v
            dx, dy = _add(dx, vx), _add(dy, vy)
        return acc, dx, dy


class _Product:
    """Factors (divide, node), applied left to right; the first never divides."""

    __slots__ = ("factors",)

    def __init__(self, factors):
        self.factors = factors

    def ev(self, x, y, grad):
        acc = ax = ay = None
        for divide, node in self.factors:
            v, vx, vy = node.ev(x, y, grad)
            if acc is None:
                acc, ax, ay = v, vx, vy
            elif divide:  # (a/b)' = (a' - (a/b) b') / b
                acc = acc / v
                ax = _mul(_add(ax, _mul(vx, -acc)), 1.0 / v)
                ay = _mul(_add(ay, _mul(vy, -acc)), 1.0 / v)
            else:  # (ab)' = a'b + ab'
                ax, ay = _add(_mul(ax, v), _mul(vx, acc)), _add(_mul(ay, v), _mul(vy, acc))
                acc = acc * v
        return acc, ax, ay


class _Pow:
    __slots__ = ("base", "exponent")

    def __init__(self, base, exponent):
        self.base, self.exponent = base, exponent

    def ev(self, x, y, grad):
        u, ux, uy = self.base.ev(x, y, grad)
        if isinstance(self.exponent, _Const):  # (u**c)' = c u**(c-1) u'
            c = self.exponent.v
            if c == 0.0 or (ux is None and uy is None):
                return np.power(u, c), None, None
            coef = c * np.power(u, c - 1.0)
            return np.power(u, c), _mul(ux, coef), _mul(uy, coef)
        w, wx, wy = self.exponent.ev(x, y, grad)
        f = np.power(u, w)  # (u**w)' = u**w (w' log u + w u'/u)
        log_u = np.log(u) if (wx is not None or wy is not None) else None
        w_over_u = w / u if (ux is not None or uy is not None) else None
        dx = _add(_mul(wx, log_u), _mul(ux, w_over_u))
        dy = _add(_mul(wy, log_u), _mul(uy, w_over_u))
        return f, _mul(dx, f), _mul(dy, f)


def _d_log(base: float):
    scale = 1.0 / np.log(base)
    return lambda u, f: scale / u


# name -> (function, its derivative given the argument u and the value f)
_FUNCTIONS = {
    "sin": (np.sin, lambda u, f: np.cos(u)),
    "cos": (np.cos, lambda u, f: -np.sin(u)),
    "tan": (np.tan, lambda u, f: 1.0 + f * f),
    "exp": (np.exp, lambda u, f: f),
    "log": (np.log, lambda u, f: 1.0 / u),
    "log10": (np.log10, _d_log(10.0)),
    "log2": (np.log2, _d_log(2.0)),
    "sqrt": (np.sqrt, lambda u, f: 0.5 / f),
    "abs": (np.abs, lambda u, f: np.sign(u)),
    "tanh": (np.tanh, lambda u, f: 1.0 - f * f),
    "sinh": (np.sinh, lambda u, f: np.cosh(u)),
    "cosh": (np.cosh, lambda u, f: np.sinh(u)),
    "arctan": (np.arctan, lambda u, f: 1.0 / (1.0 + u * u)),
    "arcsin": (np.arcsin, lambda u, f: 1.0 / np.sqrt(1.0 - u * u)),
    "arccos": (np.arccos, lambda u, f: -1.0 / np.sqrt(1.0 - u * u)),
}
_FUNCTIONS.update(atan=_FUNCTIONS["arctan"], asin=_FUNCTIONS["arcsin"],
                  acos=_FUNCTIONS["arccos"])
FUNCTION_NAMES = tuple(sorted(_FUNCTIONS))
_NAMES = {"x": _Var(False), "y": _Var(True), "pi": _Const(np.pi), "e": _Const(np.e)}


class _Call:
    __slots__ = ("name", "fn", "dfn", "arg")

    def __init__(self, name: str, arg):
        self.name, self.arg = name, arg
        self.fn, self.dfn = _FUNCTIONS[name]

    def __reduce__(self):  # the derivatives are lambdas: pickle the name instead
        return _Call, (self.name, self.arg)

    def ev(self, x, y, grad):
        u, ux, uy = self.arg.ev(x, y, grad)
        f = self.fn(u)
        if ux is None and uy is None:
            return f, None, None
        d = self.dfn(u, f)
        return f, _mul(ux, d), _mul(uy, d)


def _fold(node, *children):
    """Replace a node whose children are all constants by its float64 value."""
    if all(isinstance(c, _Const) for c in children):
        with np.errstate(all="ignore"):
            return _Const(node.ev(None, None, False)[0])
    return node


# -- tokenizer and parser --------------------------------------------------------------------

class _Token(NamedTuple):
    kind: str  # "num", "name", "op", "end", or "bad" (text is then the error message)
    text: str
    pos: int


_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<num>(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>\*\*|[-+*/^(),])
""", re.VERBOSE)


def _tokenize(text: str) -> list[_Token]:
    """Tokens up to the first bad character, which becomes a "bad" token carrying the message,
    so that errors are reported in text order."""
    tokens, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            c = text[pos]
            if c in "'\"":
                message = "strings are not allowed"
            elif c == "=":
                message = "'=' is not allowed: type only the right-hand side"
            else:
                message = f"unexpected {c!r}"
            tokens.append(_Token("bad", message, pos))
            return tokens
        if m.lastgroup != "ws":
            tokens.append(_Token(m.lastgroup, m.group(), pos))
        pos = m.end()
    tokens.append(_Token("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.tokens = _tokenize(text)
        self.i = 0
        self.depth = 0

    def _peek(self) -> _Token:
        tok = self.tokens[self.i]
        if tok.kind == "bad":
            raise ExpressionError(tok.text, tok.pos)
        return tok

    def _next(self) -> _Token:
        tok = self._peek()
        self.i += 1
        return tok

    def _at(self, *ops: str) -> bool:
        tok = self._peek()
        return tok.kind == "op" and tok.text in ops

    def _nest(self, pos: int, parse):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"nesting deeper than {MAX_DEPTH}", pos)
        node = parse()
        self.depth -= 1
        return node

    @staticmethod
    def _unexpected(tok: _Token, after_operand: bool = False) -> ExpressionError:
        if tok.kind == "end":
            return ExpressionError("unexpected end of expression", tok.pos)
        if after_operand and (tok.kind != "op" or tok.text == "("):
            return ExpressionError(f"expected an operator before '{tok.text}'", tok.pos)
        return ExpressionError(f"unexpected '{tok.text}'", tok.pos)

    def _close(self, opening: _Token) -> None:
        tok = self._next()
        if tok.kind == "end":
            raise ExpressionError("unclosed '('", opening.pos)
        if tok.text != ")" or tok.kind != "op":
            raise self._unexpected(tok, after_operand=True)

    def parse(self):
        node = self._expr()
        tok = self._peek()
        if tok.kind != "end":
            raise self._unexpected(tok, after_operand=True)
        return node

    def _expr(self):
        terms = [(False, self._term())]
        while self._at("+", "-"):
            terms.append((self._next().text == "-", self._term()))
        if len(terms) == 1:
            return terms[0][1]
        return _fold(_Sum(tuple(terms)), *(n for _, n in terms))

    def _term(self):
        factors = [(False, self._unary())]
        while self._at("*", "/"):
            factors.append((self._next().text == "/", self._unary()))
        if len(factors) == 1:
            return factors[0][1]
        return _fold(_Product(tuple(factors)), *(n for _, n in factors))

    def _unary(self):
        if not self._at("+", "-"):
            return self._power()
        tok = self._next()
        arg = self._nest(tok.pos, self._unary)
        return arg if tok.text == "+" else _fold(_Sum(((True, arg),)), arg)

    def _power(self):
        base = self._atom()
        if not self._at("**", "^"):
            return base
        self._next()
        start = self._peek().pos
        exponent = self._nest(start, self._unary)
        if isinstance(exponent, _Const) and not abs(exponent.v) <= MAX_EXPONENT:
            raise ExpressionError(
                f"exponent {exponent.v:.6g} is too large (the limit is {MAX_EXPONENT:g})", start)
        return _fold(_Pow(base, exponent), base, exponent)

    def _atom(self):
        tok = self._next()
        if tok.kind == "num":
            v = float(tok.text)
            if not v <= MAX_LITERAL:
                raise ExpressionError(
                    f"number is too large (the limit is {MAX_LITERAL:g})", tok.pos)
            return _Const(v)
        if tok.kind == "name":
            if tok.text in _FUNCTIONS:
                return self._call(tok)
            if tok.text in _NAMES:
                return _NAMES[tok.text]
            following = self.tokens[self.i]  # peeked raw: the name is the first error
            kind = "function" if following[:2] == ("op", "(") else "name"
            raise ExpressionError(f"unknown {kind} '{tok.text}'", tok.pos)
        if tok.kind == "op" and tok.text == "(":
            node = self._nest(tok.pos, self._expr)
            self._close(tok)
            return node
        raise self._unexpected(tok)

    def _call(self, name: _Token):
        if not self._at("("):
            raise ExpressionError(
                f"{name.text} needs its argument in parentheses, like {name.text}(x)", name.pos)
        opening = self._next()

        def arguments():
            if self._at(")"):
                return []
            args = [self._expr()]
            while self._at(","):
                self._next()
                args.append(self._expr())
            return args

        args = self._nest(opening.pos, arguments)
        self._close(opening)
        if len(args) != 1:
            raise ExpressionError(f"{name.text} takes 1 argument, got {len(args)}", name.pos)
        return _fold(_Call(name.text, args[0]), args[0])


# -- public API ------------------------------------------------------------------------------

def _parse_tree(text: str):
    if not isinstance(text, str):
        raise ExpressionError(f"expression must be text, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            f"expression too long ({len(text)} characters; the limit is {MAX_LENGTH})")
    if not text.strip():
        raise ExpressionError("expression is empty")
    return _Parser(text).parse()


def _as_array(v, shape: tuple[int, ...], *sources: np.ndarray) -> np.ndarray:
    """``v`` as a fresh float64 array of ``shape`` (never a view of an input)."""
    if v is None:
        return np.zeros(shape)
    if any(v is s for s in sources) or np.shape(v) != shape:
        return np.array(np.broadcast_to(v, shape), dtype=np.float64)
    return np.asarray(v, dtype=np.float64)


def _check_bounds(bounds) -> tuple[tuple[float, float], tuple[float, float]]:
    message = "bounds must be ((xmin, xmax), (ymin, ymax)) with finite numbers and min < max"
    try:
        b = np.asarray(bounds, dtype=np.float64)
    except (TypeError, ValueError):
        raise ExpressionError(message) from None
    if b.shape != (2, 2) or not np.all(np.isfinite(b)) or not np.all(b[:, 0] < b[:, 1]):
        raise ExpressionError(f"{message}, got {bounds!r}")
    return (float(b[0, 0]), float(b[0, 1])), (float(b[1, 0]), float(b[1, 1]))


def _check_minima(minima) -> np.ndarray:
    message = "minima must be a list of finite (x, y) points"
    try:
        m = np.asarray(minima, dtype=np.float64)
    except (TypeError, ValueError):
        raise ExpressionError(message) from None
    if m.shape == (2,):
        m = m.reshape(1, 2)
    elif m.size == 0:
        m = np.zeros((0, 2))
    if m.ndim != 2 or m.shape[1] != 2 or not np.all(np.isfinite(m)):
        raise ExpressionError(f"{message}, got {minima!r}")
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
        object.__setattr__(self, "tree", _parse_tree(self.expression))
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
        raise ExpressionError(f"expression must be text, not {type(text).__name__}")
    return ExpressionFunction(
        name=name,
        title="f(x, y) = " + " ".join(text.split()),
        formula=text,
        bounds=DEFAULT_BOUNDS if bounds is None else bounds,
        minima=np.zeros((0, 2)) if minima is None else minima,
        n_terms=0,
        expression=text,
    )


def validate_expression(text: str) -> str | None:
    """The error message for ``text`` (as ``str(ExpressionError)``), or None when it parses."""
    try:
        _parse_tree(text)
    except ExpressionError as error:
        return str(error)
    return None
