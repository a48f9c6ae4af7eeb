"""Adagrad: a step of ``lr / sqrt(sum of g^2)`` per axis (``torch.optim.Adagrad``)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import ETA_EFF, T1, At, Line, T, arg, num, squared, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
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
    _sub,
)

INITIAL_ACCUMULATOR = Param("initial_accumulator_value", 0.0, 0.0, 1e6,
                            help=QT_TRANSLATE_NOOP("Params",
                                                   "starting value of the sum of squared "
                                                   "gradients"))

LR_DECAY = Param("lr_decay", 0.0, 0.0, 1e6,
                 help=QT_TRANSLATE_NOOP("Params", "learning rate decay k: step t uses "
                                                  "lr / (1 + (t - 1) k)"))


class AdagradState(NamedTuple):
    sum: np.ndarray                 # of squared gradients, (n, 2)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> AdagradState:
        acc = np.empty((n, 2))
        acc[...] = hp["initial_accumulator_value"]
        return cls(acc)


def _adagrad_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)
    eps = _operand(hp["eps"])
    lr_decay = hp.get("lr_decay", 0.0)

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        clr = lr / (1.0 + (t - 1) * lr_decay)     # torch's clr; lr / 1.0 is lr without decay
        acc = state.sum
        _add(acc, _mul(g, g, tmp[1]), acc)        # sum += g * g
        std = _add(_sqrt(acc, tmp[1]), eps, tmp[1])
        _sub(w, _mul(_div(g, std, tmp[2]), clr, tmp[2]), out)  # w - clr * (g / std)

    return step


def _adagrad_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: eps, lr_decay; st: sum
    eps, lr_decay = hp[0], hp[1]
    clr = lr / (1.0 + (t - 1) * lr_decay)
    ax, ay = st[0] + gx * gx, st[1] + gy * gy
    st[0], st[1] = ax, ay
    return (x - (gx / (math.sqrt(ax) + eps)) * clr,
            y - (gy / (math.sqrt(ay) + eps)) * clr)


def _adagrad_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["eps"], hp.get("lr_decay", 0.0))


def _adagrad_eff(state, hp, lr, t):
    clr = lr / (1.0 + (t - 1) * hp.get("lr_decay", 0.0))
    return clr / (np.sqrt(state.sum) + hp["eps"])


def _adagrad_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    G, G1, g = sub("G", T), sub("G", T1), sub("g", T)
    k = at.hp.get("lr_decay", 0.0)
    rate = f"{at.eta} / (1 + (t − 1) k)" if k else at.eta
    scaled = f"({rate})" if k else rate
    rule = (f"{G} = {G1} + {g}<sup>2</sup>",
            f"{sub('w', T)} = {sub('w', T1)} − {scaled} {g} / (√{G} + ε)")
    meaning = translate("Explain", "sum of the squared gradients so far")
    if at.t == 0:
        return rule, [at.initial("G", "sum", meaning, num(at.hp["initial_accumulator_value"]))]
    gt, before, after, eps = at.g, at.prev("sum"), at.cur("sum"), at.hp["eps"]
    decayed = (f"{num(at.lr)} / (1 + {at.t - 1} × {arg(k)})" if k else num(at.lr))
    return rule, [
        at.axes(G, f"{G1} + {g}<sup>2</sup>", lambda a: f"{num(before[a])} + {squared(gt[a])}",
                after, meaning),
        at.eff_line(f"{scaled} / (√{G} + ε)",
                    lambda a: f"{decayed} / (√{arg(after[a])} + {arg(eps)})"),
        at.step_line(f"−{ETA_EFF} {g}", lambda a: f"−{arg(at.eff[a])} × {arg(gt[a])}"),
    ]


SPECS = (
    OptimizerSpec("adagrad", "Adagrad", (_lr(0.01), _eps(1e-10), INITIAL_ACCUMULATOR,
                                         LR_DECAY, WEIGHT_DECAY),
                  AdagradState, _adagrad_kernel, None, effective_lr=_adagrad_eff,
                  scalar_kernel=_adagrad_scalar, scalar_hp=_adagrad_hp,
                  effective_lr_state=("sum",), effective_lr_scales="gradient",
                  explain=_adagrad_explain,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "lr / sqrt(sum of g^2) per axis: big steps where "
                                                "gradients were small")),
)
