"""What the engine's start check and divergence check promise, beyond the other core tests: the
words of every refusal of the start points, a single pair taken as one start, and a run that
must be reported diverged at the right step when f stops being finite while its gradient
stays finite, or must run on when its point or gradient sits exactly on its bound.

The divergence check of a numpy unit has a fast path (is every run healthy?), on Python floats
for up to 32 working rows and in numpy for more, and an exact mask behind it; so each test
runs its starts in counts that reach every path of the engine: a few runs of one
configuration (stepped in Python floats), a numpy unit of up to 32 runs (20, and 32 exactly)
and one of more (40). Runs leave the working rows when they diverge, so a test that must
reach the numpy check has more than 32 runs still working when the event happens.

Every test calls what it checks itself (``run`` or ``check_starts``): a mutation run (mutmut)
attributes a function to the tests that call it.
"""

import math
from dataclasses import dataclass

import numpy as np
import pytest

from beale_gui.core.engine import (
    DIVERGED,
    DIVERGENCE_BOUND,
    GRADIENT_BOUND,
    MAX_STEPS,
    OptimizerConfig,
    check_starts,
    run,
)
from beale_gui.core.functions import TestFunction, get_function

GD = OptimizerConfig("gd", {"lr": 0.5})
# a few runs (floats), a numpy unit checked in Python, the largest such, one checked in numpy
COUNTS = pytest.mark.parametrize("n_starts", [4, 20, 32, 40])


@dataclass(frozen=True, eq=False)
class _Plane(TestFunction):
    """f = a x + b y while x < wall; from the wall on f is ``beyond`` (inf or NaN) and the
    gradient is still (a, b), finite everywhere."""

    a: float = 0.0
    b: float = 0.0
    wall: float = math.inf
    beyond: float = math.inf

    def _value(self, x, y):
        return np.where(x < self.wall, self.a * x + self.b * y, self.beyond)

    def _grad(self, x, y):
        return np.full_like(x, self.a), np.full_like(y, self.b)


def _plane(**kw) -> _Plane:
    return _Plane("plane", "Plane", "a x + b y", ((-5.0, 5.0), (-5.0, 5.0)), **kw)


# -- check_starts: the shapes it takes and the words of each refusal --------------------------

def _refusal(starts) -> str:
    with pytest.raises(ValueError, match="^start points must ") as err:
        check_starts(starts)
    return str(err.value)


def test_a_single_pair_is_one_start():
    out = check_starts([0.7, 1.4])
    assert out.dtype == np.float64
    assert out.shape == (1, 2)
    assert out.tolist() == [[0.7, 1.4]]
    assert check_starts((3, -2)).tolist() == [[3.0, -2.0]]
    assert check_starts([[0.7, 1.4], [1.0, 2.0]]).tolist() == [[0.7, 1.4], [1.0, 2.0]]


def test_a_run_from_a_single_pair_is_the_run_from_that_start():
    beale = get_function("beale")
    one = run(beale, OptimizerConfig("gd", {"lr": 0.01}), [0.7, 1.4], max_steps=5)
    listed = run(beale, OptimizerConfig("gd", {"lr": 0.01}), [[0.7, 1.4]], max_steps=5)
    assert one.n_runs == 1
    assert one.starts.tolist() == [[0.7, 1.4]]
    np.testing.assert_array_equal(one.paths, listed.paths)


def test_what_is_not_pairs_of_numbers_is_refused_in_those_words():
    assert _refusal("abc") == "start points must be pairs of numbers"
    assert _refusal([[1.0, "a"]]) == "start points must be pairs of numbers"
    assert _refusal([[1.0, 2.0], [3.0]]) == "start points must be pairs of numbers"


def test_a_wrong_shape_is_refused_with_the_shape_given():
    # a flat list of three numbers is not one start: its own shape is named
    assert _refusal([1.0, 2.0, 3.0]) == "start points must have shape (S, 2), got (3,)"
    assert _refusal([1.0]) == "start points must have shape (S, 2), got (1,)"
    assert _refusal([]) == "start points must have shape (S, 2), got (0,)"
    assert _refusal([[1.0, 2.0, 3.0]]) == "start points must have shape (S, 2), got (1, 3)"
    assert _refusal([[[1.0, 2.0]]]) == "start points must have shape (S, 2), got (1, 1, 2)"
    assert _refusal(np.zeros((0, 2))) == "start points must have shape (S, 2), got (0, 2)"
    assert _refusal(5.0) == "start points must have shape (S, 2), got ()"


def test_a_start_not_finite_is_refused_in_those_words():
    assert _refusal([[0.0, 0.0], [np.nan, 1.0]]) == "start points must be finite"
    assert _refusal([np.inf, 0.0]) == "start points must be finite"
    assert _refusal([[0.0, -np.inf]]) == "start points must be finite"


def test_run_passes_the_refusals_on():
    beale = get_function("beale")
    with pytest.raises(ValueError, match="^start points must be finite$"):
        run(beale, GD, [[np.nan, 0.0]])
    with pytest.raises(ValueError, match=r"^start points must have shape \(S, 2\), got \(3,\)$"):
        run(beale, GD, [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="^start points must be pairs of numbers$"):
        run(beale, GD, "abc")


# -- f infinite or NaN with a finite gradient -------------------------------------------------

WALL_STEPS = 6           # max steps; a run from 2 - 0.5 k reaches the wall x = 2 at step k


def _wall_starts(n: int) -> np.ndarray:
    """Run i starts at x = 2 - 0.5 k, k = i % 8 (k = 0 on the wall, k = 7 too far to reach it
    in WALL_STEPS steps), and at its own y."""
    k = np.arange(n) % 8
    return np.column_stack([2.0 - 0.5 * k, 0.25 * np.arange(n)])


@COUNTS
@pytest.mark.parametrize("beyond", [np.inf, np.nan])
@pytest.mark.parametrize("record", [True, False])
def test_f_not_finite_with_a_finite_gradient_is_a_divergence(n_starts, beyond, record):
    """f = -x up to the wall x = 2 and inf (or NaN) from it on, the gradient (-1, 0)
    everywhere: gradient descent with lr 0.5 walks right by 0.5 a step, and a run diverges at
    the step that puts it on the wall, keeping its last point, where f is finite; a start on
    the wall diverged at step 0 and is never stepped; a run too far away runs to max steps."""
    starts = _wall_starts(n_starts)
    k = np.arange(n_starts) % 8
    r = run(_plane(a=-1.0, wall=2.0, beyond=beyond), GD, starts, max_steps=WALL_STEPS,
            record=record)
    hits = k <= WALL_STEPS
    assert (r.status[hits] == DIVERGED).all()
    assert r.event_step[hits].tolist() == k[hits].tolist()
    assert r.bad_start.tolist() == (k == 0).tolist()
    # the last point before the wall: x = 1.5, or the start itself for a start on the wall
    last_x = np.where(k == 0, 2.0, 1.5)
    np.testing.assert_array_equal(r.final_xy[:, 0], np.where(hits, last_x, 1.5))
    np.testing.assert_array_equal(r.final_xy[:, 1], starts[:, 1])
    np.testing.assert_array_equal(r.final_loss[hits & (k > 0)], -1.5)
    assert (r.status[~hits] == MAX_STEPS).all()
    np.testing.assert_array_equal(r.final_loss[~hits], -1.5)
    assert r.describe(int(np.flatnonzero(k == 3)[0])) == "diverged at step 3"
    assert r.describe(0) == "diverged at step 0"
    if record:
        i = int(np.flatnonzero(k == 3)[0])
        assert np.isfinite(r.loss[i, :3]).all()          # f finite before the wall
        np.testing.assert_array_equal(r.paths[i, 3:, 0], 1.5)   # then the last point repeats


# -- points and gradients exactly on their bounds ---------------------------------------------

@COUNTS
@pytest.mark.parametrize(("a", "b", "axis", "sign"), [(-1.0, 0.0, 0, 1.0), (1.0, 0.0, 0, -1.0),
                                                      (0.0, -1.0, 1, 1.0), (0.0, 1.0, 1, -1.0)])
def test_a_point_exactly_on_the_bound_is_inside(n_starts, a, b, axis, sign):
    """A plane walked by steps of 1e6 from 3e6 inside the bound (every point an integer, exact
    in float64): the point of step 3 is on the bound exactly and the run goes on; step 4 is
    beyond it, and the run diverged there keeping the point on the bound."""
    lr = 1e6
    starts = np.zeros((n_starts, 2))
    starts[:, axis] = sign * (DIVERGENCE_BOUND - 3 * lr)
    starts[:, 1 - axis] = np.linspace(-1.0, 1.0, n_starts)     # each run its own start
    config = OptimizerConfig("gd", {"lr": lr})
    on = run(_plane(a=a, b=b), config, starts, max_steps=3)
    assert (on.status == MAX_STEPS).all()
    np.testing.assert_array_equal(on.final_xy[:, axis], sign * DIVERGENCE_BOUND)
    past = run(_plane(a=a, b=b), config, starts, max_steps=10)
    assert (past.status == DIVERGED).all()
    assert (past.event_step == 4).all()
    assert not past.bad_start.any()
    np.testing.assert_array_equal(past.final_xy[:, axis], sign * DIVERGENCE_BOUND)
    np.testing.assert_array_equal(past.final_xy[:, 1 - axis], starts[:, 1 - axis])


@COUNTS
@pytest.mark.parametrize("sign", [1.0, -1.0])
@pytest.mark.parametrize("axis", [0, 1])
def test_a_gradient_exactly_on_its_bound_is_inside(n_starts, sign, axis):
    """f = 1e150 x (or y): the gradient's component is GRADIENT_BOUND exactly and the runs go
    on to max steps; one float beyond it, every run diverged at its start."""
    slope = sign * GRADIENT_BOUND
    ab = {"a": slope} if axis == 0 else {"b": slope}
    starts = np.column_stack([np.linspace(-1.0, 1.0, n_starts), np.linspace(2.0, 3.0, n_starts)])
    config = OptimizerConfig("gd", {"lr": 1e-150})         # steps of about 1
    r = run(_plane(**ab), config, starts, max_steps=3)
    assert (r.status == MAX_STEPS).all()
    assert (r.grads[:, :, axis] == slope).all()
    assert (np.abs(r.paths[:, 3, axis] - starts[:, axis]) > 2.0).all()   # it moved
    steeper = np.nextafter(slope, sign * np.inf)
    ab = {"a": steeper} if axis == 0 else {"b": steeper}
    blown = run(_plane(**ab), config, starts, max_steps=3)
    assert (blown.status == DIVERGED).all()
    assert blown.bad_start.all()
    assert (blown.event_step == 0).all()
    np.testing.assert_array_equal(blown.final_xy, starts)
