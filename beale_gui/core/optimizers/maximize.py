"""torch.optim's ``maximize`` switch, once for every optimizer torch gives it.

With ``maximize`` set (1), torch negates the gradient before anything else, and the update
then proceeds as for ``-g``: coupled weight decay is added to ``-g`` (``-g + weight_decay *
w``), the state holds what ``-g`` makes of it (Rprop's ``prev`` is ``-g``), so the run climbs
``f``. torch's single-tensor step of every optimizer here begins with ``grad = grad if not
maximize else -grad`` (torch/optim/sgd.py, adagrad.py, rmsprop.py, adam.py, adamw.py,
nadam.py, radam.py, adamax.py, adadelta.py, rprop.py, asgd.py).

The registry (:mod:`beale_gui.core.optimizers`) gives the optimizers of :data:`TORCH_MAXIMIZE`
the hyperparameter :data:`MAXIMIZE` (0 by default) and wraps their kernels here: the batch
kernel is handed ``-g`` (a scratch array of its own, so the engine's gradient stays as the
function gave it), the float kernel ``-gx, -gy``. Negation, and multiplication by 1 or -1, is
exact in IEEE arithmetic, so the two kernels keep giving the same bits; with ``maximize`` 0 no
wrapper is made and every result is what it was before the switch existed. Per-run values of
``maximize`` (a search over it) negate the gradients of the runs whose switch is on.

The optimizers torch lacks (Lion, AdaBelief, Yogi, Schedule-Free SGD and AdamW) take no
``maximize``: their reference implementations have none.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP
from ..params import Param
from .base import FloatStep, Step

MAXIMIZE = Param("maximize", 0, 0, 1, integer=True, flag=True,
                 help=QT_TRANSLATE_NOOP("Params", "1: climb the function (torch's maximize: "
                                                  "the gradient is negated); 0: descend"))

# the registered optimizers whose torch.optim counterpart has ``maximize``
TORCH_MAXIMIZE = frozenset({"gd", "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam",
                            "adamw", "nadam", "amsgrad", "adamax", "radam", "adadelta",
                            "rprop", "asgd"})


def maximizes(hp: Mapping) -> bool:
    """Whether any run of ``hp`` (floats or per-run values) has ``maximize`` on."""
    return bool(np.any(hp.get("maximize", 0.0)))


def batch_maximized(step: Step, hp: Mapping, n_tmp: int) -> tuple[Step, int]:
    """``step`` (a batch kernel built for ``hp`` using ``n_tmp`` scratch arrays) handed the
    gradient negated where ``maximize`` is on, and the scratch arrays it now needs (one more:
    the negated gradient's). ``step`` itself when no run maximizes."""
    if not maximizes(hp):
        return step, n_tmp
    flag = hp["maximize"]
    sign = None if np.ndim(flag) == 0 else 1.0 - 2.0 * (np.asarray(flag) != 0)  # 1 or -1

    def maximized(w, g, state, lr, t, tmp, out):
        flipped = tmp[n_tmp]
        if sign is None:
            np.negative(g, out=flipped)
        else:
            np.multiply(g, sign, out=flipped)
        step(w, flipped, state, lr, t, tmp, out)

    return maximized, n_tmp + 1


def float_maximized(step: FloatStep, hp: Mapping) -> FloatStep:
    """``step`` (a float kernel) handed ``-gx, -gy`` when ``maximize`` is on."""
    if not hp.get("maximize", 0.0):
        return step

    def maximized(x, y, gx, gy, lr, t):
        return step(x, y, -gx, -gy, lr, t)

    return maximized
