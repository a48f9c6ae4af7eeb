"""Any ``torch.optim`` optimizer by its import path: ``torch:torch.optim.Adam``,
``torch:pytorch_optimizer.Lion``.

:func:`torch_spec` makes the registry entry of such a name (:func:`~beale_gui.core.optimizers.
get_optimizer` asks it for every name that starts with ``torch:``; the built-ins stay in
``OPTIMIZERS``). Its hyperparameters are the class's constructor keywords with their defaults
(:func:`inspect.signature`): numbers and switches, a tuple of numbers as one hyperparameter per
entry, ``betas[0]`` and ``betas[1]`` (the command line writes ``betas=0.9/0.99``); the other
keywords (None, strings, torch's implementation switches such as ``foreach``) keep the
class's defaults; an ``lr`` without a default gets 1e-3. torch checks the values itself when the
configuration is made, with one step of a throwaway instance (:meth:`TorchSpec.check`).

Each update writes the engine's exact gradient (or the stochastic one it drew) into ``.grad``,
never autograd, sets the group's ``lr`` to the engine's rate of the step (so the engine's
schedules apply) and calls ``step()``. The runs of a configuration are one float64 (N, 2)
parameter of one optimizer instance only for the elementwise classes of :data:`BATCHED`, each
measured bit-identical to separate runs (tests/core/test_torch_adapter.py); every other class,
and per-run hyperparameters or rates, get one instance per run. The spec is ``numpy_only``: the
engine steps it in numpy blocks, with its own stop rules and divergence checks. A class whose
``step`` needs a closure (``torch.optim.LBFGS``) is a probing optimizer instead
(:mod:`beale_gui.core.engine.probing`): its closure puts f and the exact gradient at the
parameter's current point into ``.grad`` and returns f.

torch is imported only here, and only when such a name is used.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import inspect
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..params import Param
from .base import OptimizerSpec

PREFIX = "torch:"

# the classes whose runs share one (N, 2) parameter: elementwise updates, and each checked to
# give every run's bits as a separate run does
BATCHED = ("torch.optim.SGD", "torch.optim.Adam", "torch.optim.RMSprop", "torch.optim.Adagrad",
           "torch.optim.Adadelta", "torch.optim.AdamW", "torch.optim.NAdam",
           "torch.optim.RAdam", "torch.optim.Adamax", "torch.optim.Rprop",
           "pytorch_optimizer.Lion")

# constructor keywords that choose torch's implementation, not the algorithm
_IMPLEMENTATION = frozenset({"foreach", "capturable", "differentiable", "fused"})

_specs: dict[str, TorchSpec] = {}


def torch_installed() -> bool:
    """Whether torch can be imported (looked up, not imported)."""
    return importlib.util.find_spec("torch") is not None


def module_of(name: str) -> str:
    """The module ``torch:<module>.<Class>`` imports ("" when the name has no module)."""
    return str(name).strip()[len(PREFIX):].strip().rpartition(".")[0]


def imports_code(name: str) -> bool:
    """Whether using ``name`` would import a module other than torch.optim's own that is not
    imported yet (its code would run: the window asks first)."""
    import sys

    if not is_torch_name(name):
        return False
    module = module_of(name)
    own = module == "torch.optim" or module.startswith("torch.optim.")
    return bool(module) and not own and module not in sys.modules


def is_torch_name(name: str) -> bool:
    return str(name).strip().startswith(PREFIX)


def torch_spec(name: str) -> TorchSpec:
    """The registry entry of ``torch:<module>.<Class>``; ValueError, one line, when the
    module or class is not there or is not a ``torch.optim.Optimizer``."""
    name = str(name).strip()
    spec = _specs.get(name)
    if spec is None:
        cls = _resolve(name[len(PREFIX):].strip())
        spec = _specs[name] = _make_spec(name, cls)
    return spec


def _resolve(path: str) -> type:
    module_name, _, class_name = path.rpartition(".")
    if not module_name or not class_name:
        raise ValueError(f"'{PREFIX}{path}': expected {PREFIX}<module>.<Class>, such as "
                         f"{PREFIX}torch.optim.Adam")
    try:
        import torch
    except ImportError:
        raise ValueError(f"'{PREFIX}{path}' needs torch: pip install -e \".[torch]\" (with "
                         "the torch build for your platform installed first)") from None
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:        # ImportError, or the module's own error on import
        raise ValueError(f"'{PREFIX}{path}': cannot import {module_name} "
                         f"({type(exc).__name__}: {exc})") from None
    cls = getattr(module, class_name, None)
    if cls is None:
        raise ValueError(f"'{PREFIX}{path}': {module_name} has no {class_name}")
    if not (inspect.isclass(cls) and issubclass(cls, torch.optim.Optimizer)):
        raise ValueError(f"'{PREFIX}{path}' is not a torch.optim.Optimizer")
    return cls


# -- hyperparameters ------------------------------------------------------------------------

class _Keyword(NamedTuple):
    """A constructor keyword the spec exposes: its kind (``float``, ``int``, ``bool`` or
    ``tuple``) and, for a tuple, its hyperparameters' names, one per entry."""

    name: str
    kind: str
    parts: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


def _number_kind(value, annotation: str) -> str | None:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "float" if "float" in annotation else "int"
    if isinstance(value, float):
        return "float"
    return None


def _param(name: str, value, kind: str) -> Param:
    if kind == "bool":
        return Param(name, float(value), 0, 1, integer=True, flag=True)
    if kind == "int":
        return Param(name, float(value), -math.inf, math.inf, integer=True)
    if name == "lr":
        return Param(name, float(value), 0.0, math.inf, low_open=True, log=True,
                     help="learning rate")
    return Param(name, float(value), -math.inf, math.inf, log=name == "eps")


def _keywords(cls: type) -> tuple[list[_Keyword], list[Param]]:
    """The constructor keywords the spec exposes and their hyperparameters."""
    keywords, params = [], []
    for i, (name, p) in enumerate(inspect.signature(cls).parameters.items()):
        default = 1e-3 if name == "lr" and p.default is p.empty else p.default
        if (i == 0 or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or default is p.empty
                or name in _IMPLEMENTATION):
            continue
        annotation = str(p.annotation)
        kind = _number_kind(default, annotation)
        if kind is not None:
            keywords.append(_Keyword(name, kind))
            params.append(_param(name, default, kind))
        elif isinstance(default, tuple) and default and all(
                _number_kind(v, "float") in ("float", "int") for v in default):
            parts = tuple(f"{name}[{j}]" for j in range(len(default)))
            kinds = tuple("int" if isinstance(v, int) and "float" not in annotation
                          else "float" for v in default)
            keywords.append(_Keyword(name, "tuple", parts, kinds))
            params += [_param(part, v, "float") for part, v in zip(parts, default,
                                                                   strict=True)]
    if "lr" not in {k.name for k in keywords}:
        raise ValueError(f"{cls.__name__} takes no learning rate 'lr'")
    return keywords, params


def tuple_keys(name: str) -> dict[str, tuple[str, ...]]:
    """The tuple keywords of optimizer ``name`` (``torch:`` names only; {} otherwise or when it
    cannot be made) and their hyperparameters, ``{"betas": ("betas[0]", "betas[1]")}``."""
    if not is_torch_name(name):
        return {}
    try:
        spec = torch_spec(name)
    except ValueError:
        return {}
    return {k.name: k.parts for k in spec.keywords if k.kind == "tuple"}


def _kwargs(keywords: tuple[_Keyword, ...], values: Mapping[str, float]) -> dict:
    """The constructor keywords of one run from its hyperparameters (floats)."""
    out = {}
    for k in keywords:
        if k.kind == "tuple":
            out[k.name] = tuple(int(values[p]) if kind == "int" else float(values[p])
                                for p, kind in zip(k.parts, k.kinds, strict=True))
        elif k.kind == "bool":
            out[k.name] = bool(values[k.name])
        elif k.kind == "int":
            out[k.name] = int(values[k.name])
        else:
            out[k.name] = float(values[k.name])
    return out


# -- the spec -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TorchSpec(OptimizerSpec):
    """An :class:`OptimizerSpec` of a torch class: the class, its exposed keywords, and a
    check that lets torch judge the values too."""

    torch_class: type | None = None
    keywords: tuple[_Keyword, ...] = ()

    def check(self, hparams):
        checked = super().check(hparams)
        rows = {len(v) for v in checked.values() if isinstance(v, np.ndarray)}
        for j in sorted({0, max(rows) - 1} if rows else {0}):   # per-run values: the ends
            values = {k: float(v[j]) if isinstance(v, np.ndarray) else v
                      for k, v in checked.items()}
            try:
                _dry_step(*_new_optimizer(self.torch_class, self.keywords, values, 1),
                          self.probe is not None)
            except Exception as exc:        # torch's ValueError, or a class's own error
                text = " ".join(str(exc).split()) or type(exc).__name__
                raise ValueError(f"{self.name}: {text}") from None
        return checked


def _dry_step(param, opt, closure: bool) -> None:
    """One step of a throwaway optimizer on a quadratic, so that a class that cannot take a
    dense float64 gradient (SparseAdam) or refuses a value says so when it is chosen."""
    import torch

    def quadratic():
        param.grad = param.detach().clone()
        return torch.tensor(0.5 * float((param.detach() ** 2).sum()), dtype=torch.float64)

    with torch.no_grad():
        param.copy_(torch.tensor([0.5, -0.25], dtype=torch.float64))
    quadratic()
    if closure:
        opt.step(quadratic)
    else:
        opt.step()


def _make_spec(name: str, cls: type) -> TorchSpec:
    keywords, params = _keywords(cls)
    step = inspect.signature(cls.step).parameters.get("closure")
    closure = step is not None and step.default is inspect.Parameter.empty
    doc = (inspect.getdoc(cls) or "").strip().splitlines()
    state = type("TorchState", (TorchState,), {})
    spec = TorchSpec(name, f"{cls.__name__} (torch)", tuple(params), state,
                     None if closure else _kernel, None, coupled_decay=False, n_tmp=0,
                     description=doc[0] if doc else f"{cls.__module__}.{cls.__qualname__}",
                     explain=_explain, probe=_probe if closure else None,
                     numpy_only=not closure, torch_class=cls, keywords=tuple(keywords))
    state.spec = spec
    return spec


def _explain(at):
    cls = at.spec.torch_class
    return (f"{cls.__module__}.{cls.__qualname__}.step(), .grad the engine's gradient",), []


# -- the runs' torch objects ------------------------------------------------------------------

class _Carried:
    """``_make`` of a :class:`TorchState`: from an instance, the new state keeps its runs (the
    engine remakes the state when it lays it out or drops stopped runs); from the class, a
    plain NamedTuple ``_make``."""

    def __get__(self, obj, cls):
        def make(iterable):
            new = tuple.__new__(cls, iterable)
            if obj is not None:
                new.runs = obj.runs
            return new

        return make


class _RunIds(NamedTuple):
    run: np.ndarray             # each run's position among the part's runs, (n, 1)


class TorchState(_RunIds):
    """A torch configuration's state as the engine keeps it: each run's position (which the
    engine lays out and compacts like any state) and, beside it, ``runs``, the torch
    parameters and optimizers of every run of the part (:class:`_Runs`)."""

    spec: TorchSpec | None = None       # set on each spec's own subclass
    _make = _Carried()

    @classmethod
    def init(cls, n: int, hp: Mapping) -> TorchState:
        state = tuple.__new__(cls, (np.arange(n, dtype=np.float64)[:, None],))
        state.runs = _Runs(cls.spec, n, hp)
        return state


def _new_optimizer(cls: type, keywords: tuple[_Keyword, ...], values: Mapping[str, float], n: int):
    import torch

    param = torch.nn.Parameter(torch.zeros((n, 2) if n > 1 else (2,), dtype=torch.float64))
    return param, cls([param], **_kwargs(keywords, values))


def _batched_classes() -> set:
    """The classes of :data:`BATCHED` whose modules are imported already (a class of a module
    not imported yet is not the one asked about: nothing is imported for the question)."""
    import sys

    found = set()
    for path in BATCHED:
        module_name, _, class_name = path.rpartition(".")
        module = sys.modules.get(module_name)
        with contextlib.suppress(AttributeError):
            if module is not None:
                found.add(getattr(module, class_name))
    return found


class _Runs:
    """The torch objects of ``n`` runs of one configuration, made at the first update: one
    (n, 2) parameter and optimizer when the class is in :data:`BATCHED` and the runs share
    every hyperparameter and rate, else a (2,) parameter and an optimizer per run."""

    def __init__(self, spec: TorchSpec, n: int, hp: Mapping) -> None:
        self.spec, self.n, self.hp = spec, n, dict(hp)
        self.batched = None
        self.made = None

    def _values(self, j: int) -> dict[str, float]:
        return {k: float(v[j, 0] if np.ndim(v) == 2 else v[j]) if isinstance(v, np.ndarray)
                else v for k, v in self.hp.items()}

    def _make_objects(self, lr, closure: bool) -> None:
        spec = self.spec
        shared = not any(isinstance(v, np.ndarray) for v in self.hp.values())
        self.batched = (not closure and shared and np.ndim(lr) == 0 and self.n > 1
                        and spec.torch_class in _batched_classes())
        if self.batched:
            self.made = [_new_optimizer(spec.torch_class, spec.keywords, self.hp, self.n)]
        else:
            self.made = [_new_optimizer(spec.torch_class, spec.keywords, self._values(j), 1)
                         for j in range(self.n)]

    def step(self, xy: np.ndarray, g: np.ndarray, ids: np.ndarray, lr, function=None
             ) -> tuple[np.ndarray, np.ndarray]:
        """The new points (k, 2) of runs ``ids`` (k,) at ``xy`` (k, 2) with gradients ``g``
        and rates ``lr`` (a float or (k,)); with ``function``, each update's closure evaluates
        it, and the second result counts each run's evaluations (k,)."""
        import torch

        if self.made is None:
            self._make_objects(lr, function is not None)
        new = np.empty_like(xy)
        calls = np.zeros(len(ids), dtype=np.int64)
        with torch.no_grad():
            if self.batched:
                param, opt = self.made[0]
                grad = torch.zeros_like(param)
                param[ids] = torch.as_tensor(np.ascontiguousarray(xy))
                grad[ids] = torch.as_tensor(np.ascontiguousarray(g))
                param.grad = grad
                _set_lr(opt, lr)
                self._step(opt)
                new[...] = param.numpy()[ids]
                return new, calls
        for k, j in enumerate(ids.tolist()):
            param, opt = self.made[j]
            with torch.no_grad():
                param.copy_(torch.as_tensor(xy[k]))
                param.grad = torch.as_tensor(np.array(g[k], dtype=np.float64))
            _set_lr(opt, lr if np.ndim(lr) == 0 else lr[k])
            if function is None:
                self._step(opt)
            else:
                count = [0]
                self._step(opt, _closure(param, function, count))
                calls[k] = count[0]
            new[k] = param.detach().numpy()
        return new, calls


    def _step(self, opt, closure=None) -> None:
        """``opt.step()``; what it raises becomes one line naming the optimizer (a ValueError:
        the command line prints it as it prints a refused value)."""
        try:
            if closure is None:
                opt.step()
            else:
                opt.step(closure)
        except Exception as exc:
            text = " ".join(str(exc).split()) or type(exc).__name__
            raise ValueError(f"{self.spec.name}: its step failed: {text}") from exc


def _set_lr(opt, lr) -> None:
    for group in opt.param_groups:
        group["lr"] = float(lr)


def _closure(param, function, count: list):
    """The closure of an optimizer that asks for one: f at the parameter's point, its exact
    gradient put into ``.grad``."""
    import torch

    def closure():
        count[0] += 1
        f, g = function.value_and_grad(param.detach().numpy().reshape(1, 2).copy())
        param.grad = torch.as_tensor(np.array(g[0], dtype=np.float64))
        return torch.tensor(float(f[0]), dtype=torch.float64)

    return closure


def _kernel(hp: Mapping):
    """The batch kernel: the points and gradients of the block's layout (by rows (2, n) or
    (2,); in pairs (2n,)) as (k, 2), each run found by its position in the state."""

    def step(w, g, state, lr, t, tmp, out):
        run = state.run
        by_rows = w.ndim == 2 or run.size != w.size
        ids = (run if by_rows else run[::2]).astype(np.intp)
        rates = lr if np.ndim(lr) == 0 else (lr if by_rows else lr[::2])
        new, _ = state.runs.step(_pairs(w), _pairs(g), ids, rates)
        _pairs(out)[...] = new

    return step


def _pairs(a: np.ndarray) -> np.ndarray:
    """A (k, 2) view of a laid-out block array."""
    return a.T if a.ndim == 2 else a.reshape(-1, 2)


def _probe(function):
    """The probing step of a class that needs a closure."""

    def step(w, f, g, state, hp, lr, t):
        rates = lr if np.ndim(lr) == 0 else np.asarray(lr).reshape(-1)
        new, calls = state.runs.step(w, g, state.run[:, 0].astype(np.intp), rates, function)
        return new, calls + 1           # and the engine's evaluation of the new point

    return step
