"""A typed expression as a person reads it: ``x**2 + 10*sin(y)`` becomes ``x² + 10·sin(y)``.

:func:`math_text` works on the tokens of :mod:`.expression_parser` (the same reading of the
text, no ``eval``): whole-number exponents become superscripts (``x**-1`` is ``x⁻¹``), any other
exponent follows a caret (``x^(y + 1)``, and every power of a chain ``2^3^2``), ``*`` is a
middle dot, minus is the minus sign, ``pi`` is π and ``sqrt`` is √; binary ``+`` and ``−``
stand between spaces. Text that does not parse comes back with its whitespace tidied.
"""

from __future__ import annotations

from .expression_parser import ExpressionError, Token, parse_tree, tokenize

__all__ = ["math_text"]

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_NAMES = {"pi": "π", "sqrt": "√"}
_POWER = ("**", "^")


def _is_op(token: Token, *texts: str) -> bool:
    return token.kind == "op" and token.text in texts


def _ends_operand(token: Token | None, next_token: Token) -> bool:
    """Whether ``token`` closes an operand (so a following sign is binary)."""
    if token is None:
        return False
    if token.kind == "num" or _is_op(token, ")"):
        return True
    return token.kind == "name" and not _is_op(next_token, "(")


def math_text(text: str) -> str:
    """``text`` (an expression f(x, y)) in mathematical notation, e.g. ``x² + 10·sin(y)``."""
    try:
        parse_tree(text)
    except ExpressionError:
        return " ".join(str(text).split())
    tokens = tokenize(text)
    out: list[str] = []
    previous: Token | None = None
    caret = False            # inside a chain of powers written with carets
    i = 0
    while tokens[i].kind != "end":
        token = tokens[i]
        if token.kind == "name":
            out.append(_NAMES.get(token.text, token.text))
        elif token.kind == "num":
            out.append(token.text)
        elif _is_op(token, *_POWER):
            j = i + 1 + _is_op(tokens[i + 1], "-")
            exponent, after = tokens[j], tokens[j + 1]
            if (not caret and exponent.kind == "num" and exponent.text.isdigit()
                    and not _is_op(after, *_POWER)):
                out.append("".join(t.text for t in tokens[i + 1:j + 1])
                           .translate(_SUPERSCRIPT))
                previous, i = exponent, j + 1
                continue
            out.append("^")
            caret = True
        elif _is_op(token, "+", "-"):
            sign = "+" if token.text == "+" else "\u2212"
            binary = _ends_operand(previous, token)
            out.append(f" {sign} " if binary else sign)
        elif _is_op(token, "*"):
            out.append("\u00b7")
        elif _is_op(token, ","):
            out.append(", ")
        else:
            out.append(token.text)
        if token.kind == "op" and not _is_op(token, *_POWER, "-"):
            caret = False
        previous = token
        i += 1
    return "".join(out)
