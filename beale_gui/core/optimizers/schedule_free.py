"""Schedule-Free SGD and AdamW (torch.optim has neither).

Defazio, Yang, Mehta, Mishchenko, Khaled, Cutkosky: "The Road Less Scheduled", NeurIPS 2024
(arXiv:2405.15682). Reference implementation: facebookresearch/schedule_free, package
``schedulefree`` version 1.4.1, ``SGDScheduleFreeReference`` and
``AdamWScheduleFreeReference`` (the forms that keep x, y and z), whose update and defaults
this follows, r = 0 and weight_lr_power = 2 fixed (not offered), no warm-up by default::

    gamma_t  = lr * min(t / warmup_steps, 1)        (lr without warm-up)
    lr_max_t = max(lr_max, gamma_t),   W_t = W + lr_max_t^2,   c_t = lr_max_t^2 / W_t
    z_t = z - gamma_t * u_t                                     the SGD sequence
    x_t = (1 - c_t) x + c_t z_t                                 the average: what is evaluated
    y_t = beta x_t + (1 - beta) z_t                             where the gradient is taken

with ``u_t = g + weight_decay * y`` (SGD; beta is ``momentum``) or ``u_t = g / (sqrt(v_t /
(1 - beta2^t)) + eps) + weight_decay * y``, ``v_t = beta2 v + (1 - beta2) g^2`` (AdamW; beta is
``beta1``), g the gradient at y. At a constant rate c_t = 1/t: x is the plain mean of every z
so far, and no schedule has to be chosen in advance.

**What the engine's point is.** The engine evaluates f and the gradient at the point it keeps;
a kernel cannot ask for the gradient anywhere else. The gradient must be taken at y, so the
engine's point is y, exactly as the reference's parameter holds y in ``train()`` mode. The
average x, the point schedule-free *evaluates* (the reference's ``eval()`` mode), is kept, with
z, in the state as ``x_minus_z`` = x - z (which starts at 0, as z = x = y at the start; the
engine's state is made before it knows the start), from which x = y + (1 - beta) (x - z) and z
= y - beta (x - z) at every step (the Explain panel shows both). The window and the figures
draw x, with f there (``shown_point``, ``RunResult.shown``, from the recorded state); the data
files and the command line's printed steps keep the engine's y. The updates in this form::

    d = x - z:   z_t = y - beta d - gamma_t u_t,   d_t = (1 - c_t) (d + gamma_t u_t),
                 y_t = z_t + beta d_t

are the reference's, rearranged (the same numbers to rounding).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import ETA_EFF, T1, At, Line, T, arg, num, squared, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .adam import ADAM_EPS, BETA1, BETA2, C2, _correction
from .base import (
    OptimizerSpec,
    Step,
    _add,
    _decayer,
    _div,
    _lr,
    _mul,
    _nonzero,
    _operand,
    _sqrt,
    _sub,
    step_power,
)

SF_MOMENTUM = Param("momentum", 0.9, 0.0, 1.0, low_open=True, high_open=True,
                    help=QT_TRANSLATE_NOOP("Params",
                                           "interpolation: the gradient is taken at momentum * x "
                                           "+ (1 - momentum) * z"))
WARMUP = Param("warmup_steps", 0, 0, 1e9, integer=True,
               help=QT_TRANSLATE_NOOP("Params", "steps of linear warm-up of the learning rate"))
SF_DECAY = Param("weight_decay", 0.0, 0.0, 1e3,
                 help=QT_TRANSLATE_NOOP("Params", "weight decay, at the gradient's point y"))
_SGD_LR = QT_TRANSLATE_NOOP("Params",
                            "learning rate (0.01, as GD here; the reference's default 1.0 is "
                            "for networks and diverges on these surfaces)")


class SFSGDState(NamedTuple):
    x_minus_z: np.ndarray           # d = x - z, (n, 2)
    weight_sum: np.ndarray          # W, (n, 1)
    lr_max: np.ndarray              # the largest rate so far, (n, 1)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> SFSGDState:
        return cls(np.zeros((n, 2)), np.zeros((n, 1)), np.zeros((n, 1)))


class SFAdamWState(NamedTuple):
    x_minus_z: np.ndarray
    exp_avg_sq: np.ndarray          # v, (n, 2)
    weight_sum: np.ndarray
    lr_max: np.ndarray

    @classmethod
    def init(cls, n: int, hp: Mapping) -> SFAdamWState:
        return cls(np.zeros((n, 2)), np.zeros((n, 2)), np.zeros((n, 1)), np.zeros((n, 1)))


def warmup_rate(lr, warmup, t):
    """gamma_t = lr * t / warmup_steps for t <= warmup_steps, else lr (floats or arrays)."""
    if np.ndim(warmup) == 0 and np.ndim(t) == 0:
        return lr * (t / warmup) if t <= warmup else lr
    warmup = np.asarray(warmup, dtype=np.float64)
    safe = np.where(warmup > 0, warmup, 1.0)
    return lr * np.where(t <= warmup, t / safe, 1.0)


def _weights(state, rate):
    """lr_max and W updated in place; c_t, the averaging weight of this step (0 if W is)."""
    lr_max, total = state.lr_max, state.weight_sum
    np.maximum(lr_max, rate, out=lr_max)
    weight = lr_max * lr_max
    _add(total, weight, total)
    return np.divide(weight, total, out=np.zeros_like(total), where=total != 0.0)


def _sf_kernel(hp: Mapping, adam: bool) -> Step:
    beta = _operand(hp["beta1"] if adam else hp["momentum"])
    warmup = hp["warmup_steps"]
    decayed = None if adam else _decayer(hp)           # SGD: g + weight_decay * y
    wd = hp["weight_decay"]
    decays = adam and _nonzero(wd)
    if adam:
        beta2 = hp["beta2"]
        keep2, rest2, eps, wd_op = (_operand(v) for v in (beta2, 1.0 - beta2, hp["eps"], wd))

    def step(w, g, state, lr, t, tmp, out):
        rate = warmup_rate(lr, warmup, t)
        c = _weights(state, rate)
        if adam:
            v = state.exp_avg_sq
            _add(_mul(v, keep2, v), _mul(_mul(g, g, tmp[0]), rest2, tmp[0]), v)
            denom = _add(_sqrt(_div(v, 1.0 - beta2 ** t, tmp[0]), tmp[0]), eps, tmp[0])
            u = _div(g, denom, tmp[0])
            if decays:
                u = _add(u, _mul(w, wd_op, tmp[1]), tmp[0])
        else:
            u = g if decayed is None else decayed(g, w, tmp[0])
        moved = _mul(u, rate, tmp[1])                   # gamma_t u_t
        d = state.x_minus_z
        z = _sub(_sub(w, _mul(d, beta, tmp[2]), tmp[2]), moved, tmp[2])
        _mul(_add(d, moved, d), 1.0 - c, d)
        _add(z, _mul(d, beta, tmp[1]), out)

    return step


def _sfsgd_kernel(hp: Mapping) -> Step:
    return _sf_kernel(hp, adam=False)


def _sfadamw_kernel(hp: Mapping) -> Step:
    return _sf_kernel(hp, adam=True)


def _sf_scalar(x, y, gx, gy, lr, t, hp, st):
    # hp: beta (momentum, or beta1), warmup_steps, whether AdamW's, weight_decay, beta2, eps;
    # st: d = x - z, AdamW's v, W (weight_sum), lr_max
    beta, warmup, wd = hp[0], hp[1], hp[3]
    adam = hp[2] != 0.0
    k = 4 if adam else 2                        # where W is
    rate = lr * (t / warmup) if t <= warmup else lr                    # warmup_rate
    lr_max = st[k + 1]
    if rate > lr_max or rate != rate:           # as _weights; np.maximum: NaN wins
        lr_max = rate
    weight = lr_max * lr_max
    total = st[k] + weight
    c = weight / total if total != 0.0 else 0.0
    st[k], st[k + 1] = total, lr_max
    if adam:
        beta2, eps = hp[4], hp[5]
        rest2 = 1.0 - beta2
        vx, vy = st[2] * beta2 + (gx * gx) * rest2, st[3] * beta2 + (gy * gy) * rest2
        st[2], st[3] = vx, vy
        correction = 1.0 - math.pow(beta2, float(t))
        ux = gx / (math.sqrt(vx / correction) + eps)
        uy = gy / (math.sqrt(vy / correction) + eps)
        if wd != 0.0:
            ux, uy = ux + x * wd, uy + y * wd
    else:                                       # the registry adds the coupled decay to g
        ux, uy = gx, gy
    mx, my = ux * rate, uy * rate
    dx, dy = st[0], st[1]
    zx, zy = (x - dx * beta) - mx, (y - dy * beta) - my
    keep = 1.0 - c
    dx, dy = (dx + mx) * keep, (dy + my) * keep
    st[0], st[1] = dx, dy
    return zx + dx * beta, zy + dy * beta


def _sfsgd_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["momentum"], float(hp["warmup_steps"]), 0.0, hp["weight_decay"])


def _sfadamw_hp(hp: Mapping) -> tuple[float, ...]:
    return (hp["beta1"], float(hp["warmup_steps"]), 1.0, hp["weight_decay"], hp["beta2"],
            hp["eps"])


def _sfadamw_eff(state, hp, lr, t):
    """gamma_t / (sqrt(v / (1 - beta2^t)) + eps): the rate of the gradient in z's step."""
    rate = warmup_rate(lr, hp["warmup_steps"], t)
    correction = 1.0 - step_power(hp["beta2"], t)
    return rate / (np.sqrt(state.exp_avg_sq / correction) + hp["eps"])


# -- explained ----------------------------------------------------------------------------------

D, D1 = sub("d", T), sub("d", T1)
LR_MAX, LR_MAX1 = "η<sup>max</sup><sub>t</sub>", "η<sup>max</sup><sub>t−1</sub>"
W_SUM, W_SUM1 = sub("W", T), sub("W", T1)
C_T, GAMMA = sub("c", T), sub("γ", T)


def averaging_weight(lr_max: float, total: float) -> float:
    """c_t from the recorded lr_max and W, as the kernels compute it."""
    return lr_max * lr_max / total if total != 0.0 else 0.0


def _sf_explain(at: At, adam: bool) -> tuple[tuple[str, ...], list[Line]]:
    hp, t = at.hp, at.t
    beta = hp["beta1"] if adam else hp["momentum"]
    warmup, wd = hp["warmup_steps"], hp["weight_decay"]
    b = "β<sub>1</sub>" if adam else "β"
    y, y1, g = sub("w", T), sub("w", T1), sub("g", T)
    rate = GAMMA if warmup else at.eta
    if adam:
        v, v1 = sub("v", T), sub("v", T1)
        decay = f" + λ {y1}" if wd else ""
        u = f"({g} / (√({v} / ({C2})) + ε){decay})"
        moment_rule = [f"{v} = β<sub>2</sub> {v1} + (1 − β<sub>2</sub>) {g}<sup>2</sup>"]
    else:
        u, moment_rule = g, []
    rule = [f"{GAMMA} = {at.eta} min(t / T<sub>w</sub>, 1)"] if warmup else []
    rule += [f"{LR_MAX} = max({LR_MAX1}, {rate}),   {W_SUM} = {W_SUM1} + ({LR_MAX})<sup>2</sup>,"
             f"   {C_T} = ({LR_MAX})<sup>2</sup> / {W_SUM}",
             *moment_rule,
             f"{sub('z', T)} = {sub('z', T1)} − {rate} {u}",
             f"{sub('x', T)} = (1 − {C_T}) {sub('x', T1)} + {C_T} {sub('z', T)}",
             f"{y} = {b} {sub('x', T)} + (1 − {b}) {sub('z', T)}",
             f"{D} = {sub('x', T)} − {sub('z', T)} = (1 − {C_T}) ({D1} + {rate} {u})"]
    gap = translate("Explain", "x − z: the averaged point's offset from the SGD point "
                               "(x = w + (1 − β) d, z = w − β d)")
    largest = translate("Explain", "largest learning rate so far")
    total = translate("Explain", "sum of the averaging weights so far")
    second = translate("Explain", "second moment: a running mean of the squared gradient")
    if t == 0:
        lines = [at.initial("d", "x_minus_z", gap)]
        if adam:
            lines.append(at.initial("v", "exp_avg_sq", second))
        return tuple(rule), [*lines, at.initial("W", "weight_sum", total),
                             at.initial("η<sup>max</sup>", "lr_max", largest)]
    lines = []
    gamma = warmup_rate(at.lr, warmup, t)
    if warmup:
        numbers = f"{num(at.lr)} × {t} / {int(warmup)}" if t <= warmup else num(at.lr)
        lines.append(at.scalar(GAMMA, f"{at.eta} min(t / T<sub>w</sub>, 1)", numbers, gamma,
                               translate("Explain", "learning rate of this step, warmed up")))
    m0, m = float(at.prev("lr_max")[0]), float(at.cur("lr_max")[0])
    s0, s = float(at.prev("weight_sum")[0]), float(at.cur("weight_sum")[0])
    c = averaging_weight(m, s)
    lines += [
        at.scalar(LR_MAX, f"max({LR_MAX1}, {rate})", f"max({num(m0)}, {num(gamma)})", m,
                  largest),
        at.scalar(W_SUM, f"{W_SUM1} + ({LR_MAX})<sup>2</sup>", f"{num(s0)} + {squared(m)}", s,
                  total),
        at.scalar(C_T, f"({LR_MAX})<sup>2</sup> / {W_SUM}", f"{squared(m)} / {arg(s)}", c,
                  translate("Explain", "averaging weight of this step (1/t at a constant "
                                       "rate)")),
    ]
    d0, d, gt, w0 = at.prev("x_minus_z"), at.cur("x_minus_z"), at.g, at.w0
    if adam:
        v0, vt = at.prev("exp_avg_sq"), at.cur("exp_avg_sq")
        b2, eps = hp["beta2"], hp["eps"]
        c2, line2 = _correction(at, 2)
        lines += [
            at.axes(v, f"β<sub>2</sub> {v1} + (1 − β<sub>2</sub>) {g}<sup>2</sup>",
                    lambda a: f"{num(b2)} × {arg(v0[a])} + {num(1.0 - b2)} × {squared(gt[a])}",
                    vt, second),
            line2,
            at.eff_line(f"{rate} / (√({v} / ({C2})) + ε)",
                        lambda a: f"{num(gamma)} / (√({num(vt[a])} / {arg(c2)}) + {arg(eps)})"),
        ]
        step_u = f"{ETA_EFF} {g}" + (f" + {rate} λ {y1}" if wd else "")

        def moved(a: int) -> str:
            text = f"{arg(at.eff[a])} × {arg(gt[a])}"
            return text + (f" + {arg(gamma)} × {arg(wd)} × {arg(w0[a])}" if wd else "")
    else:
        step_u = f"{rate} {g}"

        def moved(a: int) -> str:
            return f"{arg(gamma)} × {arg(gt[a])}"

    new = at.w
    lines += [
        at.axes(D, f"(1 − {C_T}) ({D1} + {step_u})",
                lambda a: f"(1 − {num(c)}) × ({num(d0[a])} + {moved(a)})", d, gap),
        at.axes(sub("z", T), f"{y} − {b} {D}",
                lambda a: f"{num(new[a])} − {num(beta)} × {arg(d[a])}", new - d * beta,
                translate("Explain", "z: the plain SGD sequence")),
        at.axes(sub("x", T), f"{y} + (1 − {b}) {D}",
                lambda a: f"{num(new[a])} + {num(1.0 - beta)} × {arg(d[a])}",
                new + d * (1.0 - beta),
                translate("Explain", "x: the average of the z so far, the point schedule-free "
                                     "evaluates and the path draws (w is y, where the gradient "
                                     "is taken)")),
        at.step_line(f"−{b} {C_T} {D1} − (1 − {b} (1 − {C_T})) ({step_u})",
                     lambda a: (f"−{num(beta)} × {num(c)} × {arg(d0[a])} − (1 − {num(beta)} × "
                                f"(1 − {num(c)})) × ({moved(a)})")),
    ]
    return tuple(rule), lines


def _sfsgd_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    return _sf_explain(at, adam=False)


def _averaged(beta: str):
    """x = y + (1 - beta) (x - z) at every recorded step: the average schedule-free evaluates."""
    def shown(state: Mapping, hp: Mapping, paths: np.ndarray) -> np.ndarray:
        return paths + (1.0 - hp[beta]) * state["x_minus_z"]
    return shown


def _sfadamw_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    return _sf_explain(at, adam=True)


SPECS = (
    OptimizerSpec("sfsgd", "Schedule-Free SGD",
                  (_lr(0.01, _SGD_LR), SF_MOMENTUM, WARMUP, SF_DECAY), SFSGDState,
                  _sfsgd_kernel, None, explain=_sfsgd_explain, scalar_kernel=_sf_scalar,
                  scalar_hp=_sfsgd_hp,
                  shown_point=_averaged("momentum"),
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "SGD whose gradient is taken between its iterate "
                                                "and their running average; the path draws the "
                                                "average (Defazio et al. 2024)")),
    OptimizerSpec("sfadamw", "Schedule-Free AdamW",
                  (_lr(0.0025), BETA1, BETA2, ADAM_EPS, WARMUP, SF_DECAY), SFAdamWState,
                  _sfadamw_kernel, None, coupled_decay=False, scalar_kernel=_sf_scalar,
                  scalar_hp=_sfadamw_hp,
                  effective_lr=_sfadamw_eff, effective_lr_state=("exp_avg_sq",),
                  effective_lr_scales="gradient", explain=_sfadamw_explain,
                  shown_point=_averaged("beta1"),
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Schedule-free averaging with Adam's "
                                                "per-axis rate; the path draws the average "
                                                "(Defazio et al. 2024)")),
)
