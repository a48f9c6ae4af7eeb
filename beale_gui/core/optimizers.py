"""Optimizers as init/update pairs over arrays of shape (N, 2).

Update rules, hyperparameter names and defaults follow ``torch.optim`` (a default that differs
says why). ``init(n)`` returns the state, a dict of arrays; ``update(w, g, state, hp, lr, t)``
moves the parameters ``w`` (N, 2) in place given the gradient ``g`` (N, 2), the learning rate
``lr`` (a float or an (N, 1) array), and ``t``, the 1-based step count (torch's
``state["step"]``). Every hyperparameter in ``hp`` is a float or an (N, 1) array, so one batch
can hold many configurations.

Each rule is written once, as a *kernel*: ``kernel(hp)`` does the per-configuration work
(derived constants, which branches apply) and returns ``step(w, g, state, lr, t, tmp, out)``,
which writes the new point into ``out`` (``w`` itself for an update in place), updates
``state`` in place, uses the scratch arrays ``tmp`` (shaped like ``w``) and allocates nothing
for the common rules. :attr:`OptimizerSpec.update` is that kernel called afresh; the engine builds
the step once per batch and calls it every step. Operations and their order are those of the
formulas as written (``(1 - alpha) * g * g`` is ``((1 - alpha) * g) * g``), so results are the
same bit for bit either way.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from .params import Param, check_params

State = dict[str, np.ndarray]
Update = Callable[[np.ndarray, np.ndarray, State, Mapping, object, int], None]
Step = Callable[[np.ndarray, np.ndarray, State, object, int, list, np.ndarray], None]
Kernel = Callable[[Mapping], Step]

_add, _sub, _mul, _div, _sqrt = np.add, np.subtract, np.multiply, np.divide, np.sqrt


@dataclass(frozen=True)
class OptimizerSpec:
    """One optimizer in the registry.

    What the window shows of a run, and what each value explains: the *moment* arrow is the
    state entry :attr:`moment` after each update, and the per-axis *effective learning rate*
    (the table's columns) is :attr:`effective_lr`, defined by the step it explains. With
    ``lr`` the rate of the update, ``g`` the gradient the update used (``g + weight_decay * w``
    where weight decay is coupled, as in torch: every optimizer but AdamW) and ``dw`` the step
    actually taken (``w_{t+1} - w_t``, sign included), per axis:

    ========  ==============================================  ===================================
    name      moment (arrow)                                  effective lr ``eff`` multiplies
    ========  ==============================================  ===================================
    gd, sgd   none                                            none: ``dw = -lr * g``
    momentum  ``velocity`` (torch's ``momentum_buffer``)      none: ``dw = -lr * velocity``
    nesterov  ``velocity`` (``momentum_buffer``)              none: ``dw = -lr * (g + momentum *
                                                              velocity)``
    adagrad   none                                            the gradient: ``dw = -eff * g``,
                                                              ``eff = lr / (sqrt(sum) + eps)``
    rmsprop   ``velocity``: ``momentum_buffer``, or           the gradient: ``eff = lr /
              ``g / (sqrt(square_avg) + eps)`` when           (sqrt(square_avg) + eps)``;
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
              times it, as two terms)
    adadelta  none                                            the gradient: ``dw = -eff * g``,
                                                              ``eff = lr * sqrt(acc_delta_{t-1}
                                                              + eps) / sqrt(square_avg + eps)``
                                                              with ``acc_delta`` as it was
                                                              *before* the update
    ========  ==============================================  ===================================

    Each identity holds to rounding (tests/core/test_mechanics.py checks it for every step, and
    every value against torch.optim's state fed the engine's gradients).

    Attributes
    ----------
    moment : str or None
        The state entry drawn as the velocity / first-moment arrow.
    effective_lr : callable or None
        ``effective_lr(state, hp, lr, t) -> (N, 2)``: the per-axis step size an adaptive method
        applies to what :attr:`effective_lr_scales` names (see the table). ``state`` holds the
        entries of :attr:`effective_lr_state` after the update of step ``t``, those also in
        :attr:`effective_lr_previous` as they were before it. ``t`` may also be an integer
        array of steps that broadcasts against the state entries (stacked over steps), with
        ``lr`` likewise; the result is then the same, bit for bit, as step by step.
    effective_lr_scales : str or None
        What the effective rate multiplies to give the step: ``"gradient"`` (the gradient the
        update used, weight decay included where it is coupled) or ``"moment"`` (the state
        entry :attr:`moment`).
    stochastic : bool
        Gradients of a random mini-batch of the function's terms by default (``sgd``).
    kernel : callable
        ``kernel(hp) -> step(w, g, state, lr, t, tmp, out)``; see the module docstring.
    n_tmp : int
        How many scratch arrays shaped like ``w`` the step uses.
    effective_lr_state : tuple of str
        The state entries :attr:`effective_lr` reads.
    effective_lr_previous : tuple of str
        Those of them it reads as they were before the update (the engine keeps every step's
        state, so the previous step's is at hand).
    """

    name: str
    title: str
    params: tuple[Param, ...]
    init: Callable[[int, Mapping], State]
    kernel: Kernel
    moment: str | None = None
    effective_lr: Callable[[State, Mapping, object, object], np.ndarray] | None = None
    stochastic: bool = False
    description: str = ""
    n_tmp: int = 3
    effective_lr_state: tuple[str, ...] = ()
    effective_lr_scales: str | None = None
    effective_lr_previous: tuple[str, ...] = ()

    def update(self, w: np.ndarray, g: np.ndarray, state: State, hp: Mapping, lr,
               t: int) -> None:
        """One step in place: ``w`` (N, 2) moves given the gradient ``g`` (N, 2)."""
        self.kernel(hp)(w, g, state, lr, t, [np.empty_like(w) for _ in range(self.n_tmp)], w)

    def check(self, hparams: Mapping[str, object] | None) -> dict:
        """Defaults filled in, every value checked; ValueError names a bad one."""
        return check_params(self.params, hparams, f"optimizer '{self.name}'")

    @property
    def defaults(self) -> dict[str, float]:
        return {p.name: p.default for p in self.params}


# -- hyperparameters ------------------------------------------------------------------------

def _lr(default: float, why: str = "") -> Param:
    return Param("lr", default, 0.0, 1e6, low_open=True, log=True, help=why or "learning rate")


_EPS_HELP = "added to the denominator for numerical stability"
WEIGHT_DECAY = Param("weight_decay", 0.0, 0.0, 1e3, help="L2 penalty added to the gradient")
BETA1 = Param("beta1", 0.9, 0.0, 1.0, high_open=True, help="decay of the first moment")
BETA2 = Param("beta2", 0.999, 0.0, 1.0, high_open=True, help="decay of the second moment")
ADAM_EPS = Param("eps", 1e-8, 0.0, 1.0, low_open=True, log=True, help=_EPS_HELP)


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
        flat = t.ravel().tolist()
        values = [base ** (k if scale is None else k * scale) for k in flat]
        return np.array(values, dtype=np.float64).reshape(t.shape)
    return base ** (t if scale is None else t * scale)


def _sqrt_of(value):
    return math.sqrt(value) if isinstance(value, float) else np.sqrt(value)


# -- gradient descent and momentum ------------------------------------------------------------

def _no_state(n: int, hp: Mapping) -> State:
    return {}


def _gd_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        _sub(w, _mul(g, lr, tmp[1]), out)        # w - lr * g

    return step


def _momentum_init(n: int, hp: Mapping) -> State:
    return {"velocity": np.zeros((n, 2))}


def _momentum_kernel(hp: Mapping, nesterov: bool = False) -> Step:
    # torch.optim.SGD: buf = g at the first step, then buf = momentum * buf + (1 - dampening) * g
    decayed = _decayer(hp)
    momentum = _operand(hp["momentum"])
    dampening = hp.get("dampening", 0.0)     # nesterov has none, as in torch
    keep = _operand(1.0 - dampening) if _nonzero(dampening) else None

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        buf = state["velocity"]
        if t == 1:
            buf[...] = g
        else:
            _mul(buf, momentum, buf)
            _add(buf, g if keep is None else _mul(g, keep, tmp[1]), buf)
        direction = buf
        if nesterov:                             # g + momentum * buf
            direction = _add(g, _mul(buf, momentum, tmp[1]), tmp[1])
        _sub(w, _mul(direction, lr, tmp[2]), out)

    return step


def _nesterov_kernel(hp: Mapping) -> Step:
    return _momentum_kernel(hp, nesterov=True)


MOMENTUM = Param("momentum", 0.9, 0.0, 1.0, high_open=True,
                 help="momentum factor (0.9, the seed's; torch's default 0 is plain GD)")
DAMPENING = Param("dampening", 0.0, 0.0, 1.0, help="dampening for momentum")


# -- adaptive methods -------------------------------------------------------------------------

def _adagrad_init(n: int, hp: Mapping) -> State:
    acc = np.empty((n, 2))
    acc[...] = hp["initial_accumulator_value"]
    return {"sum": acc}


def _adagrad_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)
    eps = _operand(hp["eps"])

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        acc = state["sum"]
        _add(acc, _mul(g, g, tmp[1]), acc)        # sum += g * g
        std = _add(_sqrt(acc, tmp[1]), eps, tmp[1])
        _sub(w, _mul(_div(g, std, tmp[2]), lr, tmp[2]), out)   # w - lr * (g / std)

    return step


def _adagrad_eff(state, hp, lr, t):
    return lr / (np.sqrt(state["sum"]) + hp["eps"])


def _rmsprop_init(n: int, hp: Mapping) -> State:
    return {"square_avg": np.zeros((n, 2)), "velocity": np.zeros((n, 2))}


def _rmsprop_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)
    alpha, eps, momentum = hp["alpha"], _operand(hp["eps"]), hp["momentum"]
    rest, alpha = _operand(1.0 - alpha), _operand(alpha)
    with_momentum = _nonzero(momentum)
    momentum = _operand(momentum)

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        sq, buf = state["square_avg"], state["velocity"]
        _mul(sq, alpha, sq)
        _add(sq, _mul(_mul(g, rest, tmp[1]), g, tmp[1]), sq)  # sq += (1 - alpha) * g * g
        avg = _add(_sqrt(sq, tmp[1]), eps, tmp[1])
        if with_momentum:
            _mul(buf, momentum, buf)
            _add(buf, _div(g, avg, tmp[2]), buf)
        else:
            _div(g, avg, buf)
        _sub(w, _mul(buf, lr, tmp[2]), out)       # w - lr * (g / avg), or w - lr * buf

    return step


def _rmsprop_eff(state, hp, lr, t):
    return lr / (np.sqrt(state["square_avg"]) + hp["eps"])


def _adam_init(n: int, hp: Mapping) -> State:
    return {"exp_avg": np.zeros((n, 2)), "exp_avg_sq": np.zeros((n, 2)),
            "max_exp_avg_sq": np.zeros((n, 2))}


def _moments(hp: Mapping):
    """Adam's moment updates, in place: m lerps to g (torch's ``exp_avg.lerp_(grad, 1 - beta1)``),
    v = beta2 * v + (1 - beta2) * (g * g)."""
    rest1, beta2, rest2 = (_operand(v) for v in (1.0 - hp["beta1"], hp["beta2"],
                                                 1.0 - hp["beta2"]))

    def moments(g, state, tmp):
        m, v = state["exp_avg"], state["exp_avg_sq"]
        _add(m, _mul(_sub(g, m, tmp), rest1, tmp), m)
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
        v = state["exp_avg_sq"]
        if amsgrad:
            v = np.maximum(state["max_exp_avg_sq"], v, out=state["max_exp_avg_sq"])
        if folds:
            denom = _add(_sqrt(v, tmp[1]), eps * root, tmp[1])
            step_size = step_size * root
        else:
            denom = _add(_div(_sqrt(v, tmp[1]), root, tmp[1]), eps, tmp[1])
        _sub(w, _mul(_div(state["exp_avg"], denom, denom), step_size, denom), out)

    return step


def _amsgrad_kernel(hp: Mapping) -> Step:
    return _adam_kernel(hp, amsgrad=True)


def _adamw_kernel(hp: Mapping) -> Step:
    return _adam_kernel(hp, decoupled=True)


def _adam_eff(state, hp, lr, t, amsgrad=False):
    v = state["max_exp_avg_sq"] if amsgrad else state["exp_avg_sq"]
    denom = np.sqrt(v) / np.sqrt(1.0 - step_power(hp["beta2"], t)) + hp["eps"]
    return lr / (1.0 - step_power(hp["beta1"], t)) / denom


def _amsgrad_eff(state, hp, lr, t):
    return _adam_eff(state, hp, lr, t, amsgrad=True)


def _nadam_init(n: int, hp: Mapping) -> State:
    state = _adam_init(n, hp)
    state["mu_product"] = np.ones((n, 1))
    state["nesterov_moment"] = np.zeros((n, 2))
    return state


def _nadam_mu(hp, t):
    return hp["beta1"] * (1.0 - 0.5 * step_power(0.96, t, hp["momentum_decay"]))


def _nadam_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)
    beta2, eps = hp["beta2"], hp["eps"]
    moments = _moments(hp)

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        mu, mu_next = _nadam_mu(hp, t), _nadam_mu(hp, t + 1)
        state["mu_product"] *= mu
        mu_product = state["mu_product"]
        moments(g, state, tmp[1])
        denom = np.sqrt(state["exp_avg_sq"] / (1.0 - beta2 ** t))
        denom += eps
        first = lr * (1.0 - mu) / (1.0 - mu_product) * (g / denom)
        second = lr * mu_next / (1.0 - mu_product * mu_next) * (state["exp_avg"] / denom)
        # what the step is -lr / denom times: the bias-corrected Nesterov moment (shown, not
        # used; the step keeps torch's two terms)
        moment = state["nesterov_moment"]
        _mul(g, (1.0 - mu) / (1.0 - mu_product), moment)
        _add(moment, _mul(state["exp_avg"], mu_next / (1.0 - mu_product * mu_next), tmp[2]),
             moment)
        _sub(_sub(w, first, out), second, out)   # (w - first) - second

    return step


def _nadam_eff(state, hp, lr, t):
    denom = np.sqrt(state["exp_avg_sq"] / (1.0 - step_power(hp["beta2"], t))) + hp["eps"]
    return lr / denom


def _adadelta_init(n: int, hp: Mapping) -> State:
    return {"square_avg": np.zeros((n, 2)), "acc_delta": np.zeros((n, 2))}


def _adadelta_kernel(hp: Mapping) -> Step:
    decayed = _decayer(hp)
    rho, eps = hp["rho"], hp["eps"]
    rest = 1.0 - rho

    def step(w, g, state, lr, t, tmp, out):
        if decayed is not None:
            g = decayed(g, w, tmp[0])
        sq, acc = state["square_avg"], state["acc_delta"]
        sq *= rho
        sq += rest * (g * g)
        delta = np.sqrt(acc + eps) / np.sqrt(sq + eps) * g
        acc *= rho
        acc += rest * (delta * delta)
        _sub(w, lr * delta, out)

    return step


def _adadelta_eff(state, hp, lr, t):
    # acc_delta as it was before the update (effective_lr_previous): the one the step used
    eps = hp["eps"]
    return lr * (np.sqrt(state["acc_delta"] + eps) / np.sqrt(state["square_avg"] + eps))


# -- the registry -----------------------------------------------------------------------------

_SEED_LR = "learning rate (0.01, the seed's; torch's SGD default is 0.001)"
_ADAM_STATE = ("exp_avg_sq",)

OPTIMIZERS: dict[str, OptimizerSpec] = {
    spec.name: spec
    for spec in (
        OptimizerSpec("gd", "GD", (_lr(0.01, _SEED_LR), WEIGHT_DECAY), _no_state, _gd_kernel,
                      description="Gradient descent: w -= lr * g"),
        OptimizerSpec("sgd", "SGD", (_lr(0.01, _SEED_LR), WEIGHT_DECAY), _no_state, _gd_kernel,
                      stochastic=True,
                      description="Stochastic GD: the gradient of a random mini-batch of terms"),
        OptimizerSpec("momentum", "Momentum", (_lr(0.01, _SEED_LR), MOMENTUM, DAMPENING,
                                               WEIGHT_DECAY),
                      _momentum_init, _momentum_kernel, moment="velocity",
                      description="v = momentum * v + g; w -= lr * v (torch.optim.SGD)"),
        OptimizerSpec("nesterov", "Nesterov", (_lr(0.01, _SEED_LR), MOMENTUM, WEIGHT_DECAY),
                      _momentum_init, _nesterov_kernel, moment="velocity",
                      description="SGD with nesterov=True: w -= lr * (g + momentum * v)"),
        OptimizerSpec("adagrad", "Adagrad", (
            _lr(0.01), Param("eps", 1e-10, 0.0, 1.0, low_open=True, log=True, help=_EPS_HELP),
            Param("initial_accumulator_value", 0.0, 0.0, 1e6,
                  help="starting value of the sum of squared gradients"),
            WEIGHT_DECAY), _adagrad_init, _adagrad_kernel, effective_lr=_adagrad_eff,
            effective_lr_state=("sum",), effective_lr_scales="gradient",
            description="lr / sqrt(sum of g^2) per axis: big steps where gradients were small"),
        OptimizerSpec("rmsprop", "RMSprop", (
            _lr(0.01), Param("alpha", 0.99, 0.0, 1.0, high_open=True,
                             help="decay of the mean square"),
            Param("eps", 1e-8, 0.0, 1.0, low_open=True, log=True, help=_EPS_HELP),
            Param("momentum", 0.0, 0.0, 1.0, high_open=True, help="momentum factor"),
            WEIGHT_DECAY), _rmsprop_init, _rmsprop_kernel, moment="velocity",
            effective_lr=_rmsprop_eff, effective_lr_state=("square_avg",),
            effective_lr_scales="gradient",
            description="lr / sqrt(moving mean of g^2): Adagrad that forgets"),
        OptimizerSpec("adam", "Adam", (_lr(0.001), BETA1, BETA2, ADAM_EPS, WEIGHT_DECAY),
                      _adam_init, _adam_kernel, moment="exp_avg", effective_lr=_adam_eff,
                      effective_lr_state=_ADAM_STATE, effective_lr_scales="moment",
                      description="Momentum + RMSprop with bias correction"),
        OptimizerSpec("adamw", "AdamW", (
            _lr(0.001), BETA1, BETA2, ADAM_EPS,
            Param("weight_decay", 0.01, 0.0, 1e3, help="decoupled weight decay")),
            _adam_init, _adamw_kernel, moment="exp_avg", effective_lr=_adam_eff,
            effective_lr_state=_ADAM_STATE, effective_lr_scales="moment",
            description="Adam with weight decay applied to w, not to the gradient"),
        OptimizerSpec("nadam", "NAdam", (
            _lr(0.002), BETA1, BETA2, ADAM_EPS,
            Param("momentum_decay", 0.004, 0.0, 1e3, help="momentum decay psi"),
            WEIGHT_DECAY), _nadam_init, _nadam_kernel, moment="nesterov_moment",
            effective_lr=_nadam_eff, effective_lr_state=("exp_avg_sq",),
            effective_lr_scales="moment",
            description="Adam with Nesterov momentum"),
        OptimizerSpec("amsgrad", "AMSGrad", (_lr(0.001), BETA1, BETA2, ADAM_EPS, WEIGHT_DECAY),
                      _adam_init, _amsgrad_kernel, moment="exp_avg", effective_lr=_amsgrad_eff,
                      effective_lr_state=("max_exp_avg_sq",), effective_lr_scales="moment",
                      description="Adam with the running maximum of the second moment"),
        OptimizerSpec("adadelta", "Adadelta", (
            _lr(1.0), Param("rho", 0.9, 0.0, 1.0, high_open=True,
                            help="decay of the running averages"),
            Param("eps", 1e-6, 0.0, 1.0, low_open=True, log=True, help=_EPS_HELP),
            WEIGHT_DECAY), _adadelta_init, _adadelta_kernel, effective_lr=_adadelta_eff,
            effective_lr_state=("square_avg", "acc_delta"), effective_lr_scales="gradient",
            effective_lr_previous=("acc_delta",),
            description="Step sizes from the ratio of running RMS of updates and gradients"),
    )
}


def get_optimizer(name: str) -> OptimizerSpec:
    """The registry entry for ``name``; ValueError listing the choices when there is none."""
    key = str(name).strip().lower().replace("-", "_")
    if key not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer '{name}'; choose from {', '.join(OPTIMIZERS)}")
    return OPTIMIZERS[key]
