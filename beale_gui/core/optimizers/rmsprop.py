"""RMSprop: Adagrad with a moving mean of g^2 instead of the sum (``torch.optim.RMSprop``)."""

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
    _nonzero,
    _operand,
    _sqrt,
    _sub,
)

G_BAR = "g\u0304"                 # g with a bar: the moving mean of the gradient

ALPHA = Param("alpha", 0.99, 0.0, 1.0, high_open=True,
              help=QT_TRANSLATE_NOOP("Params", "decay of the mean square"))
MOMENTUM = Param("momentum", 0.0, 0.0, 1.0, high_open=True,
                 help=QT_TRANSLATE_NOOP("Params", "momentum factor"))
# a flag, 0 or 1, as every hyperparameter is a number (forms, sessions, the command line's
# rmsprop:centered=1, search)
CENTERED = Param("centered", 0.0, 0.0, 1.0, integer=True, flag=True,
                 help=QT_TRANSLATE_NOOP("Params", "1: divide by the gradient's variance, its "
                                                  "mean square less its mean squared "
                                                  "(centered RMSprop); 0: by its mean square"))


class RMSpropState(NamedTuple):
    square_avg: np.ndarray          # (n, 2)
    velocity: np.ndarray            # torch's momentum_buffer, or g / avg without momentum
    grad_avg: np.ndarray            # centered: the moving mean of g (stays 0 otherwise)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> RMSpropState:
        return cls(np.zeros((n, 2)), np.zeros((n, 2)), np.zeros((n, 2)))


def _centered_rows(hp: Mapping):
    """Whether any run is centered, and the (n, 1) mask of those that are when only some
    are (a search over ``centered``), else None."""
    flag = np.asarray(hp.get("centered", 0.0)) != 0
    if flag.ndim and flag.any() and not flag.all():
        return True, flag
    return bool(flag.any()), None


def _rmsprop_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)
    alpha, eps, momentum = hp["alpha"], _operand(hp["eps"]), hp["momentum"]
    rest, alpha = _operand(1.0 - alpha), _operand(alpha)
    with_momentum = _nonzero(momentum)
    momentum = _operand(momentum)
    centered, some = _centered_rows(hp)

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        sq, buf = state.square_avg, state.velocity
        _mul(sq, alpha, sq)
        _add(sq, _mul(_mul(g, rest, tmp[1]), g, tmp[1]), sq)  # sq += (1 - alpha) * g * g
        if centered:       # torch's grad_avg.lerp_(g, 1 - alpha); sqrt(sq - grad_avg^2)
            ga = state.grad_avg
            moved = _add(ga, _mul(_sub(g, ga, tmp[1]), rest, tmp[1]), tmp[1])
            np.copyto(ga, moved, where=True if some is None else some)
            avg = _sqrt(_sub(sq, _mul(ga, ga, tmp[1]), tmp[1]), tmp[1])  # sq - 0: sq elsewhere
            avg = _add(avg, eps, tmp[1])
        else:
            avg = _add(_sqrt(sq, tmp[1]), eps, tmp[1])
        if with_momentum:
            _mul(buf, momentum, buf)
            _add(buf, _div(g, avg, tmp[2]), buf)
        else:
            _div(g, avg, buf)
        _sub(w, _mul(buf, lr, tmp[2]), out)       # w - lr * (g / avg), or w - lr * buf

    return step


def _rmsprop_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: alpha, eps, momentum, centered; st: square_avg, velocity, grad_avg
    alpha, eps, momentum = hp[0], hp[1], hp[2]
    rest = 1.0 - alpha
    sx, sy = st[0] * alpha + (gx * rest) * gx, st[1] * alpha + (gy * rest) * gy
    st[0], st[1] = sx, sy
    if hp[3] != 0.0:
        ax, ay = st[4] + (gx - st[4]) * rest, st[5] + (gy - st[5]) * rest
        st[4], st[5] = ax, ay
        # square_avg - grad_avg**2 can round below 0: NaN, as numpy's and torch's sqrt
        vx, vy = sx - ax * ax, sy - ay * ay
        dx = (math.sqrt(vx) if vx >= 0.0 else math.nan) + eps
        dy = (math.sqrt(vy) if vy >= 0.0 else math.nan) + eps
    else:
        dx, dy = math.sqrt(sx) + eps, math.sqrt(sy) + eps
    if momentum != 0.0:
        bx, by = st[2] * momentum + gx / dx, st[3] * momentum + gy / dy
    else:
        bx, by = gx / dx, gy / dy
    st[2], st[3] = bx, by
    return x - bx * lr, y - by * lr


def _rmsprop_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["alpha"], hp["eps"], hp["momentum"], float(hp.get("centered", 0.0) != 0.0))


def _rmsprop_eff(state, hp, lr, t):
    # grad_avg is 0 unless centered, and sq - 0 is sq: the uncentered rate, bit for bit
    ga = state.grad_avg
    return lr / (np.sqrt(state.square_avg - ga * ga) + hp["eps"])


def _rmsprop_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    # torch.optim.RMSprop: v is square_avg, b the momentum_buffer, g-bar the grad_avg
    mu, alpha, eps = at.hp["momentum"], at.hp["alpha"], at.hp["eps"]
    centered = at.hp.get("centered", 0.0) != 0.0
    v, v1, g, b, b1 = sub("v", T), sub("v", T1), sub("g", T), sub("b", T), sub("b", T1)
    bar, bar1 = sub(G_BAR, T), sub(G_BAR, T1)
    spread = f"√({v} − {bar}<sup>2</sup>)" if centered else f"√{v}"
    normalized = f"{g} / ({spread} + ε)"
    rule = [f"{v} = α {v1} + (1 − α) {g}<sup>2</sup>"]
    if centered:
        rule.append(f"{bar} = α {bar1} + (1 − α) {g}")
    if mu:
        rule += [f"{b} = μ {b1} + {normalized}", f"{sub('w', T)} = {sub('w', T1)} − {at.eta} {b}"]
    else:
        rule.append(f"{sub('w', T)} = {sub('w', T1)} − {at.eta} {normalized}")
    mean = translate("Explain", "moving mean of the squared gradients")
    buffer = translate("Explain", "momentum buffer: a decaying sum of normalized gradients")
    gradient_mean = translate("Explain", "moving mean of the gradients (centered)")
    if at.t == 0:
        return tuple(rule), [at.initial("v", "square_avg", mean),
                             *([at.initial(G_BAR, "grad_avg", gradient_mean)] if centered
                               else []),
                             *([at.initial("b", "velocity", buffer)] if mu else [])]
    gt, before, after = at.g, at.prev("square_avg"), at.cur("square_avg")
    lines = [
        at.axes(v, f"α {v1} + (1 − α) {g}<sup>2</sup>",
                lambda a: f"{num(alpha)} × {arg(before[a])} + {num(1.0 - alpha)} × "
                          f"{squared(gt[a])}", after, mean),
    ]
    if centered:
        m0, m = at.prev("grad_avg"), at.cur("grad_avg")
        lines.append(at.axes(bar, f"α {bar1} + (1 − α) {g}",
                             lambda a: f"{num(alpha)} × {arg(m0[a])} + {num(1.0 - alpha)} × "
                                       f"{arg(gt[a])}", m, gradient_mean))

        def root(a: int) -> str:
            return f"√({num(after[a])} − {squared(m[a])})"
    else:
        def root(a: int) -> str:
            return f"√{arg(after[a])}"
    lines.append(at.eff_line(f"{at.eta} / ({spread} + ε)",
                             lambda a: f"{num(at.lr)} / ({root(a)} + {arg(eps)})"))
    if mu:
        b_before, b_after = at.prev("velocity"), at.cur("velocity")
        lines += [
            at.axes(b, f"μ {b1} + {normalized}", lambda a: (
                f"{num(mu)} × {arg(b_before[a])} + {arg(gt[a])} / ({root(a)} + "
                f"{arg(eps)})"), b_after, buffer),
            at.step_line(f"−{at.eta} {b}", lambda a: f"−{arg(at.lr)} × {arg(b_after[a])}"),
        ]
    else:
        lines.append(at.step_line(f"−{ETA_EFF} {g}",
                                  lambda a: f"−{arg(at.eff[a])} × {arg(gt[a])}"))
    return tuple(rule), lines


SPECS = (
    OptimizerSpec("rmsprop", "RMSprop", (_lr(0.01), ALPHA, _eps(1e-8), MOMENTUM, CENTERED,
                                         WEIGHT_DECAY),
                  RMSpropState, _rmsprop_kernel, None, moment="velocity",
                  scalar_kernel=_rmsprop_scalar, scalar_hp=_rmsprop_hp,
                  effective_lr=_rmsprop_eff, effective_lr_state=("square_avg", "grad_avg"),
                  effective_lr_scales="gradient",
                  explain=_rmsprop_explain,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "lr / sqrt(moving mean of g^2): Adagrad that "
                                                "forgets")),
)
