"""The test surfaces: exact gradients, terms, known minima, shapes and the registry.

Parametrised over the registry, so a function added there is checked here without a line more.
"""

import numpy as np
import pytest

from beale_gui.core.functions import FUNCTIONS, SumOfSquares, TestFunction, get_function

ALL = list(FUNCTIONS.values())
WITH_TERMS = [f for f in ALL if f.n_terms]
MINIMA = [(f, i) for f in ALL for i in range(len(f.minima))]
MINIMA_IDS = [f"{f.name}-{i}" for f, i in MINIMA]
# Functions with minima within a grid step of the view's edge (at +-4.97 of Rastrigin's +-5.12,
# +-4.99 of Ackley's +-5): the complete-list test looks at a grid a little beyond the view.
EDGE_MINIMA = {"rastrigin", "ackley"}
ANGLES = np.arange(8) * np.pi / 4
EIGHT_DIRECTIONS = np.stack([np.cos(ANGLES), np.sin(ANGLES)], axis=-1)  # unit vectors


def by_name(functions):
    return pytest.mark.parametrize("fn", functions, ids=[f.name for f in functions])


def points_inside(fn, n, seed=0):
    """``n`` uniform random points inside the 98 % middle of the function's view, shape (n, 2)."""
    (x0, x1), (y0, y1) = fn.bounds
    rng = np.random.default_rng(seed)
    u = rng.uniform(0.01, 0.99, (n, 2))
    return np.stack([x0 + u[:, 0] * (x1 - x0), y0 + u[:, 1] * (y1 - y0)], axis=-1)


def hessian(fn, p, h=1e-6):
    """Central differences of the exact gradient, shape (..., 2, 2)."""
    return np.stack([(fn.grad(p + h * e) - fn.grad(p - h * e)) / (2 * h) for e in np.eye(2)],
                    axis=-1)


def seed_f(x, y):
    """The seed's Beale function, copied verbatim."""
    return (1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 -x+x*y**3)**2


def seed_gradients(x, y):
    """The seed's Beale gradient, copied verbatim."""
    dx = 2. * ( (1.5 - x + x * y) * (y - 1) + \
                (2.25 - x + x * y**2) * (y**2 - 1) + \
                (2.625 - x + x * y**3) * (y**3 - 1) )
    dy = 2. * ( (1.5 - x + x * y) * x + \
              (2.25 - x + x * y**2) * 2. * x * y + \
              (2.625 - x + x * y**3) * 3. * x * y**2 )
    return dx, dy


# -- the registry ---------------------------------------------------------------------------
def test_registry_order_and_keys():
    assert next(iter(FUNCTIONS)) == "beale"
    assert len(FUNCTIONS) >= 11
    for key, fn in FUNCTIONS.items():
        assert isinstance(fn, TestFunction)
        assert fn.name == key
        assert fn.title
        assert fn.formula


@by_name(ALL)
def test_bounds_and_minima_are_well_formed(fn):
    (x0, x1), (y0, y1) = fn.bounds
    assert x0 < x1
    assert y0 < y1
    assert fn.minima.dtype == np.float64
    assert fn.minima.shape == (len(fn.minima), 2)
    assert not fn.minima.flags.writeable
    inside = (fn.minima >= [x0, y0]) & (fn.minima <= [x1, y1])
    assert inside.all(), "every listed minimum lies in the default view"
    if len(fn.minima):
        values = fn.minimum_values
        assert values[0] == values.min(), "the global minimum is listed first"


@pytest.mark.parametrize("name", ["beale", "BEALE", " Beale "])
def test_get_function_ignores_case(name):
    assert get_function(name) is FUNCTIONS["beale"]


@pytest.mark.parametrize("name", ["three-hump-camel", "Three_Hump-Camel", "six-hump-camel",
                                  "goldstein-price"])
def test_get_function_takes_dash_for_underscore(name):
    assert get_function(name) is FUNCTIONS[name.strip().lower().replace("-", "_")]


@pytest.mark.parametrize("name", ["foo", "", "beale2", "beale function"])
def test_get_function_refuses_unknown_names(name):
    with pytest.raises(ValueError, match=r"^unknown function .*; choose from beale, rosenbrock, ") \
            as info:
        get_function(name)
    assert repr(name) in str(info.value)
    assert str(info.value).endswith(", ".join(FUNCTIONS))


# -- gradients --------------------------------------------------------------------------------
@by_name(ALL)
def test_gradient_matches_finite_differences(fn):
    xy = points_inside(fn, 300)
    (x0, x1), (y0, y1) = fn.bounds
    h = 1e-4 * max(x1 - x0, y1 - y0)
    fd = np.empty_like(xy)
    for axis in range(2):
        e = np.zeros(2)
        e[axis] = h
        # fourth-order central difference
        fd[:, axis] = (8 * (fn.value(xy + e) - fn.value(xy - e))
                       - (fn.value(xy + 2 * e) - fn.value(xy - 2 * e))) / (12 * h)
    g = fn.grad(xy)
    scale = np.maximum(1.0, np.linalg.norm(g, axis=-1))
    err = np.linalg.norm(g - fd, axis=-1) / scale
    worst = err.argmax()
    assert err.max() < 1e-6, f"at {xy[worst]}: grad {g[worst]}, differences {fd[worst]}"


@by_name(ALL)
def test_value_and_grad_equals_value_and_grad_apart(fn):
    xy = points_inside(fn, 200, seed=1)
    f, g = fn.value_and_grad(xy)
    # Bit for bit: the engine's losses and the canvas' values are the same numbers.
    np.testing.assert_array_equal(f, fn.value(xy))
    np.testing.assert_array_equal(g, fn.grad(xy))


# -- terms ------------------------------------------------------------------------------------
@by_name(WITH_TERMS)
def test_terms_sum_to_value_and_their_gradients_to_grad(fn):
    xy = points_inside(fn, 200, seed=2)
    terms = fn.terms(xy)
    assert terms.shape == (200, fn.n_terms)
    assert (terms >= 0).all()
    np.testing.assert_allclose(terms.sum(axis=-1), fn.value(xy), rtol=1e-12, atol=1e-12)
    term_grads = fn.term_grads(xy)
    assert term_grads.shape == (200, fn.n_terms, 2)
    g = fn.grad(xy)
    scale = np.abs(term_grads).sum(axis=-2)  # the rounding error is relative to the parts
    assert (np.abs(term_grads.sum(axis=-2) - g) <= 1e-12 * scale + 1e-300).all()


def test_sums_of_squares_have_their_terms():
    assert {f.name: f.n_terms for f in WITH_TERMS} == {
        "beale": 3, "rosenbrock": 2, "himmelblau": 2, "booth": 2}
    assert all(isinstance(f, SumOfSquares) for f in WITH_TERMS)


@by_name([f for f in ALL if not f.n_terms])
def test_functions_without_terms_say_so(fn):
    with pytest.raises(NotImplementedError, match="not a sum of terms"):
        fn.terms(np.zeros(2))


def test_sum_of_squares_derives_everything_from_residuals():
    class Shifted(SumOfSquares):
        def _residuals(self, x, y):
            return [x - 1.0, 2.0 * (y + 3.0), x * y]

        def _residual_grads(self, x, y):
            return [(1.0, 0.0), (0.0, 2.0), (y, x)]

    fn = Shifted("shifted", "Shifted", "(x - 1)² + 4(y + 3)² + x²y²", ((-5, 5), (-5, 5)))
    assert fn.n_terms == 3
    xy = np.array([[0.5, -2.0], [2.0, 1.0]])
    x, y = xy[:, 0], xy[:, 1]
    np.testing.assert_allclose(fn.value(xy), (x - 1) ** 2 + 4 * (y + 3) ** 2 + (x * y) ** 2)
    np.testing.assert_allclose(fn.grad(xy), np.stack(
        [2 * (x - 1) + 2 * x * y**2, 8 * (y + 3) + 2 * x**2 * y], axis=-1))
    np.testing.assert_allclose(fn.terms(xy), np.stack([(x - 1) ** 2, 4 * (y + 3) ** 2,
                                                       (x * y) ** 2], axis=-1))
    np.testing.assert_allclose(fn.term_grads(xy)[:, 2], np.stack([2 * x * y**2, 2 * x**2 * y],
                                                                 axis=-1))


# -- minima -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("fn", "i"), MINIMA, ids=MINIMA_IDS)
def test_each_listed_minimum_is_a_local_minimum(fn, i):
    m = fn.minima[i]
    assert np.linalg.norm(fn.grad(m)) < 1e-6
    newton_step = np.linalg.solve(hessian(fn, m), fn.grad(m))
    assert np.linalg.norm(newton_step) < 1e-10, "polished: Newton's method would not move it"
    around = m + 1e-4 * EIGHT_DIRECTIONS
    assert (fn.value(m) < fn.value(around)).all()


def _grid_minima(fn, margin=0.0):
    """Every local minimum of f on a 241 x 241 grid over the view (widened by ``margin`` of its
    size on each side), polished by Newton's method and kept where it lies in the view."""
    (x0, x1), (y0, y1) = fn.bounds
    mx, my = margin * (x1 - x0), margin * (y1 - y0)
    xs, ys = np.linspace(x0 - mx, x1 + mx, 241), np.linspace(y0 - my, y1 + my, 241)
    grid = np.stack(np.meshgrid(xs, ys, indexing="ij"), axis=-1)
    f = fn.value(grid)
    centre = f[1:-1, 1:-1]
    lower = np.ones(centre.shape, dtype=bool)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            if di or dj:
                lower &= centre < f[1 + di:f.shape[0] - 1 + di, 1 + dj:f.shape[1] - 1 + dj]
    p = grid[1:-1, 1:-1][lower]
    for _ in range(50):  # Newton's method
        hess = hessian(fn, p)
        hess = (hess + np.swapaxes(hess, -1, -2)) / 2
        p = p - np.linalg.solve(hess, fn.grad(p)[..., None])[..., 0]
    g = np.linalg.norm(fn.grad(p), axis=-1)
    positive = (np.linalg.eigvalsh(hess) > 0).all(axis=-1)
    inside = ((p >= [x0, y0]) & (p <= [x1, y1])).all(axis=-1)
    return p[(g < 1e-8) & positive & inside]


@by_name([f for f in ALL if f.name not in EDGE_MINIMA])
def test_the_list_of_minima_is_complete(fn):
    """Every local minimum of f on a grid over the view, polished by Newton's method, is listed."""
    found = _grid_minima(fn)
    assert len(found) >= len(fn.minima) > 0 or fn.name == "saddle"
    if len(found):
        assert fn.nearest_minimum(found)[1].max() < 1e-9, "a minimum in the view is missing"


@by_name([f for f in ALL if f.name in EDGE_MINIMA])
def test_the_list_of_minima_is_complete_up_to_the_edge(fn):
    """Rastrigin's and Ackley's 121 minima, one by each integer point, all listed."""
    found = _grid_minima(fn, margin=0.02)
    assert len(found) >= len(fn.minima) == 121
    assert fn.nearest_minimum(found)[1].max() < 1e-9, "a minimum in the view is missing"


@by_name(ALL)
def test_global_and_local_minima_are_told_apart(fn):
    """The global minima (the lowest f) come first; every other listed one is local."""
    mask = fn.global_mask
    values = fn.minimum_values
    assert mask.shape == (len(fn.minima),)
    if len(values):
        assert mask[0]
        assert (values[mask] - values.min() < 1e-9).all()
        assert (values[~mask] > values.min() + 1e-3).all()
        assert not mask[mask.argmin():].any() or mask.all(), "globals first"
    assert len(fn.global_minima) + len(fn.local_minima) == len(fn.minima)


@pytest.mark.parametrize(("name", "n_global", "n_local"),
                         [("beale", 1, 0), ("himmelblau", 4, 0), ("six_hump_camel", 2, 4),
                          ("three_hump_camel", 1, 2), ("goldstein_price", 1, 3),
                          ("rastrigin", 1, 120), ("ackley", 1, 120), ("saddle", 0, 0)])
def test_multi_modal_functions_list_their_local_minima(name, n_global, n_local):
    fn = get_function(name)
    assert (len(fn.global_minima), len(fn.local_minima)) == (n_global, n_local)


def test_known_minimum_values():
    assert FUNCTIONS["beale"].minimum_values.tolist() == [0.0]
    np.testing.assert_array_equal(FUNCTIONS["beale"].minima, [[3.0, 0.5]])
    assert FUNCTIONS["goldstein_price"].minimum_values[0] == 3.0
    np.testing.assert_allclose(FUNCTIONS["goldstein_price"].minimum_values, [3, 30, 84, 840],
                               rtol=1e-13)
    np.testing.assert_allclose(FUNCTIONS["himmelblau"].minimum_values, 0, atol=1e-24)
    np.testing.assert_allclose(FUNCTIONS["six_hump_camel"].minimum_values[:2],
                               -1.0316284534898774, rtol=1e-15)
    for name in ("rosenbrock", "booth", "matyas", "three_hump_camel", "rastrigin", "ackley"):
        assert FUNCTIONS[name].minimum_values[0] == 0.0, name
    assert len(FUNCTIONS["saddle"].minima) == 0
    assert len(FUNCTIONS["himmelblau"].minima) == 4
    assert len(FUNCTIONS["six_hump_camel"].minima) == 6


# -- shapes and robustness --------------------------------------------------------------------
@by_name(ALL)
@pytest.mark.parametrize("shape", [(2,), (5, 2), (3, 4, 2)], ids=str)
def test_shapes_and_vectorisation(fn, shape):
    xy = points_inside(fn, int(np.prod(shape[:-1])), seed=3).reshape(shape)
    f, g = fn.value_and_grad(xy)
    assert fn.value(xy).shape == f.shape == shape[:-1]
    assert fn.grad(xy).shape == g.shape == shape
    assert f.dtype == g.dtype == np.float64
    flat = xy.reshape(-1, 2)
    one_by_one = [fn.value_and_grad(p) for p in flat]
    np.testing.assert_array_equal(f.reshape(-1), [v for v, _ in one_by_one])
    np.testing.assert_array_equal(g.reshape(-1, 2), [d for _, d in one_by_one])
    if fn.n_terms:
        assert fn.terms(xy).shape == (*shape[:-1], fn.n_terms)
        assert fn.term_grads(xy).shape == (*shape[:-1], fn.n_terms, 2)


@by_name(ALL)
def test_lists_and_integers_are_accepted(fn):
    assert fn.value([1, 2]) == fn.value(np.array([1.0, 2.0]))
    with pytest.raises(ValueError, match="shape"):
        fn.value(np.zeros((4, 3)))


@by_name(ALL)
def test_extreme_inputs_never_warn(fn):
    # pytest turns warnings into errors: overflow, inf - inf and nan must pass silently.
    xy = np.array([[1e200, -1e200], [np.inf, 0.0], [np.nan, 1.0], [-np.inf, np.inf], [0.0, 0.0]])
    f, g = fn.value_and_grad(xy)
    fn.value(xy)
    fn.grad(xy)
    if fn.n_terms:
        fn.terms(xy)
        fn.term_grads(xy)
    assert np.isfinite(f[-1])
    assert np.isfinite(g[-1]).all()


# -- Beale as the seed computed it; Ackley's cone tip -----------------------------------------
def _beale_scales(x, y):
    """The size of what each of the seed's sums adds up, before cancellation: rounding error
    is relative to these, not to the (possibly tiny) sums."""
    size = [abs(c) + abs(x) + abs(x * y**i) for i, c in ((1, 1.5), (2, 2.25), (3, 2.625))]
    f = sum(m * m for m in size)
    gx = 2 * sum(m * (abs(y) ** i + 1) for i, m in enumerate(size, 1))
    gy = 2 * sum(m * i * abs(x) * abs(y) ** (i - 1) for i, m in enumerate(size, 1))
    return f, gx, gy


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_beale_agrees_with_the_seeds_arithmetic(seed):
    """The seed computed Beale one point at a time in Python floats; ours (rewritten with
    fewer operations) agrees to a few units in the last place of what the sums add up."""
    beale = FUNCTIONS["beale"]
    rng = np.random.default_rng(seed)
    xy = np.concatenate([rng.uniform(-4.5, 4.5, (2000, 2)), rng.normal(0, 1e3, (100, 2)),
                         [[0.7, 1.4], [3.0, 0.5], [-2.0, -1.5]]])
    f, g = beale.value_and_grad(xy)
    np.testing.assert_array_equal(beale.value(xy), f)
    np.testing.assert_array_equal(beale.grad(xy), g)
    for (x, y), fi, gi in zip(xy.tolist(), f.tolist(), g.tolist(), strict=True):
        scale_f, scale_gx, scale_gy = _beale_scales(x, y)
        dx, dy = seed_gradients(x, y)
        assert abs(fi - seed_f(x, y)) <= 1e-14 * scale_f
        assert abs(gi[0] - dx) <= 1e-14 * scale_gx
        assert abs(gi[1] - dy) <= 1e-14 * scale_gy
    for p in xy[:200]:  # one point at a time, (2,) in: the same numbers as in a batch
        f1, g1 = beale.value_and_grad(p)
        assert f1 == beale.value(p[None])[0]
        np.testing.assert_array_equal(g1, beale.grad(p[None])[0])
    assert beale.value([3.0, 0.5]) == 0.0
    np.testing.assert_array_equal(beale.grad([3.0, 0.5]), [0.0, 0.0])


def test_beale_at_the_seeds_start():
    f, g = FUNCTIONS["beale"].value_and_grad([0.7, 1.4])
    assert f"{f:.6f}" == "26.496662"  # the seed's "steps:0 z:26.496662"
    np.testing.assert_allclose(g, seed_gradients(0.7, 1.4), rtol=1e-15)


def test_ackley_gradient_at_the_origin_is_zero_not_nan():
    ackley = FUNCTIONS["ackley"]
    f, g = ackley.value_and_grad(np.zeros(2))
    assert f == 0.0
    assert g.tolist() == [0.0, 0.0]
    assert ackley.grad(np.zeros((3, 2))).tolist() == [[0.0, 0.0]] * 3
    tiny = ackley.grad(np.array([[5e-324, 0.0], [0.0, -1e-300], [1e-200, 1e-200]]))
    assert np.isfinite(tiny).all()
    # Near the tip the cone's slope, 2 sqrt(2), dominates: the gradient points away from it.
    np.testing.assert_allclose(np.linalg.norm(tiny, axis=-1), 2 * np.sqrt(2), rtol=1e-9)
