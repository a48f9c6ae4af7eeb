"""The window's hyperparameters for the optimizers added in issue 18 (DEFAULT_HPARAMS and each
function's table in beale_gui/core/functions/catalogue.py): from the default start, with 1000
steps and tolerance 1e-9, none diverges on any built-in function; each converges, or stays in
the view and lowers f by half of what lies between the start and the lowest minimum (the
saddle: lowers f, ends within 10 of it); on Beale and Rosenbrock each moves visibly. The
registry keeps torch's (or the paper's) defaults."""

import numpy as np
import pytest

from beale_gui.core.engine import OptimizerConfig, run
from beale_gui.core.functions import DEFAULT_HPARAMS, FUNCTIONS, get_function, parse_expression
from beale_gui.core.optimizers import OPTIMIZERS

from ..document.test_function_defaults import assert_progress

ADDED = ["adamax", "radam", "rprop", "asgd", "lion", "adabelief", "yogi", "sfsgd", "sfadamw"]
START = (0.7, 1.4)
ALL = list(FUNCTIONS.values())
IDS = [f.name for f in ALL]


def _run(fn):
    return run(fn, [OptimizerConfig(n, fn.hparams_for(n)) for n in ADDED], [START],
               max_steps=1000, tol=1e-9)


@pytest.mark.parametrize("fn", ALL, ids=IDS)
def test_the_added_optimizers_never_diverge_and_make_progress(fn):
    result = _run(fn)
    assert_progress(fn, result, ADDED)
    if not len(fn.minima):                      # the saddle: and ends within 10 of it
        assert (np.abs(result.paths) <= 10).all()


@pytest.mark.parametrize("name", ["beale", "rosenbrock"])
def test_the_added_optimizers_move_visibly_where_their_registry_defaults_barely_do(name):
    """Each ends at least halfway from the start to the minimum, inside the view (the
    registry's Lion, RAdam, Adamax and Schedule-Free AdamW on Beale do not)."""
    fn = get_function(name)
    result = _run(fn)
    target = fn.minima[0]
    to_go = np.hypot(*(target - START))
    (x0, x1), (y0, y1) = fn.bounds
    for i, optimizer in enumerate(ADDED):
        end = result.final_xy[i]
        assert np.hypot(*(end - target)) <= 0.5 * to_go, (optimizer, name, end)
        assert x0 <= end[0] <= x1, (optimizer, name, end)
        assert y0 <= end[1] <= y1, (optimizer, name, end)
    if name == "beale":
        plain = run(fn, [OptimizerConfig(n) for n in ("lion", "radam", "adamax", "sfadamw")],
                    [START], max_steps=1000, tol=1e-9)
        far = np.hypot(*(plain.final_xy - target).T)
        assert (far > 0.5 * to_go).all(), far


def test_the_registry_keeps_torchs_and_the_papers_defaults():
    assert OPTIMIZERS["lion"].defaults["lr"] == 1e-4
    assert OPTIMIZERS["adamax"].defaults["lr"] == 0.002
    assert OPTIMIZERS["radam"].defaults["lr"] == 0.001
    assert OPTIMIZERS["adabelief"].defaults["lr"] == 0.001
    assert OPTIMIZERS["sfadamw"].defaults["lr"] == 0.0025
    for name in ADDED:
        for optimizer, values in DEFAULT_HPARAMS.items():
            OptimizerConfig(optimizer, values)            # valid for the registry
        for fn in ALL:
            OptimizerConfig(name, fn.hparams_for(name))


def test_a_typed_function_takes_the_default_sets_values_for_the_added_ones_too():
    typed = parse_expression("x**2 + y**2")
    assert typed.hparams_for("lion") == {"lr": 0.005}
    assert typed.hparams_for("rprop") == {}               # the registry's
