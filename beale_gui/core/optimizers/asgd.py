"""ASGD: averaged stochastic gradient descent (``torch.optim.ASGD``; Polyak and Juditsky 1992).

Gradient descent whose weights decay by ``lambd`` and whose step size ``eta`` shrinks as
``lr / (1 + lambd * lr * t) ** alpha``, keeping beside the point the running average ``ax``
of the points visited from step ``t0`` on (before that ``ax`` is the point itself). The
average is what a course evaluates at the end; the path drawn is the point, as torch
updates the parameter. As in torch, each step uses the step size made at the end of the
previous one (``lr`` at the first), from the learning rate of that step.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import ETA_EFF, T1, At, Line, T, arg, num, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .base import (
    WEIGHT_DECAY,
    OptimizerSpec,
    Step,
    _add,
    _decayer,
    _lr,
    _mul,
    _sub,
)

LAMBD = Param("lambd", 1e-4, 0.0, 1e6,
              help=QT_TRANSLATE_NOOP("Params", "decay term: shrinks the weights and the step "
                                               "size"))
ALPHA = Param("alpha", 0.75, 0.0, 1e3,
              help=QT_TRANSLATE_NOOP("Params", "power of the step size's decay"))
T0 = Param("t0", 1e6, 0.0, 1e12,
           help=QT_TRANSLATE_NOOP("Params", "the step from which the points are averaged"))


class ASGDState(NamedTuple):
    eta: np.ndarray                 # the step size of the next update, (n, 1); starts at lr
    mu: np.ndarray                  # the averaging weight of the next update, (n, 1)
    ax: np.ndarray                  # the averaged point, (n, 2)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> ASGDState:
        eta = np.empty((n, 1))
        eta[...] = hp["lr"]
        return cls(eta, np.ones((n, 1)), np.zeros((n, 2)))


def _power(base: float, exponent: float) -> float:
    """Python's ``base ** exponent`` for a base >= 1, inf where it overflows (as numpy's)."""
    try:
        return base ** exponent
    except OverflowError:
        return math.inf


def _python_power(base, exponent):
    """``base ** exponent`` by Python's power, element by element where either is an array
    (numpy's vectorised power may differ from it in the last bit; the float kernel's is
    Python's)."""
    if np.ndim(base) == 0 and np.ndim(exponent) == 0:
        return _power(float(base), float(exponent))
    b, e = np.broadcast_arrays(np.asarray(base, dtype=np.float64),
                               np.asarray(exponent, dtype=np.float64))
    values = [_power(x, y) for x, y in zip(b.ravel().tolist(), e.ravel().tolist(), strict=True)]
    return np.array(values, dtype=np.float64).reshape(b.shape)


def _next_eta(hp: Mapping, lr, t):
    """torch's ``lr / ((1 + lambd * lr * step) ** alpha)`` after step ``t``."""
    return lr / _python_power(1.0 + hp["lambd"] * lr * t, hp["alpha"])


def _next_mu(hp: Mapping, t):
    """torch's ``1 / max(1, step - t0)``."""
    return 1.0 / np.maximum(1.0, t - np.asarray(hp["t0"], dtype=np.float64))


def _asgd_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)
    lambd = hp["lambd"]

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        eta, mu, ax = state
        _mul(w, 1.0 - lambd * eta, out)                 # torch: param.mul_(1 - lambd * eta)
        _sub(out, _mul(g, eta, tmp[1]), out)            # param.add_(grad, alpha=-eta)
        averaged = _add(ax, _mul(_sub(out, ax, tmp[1]), mu, tmp[1]), tmp[1])
        np.copyto(ax, np.where(mu != 1.0, averaged, out))   # ax = param while mu is 1
        eta[...] = _next_eta(hp, lr, t)
        mu[...] = _next_mu(hp, t)

    return step


def _asgd_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: lambd, alpha, t0; st: eta, mu, ax (the averaged point)
    lambd, alpha, t0 = hp[0], hp[1], hp[2]
    eta, mu = st[0], st[1]
    keep = 1.0 - lambd * eta
    x, y = x * keep - gx * eta, y * keep - gy * eta
    if mu != 1.0:
        st[2], st[3] = st[2] + (x - st[2]) * mu, st[3] + (y - st[3]) * mu
    else:
        st[2], st[3] = x, y
    try:                                    # _power: inf where Python's power overflows
        power = math.pow(1.0 + lambd * lr * t, alpha)
    except Exception:
        power = math.inf
    st[0] = lr / power
    st[1] = 1.0 / max(1.0, t - t0)
    return x, y


def _asgd_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["lambd"], hp["alpha"], hp["t0"])


def _asgd_eff(state, hp, lr, t):
    """The step size the update used (``eta`` before it), on both axes."""
    return state.eta * np.ones(2)


# -- explained ----------------------------------------------------------------------------------

W_BAR = "w\u0304"                   # w with a bar: the averaged point


def _asgd_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    lambd, alpha, t0, t = at.hp["lambd"], at.hp["alpha"], at.hp["t0"], at.t
    gamma, gamma1 = sub("γ", T), sub("γ", T1)
    mu, mu1 = sub("μ", T), sub("μ", T1)
    w, w1, g = sub("w", T), sub("w", T1), sub("g", T)
    bar, bar1 = sub(W_BAR, T), sub(W_BAR, T1)
    rule = (f"{w} = (1 − λ {gamma1}) {w1} − {gamma1} {g}",
            f"{bar} = {bar1} + {mu1} ({w} − {bar1})",
            f"{gamma} = {at.eta} / (1 + λ {at.eta} t)<sup>α</sup>",
            f"{mu} = 1 / max(1, t − t<sub>0</sub>)")
    size = translate("Explain", "step size of the next update")
    weight = translate("Explain", "averaging weight of the next update (1: the average is the "
                                  "point)")
    average = translate("Explain", "the averaged point")
    if t == 0:
        return rule, [at.initial("γ", "eta", size, "η"), at.initial("μ", "mu", weight, "1"),
                      at.initial(W_BAR, "ax", average)]
    eta0, mu0 = float(at.prev("eta")[0]), float(at.prev("mu")[0])
    ax0, ax = at.prev("ax"), at.cur("ax")
    return rule, [
        at.eff_line(gamma1, lambda a: num(eta0)),
        at.axes(bar, f"{bar1} + {mu1} ({w} − {bar1})",
                lambda a: f"{num(ax0[a])} + {num(mu0)} × ({num(at.w[a])} − {arg(ax0[a])})",
                ax, average),
        at.scalar(gamma, f"{at.eta} / (1 + λ {at.eta} t)<sup>α</sup>",
                  f"{num(at.lr)} / (1 + {arg(lambd)} × {num(at.lr)} × {t})<sup>{num(alpha)}"
                  "</sup>", float(at.cur("eta")[0]), size),
        at.scalar(mu, "1 / max(1, t − t<sub>0</sub>)", f"1 / max(1, {t} − {arg(t0)})",
                  float(at.cur("mu")[0]), weight),
        at.step_line(f"−λ {ETA_EFF} {w1} − {ETA_EFF} {g}",
                     lambda a: (f"−{arg(lambd)} × {arg(eta0)} × {arg(at.w0[a])} − {arg(eta0)} × "
                                f"{arg(at.g[a])}")),
    ]


SPECS = (
    OptimizerSpec("asgd", "ASGD", (_lr(0.01), LAMBD, ALPHA, T0, WEIGHT_DECAY), ASGDState,
                  _asgd_kernel, None, n_tmp=2, effective_lr=_asgd_eff, scalar_kernel=_asgd_scalar,
                  scalar_hp=_asgd_hp,
                  effective_lr_state=("eta",), effective_lr_previous=("eta",),
                  effective_lr_scales="gradient", explain=_asgd_explain,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Gradient descent with a slowly shrinking step "
                                                "that also keeps the average of its points")),
)
