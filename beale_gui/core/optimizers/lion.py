"""Lion, "EvoLved Sign Momentum" (torch.optim has none).

Chen, Liang, Huang, Real, Wang, Pham, Dong, Luong, Hsieh, Lu, Le: "Symbolic Discovery of
Optimization Algorithms", NeurIPS 2023 (arXiv:2302.06675), Program 1. Reference
implementation: lucidrains/lion-pytorch (``lion_pytorch.Lion``, version 0.2.5), whose update
and defaults this follows (lr 1e-4, betas (0.9, 0.99), weight_decay 0)::

    w <- w * (1 - lr * weight_decay)
    c  = sign(beta1 * m + (1 - beta1) * g)
    w <- w - lr * c
    m <- beta2 * m + (1 - beta2) * g

The step of every axis is exactly ``lr`` (times the sign), whatever the gradient's size, so the
paper takes a rate 3-10 times smaller than AdamW's; weight decay is decoupled, as AdamW's. The
package's ``decoupled_weight_decay=True`` (decay divided by the initial rate) is not offered.
``sign(0) = 0``, as torch's ``sgn_``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import T1, At, Line, T, arg, num, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .base import OptimizerSpec, Step, _add, _lr, _mul, _nonzero, _operand, _sub

LION_BETA1 = Param("beta1", 0.9, 0.0, 1.0,
                   help=QT_TRANSLATE_NOOP("Params",
                                          "weight of the momentum against the gradient in the "
                                          "step's sign"))
LION_BETA2 = Param("beta2", 0.99, 0.0, 1.0,
                   help=QT_TRANSLATE_NOOP("Params", "decay of the momentum"))
LION_DECAY = Param("weight_decay", 0.0, 0.0, 1e3,
                   help=QT_TRANSLATE_NOOP("Params", "decoupled weight decay"))


class LionState(NamedTuple):
    exp_avg: np.ndarray             # the momentum m, (n, 2)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> LionState:
        return cls(np.zeros((n, 2)))


def float_sign(v: float) -> float:
    """numpy's ``sign`` of a float: -1.0, 0.0 (for either zero) or 1.0; NaN stays NaN."""
    if v > 0.0:
        return 1.0
    if v < 0.0:
        return -1.0
    return v if v != v else 0.0


def _lion_kernel(hp: Mapping) -> Step:
    wd = hp["weight_decay"]
    decays = _nonzero(wd)
    beta1, rest1, beta2, rest2 = (_operand(v) for v in (hp["beta1"], 1.0 - hp["beta1"],
                                                       hp["beta2"], 1.0 - hp["beta2"]))

    def step(w, g, state, lr, t, tmp, out):
        m = state.exp_avg
        c = _add(_mul(m, beta1, tmp[0]), _mul(g, rest1, tmp[1]), tmp[0])
        np.sign(c, out=c)
        if decays:
            w = _mul(w, 1.0 - lr * wd, out)
        _sub(w, _mul(c, lr, tmp[1]), out)
        _add(_mul(m, beta2, m), _mul(g, rest2, tmp[1]), m)

    return step


def _lion_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: weight_decay, beta1, beta2; st: m. The sign as float_sign's (NaN stays NaN)
    wd, beta1, beta2 = hp[0], hp[1], hp[2]
    rest1, rest2 = 1.0 - beta1, 1.0 - beta2
    mx, my = st[0], st[1]
    cx, cy = mx * beta1 + gx * rest1, my * beta1 + gy * rest1
    cx = 1.0 if cx > 0.0 else -1.0 if cx < 0.0 else cx if cx != cx else 0.0
    cy = 1.0 if cy > 0.0 else -1.0 if cy < 0.0 else cy if cy != cy else 0.0
    if wd != 0.0:
        keep = 1.0 - lr * wd
        x, y = x * keep, y * keep
    st[0], st[1] = mx * beta2 + gx * rest2, my * beta2 + gy * rest2
    return x - cx * lr, y - cy * lr


def _lion_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["weight_decay"], hp["beta1"], hp["beta2"])


def _lion_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    b1, b2, wd = at.hp["beta1"], at.hp["beta2"], at.hp["weight_decay"]
    m, m1, g, c = sub("m", T), sub("m", T1), sub("g", T), sub("c", T)
    w1 = sub("w", T1)
    B1, B2 = "β<sub>1</sub>", "β<sub>2</sub>"
    decay = f" − {at.eta} λ {w1}" if wd else ""
    rule = (f"{c} = sign({B1} {m1} + (1 − {B1}) {g})",
            f"{sub('w', T)} = {w1}{decay} − {at.eta} {c}",
            f"{m} = {B2} {m1} + (1 − {B2}) {g}")
    meaning = translate("Explain", "momentum: a running mean of the gradient")
    if at.t == 0:
        return rule, [at.initial("m", "exp_avg", meaning)]
    m0, mt, gt = at.prev("exp_avg"), at.cur("exp_avg"), at.g
    signs = np.sign(m0 * b1 + gt * (1.0 - b1))
    lines = [
        at.axes(c, f"sign({B1} {m1} + (1 − {B1}) {g})",
                lambda a: f"sign({num(b1)} × {arg(m0[a])} + {num(1.0 - b1)} × {arg(gt[a])})",
                signs, translate("Explain", "direction of the step: the sign of a mix of the "
                                            "momentum and the gradient")),
        at.axes(m, f"{B2} {m1} + (1 − {B2}) {g}",
                lambda a: f"{num(b2)} × {arg(m0[a])} + {num(1.0 - b2)} × {arg(gt[a])}", mt,
                meaning),
    ]
    if wd:
        lines.append(at.step_line(
            f"−{at.eta} λ {w1} − {at.eta} {c}",
            lambda a: (f"−{arg(at.lr)} × {arg(wd)} × {arg(at.w0[a])} − {arg(at.lr)} × "
                       f"{arg(signs[a])}")))
    else:
        lines.append(at.step_line(f"−{at.eta} {c}",
                                  lambda a: f"−{arg(at.lr)} × {arg(signs[a])}"))
    return rule, lines


SPECS = (
    OptimizerSpec("lion", "Lion", (_lr(1e-4), LION_BETA1, LION_BETA2, LION_DECAY), LionState,
                  _lion_kernel, None, coupled_decay=False, moment="exp_avg",
                  scalar_kernel=_lion_scalar, scalar_hp=_lion_hp,
                  explain=_lion_explain,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Sign of a momentum mix: every axis steps by "
                                                "exactly lr (Chen et al. 2023)")),
)
