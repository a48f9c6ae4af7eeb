"""Adadelta: step sizes from the running RMS of updates over that of gradients
(``torch.optim.Adadelta``)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import T1, At, Line, T, arg, num, squared, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .base import (
    WEIGHT_DECAY,
    OptimizerSpec,
    Step,
    _decayer,
    _eps,
    _lr,
    _sub,
)

RHO = Param("rho", 0.9, 0.0, 1.0, high_open=True,
            help=QT_TRANSLATE_NOOP("Params", "decay of the running averages"))


class AdadeltaState(NamedTuple):
    square_avg: np.ndarray          # of squared gradients, (n, 2)
    acc_delta: np.ndarray           # of squared updates, (n, 2)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> AdadeltaState:
        return cls(np.zeros((n, 2)), np.zeros((n, 2)))


def _adadelta_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)
    rho, eps = hp["rho"], hp["eps"]
    rest = 1.0 - rho

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        sq, acc = state.square_avg, state.acc_delta
        sq *= rho
        sq += rest * (g * g)
        delta = np.sqrt(acc + eps) / np.sqrt(sq + eps) * g
        acc *= rho
        acc += rest * (delta * delta)
        _sub(w, lr * delta, out)

    return step


def _adadelta_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: rho, eps; st: square_avg, acc_delta
    rho, eps = hp[0], hp[1]
    rest = 1.0 - rho
    sx, sy = st[0] * rho + rest * (gx * gx), st[1] * rho + rest * (gy * gy)
    dx = math.sqrt(st[2] + eps) / math.sqrt(sx + eps) * gx
    dy = math.sqrt(st[3] + eps) / math.sqrt(sy + eps) * gy
    st[0], st[1] = sx, sy
    st[2], st[3] = st[2] * rho + rest * (dx * dx), st[3] * rho + rest * (dy * dy)
    return x - lr * dx, y - lr * dy


def _adadelta_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["rho"], hp["eps"])


def _adadelta_eff(state, hp, lr, t):
    # acc_delta as it was before the update (effective_lr_previous): the one the step used
    eps = hp["eps"]
    return lr * (np.sqrt(state.acc_delta + eps) / np.sqrt(state.square_avg + eps))


def _adadelta_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    # torch.optim.Adadelta: v is square_avg, u acc_delta, δ its Δx (the rescaled gradient)
    rho, eps = at.hp["rho"], at.hp["eps"]
    v, v1, u, u1, g, d = (sub("v", T), sub("v", T1), sub("u", T), sub("u", T1), sub("g", T),
                          sub("δ", T))
    rule = (f"{v} = ρ {v1} + (1 − ρ) {g}<sup>2</sup>",
            f"{d} = √({u1} + ε) / √({v} + ε) {g}",
            f"{u} = ρ {u1} + (1 − ρ) {d}<sup>2</sup>",
            f"{sub('w', T)} = {sub('w', T1)} − {at.eta} {d}")
    mean = translate("Explain", "moving mean of the squared gradients")
    updates = translate("Explain", "moving mean of the squared updates")
    if at.t == 0:
        return rule, [at.initial("v", "square_avg", mean), at.initial("u", "acc_delta", updates)]
    gt, v_after = at.g, at.cur("square_avg")
    u_before, u_after = at.prev("acc_delta"), at.cur("acc_delta")
    delta = np.sqrt(u_before + eps) / np.sqrt(v_after + eps) * gt       # the kernels' delta

    def ratio(a: int) -> str:
        return f"√({num(u_before[a])} + {arg(eps)}) / √({num(v_after[a])} + {arg(eps)})"

    return rule, [
        at.axes(v, f"ρ {v1} + (1 − ρ) {g}<sup>2</sup>",
                lambda a: f"{num(rho)} × {arg(at.prev('square_avg')[a])} + {num(1.0 - rho)} × "
                          f"{squared(gt[a])}", v_after, mean),
        at.eff_line(f"{at.eta} √({u1} + ε) / √({v} + ε)",
                    lambda a: f"{num(at.lr)} × {ratio(a)}"),
        at.axes(d, f"√({u1} + ε) / √({v} + ε) {g}", lambda a: f"{ratio(a)} × {arg(gt[a])}",
                delta, translate("Explain", "the gradient rescaled by the ratio of the two means")),
        at.axes(u, f"ρ {u1} + (1 − ρ) {d}<sup>2</sup>",
                lambda a: f"{num(rho)} × {arg(u_before[a])} + {num(1.0 - rho)} × "
                          f"{squared(delta[a])}", u_after, updates),
        at.step_line(f"−{at.eta} {d}", lambda a: f"−{arg(at.lr)} × {arg(delta[a])}"),
    ]


SPECS = (
    OptimizerSpec("adadelta", "Adadelta", (_lr(1.0), RHO, _eps(1e-6), WEIGHT_DECAY),
                  AdadeltaState, _adadelta_kernel, None, effective_lr=_adadelta_eff,
                  scalar_kernel=_adadelta_scalar, scalar_hp=_adadelta_hp,
                  effective_lr_state=("square_avg", "acc_delta"),
                  effective_lr_scales="gradient", effective_lr_previous=("acc_delta",),
                  explain=_adadelta_explain,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Step sizes from the ratio of running RMS of "
                                                "updates and gradients")),
)
