"""Sign descent: every coordinate moves by exactly the learning rate, against its gradient's sign.

A plug-in optimizer for beale-gui (README, "Your own optimizer"): load it with
``--optimizer-file examples/sign_descent.py --optimizer sign_descent:lr=0.01``. It keeps no
state; near a minimum it zig-zags by ``lr``, which is the lesson (signSGD, Bernstein et al. 2018).
"""

import numpy as np

TITLE = "Sign descent"
PARAMS = {"lr": (0.01, 1e-6, 10.0)}


def init(n, hp):
    return {}


def update(w, g, state, hp, lr, t):
    return w - lr * np.sign(g)
