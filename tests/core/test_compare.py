"""The fair comparison: its protocol, its starts, tuning, evaluation, profiles and JSON."""

import json

import numpy as np
import pytest

from beale_gui.core import compare
from beale_gui.core import compare_io as io
from beale_gui.core.compare import (
    OUTCOMES,
    Protocol,
    classify,
    first_hits,
    round_significant,
    run_comparison,
    sobol_points,
)
from beale_gui.core.engine import DIVERGED, MAX_STEPS, Cancelled, OptimizerConfig, run
from beale_gui.core.functions import get_function, parse_expression
from beale_gui.core.search import Axis
from beale_gui.core.session import SessionError


def small(function="beale", optimizers=("gd", "adam"), **kwargs):
    settings = {"budget": 6, "tuning_starts": 6, "evaluation_starts": 20, "max_steps": 300,
                "seed": 3, **kwargs}
    return Protocol(get_function(function), tuple(OptimizerConfig(o) for o in optimizers),
                    **settings)


@pytest.fixture(scope="module")
def rosenbrock():
    protocol = small("rosenbrock", ("gd", "momentum", "adam"), tol=1e-4, max_steps=1500)
    return protocol, run_comparison(protocol)


def without_times(d):
    for entry in d["optimizers"]:
        entry.pop("seconds")
    return d


def test_a_rerun_from_the_json_gives_identical_numbers(rosenbrock, tmp_path):
    protocol, result = rosenbrock
    path = tmp_path / "out.json"
    io.write_comparison_json(result, path)
    again = io.read_protocol(path)
    assert again == protocol
    rerun = run_comparison(again)
    first = without_times(json.loads(path.read_text()))
    assert without_times(io.comparison_to_dict(rerun)) == first


@pytest.mark.parametrize("design", ["uniform", "sobol"])
def test_tuning_and_evaluation_starts_are_disjoint_and_in_the_view(design):
    protocol = small(design=design, tuning_starts=40, evaluation_starts=300)
    tuning, evaluation = protocol.starts()
    assert tuning.shape == (40, 2)
    assert evaluation.shape == (300, 2)
    both = np.concatenate([tuning, evaluation])
    assert len(np.unique(both, axis=0)) == len(both)
    (x0, x1), (y0, y1) = protocol.function.bounds
    assert (both[:, 0] >= x0).all()
    assert (both[:, 0] <= x1).all()
    assert (both[:, 1] >= y0).all()
    assert (both[:, 1] <= y1).all()
    # the seed decides them
    assert np.array_equal(small(design=design, tuning_starts=40,
                                evaluation_starts=300).starts()[1], evaluation)
    assert not np.array_equal(small(design=design, tuning_starts=40, evaluation_starts=300,
                                    seed=4).starts()[1], evaluation)


def test_sobol_points_are_balanced():
    # the first 2^k points of a digitally shifted Sobol sequence put one point in each of the
    # 2^k cells of every elementary 2^a x 2^b grid (a + b = k)
    u = sobol_points(64, np.random.default_rng(0))
    for a in range(7):
        cells = np.floor(u[:, 0] * 2**a) * 2 ** (6 - a) + np.floor(u[:, 1] * 2 ** (6 - a))
        assert len(np.unique(cells)) == 64


def test_every_optimizer_gets_the_same_budget_by_the_same_method(rosenbrock):
    protocol, result = rosenbrock
    sizes = {len(o.tried) for o in result.outcomes}
    assert sizes == {protocol.budget}
    units = [o.axes[0].to_unit(o.tried[:, 0]) for o in result.outcomes]
    for u in units[1:]:
        np.testing.assert_allclose(u, units[0], atol=1e-12)
    for o in result.outcomes:
        assert len(o.outcome) == protocol.evaluation_starts


def test_lr_range_defaults_to_a_log_range_around_the_optimizers_lr():
    protocol = small()
    gd, adam = (protocol.axes_for(c)[0] for c in protocol.optimizers)
    assert (gd.low, gd.high, gd.scale) == pytest.approx((1e-4, 1.0, "log"))
    assert (adam.low, adam.high) == pytest.approx((1e-5, 0.1))
    given = small(axes=(Axis("lr", 1e-3, 1e-1, "log"),))
    assert {c.name: given.axes_for(c)[0].low for c in given.optimizers} == {"gd": 1e-3,
                                                                              "adam": 1e-3}


def test_the_tuned_configuration_has_the_highest_success_rate_and_is_what_was_judged(
        rosenbrock):
    protocol, result = rosenbrock
    for o in result.outcomes:
        assert o.tuning_success[o.best] == o.tuning_success.max()
        for d, axis in enumerate(o.axes):
            assert o.tuned[axis.name] == round_significant(o.tried[o.best, d])
        assert o.config.hparams["lr"] == o.tuned["lr"]


def test_outcomes_agree_with_a_run_of_the_tuned_values_from_each_start(rosenbrock):
    protocol, result = rosenbrock
    for o in result.outcomes:
        r = run(protocol.function, o.config, result.evaluation_starts,
                max_steps=protocol.max_steps, tol=0.0, seed=protocol.seed)
        np.testing.assert_array_equal(r.final_loss, o.final_loss)
        gap = r.loss - protocol.f_star
        for k, target in enumerate(protocol.targets):
            for i in range(r.n_runs):
                hit = o.first_hit[i, k]
                if hit < 0:
                    assert (gap[i] > target).all()
                else:
                    assert gap[i, hit] <= target
                    assert (gap[i, :hit] > target).all()


def test_success_fractions_and_steps_summarise_the_runs(rosenbrock):
    _, result = rosenbrock
    for o in result.outcomes:
        s = o.success()
        assert list(s) == list(OUTCOMES)
        assert sum(s.values()) == pytest.approx(1.0)
        q = o.steps_to_target()
        if s["global"]:
            assert q[1] <= q[0] <= q[2]
        else:
            assert q is None


def test_profiles_rise_to_the_share_of_pairs_reached(rosenbrock):
    _, result = rosenbrock
    steps = result.profile_steps
    assert steps[0] == 1
    assert steps[-1] == result.protocol.max_steps
    for o in result.outcomes:
        p = o.profile(steps)
        assert (np.diff(p) >= 0).all()
        assert p[-1] == pytest.approx((o.first_hit >= 0).mean())


def test_first_hits():
    gap = np.array([[1.0, 0.5, 0.05, 0.2, 1e-3], [2.0, 2.0, 2.0, 2.0, 2.0]])
    np.testing.assert_array_equal(first_hits(gap, np.array([1.0, 0.1, 1e-2])),
                                  [[0, 2, 4], [-1, -1, -1]])


def test_classify_tells_global_local_diverged_and_not_converged():
    fn = get_function("rastrigin")
    local = fn.local_minima[0]
    xy = np.array([fn.global_minima[0], local, [0.3, 0.3], [0.1, 0.1]])
    loss = fn.value(xy)
    status = np.array([MAX_STEPS, MAX_STEPS, MAX_STEPS, DIVERGED])
    assert [OUTCOMES[k] for k in classify(fn, status, loss, xy, 1e-6)] == [
        "global", "local", "not_converged", "diverged"]


def test_local_minima_are_counted_on_rastrigin():
    result = run_comparison(small("rastrigin", ("gd",), evaluation_starts=40, tol=1e-6))
    s = result.outcomes[0].success()
    assert s["local"] > 0


def test_stochastic_optimizers_run_several_times_from_each_start():
    protocol = small(optimizers=("gd", "sgd"), seeds_per_start=3, evaluation_starts=5,
                     tuning_starts=2, budget=2, max_steps=50)
    result = run_comparison(protocol)
    gd, sgd = result.outcomes
    assert len(gd.outcome) == 5
    assert len(sgd.outcome) == 15
    np.testing.assert_array_equal(sgd.start_index, np.repeat(np.arange(5), 3))
    assert sgd.start_outcomes(5).shape == (5,)


def test_recorded_evaluation_in_chunks_gives_the_same_numbers(monkeypatch, rosenbrock):
    protocol, result = rosenbrock
    monkeypatch.setattr(compare, "RECORD_CHUNK_BYTES", 1)    # one run at a time
    again = run_comparison(protocol)
    assert without_times(io.comparison_to_dict(again)) == without_times(
        io.comparison_to_dict(result))


def test_progress_rises_to_one_and_cancel_stops():
    seen = []
    run_comparison(small(), progress=seen.append)
    assert seen[-1] == 1.0
    assert all(b >= a for a, b in zip(seen, seen[1:], strict=False))
    outcomes = []
    with pytest.raises(Cancelled):
        run_comparison(small(), cancel=lambda: bool(outcomes),
                       on_outcome=lambda i, o: outcomes.append(o))
    assert len(outcomes) == 1


@pytest.mark.parametrize(("change", "words"), [
    ({"function": "saddle"}, "no minimum"),
    ({"tol": 0.0}, "tol"),
    ({"method": "coarse-to-fine"}, "method"),
    ({"design": "halton"}, "design"),
    ({"budget": 0}, "budget"),
    ({"axes": (Axis("momentum", 0.5, 0.99),)}, "momentum"),
])
def test_bad_protocols_are_refused_with_a_message(change, words):
    with pytest.raises(ValueError, match=words):
        small(**change)


def test_a_typed_function_needs_listed_minima():
    with pytest.raises(ValueError, match="no minimum"):
        Protocol(parse_expression("x**2 + y**2"), (OptimizerConfig("gd"),))
    ok = Protocol(parse_expression("x**2 + y**2", minima=[(0, 0)]), (OptimizerConfig("gd"),),
                  expression="x**2 + y**2")
    assert io.protocol_from_dict(io.protocol_to_dict(ok)) == ok


def test_a_session_with_a_compare_entry_gives_its_protocol(tmp_path):
    protocol = small()
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"format": "beale-gui-session", "version": 1,
                                "function": {"name": "beale"}, "optimizers": [],
                                "starts": [], "compare": io.protocol_to_dict(protocol)}))
    assert io.read_protocol(path) == protocol
    path.write_text(json.dumps({"format": "beale-gui-session", "version": 1}))
    with pytest.raises(SessionError, match="not a comparison"):
        io.read_protocol(path)


def test_csv_has_a_row_per_evaluation_run(rosenbrock):
    _, result = rosenbrock
    lines = io.comparison_csv(result).splitlines()
    assert lines[0].split(",") == list(io.CSV_COLUMNS)
    assert len(lines) == 1 + sum(len(o.outcome) for o in result.outcomes)


def test_the_comparison_presets_say_what_their_protocols_give():
    from beale_gui.resources import preset_paths

    paths = {p.stem: p for p in preset_paths()}
    rosenbrock = run_comparison(io.read_protocol(paths["10-adam-or-momentum-on-rosenbrock"]))
    shares = {o.name: round(100 * o.success()["global"]) for o in rosenbrock.outcomes}
    assert shares == {"momentum": 88, "adam": 62}
    assert {o.name: o.tuned["lr"] for o in rosenbrock.outcomes} == {"momentum": 0.000862,
                                                                     "adam": 0.1562}
    rastrigin = run_comparison(io.read_protocol(
        paths["11-rastrigin-who-finds-the-global-minimum"]))
    for o in rastrigin.outcomes:
        assert o.success()["global"] <= 0.015
    assert {o.name: round(100 * o.success()["local"]) for o in rastrigin.outcomes
            if o.name != "rmsprop"} == {"gd": 99, "momentum": 99, "adam": 99}
