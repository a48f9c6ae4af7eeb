"""AdaBelief (torch.optim has none).

Zhuang, Tang, Ding, Tatikonda, Dvornek, Papademetris, Duncan: "AdaBelief Optimizer: Adapting
Stepsizes by the Belief in Observed Gradients", NeurIPS 2020 (arXiv:2010.07468), Algorithm 2.
Reference implementation: juntang-zhuang/Adabelief-Optimizer, its PyTorch package
``adabelief_pytorch.AdaBelief`` version 0.2.1, whose update and defaults this follows: lr 1e-3,
betas (0.9, 0.999), eps 1e-16, weight_decay 0 decoupled (``weight_decouple=True``,
``fixed_decay=False``: w <- w * (1 - lr * weight_decay)), ``rectify=True`` with
``degenerated_to_sgd=True``, no AMSGrad. Per step t::

    m <- beta1 * m + (1 - beta1) * g
    s <- beta2 * s + (1 - beta2) * (g - m)^2 + eps          (eps is added to the state)

rectify = 0 (the paper's update):
    w <- w - lr / (1 - beta1^t) * m / (sqrt(s) / sqrt(1 - beta2^t) + eps)

rectify = 1 (the package's default, RAdam's rectification; rho_inf = 2 / (1 - beta2) - 1,
rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)):
    rho_t >= 5:  w <- w - lr * r_t / (1 - beta1^t) * m / (sqrt(s) + eps),
                 r_t = sqrt((1 - beta2^t) (rho_t - 4) / (rho_inf - 4) (rho_t - 2) / rho_t
                            rho_inf / (rho_inf - 2))
    rho_t < 5:   w <- w - lr / (1 - beta1^t) * m          (SGD with momentum: the first
                                                           five steps at beta2 = 0.999)

Where Adam divides by the root of the mean squared gradient, AdaBelief divides by the root of
the mean squared *surprise* g - m: where the gradient is as predicted (a long slope, even a
steep one) the step is large, where it keeps changing (a noisy or curving valley) it is small.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import T1, At, Line, T, arg, num, squared, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .adam import BETA1, BETA2, C1, C2, _correction, _decoupled_step_line
from .base import (
    OptimizerSpec,
    Step,
    _add,
    _div,
    _eps,
    _float_sqrt,
    _lr,
    _mul,
    _nonzero,
    _operand,
    _sqrt,
    _sub,
    step_power,
)

RECTIFY = Param("rectify", 1, 0, 1, integer=True, flag=True,
                help=QT_TRANSLATE_NOOP("Params",
                                       "1: rectify the variance as RAdam does, with momentum SGD "
                                       "for the first steps (the package's default); 0: the "
                                       "paper's update"))
AB_DECAY = Param("weight_decay", 0.0, 0.0, 1e3,
                 help=QT_TRANSLATE_NOOP("Params", "decoupled weight decay"))


class AdaBeliefState(NamedTuple):
    exp_avg: np.ndarray             # m, (n, 2)
    exp_avg_var: np.ndarray         # s, (n, 2): the running mean of (g - m)^2, plus eps

    @classmethod
    def init(cls, n: int, hp: Mapping) -> AdaBeliefState:
        return cls(np.zeros((n, 2)), np.zeros((n, 2)))


# The three forms of the step (per run: the rectification and rho_t are per run's settings)
PLAIN, RECTIFIED, SGD = 0, 1, 2


def _rho(beta2, t):
    """rho_inf and rho_t, as the package computes them (``t`` an int or integer array)."""
    power = step_power(beta2, t)
    rho_inf = 2.0 / (1.0 - beta2) - 1.0
    return rho_inf, rho_inf - 2.0 * t * power / (1.0 - power)


def _form_and_factor(hp: Mapping, t):
    """Which step each run takes (PLAIN, RECTIFIED, SGD) and the factor of lr: ``1 / (1 -
    beta1^t)`` or ``r_t / (1 - beta1^t)``. Floats when the settings are, else arrays."""
    beta1, beta2, rectify = hp["beta1"], hp["beta2"], hp["rectify"]
    c1 = 1.0 - step_power(beta1, t)
    rho_inf, rho = _rho(beta2, t)
    if all(np.ndim(v) == 0 for v in (beta2, rectify, t)):
        if not rectify:
            return PLAIN, 1.0 / c1
        if rho >= 5.0:
            c2 = 1.0 - beta2 ** t
            r = _float_sqrt(c2 * (rho - 4.0) / (rho_inf - 4.0) * (rho - 2.0) / rho
                            * rho_inf / (rho_inf - 2.0))
            return RECTIFIED, r / c1
        return SGD, 1.0 / c1
    c2 = 1.0 - step_power(beta2, t)
    ok = rho >= 5.0
    with np.errstate(all="ignore"):
        r = np.sqrt(c2 * (rho - 4.0) / (rho_inf - 4.0) * (rho - 2.0) / rho
                    * rho_inf / (rho_inf - 2.0))
    on = np.asarray(rectify) != 0
    form = np.where(on, np.where(ok, RECTIFIED, SGD), PLAIN)
    factor = np.where(form == RECTIFIED, r, 1.0) / c1
    return form, factor


def _denominator(form, s, beta2, t, eps, out):
    """What m is divided by: sqrt(s) / sqrt(1 - beta2^t) + eps, sqrt(s) + eps, or 1."""
    if np.ndim(form) == 0:
        if form == SGD:
            out[...] = 1.0
            return out
        root = _sqrt(s, out)
        if form == PLAIN:
            _div(root, math.sqrt(1.0 - beta2 ** t), root)
        return _add(root, eps, out)
    root = np.sqrt(s)
    plain = root / np.sqrt(1.0 - step_power(beta2, t)) + eps
    out[...] = np.where(form == SGD, 1.0, np.where(form == PLAIN, plain, root + eps))
    return out


def _adabelief_kernel(hp: Mapping) -> Step:
    wd = hp["weight_decay"]
    decays = _nonzero(wd)
    beta1, beta2 = hp["beta1"], hp["beta2"]
    keep1, rest1, keep2, rest2, eps = (_operand(v) for v in (
        beta1, 1.0 - beta1, beta2, 1.0 - beta2, hp["eps"]))

    def step(w, g, state, lr, t, tmp, out):
        if decays:
            w = _mul(w, 1.0 - lr * wd, out)
        m, s = state.exp_avg, state.exp_avg_var
        _add(_mul(m, keep1, m), _mul(g, rest1, tmp[0]), m)
        surprise = _sub(g, m, tmp[0])
        _mul(s, keep2, s)
        _add(s, _mul(_mul(surprise, surprise, tmp[0]), rest2, tmp[0]), s)
        _add(s, eps, s)
        form, factor = _form_and_factor(hp, t)     # per-run values laid out as w is
        denom = _denominator(form, s, beta2, t, eps, tmp[1])
        _sub(w, _mul(_div(m, denom, denom), lr * factor, denom), out)

    return step


def _adabelief_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: weight_decay, beta1, beta2, eps, rectify, rho_inf; st: m, s. The step's form and
    # factor as _form_and_factor's for floats
    wd, beta1, beta2, eps, rho_inf = hp[0], hp[1], hp[2], hp[3], hp[5]
    rest1, rest2 = 1.0 - beta1, 1.0 - beta2
    if wd != 0.0:
        keep = 1.0 - lr * wd
        x, y = x * keep, y * keep
    mx, my = st[0] * beta1 + gx * rest1, st[1] * beta1 + gy * rest1
    rx, ry = gx - mx, gy - my
    sx, sy = st[2] * beta2 + (rx * rx) * rest2 + eps, st[3] * beta2 + (ry * ry) * rest2 + eps
    st[0], st[1], st[2], st[3] = mx, my, sx, sy
    c1 = 1.0 - math.pow(beta1, float(t))
    power = math.pow(beta2, float(t))
    c2 = 1.0 - power
    if hp[4] == 0.0:                                    # PLAIN
        factor = 1.0 / c1
        root = math.sqrt(c2)
        dx, dy = math.sqrt(sx) / root + eps, math.sqrt(sy) / root + eps
    else:
        rho = rho_inf - 2.0 * t * power / (1.0 - power)
        if rho >= 5.0:                                  # RECTIFIED
            r = math.sqrt(c2 * (rho - 4.0) / (rho_inf - 4.0) * (rho - 2.0) / rho
                          * rho_inf / (rho_inf - 2.0))
            factor = r / c1
            dx, dy = math.sqrt(sx) + eps, math.sqrt(sy) + eps
        else:                                           # SGD
            factor = 1.0 / c1
            dx = dy = 1.0
    scale = lr * factor
    return x - (mx / dx) * scale, y - (my / dy) * scale


def _adabelief_hp(hp: Mapping) -> tuple[float, ...]:
    beta2 = hp["beta2"]
    return (hp["weight_decay"], hp["beta1"], beta2, hp["eps"], float(hp["rectify"] != 0),
            2.0 / (1.0 - beta2) - 1.0)


def _adabelief_eff(state, hp, lr, t):
    """lr times the factor over the denominator (per axis): ``dw = -eff * m`` (besides the
    decoupled decay)."""
    form, factor = _form_and_factor(hp, t)
    s = state.exp_avg_var
    root = np.sqrt(s)
    plain = root / np.sqrt(1.0 - step_power(hp["beta2"], t)) + hp["eps"]
    denom = np.where(form == SGD, 1.0, np.where(form == PLAIN, plain, root + hp["eps"]))
    return lr * factor / denom


# -- explained ----------------------------------------------------------------------------------

B1, B2 = "β<sub>1</sub>", "β<sub>2</sub>"
RHO, RHO_INF = sub("ρ", T), "ρ<sub>∞</sub>"


def _adabelief_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    b1, b2, eps, wd, t = (at.hp["beta1"], at.hp["beta2"], at.hp["eps"], at.hp["weight_decay"],
                          at.t)
    rectify = bool(at.hp["rectify"])
    m, m1, s, s1, g = sub("m", T), sub("m", T1), sub("s", T), sub("s", T1), sub("g", T)
    w, w1 = sub("w", T), sub("w", T1)
    decay = f" − {at.eta} λ {w1}" if wd else ""
    r_rule = (f"r<sub>t</sub> = √(({C2}) ({RHO} − 4) ({RHO} − 2) {RHO_INF} / "
              f"(({RHO_INF} − 4) ({RHO_INF} − 2) {RHO}))")
    rule = [f"{m} = {B1} {m1} + (1 − {B1}) {g}",
            f"{s} = {B2} {s1} + (1 − {B2}) ({g} − {m})<sup>2</sup> + ε"]
    if rectify:
        rule += [f"{RHO_INF} = 2 / (1 − {B2}) − 1,   {RHO} = {RHO_INF} − 2 t {B2}<sup>t</sup> / "
                 f"({C2})", r_rule,
                 f"{w} = {w1}{decay} − {at.eta} r<sub>t</sub> {m} / ({C1}) / (√{s} + ε)   "
                 f"({RHO} ≥ 5)",
                 f"{w} = {w1}{decay} − {at.eta} {m} / ({C1})   ({RHO} &lt; 5)"]
    else:
        rule.append(f"{w} = {w1}{decay} − {at.eta} {m} / ({C1}) / (√{s} / √({C2}) + ε)")
    first = translate("Explain", "first moment: a running mean of the gradient")
    belief = translate("Explain", "belief: a running mean of the squared difference between "
                                  "the gradient and its prediction m")
    if t == 0:
        return tuple(rule), [at.initial("m", "exp_avg", first),
                             at.initial("s", "exp_avg_var", belief)]
    m0, mt, s0, st, gt = (at.prev("exp_avg"), at.cur("exp_avg"), at.prev("exp_avg_var"),
                          at.cur("exp_avg_var"), at.g)
    lines = [
        at.axes(m, f"{B1} {m1} + (1 − {B1}) {g}",
                lambda a: f"{num(b1)} × {arg(m0[a])} + {num(1.0 - b1)} × {arg(gt[a])}", mt,
                first),
        at.axes(s, f"{B2} {s1} + (1 − {B2}) ({g} − {m})<sup>2</sup> + ε",
                lambda a: (f"{num(b2)} × {arg(s0[a])} + {num(1.0 - b2)} × "
                           f"{squared(gt[a] - mt[a])} + {arg(eps)}"), st, belief),
    ]
    c1, line1 = _correction(at, 1)
    c2, line2 = _correction(at, 2)
    lines += [line1, line2]
    form, _ = _form_and_factor(at.hp, t)
    lr = num(at.lr)
    if rectify:
        rho_inf, rho = _rho(b2, t)
        lines.append(at.scalar(
            RHO, f"{RHO_INF} − 2 t {B2}<sup>t</sup> / ({C2})",
            f"{num(rho_inf)} − 2 × {t} × {arg(b2)}<sup>{t}</sup> / {arg(c2)}", rho,
            translate("Explain", "length of the approximated moving average (RAdam's ρ): the "
                                 "step is rectified once it reaches 5")))
        if form == RECTIFIED:
            ri = num(rho_inf)
            rn = num(rho)
            lines.append(at.eff_line(
                f"{at.eta} r<sub>t</sub> / ({C1}) / (√{s} + ε)",
                lambda a: (f"{lr} × √({arg(c2)} × ({rn} − 4) × ({rn} − 2) × {ri} / (({ri} − 4) "
                           f"× ({ri} − 2) × {rn})) / {arg(c1)} / (√{arg(st[a])} + "
                           f"{arg(eps)})")))
        else:
            lines.append(at.eff_line(f"{at.eta} / ({C1})", lambda a: f"{lr} / {arg(c1)}"))
    else:
        lines.append(at.eff_line(
            f"{at.eta} / ({C1}) / (√{s} / √({C2}) + ε)",
            lambda a: f"{lr} / {arg(c1)} / (√{arg(st[a])} / √{arg(c2)} + {arg(eps)})"))
    lines.append(_decoupled_step_line(at, wd, m, mt))
    return tuple(rule), lines


SPECS = (
    OptimizerSpec("adabelief", "AdaBelief", (_lr(1e-3), BETA1, BETA2, _eps(1e-16), RECTIFY,
                                             AB_DECAY),
                  AdaBeliefState, _adabelief_kernel, None, coupled_decay=False,
                  scalar_kernel=_adabelief_scalar, scalar_hp=_adabelief_hp,
                  moment="exp_avg", effective_lr=_adabelief_eff,
                  effective_lr_state=("exp_avg_var",), effective_lr_scales="moment",
                  explain=_adabelief_explain,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Adam scaled by the variance of the gradient "
                                                "around its mean: large steps where the slope is "
                                                "as predicted (Zhuang et al. 2020)")),
)
