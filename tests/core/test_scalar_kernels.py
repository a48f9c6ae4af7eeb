"""Every scalar kernel compiled by numba (as the engine's compiled path compiles it:
``numba.njit(kernel, error_model="numpy")``, no fastmath) gives the bits Python gives running
it as it is: the same points and the same state, step by step, on runs that converge, run
on and blow up. Python's run of each kernel is the few-runs path's, which
tests/core/test_few_runs.py holds to the numpy path's bits."""

import math

import numpy as np
import pytest

from beale_gui.core.optimizers import OPTIMIZERS, gradient_terms

from .test_few_runs import NON_DEFAULT

numba = pytest.importorskip("numba")

SCALAR = [name for name, spec in OPTIMIZERS.items() if spec.scalar_kernel is not None]
STEPS = 500
# a start in Beale's valley, one on its walls, one that blows up at the larger rates (inf and
# NaN reach the state); Rosenbrock's narrow valley from two sides
STARTS = [("beale", 0.7, 1.4), ("beale", -1.2, 0.9), ("beale", 4.0, 4.5),
          ("rosenbrock", -1.5, 2.0), ("rosenbrock", 1.8, -0.5)]
# the branches the defaults and NON_DEFAULT leave out: AdaBelief's rectified steps with decay,
# NAdam's and RAdam's coupled decay, a warm-up that ends, ASGD's step size past Python's
# power's range (inf) and averaging from step 3, Adagrad's rate decay
EDGE = {"adabelief": {"rectify": 1, "weight_decay": 0.1}, "nadam": {"weight_decay": 0.1},
        "radam": {"weight_decay": 0.1}, "sfadamw": {"warmup_steps": 3},
        "asgd": {"t0": 3, "alpha": 500.0, "lambd": 100.0}, "adagrad": {"lr_decay": 0.5},
        "rmsprop": {"momentum": 0.9}}
_COMPILED = {}


def _gradient(function: str, x: float, y: float) -> tuple[float, float]:
    """The exact gradient in Python floats (the harness's, not the engine's: only the kernels
    are compared, each fed the same floats)."""
    if function == "rosenbrock":
        return -2.0 * (1.0 - x) - 400.0 * x * (y - x * x), 200.0 * (y - x * x)
    y2, y3 = y * y, y * y * y                   # (y ** 3 raises where it overflows)
    a, b, c = 1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y3
    return (2.0 * a * (y - 1.0) + 2.0 * b * (y2 - 1.0) + 2.0 * c * (y3 - 1.0),
            2.0 * a * x + 4.0 * b * x * y + 6.0 * c * x * y * y)


def _same(a: float, b: float) -> bool:
    return a == b or (a != a and b != b)


def _compiled(kernel):
    if kernel not in _COMPILED:
        _COMPILED[kernel] = numba.njit(kernel, error_model="numpy")
    return _COMPILED[kernel]


def test_every_deterministic_optimizer_has_a_scalar_kernel():
    assert set(SCALAR) == {name for name, spec in OPTIMIZERS.items() if spec.probe is None}
    assert {"gd", "momentum", "nesterov", "adam", "adamw", "amsgrad"} <= set(SCALAR)


@pytest.mark.parametrize("settings", ["default", "non-default", "large-rate", "edge",
                                      "maximize"])
@pytest.mark.parametrize("name", SCALAR)
def test_the_compiled_kernel_gives_pythons_bits(name, settings):
    spec = OPTIMIZERS[name]
    given = {"default": {}, "non-default": NON_DEFAULT.get(name, {}),
             "large-rate": {"lr": spec.defaults["lr"] * 50.0}, "edge": EDGE.get(name, {}),
             "maximize": {"maximize": 1.0} if "maximize" in spec.defaults else {}}[settings]
    hp = spec.check(given)
    kernel, compiled = spec.scalar_kernel, _compiled(spec.scalar_kernel)
    values = spec.scalar_hp(hp)
    assert all(isinstance(v, float) for v in values), values
    negate, wd = gradient_terms(name, hp)
    blown = 0
    after = 5                                   # steps run on once a point is not finite
    for function, x0, y0 in STARTS:
        start = [v for entry in spec.init(1, hp) for v in entry[0].tolist()]
        st = start + [0.0] * spec.scalar_scratch
        st_c = np.array(st, dtype=np.float64)
        hp_c = np.array(values, dtype=np.float64)
        x, y = xc, yc = x0, y0
        for t in range(1, STEPS + 1):
            gx, gy = _gradient(function, x, y)
            if negate:
                gx, gy = -gx, -gy
            if wd:
                gx, gy = gx + x * wd, gy + y * wd
            x, y = kernel(x, y, gx, gy, hp["lr"], t, values, st)
            xc, yc = compiled(xc, yc, gx, gy, hp["lr"], t, hp_c, st_c)
            where = f"{name} {settings} from ({x0}, {y0}) on {function}, step {t}"
            assert _same(x, xc), where
            assert _same(y, yc), where
            assert all(_same(a, b) for a, b in zip(st, st_c.tolist(), strict=True)), where
            if not (math.isfinite(x) and math.isfinite(y)):
                after -= 1
                if after == 0:
                    blown += 1
                    break
        after = 5
    if settings in ("default", "non-default"):
        assert blown < len(STARTS), "every run blew up: the comparison saw too little"
