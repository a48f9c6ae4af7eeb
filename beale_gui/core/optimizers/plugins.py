"""Optimizers from plug-in files and entry points, beside the built-ins.

A plug-in is a Python file whose stem is the optimizer's name (``sign_descent.py`` gives
``sign_descent``), holding:

- ``PARAMS``: its hyperparameters with defaults and valid ranges, a dict ``{name: (default,
  low, high)}`` or a list of :class:`~beale_gui.core.params.Param`; ``lr`` (0.01, in (0,
  1e6]) is added when it is not there;
- ``init(n, hp)``: the state of ``n`` runs, a mapping of arrays of shape (n, 2) (or (n,) /
  (n, 1) for one value a run);
- ``update(w, g, state, hp, lr, t)``: the new points, an array (N, 2), from the points ``w``
  and gradients ``g`` (N, 2); ``hp`` maps each hyperparameter to a float or per-run values
  (N, 1), ``lr`` is one too, ``t`` the step (1 first). It may update ``state`` in place or
  rebind its entries;
- optionally ``TITLE``, ``MOMENT`` (the state entry, (n, 2), the arrows show) and
  ``effective_lr(state, hp, lr, t)`` (the per-axis rate the step multiplies; the arrays it
  reads broadcast, so it is written as for one step).

Plug-ins step on the engine's numpy path only (``OptimizerSpec.numpy_only``). A plug-in that
fails to load raises :class:`PluginError`, one line naming it; one that raises in a step, or
returns the wrong shape, type or non-finite values, fails the runs it was stepping (they
diverge there, :attr:`~beale_gui.core.engine.RunResult.failures` saying why) and no others.

Installed packages add optimizers through the entry-point group ``beale_gui.optimizers``
(``name = "package.module"``, the module having the same anatomy): listed by name, imported
only when chosen.
"""

from __future__ import annotations

import hashlib
import math
import types
from collections import namedtuple
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from ..explain import T1, At, Line, T, arg, sub
from ..fileio import read_user_file
from ..i18n import translate
from ..params import Param
from .base import OptimizerSpec, _lr

ENTRY_POINT_GROUP = "beale_gui.optimizers"


class PluginError(ValueError):
    """A plug-in that cannot be loaded or stepped: one line naming it and its error."""


_plugins: dict[str, OptimizerSpec] = {}
_sources: dict[str, tuple[str, str]] = {}      # name -> (path, sha256) of a plug-in file


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _failed(name: str, what: str, exc: BaseException | None = None) -> PluginError:
    detail = f": {type(exc).__name__}: {_one_line(exc)}" if exc is not None else ""
    return PluginError(_one_line(f"plug-in '{name}': {what}{detail}"))


MAX_PLUGIN_BYTES = 16 * 2**20   # a plug-in is a short Python file: larger is not one

# -- the registry -------------------------------------------------------------------------------

def builtin_names() -> frozenset[str]:
    from . import OPTIMIZERS  # (the package imports this module)
    return frozenset(OPTIMIZERS)


def register(spec: OptimizerSpec) -> OptimizerSpec:
    """Add ``spec`` to the plug-ins (replacing one of the same name); a built-in's name is
    refused."""
    if spec.name in builtin_names():
        raise PluginError(f"plug-in '{spec.name}': the name of a built-in optimizer")
    _plugins[spec.name] = spec
    return spec


def unregister(name: str) -> None:
    _plugins.pop(name, None)
    _sources.pop(name, None)


def plugin_specs() -> dict[str, OptimizerSpec]:
    """The registered plug-ins by name."""
    return dict(_plugins)


def find(name: str) -> OptimizerSpec | None:
    """The plug-in registered as ``name``, or None."""
    return _plugins.get(name)


def source_of(name: str) -> tuple[str, str] | None:
    """The file (absolute path) and sha256 a plug-in was loaded from; None for one that came
    from an entry point or was registered directly."""
    return _sources.get(name)


def sha256_of(path: str | Path) -> str:
    """The sha256 of a plug-in file (OSError, naming it, when it cannot be read)."""
    return hashlib.sha256(read_user_file(path, MAX_PLUGIN_BYTES)).hexdigest()


# -- loading ------------------------------------------------------------------------------------

def plugin_name(path: str | Path) -> str:
    """The optimizer name of a plug-in file: its stem, lower case, '-' as '_'."""
    return Path(path).stem.strip().lower().replace("-", "_")


def load_file(path: str | Path) -> OptimizerSpec:
    """Load the plug-in file ``path`` and register it; :class:`PluginError` on any failure."""
    try:
        path = Path(path).expanduser().resolve()
    except (OSError, RuntimeError, ValueError) as exc:   # a NUL in it: ValueError
        raise PluginError(f"plug-in file {str(path)[:60]!r}: not a usable path ({exc})") from None
    name = plugin_name(path)
    if not name.isidentifier():
        raise PluginError(f"plug-in file {path.name}: its stem '{name}' is not a valid name")
    if name in builtin_names():
        raise PluginError(f"plug-in '{name}' ({path}): the name of a built-in optimizer")
    try:
        data = read_user_file(path, MAX_PLUGIN_BYTES)
    except OSError as exc:              # its message names the file and says why
        raise PluginError(f"plug-in '{name}': {exc}") from None
    module = types.ModuleType(f"beale_gui_plugin_{name}")
    module.__file__ = str(path)
    try:
        code = compile(data, str(path), "exec")
        exec(code, module.__dict__)             # the user asked for this file: it is run
    except (Exception, SystemExit) as exc:
        raise _failed(name, "raised on import", exc) from None
    spec = spec_from_module(name, module)
    register(spec)
    _sources[name] = (str(path), hashlib.sha256(data).hexdigest())
    return spec


def entry_point_names() -> list[str]:
    """The optimizers installed packages offer (group ``beale_gui.optimizers``), by name:
    nothing is imported."""
    import importlib.metadata  # only here: it takes a while to import

    return sorted({ep.name for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)})


def load_entry_point(name: str) -> OptimizerSpec | None:
    """Import and register the entry point ``name`` (None when there is none)."""
    import importlib.metadata

    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if ep.name.strip().lower().replace("-", "_") == name:
            try:
                module = ep.load()
            except (Exception, SystemExit) as exc:
                raise _failed(name, f"entry point {ep.value} raised on import", exc) from None
            if not isinstance(module, types.ModuleType):
                module = types.SimpleNamespace(**{k: getattr(module, k) for k in dir(module)})
            return register(spec_from_module(name, module))
    return None


# -- a module as an OptimizerSpec -----------------------------------------------------------------

def _params(name: str, declared) -> tuple[Param, ...]:
    if isinstance(declared, Mapping):
        params = []
        for key, value in declared.items():
            try:
                default, low, high = value
                params.append(Param(str(key), float(default), float(low), float(high),
                                    log=str(key) in ("lr", "eps")))
            except (TypeError, ValueError) as exc:
                raise _failed(name, f"PARAMS['{key}'] is not (default, low, high)",
                              exc) from None
    elif isinstance(declared, (list, tuple)) and all(isinstance(p, Param) for p in declared):
        params = list(declared)
    else:
        raise _failed(name, "PARAMS is neither a dict {name: (default, low, high)} nor a "
                      "list of Param")
    seen = set()
    for p in params:
        if not p.name.isidentifier() or p.name in seen:
            raise _failed(name, f"hyperparameter '{p.name}' is not a valid, unique name")
        seen.add(p.name)
        if not (math.isfinite(p.low) and math.isfinite(p.high)) or p.low > p.high:
            raise _failed(name, f"hyperparameter '{p.name}' has no valid range")
        problem = p.problem(p.default)
        if problem:
            raise _failed(name, f"the default of {problem}")
    if "lr" not in seen:
        params.insert(0, _lr(0.01))
    return tuple(params)


def _state_arrays(name: str, made, n: int) -> dict[str, np.ndarray]:
    """``init``'s state as float arrays (n, 2) or (n, 1)."""
    if not isinstance(made, Mapping):
        raise _failed(name, f"init returned {type(made).__name__}, not a mapping of arrays")
    arrays = {}
    for key, value in made.items():
        try:
            arr = np.array(value, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise _failed(name, f"init's state '{key}' is not an array", exc) from None
        if arr.shape == (n,):
            arr = arr.reshape(n, 1)
        if arr.shape not in ((n, 2), (n, 1)):
            raise _failed(name, f"init's state '{key}' has shape {arr.shape}, not ({n}, 2) "
                          f"or ({n},)")
        arrays[str(key)] = arr
    return arrays


def spec_from_module(name: str, module) -> OptimizerSpec:
    """The :class:`OptimizerSpec` of a plug-in module's ``PARAMS``, ``init`` and ``update``
    (``TITLE``, ``MOMENT`` and ``effective_lr`` when declared); :class:`PluginError` when
    something is missing or wrong."""
    missing = [k for k in ("PARAMS", "init", "update") if not hasattr(module, k)]
    if missing:
        raise _failed(name, f"lacks {', '.join(missing)}")
    init, update = module.init, module.update
    for what, fn in (("init", init), ("update", update)):
        if not callable(fn):
            raise _failed(name, f"{what} is not a function")
    params = _params(name, module.PARAMS)
    defaults = {p.name: p.default for p in params}
    try:
        probe = _state_arrays(name, init(2, dict(defaults)), 2)
    except PluginError:
        raise
    except Exception as exc:
        raise _failed(name, "init raised", exc) from None
    bad = [k for k in probe if not k.isidentifier() or k.startswith("_")]
    if bad:
        raise _failed(name, f"state entries {bad} are not valid names")
    fields = tuple(probe)
    widths = {k: v.shape[1] for k, v in probe.items()}
    moment = getattr(module, "MOMENT", None)
    if moment is not None and widths.get(moment) != 2:
        raise _failed(name, f"MOMENT '{moment}' is not a state entry of shape (n, 2)")
    eff = getattr(module, "effective_lr", None)
    if eff is not None and not callable(eff):
        raise _failed(name, "effective_lr is not a function")
    title = str(getattr(module, "TITLE", name))
    state = _state_type(name, fields, widths, init)
    return OptimizerSpec(
        name, title, params, state, _kernel(name, update, fields, widths), None,
        coupled_decay=False, moment=moment,
        effective_lr=None if eff is None else _effective_lr(name, eff, fields),
        effective_lr_state=fields if eff is not None else (),
        description=_one_line(getattr(module, "__doc__", None) or title).split(". ")[0],
        n_tmp=0, explain=_explain, numpy_only=True)


def _state_type(name: str, fields: tuple[str, ...], widths: dict[str, int], init) -> type:
    base = namedtuple(f"{name}_state", fields)

    def make(cls, n: int, hp: Mapping):
        try:
            made = init(n, dict(hp))
        except Exception as exc:
            raise _failed(name, "init raised", exc) from None
        arrays = _state_arrays(name, made, n)
        if set(arrays) != set(fields) or any(arrays[k].shape[1] != widths[k] for k in fields):
            raise _failed(name, f"init's state differs from its first: {sorted(arrays)}")
        return cls(*(arrays[k] for k in fields))

    return type(base.__name__, (base,), {"__slots__": (), "init": classmethod(make)})


# -- the batch kernel -----------------------------------------------------------------------------

def _per_run(value, n: int):
    """A hyperparameter or rate as the kernel has it (a float, or per-run values laid out as
    the block's points: (n,) by rows, (2n,) in pairs) as the plug-in takes it: a float or
    (n, 1)."""
    if not isinstance(value, np.ndarray):
        return value
    if value.ndim == 0:
        return float(value)
    if value.size == n:
        return value.reshape(n, 1)
    return value.reshape(n, 2)[:, :1]


def _points(laid_out: np.ndarray, n: int) -> np.ndarray:
    """Points (or a state entry of two values a run) laid out by rows (2, n) or in pairs
    (2n,) as an (n, 2) view."""
    return laid_out.T if laid_out.ndim == 2 else laid_out.reshape(n, 2)


class StepFailure(PluginError):
    """A plug-in's step failed: for the runs where ``rows`` (n,) is True, or all of them
    (``rows`` None, the points left untouched)."""

    def __init__(self, message: str, rows: np.ndarray | None = None) -> None:
        super().__init__(message)
        self.rows = rows


def _kernel(name: str, update, fields: tuple[str, ...], widths: dict[str, int]):
    def kernel(hp: Mapping):
        def step(w, g, state, lr, t, tmp, out):
            n = w.size // 2
            views = {k: (_points(v, n) if widths[k] == 2 else _per_run(v, n))
                     for k, v in zip(fields, state, strict=True)}
            given = dict(views)
            try:
                new = update(np.array(_points(w, n)), np.array(_points(g, n)), given,
                             {k: _per_run(v, n) for k, v in hp.items()}, _per_run(lr, n), t)
            except Exception as exc:
                raise StepFailure(str(_failed(name, f"update raised at step {t}", exc))) from None
            if not isinstance(new, np.ndarray) or new.dtype.kind not in "iuf":
                raise StepFailure(f"plug-in '{name}': update returned "
                                  f"{type(new).__name__}, not a numeric array (N, 2)")
            if new.shape != (n, 2):
                raise StepFailure(f"plug-in '{name}': update returned shape {new.shape}, "
                                  f"not ({n}, 2)")
            for k, view in views.items():
                if given.get(k) is not view:            # rebound: copied back
                    try:
                        view[...] = np.broadcast_to(np.asarray(given[k], np.float64),
                                                    view.shape)
                    except (KeyError, TypeError, ValueError) as exc:
                        raise StepFailure(str(_failed(name, f"state '{k}' after update",
                                                      exc))) from None
            if out.ndim == 2:
                out.T[...] = new
            else:
                out[...] = new.reshape(-1)
            finite = np.isfinite(new).all(axis=1)
            if not finite.all():
                raise StepFailure(f"plug-in '{name}': update returned non-finite values at "
                                  f"step {t}", ~finite)

        return step

    return kernel


def _effective_lr(name: str, eff, fields: tuple[str, ...]):
    def effective_lr(state, hp, lr, t):
        values = {k: getattr(state, k) for k in fields}
        try:
            return np.asarray(eff(values, dict(hp), lr, t), dtype=np.float64)
        except Exception:           # a rate it cannot give is unknown (NaN), not a failed run
            return np.float64(np.nan)

    return effective_lr


# -- explained ------------------------------------------------------------------------------------

def _explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    """A plug-in's rule: it is a plug-in, and the step it took."""
    rule = (translate("Explain", "{0} = update({1}, {2}, state): the plug-in {3}'s rule")
            .format(sub("w", T), sub("w", T1), sub("g", T), at.spec.name),)
    if at.t == 0:
        return rule, []
    dw = at.dw
    return rule, [at.step_line(f"{sub('w', T)} − {sub('w', T1)}", lambda a: arg(dw[a]))]

