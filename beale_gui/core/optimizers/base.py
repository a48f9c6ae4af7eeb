"""What every optimizer is made of: its registry entry, its state, and the helpers they share.

An optimizer family lives in one file (:mod:`.sgd`, :mod:`.adagrad`, :mod:`.rmsprop`,
:mod:`.adam`, :mod:`.adadelta`) holding, side by side, its hyperparameters, its state (a
:class:`~typing.NamedTuple` whose ``init(n, hp)`` makes it), its two update kernels (batch and
scalar), its effective learning rate and its :class:`OptimizerSpec`. Update rules,
hyperparameter names and defaults follow ``torch.optim`` (a default that differs says why).

**The batch kernel** steps arrays: ``kernel(hp)`` does the per-configuration work (derived
constants, which branches apply) and returns ``step(w, g, state, lr, t, tmp, out)``, which
writes the new points into ``out`` (``w`` itself for an update in place) given the points ``w``
and gradients ``g`` (shape (N, 2), or any layout the engine steps, as every operation is
elementwise), the learning rate ``lr`` (a float or per-run values) and ``t``, the 1-based step
count (torch's ``state["step"]``); it updates the arrays of ``state`` in place, uses the
scratch arrays ``tmp`` (shaped like ``w``) and allocates nothing for the common rules. Every
hyperparameter in ``hp`` is a float or per-run values, so one batch can hold many
configurations.

**The scalar kernel** steps one run in floats: the engine's few-runs path runs it in Python as
it is, and the compiled path (:mod:`beale_gui.core.engine.compiled`) compiles it with numba
(``numba.njit(kernel, error_model="numpy")``, no fastmath). ``scalar_kernel(x, y, gx, gy, lr,
t, hp, st) -> (x, y)`` is a plain function of floats, with ``hp`` the values ``scalar_hp(hp)``
packs (a tuple of floats, flags as 1.0 / 0.0; a float array when compiled) and ``st`` the
run's state, every entry's values in the state's field order followed by ``scalar_scratch``
values of its own (a list, or a float array when compiled), updated in place. It does the
operations of the batch kernel in the same order (``(g * rest) * g`` is not ``(g * g) *
rest``): IEEE ``+``, ``-``, ``*``, ``/`` and the square root round alike in numpy, Python and
compiled code, and powers are the C library's in each (Python's ``**`` of floats and
``math.pow``; numpy's vectorised power may differ in the last bit, hence :func:`step_power`),
so the kernels give the same bits (tests/core/test_optimizer_registry.py checks every
registered optimizer's, through the float kernel made from it, against its batch kernel;
tests/core/test_scalar_kernels.py numba's compiled kernel against Python's).

What keeps a scalar kernel compilable and its bits the same compiled: floats, ints, the math
module, if/else, loops over ``range`` and tuples; no calls of other Python functions and no
closures (a helper is written out where it is used), no globals but constants; ``hp`` indexed,
a flag tested ``!= 0.0``; ``st`` assigned by index only; a power of the step ``math.pow(base,
float(t))`` (compiled, ``base ** t`` with an integer ``t`` would be repeated multiplication); a
square root of a value that can round below 0 ``math.sqrt(v) if v >= 0.0 else math.nan``
(Python's raises, numpy's gives NaN); a power that can overflow inside ``try`` / ``except
Exception`` giving ``math.inf`` (Python's raises OverflowError, compiled code gives inf).

**The float kernel** is made from the scalar kernel (:func:`scalar_float_kernel`), for the
callers and tests that step one run with a state of its own: ``float_kernel(hp, state, log)``
returns ``step(x, y, gx, gy, lr, t) -> (x, y)``, where ``state`` is the run's starting state
(each entry a list, [x, y] or [value]) and ``log``, when not None, is called with a tuple of
every state value after each update, entries in the state's field order (the scratch values
left out).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, MutableSequence, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param, check_params

State = tuple                 # an optimizer's NamedTuple of arrays
Step = Callable[[np.ndarray, np.ndarray, State, object, int, list, np.ndarray], None]
Kernel = Callable[[Mapping], Step]
ProbeStep = Callable[[np.ndarray, np.ndarray, np.ndarray, State, Mapping, object, int],
                     tuple[np.ndarray, np.ndarray]]
Probe = Callable[[object], ProbeStep]
FloatStep = Callable[[float, float, float, float, float, int], tuple[float, float]]
Log = Callable[[tuple], None] | None
FloatKernel = Callable[[Mapping, State, Log], FloatStep]
ScalarKernel = Callable[[float, float, float, float, float, int, Sequence[float],
                         MutableSequence[float]], tuple[float, float]]

_add, _sub, _mul, _div, _sqrt = np.add, np.subtract, np.multiply, np.divide, np.sqrt
_float_sqrt = math.sqrt


class NoState(NamedTuple):
    """The state of an optimizer that keeps none (gradient descent)."""

    @classmethod
    def init(cls, n: int, hp: Mapping) -> NoState:
        return cls()


@dataclass(frozen=True)
class OptimizerSpec:
    """One optimizer in the registry.

    What the window shows of a run, and what each value explains: the *moment* arrow is the
    state entry :attr:`moment` after each update, and the per-axis *effective learning rate*
    (the table's columns) is :attr:`effective_lr`, defined by the step it explains. With
    ``lr`` the rate of the update, ``g`` the gradient the update used (``g + weight_decay * w``
    where weight decay is coupled, as in torch: every optimizer but AdamW; ``-g`` first where
    torch's ``maximize`` is on, :mod:`.maximize`) and ``dw`` the step
    actually taken (``w_{t+1} - w_t``, sign included), per axis:

    ========  ==============================================  ===================================
    name      moment (arrow)                                  effective lr ``eff`` multiplies
    ========  ==============================================  ===================================
    gd, sgd   none                                            none: ``dw = -lr * g``
    momentum  ``velocity`` (torch's ``momentum_buffer``)      none: ``dw = -lr * velocity``
    nesterov  ``velocity`` (``momentum_buffer``)              none: ``dw = -lr * (g + momentum *
                                                              velocity)``
    adagrad   none                                            the gradient: ``dw = -eff * g``,
                                                              ``eff = lr / (1 + (t - 1) *
                                                              lr_decay) / (sqrt(sum) + eps)``
    rmsprop   ``velocity``: ``momentum_buffer``, or           the gradient: ``eff = lr /
              ``g / (sqrt(square_avg) + eps)`` when           (sqrt(square_avg) + eps)``
              momentum is 0; centered: ``square_avg -         (centered: ``sqrt(square_avg -
              grad_avg**2`` for ``square_avg``                grad_avg**2)``);
              momentum is 0 (``dw = -lr * velocity``)         ``dw = -eff * g`` without momentum,
                                                              ``dw = -lr * momentum *
                                                              velocity_{t-1} - eff * g`` with it
    adam,     ``exp_avg`` (m, not bias-corrected)             the first moment: ``dw = -eff * m``,
    amsgrad                                                   ``eff = lr / (1 - beta1**t) /
                                                              (sqrt(v) / sqrt(1 - beta2**t) +
                                                              eps)``, v = ``exp_avg_sq`` (AMSGrad:
                                                              ``max_exp_avg_sq``)
    adamw     ``exp_avg``                                     the first moment, as Adam; the
                                                              decoupled decay is a separate term
                                                              ``eff`` does not scale: ``dw =
                                                              -lr * weight_decay * w - eff * m``
    nadam     ``nesterov_moment``: the bias-corrected         the combined moment: ``dw = -eff *
              Nesterov moment ``(1 - mu_t) / (1 -             nesterov_moment``, ``eff = lr /
              mu_product) * g + mu_{t+1} / (1 - mu_product    (sqrt(v / (1 - beta2**t)) + eps)``
              * mu_{t+1}) * m`` (torch's step is ``-eff``
              times it, as two terms)                         (``decoupled_weight_decay``: ``-lr *
                                                              weight_decay * w`` added)
    adamax    ``exp_avg`` (m)                                 the first moment: ``dw = -eff * m``,
                                                              ``eff = lr / (1 - beta1**t) /
                                                              exp_inf``
    radam     ``exp_avg`` (m)                                 the first moment: ``dw = -eff * m``;
                                                              the adaptive step (``rho_t > 5``):
                                                              ``eff = lr / (1 - beta1**t) * r_t *
                                                              sqrt(1 - beta2**t) / (sqrt(v) +
                                                              eps)``; the SGD-with-momentum step
                                                              (``rho_t <= 5``): ``eff = lr / (1 -
                                                              beta1**t)``, equal on both axes
                                                              (``decoupled_weight_decay``: ``-lr *
                                                              weight_decay * w`` added)
    adadelta  none                                            the gradient: ``dw = -eff * g``,
                                                              ``eff = lr * sqrt(acc_delta_{t-1}
                                                              + eps) / sqrt(square_avg + eps)``
                                                              with ``acc_delta`` as it was
                                                              *before* the update
    lion      ``exp_avg`` (m)                                 none: ``dw = -lr * weight_decay *
                                                              w - lr * sign(beta1 * m_{t-1} +
                                                              (1 - beta1) * g)``
    adabelief ``exp_avg`` (m)                                 the first moment: ``dw = -lr *
                                                              weight_decay * w - eff * m``,
                                                              ``eff = lr * k / denom`` (k, denom
                                                              of the step's form, adabelief.py)
    yogi      ``exp_avg``                                     the first moment, as Adam's, v =
                                                              ``exp_avg_sq``
    sfsgd     none                                            none: ``dw = -(1 - beta (1 - c)) *
                                                              lr * g - beta * c * d_{t-1}``,
                                                              ``c = lr_max**2 / weight_sum``, d =
                                                              ``x_minus_z`` (schedule_free.py)
    sfadamw   none                                            the gradient: ``dw = -(1 - beta1
                                                              (1 - c)) * (eff * g + lr *
                                                              weight_decay * w) - beta1 * c *
                                                              d_{t-1}``, ``eff = lr / (sqrt(v /
                                                              (1 - beta2**t)) + eps)``
    rprop     none                                            the gradient: ``eff = step_size /
                                                              |g|`` (``dw = -step_size *
                                                              sign(g)``), 0 where the axis
                                                              stayed (its sign flipped)
    asgd      none                                            the gradient, ``eff = eta`` as it
                                                              was *before* the update; the
                                                              decay is a term of its own: ``dw
                                                              = -eff * lambd * w - eff * g``
    newton    ``newton_step`` p = (H + damping I)^-1 g        none: ``dw = -lr * p``
    lbfgs,    ``direction`` d: L-BFGS's ``-H g`` (torch's     none: ``dw = step_size * d`` (the
    cg        ``d``); CG's ``-g + beta * d_{t-1}``            step length, torch's ``t``); 0
                                                              where the case is no step
    ========  ==============================================  ===================================

    Each identity holds to rounding (tests/core/test_mechanics.py checks it for every step, and
    every value against torch.optim's state fed the engine's gradients).

    Attributes
    ----------
    state : type
        The optimizer's state, a NamedTuple of arrays with a classmethod ``init(n, hp)`` that
        makes it for ``n`` runs: each entry (n, 2), or (n, 1) for a per-run value.
    kernel : callable
        The batch kernel (see the module docstring).
    float_kernel : callable or None
        The float kernel, made from the scalar kernel: the spec is given None (or, by
        :func:`dataclasses.replace`, the one made).
    scalar_kernel, scalar_hp : callable
        The scalar kernel and what packs its hyperparameters (see the module docstring). Every
        optimizer but a probing one has both: the engine's few-runs and compiled paths step
        every deterministic optimizer with its scalar kernel.
    scalar_scratch : int
        How many values of its own the scalar kernel keeps after the state's.
    numpy_only : bool
        The optimizer has a batch kernel and no scalar kernel (a torch class by its import
        path, :mod:`.torch_adapter`; a plug-in): the engine steps its runs in numpy blocks
        (:mod:`beale_gui.core.engine.batch`) whatever the batch's size or path.
    coupled_decay : bool
        The scalar kernel takes torch's coupled weight decay ``g + weight_decay * w`` from the
        registry (:func:`beale_gui.core.optimizers.scalar_step`, ``float_step``); False where
        the optimizer decays otherwise (AdamW).
    moment : str or None
        The state entry drawn as the velocity / first-moment arrow.
    effective_lr : callable or None
        ``effective_lr(state, hp, lr, t) -> (N, 2)``: the per-axis step size an adaptive method
        applies to what :attr:`effective_lr_scales` names (see the table). ``state`` is a
        :attr:`state` whose entries in :attr:`effective_lr_state` are as after the update of
        step ``t``, those also in :attr:`effective_lr_previous` as they were before it (the
        others are None). ``t`` may also be an integer array of steps that broadcasts against
        the state entries (stacked over steps), with ``lr`` likewise; the result is then the
        same, bit for bit, as step by step.
    effective_lr_scales : str or None
        What the effective rate multiplies to give the step: ``"gradient"`` (the gradient the
        update used, weight decay included where it is coupled) or ``"moment"`` (the state
        entry :attr:`moment`).
    stochastic : bool
        Gradients of a random mini-batch of the function's terms by default (``sgd``).
    n_tmp : int
        How many scratch arrays shaped like ``w`` the batch kernel uses.
    effective_lr_state : tuple of str
        The state entries :attr:`effective_lr` reads.
    effective_lr_previous : tuple of str
        Those of them it reads as they were before the update (the engine keeps every step's
        state, so the previous step's is at hand).
    probe : callable or None
        For an optimizer that evaluates the function itself (Newton's method its Hessian, a
        line search its trial points): ``probe(function) -> step(w, f, g, state, hp, lr, t)
        -> (w_new, evals)``, one numpy kernel for every path (:mod:`beale_gui.core.engine.
        probing`; ``kernel``, ``float_kernel`` and ``scalar_kernel`` are None). ``w`` (n,
        2), ``f`` (n,) and ``g`` (n, 2) are the runs' points with f and the exact gradient
        there; ``state`` their
        state, entries (n, width), updated in place; ``hp`` their hyperparameters (floats or
        (n, 1) arrays) and ``lr`` their rate; ``t`` the 1-based step. It returns the new
        points (n, 2) and, per run, how many times this update evaluated f and the gradient
        (an int array (n,): 1 for a step that only evaluates its new point, more for a line
        search's trial points, the accepted one among them). A run's numbers depend on its
        row alone, so results are the same in any batch. Probing optimizers take exact
        gradients (never ``stochastic``) and have no coupled weight decay.
    pauses : bool
        An update may leave the point where it is while the gradient there is not zero, and the
        run goes on (Rprop, after every axis's sign flipped). The engine's stop rule does not
        judge such a pause: its |delta f| of 0 is not convergence (:mod:`beale_gui.core.engine.
        run`).
    shown_point : callable or None
        For an optimizer whose gradient is taken at another point than the one it puts forward
        as its answer (Schedule-Free: the gradient at y, the average x evaluated):
        ``shown_point(state, hp, paths) -> points``, with ``state`` one run's recorded state
        ``{entry: (T+1, width)}``, ``hp`` its hyperparameters and ``paths`` (T+1, 2) the
        engine's points; the points the window draws (``RunResult.shown_paths``).
    explain : callable
        ``explain(at) -> (rule, lines)``: the optimizer's update rule as mathematics and its
        quantities at one step with that step's numbers, for the Explain panel (the contract
        and the shared helpers are in :mod:`beale_gui.core.explain`). The registry requires
        it of every optimizer it lists.
    """

    name: str
    title: str
    params: tuple[Param, ...]
    state: type
    kernel: Kernel | None
    float_kernel: FloatKernel | None
    coupled_decay: bool = True
    moment: str | None = None
    effective_lr: Callable[[State, Mapping, object, object], np.ndarray] | None = None
    stochastic: bool = False
    description: str = ""
    n_tmp: int = 3
    effective_lr_state: tuple[str, ...] = ()
    effective_lr_scales: str | None = None
    effective_lr_previous: tuple[str, ...] = ()
    explain: Callable | None = None
    probe: Probe | None = None
    pauses: bool = False
    shown_point: Callable[[Mapping, Mapping, np.ndarray], np.ndarray] | None = None
    scalar_kernel: ScalarKernel | None = None     # required but for a probing optimizer
    scalar_hp: Callable[[Mapping], tuple[float, ...]] | None = None
    scalar_scratch: int = 0
    numpy_only: bool = False      # a batch kernel only (a plug-in, a torch class): numpy blocks

    def __post_init__(self) -> None:
        if self.numpy_only:
            if not callable(self.kernel) or self.probe is not None:
                raise TypeError(f"optimizer '{self.name}': a numpy-only optimizer has a batch "
                                "kernel and no probe")
        elif self.probe is not None:
            if (not callable(self.probe) or self.kernel is not None or self.stochastic
                    or self.scalar_kernel is not None):
                raise TypeError(f"optimizer '{self.name}': a probing optimizer has one kernel, "
                                "its probe, and takes exact gradients")
        else:
            for what in ("kernel", "scalar_kernel"):
                if not callable(getattr(self, what)):
                    raise TypeError(f"optimizer '{self.name}' has no "
                                    f"{what.replace('_', ' ')}")
            made = getattr(self.float_kernel, "scalar_kernel", None) is self.scalar_kernel
            if (self.float_kernel is not None and not made) or not callable(self.scalar_hp):
                raise TypeError(f"optimizer '{self.name}': a scalar kernel comes with what packs "
                                "its hyperparameters, and is its float kernel")
            if not made:                        # (dataclasses.replace passes the made one)
                object.__setattr__(self, "float_kernel", scalar_float_kernel(
                    self.scalar_kernel, self.scalar_hp, self.scalar_scratch))
        named = ([self.moment] if self.moment else []) + list(self.effective_lr_state)
        unknown = [k for k in named if k not in self.state._fields]
        if unknown:
            raise ValueError(f"optimizer '{self.name}' names state entries it does not keep: "
                             f"{unknown}")

    def couples_decay(self, hp: Mapping) -> bool:
        """Whether the runs of ``hp`` (floats) take torch's coupled weight decay ``g +
        weight_decay * w``: weight decay on, :attr:`coupled_decay`, and
        ``decoupled_weight_decay`` (NAdam's and RAdam's switch) off."""
        return (self.coupled_decay and hp.get("weight_decay", 0.0) != 0.0
                and not hp.get("decoupled_weight_decay", 0.0))

    def init(self, n: int, hp: Mapping) -> State:
        """The starting state of ``n`` runs with hyperparameters ``hp``."""
        return self.state.init(n, hp)

    def check(self, hparams: Mapping[str, object] | None) -> dict:
        """Defaults filled in, every value checked; ValueError names a bad one."""
        return check_params(self.params, hparams,
                            translate("Params", "optimizer '{0}'").format(self.name))

    @property
    def defaults(self) -> dict[str, float]:
        return {p.name: p.default for p in self.params}


def scalar_float_kernel(kernel: ScalarKernel, pack: Callable[[Mapping], tuple[float, ...]],
                        scratch: int) -> FloatKernel:
    """The float kernel that steps ``kernel`` (a scalar kernel) in Python: its state a list,
    logged without the scratch values."""

    def float_kernel(hp: Mapping, state: State, log: Log) -> FloatStep:
        values = pack(hp)
        st = [v for entry in state for v in entry] + [0.0] * scratch
        width = len(st) - scratch

        def step(x, y, gx, gy, lr, t):
            x, y = kernel(x, y, gx, gy, lr, t, values, st)
            if log is not None:
                log(tuple(st[:width]))
            return x, y

        return step

    float_kernel.scalar_kernel = kernel
    return float_kernel


# -- hyperparameters shared by the families ----------------------------------------------------

def _lr(default: float, why: str = "") -> Param:
    return Param("lr", default, 0.0, 1e6, low_open=True, log=True,
                 help=why or QT_TRANSLATE_NOOP("Params", "learning rate"))


_EPS_HELP = QT_TRANSLATE_NOOP("Params", "added to the denominator for numerical stability")
WEIGHT_DECAY = Param("weight_decay", 0.0, 0.0, 1e3,
                     help=QT_TRANSLATE_NOOP("Params", "L2 penalty added to the gradient"))


def _eps(default: float) -> Param:
    return Param("eps", default, 0.0, 1.0, low_open=True, log=True, help=_EPS_HELP)


# -- helpers of the kernels ---------------------------------------------------------------------

def _nonzero(value) -> bool:
    return bool(np.any(value))


def _operand(value):
    """A hyperparameter as a ufunc operand: a float becomes a 0-d array (numpy takes those
    faster than Python floats; the value, and so every result, is the same)."""
    return np.asarray(value, dtype=np.float64) if np.ndim(value) == 0 else value


def _decayer(hp: Mapping):
    """torch's coupled weight decay, ``g + weight_decay * w``, into ``out``; None when off."""
    wd = hp.get("weight_decay", 0.0)
    if not _nonzero(wd):
        return None
    wd = _operand(wd)

    def decayed(g, w, out):
        _mul(w, wd, out)
        return _add(g, out, out)

    return decayed


def step_power(base, t, scale=None):
    """``base ** (t * scale)`` (``base ** t`` without a scale) as one step computes it.

    ``t`` is the step, an int, or an integer array of steps; ``base`` and ``scale`` are floats
    or (N, 1) arrays. For float operands each step's power is Python's, as a single step
    computes it (numpy's vectorised power may differ from it in the last bit).
    """
    if isinstance(t, np.ndarray) and np.ndim(base) == 0 and np.ndim(scale) == 0:
        if t.size and t.min() >= 0 and t.max() < POWER_TABLE_STEPS:
            return _power_table(base, scale, int(t.max()) + 1)[t]
        flat = t.ravel().tolist()
        values = [base ** (k if scale is None else k * scale) for k in flat]
        return np.array(values, dtype=np.float64).reshape(t.shape)
    return base ** (t if scale is None else t * scale)


POWER_TABLE_STEPS = 100_000     # powers of the first this many steps are kept, per base
_power_tables: dict[tuple, np.ndarray] = {}


def _power_table(base, scale, n: int) -> np.ndarray:
    """``base ** (k * scale)`` for k = 0 .. at least n - 1, each Python's (as step_power's),
    kept for the next call (the effective rates of every result ask for the same ones)."""
    # (by type too: a numpy scalar's power is numpy's, which may differ from Python's)
    key = (type(base), float(base), type(scale), None if scale is None else float(scale))
    table = _power_tables.get(key)
    if table is None or len(table) < n:
        n = max(n, 2 * (0 if table is None else len(table)), 1024)
        n = min(n, POWER_TABLE_STEPS)
        table = np.array([base ** (k if scale is None else k * scale) for k in range(n)],
                         dtype=np.float64)
        if len(_power_tables) >= 64:
            _power_tables.pop(next(iter(_power_tables)))
        _power_tables[key] = table
    return table


def _sqrt_of(value):
    return math.sqrt(value) if isinstance(value, float) else np.sqrt(value)
