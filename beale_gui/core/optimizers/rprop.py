"""Rprop: a step of its own size per axis, grown while the gradient keeps its sign and cut when
it flips (``torch.optim.Rprop``; Riedmiller and Braun 1993).

Only the sign of the gradient moves the point: each axis steps by its ``step_size`` against the
sign. torch starts every step size at ``lr`` and then ignores ``lr``: a learning-rate schedule
changes nothing after the first step (as in torch). Where the sign flipped, the step size is
multiplied by ``etaminus``, the axis does not move this step and the gradient is remembered as
0 (so the next step neither grows nor cuts it); where it kept its sign, by ``etaplus``; both
clamped to ``[step_size_min, step_size_max]`` (torch's ``clamp_``: the maximum where the
minimum exceeds it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import T1, At, Line, T, arg, num, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .base import OptimizerSpec, Step, _lr, _mul, _operand, _sub

ETAMINUS = Param("etaminus", 0.5, 0.0, 1.0, low_open=True, high_open=True,
                 help=QT_TRANSLATE_NOOP("Params", "factor of an axis's step size when its "
                                                  "gradient changes sign"))
ETAPLUS = Param("etaplus", 1.2, 1.0, 1e3, low_open=True,
                help=QT_TRANSLATE_NOOP("Params", "factor of an axis's step size when its "
                                                 "gradient keeps its sign"))
STEP_SIZE_MIN = Param("step_size_min", 1e-6, 0.0, 1e6, log=True,
                      help=QT_TRANSLATE_NOOP("Params", "smallest step size"))
STEP_SIZE_MAX = Param("step_size_max", 50.0, 0.0, 1e6, low_open=True, log=True,
                      help=QT_TRANSLATE_NOOP("Params", "largest step size"))


class RpropState(NamedTuple):
    prev: np.ndarray                # the last gradient, 0 on an axis whose sign flipped
    step_size: np.ndarray           # per axis, starts at lr

    @classmethod
    def init(cls, n: int, hp: Mapping) -> RpropState:
        size = np.empty((n, 2))
        size[...] = hp["lr"]
        return cls(np.zeros((n, 2)), size)


def _sign(a: np.ndarray) -> np.ndarray:
    """torch.sign: 1, -1 or 0, and 0 for NaN (numpy's sign keeps NaN)."""
    return np.greater(a, 0.0).astype(np.float64) - np.less(a, 0.0)


def _float_sign(a: float) -> float:
    return 1.0 if a > 0.0 else -1.0 if a < 0.0 else 0.0


def _rprop_kernel(hp: Mapping) -> Step:
    etaminus, etaplus = _operand(hp["etaminus"]), _operand(hp["etaplus"])
    low, high = _operand(hp["step_size_min"]), _operand(hp["step_size_max"])

    def step(w, g, state, lr, t, tmp, out):
        prev, size = state.prev, state.step_size
        product = _mul(g, prev, tmp[0])
        flipped = product < 0.0
        factor = np.where(product > 0.0, etaplus, np.where(flipped, etaminus, 1.0))
        _mul(size, factor, size)
        np.minimum(np.maximum(size, low, out=size), high, out=size)    # torch's clamp_
        np.copyto(prev, g)
        prev[flipped] = 0.0
        _sub(w, _mul(_sign(prev), size, tmp[1]), out)

    return step


def _rprop_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: etaminus, etaplus, step_size_min, step_size_max; st: prev, step_size. Each axis:
    # the new step size and remembered gradient, then a step against the remembered sign
    etaminus, etaplus, low, high = hp[0], hp[1], hp[2], hp[3]
    for a in range(2):
        g = gx if a == 0 else gy
        product, size = g * st[a], st[a + 2]
        if product > 0.0:
            size = size * etaplus
        elif product < 0.0:
            size, g = size * etaminus, 0.0
        else:
            size = size * 1.0
        if size < low:                      # np.maximum and np.minimum: NaN stays NaN
            size = low
        if size > high:
            size = high
        st[a], st[a + 2] = g, size
    px, py = st[0], st[1]
    sx = 1.0 if px > 0.0 else -1.0 if px < 0.0 else 0.0         # _float_sign
    sy = 1.0 if py > 0.0 else -1.0 if py < 0.0 else 0.0
    return x - sx * st[2], y - sy * st[3]


def _rprop_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["etaminus"], hp["etaplus"], hp["step_size_min"], hp["step_size_max"])


def _rprop_eff(state, hp, lr, t):
    """The step size over the gradient's size (the step is -step_size * sign(g)), 0 where the
    axis did not move (its sign flipped, or its gradient was 0)."""
    prev = np.abs(state.prev)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(prev != 0.0, state.step_size / prev, 0.0)


# -- explained ----------------------------------------------------------------------------------

G_KEPT = "g′"                      # the gradient remembered: 0 where the sign flipped


def _rprop_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    etaminus, etaplus = at.hp["etaminus"], at.hp["etaplus"]
    low, high = at.hp["step_size_min"], at.hp["step_size_max"]
    s, s1, g = sub("s", T), sub("s", T1), sub("g", T)
    kept, kept1 = sub(G_KEPT, T), sub(G_KEPT, T1)
    sigma = sub("σ", T)
    rule = (f"{sigma} = sign({g} {kept1})",
            f"{s} = min(max(η<sup>{sigma}</sup> {s1}, s<sub>min</sub>), s<sub>max</sub>),   "
            "η<sup>+1</sup> = η<sup>+</sup>,  η<sup>−1</sup> = η<sup>−</sup>,  η<sup>0</sup> = 1",
            f"{kept} = {g} [{sigma} ≠ −1]",
            f"{sub('w', T)} = {sub('w', T1)} − {s} sign({kept})")
    size_meaning = translate("Explain", "step size of each axis")
    kept_meaning = translate("Explain", "the gradient remembered: 0 where its sign flipped")
    if at.t == 0:
        return rule, [at.initial(G_KEPT, "prev", kept_meaning),
                      at.initial("s", "step_size", size_meaning, "η")]
    g_now, before, size0, size = at.g, at.prev("prev"), at.prev("step_size"), at.cur("step_size")
    remembered = at.cur("prev")

    def grown(a: int) -> str:
        product = g_now[a] * before[a]
        factor = etaplus if product > 0 else etaminus if product < 0 else 1.0
        unclamped = size0[a] * factor
        if unclamped < low:
            return num(low)
        if unclamped > high:
            return num(high)
        return f"{num(factor)} × {arg(size0[a])}"

    def rate(a: int) -> str:
        return f"{num(size[a])} / {arg(abs(remembered[a]))}" if remembered[a] != 0 else "0"

    def moved(a: int) -> str:
        return f"−{arg(size[a])} × {arg(_float_sign(remembered[a]))}"

    return rule, [
        at.axes(s, f"min(max(η<sup>{sigma}</sup> {s1}, s<sub>min</sub>), s<sub>max</sub>)",
                grown, size, size_meaning),
        at.axes(kept, f"{g} [{sigma} ≠ −1]", lambda a: num(remembered[a]), remembered,
                kept_meaning),
        at.eff_line(f"{s} / |{kept}|", rate),
        at.step_line(f"−{s} sign({kept})", moved),
    ]


SPECS = (
    OptimizerSpec("rprop", "Rprop", (_lr(0.01, QT_TRANSLATE_NOOP(
                      "Params", "initial step size of each axis")), ETAMINUS, ETAPLUS,
                      STEP_SIZE_MIN, STEP_SIZE_MAX),
                  RpropState, _rprop_kernel, None, n_tmp=2, effective_lr=_rprop_eff,
                  scalar_kernel=_rprop_scalar, scalar_hp=_rprop_hp,
                  effective_lr_state=("prev", "step_size"), effective_lr_scales="gradient",
                  explain=_rprop_explain, pauses=True,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Steps by the gradient's sign only: each axis's "
                                                "step grows while the sign holds, shrinks when "
                                                "it flips")),
)
