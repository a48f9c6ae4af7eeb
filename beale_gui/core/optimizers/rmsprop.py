"""RMSprop: Adagrad with a moving mean of g^2 instead of the sum (``torch.optim.RMSprop``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import ETA_EFF, T1, At, Line, T, arg, num, squared, sub
from ..i18n import translate
from ..params import Param
from .base import (
    WEIGHT_DECAY,
    FloatStep,
    Log,
    OptimizerSpec,
    Step,
    _add,
    _decayer,
    _div,
    _eps,
    _float_sqrt,
    _lr,
    _mul,
    _nonzero,
    _operand,
    _sqrt,
    _sub,
)

ALPHA = Param("alpha", 0.99, 0.0, 1.0, high_open=True, help="decay of the mean square")
MOMENTUM = Param("momentum", 0.0, 0.0, 1.0, high_open=True, help="momentum factor")


class RMSpropState(NamedTuple):
    square_avg: np.ndarray          # (n, 2)
    velocity: np.ndarray            # torch's momentum_buffer, or g / avg without momentum

    @classmethod
    def init(cls, n: int, hp: Mapping) -> RMSpropState:
        return cls(np.zeros((n, 2)), np.zeros((n, 2)))


def _rmsprop_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)
    alpha, eps, momentum = hp["alpha"], _operand(hp["eps"]), hp["momentum"]
    rest, alpha = _operand(1.0 - alpha), _operand(alpha)
    with_momentum = _nonzero(momentum)
    momentum = _operand(momentum)

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        sq, buf = state.square_avg, state.velocity
        _mul(sq, alpha, sq)
        _add(sq, _mul(_mul(g, rest, tmp[1]), g, tmp[1]), sq)  # sq += (1 - alpha) * g * g
        avg = _add(_sqrt(sq, tmp[1]), eps, tmp[1])
        if with_momentum:
            _mul(buf, momentum, buf)
            _add(buf, _div(g, avg, tmp[2]), buf)
        else:
            _div(g, avg, buf)
        _sub(w, _mul(buf, lr, tmp[2]), out)       # w - lr * (g / avg), or w - lr * buf

    return step


def _rmsprop_float(hp: Mapping, state: RMSpropState, log: Log) -> FloatStep:
    alpha, eps, momentum = hp["alpha"], hp["eps"], hp["momentum"]
    rest = 1.0 - alpha
    sx, sy = state.square_avg
    bx, by = state.velocity

    def step(x, y, gx, gy, lr, t):
        nonlocal sx, sy, bx, by
        sx, sy = sx * alpha + (gx * rest) * gx, sy * alpha + (gy * rest) * gy
        if momentum != 0.0:
            bx = bx * momentum + gx / (_float_sqrt(sx) + eps)
            by = by * momentum + gy / (_float_sqrt(sy) + eps)
        else:
            bx, by = gx / (_float_sqrt(sx) + eps), gy / (_float_sqrt(sy) + eps)
        if log is not None:
            log((sx, sy, bx, by))
        return x - bx * lr, y - by * lr

    return step


def _rmsprop_eff(state, hp, lr, t):
    return lr / (np.sqrt(state.square_avg) + hp["eps"])


def _rmsprop_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    # torch.optim.RMSprop: v is square_avg, b the momentum_buffer
    mu, alpha, eps = at.hp["momentum"], at.hp["alpha"], at.hp["eps"]
    v, v1, g, b, b1 = sub("v", T), sub("v", T1), sub("g", T), sub("b", T), sub("b", T1)
    normalized = f"{g} / (√{v} + ε)"
    rule = [f"{v} = α {v1} + (1 − α) {g}<sup>2</sup>"]
    if mu:
        rule += [f"{b} = μ {b1} + {normalized}", f"{sub('w', T)} = {sub('w', T1)} − {at.eta} {b}"]
    else:
        rule.append(f"{sub('w', T)} = {sub('w', T1)} − {at.eta} {normalized}")
    mean = translate("Explain", "moving mean of the squared gradients")
    buffer = translate("Explain", "momentum buffer: a decaying sum of normalized gradients")
    if at.t == 0:
        return tuple(rule), [at.initial("v", "square_avg", mean),
                             *([at.initial("b", "velocity", buffer)] if mu else [])]
    gt, before, after = at.g, at.prev("square_avg"), at.cur("square_avg")
    lines = [
        at.axes(v, f"α {v1} + (1 − α) {g}<sup>2</sup>",
                lambda a: f"{num(alpha)} × {arg(before[a])} + {num(1.0 - alpha)} × "
                          f"{squared(gt[a])}", after, mean),
        at.eff_line(f"{at.eta} / (√{v} + ε)",
                    lambda a: f"{num(at.lr)} / (√{arg(after[a])} + {arg(eps)})"),
    ]
    if mu:
        b_before, b_after = at.prev("velocity"), at.cur("velocity")
        lines += [
            at.axes(b, f"μ {b1} + {normalized}", lambda a: (
                f"{num(mu)} × {arg(b_before[a])} + {arg(gt[a])} / (√{arg(after[a])} + "
                f"{arg(eps)})"), b_after, buffer),
            at.step_line(f"−{at.eta} {b}", lambda a: f"−{arg(at.lr)} × {arg(b_after[a])}"),
        ]
    else:
        lines.append(at.step_line(f"−{ETA_EFF} {g}",
                                  lambda a: f"−{arg(at.eff[a])} × {arg(gt[a])}"))
    return tuple(rule), lines


SPECS = (
    OptimizerSpec("rmsprop", "RMSprop", (_lr(0.01), ALPHA, _eps(1e-8), MOMENTUM, WEIGHT_DECAY),
                  RMSpropState, _rmsprop_kernel, _rmsprop_float, moment="velocity",
                  effective_lr=_rmsprop_eff, effective_lr_state=("square_avg",),
                  effective_lr_scales="gradient", explain=_rmsprop_explain,
                  description="lr / sqrt(moving mean of g^2): Adagrad that forgets"),
)
