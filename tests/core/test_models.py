"""Models on data: exact loss, gradient and Hessian, minima, data sets and CSV files."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from beale_gui.core.models import (
    MODELS,
    DataError,
    Dataset,
    builtin_dataset,
    dataset_from_dict,
    default_model,
    load_csv,
    make_model,
    model_from_dict,
    parse_csv,
    parse_dataset_spec,
)
from beale_gui.core.models import model as model_module

KINDS = list(MODELS)
POINTS = np.array([[0.3, -0.2], [1.1, 0.7], [-0.8, 1.5], [2.0, -1.0], [0.0, 0.4]])


def _reference(kind, p1, p2, x, y):
    """The loss written from its definition, one sample at a time in plain floats."""
    total = 0.0
    for xi, yi in zip(x.tolist(), y.tolist(), strict=False):
        if kind == "linear":
            total += (p1 * xi + p2 - yi) ** 2
        elif kind == "logistic":
            z = p1 * xi + p2
            prob = 1.0 / (1.0 + np.exp(-z))
            total += -(yi * np.log(prob) + (1.0 - yi) * np.log(1.0 - prob))
        else:
            total += (p2 * np.tanh(p1 * xi) - yi) ** 2
    return total / len(x)


@pytest.fixture(scope="module", params=KINDS)
def model(request):
    return default_model(request.param)


def test_the_loss_matches_an_independent_formula(model):
    x, y = model.data.x, model.data.y
    for p in POINTS:
        assert model.value(p) == pytest.approx(_reference(model.model, *p, x, y), rel=1e-12)


def test_the_gradient_matches_finite_differences(model):
    h = 1e-6
    g = model.grad(POINTS)
    fd = np.stack([(model.value(POINTS + h * e) - model.value(POINTS - h * e)) / (2 * h)
                   for e in np.eye(2)], axis=-1)
    np.testing.assert_allclose(g, fd, rtol=1e-7, atol=1e-8)


def test_the_hessian_matches_finite_differences_of_the_gradient(model):
    h = 1e-6
    hess = model.hessian(POINTS)
    fd = np.stack([(model.grad(POINTS + h * e) - model.grad(POINTS - h * e)) / (2 * h)
                   for e in np.eye(2)], axis=-1)
    for a, b in zip(hess, fd, strict=True):
        assert np.abs(a - b).max() <= 1e-6 * (1.0 + np.abs(a).max())
    assert np.array_equal(hess[..., 0, 1], hess[..., 1, 0])


def test_value_gradient_and_the_engines_evaluator_agree_bit_for_bit(model):
    f, g = model.value_and_grad(POINTS)
    assert np.array_equal(f, model.value(POINTS))
    assert np.array_equal(g, model.grad(POINTS))
    xy = np.zeros((4, len(POINTS)))
    xy[:2] = POINTS.T
    fg = np.zeros((3, len(POINTS)))
    model.evaluator(xy, fg)()
    assert np.array_equal(fg[0], f)
    assert np.array_equal(fg[1:].T, g)
    # one point alone gives the bits it gives among others
    assert all(model.value(p) == fi for p, fi in zip(POINTS, f, strict=True))


def test_a_mini_batch_gives_the_mean_over_its_samples(model):
    idx = np.array([3, 17, 5, 40, 41])
    f, g = model.sample_value_and_grad(POINTS, idx)
    sub = Dataset(model.data.x[idx], model.data.y[idx], {"dataset": "subset"})
    part = type(model)(name=model.name, title="", formula="", bounds=model.bounds,
                       model=model.model, data=sub)
    assert f.shape == (len(POINTS),)
    assert g.shape == (len(POINTS), 2)
    for i, p in enumerate(POINTS):
        assert f[i] == pytest.approx(_reference(model.model, *p, sub.x, sub.y), rel=1e-12)
    np.testing.assert_allclose(g, part.grad(POINTS), rtol=1e-12, atol=1e-15)


def test_every_listed_minimum_is_a_minimum_to_full_precision(model):
    assert len(model.minima)
    assert model.minimum_note is None
    for p in model.minima:
        assert np.linalg.norm(model.grad(p)) <= 1e-12
        assert np.linalg.eigvalsh(model.hessian(p))[0] > 0


def test_the_linear_minimum_is_numpys_least_squares():
    data = builtin_dataset("noisy-line", n=500, seed=4, noise=0.3)
    model = make_model("linear", data)
    a = np.stack([data.x, np.ones(data.n)], axis=1)
    expected, *_ = np.linalg.lstsq(a, data.y, rcond=None)
    np.testing.assert_allclose(model.minima[0], expected, rtol=1e-14)
    residual = a @ expected - data.y
    assert model.value(model.minima[0]) == pytest.approx(np.mean(residual**2), rel=1e-13)


def test_the_tanh_neuron_has_a_symmetric_pair_of_minima_and_a_saddle_at_the_origin():
    model = default_model("tanh-neuron")
    first, second = model.minima[:2]
    np.testing.assert_array_equal(first, -second)
    np.testing.assert_allclose(first, [1.5, 2.0], rtol=0.1)        # the data's tanh
    assert model.value(first) == model.value(second)
    assert np.array_equal(model.grad(np.zeros(2)), np.zeros(2))
    eig = np.linalg.eigvalsh(model.hessian(np.zeros(2)))
    assert eig[0] < 0 < eig[1]


def test_separable_classes_have_no_minimum_and_say_so():
    model = make_model("logistic", builtin_dataset("two-classes", noise=0.1))
    assert len(model.minima) == 0
    assert "separable" in model.minimum_note
    one_class = Dataset(np.arange(5.0), np.ones(5), {"dataset": "x"})
    assert "one class" in make_model("logistic", one_class).minimum_note


def test_the_logistic_loss_is_finite_far_from_the_data():
    model = default_model("logistic")
    f, g = model.value_and_grad(np.array([[1e6, 1e6], [-1e6, 3e5]]))
    assert np.all(np.isfinite(f))
    assert np.all(np.isfinite(g))
    assert f[0] > 1e5                                    # badly wrong labels cost |z|


def test_logistic_refuses_labels_that_are_not_0_or_1(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("x,label\n0,1\n1,0\n2,0.5\n")
    with pytest.raises(DataError, match="line 4"):
        make_model("logistic", load_csv(path))


def test_built_in_sets_are_remade_exactly_by_their_seed():
    a = builtin_dataset("noisy-tanh", n=300, seed=7)
    b = parse_dataset_spec("noisy-tanh:n=300,seed=7")
    assert np.array_equal(a.x, b.x)
    assert np.array_equal(a.y, b.y)
    c = dataset_from_dict(a.to_dict())
    assert np.array_equal(a.y, c.y)
    assert not np.array_equal(a.y, builtin_dataset("noisy-tanh", n=300, seed=8).y)
    assert not a.x.flags.writeable


@pytest.mark.parametrize(("spec", "message"), [
    ("nope", "unknown data set"), ("noisy-line:n=0", "n must be"),
    ("noisy-line:n=1.5", "n must be"), ("noisy-line:noise=-1", "noise must be"),
    ("noisy-line:seed=x", "not a number"), ("noisy-line:size=3", "expected n=N"),
    ("noisy-line:n=3,n=4", "twice"),
])
def test_bad_data_set_specs_are_refused_with_a_reason(spec, message):
    with pytest.raises(DataError, match=message):
        parse_dataset_spec(spec)


def test_a_csv_loads_with_or_without_a_header(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("x,y\n1,2\n\n# a comment\n3.5,-4e-1\n")
    data = load_csv(path)
    assert data.x.tolist() == [1.0, 3.5]
    assert data.y.tolist() == [2.0, -0.4]
    assert data.source == {"csv": str(path), "sha256":
                           hashlib.sha256(path.read_bytes()).hexdigest()}
    assert data.lines.tolist() == [2, 5]
    assert parse_csv("1,2\n3,4").x.tolist() == [1.0, 3.0]


@pytest.mark.parametrize(("text", "message"), [
    ("x,y\n1,2\n3\n", "line 3: expected 2 columns"),
    ("1,2\n3,abc\n", "line 2: 'abc' is not a number"),
    ("1,2\n3,nan\n", "line 2: 'nan' is not a finite number"),
    ("1,2\n1,5;2\n", "line 2"),
    ("x,y,z\n1,2\n", "line 1: expected 2 columns"),
    ("x,y\n", "no samples"),
    ("1,5,2\n", "line 1: expected 2 columns"),
    ("1,2\n2,3,\n", "line 2"),
])
def test_a_malformed_csv_is_refused_with_its_line(tmp_path, text, message):
    path = tmp_path / "bad.csv"
    path.write_text(text)
    with pytest.raises(DataError, match=message):
        load_csv(path)


def test_a_changed_or_missing_file_is_refused(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("1,2\n2,3\n")
    saved = make_model("linear", load_csv(path)).to_dict()
    assert model_from_dict(saved).data.n == 2
    path.write_text("1,2\n2,4\n")
    with pytest.raises(DataError, match="changed"):
        model_from_dict(saved)
    path.unlink()
    with pytest.raises(DataError, match="cannot read"):
        model_from_dict(saved)
    path.write_bytes(b"\xff\xfe1,2")
    with pytest.raises(DataError, match="not a text file"):
        load_csv(path)


def test_a_million_samples_load_and_evaluate(tmp_path):
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, 1_000_000)
    y = 0.5 * x - 0.25 + 0.1 * rng.standard_normal(len(x))
    path = tmp_path / "big.csv"
    path.write_text("\n".join(f"{a!r},{b!r}" for a, b in zip(x.tolist(), y.tolist(), strict=False)))
    data = load_csv(path)
    assert data.n == 1_000_000
    assert np.array_equal(data.x, x)
    model = make_model("linear", data)
    np.testing.assert_allclose(model.minima[0], [0.5, -0.25], atol=1e-3)
    tanh = make_model("tanh-neuron", data)
    f, g = tanh.value_and_grad(np.array([[0.5, 1.0], [1.0, 0.5]]))
    assert np.all(np.isfinite(f))
    assert np.all(np.isfinite(g))


def test_the_contour_grid_is_exact_while_cheap_and_close_when_interpolated(monkeypatch):
    model = default_model("tanh-neuron")
    xs, ys = np.linspace(-3, 3, 41), np.linspace(-2, 2, 31)
    grid = np.stack(np.meshgrid(xs, ys), axis=-1)
    assert np.array_equal(model.surface_grid(xs, ys), model.value(grid))
    assert model.surface_note is None
    monkeypatch.setattr(model_module, "SURFACE_BUDGET", 41 * 31 * model.data.n // 2)
    monkeypatch.setattr(model_module, "SURFACE_MIN_SIDE", 8)
    coarse = model.surface_grid(xs, ys)
    assert coarse.shape == (31, 41)
    assert model.surface_note is None
    np.testing.assert_allclose(coarse, model.value(grid), rtol=0.05, atol=0.05)
    monkeypatch.setattr(model_module, "SURFACE_MIN_SIDE", 32)   # now a subset of the samples
    assert "contours from 62 of the 100 samples" in model.surface_note
    np.testing.assert_allclose(model.surface_grid(xs, ys), model.value(grid), rtol=0.3, atol=0.3)


def test_models_and_data_sets_name_themselves():
    model = default_model("linear")
    assert model.model == "linear"
    assert model.n_samples == 100
    assert "noisy-line" in model.title
    assert model.data.describe() == "noisy-line (n=100, seed=0, noise=0.5)"
    assert parse_dataset_spec(model.data.spec()).n == 100
    assert model_from_dict(model.to_dict()).key() == model.key()
    with pytest.raises(DataError, match="unknown model"):
        make_model("quadratic", model.data)


def test_the_explanation_names_the_models_parameters():
    from beale_gui.core.engine import OptimizerConfig, run
    from beale_gui.core.explain import explain

    model = default_model("logistic")
    result = run(model, OptimizerConfig("adam"), np.array([[0.3, 0.2]]), max_steps=20,
                 record_state=True)
    first = explain(result, 0, 5).lines[0]
    assert first.numbers[0].startswith("∂f/∂p<sub>1</sub>(")
    assert "∂f/∂p<sub>2</sub>" in explain(result, 0, 0).lines[1].formula


def test_models_promise_finite_values_far_beyond_the_engines_bound():
    from beale_gui.core.engine import DIVERGENCE_BOUND

    for kind in KINDS:
        model = default_model(kind)
        assert model.value_finite_within >= DIVERGENCE_BOUND
        edge = model.value_finite_within
        corners = np.array([[edge, edge], [-edge, edge], [edge, -edge], [-edge, -edge]])
        f, g = model.value_and_grad(corners)
        assert np.all(np.isfinite(f))
        assert np.all(np.abs(g) <= 1e150)
        fb, gb = model.sample_value_and_grad(corners, np.arange(5))
        assert np.all(np.isfinite(fb))
        assert np.all(np.abs(gb) <= 1e150)


def test_the_view_of_separable_classes_leans_the_way_the_slope_grows():
    model = make_model("logistic", builtin_dataset("two-classes", noise=0.3))
    (x0, x1), (y0, y1) = model.bounds
    assert x0 < 0 < x1
    assert x1 > 3 * -x0                       # class 1 lies at larger x: p1 grows
    flipped = Dataset(model.data.x, 1.0 - model.data.y, {"dataset": "flipped"})
    (f0, f1), _ = make_model("logistic", flipped).bounds
    assert -f0 > 3 * f1
