"""An optimizer's update at one step of a recorded run, as mathematics: the Explain panel's
content, without Qt.

:func:`explain` turns run ``i`` of a :class:`~beale_gui.core.engine.RunResult` recorded with
``record_state=True`` at step ``t`` into an :class:`Explanation`: the optimizer's update rule
(written as torch.optim's documentation and the blog post write it) and, line by line, each
quantity of that rule with this step's numbers substituted and its value. Every value is the
engine's own: the recorded state entry (``RunResult.state_of``), effective learning rate,
learning rate, gradient (the mini-batch one a stochastic update used, ``used_grad_of``), step
(``paths[t] - paths[t-1]``) and point. The few values the engine computes inside a step and does
not keep (the gradient with coupled weight decay, Adam's bias corrections, NAdam's momentum
coefficients, Adadelta's rescaled gradient) are computed here by the engine's own operations in
its order, so they are its numbers bit for bit.

Each optimizer's rule lives beside its kernels in its family file (``OptimizerSpec.explain``,
:mod:`beale_gui.core.optimizers`): ``explain(at: At) -> (rule, lines)``, the rule's equations
after the gradient's and the lines after the gradient's and before the new point's; at step 0
(``at.t == 0``) the lines of its initial state. This module holds what they share: the
:class:`At` they read a step from and the formatting of numbers and markup.

Markup is Qt's rich-text subset: ``<sub>``, ``<sup>``, Unicode Greek letters and operators
(−, ×, √, ∇), a hat as the combining circumflex after its letter (m̂). Numbers have 6
significant digits and the minus sign; where one follows an operator, a negative number or one
in powers of ten is put in parentheses.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .i18n import translate

if TYPE_CHECKING:
    from .engine import RunResult

MINUS = "−"
T, T1 = "t", "t−1"
ETA_EFF = "η<sup>eff</sup><sub>t</sub>"       # the effective per-axis learning rate
HAT = "\u0302"                                # combining circumflex: m̂ is "m" + HAT


@dataclass(frozen=True)
class Line:
    """One quantity of the update at a step.

    ``symbol`` and ``formula`` are markup (``m<sub>t</sub>``, ``β<sub>1</sub> m<sub>t−1</sub> +
    (1 − β<sub>1</sub>) g<sub>t</sub>``); ``numbers`` is the formula with this step's numbers,
    one entry per axis (x, y) or one for a scalar; ``values`` the result per axis (or one), the
    engine's value; ``meaning`` plain words in the interface language.
    """

    symbol: str
    formula: str
    numbers: tuple[str, ...]
    values: tuple[float, ...]
    meaning: str


@dataclass(frozen=True)
class Explanation:
    """Run ``run``'s update at ``step`` (0: the start, before any update).

    ``update`` is the step whose update the lines show: ``step``, or the run's last valid step
    once it has stopped (its point stays; ``note`` says so). ``rule`` is the update rule, one
    equation per entry; ``lines`` in order: the gradient (with weight decay when on), the
    learning rate of a schedule, each state entry, bias corrections, the effective per-axis
    learning rate where the optimizer has one, the step Δw and the new point.
    """

    name: str
    title: str
    step: int
    rule: tuple[str, ...]
    lines: tuple[Line, ...]
    note: str
    update: int = 0
    run: int = 0


Explain = Callable[["At"], tuple[tuple[str, ...], list[Line]]]


# -- numbers and markup ------------------------------------------------------------------------

def num(value: float) -> str:
    """``value`` to 6 significant digits with the minus sign: ``−0.123457``,
    ``1×10<sup>−8</sup>``."""
    v = float(value)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "∞" if v > 0 else MINUS + "∞"
    mantissa, _, exponent = f"{v:.6g}".partition("e")
    text = f"{mantissa}×10<sup>{int(exponent)}</sup>" if exponent else mantissa
    return text.replace("-", MINUS)


def arg(value: float) -> str:
    """``value`` as an operand after an operator (or under a root, or as a power's base): in
    parentheses when negative or written in powers of ten."""
    text = num(value)
    return f"({text})" if text.startswith(MINUS) or "×10" in text else text


def sub(symbol: str, index: str) -> str:
    """``symbol`` with the subscript ``index``."""
    return f"{symbol}<sub>{index}</sub>"


def hat(symbol: str) -> str:
    """``symbol`` with a hat (m̂)."""
    return symbol + HAT


def squared(value: float) -> str:
    return f"{arg(value)}<sup>2</sup>"


# -- one step of a run --------------------------------------------------------------------------

class At:
    """Run ``i`` of ``result`` at update ``t`` (0: the start), as the rules read it.

    ``hp`` the run's hyperparameters; ``lr`` the learning rate of the update (``result.lr`` of
    the point it starts from) and ``eta`` its symbol (η, or η<sub>t</sub> under a schedule);
    ``w0``, ``w`` the points before and after, ``dw`` the step between them; ``g`` the gradient
    the update used, negated where ``maximize`` is on and coupled weight decay included, as
    the engine computes it (``maximize`` says whether it was negated); ``eff`` the
    recorded effective learning rate (NaN where the optimizer has none); :meth:`prev` and
    :meth:`cur` a state entry before and after the update.
    """

    def __init__(self, result: RunResult, i: int, t: int) -> None:
        config = result.configs[int(result.config_index[i])]
        self.result, self.i, self.t = result, i, t
        self.spec = config.spec
        self.hp = result.hparams_of(i)
        self.schedule = config.schedule
        self.scheduled = not config.schedule.is_constant
        self.eta = sub("η", T) if self.scheduled else "η"
        self.stochastic = config.noise is not None
        self.state = result.state_of(i)
        self.wd = self.hp.get("weight_decay", 0.0)
        self.coupled_wd = self.spec.couples_decay(self.hp)
        s = max(t - 1, 0)
        self.w0 = result.paths[i, s]
        self.w = result.paths[i, t]
        self.exact = result.grads[i, s]
        used = result.used_grad_of(i)
        self.used = used[s] if used is not None and t else self.exact
        self.lr = float(result.lr[i, s])
        self.maximize = bool(self.hp.get("maximize", 0.0))
        g = -self.used if self.maximize else self.used   # torch's maximize: negated first
        if self.coupled_wd:                      # the kernels' g + w * weight_decay
            self.g = g + self.w0 * self.wd
        else:
            self.g = g
        self.eff = (result.effective_lr[i, t] if result.effective_lr is not None
                    else np.full(2, np.nan))
        self.dw = self.w - self.w0

    def prev(self, entry: str) -> np.ndarray:
        return self.state[entry][self.t - 1]

    def cur(self, entry: str) -> np.ndarray:
        return self.state[entry][self.t]

    def axes(self, symbol: str, formula: str, numbers: Callable[[int], str], values,
             meaning: str) -> Line:
        """A per-axis line: ``numbers(a)`` for axis a (0 x, 1 y)."""
        return Line(symbol, formula, (numbers(0), numbers(1)),
                    tuple(float(v) for v in values), meaning)

    @staticmethod
    def scalar(symbol: str, formula: str, numbers: str, value: float, meaning: str) -> Line:
        return Line(symbol, formula, (numbers,), (float(value),), meaning)

    def initial(self, symbol: str, entry: str, meaning: str, formula: str = "0") -> Line:
        """State entry ``entry`` at the start (step 0), ``symbol<sub>0</sub>``: its initial
        value (``formula``)."""
        value = self.state[entry][0]
        return Line(sub(symbol, "0"), formula, tuple(num(v) for v in value),
                    tuple(float(v) for v in value), meaning)

    def step_line(self, formula: str, numbers: Callable[[int], str]) -> Line:
        """The step Δw the update took (the recorded points' difference)."""
        return self.axes(sub("Δw", T), formula, numbers, self.dw,
                         translate("Explain", "the step taken"))

    def eff_line(self, formula: str, numbers: Callable[[int], str]) -> Line:
        """The recorded effective per-axis learning rate."""
        return self.axes(ETA_EFF, formula, numbers, self.eff,
                         translate("Explain", "effective learning rate of each axis"))


def gradient_rule(at: At) -> str:
    """g<sub>t</sub> = [−]∇f(w<sub>t−1</sub>) [+ λ w<sub>t−1</sub>] (a mini-batch's
    ∇f<sub>B</sub>; the minus of ``maximize``)."""
    grad = "∇f<sub>B</sub>" if at.stochastic else "∇f"
    decay = f" + λ {sub('w', T1)}" if at.coupled_wd else ""
    sign = MINUS if at.maximize else ""
    return f"{sub('g', T)} = {sign}{grad}({sub('w', T1)}){decay}"


def _names(at: At) -> tuple[str, str]:
    """The coordinates' names: x and y, or a model's parameters p<sub>1</sub> and
    p<sub>2</sub>."""
    names = at.result.function.param_names
    return tuple(sub(n[0], n[1:]) if n[1:].isdigit() else n for n in names)


def _partials(at: At, point: np.ndarray) -> Callable[[int], str]:
    where = f"({num(point[0])}, {num(point[1])})"
    names = _names(at)
    return lambda a: f"∂f/∂{names[a]}{where}"


def _gradient_formula(at: At) -> str:
    first, second = _names(at)
    return f"(∂f/∂{first}, ∂f/∂{second})"


def gradient_lines(at: At) -> list[Line]:
    """The gradient the update used: the exact one, a stochastic update's mini-batch one and
    the coupled weight decay added to it."""
    exact_symbol = f"∇f({sub('w', T1)})"
    exact = at.axes(exact_symbol, _gradient_formula(at), _partials(at, at.w0), at.exact,
                    translate("Explain", "gradient at the previous point"))
    if at.maximize:
        return _maximized_lines(at, exact)
    if not at.stochastic and not at.coupled_wd:
        return [at.axes(sub("g", T), exact_symbol, _partials(at, at.w0), at.g,
                        translate("Explain", "gradient at the previous point"))]
    lines = [exact]
    used = at.used
    symbol = exact_symbol
    if at.stochastic:
        symbol = f"∇f<sub>B</sub>({sub('w', T1)})"
        meaning = translate("Explain", "mini-batch gradient: what the step used")
        if not at.coupled_wd:
            return [*lines, at.axes(sub("g", T), symbol, lambda a: num(used[a]), at.g,
                                    meaning)]
        lines.append(at.axes(symbol, symbol, lambda a: num(used[a]), used, meaning))
    lines.append(at.axes(
        sub("g", T), f"{symbol} + λ {sub('w', T1)}",
        lambda a: f"{num(used[a])} + {arg(at.wd)} × {arg(at.w0[a])}", at.g,
        translate("Explain", "gradient with weight decay: what the step used")))
    return lines


def _maximized_lines(at: At, exact: Line) -> list[Line]:
    """The gradient lines of a run with ``maximize`` on: the gradient (a mini-batch's), then
    what the step used, the gradient negated (weight decay added after, as torch does)."""
    lines = [exact]
    used, symbol = at.used, f"∇f({sub('w', T1)})"
    if at.stochastic:
        symbol = f"∇f<sub>B</sub>({sub('w', T1)})"
        lines.append(at.axes(symbol, symbol, lambda a: num(used[a]), used, translate(
            "Explain", "mini-batch gradient")))
    if at.coupled_wd:
        return [*lines, at.axes(
            sub("g", T), f"{MINUS}{symbol} + λ {sub('w', T1)}",
            lambda a: f"{MINUS}{arg(used[a])} + {arg(at.wd)} × {arg(at.w0[a])}", at.g,
            translate("Explain", "maximize: the gradient is negated, then weight decay is "
                                 "added: what the step used"))]
    return [*lines, at.axes(sub("g", T), f"{MINUS}{symbol}",
                            lambda a: f"{MINUS}{arg(used[a])}", at.g,
                            translate("Explain", "maximize: the gradient is negated"))]


def _schedule_line(at: At) -> Line:
    """The scheduled learning rate of the update (the engine's ``result.lr``)."""
    p, lr0, s = at.schedule.params, at.hp["lr"], at.t - 1
    eta0 = sub("η", "0")
    if at.schedule.name == "inverse_time":
        formula = f"{eta0} / (1 + k (t − 1))"
        numbers = f"{num(lr0)} / (1 + {arg(p['decay'])} × {s})"
    elif at.schedule.name == "step":
        size = int(p["step_size"])
        formula = f"{eta0} γ<sup>⌊(t − 1) / {size}⌋</sup>"
        numbers = f"{num(lr0)} × {arg(p['gamma'])}<sup>{s // size}</sup>"
    elif at.schedule.name == "exponential":
        formula = f"{eta0} γ<sup>t − 1</sup>"
        numbers = f"{num(lr0)} × {arg(p['gamma'])}<sup>{s}</sup>"
    else:                                                  # cosine
        period, m = int(p["period"]), p["min_factor"]
        formula = f"{eta0} (m + (1 − m) (1 + cos(π min(t − 1, T) / T)) / 2)"
        numbers = (f"{num(lr0)} × ({num(m)} + {num(1.0 - m)} × (1 + cos(π × {min(s, period)}"
                   f" / {period})) / 2)")
    return at.scalar(at.eta, formula, numbers, at.lr,
                     translate("Explain", "learning rate of this step (scheduled)"))


def _point_line(at: At) -> Line:
    return at.axes(sub("w", T), f"{sub('w', T1)} + {sub('Δw', T)}",
                   lambda a: f"{num(at.w0[a])} + {arg(at.dw[a])}", at.w,
                   translate("Explain", "the new point"))


def _start_lines(at: At) -> list[Line]:
    return [at.axes(sub("w", "0"), sub("w", "0"), lambda a: num(at.w[a]), at.w,
                    translate("Explain", "the start point")),
            at.axes(f"∇f({sub('w', '0')})", _gradient_formula(at), _partials(at, at.w),
                    at.exact,
                    translate("Explain", "gradient at the start: the first step uses it"))]


# -- the entry point ---------------------------------------------------------------------------

def explain(result: RunResult, run: int, step: int) -> Explanation:
    """Run ``run``'s update at ``step`` (clamped to 0..T): its rule and this step's numbers.

    ValueError when the run does not exist or its steps or state were not recorded.
    """
    n = result.n_runs
    if not 0 <= int(run) < n:
        raise ValueError(f"there is no run {run}: the result has {n}")
    if result.paths is None or result.lr is None:
        raise ValueError("the run's steps were not recorded (run with record=True)")
    if result.state is None or result.effective_lr is None:
        raise ValueError("the optimizers' state was not recorded (run with record_state=True)")
    run = int(run)
    step = min(max(int(step), 0), result.n_steps)
    stop = int(result.stop_step[run])
    update = min(step, stop)
    at = At(result, run, update)
    spec = at.spec
    own_rule, own_lines = spec.explain(at)
    rule = (gradient_rule(at), *own_rule)
    if update == 0:
        lines = [*_start_lines(at), *own_lines]
    else:
        lines = gradient_lines(at)
        if at.scheduled:
            lines.append(_schedule_line(at))
        lines += [*own_lines, _point_line(at)]
    config = result.configs[int(result.config_index[run])]
    return Explanation(spec.name, config.title(), step, rule, tuple(lines),
                       _note(result, run, step, update, at.stochastic), update, run)


def _note(result: RunResult, run: int, step: int, update: int, stochastic: bool) -> str:
    # here, not at the top: the engine imports the optimizers, which import this module
    from .engine import CONVERGED, DIVERGED

    notes = []
    stop, status = int(result.stop_step[run]), int(result.status[run])
    bad_start = result.bad_start is not None and bool(result.bad_start[run])
    if bad_start:
        notes.append(translate("Explain", "The start is not finite or outside the bound: the "
                                          "run never made a step."))
    elif step > stop and status == CONVERGED:
        notes.append(translate("Explain", "The run converged at step {0}: its point stays. "
                                          "Shown: the update of step {0}.").format(stop))
    elif step > stop and status == DIVERGED:
        notes.append(translate("Explain", "The run diverged at step {0}: it keeps its last "
                                          "finite point, step {1}. Shown: the update of step "
                                          "{1}.").format(stop + 1, stop))
    elif update == 0:
        notes.append(translate("Explain", "The start: no update yet. Step forward (→) to see "
                                          "the first."))
    if stochastic and update > 0:
        notes.append(translate("Explain", "g is the gradient of a random mini-batch of the "
                                          "function's terms (with noise, if set), not the "
                                          "exact gradient ∇f."))
    return " ".join(notes)
