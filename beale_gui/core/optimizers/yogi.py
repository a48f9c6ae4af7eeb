"""Yogi (torch.optim has none).

Zaheer, Reddi, Sachan, Kale, Kumar: "Adaptive Methods for Nonconvex Optimization", NeurIPS
2018, Algorithm 2. Reference implementation: the authors' in TensorFlow Addons
(``tfa.optimizers.Yogi``) as ported to PyTorch by jettify/pytorch-optimizer
(``torch_optimizer.Yogi``, version 0.3.0), whose update and defaults this follows (lr 0.01,
betas (0.9, 0.999), eps 1e-3, initial_accumulator 1e-6 for both moments, weight_decay 0 added
to the gradient as in torch's Adam)::

    m <- beta1 * m + (1 - beta1) * g
    v <- v - (1 - beta2) * sign(v - g^2) * g^2
    w <- w - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)

Adam's second moment moves towards g^2 by a fraction (1 - beta2) of their *difference*; Yogi's
by (1 - beta2) g^2 in the direction of g^2, an additive change that cannot shrink v as fast
when the gradients suddenly grow, so the effective rate does not jump. The paper's Algorithm 2
has no bias corrections; the reference implementation (and so this) keeps Adam's. Where the
PyTorch port differs from TensorFlow Addons' (the authors'), this follows the port, whose numbers
the tests can compare: m starts at initial_accumulator as v does (TFA: m at 0), so a run drifts
on a flat surface by lr * 1e-6-sized steps; eps is added to sqrt(v) / sqrt(1 - beta2^t) (TFA:
to sqrt(v), the rate times sqrt(1 - beta2^t)); weight decay is torch's coupled L2 (TFA: l1 / l2
proximal steps).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import ETA_EFF, T1, At, Line, T, arg, num, squared, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .adam import BETA1, BETA2, C1, C2, _adam_eff, _correction
from .base import (
    WEIGHT_DECAY,
    OptimizerSpec,
    Step,
    _add,
    _decayer,
    _div,
    _eps,
    _lr,
    _mul,
    _operand,
    _sqrt,
    _sqrt_of,
    _sub,
)

INITIAL_ACCUMULATOR = Param("initial_accumulator", 1e-6, 0.0, 1e6,
                            help=QT_TRANSLATE_NOOP("Params",
                                                   "starting value of both moments"))


class YogiState(NamedTuple):
    exp_avg: np.ndarray             # m, (n, 2)
    exp_avg_sq: np.ndarray          # v, (n, 2)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> YogiState:
        m, v = np.empty((n, 2)), np.empty((n, 2))
        m[...] = hp["initial_accumulator"]
        v[...] = hp["initial_accumulator"]
        return cls(m, v)


def _yogi_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)
    beta1, beta2 = hp["beta1"], hp["beta2"]
    keep1, rest1, rest2, eps = (_operand(v) for v in (beta1, 1.0 - beta1, 1.0 - beta2,
                                                      hp["eps"]))

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        m, v = state.exp_avg, state.exp_avg_sq
        _add(_mul(m, keep1, m), _mul(g, rest1, tmp[1]), m)
        g2 = _mul(g, g, tmp[1])
        direction = np.sign(_sub(v, g2, tmp[2]), out=tmp[2])
        _sub(v, _mul(_mul(direction, g2, tmp[2]), rest2, tmp[2]), v)
        step_size = lr / (1.0 - beta1 ** t)
        root = _sqrt_of(1.0 - beta2 ** t)
        denom = _add(_div(_sqrt(v, tmp[1]), root, tmp[1]), eps, tmp[1])
        _sub(w, _mul(_div(m, denom, denom), step_size, denom), out)

    return step


def _yogi_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: beta1, beta2, eps; st: m, v. The sign as float_sign's (NaN stays NaN)
    beta1, beta2, eps = hp[0], hp[1], hp[2]
    rest1, rest2 = 1.0 - beta1, 1.0 - beta2
    mx, my = st[0] * beta1 + gx * rest1, st[1] * beta1 + gy * rest1
    qx, qy = gx * gx, gy * gy
    vx, vy = st[2], st[3]
    sx, sy = vx - qx, vy - qy
    sx = 1.0 if sx > 0.0 else -1.0 if sx < 0.0 else sx if sx != sx else 0.0
    sy = 1.0 if sy > 0.0 else -1.0 if sy < 0.0 else sy if sy != sy else 0.0
    vx = vx - (sx * qx) * rest2
    vy = vy - (sy * qy) * rest2
    st[0], st[1], st[2], st[3] = mx, my, vx, vy
    step_size = lr / (1.0 - math.pow(beta1, float(t)))
    root = math.sqrt(1.0 - math.pow(beta2, float(t)))
    dx, dy = math.sqrt(vx) / root + eps, math.sqrt(vy) / root + eps
    return x - (mx / dx) * step_size, y - (my / dy) * step_size


def _yogi_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["beta1"], hp["beta2"], hp["eps"])


def _yogi_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    b1, b2, eps = at.hp["beta1"], at.hp["beta2"], at.hp["eps"]
    m, m1, v, v1, g = sub("m", T), sub("m", T1), sub("v", T), sub("v", T1), sub("g", T)
    B1, B2 = "β<sub>1</sub>", "β<sub>2</sub>"
    v_rule = f"{v1} − (1 − {B2}) sign({v1} − {g}<sup>2</sup>) {g}<sup>2</sup>"
    rule = (f"{m} = {B1} {m1} + (1 − {B1}) {g}",
            f"{v} = {v_rule}",
            f"{sub('w', T)} = {sub('w', T1)} − {at.eta} {m} / ({C1}) / (√{v} / √({C2}) + ε)")
    first = translate("Explain", "first moment: a running mean of the gradient")
    second = translate("Explain", "second moment: moves towards the squared gradient by a "
                                  "fixed fraction of it")
    if at.t == 0:
        start = num(at.hp["initial_accumulator"])
        return rule, [at.initial("m", "exp_avg", first, start),
                      at.initial("v", "exp_avg_sq", second, start)]
    m0, mt, v0, vt, gt = (at.prev("exp_avg"), at.cur("exp_avg"), at.prev("exp_avg_sq"),
                          at.cur("exp_avg_sq"), at.g)
    c1, line1 = _correction(at, 1)
    c2, line2 = _correction(at, 2)
    return rule, [
        at.axes(m, f"{B1} {m1} + (1 − {B1}) {g}",
                lambda a: f"{num(b1)} × {arg(m0[a])} + {num(1.0 - b1)} × {arg(gt[a])}", mt,
                first),
        at.axes(v, v_rule,
                lambda a: (f"{num(v0[a])} − {num(1.0 - b2)} × sign({num(v0[a])} − "
                           f"{squared(gt[a])}) × {squared(gt[a])}"), vt, second),
        line1, line2,
        at.eff_line(f"{at.eta} / ({C1}) / (√{v} / √({C2}) + ε)",
                    lambda a: f"{num(at.lr)} / {arg(c1)} / (√{arg(vt[a])} / √{arg(c2)} + "
                              f"{arg(eps)})"),
        at.step_line(f"−{ETA_EFF} {m}", lambda a: f"−{arg(at.eff[a])} × {arg(mt[a])}"),
    ]


SPECS = (
    OptimizerSpec("yogi", "Yogi", (_lr(0.01), BETA1, BETA2, _eps(1e-3), INITIAL_ACCUMULATOR,
                                   WEIGHT_DECAY),
                  YogiState, _yogi_kernel, None, moment="exp_avg", scalar_kernel=_yogi_scalar,
                  scalar_hp=_yogi_hp,
                  effective_lr=_adam_eff, effective_lr_state=("exp_avg_sq",),
                  effective_lr_scales="moment", explain=_yogi_explain,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Adam whose second moment changes additively, by "
                                                "the sign of v - g^2 (Zaheer et al. 2018)")),
)
