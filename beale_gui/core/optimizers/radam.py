"""RAdam: Adam with its adaptive rate rectified (``torch.optim.RAdam``; Liu et al. 2020, "On
the Variance of the Adaptive Learning Rate and Beyond").

torch's update, with weight decay coupled (``g = g + weight_decay * w``) or, with
``decoupled_weight_decay``, applied to the weights first (``w = w * (1 - lr * weight_decay)``)::

    m, v as Adam's;  m_hat = m / (1 - beta1**t)
    rho_inf = 2 / (1 - beta2) - 1
    rho_t = rho_inf - 2 t beta2**t / (1 - beta2**t)     (the length of the approximated SMA)
    rho_t > 5:  r_t = sqrt((rho_t - 4) (rho_t - 2) rho_inf / ((rho_inf - 4) (rho_inf - 2) rho_t))
                w = w - m_hat * lr * (sqrt(1 - beta2**t) / (sqrt(v) + eps)) * r_t
    otherwise:  w = w - m_hat * lr                        (SGD with momentum: v is too young)

With the defaults the first five steps are SGD-with-momentum steps (rho_t <= 5) and the
adaptive step starts at step 6. The effective rate scales m either way: ``lr / (1 - beta1**t)``
times the rectified adaptive factor, or times 1 (then the same on both axes).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import ETA_EFF, T1, At, Line, T, arg, num, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from .adam import (
    _ADAM_PARAMS,
    B2,
    C1,
    C2,
    DECOUPLED_SWITCH,
    M_HAT,
    M,
    V,
    _correction,
    _decoupled_float,
    _decoupled_step_line,
    _moment_lines,
    _moment_rules,
    _moments,
    decay_split,
)
from .base import (
    WEIGHT_DECAY,
    OptimizerSpec,
    Step,
    _add,
    _div,
    _lr,
    _mul,
    _operand,
    _sqrt,
    _sub,
    step_power,
)

RHO_SWITCH = 5.0      # torch: the adaptive step when rho_t > 5, SGD with momentum otherwise


class RAdamState(NamedTuple):
    exp_avg: np.ndarray             # m, (n, 2)
    exp_avg_sq: np.ndarray          # v, (n, 2)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> RAdamState:
        return cls(np.zeros((n, 2)), np.zeros((n, 2)))


def rho_inf(beta2):
    """The longest approximated SMA, ``2 / (1 - beta2) - 1``."""
    return 2.0 / (1.0 - beta2) - 1.0


def rho_at(beta2, t, power=None):
    """rho_t as torch computes it: ``rho_inf - 2 * t * beta2**t / (1 - beta2**t)``
    (``power``: beta2**t, when already at hand)."""
    power = beta2 ** t if power is None else power
    return rho_inf(beta2) - 2 * t * power / (1.0 - power)


def rectification(rho, inf):
    """r_t, ``((rho - 4) (rho - 2) rho_inf / ((rho_inf - 4) (rho_inf - 2) rho)) ** 0.5``, as
    torch computes it (meaningful where rho > 5)."""
    return ((rho - 4) * (rho - 2) * inf / ((inf - 4) * (inf - 2) * rho)) ** 0.5


def _radam_kernel(hp: Mapping) -> Step:
    decayed, decoupled = decay_split(hp)
    beta1, beta2 = hp["beta1"], hp["beta2"]
    inf = rho_inf(beta2)
    eps = _operand(hp["eps"])
    moments = _moments(hp)

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        if decoupled is not None:
            w = _mul(w, 1.0 - lr * decoupled, out)   # torch: param.mul_(1 - lr * wd)
        moments(g, state, tmp[1])
        power = beta2 ** t
        correction2 = 1.0 - power
        rho = rho_at(beta2, t, power)
        adaptive = rho > RHO_SWITCH
        update = _mul(_div(state.exp_avg, 1.0 - beta1 ** t, tmp[1]), lr, tmp[1])
        if np.any(adaptive):
            with np.errstate(invalid="ignore", divide="ignore"):   # where rho <= 5: unused
                rect = rectification(rho, inf)
            scaled = _add(_sqrt(state.exp_avg_sq, tmp[2]), eps, tmp[2])
            _div(correction2 ** 0.5, scaled, scaled)
            _mul(_mul(update, scaled, scaled), rect, scaled)
            if np.all(adaptive):
                update = scaled
            else:
                np.copyto(update, scaled, where=adaptive)
        _sub(w, update, out)

    return step


def _radam_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: beta1, beta2, eps, rho_inf, decoupled weight decay (0: none or coupled); st: m, v
    beta1, beta2, eps, inf, wd = hp[0], hp[1], hp[2], hp[3], hp[4]
    rest1, rest2 = 1.0 - beta1, 1.0 - beta2
    if wd != 0.0:
        x, y = x * (1.0 - lr * wd), y * (1.0 - lr * wd)
    mx, my = st[0] + (gx - st[0]) * rest1, st[1] + (gy - st[1]) * rest1
    vx, vy = st[2] * beta2 + (gx * gx) * rest2, st[3] * beta2 + (gy * gy) * rest2
    st[0], st[1], st[2], st[3] = mx, my, vx, vy
    power = math.pow(beta2, float(t))
    correction2 = 1.0 - power
    rho = inf - 2 * t * power / (1.0 - power)               # rho_at
    correction1 = 1.0 - math.pow(beta1, float(t))
    ux, uy = (mx / correction1) * lr, (my / correction1) * lr
    if rho > RHO_SWITCH:                                    # rectification(rho, inf)
        rect = math.pow((rho - 4) * (rho - 2) * inf / ((inf - 4) * (inf - 2) * rho), 0.5)
        root = math.pow(correction2, 0.5)
        ux = (ux * (root / (math.sqrt(vx) + eps))) * rect
        uy = (uy * (root / (math.sqrt(vy) + eps))) * rect
    return x - ux, y - uy


def _radam_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["beta1"], hp["beta2"], hp["eps"], rho_inf(hp["beta2"]), _decoupled_float(hp))


def _radam_eff(state, hp, lr, t):
    beta2 = hp["beta2"]
    power = step_power(beta2, t)
    rho = rho_at(beta2, t, power)
    with np.errstate(invalid="ignore", divide="ignore"):
        rect = rectification(rho, rho_inf(beta2))
        adaptive = np.sqrt(1.0 - power) / (np.sqrt(state.exp_avg_sq) + hp["eps"]) * rect
    return lr / (1.0 - step_power(hp["beta1"], t)) * np.where(rho > RHO_SWITCH, adaptive, 1.0)


# -- explained ----------------------------------------------------------------------------------

RHO, RHO_INF, RECT = sub("ρ", T), sub("ρ", "∞"), sub("r", T)
RHO_RULE = f"{RHO_INF} − 2 t {B2}<sup>t</sup> / ({C2})"
RECT_RULE = (f"√(({RHO} − 4) ({RHO} − 2) {RHO_INF} / (({RHO_INF} − 4) ({RHO_INF} − 2) "
             f"{RHO}))")


def _radam_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    b2, eps, t = at.hp["beta2"], at.hp["eps"], at.t
    wd = _decoupled_float(at.hp)
    w, w1 = sub("w", T), sub("w", T1)
    decay = f" − {at.eta} λ {w1}" if wd else ""
    rule = (*_moment_rules(),
            f"{M_HAT} = {M} / ({C1})",
            f"{RHO_INF} = 2 / (1 − {B2}) − 1,   {RHO} = {RHO_RULE}",
            f"{RECT} = {RECT_RULE}",
            f"{w} = {w1}{decay} − {at.eta} {RECT} {M_HAT} √({C2}) / (√{V} + ε)   ({RHO} &gt; 5)",
            f"{w} = {w1}{decay} − {at.eta} {M_HAT}   ({RHO} ≤ 5)")
    if t == 0:
        return rule, [
            at.initial("m", "exp_avg",
                       translate("Explain", "first moment: a running mean of the gradient")),
            at.initial("v", "exp_avg_sq", translate(
                "Explain", "second moment: a running mean of the squared gradient"))]
    inf = rho_inf(b2)
    power = b2 ** t
    rho = rho_at(b2, t, power)
    c1, line1 = _correction(at, 1)
    c2, line2 = _correction(at, 2)
    m, v = at.cur("exp_avg"), at.cur("exp_avg_sq")
    lines = [
        *_moment_lines(at), line1, line2,
        at.scalar(RHO_INF, f"2 / (1 − {B2}) − 1", f"2 / (1 − {num(b2)}) − 1", inf,
                  translate("Explain", "longest length of the approximated simple moving "
                                       "average")),
    ]
    if rho > RHO_SWITCH:
        rect = rectification(rho, inf)
        lines += [
            at.scalar(RHO, RHO_RULE,
                      f"{num(inf)} − 2 × {t} × {num(b2)}<sup>{t}</sup> / {arg(c2)}", rho,
                      translate("Explain", "length of the approximated moving average: above "
                                           "5, so this step is adaptive")),
            at.scalar(RECT, RECT_RULE,
                      f"√(({num(rho)} − 4) × ({num(rho)} − 2) × {num(inf)} / (({num(inf)} − 4)"
                      f" × ({num(inf)} − 2) × {num(rho)}))", rect,
                      translate("Explain", "rectification of the adaptive rate's variance")),
            at.axes(ETA_EFF, f"{at.eta} / ({C1}) · {RECT} √({C2}) / (√{V} + ε)",
                    lambda a: (f"{num(at.lr)} / {arg(c1)} × {num(rect)} × √{arg(c2)} / "
                               f"(√{arg(v[a])} + {arg(eps)})"), at.eff,
                    translate("Explain", "effective learning rate of each axis: the "
                                         "rectified adaptive step"))]
    else:
        lines += [
            at.scalar(RHO, RHO_RULE,
                      f"{num(inf)} − 2 × {t} × {num(b2)}<sup>{t}</sup> / {arg(c2)}", rho,
                      translate("Explain", "length of the approximated moving average: 5 or "
                                           "less, so this step is SGD with momentum")),
            at.axes(ETA_EFF, f"{at.eta} / ({C1})",
                    lambda a: f"{num(at.lr)} / {arg(c1)}", at.eff,
                    translate("Explain", "effective learning rate of each axis: the SGD with "
                                         "momentum step, no adaptive rate"))]
    lines.append(_decoupled_step_line(at, wd, M, m))
    return rule, lines


SPECS = (
    OptimizerSpec("radam", "RAdam", (_lr(0.001), *_ADAM_PARAMS, WEIGHT_DECAY, DECOUPLED_SWITCH),
                  RAdamState, _radam_kernel, None, moment="exp_avg", scalar_kernel=_radam_scalar,
                  scalar_hp=_radam_hp,
                  effective_lr=_radam_eff, effective_lr_state=("exp_avg_sq",),
                  effective_lr_scales="moment", explain=_radam_explain,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Adam whose adaptive rate is rectified: SGD with "
                                                "momentum until the second moment is "
                                                "reliable")),
)
