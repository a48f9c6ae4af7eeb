"""The optimizers: a registry of :class:`OptimizerSpec`, one file per family.

Where an optimizer is: :mod:`.sgd` (gd, sgd, momentum, nesterov), :mod:`.adagrad`,
:mod:`.rmsprop`, :mod:`.adam` (adam, adamw, nadam, amsgrad), :mod:`.adamax`, :mod:`.radam`,
:mod:`.adadelta`, :mod:`.rprop`, :mod:`.asgd`, :mod:`.lion`, :mod:`.adabelief`, :mod:`.yogi`,
:mod:`.schedule_free`, :mod:`.newton`, :mod:`.lbfgs`, :mod:`.cg` (probing optimizers: they evaluate
the function themselves, :mod:`beale_gui.core.engine.probing`, with one kernel, their ``probe``;
the line search the last two share is :mod:`.line_search`); what every one is made
of, and the contract of its two kernels, in :mod:`.base`. To add one: write its hyperparameters,
state, batch kernel, scalar kernel, effective learning rate and explain rule
(:mod:`beale_gui.core.explain`) beside its family's (or in a new file) and add its spec to
``SPECS`` there; a new file's ``SPECS`` goes into the registry below. Optimizers from plug-in
files and entry points (numpy path only) are kept apart, in :mod:`.plugins`;
:func:`get_optimizer` finds them too.
tests/core/test_optimizer_registry.py then steps it through both kernels,
tests/core/test_scalar_kernels.py compiles its scalar kernel, and tests/core/test_explain.py
checks its rule against the engine's record.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..i18n import translate
from . import (
    adabelief,
    adadelta,
    adagrad,
    adam,
    adamax,
    asgd,
    cg,
    lbfgs,
    lion,
    maximize,
    newton,
    plugins,
    radam,
    rmsprop,
    rprop,
    schedule_free,
    sgd,
    torch_adapter,
    yogi,
)
from .base import FloatStep, Log, OptimizerSpec, ScalarKernel, State, Step
from .plugins import PluginError

__all__ = ["OPTIMIZERS", "OptimizerSpec", "PluginError", "batch_step", "float_step",
           "get_optimizer", "scalar_step"]


def _registered(spec: OptimizerSpec) -> OptimizerSpec:
    """``spec`` as the registry lists it: with torch's ``maximize`` where torch has it
    (:mod:`.maximize`)."""
    if spec.name not in maximize.TORCH_MAXIMIZE:
        return spec
    return dataclasses.replace(spec, params=(*spec.params, maximize.MAXIMIZE))


OPTIMIZERS: dict[str, OptimizerSpec] = {
    spec.name: _registered(spec)
    for family in (sgd, adagrad, rmsprop, adam, adamax, radam, adadelta, rprop, asgd, lion,
                   adabelief, yogi, schedule_free, newton, lbfgs, cg)
    for spec in family.SPECS
}

for _spec in OPTIMIZERS.values():
    if not callable(_spec.explain):
        raise TypeError(f"optimizer '{_spec.name}' has no explain rule")


def get_optimizer(name: str) -> OptimizerSpec:
    """The registry entry for ``name``: a built-in, a loaded plug-in
    (:mod:`.plugins`), or an installed entry point of that name, imported now; ValueError
    listing the choices when there is none (:class:`~.plugins.PluginError` when the entry
    point fails to load). A name ``torch:<module>.<Class>`` is any torch optimizer
    (:mod:`.torch_adapter`, which imports torch only then)."""
    if torch_adapter.is_torch_name(name):
        return torch_adapter.torch_spec(name)
    key = str(name).strip().lower().replace("-", "_")
    spec = OPTIMIZERS.get(key) or plugins.find(key)
    if spec is None:
        spec = plugins.load_entry_point(key)
    if spec is None:
        choices = [*OPTIMIZERS, *plugins.plugin_specs(), *plugins.entry_point_names()]
        raise ValueError(translate("Optimizers", "unknown optimizer '{0}'; choose from {1}")
                         .format(name, ", ".join(dict.fromkeys(choices))))
    return spec


def _spec(name: str) -> OptimizerSpec:
    """A built-in or a registered plug-in, by its registered name."""
    spec = OPTIMIZERS.get(name) or plugins.find(name)
    if spec is None:
        raise KeyError(name)
    return spec


def batch_step(name: str, hp: Mapping) -> tuple[Step, int]:
    """The batch update of optimizer ``name`` for hyperparameters ``hp`` (floats or per-run
    values), torch's ``maximize`` included, and how many scratch arrays it takes."""
    if torch_adapter.is_torch_name(name):           # torch applies its own maximize
        spec = torch_adapter.torch_spec(name)
        return spec.kernel(hp), spec.n_tmp
    spec = _spec(name)
    return maximize.batch_maximized(spec.kernel(hp), hp, spec.n_tmp)


def float_step(name: str, hp: Mapping, state: State, log: Log) -> FloatStep:
    """The float update of optimizer ``name`` for one run with float hyperparameters ``hp``,
    torch's ``maximize`` (the gradient negated first) and coupled weight decay ``g +
    weight_decay * w`` included where they apply."""
    spec = _spec(name)
    if spec.float_kernel is None:
        raise ValueError(f"'{name}' is a probing optimizer: it has no float kernel")
    step = spec.float_kernel(hp, state, log)
    if spec.couples_decay(hp):
        step = _decayed(step, hp["weight_decay"])
    return maximize.float_maximized(step, hp)


def gradient_terms(name: str, hp: Mapping) -> tuple[bool, float]:
    """What the registry does to the gradient before optimizer ``name``'s kernel sees it, for
    runs of ``hp`` (floats): whether it is negated (``maximize``), then the coupled weight
    decay added (``g + weight_decay * w``; 0.0 for none)."""
    spec = _spec(name)
    return (bool(hp.get("maximize", 0.0)),
            float(hp["weight_decay"]) if spec.couples_decay(hp) else 0.0)


def scalar_step(name: str, hp: Mapping, width: int, log: Log) -> ScalarKernel:
    """Optimizer ``name``'s scalar kernel with the gradient terms of :func:`gradient_terms`
    and, when ``log`` is not None, the first ``width`` values of its state logged after each
    update; the kernel itself when there is nothing to add."""
    step = _spec(name).scalar_kernel
    negate, wd = gradient_terms(name, hp)
    if negate or wd:
        kernel = step

        def step(x, y, gx, gy, lr, t, hp, st):
            if negate:
                gx, gy = -gx, -gy
            if wd:
                gx, gy = gx + x * wd, gy + y * wd
            return kernel(x, y, gx, gy, lr, t, hp, st)

    if log is not None:
        inner = step

        def step(x, y, gx, gy, lr, t, hp, st):
            x, y = inner(x, y, gx, gy, lr, t, hp, st)
            log(st[:width])
            return x, y

    return step


def _decayed(step: FloatStep, wd: float) -> FloatStep:
    def decayed(x, y, gx, gy, lr, t):
        return step(x, y, gx + x * wd, gy + y * wd, lr, t)

    return decayed
