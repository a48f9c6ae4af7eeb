"""Newton's method: the step to the minimum of the local quadratic model (torch.optim has none).

At ``w`` the function is modelled by ``f(w) + g·d + d·H d / 2`` with the exact Hessian ``H``
(:meth:`TestFunction.hessian <beale_gui.core.functions.base.TestFunction.hessian>`); its
stationary point is ``w - p`` with the Newton step ``p = (H + damping I)^-1 g``, and the update
is ``w - lr * p``, as gradient descent's is ``w - lr * g`` (``lr`` 1 is the pure method;
``damping`` > 0 is Levenberg's, which bends the step toward the gradient's and keeps it finite
where H is singular). Near a minimum where H is positive definite it converges quadratically; it
is blind to which way is down, so where ``H + damping I`` is indefinite its step goes to a
saddle of the model and where it is negative definite to a maximum: that is the method, shown as
it is, and the state says which case each step was (``curvature``):

==========  ====================================================================================
curvature   ``H + damping I`` at the step's point
==========  ====================================================================================
1           positive definite: the Newton step, downhill
-1          indefinite (a saddle of the model): the Newton step, toward the saddle
-2          negative definite (a maximum of the model): the Newton step, uphill
0           singular (|det| at most 1e-12 of its entries' squares): no Newton step exists;
            ``p = g``, a gradient-descent step
==========  ====================================================================================

A probing optimizer (:mod:`beale_gui.core.engine.probing`): its kernel reads the function's
Hessian at each point, one evaluation of f and the gradient per step.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import T1, At, Line, T, arg, num, squared, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .base import OptimizerSpec, _lr

DAMPING = Param("damping", 0.0, 0.0, 1e6,
                help=QT_TRANSLATE_NOOP("Params", "added to the Hessian's diagonal (Levenberg): "
                                                 "0 is the pure Newton step"))
SINGULAR = 1e-12          # |det| at most this times the entries' squares: singular

POSITIVE, SINGULAR_CODE, INDEFINITE, NEGATIVE = 1.0, 0.0, -1.0, -2.0
CURVATURE_NAMES = {
    POSITIVE: QT_TRANSLATE_NOOP("Explain", "positive definite: the step goes downhill to the "
                                           "model's minimum"),
    SINGULAR_CODE: QT_TRANSLATE_NOOP("Explain", "singular: no Newton step exists; the step is "
                                                "the gradient's"),
    INDEFINITE: QT_TRANSLATE_NOOP("Explain", "indefinite: the step goes to the model's saddle, "
                                             "not to a minimum"),
    NEGATIVE: QT_TRANSLATE_NOOP("Explain", "negative definite: the step goes uphill to the "
                                           "model's maximum"),
}


class NewtonState(NamedTuple):
    hessian: np.ndarray             # (n, 3): hxx, hxy, hyy at the step's point
    newton_step: np.ndarray         # (n, 2): p = (H + damping I)^-1 g; the update is -lr * p
    curvature: np.ndarray           # (n, 1): 1, 0, -1 or -2 (the module's table)

    @classmethod
    def init(cls, n: int, hp: Mapping) -> NewtonState:
        return cls(np.zeros((n, 3)), np.zeros((n, 2)), np.full((n, 1), POSITIVE))


def newton_step(h: np.ndarray, g: np.ndarray, damping) -> tuple[np.ndarray, np.ndarray]:
    """``p = (H + damping I)^-1 g`` for Hessians ``h`` (n, 3) and gradients ``g`` (n, 2), and
    the curvature code of each (n,): ``g`` itself where the matrix is singular."""
    a = h[:, 0] + damping
    b = h[:, 1]
    c = h[:, 2] + damping
    det = a * c - b * b
    gx, gy = g[:, 0], g[:, 1]
    p = np.empty_like(g)
    with np.errstate(all="ignore"):                 # a singular one's is replaced below
        p[:, 0] = (c * gx - b * gy) / det
        p[:, 1] = (a * gy - b * gx) / det
    singular = ~(np.abs(det) > SINGULAR * (a * a + 2.0 * b * b + c * c))
    code = np.where(det < 0.0, INDEFINITE, np.where(a > 0.0, POSITIVE, NEGATIVE))
    if singular.any():
        p[singular] = g[singular]
        code[singular] = SINGULAR_CODE
    return p, code


def _newton_probe(function):
    def step(w, f, g, state, hp, lr, t):
        damping = hp["damping"]
        if isinstance(damping, np.ndarray):
            damping = damping[:, 0]
        h = function.hessian(w)
        state.hessian[:, 0], state.hessian[:, 1], state.hessian[:, 2] = (
            h[:, 0, 0], h[:, 0, 1], h[:, 1, 1])
        p, code = newton_step(state.hessian, g, damping)
        state.newton_step[...] = p
        state.curvature[:, 0] = code
        return w - lr * p, np.ones(len(w), dtype=np.int64)

    return step


# -- explained ----------------------------------------------------------------------------------

def _newton_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    lam = at.hp["damping"]
    w1, g, p, H = sub("w", T1), sub("g", T), sub("p", T), sub("H", T)
    damped = f"({H} + μ I)" if lam else H
    rule = (f"{H} = ∇²f({w1})",
            f"{p} = {damped}<sup>−1</sup> {g}",
            f"{sub('w', T)} = {w1} − {at.eta} {p}")
    if at.t == 0:
        later = translate("Explain", "worked out at the first step")
        return rule, [at.initial("H", "hessian", later), at.initial("c", "curvature", later, "1"),
                      at.initial("p", "newton_step", later)]
    h, pt = at.cur("hessian"), at.cur("newton_step")
    code = float(at.cur("curvature")[0])
    a, b, c = h[0] + lam, h[1], h[2] + lam
    det = a * c - b * b
    if lam:
        entries = f"({num(h[0])} + {arg(lam)}) × ({num(h[2])} + {arg(lam)})"
        formula = "(∂²f/∂x² + μ) (∂²f/∂y² + μ) − (∂²f/∂x∂y)²"
    else:
        entries = f"{arg(h[0])} × {arg(h[2])}"
        formula = "∂²f/∂x² ∂²f/∂y² − (∂²f/∂x∂y)²"
    lines = [
        Line(H, "(∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²)", (num(h[0]), num(h[1]), num(h[2])),
             (float(h[0]), float(h[1]), float(h[2])),
             translate("Explain", "the Hessian at the previous point: ∂²f/∂x², ∂²f/∂x∂y, "
                                  "∂²f/∂y²")),
        at.scalar(sub("D", T), f"det {damped} = {formula}",
                  f"{entries} − {squared(b)}", det,
                  translate("Explain", "determinant: negative at a saddle of the local model")),
        at.scalar(sub("c", T), translate("Explain", "the case of {0}").format(damped),
                  num(code), code, translate("Explain", CURVATURE_NAMES[code])),
    ]
    if code == SINGULAR_CODE:
        lines.append(at.axes(p, g, lambda k: num(at.g[k]), pt,
                             translate("Explain", "no Newton step: the gradient's direction")))
    else:
        def numbers(k: int) -> str:
            if k == 0:
                return f"({arg(c)} × {arg(at.g[0])} − {arg(b)} × {arg(at.g[1])}) / {arg(det)}"
            return f"({arg(a)} × {arg(at.g[1])} − {arg(b)} × {arg(at.g[0])}) / {arg(det)}"

        lines.append(at.axes(p, f"{damped}<sup>−1</sup> {g}", numbers, pt,
                             translate("Explain", "Newton step: the update goes back by it, to "
                                                  "the stationary point of the local "
                                                  "quadratic model")))
    lines.append(at.step_line(f"−{at.eta} {p}", lambda k: f"−{arg(at.lr)} × {arg(pt[k])}"))
    return rule, lines


SPECS = (
    OptimizerSpec("newton", "Newton", (_lr(1.0, QT_TRANSLATE_NOOP(
                      "Params", "fraction of the Newton step taken (1: the whole step)")),
                   DAMPING),
                  NewtonState, None, None, coupled_decay=False, moment="newton_step",
                  explain=_newton_explain, probe=_newton_probe, n_tmp=0,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Steps to the minimum of the local quadratic "
                                                "model, using the exact Hessian")),
)
