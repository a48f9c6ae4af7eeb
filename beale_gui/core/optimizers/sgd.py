"""Gradient descent, its stochastic form, momentum and Nesterov momentum (``torch.optim.SGD``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import T1, At, Line, T, arg, num, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .base import (
    WEIGHT_DECAY,
    NoState,
    OptimizerSpec,
    Step,
    _add,
    _decayer,
    _lr,
    _mul,
    _nonzero,
    _operand,
    _sub,
)

_SEED_LR = QT_TRANSLATE_NOOP("Params",
                             "learning rate (0.01, the seed's; torch's SGD default is 0.001)")
MOMENTUM = Param("momentum", 0.9, 0.0, 1.0, high_open=True,
                 help=QT_TRANSLATE_NOOP("Params",
                                        "momentum factor (0.9, the seed's; torch's default 0 is "
                                        "plain GD)"))
DAMPENING = Param("dampening", 0.0, 0.0, 1.0,
                  help=QT_TRANSLATE_NOOP("Params", "dampening for momentum"))


class MomentumState(NamedTuple):
    velocity: np.ndarray            # torch's momentum_buffer, (n, 2)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> MomentumState:
        return cls(np.zeros((n, 2)))


# -- gradient descent ---------------------------------------------------------------------------

def _gd_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        _sub(w, _mul(g, lr, tmp[1]), out)        # w - lr * g

    return step


def _gd_scalar(x, y, gx, gy, lr, t, hp, st):
    return x - gx * lr, y - gy * lr


def _no_hp(hp: Mapping) -> tuple[float, ...]:
    return ()


# -- momentum -----------------------------------------------------------------------------------

def _momentum_kernel(hp: Mapping, nesterov: bool = False) -> Step:
    # torch.optim.SGD: buf = g at the first step, then buf = momentum * buf + (1 - dampening) * g
    decayed = _decayer(hp)
    momentum = _operand(hp["momentum"])
    dampening = hp.get("dampening", 0.0)     # nesterov has none, as in torch
    keep = _operand(1.0 - dampening) if _nonzero(dampening) else None

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        buf = state.velocity
        if t == 1:
            buf[...] = g
        else:
            _mul(buf, momentum, buf)
            _add(buf, g if keep is None else _mul(g, keep, tmp[1]), buf)
        direction = buf
        if nesterov:                             # g + momentum * buf
            direction = _add(g, _mul(buf, momentum, tmp[1]), tmp[1])
        _sub(w, _mul(direction, lr, tmp[2]), out)

    return step


def _nesterov_kernel(hp: Mapping) -> Step:
    return _momentum_kernel(hp, nesterov=True)


def _momentum_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: momentum, 1 - dampening, whether dampening is on, whether Nesterov's; st: velocity
    momentum, keep = hp[0], hp[1]
    if t == 1:
        bx, by = gx, gy
    elif hp[2] == 0.0:
        bx, by = st[0] * momentum + gx, st[1] * momentum + gy
    else:
        bx, by = st[0] * momentum + gx * keep, st[1] * momentum + gy * keep
    st[0], st[1] = bx, by
    if hp[3] != 0.0:
        return x - (gx + bx * momentum) * lr, y - (gy + by * momentum) * lr
    return x - bx * lr, y - by * lr


def _momentum_hp(hp: Mapping, nesterov: bool = False) -> tuple[float, ...]:
    dampening = hp.get("dampening", 0.0)
    return (hp["momentum"], 1.0 - dampening, float(dampening != 0.0), float(nesterov))


def _nesterov_hp(hp: Mapping) -> tuple[float, ...]:
    return _momentum_hp(hp, nesterov=True)


# -- explained ----------------------------------------------------------------------------------

def _gd_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    rule = (f"{sub('w', T)} = {sub('w', T1)} − {at.eta} {sub('g', T)}",)
    if at.t == 0:
        return rule, []
    g = at.g
    return rule, [at.step_line(f"−{at.eta} {sub('g', T)}",
                               lambda a: f"−{arg(at.lr)} × {arg(g[a])}")]


def _momentum_explain(at: At, nesterov: bool = False) -> tuple[tuple[str, ...], list[Line]]:
    # torch.optim.SGD's momentum_buffer: the gradient itself at the first step
    mu, tau = at.hp["momentum"], at.hp.get("dampening", 0.0)
    v, v1, g = sub("v", T), sub("v", T1), sub("g", T)
    fresh = f"(1 − τ) {g}" if tau else g
    direction = f"({g} + μ {v})" if nesterov else v
    rule = (f"{v} = μ {v1} + {fresh},   {sub('v', '1')} = {sub('g', '1')}",
            f"{sub('w', T)} = {sub('w', T1)} − {at.eta} {direction}")
    meaning = translate("Explain", "velocity: a decaying sum of past gradients")
    if at.t == 0:
        return rule, [at.initial("v", "velocity", meaning)]
    gt, before, after = at.g, at.prev("velocity"), at.cur("velocity")
    if at.t == 1:
        velocity = at.axes(v, g, lambda a: num(gt[a]), after, meaning)
    else:
        keep = f"{num(1.0 - tau)} × " if tau else ""
        velocity = at.axes(v, f"μ {v1} + {fresh}",
                           lambda a: f"{num(mu)} × {arg(before[a])} + {keep}{arg(gt[a])}",
                           after, meaning)
    if nesterov:
        step = at.step_line(f"−{at.eta} {direction}", lambda a: (
            f"−{arg(at.lr)} × ({num(gt[a])} + {num(mu)} × {arg(after[a])})"))
    else:
        step = at.step_line(f"−{at.eta} {v}", lambda a: f"−{arg(at.lr)} × {arg(after[a])}")
    return rule, [velocity, step]


def _nesterov_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    return _momentum_explain(at, nesterov=True)


SPECS = (
    OptimizerSpec("gd", "GD", (_lr(0.01, _SEED_LR), WEIGHT_DECAY), NoState, _gd_kernel, None,
                  explain=_gd_explain, scalar_kernel=_gd_scalar, scalar_hp=_no_hp,
                  description=QT_TRANSLATE_NOOP("Optimizers", "Gradient descent: w -= lr * g")),
    OptimizerSpec("sgd", "SGD", (_lr(0.01, _SEED_LR), WEIGHT_DECAY), NoState, _gd_kernel, None,
                  stochastic=True, explain=_gd_explain, scalar_kernel=_gd_scalar,
                  scalar_hp=_no_hp,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Stochastic GD: the gradient of a random "
                                                "mini-batch of terms")),
    OptimizerSpec("momentum", "Momentum", (_lr(0.01, _SEED_LR), MOMENTUM, DAMPENING,
                                           WEIGHT_DECAY),
                  MomentumState, _momentum_kernel, None, moment="velocity",
                  explain=_momentum_explain, scalar_kernel=_momentum_scalar,
                  scalar_hp=_momentum_hp,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "v = momentum * v + g; w -= lr * v "
                                                "(torch.optim.SGD)")),
    OptimizerSpec("nesterov", "Nesterov", (_lr(0.01, _SEED_LR), MOMENTUM, WEIGHT_DECAY),
                  MomentumState, _nesterov_kernel, None, moment="velocity",
                  explain=_nesterov_explain, scalar_kernel=_momentum_scalar,
                  scalar_hp=_nesterov_hp,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "SGD with nesterov=True: w -= lr * (g + momentum "
                                                "* v)")),
)
