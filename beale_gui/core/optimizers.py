"""Optimizers as init/update pairs over arrays of shape (N, 2).

Update rules, hyperparameter names and defaults follow ``torch.optim`` (a default that differs
says why). ``init(n)`` returns the state, a dict of arrays; ``update(w, g, state, hp, lr, t)``
moves the parameters ``w`` (N, 2) in place given the gradient ``g`` (N, 2), the learning rate
``lr`` (a float or an (N, 1) array), and ``t``, the 1-based step count (torch's
``state["step"]``). Every hyperparameter in ``hp`` is a float or an (N, 1) array, so one batch
can hold many configurations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from .params import Param, check_params

State = dict[str, np.ndarray]
Update = Callable[[np.ndarray, np.ndarray, State, Mapping, object, int], None]


@dataclass(frozen=True)
class OptimizerSpec:
    """One optimizer in the registry.

    Attributes
    ----------
    moment : str or None
        The state entry drawn as the velocity / first-moment arrow.
    effective_lr : callable or None
        ``effective_lr(state, hp, lr, t) -> (N, 2)``: the per-axis step size an adaptive method
        applies to its moment or gradient.
    stochastic : bool
        Gradients of a random mini-batch of the function's terms by default (``sgd``).
    """

    name: str
    title: str
    params: tuple[Param, ...]
    init: Callable[[int, Mapping], State]
    update: Update
    moment: str | None = None
    effective_lr: Callable[[State, Mapping, object, int], np.ndarray] | None = None
    stochastic: bool = False
    description: str = ""

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


def _decayed(g: np.ndarray, w: np.ndarray, hp: Mapping) -> np.ndarray:
    """torch's coupled weight decay: the gradient plus weight_decay * w."""
    wd = hp.get("weight_decay", 0.0)
    if np.any(wd):
        return g + wd * w
    return g


# -- gradient descent and momentum ------------------------------------------------------------

def _no_state(n: int, hp: Mapping) -> State:
    return {}


def _gd_update(w, g, state, hp, lr, t):
    g = _decayed(g, w, hp)
    w -= lr * g


def _momentum_init(n: int, hp: Mapping) -> State:
    return {"velocity": np.zeros((n, 2))}


def _momentum_update(w, g, state, hp, lr, t, nesterov=False):
    # torch.optim.SGD: buf = g at the first step, then buf = momentum * buf + (1 - dampening) * g
    g = _decayed(g, w, hp)
    buf = state["velocity"]
    if t == 1:
        buf[...] = g
    else:
        buf *= hp["momentum"]
        dampening = hp.get("dampening", 0.0)   # nesterov has none, as in torch
        buf += (1.0 - dampening) * g if np.any(dampening) else g
    direction = g + hp["momentum"] * buf if nesterov else buf
    w -= lr * direction


def _nesterov_update(w, g, state, hp, lr, t):
    _momentum_update(w, g, state, hp, lr, t, nesterov=True)


MOMENTUM = Param("momentum", 0.9, 0.0, 1.0, high_open=True,
                 help="momentum factor (0.9, the seed's; torch's default 0 is plain GD)")
DAMPENING = Param("dampening", 0.0, 0.0, 1.0, help="dampening for momentum")


# -- adaptive methods -------------------------------------------------------------------------

def _adagrad_init(n: int, hp: Mapping) -> State:
    acc = np.empty((n, 2))
    acc[...] = hp["initial_accumulator_value"]
    return {"sum": acc}


def _adagrad_update(w, g, state, hp, lr, t):
    g = _decayed(g, w, hp)
    state["sum"] += g * g
    std = np.sqrt(state["sum"])
    std += hp["eps"]
    w -= lr * (g / std)


def _adagrad_eff(state, hp, lr, t):
    return lr / (np.sqrt(state["sum"]) + hp["eps"])


def _rmsprop_init(n: int, hp: Mapping) -> State:
    return {"square_avg": np.zeros((n, 2)), "velocity": np.zeros((n, 2))}


def _rmsprop_update(w, g, state, hp, lr, t):
    g = _decayed(g, w, hp)
    sq = state["square_avg"]
    alpha = hp["alpha"]
    sq *= alpha
    sq += (1.0 - alpha) * g * g
    avg = np.sqrt(sq)
    avg += hp["eps"]
    if np.any(hp["momentum"]):
        buf = state["velocity"]
        buf *= hp["momentum"]
        buf += g / avg
        w -= lr * buf
    else:
        state["velocity"][...] = g / avg
        w -= lr * (g / avg)


def _rmsprop_eff(state, hp, lr, t):
    return lr / (np.sqrt(state["square_avg"]) + hp["eps"])


def _adam_init(n: int, hp: Mapping) -> State:
    return {"exp_avg": np.zeros((n, 2)), "exp_avg_sq": np.zeros((n, 2)),
            "max_exp_avg_sq": np.zeros((n, 2))}


def _adam_moments(g, state, hp) -> None:
    m, v = state["exp_avg"], state["exp_avg_sq"]
    m += (1.0 - hp["beta1"]) * (g - m)      # torch: exp_avg.lerp_(grad, 1 - beta1)
    v *= hp["beta2"]
    v += (1.0 - hp["beta2"]) * (g * g)


def _adam_denominator(state, hp, t, amsgrad: bool) -> np.ndarray:
    v = state["exp_avg_sq"]
    if amsgrad:
        np.maximum(state["max_exp_avg_sq"], v, out=state["max_exp_avg_sq"])
        v = state["max_exp_avg_sq"]
    bias_correction2 = 1.0 - hp["beta2"] ** t
    denom = np.sqrt(v) / np.sqrt(bias_correction2)
    denom += hp["eps"]
    return denom


def _adam_update(w, g, state, hp, lr, t, amsgrad=False, decoupled=False):
    if decoupled:   # AdamW: decay the weights, not the gradient
        w *= 1.0 - lr * hp["weight_decay"]
    else:
        g = _decayed(g, w, hp)
    _adam_moments(g, state, hp)
    step_size = lr / (1.0 - hp["beta1"] ** t)
    denom = _adam_denominator(state, hp, t, amsgrad)
    w -= step_size * (state["exp_avg"] / denom)


def _amsgrad_update(w, g, state, hp, lr, t):
    _adam_update(w, g, state, hp, lr, t, amsgrad=True)


def _adamw_update(w, g, state, hp, lr, t):
    _adam_update(w, g, state, hp, lr, t, decoupled=True)


def _adam_eff(state, hp, lr, t, amsgrad=False):
    v = state["max_exp_avg_sq"] if amsgrad else state["exp_avg_sq"]
    denom = np.sqrt(v) / np.sqrt(1.0 - hp["beta2"] ** t) + hp["eps"]
    return lr / (1.0 - hp["beta1"] ** t) / denom


def _amsgrad_eff(state, hp, lr, t):
    return _adam_eff(state, hp, lr, t, amsgrad=True)


def _nadam_init(n: int, hp: Mapping) -> State:
    state = _adam_init(n, hp)
    state["mu_product"] = np.ones((n, 1))
    return state


def _nadam_mu(hp, t):
    return hp["beta1"] * (1.0 - 0.5 * 0.96 ** (t * hp["momentum_decay"]))


def _nadam_update(w, g, state, hp, lr, t):
    g = _decayed(g, w, hp)
    mu, mu_next = _nadam_mu(hp, t), _nadam_mu(hp, t + 1)
    state["mu_product"] *= mu
    mu_product = state["mu_product"]
    _adam_moments(g, state, hp)
    denom = np.sqrt(state["exp_avg_sq"] / (1.0 - hp["beta2"] ** t))
    denom += hp["eps"]
    w -= lr * (1.0 - mu) / (1.0 - mu_product) * (g / denom)
    w -= lr * mu_next / (1.0 - mu_product * mu_next) * (state["exp_avg"] / denom)


def _nadam_eff(state, hp, lr, t):
    mu_next = _nadam_mu(hp, t + 1)
    denom = np.sqrt(state["exp_avg_sq"] / (1.0 - hp["beta2"] ** t)) + hp["eps"]
    return lr * mu_next / (1.0 - state["mu_product"] * mu_next) / denom


def _adadelta_init(n: int, hp: Mapping) -> State:
    return {"square_avg": np.zeros((n, 2)), "acc_delta": np.zeros((n, 2))}


def _adadelta_update(w, g, state, hp, lr, t):
    g = _decayed(g, w, hp)
    rho, eps = hp["rho"], hp["eps"]
    sq, acc = state["square_avg"], state["acc_delta"]
    sq *= rho
    sq += (1.0 - rho) * (g * g)
    delta = np.sqrt(acc + eps) / np.sqrt(sq + eps) * g
    acc *= rho
    acc += (1.0 - rho) * (delta * delta)
    w -= lr * delta


def _adadelta_eff(state, hp, lr, t):
    eps = hp["eps"]
    return lr * np.sqrt(state["acc_delta"] + eps) / np.sqrt(state["square_avg"] + eps)


# -- the registry -----------------------------------------------------------------------------

_SEED_LR = "learning rate (0.01, the seed's; torch's SGD default is 0.001)"

OPTIMIZERS: dict[str, OptimizerSpec] = {
    spec.name: spec
    for spec in (
        OptimizerSpec("gd", "GD", (_lr(0.01, _SEED_LR), WEIGHT_DECAY), _no_state, _gd_update,
                      description="Gradient descent: w -= lr * g"),
        OptimizerSpec("sgd", "SGD", (_lr(0.01, _SEED_LR), WEIGHT_DECAY), _no_state, _gd_update,
                      stochastic=True,
                      description="Stochastic GD: the gradient of a random mini-batch of terms"),
        OptimizerSpec("momentum", "Momentum", (_lr(0.01, _SEED_LR), MOMENTUM, DAMPENING,
                                               WEIGHT_DECAY),
                      _momentum_init, _momentum_update, moment="velocity",
                      description="v = momentum * v + g; w -= lr * v (torch.optim.SGD)"),
        OptimizerSpec("nesterov", "Nesterov", (_lr(0.01, _SEED_LR), MOMENTUM, WEIGHT_DECAY),
                      _momentum_init, _nesterov_update, moment="velocity",
                      description="SGD with nesterov=True: w -= lr * (g + momentum * v)"),
        OptimizerSpec("adagrad", "Adagrad", (
            _lr(0.01), Param("eps", 1e-10, 0.0, 1.0, low_open=True, log=True, help=_EPS_HELP),
            Param("initial_accumulator_value", 0.0, 0.0, 1e6,
                  help="starting value of the sum of squared gradients"),
            WEIGHT_DECAY), _adagrad_init, _adagrad_update, effective_lr=_adagrad_eff,
            description="lr / sqrt(sum of g^2) per axis: big steps where gradients were small"),
        OptimizerSpec("rmsprop", "RMSprop", (
            _lr(0.01), Param("alpha", 0.99, 0.0, 1.0, high_open=True,
                             help="decay of the mean square"),
            Param("eps", 1e-8, 0.0, 1.0, low_open=True, log=True, help=_EPS_HELP),
            Param("momentum", 0.0, 0.0, 1.0, high_open=True, help="momentum factor"),
            WEIGHT_DECAY), _rmsprop_init, _rmsprop_update, moment="velocity",
            effective_lr=_rmsprop_eff,
            description="lr / sqrt(moving mean of g^2): Adagrad that forgets"),
        OptimizerSpec("adam", "Adam", (_lr(0.001), BETA1, BETA2, ADAM_EPS, WEIGHT_DECAY),
                      _adam_init, _adam_update, moment="exp_avg", effective_lr=_adam_eff,
                      description="Momentum + RMSprop with bias correction"),
        OptimizerSpec("adamw", "AdamW", (
            _lr(0.001), BETA1, BETA2, ADAM_EPS,
            Param("weight_decay", 0.01, 0.0, 1e3, help="decoupled weight decay")),
            _adam_init, _adamw_update, moment="exp_avg", effective_lr=_adam_eff,
            description="Adam with weight decay applied to w, not to the gradient"),
        OptimizerSpec("nadam", "NAdam", (
            _lr(0.002), BETA1, BETA2, ADAM_EPS,
            Param("momentum_decay", 0.004, 0.0, 1e3, help="momentum decay psi"),
            WEIGHT_DECAY), _nadam_init, _nadam_update, moment="exp_avg",
            effective_lr=_nadam_eff, description="Adam with Nesterov momentum"),
        OptimizerSpec("amsgrad", "AMSGrad", (_lr(0.001), BETA1, BETA2, ADAM_EPS, WEIGHT_DECAY),
                      _adam_init, _amsgrad_update, moment="exp_avg", effective_lr=_amsgrad_eff,
                      description="Adam with the running maximum of the second moment"),
        OptimizerSpec("adadelta", "Adadelta", (
            _lr(1.0), Param("rho", 0.9, 0.0, 1.0, high_open=True,
                            help="decay of the running averages"),
            Param("eps", 1e-6, 0.0, 1.0, low_open=True, log=True, help=_EPS_HELP),
            WEIGHT_DECAY), _adadelta_init, _adadelta_update, effective_lr=_adadelta_eff,
            description="Step sizes from the ratio of running RMS of updates and gradients"),
    )
}


def get_optimizer(name: str) -> OptimizerSpec:
    """The registry entry for ``name``; ValueError listing the choices when there is none."""
    key = str(name).strip().lower().replace("-", "_")
    if key not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer '{name}'; choose from {', '.join(OPTIMIZERS)}")
    return OPTIMIZERS[key]
