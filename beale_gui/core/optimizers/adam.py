"""Adam and its variants: AdamW, NAdam, AMSGrad (``torch.optim.Adam``, ``AdamW``, ``NAdam``,
``Adam(amsgrad=True)``)."""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import ETA_EFF, T1, At, Line, T, arg, hat, num, squared, sub
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
    _sqrt_of,
    _sub,
    step_power,
)

BETA1 = Param("beta1", 0.9, 0.0, 1.0, high_open=True,
              help=QT_TRANSLATE_NOOP("Params", "decay of the first moment"))
BETA2 = Param("beta2", 0.999, 0.0, 1.0, high_open=True,
              help=QT_TRANSLATE_NOOP("Params", "decay of the second moment"))
ADAM_EPS = _eps(1e-8)
DECOUPLED_DECAY = Param("weight_decay", 0.01, 0.0, 1e3,
                        help=QT_TRANSLATE_NOOP("Params", "decoupled weight decay"))
DECOUPLED_SWITCH = Param(
    "decoupled_weight_decay", 0, 0, 1, integer=True, flag=True,
    help=QT_TRANSLATE_NOOP("Params", "1: decay the weights themselves, as AdamW; 0: add the "
                                     "decay to the gradient"))
MOMENTUM_DECAY = Param("momentum_decay", 0.004, 0.0, 1e3,
                       help=QT_TRANSLATE_NOOP("Params", "momentum decay psi"))


class AdamState(NamedTuple):
    exp_avg: np.ndarray             # m, (n, 2)
    exp_avg_sq: np.ndarray          # v, (n, 2)
    max_exp_avg_sq: np.ndarray      # AMSGrad's running maximum of v (0 for the others)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> AdamState:
        return cls(np.zeros((n, 2)), np.zeros((n, 2)), np.zeros((n, 2)))


class NAdamState(NamedTuple):
    exp_avg: np.ndarray
    exp_avg_sq: np.ndarray
    max_exp_avg_sq: np.ndarray      # unused, stays 0
    mu_product: np.ndarray          # (n, 1)
    nesterov_moment: np.ndarray     # the bias-corrected Nesterov moment, shown (n, 2)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> NAdamState:
        return cls(*AdamState.init(n, hp), np.ones((n, 1)), np.zeros((n, 2)))


# -- Adam, AdamW, AMSGrad -----------------------------------------------------------------------

def first_moment(hp: Mapping):
    """The first moment's update, in place: m lerps to g (torch's ``exp_avg.lerp_(grad,
    1 - beta1)``, ``m + (g - m) * (1 - beta1)``)."""
    rest1 = _operand(1.0 - hp["beta1"])

    def first(g, m, tmp):
        _add(m, _mul(_sub(g, m, tmp), rest1, tmp), m)

    return first


def _moments(hp: Mapping):
    """Adam's moment updates, in place: m lerps to g (:func:`first_moment`),
    v = beta2 * v + (1 - beta2) * (g * g)."""
    beta2, rest2 = (_operand(v) for v in (hp["beta2"], 1.0 - hp["beta2"]))
    first = first_moment(hp)

    def moments(g, state, tmp):
        v = state.exp_avg_sq
        first(g, state.exp_avg, tmp)
        _mul(v, beta2, v)
        _add(v, _mul(_mul(g, g, tmp), rest2, tmp), v)

    return moments


def adam_folds_root(hp: Mapping) -> bool:
    """Whether Adam's step may take ``root = sqrt(1 - beta2**t)`` into its scalars, as
    ``m / (sqrt(v) + eps * root) * (step_size * root)`` for torch's
    ``m / (sqrt(v) / root + eps) * step_size``: one division of the arrays fewer, the same to a
    few units in the last place, unless ``eps * root`` could leave the normal floats (root is
    smallest at step 1), where torch's own order is kept."""
    smallest = np.asarray(hp["eps"]) * np.sqrt(1.0 - np.asarray(hp["beta2"]))
    return bool(np.all(smallest >= sys.float_info.min))


def _adam_kernel(hp: Mapping, amsgrad: bool = False, decoupled: bool = False) -> Step:
    decayed = None if decoupled else _decayer(hp)   # AdamW decays the weights instead
    wd, beta1, beta2 = hp.get("weight_decay", 0.0), hp["beta1"], hp["beta2"]
    eps = _operand(hp["eps"])
    moments = _moments(hp)
    folds = adam_folds_root(hp)

    def step(w, g, state, lr, t, tmp, out):
        if decoupled:
            w = _mul(w, 1.0 - lr * wd, out)      # w * (1 - lr * wd), then minus the step
        elif decayed is not None:
            g = decayed(g, w, tmp[0])
        moments(g, state, tmp[1])
        step_size = lr / (1.0 - beta1 ** t)
        root = _sqrt_of(1.0 - beta2 ** t)
        v = state.exp_avg_sq
        if amsgrad:
            v = np.maximum(state.max_exp_avg_sq, v, out=state.max_exp_avg_sq)
        if folds:
            denom = _add(_sqrt(v, tmp[1]), eps * root, tmp[1])
            step_size = step_size * root
        else:
            denom = _add(_div(_sqrt(v, tmp[1]), root, tmp[1]), eps, tmp[1])
        _sub(w, _mul(_div(state.exp_avg, denom, denom), step_size, denom), out)

    return step


def _amsgrad_kernel(hp: Mapping) -> Step:
    return _adam_kernel(hp, amsgrad=True)


def _adamw_kernel(hp: Mapping) -> Step:
    return _adam_kernel(hp, decoupled=True)


def _adam_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: beta1, beta2, eps, weight_decay, folds the root, AMSGrad, decoupled (AdamW);
    # st: m, v, AMSGrad's maximum of v
    beta1, beta2, eps = hp[0], hp[1], hp[2]
    rest1, rest2 = 1.0 - beta1, 1.0 - beta2
    if hp[6] != 0.0:
        decay = 1.0 - lr * hp[3]
        x, y = x * decay, y * decay
    mx, my = st[0] + (gx - st[0]) * rest1, st[1] + (gy - st[1]) * rest1
    vx, vy = st[2] * beta2 + (gx * gx) * rest2, st[3] * beta2 + (gy * gy) * rest2
    st[0], st[1], st[2], st[3] = mx, my, vx, vy
    step_size = lr / (1.0 - math.pow(beta1, float(t)))
    root = math.sqrt(1.0 - math.pow(beta2, float(t)))
    if hp[5] != 0.0:                           # np.maximum: NaN when either is NaN
        if vx > st[4] or vx != vx:
            st[4] = vx
        if vy > st[5] or vy != vy:
            st[5] = vy
        sx, sy = math.sqrt(st[4]), math.sqrt(st[5])
    else:
        sx, sy = math.sqrt(vx), math.sqrt(vy)
    if hp[4] != 0.0:
        tiny = eps * root
        dx, dy = sx + tiny, sy + tiny
        step_size = step_size * root
    else:
        dx, dy = sx / root + eps, sy / root + eps
    return x - (mx / dx) * step_size, y - (my / dy) * step_size


def _adam_hp(hp: Mapping, amsgrad: bool = False, decoupled: bool = False) -> tuple[float, ...]:
    return (hp["beta1"], hp["beta2"], hp["eps"], hp.get("weight_decay", 0.0),
            float(adam_folds_root(hp)), float(amsgrad), float(decoupled))


def _amsgrad_hp(hp: Mapping) -> tuple[float, ...]:
    return _adam_hp(hp, amsgrad=True)


def _adamw_hp(hp: Mapping) -> tuple[float, ...]:
    return _adam_hp(hp, decoupled=True)


def _adam_eff(state, hp, lr, t, amsgrad=False):
    v = state.max_exp_avg_sq if amsgrad else state.exp_avg_sq
    denom = np.sqrt(v) / np.sqrt(1.0 - step_power(hp["beta2"], t)) + hp["eps"]
    return lr / (1.0 - step_power(hp["beta1"], t)) / denom


def _amsgrad_eff(state, hp, lr, t):
    return _adam_eff(state, hp, lr, t, amsgrad=True)


# -- torch's decoupled_weight_decay switch (NAdam, RAdam) --------------------------------------

def decay_split(hp: Mapping):
    """Weight decay as torch's ``decoupled_weight_decay`` switch applies it, per run:
    ``(coupled, decoupled)``. ``coupled(g, w, out)`` is the gradient with ``weight_decay * w``
    added for the runs whose switch is off (None when no run's is); ``decoupled`` the weight
    decay of the runs that decay their weights, ``w * (1 - lr * decoupled)``, 0 for the
    others (None when no run does). A scalar switch leaves torch's operations as they are;
    per-run switches pick each run's result, so every run gets the bits it gets alone."""
    wd = hp.get("weight_decay", 0.0)
    switch = hp.get("decoupled_weight_decay", 0.0)
    if not _nonzero(wd) or not _nonzero(switch):
        return _decayer(hp), None
    on = np.asarray(switch) != 0
    if on.all():
        return None, wd
    decayed = _decayer(hp)

    def coupled(g, w, out):
        decayed(g, w, out)
        np.copyto(out, g, where=on)
        return out

    return coupled, np.where(on, wd, 0.0)


def _decoupled_float(hp: Mapping) -> float:
    """The weight decay a float kernel applies to the weights (0: none, or coupled)."""
    wd = hp.get("weight_decay", 0.0)
    return wd if hp.get("decoupled_weight_decay", 0.0) and wd else 0.0


# -- NAdam --------------------------------------------------------------------------------------

def _nadam_mu(hp, t):
    return hp["beta1"] * (1.0 - 0.5 * step_power(0.96, t, hp["momentum_decay"]))


def _nadam_kernel(hp: Mapping) -> Step:
    decayed, decoupled = decay_split(hp)
    beta2, eps = hp["beta2"], hp["eps"]
    moments = _moments(hp)

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        if decoupled is not None:
            w = _mul(w, 1.0 - lr * decoupled, out)   # torch: param.mul_(1 - lr * wd)
        mu, mu_next = _nadam_mu(hp, t), _nadam_mu(hp, t + 1)
        mu_product = state.mu_product
        mu_product *= mu
        moments(g, state, tmp[1])
        denom = np.sqrt(state.exp_avg_sq / (1.0 - beta2 ** t))
        denom += eps
        first = lr * (1.0 - mu) / (1.0 - mu_product) * (g / denom)
        second = lr * mu_next / (1.0 - mu_product * mu_next) * (state.exp_avg / denom)
        # what the step is -lr / denom times: the bias-corrected Nesterov moment (shown, not
        # used; the step keeps torch's two terms)
        moment = state.nesterov_moment
        _mul(g, (1.0 - mu) / (1.0 - mu_product), moment)
        _add(moment, _mul(state.exp_avg, mu_next / (1.0 - mu_product * mu_next), tmp[2]),
             moment)
        _sub(_sub(w, first, out), second, out)   # (w - first) - second

    return step


def _nadam_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: beta1, beta2, eps, momentum_decay, decoupled weight decay (0: none or coupled);
    # st: m, v, max_exp_avg_sq (unused), mu_product, the bias-corrected Nesterov moment
    beta1, beta2, eps, psi, wd = hp[0], hp[1], hp[2], hp[3], hp[4]
    rest1, rest2 = 1.0 - beta1, 1.0 - beta2
    if wd != 0.0:
        x, y = x * (1.0 - lr * wd), y * (1.0 - lr * wd)
    mu = beta1 * (1.0 - 0.5 * math.pow(0.96, t * psi))
    mu_next = beta1 * (1.0 - 0.5 * math.pow(0.96, (t + 1) * psi))
    product = st[6] * mu
    mx, my = st[0] + (gx - st[0]) * rest1, st[1] + (gy - st[1]) * rest1
    vx, vy = st[2] * beta2 + (gx * gx) * rest2, st[3] * beta2 + (gy * gy) * rest2
    correction = 1.0 - math.pow(beta2, float(t))
    dx, dy = math.sqrt(vx / correction) + eps, math.sqrt(vy / correction) + eps
    kept, done, done_next = 1.0 - mu, 1.0 - product, 1.0 - product * mu_next
    a = lr * kept / done
    b = lr * mu_next / done_next
    c, d = kept / done, mu_next / done_next     # the bias-corrected Nesterov moment, shown
    st[0], st[1], st[2], st[3], st[6] = mx, my, vx, vy, product
    st[7], st[8] = gx * c + mx * d, gy * c + my * d
    return (x - a * (gx / dx)) - b * (mx / dx), (y - a * (gy / dy)) - b * (my / dy)


def _nadam_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["beta1"], hp["beta2"], hp["eps"], hp["momentum_decay"], _decoupled_float(hp))


def _nadam_eff(state, hp, lr, t):
    denom = np.sqrt(state.exp_avg_sq / (1.0 - step_power(hp["beta2"], t))) + hp["eps"]
    return lr / denom


# -- explained ----------------------------------------------------------------------------------

B1, B2 = "β<sub>1</sub>", "β<sub>2</sub>"
C1, C2 = f"1 − {B1}<sup>t</sup>", f"1 − {B2}<sup>t</sup>"     # the bias corrections
M, M1, V, V1, G = sub("m", T), sub("m", T1), sub("v", T), sub("v", T1), sub("g", T)
M_HAT, V_HAT = sub(hat("m"), T), sub(hat("v"), T)
V_MAX, V_MAX1 = f"v<sup>max</sup><sub>{T}</sub>", f"v<sup>max</sup><sub>{T1}</sub>"


def _moment_rules() -> list[str]:
    return [f"{M} = {B1} {M1} + (1 − {B1}) {G}", f"{V} = {B2} {V1} + (1 − {B2}) {G}<sup>2</sup>"]


def _moment_lines(at: At) -> list[Line]:
    """m and v after the update (exp_avg, exp_avg_sq)."""
    b1, b2, g = at.hp["beta1"], at.hp["beta2"], at.g
    m0, m, v0, v = (at.prev("exp_avg"), at.cur("exp_avg"), at.prev("exp_avg_sq"),
                    at.cur("exp_avg_sq"))
    return [
        at.axes(M, f"{B1} {M1} + (1 − {B1}) {G}",
                lambda a: f"{num(b1)} × {arg(m0[a])} + {num(1.0 - b1)} × {arg(g[a])}", m,
                translate("Explain", "first moment: a running mean of the gradient")),
        at.axes(V, f"{B2} {V1} + (1 − {B2}) {G}<sup>2</sup>",
                lambda a: f"{num(b2)} × {arg(v0[a])} + {num(1.0 - b2)} × {squared(g[a])}", v,
                translate("Explain", "second moment: a running mean of the squared gradient")),
    ]


def _correction(at: At, which: int) -> tuple[float, Line]:
    """1 − beta^t, as the kernels compute it, and its line."""
    beta = at.hp[f"beta{which}"]
    value = 1.0 - beta ** at.t
    symbol = C1 if which == 1 else C2
    meaning = (translate("Explain", "bias correction of the first moment")
               if which == 1 else
               translate("Explain", "bias correction of the second moment"))
    return value, at.scalar(symbol, symbol, f"1 − {num(beta)}<sup>{at.t}</sup>", value, meaning)


def _adam_explain(at: At, amsgrad: bool = False,
                  decoupled: bool = False) -> tuple[tuple[str, ...], list[Line]]:
    eps, wd = at.hp["eps"], at.hp.get("weight_decay", 0.0)
    decays = decoupled and wd != 0.0
    w, w1 = sub("w", T), sub("w", T1)
    rule = _moment_rules()
    if amsgrad:
        rule += [f"{V_MAX} = max({V_MAX1}, {V})",
                 f"{M_HAT} = {M} / ({C1}),   {V_HAT} = {V_MAX} / ({C2})"]
    else:
        rule.append(f"{M_HAT} = {M} / ({C1}),   {V_HAT} = {V} / ({C2})")
    decay = f" − {at.eta} λ {w1}" if decays else ""
    rule.append(f"{w} = {w1}{decay} − {at.eta} {M_HAT} / (√{V_HAT} + ε)")
    if at.t == 0:
        lines = [at.initial("m", "exp_avg",
                            translate("Explain", "first moment: a running mean of the gradient")),
                 at.initial("v", "exp_avg_sq", translate(
                     "Explain", "second moment: a running mean of the squared gradient"))]
        if amsgrad:
            lines.append(at.initial("v<sup>max</sup>", "max_exp_avg_sq", translate(
                "Explain", "largest second moment so far")))
        return tuple(rule), lines
    lines = _moment_lines(at)
    denom, denom_symbol = at.cur("exp_avg_sq"), V
    if amsgrad:
        before, denom = at.prev("max_exp_avg_sq"), at.cur("max_exp_avg_sq")
        v, denom_symbol = at.cur("exp_avg_sq"), V_MAX
        lines.append(at.axes(V_MAX, f"max({V_MAX1}, {V})",
                             lambda a: f"max({num(before[a])}, {num(v[a])})", denom,
                             translate("Explain", "largest second moment so far")))
    c1, line1 = _correction(at, 1)
    c2, line2 = _correction(at, 2)
    m = at.cur("exp_avg")
    lines += [
        line1, line2,
        at.eff_line(f"{at.eta} / ({C1}) / (√{denom_symbol} / √({C2}) + ε)",
                    lambda a: f"{num(at.lr)} / {arg(c1)} / (√{arg(denom[a])} / √{arg(c2)} + "
                              f"{arg(eps)})"),
    ]
    lines.append(_decoupled_step_line(at, wd if decays else 0.0, M, m))
    return tuple(rule), lines


def _amsgrad_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    return _adam_explain(at, amsgrad=True)


def _adamw_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    return _adam_explain(at, decoupled=True)


def _nadam_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    # torch.optim.NAdam: mu_t = beta1 (1 - 0.5 * 0.96^(t psi)), Pi_t the product mu_1 ... mu_t
    b1, eps, psi, t = at.hp["beta1"], at.hp["eps"], at.hp["momentum_decay"], at.t
    mu, mu1 = sub("μ", T), sub("μ", "t+1")
    pi, pi1 = sub("Π", T), sub("Π", T1)
    wd = _decoupled_float(at.hp)
    w1 = sub("w", T1)
    decay = f" − {at.eta} λ {w1}" if wd else ""
    rule = [f"{mu} = {B1} (1 − ½ · 0.96<sup>t ψ</sup>)",
            *_moment_rules(),
            f"{pi} = {pi1} {mu}",
            f"{M_HAT} = {mu1} {M} / (1 − {pi} {mu1}) + (1 − {mu}) {G} / (1 − {pi})",
            f"{V_HAT} = {V} / ({C2})",
            f"{sub('w', T)} = {w1}{decay} − {at.eta} {M_HAT} / (√{V_HAT} + ε)"]
    product = translate("Explain", "product of the momentum coefficients so far")
    nesterov = translate("Explain", "Nesterov moment: the bias-corrected mix of g and m")
    if t == 0:
        return tuple(rule), [
            at.initial("m", "exp_avg",
                       translate("Explain", "first moment: a running mean of the gradient")),
            at.initial("v", "exp_avg_sq", translate(
                "Explain", "second moment: a running mean of the squared gradient")),
            at.initial("Π", "mu_product", product, "1"),
            at.initial(hat("m"), "nesterov_moment", nesterov)]
    mu_t = b1 * (1.0 - 0.5 * 0.96 ** (t * psi))             # as the kernels compute them
    mu_next = b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi))

    def coefficient(step: int) -> str:
        return f"{num(b1)} × (1 − 0.5 × 0.96<sup>{step} × {num(psi)}</sup>)"

    p0, p = float(at.prev("mu_product")[0]), float(at.cur("mu_product")[0])
    m, g, n = at.cur("exp_avg"), at.g, at.cur("nesterov_moment")
    v = at.cur("exp_avg_sq")
    c2, line2 = _correction(at, 2)
    coefficient_meaning = translate("Explain", "momentum coefficient of this step")
    return tuple(rule), [
        at.scalar(mu, f"{B1} (1 − ½ · 0.96<sup>t ψ</sup>)", coefficient(t), mu_t,
                  coefficient_meaning),
        at.scalar(mu1, f"{B1} (1 − ½ · 0.96<sup>(t+1) ψ</sup>)", coefficient(t + 1), mu_next,
                  translate("Explain", "momentum coefficient of the next step")),
        *_moment_lines(at),
        at.scalar(pi, f"{pi1} {mu}", f"{num(p0)} × {num(mu_t)}", p, product),
        at.axes(M_HAT, f"{mu1} {M} / (1 − {pi} {mu1}) + (1 − {mu}) {G} / (1 − {pi})",
                lambda a: (f"{num(mu_next)} × {arg(m[a])} / (1 − {num(p)} × {num(mu_next)}) + "
                           f"(1 − {num(mu_t)}) × {arg(g[a])} / (1 − {num(p)})"), n, nesterov),
        line2,
        at.eff_line(f"{at.eta} / (√({V} / ({C2})) + ε)",
                    lambda a: f"{num(at.lr)} / (√({num(v[a])} / {arg(c2)}) + {arg(eps)})"),
        _decoupled_step_line(at, wd, M_HAT, n),
    ]


def _decoupled_step_line(at: At, wd: float, moment: str, values) -> Line:
    """Δw = [−η λ w<sub>t−1</sub>] − η<sup>eff</sup> ``moment``: the step of an optimizer whose
    effective rate scales ``moment``, with its decoupled weight decay ``wd`` (0: none)."""
    if not wd:
        return at.step_line(f"−{ETA_EFF} {moment}",
                            lambda a: f"−{arg(at.eff[a])} × {arg(values[a])}")
    return at.step_line(
        f"−{at.eta} λ {sub('w', T1)} − {ETA_EFF} {moment}",
        lambda a: (f"−{arg(at.lr)} × {arg(wd)} × {arg(at.w0[a])} − {arg(at.eff[a])} × "
                   f"{arg(values[a])}"))


_ADAM_STATE = ("exp_avg_sq",)
_ADAM_PARAMS = (BETA1, BETA2, ADAM_EPS)

SPECS = (
    OptimizerSpec("adam", "Adam", (_lr(0.001), *_ADAM_PARAMS, WEIGHT_DECAY), AdamState,
                  _adam_kernel, None, moment="exp_avg", effective_lr=_adam_eff,
                  effective_lr_state=_ADAM_STATE, effective_lr_scales="moment",
                  explain=_adam_explain, scalar_kernel=_adam_scalar, scalar_hp=_adam_hp,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Momentum + RMSprop with bias correction")),
    OptimizerSpec("adamw", "AdamW", (_lr(0.001), *_ADAM_PARAMS, DECOUPLED_DECAY), AdamState,
                  _adamw_kernel, None, coupled_decay=False, moment="exp_avg",
                  effective_lr=_adam_eff, effective_lr_state=_ADAM_STATE,
                  effective_lr_scales="moment",
                  explain=_adamw_explain, scalar_kernel=_adam_scalar, scalar_hp=_adamw_hp,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Adam with weight decay applied to w, not to the "
                                                "gradient")),
    OptimizerSpec("nadam", "NAdam", (_lr(0.002), *_ADAM_PARAMS, MOMENTUM_DECAY, WEIGHT_DECAY,
                                     DECOUPLED_SWITCH),
                  NAdamState, _nadam_kernel, None, moment="nesterov_moment",
                  effective_lr=_nadam_eff, effective_lr_state=_ADAM_STATE,
                  effective_lr_scales="moment",
                  explain=_nadam_explain, scalar_kernel=_nadam_scalar, scalar_hp=_nadam_hp,
                  description=QT_TRANSLATE_NOOP("Optimizers", "Adam with Nesterov momentum")),
    OptimizerSpec("amsgrad", "AMSGrad", (_lr(0.001), *_ADAM_PARAMS, WEIGHT_DECAY), AdamState,
                  _amsgrad_kernel, None, moment="exp_avg", effective_lr=_amsgrad_eff,
                  effective_lr_state=("max_exp_avg_sq",), effective_lr_scales="moment",
                  explain=_amsgrad_explain, scalar_kernel=_adam_scalar, scalar_hp=_amsgrad_hp,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Adam with the running maximum of the second "
                                                "moment")),
)
