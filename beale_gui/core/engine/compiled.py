"""The compiled path: a few runs stepped by numba-compiled code, bit for bit the few-runs path.

With numba installed (the ``fast`` extra), a run of an optimizer that has a scalar kernel
(:mod:`beale_gui.core.optimizers.base`) on a function that evaluates on floats
(:mod:`beale_gui.core.functions.scalar`) can be stepped by :func:`run_steps` below compiled with
the kernel and the evaluator in it: about 1.5 us per 2,000-step run and optimizer instead of
the few-runs path's 2 ms, which is what lets the window redraw every path for each mouse move.
The compiled code does the float path's operations in its order (IEEE arithmetic, the square
root and the C library's power, as Python's), with numpy's error model (a division by zero
gives inf or NaN, not an exception) and no fast-math, so results are the same bits; the tests
compare the two paths for every such optimizer and function.

Compiling a pair takes about half a second, so nothing compiles unless asked: :func:`prepare`
compiles (or loads) the pairs it is given and the engine's ``"auto"`` path takes a pair only
once it is ready and when ``EngineTuning.compiled`` says so (the window prepares its pairs in
the background and asks); ``EngineTuning(path="compiled")`` prepares what it needs first.
Each pair's loop is written into a small module of its own in the cache folder, named by a
hash of every source it is made of, where numba keeps the machine code: a later start loads it
in milliseconds, and a changed kernel gets a new module rather than stale code.
"""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import math
import os
import sys
import tempfile
import textwrap
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from ..optimizers import OptimizerSpec, gradient_terms
from .result import CONVERGED, DIVERGED, MAX_STEPS
from .rows import PartsBlock

DISABLE_ENV = "BEALE_GUI_COMPILED"      # "0": never compile (the float path everywhere)
CACHE_ENV = "BEALE_GUI_CACHE_DIR"       # where compiled code is kept (default: the user's cache)
LIVE, STOPPED_CONVERGED, STOPPED_DIVERGED = 0, 1, 2
_STATUS = {STOPPED_CONVERGED: CONVERGED, STOPPED_DIVERGED: DIVERGED}

kernel = evaluate = None    # bound, in each generated module, to the compiled pair


def run_steps(carry, hp, st, lrs, constant, s0, s1, tol, bound, grad_bound, pauses, negate, wd,
              record, paths, loss, grads, width, states):
    """Steps ``s0`` to ``s1`` of one run; compiled with ``kernel`` and ``evaluate`` (this
    function's source is what goes into each pair's module; it is never called here).

    ``carry`` holds x, y, f, gx, gy at step ``s0``, then f, gx, gy, x, y one step back (the
    stop rule's), and is left holding them at the end; ``st`` is the kernel's state, ``lrs``
    the constant rate (``constant``) or every step's. With ``record`` the points, values and
    gradients go into ``paths``, ``loss``, ``grads`` at each step's index, and the first
    ``width`` values of the state into ``states``. Returns (LIVE, s1, s1) when the run goes on,
    else (1 converged or 2 diverged, its stop step, the last step it made), ``carry`` then
    holding its final point and value first. The rules are the few-runs path's
    (:mod:`.few_runs`) for one run.
    """
    x, y, f, gx, gy = carry[0], carry[1], carry[2], carry[3], carry[4]
    prev_f, prev_gx, prev_gy, x_prev, y_prev = carry[5], carry[6], carry[7], carry[8], carry[9]
    check_tol = tol > 0.0
    for s in range(s0, s1):
        t = s + 1
        lr = lrs[0] if constant else lrs[s]
        # the seed's stop rule: f here against f one step back, before the update
        conv = (check_tol and abs(prev_f - f) < tol
                and not (s > 0 and pauses and x == x_prev and y == y_prev
                         and (prev_gx != 0.0 or prev_gy != 0.0)))
        ux, uy = gx, gy
        if negate:
            ux, uy = -ux, -uy
        if wd != 0.0:
            ux, uy = ux + x * wd, uy + y * wd
        xn, yn = kernel(x, y, ux, uy, lr, t, hp, st)
        fn, gxn, gyn = evaluate(xn, yn)
        if record:
            paths[t, 0], paths[t, 1], loss[t] = xn, yn, fn
            grads[t, 0], grads[t, 1] = gxn, gyn
        for k in range(width):
            states[t, k] = st[k]
        if not (-bound <= xn <= bound and -bound <= yn <= bound and np.isfinite(fn)
                and -grad_bound <= gxn <= grad_bound and -grad_bound <= gyn <= grad_bound):
            carry[0], carry[1], carry[2] = x, y, f           # the last finite point
            return 2, s, t
        if conv:
            carry[0], carry[1], carry[2] = xn, yn, fn
            return 1, t, t
        prev_f, prev_gx, prev_gy, x_prev, y_prev = f, gx, gy, x, y
        x, y, f, gx, gy = xn, yn, fn, gxn, gyn
    carry[0], carry[1], carry[2], carry[3], carry[4] = x, y, f, gx, gy
    carry[5], carry[6], carry[7], carry[8], carry[9] = prev_f, prev_gx, prev_gy, x_prev, y_prev
    return 0, s1, s1


# -- what can be compiled, and compiling it --------------------------------------------------

_available: bool | None = None
_drivers: dict[tuple[str, str], Callable] = {}
_lock = threading.Lock()


def available() -> bool:
    """Whether numba can be imported (and compiling is not switched off); imports it."""
    global _available
    if _available is None:
        if os.environ.get(DISABLE_ENV, "") == "0":
            _available = False
        else:
            try:
                import numba  # noqa: F401  (the optional extra)
            except ImportError:
                _available = False
            else:
                _available = True
    return _available


def started() -> bool:
    """Whether compiled code runs in this process (numba's machinery is up: another pair
    loads in milliseconds)."""
    return bool(_drivers)


def _named(fn) -> str | None:
    """``module:name`` of a module-level function (what a generated module can import)."""
    if fn is None or not inspect.isfunction(fn) or "." in fn.__qualname__:
        return None
    module = sys.modules.get(fn.__module__)
    return f"{fn.__module__}:{fn.__name__}" if getattr(module, fn.__name__, None) is fn else None


def pair_key(spec: OptimizerSpec, function) -> tuple[str, str] | None:
    """The compiled pair of ``spec`` on ``function``, or None when one of them has no form
    that compiles (no scalar kernel; a function that does not evaluate on floats)."""
    k = _named(spec.scalar_kernel)
    f = _named(function.float_evaluator())
    return (k, f) if k and f else None


def ready(key: tuple[str, str] | None) -> bool:
    return key is not None and key in _drivers


def pair_keys(function, configs) -> list[tuple[str, str] | None]:
    """The compiled pair of each configuration on ``function`` (None where there is none, or
    where its runs are stochastic: those take the batch path)."""
    return [pair_key(c.spec, function) if c.noise is None else None for c in configs]


def all_ready(function, configs) -> bool:
    """Whether every configuration's runs on ``function`` would be stepped by compiled code
    (deterministic, float hyperparameters, its pair ready)."""
    return all(ready(key) and not any(isinstance(v, np.ndarray) for v in c.hparams.values())
               for key, c in zip(pair_keys(function, configs), configs, strict=True))


def prepare(keys: Iterable[tuple[str, str] | None], cancel: Callable[[], bool] | None = None
            ) -> None:
    """Compile (or load from the cache) every pair in ``keys`` not ready yet; None entries are
    skipped, as is everything when numba is not available. ``cancel()`` is asked between
    pairs."""
    if not available():
        return
    for key in keys:
        if key is None or key in _drivers:
            continue
        if cancel is not None and cancel():
            return
        with _lock:
            if key not in _drivers:
                _drivers[key] = _load(key)


def cache_dir() -> Path:
    """Where generated modules and their machine code are kept."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "beale-gui" / "compiled"


def _source(key: tuple[str, str]) -> str:
    (k_module, k_name), (f_module, f_name) = (part.split(":") for part in key)
    loop = textwrap.dedent(inspect.getsource(run_steps))
    return (f'"""{key[0]} on {key[1]}: written by {__name__}, compiled by numba."""\n\n'
            "import numba\nimport numpy as np\n\n"
            f"from {k_module} import {k_name} as _kernel\n"
            f"from {f_module} import {f_name} as _evaluate\n\n"
            'kernel = numba.njit(error_model="numpy")(_kernel)\n'
            'evaluate = numba.njit(error_model="numpy")(_evaluate)\n\n\n'
            f"{loop}\n\n"
            'run_steps = numba.njit(error_model="numpy", nogil=True, cache=True)(run_steps)\n')


def _load(key: tuple[str, str]) -> Callable:
    step = load_module("pair", _source(key), key).run_steps
    _warm(step)
    return step


def module_name(prefix: str, source: str, key: tuple[str, str]) -> str:
    """The generated module's name: ``prefix`` and a hash of everything its code is made of."""
    import numba

    parts = [source, numba.__version__, sys.version]
    for part in key:
        module, name = part.split(":")
        parts.append(inspect.getsource(getattr(sys.modules[module], name)))
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
    return f"{prefix}_{digest}"


def load_module(prefix: str, source: str, key: tuple[str, str]):
    """Import ``source`` (a generated module compiling the pair ``key``) from the cache
    folder, written there under :func:`module_name`, so that numba's machine code kept beside
    it is found by a later start and never outlives a change."""
    name = module_name(prefix, source, key)
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.py"
        if not path.exists():
            temporary = folder / f"{name}.{os.getpid()}.tmp"
            temporary.write_text(source, encoding="utf-8")
            os.replace(temporary, path)            # whole, even with two processes at once
    except OSError:                                 # no cache: compile every time
        path = Path(tempfile.mkdtemp(prefix="beale-gui-")) / f"{name}.py"
        path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"beale_gui_compiled_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # numba's cached code finds its globals by name
    spec.loader.exec_module(module)
    return module


def _warm(step: Callable) -> None:
    """Compile ``step`` for the one signature the engine calls it with (or load it)."""
    f2 = np.zeros((1, 2))
    step(np.zeros(10), np.zeros(0), np.zeros(0), np.zeros(1), True, 0, 0, 0.0, 1.0, 1.0, False,
         False, 0.0, False, f2, np.zeros(1), f2, 0, np.zeros((1, 1)))


# -- the block --------------------------------------------------------------------------------

class CompiledRuns(PartsBlock):
    """The runs of a small batch, each stepped by its pair's compiled loop, one after another
    (``chunk`` steps a call, between which the engine's cancel and progress are polled)."""

    path = "compiled"

    def __init__(self, dispatch, parts, chunk: int) -> None:
        super().__init__(dispatch, parts)
        self.chunk = chunk

    def _run(self) -> None:
        settings, out = self.settings, self.dispatch.out
        function = settings.function
        evaluate_at = function.float_evaluator()
        max_steps, record = settings.max_steps, settings.record
        bound, grad_bound = settings.bound, settings.grad_bound
        unused2, unused1 = np.zeros((1, 2)), np.zeros(1)
        poll = self.dispatch.poll
        n_done = 0
        for p in self.all_parts:
            step = _drivers[pair_key(p.spec, function)]
            negate, wd = gradient_terms(p.spec.name, p.hp0)
            hp = np.array(p.spec.scalar_hp(p.hp0), dtype=np.float64)
            lrs = (np.array([p.lr0_all], dtype=np.float64) if p.constant_lr
                   else np.ascontiguousarray(p.lr_table, dtype=np.float64))
            width = sum(p.widths.values()) if p.stacks else 0
            states = np.empty((max_steps + 1, max(width, 1)))
            for j, row in enumerate(p.rows0.tolist()):
                x, y = (float(v) for v in settings.starts[row])
                f, gx, gy = evaluate_at(x, y)
                paths = out.paths[row] if record else unused2
                loss = out.loss[row] if record else unused1
                grads = out.grads[row] if record else unused2
                if record:
                    paths[0], loss[0], grads[0] = (x, y), f, (gx, gy)
                if not (-bound <= x <= bound and -bound <= y <= bound and math.isfinite(f)
                        and -grad_bound <= gx <= grad_bound and -grad_bound <= gy <= grad_bound):
                    self._stop(row, DIVERGED, 0, x, y, f)
                    out.bad_start[row] = True
                    n_done += 1
                    continue
                st = np.array([v for entry in p.state_rows for v in entry[j].tolist()]
                              + [0.0] * p.spec.scalar_scratch, dtype=np.float64)
                carry = np.array([x, y, f, gx, gy, 0.0, 0.0, 0.0, x, y])
                code, stop, last, s = LIVE, max_steps, 0, 0
                while s < max_steps:
                    s1 = min(s + self.chunk, max_steps)
                    code, stop, last = step(carry, hp, st, lrs, p.constant_lr, s, s1,
                                            settings.tol, bound, grad_bound, p.spec.pauses,
                                            negate, wd, record, paths, loss, grads, width,
                                            states)
                    if code != LIVE:
                        break
                    s = s1
                    self.steps = (n_done * max_steps + s) // self.n0
                    if s < max_steps:
                        poll(self, s)
                self._stop(row, _STATUS.get(code, MAX_STEPS), stop, *carry[:3].tolist())
                self.steps_done = max(self.steps_done, last)
                if width:
                    o = 0
                    for k, stack in p.stacks.items():
                        w = p.widths[k]
                        stack[1:last + 1, j] = states[1:last + 1, o:o + w]
                        o += w
                n_done += 1
                self.steps = n_done * max_steps // self.n0
                poll(self, self.steps)
        self.steps = max_steps

    def _stop(self, row: int, status: int, step: int, x: float, y: float, f: float) -> None:
        out = self.dispatch.out
        out.status[row], out.stop[row] = status, step
        out.final_xy[row], out.final_loss[row] = (x, y), f
