"""Fuzzing with hypothesis: the engine never raises on any valid input, its paths are finite up to
each run's stop step and its statuses agree with the arrays; the session loader refuses any
malformed JSON with a SessionError and nothing else."""

import json
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beale_gui.core import engine
from beale_gui.core.engine import (
    BATCH_SIZE,
    CONVERGED,
    DIVERGED,
    DIVERGENCE_BOUND,
    GRADIENT_BOUND,
    MAX_STEPS,
    NOISE,
    TOL_PARAM,
    OptimizerConfig,
    StochasticConfig,
)
from beale_gui.core.functions import FUNCTIONS, parse_expression
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.params import Param
from beale_gui.core.schedules import SCHEDULES, ScheduleConfig
from beale_gui.core.session import Session, SessionError
from beale_gui.core.session_load import session_from_dict

ENGINE_EXAMPLES = 1200

# hypothesis's failure report imports a module that warns; keep the report readable
pytestmark = pytest.mark.filterwarnings(
    "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")
FUZZ = "engine fuzz examples tried"
SESSION_FUZZ = "session fuzz examples refused or loaded cleanly"

# Typed functions whose values leave the reals or blow up: NaN and inf must be states too.
EXPRESSIONS = [
    parse_expression("x**2 + 10*sin(y)"),
    parse_expression("log(x) + sqrt(y)"),           # NaN left of x = 0 / below y = 0
    parse_expression("exp(x*y) - 1/(x**2 + y**2)"),  # overflow, and a pole at the origin
]
FUNCTION_LIST = [*FUNCTIONS.values(), *EXPRESSIONS]


def values_of(param: Param) -> st.SearchStrategy:
    """Values across a parameter's valid range, its edges (or just inside open ones) and its
    default; log-scaled parameters also log-uniformly."""
    low, high = float(param.low), float(param.high)
    edges = [param.default,
             math.nextafter(low, math.inf) if param.low_open else low,
             math.nextafter(high, -math.inf) if param.high_open else high]
    if param.integer:
        inner = st.integers(int(math.ceil(low)), int(min(high, 10**9)))
        return st.one_of(st.sampled_from([float(round(e)) for e in edges]), inner.map(float))
    inner = st.floats(low, high, exclude_min=param.low_open, exclude_max=param.high_open,
                      allow_nan=False, allow_infinity=False)
    options = [st.sampled_from(edges), inner]
    if param.log:
        lo = math.log10(max(low, 1e-12))
        options.append(st.floats(lo, math.log10(high)).map(lambda e: 10.0**e).filter(
            lambda v: param.problem(v) is None))
    return st.one_of(options)


def params_of(specs) -> st.SearchStrategy:
    return st.fixed_dictionaries({p.name: values_of(p) for p in specs})


# Built once: hypothesis validates a strategy the first time it draws from it.
_HPARAMS = {name: params_of(spec.params) for name, spec in OPTIMIZERS.items()}
_SCHEDULES = st.one_of([params_of(spec.params).map(lambda p, n=name: ScheduleConfig(n, p))
                        for name, spec in SCHEDULES.items()])
_STOCHASTIC = st.one_of(st.none(), st.builds(StochasticConfig, values_of(BATCH_SIZE).map(int),
                                             values_of(NOISE)))


@st.composite
def optimizer_configs(draw) -> OptimizerConfig:
    name = draw(st.sampled_from(list(OPTIMIZERS)))
    # (a probing optimizer takes exact gradients only)
    stochastic = None if OPTIMIZERS[name].probe is not None else draw(_STOCHASTIC)
    return OptimizerConfig(name, draw(_HPARAMS[name]), draw(_SCHEDULES), stochastic)


coordinates = st.one_of(
    st.floats(-1e6, 1e6, allow_nan=False),
    st.sampled_from([0.0, 1e6, -1e6, 5e-324, 0.7, 1.4, 3.0, 0.5, -2.805118, 1.0]),
)
starts = st.lists(st.tuples(coordinates, coordinates), min_size=1, max_size=3)


def _seed_rule(loss_prev: float, loss_now: float, tol: float) -> bool:
    """The seed's stop rule, evaluated before the update of step t on f(w_{t-1})."""
    return tol > 0 and abs(loss_prev - loss_now) < tol


def check_result(result, max_steps: int, tol: float) -> None:
    """Everything a result promises, run by run."""
    n = result.n_runs
    T = result.n_steps
    assert result.paths.shape == (n, T + 1, 2)
    assert result.loss.shape == (n, T + 1) == result.lr.shape
    assert 0 <= T <= max_steps
    assert set(np.unique(result.status)) <= {MAX_STEPS, CONVERGED, DIVERGED}
    for i in range(n):
        s = int(result.stop_step[i])
        status = int(result.status[i])
        assert 0 <= s <= T
        path, loss, grads = result.paths[i], result.loss[i], result.grads[i]
        assert (path[s:] == path[s]).all()   # frozen after the stop step
        if not (np.isfinite(loss[0]) and (np.abs(grads[0]) <= GRADIENT_BOUND).all()
                and (np.abs(path[0]) <= DIVERGENCE_BOUND).all()):
            # f or its gradient is not finite at the start itself (log(x) at x = 0), or the
            # gradient is beyond its bound (sqrt(y) at y = 5e-324): diverged at once,
            # nothing to draw beyond the start
            assert status == DIVERGED
            assert s == 0
            continue
        # finite, inside the bound, up to the stop step
        assert np.isfinite(path[: s + 1]).all()
        assert np.isfinite(loss[: s + 1]).all()
        assert np.isfinite(grads[: s + 1]).all()
        assert (np.abs(grads[: s + 1]) <= GRADIENT_BOUND).all()
        assert np.isfinite(result.lr[i, : s + 1]).all()
        assert (np.abs(path[: s + 1]) <= DIVERGENCE_BOUND).all()
        assert (result.final_xy[i] == path[s]).all()
        assert result.final_loss[i] == loss[s]
        # the stop rule fired exactly where the status says, and not before; not after a pause
        # of an optimizer that pauses (Rprop: the update before left the point where it was,
        # the gradient there not zero)
        pauses = result.configs[result.config_index[i]].spec.pauses
        fired = [_seed_rule(loss[t - 2] if t >= 2 else 0.0, loss[t - 1], tol)
                 and not (pauses and t >= 2 and (path[t - 1] == path[t - 2]).all()
                          and (grads[t - 2] != 0.0).any())
                 for t in range(1, s + 1)]
        if status == MAX_STEPS:
            assert s == max_steps == T
            assert not any(fired)
        elif status == CONVERGED:
            assert 1 <= s <= max_steps
            assert fired[-1]
            assert not any(fired[:-1])
        else:
            assert s < max_steps or s == 0
            assert not any(fired)
            assert result.event_step[i] == s + 1


@pytest.fixture(scope="module")
def fuzz_count(reliability_figures):
    reliability_figures.setdefault(FUZZ, 0)
    return reliability_figures


@settings(max_examples=ENGINE_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(function=st.sampled_from(FUNCTION_LIST),
       configs=st.lists(optimizer_configs(), min_size=1, max_size=2),
       starts=starts,
       max_steps=st.one_of(st.integers(0, 25), st.just(1)),
       tol=st.one_of(st.just(0.0), values_of(TOL_PARAM)),
       seed=st.integers(0, 2**32 - 1),
       record_state=st.booleans())
def test_the_engine_never_raises_and_keeps_its_promises(fuzz_count, function, configs, starts,
                                                        max_steps, tol, seed, record_state):
    result = engine.run(function, configs, starts, max_steps=max_steps, tol=tol, seed=seed,
                        record=True, record_state=record_state)
    assert result.n_runs == len(configs) * len(starts)
    check_result(result, max_steps, tol)
    if record_state:
        assert result.moment.shape == result.paths.shape == result.effective_lr.shape
    fuzz_count[FUZZ] += 1


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(function=st.sampled_from(FUNCTION_LIST), config=optimizer_configs(), starts=starts,
       max_steps=st.integers(0, 25), seed=st.integers(0, 2**32 - 1))
def test_unrecorded_runs_end_where_recorded_ones_do(fuzz_count, function, config, starts,
                                                    max_steps, seed):
    """Searches and basin maps run without recording: the same finals and statuses."""
    kwargs = dict(max_steps=max_steps, tol=1e-9, seed=seed)
    full = engine.run(function, config, starts, record=True, **kwargs)
    bare = engine.run(function, config, starts, record=False, **kwargs)
    np.testing.assert_array_equal(bare.status, full.status)
    np.testing.assert_array_equal(bare.stop_step, full.stop_step)
    np.testing.assert_array_equal(bare.final_xy, full.final_xy)
    fuzz_count[FUZZ] += 1


# -- the session loader ------------------------------------------------------------------------

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30),
              st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20)),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=12), children, max_size=4)),
    max_leaves=20)

VALID = {
    "format": "beale-gui-session", "version": 1, "function": {"name": "beale"},
    "optimizers": [{"name": "adam", "hparams": {"lr": 0.05},
                    "schedule": {"name": "step", "params": {"step_size": 10}},
                    "stochastic": {"batch_size": 2, "noise": 0.1}, "colour": "#123456",
                    "enabled": True}],
    "starts": [[0.7, 1.4]], "max_steps": 50, "tol": 1e-6, "seed": 3,
    "view": [[-1, 4], [-1, 2]], "title": "t",
}


def _paths(d, path=()):
    yield path
    if isinstance(d, dict):
        for k, v in d.items():
            yield from _paths(v, (*path, k))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            yield from _paths(v, (*path, i))


PATHS = [p for p in _paths(VALID) if p]


def _loads_or_refuses(d) -> None:
    try:
        session = session_from_dict(d)
    except SessionError as exc:
        message = str(exc)
        session = None
    if session is None:
        assert message
        return
    assert isinstance(session, Session)
    json.dumps(session.to_dict(), allow_nan=False)   # whatever loads saves again


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(PATHS), value=json_values)
def test_any_value_anywhere_in_a_session_is_refused_or_loads(reliability_figures, where,
                                                             value):
    d = json.loads(json.dumps(VALID))
    target = d
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    _loads_or_refuses(d)
    reliability_figures[SESSION_FUZZ] = reliability_figures.get(SESSION_FUZZ, 0) + 1


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=json_values)
def test_any_json_at_all_is_refused_or_loads(reliability_figures, data):
    _loads_or_refuses(data)
    _loads_or_refuses({**VALID, "extra": data})
    reliability_figures[SESSION_FUZZ] = reliability_figures.get(SESSION_FUZZ, 0) + 1
