"""A model on data in sessions, data exports, the document's key and the comparison's
protocol: saved as the model and its data's source, read back to the same numbers, and a
missing or changed CSV refused with the reason."""

import json
import os

import numpy as np
import pytest

from beale_gui.core.compare_io import protocol_from_dict, protocol_to_dict
from beale_gui.core.compare_protocol import Protocol
from beale_gui.core.engine import OptimizerConfig, StochasticConfig
from beale_gui.core.functions import get_function
from beale_gui.core.models import DataError, builtin_dataset, default_model, load_csv, make_model
from beale_gui.core.session import Experiment, Session, SessionError, function_to_dict
from beale_gui.core.session_load import function_from_dict, load_session, session_from_dict
from beale_gui.document import function_key
from beale_gui.export.data import experiment_of, json_dict


@pytest.fixture
def csv_model(tmp_path):
    path = tmp_path / "points.csv"
    rng = np.random.default_rng(4)
    x = rng.uniform(-1, 1, 25)
    path.write_text("".join(f"{float(a)!r},{float(2 * a + 1 + 0.1 * b)!r}\n"
                            for a, b in zip(x, rng.standard_normal(25), strict=True)))
    return make_model("linear", load_csv(path))


def _experiment(function) -> Experiment:
    configs = [OptimizerConfig("adam", {"lr": 0.05}),
               OptimizerConfig("sgd", {"lr": 0.02}, stochastic=StochasticConfig(4, 0.0))]
    return Experiment(function, configs, np.array([[0.5, 0.5], [-1.0, 2.0]]), max_steps=200,
                      seed=3)


def test_a_built_in_data_set_is_saved_by_name_size_seed_and_noise():
    model = make_model("tanh-neuron", builtin_dataset("noisy-tanh", 60, 7, 0.3))
    assert function_to_dict(model, None) == {
        "model": "tanh-neuron",
        "data": {"dataset": "noisy-tanh", "n": 60, "seed": 7, "noise": 0.3}}


def test_a_csv_is_saved_by_path_and_checksum(csv_model):
    d = function_to_dict(csv_model, None)
    assert d["model"] == "linear"
    assert set(d["data"]) == {"csv", "sha256"}
    assert len(d["data"]["sha256"]) == 64


@pytest.mark.parametrize("kind", ["linear", "logistic", "tanh-neuron"])
def test_a_saved_model_experiment_replays_to_identical_numbers(kind):
    exp = _experiment(default_model(kind))
    text = json.dumps(Session(exp).to_dict())
    again = session_from_dict(json.loads(text)).runnable()
    assert again.expression is None
    assert again.function.key() == exp.function.key()
    first, second = exp.run(), again.run()
    np.testing.assert_array_equal(first.paths, second.paths)
    np.testing.assert_array_equal(first.loss, second.loss)


def test_a_csv_model_session_round_trips_through_a_file(csv_model, tmp_path):
    exp = _experiment(csv_model)
    path = tmp_path / "s.json"
    path.write_text(Session(exp).to_json())
    again = load_session(path).runnable()
    np.testing.assert_array_equal(again.function.data.x, csv_model.data.x)
    np.testing.assert_array_equal(exp.run().paths, again.run().paths)


def test_a_changed_or_missing_csv_is_refused_with_the_reason(csv_model, tmp_path):
    path = tmp_path / "s.json"
    path.write_text(Session(_experiment(csv_model)).to_json())
    data = tmp_path / "points.csv"
    data.write_text(data.read_text() + "0.5,0.5\n")
    with pytest.raises(SessionError, match=r"^s\.json: function\.data: points\.csv has "
                                           r"changed since it was saved"):
        load_session(path)
    data.unlink()
    with pytest.raises(SessionError, match=r"^s\.json: function\.data: cannot read "
                                           r"points\.csv: No such file"):
        load_session(path)


@pytest.mark.parametrize(("function", "message"), [
    ({"model": "linear", "data": {"dataset": "noisy-line"}, "colour": 1},
     "function: unknown key 'colour'"),
    ({"model": 3, "data": {"dataset": "noisy-line"}}, "function.model: expected a string"),
    ({"model": "linear"}, "function.data: expected an object"),
    ({"model": "ridge", "data": {"dataset": "noisy-line"}}, "unknown model 'ridge'"),
    ({"model": "linear", "data": {"dataset": "noisy-line", "n": "many"}},
     "function.data: data.n: expected a number"),
    ({"model": "logistic", "data": {"dataset": "noisy-line"}},
     "function.data: logistic regression needs labels 0 or 1"),
    ({"model": "linear", "data": {"csv": ""}}, "function.data: data.csv: expected a file"),
])
def test_a_bad_model_entry_is_refused_naming_it(function, message):
    with pytest.raises(SessionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        function_from_dict(function)


def test_the_data_export_of_a_model_is_not_taken_for_a_typed_expression(csv_model):
    exp = _experiment(csv_model)
    result = exp.run()
    replayed = experiment_of(result)
    assert replayed.expression is None
    d = json_dict(replayed, result)
    assert d["function"] == csv_model.to_dict()
    again = session_from_dict(json.loads(json.dumps(d))).runnable()
    np.testing.assert_array_equal(again.run().paths, result.paths)


def test_the_document_s_key_tells_two_data_sets_apart():
    a = make_model("linear", builtin_dataset("noisy-line", 50, 1))
    b = make_model("linear", builtin_dataset("noisy-line", 50, 2))
    same = make_model("linear", builtin_dataset("noisy-line", 50, 1))
    assert function_key(a, None) != function_key(b, None)
    assert function_key(a, None) == function_key(same, None)
    beale = get_function("beale")   # a surface keeps its key: name, expression, bounds
    assert function_key(beale, None) == ("beale", None, beale.bounds)


def test_a_comparison_protocol_of_a_model_round_trips_and_tells_data_sets_apart():
    configs = (OptimizerConfig("gd", {"lr": 0.1}),)
    a = Protocol(make_model("linear", builtin_dataset("noisy-line", 50, 1)), configs)
    b = Protocol(make_model("linear", builtin_dataset("noisy-line", 50, 2)), configs)
    assert a != b
    again = protocol_from_dict(json.loads(json.dumps(protocol_to_dict(a))))
    assert again == a
    assert again.expression is None
    assert protocol_to_dict(a)["function"] == {
        "model": "linear", "data": {"dataset": "noisy-line", "n": 50, "seed": 1,
                                    "noise": 0.5}}


def test_a_named_pipe_or_a_nul_in_a_csv_path_is_refused_at_once(tmp_path):
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)   # opening it would wait for a writer, forever
    with pytest.raises(DataError, match="cannot read pipe.csv: not a regular file"):
        load_csv(pipe)
    with pytest.raises(DataError, match="NUL"):
        load_csv(str(tmp_path / "a\0.csv"))


@pytest.mark.parametrize("noise", [1e308, 1e7, float("nan"), -1.0])
def test_a_built_in_set_s_noise_is_bounded_so_its_samples_stay_finite(noise):
    with pytest.raises(DataError, match="noise must be a number from 0 to 1e"):
        builtin_dataset("two-classes", 20, 0, noise)
    data = builtin_dataset("two-classes", 20, 0, 1e6)
    assert np.all(np.isfinite(data.x))
    assert str(builtin_dataset("noisy-line", 5, 0, -0.0).source["noise"]) == "0.0"
