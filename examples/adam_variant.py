"""AdaMax-like Adam: the second moment is an exponentially weighted infinity norm.

A plug-in optimizer for beale-gui (README, "Your own optimizer"): ``u = max(beta2 * u, |g|)``
replaces Adam's ``v``, so only the first moment needs a bias correction (Kingma & Ba 2015,
section 7.1). Load it with ``--optimizer-file examples/adam_variant.py --optimizer
adam_variant:lr=0.05``; the arrows show ``m``, the table its per-axis effective rate.
"""

import numpy as np

TITLE = "Adam variant (AdaMax-like)"
PARAMS = {"lr": (0.002, 1e-8, 10.0), "beta1": (0.9, 0.0, 0.999), "beta2": (0.999, 0.0, 0.9999),
          "eps": (1e-8, 1e-16, 1.0)}
MOMENT = "m"


def init(n, hp):
    return {"m": np.zeros((n, 2)), "u": np.zeros((n, 2))}


def update(w, g, state, hp, lr, t):
    state["m"] = hp["beta1"] * state["m"] + (1 - hp["beta1"]) * g
    state["u"] = np.maximum(hp["beta2"] * state["u"], np.abs(g) + hp["eps"])
    return w - effective_lr(state, hp, lr, t) * state["m"]


def effective_lr(state, hp, lr, t):
    return lr / (1 - hp["beta1"] ** t) / state["u"]
