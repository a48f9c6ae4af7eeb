"""Hyperparameters with valid ranges, checked where things are built.

The registry of each optimizer and schedule lists its :class:`Param` objects; the parameter
panel, the command line and the session loader all ask them, so a value is judged the same way
everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .i18n import translate


@dataclass(frozen=True)
class Param:
    """A hyperparameter: default, valid interval and display hints.

    Attributes
    ----------
    low, high : float
        The valid interval; ``low_open`` / ``high_open`` exclude the ends.
    log : bool
        Best shown and searched on a log scale (learning rates, eps).
    integer : bool
        Whole numbers only (step counts).
    flag : bool
        A switch, 0 (off) or 1 (on): whole numbers in [0, 1] (RMSprop's centered, maximize).
        Forms show a check box; the command line takes 0/1 or false/true; a search tries
        both values.
    """

    name: str
    default: float
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    log: bool = False
    integer: bool = False
    help: str = ""
    flag: bool = False

    def __post_init__(self) -> None:
        if self.flag and not (self.integer and self.low == 0 and self.high == 1
                              and not self.low_open and not self.high_open):
            raise ValueError(f"flag '{self.name}' must be a whole number in [0, 1]")

    def describe_range(self) -> str:
        lo = "(" if self.low_open else "["
        hi = ")" if self.high_open else "]"
        return f"{lo}{self.low:g}, {self.high:g}{hi}"

    def problem(self, value: float) -> str | None:
        """Why ``value`` is not valid, or None when it is."""
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
            return translate("Params", "Invalid {0}: {1} is not a number").format(
                self.name, repr(value))
        v = float(value)
        if not math.isfinite(v):
            return translate("Params", "Invalid {0}: {1} is not finite").format(self.name, v)
        below = v <= self.low if self.low_open else v < self.low
        above = v >= self.high if self.high_open else v > self.high
        if below or above:
            return translate("Params", "Invalid {0}: {1:g} is outside {2}").format(
                self.name, v, self.describe_range())
        if self.integer and v != round(v):
            return translate("Params", "Invalid {0}: {1:g} is not a whole number").format(
                self.name, v)
        return None

    def readable(self, value: float, digits: int = 4) -> float:
        """``value`` rounded to ``digits`` significant digits, as a person reads and types it
        (0.01623776739188723 is 0.01624); more digits where fewer would leave the range
        (a beta of 0.99996 stays below 1), ``value`` itself if none will do."""
        v = float(value)
        if not math.isfinite(v) or v == 0:
            return v
        for d in range(digits, 18):
            rounded = float(f"{v:.{d}g}")
            if self.problem(rounded) is None:
                return rounded
        return v

    def check(self, value):
        """Return ``value`` as float (or float64 array) or raise ValueError naming the parameter."""
        if isinstance(value, (np.ndarray, list, tuple)):
            arr = np.asarray(value, dtype=np.float64) if _numeric(value) else None
            if arr is None or arr.ndim != 1:
                raise ValueError(translate("Params", "Invalid {0}: expected a number or a 1-D "
                                           "array").format(self.name))
            bad = self._out_of_range(arr)   # vectorised: a search checks 10^5 values at once
            if bad.any():
                raise ValueError(self.problem(arr[np.argmax(bad)]))
            return arr
        message = self.problem(value)
        if message:
            raise ValueError(message)
        return float(value)


    def _out_of_range(self, arr: np.ndarray) -> np.ndarray:
        """Where :meth:`problem` would object, element by element, shape of ``arr``."""
        with np.errstate(invalid="ignore"):
            bad = ~np.isfinite(arr)
            bad |= (arr <= self.low) if self.low_open else (arr < self.low)
            bad |= (arr >= self.high) if self.high_open else (arr > self.high)
            if self.integer:
                bad |= arr != np.round(arr)
        return bad


def _numeric(value) -> bool:
    try:
        return np.asarray(value).dtype.kind in "iuf"
    except (TypeError, ValueError):
        return False


def check_params(specs: Sequence[Param], values: Mapping[str, object] | None, owner: str) -> dict:
    """Fill defaults and check every value; raise ValueError naming the first bad one."""
    values = dict(values or {})
    known = {p.name for p in specs}
    unknown = [k for k in values if k not in known]
    if unknown:
        choices = ", ".join(sorted(known)) or translate("Params", "none")
        raise ValueError(translate("Params", "unknown parameter '{0}' for {1} (it takes: {2})")
                         .format(unknown[0], owner, choices))
    return {p.name: p.check(values.get(p.name, p.default)) for p in specs}


# characters that look like part of a number but are not: named in the message, since the
# text as shown ('1е5', '−1', '1\u200b') looks like a number to whoever typed it
_LOOKALIKES = {"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
               "\u0435": "e", "\u0415": "E", "\u00b7": ".", "\u066b": ".", "\u2024": "."}


def odd_character(text: str) -> str:
    """A description of the first character of ``text`` that has no place in a number typed in
    plain ASCII (an invisible or right-to-left mark, a minus sign or letter from another script,
    a superscript digit), e.g. ``'−' (U+2212 MINUS SIGN; type - instead)``; "" when there is
    none. Digits of other scripts ('٣', '１') are numbers to Python and are not named."""
    import unicodedata

    for c in text:
        if (c.isascii() and c.isprintable()) or c.isdecimal() or c.isspace():
            continue
        name = unicodedata.name(c, "")
        shown = repr(c) if not c.isprintable() else f"'{c}'"
        code = f"U+{ord(c):04X}{' ' + name if name else ''}"
        if c in _LOOKALIKES:
            return translate("Params", "{0} ({1}; type {2} instead)").format(
                shown, code, _LOOKALIKES[c])
        if c.isdigit():
            return translate("Params", "{0} ({1}; type plain digits)").format(shown, code)
        return f"{shown} ({code})"
    return ""


def parse_number(text: str, name: str) -> float:
    """Parse a user-typed number, raising ValueError with a message naming ``name``.

    Surrounding spaces are ignored and -0 is 0 (so it is never shown or saved as -0). A text
    that is not a number gets a message naming the character that spoils it when that
    character is invisible or only looks like part of a number (``odd_character``).
    """
    if not isinstance(text, str):
        raise ValueError(translate("Params", "Invalid {0}: {1} is not a number").format(
            name, repr(text)))
    if not text.strip():
        raise ValueError(translate("Params", "Invalid {0}: the value is empty").format(name))
    try:
        return float(text.strip()) + 0.0   # + 0.0: -0.0 becomes 0.0
    except ValueError:
        odd = odd_character(text)
        message = (translate("Params", "Invalid {0}: {1} is not a number: it holds {2}")
                   if odd else translate("Params", "Invalid {0}: {1} is not a number"))
        raise ValueError(message.format(name, repr(text), odd)) from None
