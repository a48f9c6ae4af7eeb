"""Adamax: Adam with the infinity norm in place of the second moment (``torch.optim.Adamax``;
Kingma & Ba 2015, "Adam: A Method for Stochastic Optimization", section 7.1).

torch's update, with coupled weight decay ``g = g + weight_decay * w``::

    m = lerp(m, g, 1 - beta1)                      (m + (g - m) * (1 - beta1))
    u = max(beta2 * u, |g| + eps)                  (torch's exp_inf)
    w = w - lr / (1 - beta1**t) * m / u

Only the first moment is bias-corrected: ``u`` starts at the first ``|g| + eps`` and needs none.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import ETA_EFF, T1, At, Line, T, arg, num, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .adam import B1, B2, BETA1, C1, M1, M, _correction, first_moment
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
    _sub,
    step_power,
)

BETA2 = Param("beta2", 0.999, 0.0, 1.0, high_open=True,
              help=QT_TRANSLATE_NOOP("Params", "decay of the infinity norm"))


class AdamaxState(NamedTuple):
    exp_avg: np.ndarray             # m, (n, 2)
    exp_inf: np.ndarray             # u, the exponentially weighted infinity norm, (n, 2)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> AdamaxState:
        return cls(np.zeros((n, 2)), np.zeros((n, 2)))


def _adamax_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)
    beta1 = hp["beta1"]
    beta2, eps = _operand(hp["beta2"]), _operand(hp["eps"])
    first = first_moment(hp)

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        first(g, state.exp_avg, tmp[1])
        u = state.exp_inf
        _mul(u, beta2, u)
        np.maximum(u, _add(np.abs(g, tmp[1]), eps, tmp[1]), out=u)
        clr = lr / (1.0 - beta1 ** t)
        _sub(w, _mul(_div(state.exp_avg, u, tmp[1]), clr, tmp[1]), out)

    return step


def _adamax_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: beta1, beta2, eps; st: m, u (exp_inf)
    beta1, beta2, eps = hp[0], hp[1], hp[2]
    rest1 = 1.0 - beta1
    mx, my = st[0] + (gx - st[0]) * rest1, st[1] + (gy - st[1]) * rest1
    ux, uy = st[2] * beta2, st[3] * beta2
    ax, ay = abs(gx) + eps, abs(gy) + eps
    if ax > ux or ax != ax:                    # np.maximum: NaN when either is NaN
        ux = ax
    if ay > uy or ay != ay:
        uy = ay
    st[0], st[1], st[2], st[3] = mx, my, ux, uy
    clr = lr / (1.0 - math.pow(beta1, float(t)))
    return x - (mx / ux) * clr, y - (my / uy) * clr


def _adamax_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["beta1"], hp["beta2"], hp["eps"])


def _adamax_eff(state, hp, lr, t):
    return lr / (1.0 - step_power(hp["beta1"], t)) / state.exp_inf


# -- explained ----------------------------------------------------------------------------------

U, U1 = sub("u", T), sub("u", T1)


def _adamax_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    b1, b2, eps, g = at.hp["beta1"], at.hp["beta2"], at.hp["eps"], at.g
    w, w1 = sub("w", T), sub("w", T1)
    first = translate("Explain", "first moment: a running mean of the gradient")
    norm = translate("Explain", "infinity norm: a decaying maximum of |g|")
    rule = (f"{M} = {B1} {M1} + (1 − {B1}) {sub('g', T)}",
            f"{U} = max({B2} {U1}, |{sub('g', T)}| + ε)",
            f"{w} = {w1} − {at.eta} / ({C1}) · {M} / {U}")
    if at.t == 0:
        return rule, [at.initial("m", "exp_avg", first), at.initial("u", "exp_inf", norm)]
    m0, m, u0, u = at.prev("exp_avg"), at.cur("exp_avg"), at.prev("exp_inf"), at.cur("exp_inf")
    c1, line1 = _correction(at, 1)
    return rule, [
        at.axes(M, f"{B1} {M1} + (1 − {B1}) {sub('g', T)}",
                lambda a: f"{num(b1)} × {arg(m0[a])} + {num(1.0 - b1)} × {arg(g[a])}", m,
                first),
        at.axes(U, f"max({B2} {U1}, |{sub('g', T)}| + ε)",
                lambda a: f"max({num(b2)} × {arg(u0[a])}, {num(abs(g[a]))} + {arg(eps)})", u,
                norm),
        line1,
        at.eff_line(f"{at.eta} / ({C1}) / {U}",
                    lambda a: f"{num(at.lr)} / {arg(c1)} / {arg(u[a])}"),
        at.step_line(f"−{ETA_EFF} {M}", lambda a: f"−{arg(at.eff[a])} × {arg(m[a])}"),
    ]


SPECS = (
    OptimizerSpec("adamax", "Adamax", (_lr(0.002), BETA1, BETA2, _eps(1e-8), WEIGHT_DECAY),
                  AdamaxState, _adamax_kernel, None, moment="exp_avg", scalar_kernel=_adamax_scalar,
                  scalar_hp=_adamax_hp,
                  effective_lr=_adamax_eff, effective_lr_state=("exp_inf",),
                  effective_lr_scales="moment", explain=_adamax_explain, n_tmp=2,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Adam with the infinity norm: steps bounded by "
                                                "the learning rate")),
)
