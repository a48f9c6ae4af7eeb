"""The safe parser of user-typed functions f(x, y): text to a tree with exact gradients.

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
from typing import NamedTuple

import numpy as np

from ..i18n import translate

MAX_LENGTH = 1000
MAX_DEPTH = 50
MAX_EXPONENT = 100.0
MAX_LITERAL = 1e100


class ExpressionError(ValueError):
    """A refused expression: ``message``, and ``position`` (0-based offset, or None); a
    ``hint`` (what would be accepted) follows the position in ``str()``, in parentheses."""

    def __init__(self, message: str, position: int | None = None, hint: str = ""):
        self.message = message
        self.position = position
        self.hint = hint
        text = (message if position is None else
                translate("Expression", "{0} at {1}").format(message, position + 1))
        super().__init__(f"{text} ({hint})" if hint else text)


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

class Token(NamedTuple):
    """One token of an expression, as :func:`tokenize` reads it (the parser's and the
    mathematical formatter's one reading of the text)."""

    kind: str  # "num", "name", "op", "end", or "bad" (text is then the error message)
    text: str
    pos: int


_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<num>(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>\*\*|[-+*/^(),])
""", re.VERBOSE)


def tokenize(text: str) -> list[Token]:
    """Tokens up to the first bad character, which becomes a "bad" token carrying the message,
    so that errors are reported in text order."""
    tokens, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            c = text[pos]
            if c in "'\"":
                message = translate("Expression", "strings are not allowed")
            elif c == "=":
                message = translate("Expression",
                                    "'=' is not allowed: type only the right-hand side")
            else:
                message = translate("Expression", "unexpected {0}").format(repr(c))
            tokens.append(Token("bad", message, pos))
            return tokens
        if m.lastgroup != "ws":
            tokens.append(Token(m.lastgroup, m.group(), pos))
        pos = m.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    def _peek(self) -> Token:
        tok = self.tokens[self.i]
        if tok.kind == "bad":
            raise ExpressionError(tok.text, tok.pos)
        return tok

    def _next(self) -> Token:
        tok = self._peek()
        self.i += 1
        return tok

    def _at(self, *ops: str) -> bool:
        tok = self._peek()
        return tok.kind == "op" and tok.text in ops

    def _nest(self, pos: int, parse):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(translate("Expression", "nesting deeper than {0}").format(
                MAX_DEPTH), pos)
        node = parse()
        self.depth -= 1
        return node

    @staticmethod
    def _unexpected(tok: Token, after_operand: bool = False) -> ExpressionError:
        if tok.kind == "end":
            return ExpressionError(translate("Expression", "unexpected end of expression"),
                                   tok.pos)
        if after_operand and (tok.kind != "op" or tok.text == "("):
            return ExpressionError(translate("Expression", "expected an operator before '{0}'")
                                   .format(tok.text), tok.pos)
        return ExpressionError(translate("Expression", "unexpected '{0}'").format(tok.text),
                               tok.pos)

    def _close(self, opening: Token) -> None:
        tok = self._next()
        if tok.kind == "end":
            raise ExpressionError(translate("Expression", "unclosed '('"), opening.pos)
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
            raise ExpressionError(translate(
                "Expression", "exponent {0:.6g} is too large (the limit is {1:g})").format(
                    exponent.v, MAX_EXPONENT), start)
        return _fold(_Pow(base, exponent), base, exponent)

    def _atom(self):
        tok = self._next()
        if tok.kind == "num":
            v = float(tok.text)
            if not v <= MAX_LITERAL:
                raise ExpressionError(translate(
                    "Expression", "number is too large (the limit is {0:g})").format(
                        MAX_LITERAL), tok.pos)
            return _Const(v)
        if tok.kind == "name":
            if tok.text in _FUNCTIONS:
                return self._call(tok)
            if tok.text in _NAMES:
                return _NAMES[tok.text]
            following = self.tokens[self.i]  # peeked raw: the name is the first error
            if following[:2] == ("op", "("):
                raise ExpressionError(
                    translate("Expression", "unknown function '{0}'").format(tok.text), tok.pos,
                    translate("Expression", "allowed: {0}").format(", ".join(FUNCTION_NAMES)))
            raise ExpressionError(translate("Expression", "unknown name '{0}'").format(tok.text),
                                  tok.pos,
                                  translate("Expression", "allowed: {0}").format("x, y, pi, e"))
        if tok.kind == "op" and tok.text == "(":
            node = self._nest(tok.pos, self._expr)
            self._close(tok)
            return node
        raise self._unexpected(tok)

    def _call(self, name: Token):
        if not self._at("("):
            raise ExpressionError(translate(
                "Expression", "{0} needs its argument in parentheses, like {0}(x)").format(
                    name.text), name.pos)
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
            raise ExpressionError(translate("Expression", "{0} takes 1 argument, got {1}")
                                  .format(name.text, len(args)), name.pos)
        return _fold(_Call(name.text, args[0]), args[0])


# -- entry point ----------------------------------------------------------------------------

def parse_tree(text: str):
    """The checked tree of ``text``; :class:`ExpressionError` says why it is refused."""
    if not isinstance(text, str):
        raise ExpressionError(translate("Expression", "expression must be text, not {0}")
                              .format(type(text).__name__))
    if len(text) > MAX_LENGTH:
        raise ExpressionError(translate(
            "Expression", "expression too long ({0} characters; the limit is {1})").format(
                len(text), MAX_LENGTH))
    if not text.strip():
        raise ExpressionError(translate("Expression", "expression is empty"))
    return _Parser(text).parse()
