"""Contours for the canvas: sampling, log levels, the colour image, isolines; and what is drawn
over them: arrows, thinned and clipped paths."""

from dataclasses import dataclass

import numpy as np
import pytest

from beale_gui.core import contours, polylines
from beale_gui.core.contours import (
    grid_shape,
    isolines,
    join_polylines,
    log_image,
    log_levels,
    log_scale,
    sample_grid,
    view_scale,
)
from beale_gui.core.functions import TestFunction
from beale_gui.core.polylines import (
    SIMPLIFY_WINDOW,
    arrow_shapes,
    segment_distances,
    simplify_polylines,
    thin_polyline,
)

try:  # the registry is written alongside this module
    from beale_gui.core.functions import FUNCTIONS
except ImportError:  # pragma: no cover - only while the registry does not exist yet
    FUNCTIONS = {}


@dataclass(frozen=True, eq=False)
class Formula(TestFunction):
    """A local test surface given as a vectorised lambda of (x, y)."""

    fn: object = None

    def _value(self, x, y):
        return self.fn(x, y) + 0.0 * x * y


def formula(name, fn, bounds=((-2.0, 2.0), (-2.0, 2.0))):
    return Formula(name, name, name, bounds, fn=fn)


BEALE = formula("beale", lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2
                + (2.625 - x + x * y**3) ** 2, ((-4.5, 4.5), (-4.5, 4.5)))
SADDLE = formula("saddle", lambda x, y: x**2 - y**2)
CAMEL = formula("six_hump_camel", lambda x, y: (4 - 2.1 * x**2 + x**4 / 3) * x**2 + x * y
                + (-4 + 4 * y**2) * y**2, ((-3.0, 3.0), (-2.0, 2.0)))
BOWL = formula("bowl", lambda x, y: (x - 0.3) ** 2 + 2 * (y + 0.2) ** 2)
CONSTANT = formula("constant", lambda x, y: 0 * x + 5.0)
OVERFLOW = formula("overflow", lambda x, y: np.exp(400 * x) + y**2)  # inf for x > ~1.77
LOCAL = [BEALE, SADDLE, CAMEL, BOWL, CONSTANT, OVERFLOW]


def assert_log_spaced(scale, n):
    levels = scale.levels
    assert levels.shape == (n,)
    assert np.isfinite(levels).all()
    assert (np.diff(levels) > 0).all()
    steps = np.diff(np.log(levels + scale.shift))
    np.testing.assert_allclose(steps, steps[0], rtol=1e-6)


def grid_of(function, n=200):
    return sample_grid(function, *function.bounds, n=n)


# -- sampling ------------------------------------------------------------------------------
def test_sample_grid_rows_follow_y():
    xs, ys, Z = sample_grid(BOWL, (-1.0, 2.0), (0.0, 3.0), n=7)
    assert xs.shape == ys.shape == (7,)
    assert Z.shape == (7, 7)
    assert (xs[0], xs[-1], ys[0], ys[-1]) == (-1.0, 2.0, 0.0, 3.0)
    j, i = 2, 5
    assert Z[j, i] == pytest.approx(BOWL.value(np.array([xs[i], ys[j]])))



def test_sample_grid_spans_ranges_wider_than_the_largest_float():
    xs, ys, Z = sample_grid(BOWL, (-1e308, 1e308), (-1.0, 1.0), n=5)
    np.testing.assert_array_equal(xs, [-1e308, -5e307, 0.0, 5e307, 1e308])
    np.testing.assert_array_equal(ys, np.linspace(-1.0, 1.0, 5))
    assert Z.shape == (5, 5)


# -- levels and image ----------------------------------------------------------------------
@pytest.mark.parametrize("function", LOCAL, ids=lambda f: f.name)
def test_levels_are_increasing_finite_and_log_spaced(function):
    _, _, Z = grid_of(function)
    scale = log_scale(Z, 20)
    assert_log_spaced(scale, 20)
    np.testing.assert_array_equal(log_levels(Z, 20), scale.levels)
    assert scale.low > 0


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_levels_for_every_registered_function(name):
    function = FUNCTIONS[name]
    xs, ys, Z = grid_of(function)
    scale = log_scale(Z, 20)
    assert_log_spaced(scale, 20)
    image = log_image(Z, scale)
    assert np.isfinite(image).all()
    lines = isolines(xs, ys, Z, scale.levels)
    assert len(lines) == 20
    assert sum(len(line) for line in lines) > 0, "no isoline at all"


def test_negative_functions_are_shifted_to_positive():
    for function in (SADDLE, CAMEL):
        _, _, Z = grid_of(function)
        scale = log_scale(Z)
        assert scale.shift == pytest.approx(-Z.min())
        assert scale.levels[0] < 0  # levels are in units of f
        assert "f +" in scale.label
    assert log_scale(grid_of(BEALE)[2]).shift == 0.0
    assert log_scale(grid_of(BEALE)[2]).label == "log\u2081\u2080 f"


def test_a_few_huge_values_do_not_set_the_top_level():
    _, _, Z = grid_of(BOWL)
    spiked = Z.copy()
    spiked.flat[:10] = 1e12
    assert log_scale(spiked).high == pytest.approx(log_scale(Z).high, rel=0.05)


def test_the_bottom_level_is_bounded_in_decades():
    _, _, Z = grid_of(BOWL)
    Z = Z * 1.0
    Z[5, 5] = 1e-300  # one near-exact zero at a minimum
    scale = log_scale(Z)
    assert np.log10(scale.high / scale.low) <= contours.MAX_DECADES + 1e-9


def test_empty_or_non_finite_values_still_give_levels():
    for Z in (np.full((4, 4), np.nan), np.zeros((0, 0)), np.zeros((5, 5))):
        scale = log_scale(Z, 7)
        assert_log_spaced(scale, 7)


def test_log_image_is_finite_and_clipped_to_the_colour_range():
    xs, ys, Z = grid_of(OVERFLOW)
    assert not np.isfinite(Z).all()
    scale = log_scale(Z)
    image = log_image(Z, scale)
    assert image.shape == Z.shape
    assert np.isfinite(image).all()
    lo, hi = scale.colour_range
    assert image.min() >= lo - 1e-12
    assert image.max() <= hi + 1e-12
    assert (image[~np.isfinite(Z)] == hi).all()  # overflow shows as the top colour


def test_log_image_with_a_fixed_scale_matches_log10():
    _, _, Z = grid_of(BOWL)
    scale = log_scale(Z)
    inside = (scale.low < Z) & (scale.high > Z)
    np.testing.assert_allclose(log_image(Z, scale)[inside], np.log10(Z[inside]))
    # without a scale one is chosen from Z itself
    np.testing.assert_array_equal(log_image(Z), log_image(Z, scale))



# Surfaces at the ends of float64, as a user can type them (literals stop at 1e100, products
# do not): a range wider than floats hold, a constant at the largest or smallest float, a
# spread far below the resolution of f near its shift.
EXTREME = {
    "spans past the largest float": lambda x, y: 1e308 * x,
    "largest constant": lambda x, y: 0 * x + 1e308,
    "negative largest constant": lambda x, y: 0 * x - 1e308,
    "below the resolution of its shift": lambda x, y: -1e16 + 1e-10 * x,
    "coarse next to its shift": lambda x, y: -1e16 + x,
    "subnormal constant": lambda x, y: 0 * x + 5e-324,
    "subnormal slope": lambda x, y: 5e-324 * x,
    "overflows everywhere": lambda x, y: 1e308 * (x + 10),
}


@pytest.mark.parametrize("name", EXTREME)
def test_surfaces_at_the_ends_of_float64_get_a_finite_scale(name):
    xs, ys, Z = sample_grid(formula(name, EXTREME[name], ((-5.0, 5.0), (-5.0, 5.0))),
                            (-5.0, 5.0), (-5.0, 5.0), n=60)
    scale = log_scale(Z, 20)          # warnings are errors here: no overflow on the way
    assert scale.levels.shape == (20,)
    assert np.isfinite(scale.levels).all()
    assert (np.diff(scale.levels) > 0).all()
    assert 0 < scale.low < scale.high < np.inf
    lo, hi = scale.colour_range
    assert np.isfinite([lo, hi]).all()
    assert lo < hi
    image = log_image(Z, scale)
    assert np.isfinite(image).all()
    assert image.min() >= lo
    assert image.max() <= hi
    assert len(isolines(xs, ys, Z, scale.levels)) == 20


def test_levels_merged_by_a_large_shift_stay_one_float_apart():
    _, _, Z = sample_grid(formula("coarse", EXTREME["coarse next to its shift"]),
                          (-5.0, 5.0), (-5.0, 5.0), n=60)
    scale = log_scale(Z, 20)
    assert scale.shift == pytest.approx(1e16)
    gaps = np.diff(scale.levels)
    assert (gaps > 0).all()
    assert gaps.min() == np.spacing(1e16)     # the finest step f has there
    # the colour range is the shifted values' own, not one rebuilt from the merged levels
    assert scale.colour_range == pytest.approx(np.log10([scale.low, scale.high]))

# -- isolines ------------------------------------------------------------------------------
def test_isolines_are_polylines_inside_the_range_on_their_level():
    xr, yr = (-1.5, 2.5), (-2.0, 1.0)
    xs, ys, Z = sample_grid(BOWL, xr, yr, n=300)
    levels = log_levels(Z, 12)
    lines = isolines(xs, ys, Z, levels)
    assert len(lines) == len(levels)
    for level, line in zip(levels, lines, strict=True):
        assert line.shape == (len(line), 2)
        pts = line[np.isfinite(line).all(axis=1)]
        assert len(pts)
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        assert lo[0] >= xr[0]
        assert hi[0] <= xr[1]
        assert lo[1] >= yr[0]
        assert hi[1] <= yr[1]
        np.testing.assert_allclose(BOWL.value(pts), level, rtol=0.02, atol=1e-3)


def test_isolines_separate_pieces_with_nan_rows():
    # x**2 - y**2 = 1 is two branches, each crossing the square once
    xs, ys, Z = sample_grid(SADDLE, (-2, 2), (-2, 2), n=101)
    (line,) = isolines(xs, ys, Z, [1.0])
    nan_rows = np.isnan(line).all(axis=1)
    assert nan_rows.sum() == 1
    assert not np.isnan(line[~nan_rows]).any()
    left, right = np.split(line, np.flatnonzero(nan_rows))
    assert len(np.unique(np.sign(left[:, 0]))) == 1
    assert len(np.unique(np.sign(right[1:, 0]))) == 1


def test_isolines_of_a_level_that_is_not_crossed_are_empty():
    xs, ys, Z = grid_of(BOWL, 50)
    (line,) = isolines(xs, ys, Z, [-1.0])
    assert line.shape == (0, 2)


def test_isolines_skip_non_finite_values():
    xs, ys, Z = grid_of(OVERFLOW, 120)
    lines = isolines(xs, ys, Z, log_levels(Z, 5))
    for line in lines:
        assert not np.isinf(line).any()


def test_join_polylines_puts_one_nan_row_between_lines():
    a, b = np.ones((3, 2)), np.zeros((2, 2))
    joined = join_polylines([a, np.empty((0, 2)), b])
    assert joined.shape == (6, 2)
    assert np.isnan(joined[3]).all()
    assert join_polylines([]).shape == (0, 2)


# -- display geometry ----------------------------------------------------------------------
def pixels_long(shapes, pixel):
    """Each drawn arrow's length on screen."""
    return np.hypot(*((shapes.tip - shapes.tail) / pixel).T)


def test_arrows_have_a_fixed_length_on_screen_along_their_vectors():
    tails = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
    vectors = np.array([[3.0, 4.0], [0.0, 0.0], [np.nan, 1.0], [-1e-9, 0.0]])
    pixel = (0.01, 0.01)
    shapes = arrow_shapes(tails, vectors, pixel, 50.0, head=10.0)
    np.testing.assert_array_equal(shapes.index, [0, 3])  # the zero and NaN vectors are skipped
    np.testing.assert_allclose(shapes.tip[0], [0.3, 0.4])  # 50 pixels of 0.01 along (3, 4)
    np.testing.assert_allclose(shapes.tip[1], [2.5, 3.0])  # a tiny vector still gets full length
    np.testing.assert_allclose(pixels_long(shapes, pixel), 50.0)
    # a 10-pixel head, 5 pixels to each side of the shaft
    np.testing.assert_allclose(np.hypot(*((shapes.tip - shapes.base) / pixel).T), 10.0)
    np.testing.assert_allclose(np.hypot(*((shapes.left - shapes.right) / pixel).T), 10.0)
    assert arrow_shapes(tails[:1], np.zeros((1, 2)), pixel, 1.0).index.shape == (0,)
    assert arrow_shapes(tails, vectors, (0.0, 0.01), 50.0).index.shape == (0,)  # no view yet


def test_arrows_keep_their_screen_size_and_direction_on_a_stretched_view():
    pixel = np.array([0.02, 0.005])   # x and y drawn at different scales
    shapes = arrow_shapes(np.zeros((2, 2)), np.array([[1.0, 1.0], [0.0, -3.0]]), pixel, 40.0)
    np.testing.assert_allclose(pixels_long(shapes, pixel), 40.0)
    on_screen = (shapes.tip - shapes.tail) / pixel
    assert on_screen[0, 1] / on_screen[0, 0] == pytest.approx(4.0)   # (1, 1) at 1:4 pixels
    assert on_screen[1, 0] == pytest.approx(0.0)
    ring = shapes.outline(2.5)
    assert ring.shape == (2, 8, 2)
    np.testing.assert_allclose(ring[:, 0], ring[:, -1])
    np.testing.assert_allclose(np.hypot(*((ring[:, 0] - ring[:, 6]) / pixel).T), 5.0)


def test_arrow_lengths_on_a_log_scale_hide_tiny_vectors():
    tails = np.zeros((4, 2))
    vectors = np.array([[2.0, 0.0], [0.0, -0.2], [2e-4, 0.0], [0.0, 2e-2]])
    shapes = arrow_shapes(tails, vectors, (0.1, 0.1), 10.0, decades=3)
    np.testing.assert_array_equal(shapes.index, [0, 1, 3])  # 2e-4 is 10,000 times smaller
    np.testing.assert_allclose(shapes.tip, [[1.0, 0.0], [0.0, -0.75], [0.0, 0.5]])


# -- the grid and colour scale of one view -------------------------------------------------
def test_the_grid_has_a_sample_per_pixel_within_bounds():
    assert grid_shape((800, 390), 400) == (800, 400)
    assert grid_shape((200, 100), 400) == (400, 400)
    nx, ny = grid_shape((3000, 1500), 400, max_samples=640_000)
    assert nx * ny <= 640_000 * 1.01
    assert nx / ny == pytest.approx(2.0, rel=0.01)
    assert grid_shape((np.nan, 0.0), 3) == (3, 3)


def test_sample_grid_takes_a_shape_per_axis():
    xs, ys, Z = sample_grid(BOWL, (-1.0, 1.0), (0.0, 1.0), (5, 3))
    assert (xs.shape, ys.shape, Z.shape) == ((5,), (3,), (3, 5))


def test_a_view_scale_follows_the_values_it_is_made_from():
    _, _, wide = sample_grid(BEALE, (-4.5, 4.5), (-4.5, 4.5), 200)
    _, _, near = sample_grid(BEALE, (2.5, 3.5), (0.2, 0.8), 200)
    assert view_scale(near).high < view_scale(wide).high / 100
    same, plain = view_scale(wide), log_scale(wide)    # a view spanning decades: log f as ever
    assert (same.shift, same.low, same.high) == (plain.shift, plain.low, plain.high)


def test_a_deep_view_keeps_at_least_a_decade_of_colour():
    # far from the minimum, zoomed to 1e-4: f varies by ~1e-5 of its value
    _, _, Z = sample_grid(BEALE, (-2.0, -2.0 + 1e-4), (2.0, 2.0 + 1e-4), 100)
    assert log_scale(Z).decades < 0.01                  # plain log f: one flat colour
    scale = view_scale(Z)
    assert scale.decades >= 1.0
    assert scale.shift < 0
    assert "\u2212" in scale.label
    image = scale.image(Z)
    assert np.mean(image >= scale.colour_range[1] - 1e-9) < 0.02
    assert len(np.unique(np.round(image, 3))) > 50
    levels = scale.levels
    assert (levels > Z.min()).sum() >= len(levels) - 1
    assert (levels < Z.max()).all()


@pytest.mark.parametrize("function", [CONSTANT, OVERFLOW, SADDLE])
def test_view_scales_of_hostile_surfaces_are_valid(function):
    _, _, Z = sample_grid(function, *function.bounds, 50)
    scale = view_scale(Z)
    assert 0 < scale.low < scale.high < np.inf
    assert (np.diff(scale.levels) > 0).all()


def test_thinning_stays_within_one_cell_and_keeps_the_ends_of_big_moves():
    t = np.linspace(0, 1, 10_001)
    path = np.stack([t, t**2], axis=1)
    keep = thin_polyline(path, (0.01, 0.01))
    assert keep[0] == 0
    assert (np.diff(keep) > 0).all()
    assert 100 <= len(keep) <= 300
    # every dropped point shares a cell with the last kept point before it
    last = keep[np.searchsorted(keep, np.arange(len(path)), side="right") - 1]
    assert (np.abs(path - path[last]) < 0.01 + 1e-12).all()
    coarse = np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]])
    np.testing.assert_array_equal(thin_polyline(coarse, (0.1, 0.1)), [0, 1, 2])
    np.testing.assert_array_equal(thin_polyline(path[:50], (0.0, 0.0)), np.arange(50))



def _farthest_from(path: np.ndarray, line: np.ndarray) -> float:
    """The largest distance from a point of ``path`` to the polyline ``line``."""
    a, ab = line[:-1], np.diff(line, axis=0)
    r = path[:, None, :] - a[None]
    dd = np.maximum((ab * ab).sum(axis=1), 1e-300)
    t = np.clip((r * ab[None]).sum(axis=2) / dd, 0.0, 1.0)
    return float(np.sqrt(((r - t[..., None] * ab[None]) ** 2).sum(axis=2).min(axis=1)).max())


def test_simplified_paths_keep_their_shape_within_a_cell_or_two_with_far_fewer_points():
    rng = np.random.default_rng(3)
    t = np.linspace(0, 1, 2_001)
    spiral = np.stack([np.cos(30 * t) * (1 - t), np.sin(30 * t) * (1 - t)], axis=1)
    walk = np.cumsum(rng.normal(scale=0.003, size=(3_000, 2)), axis=0)
    # an overshoot that doubles back along its own line: the turns are what a reader looks for
    back = np.concatenate([np.linspace([0, 0], [1, 0], 500), np.linspace([1, 0], [0.4, 0], 300),
                           np.linspace([0.4, 0], [0.8, 0], 200)])
    paths = [spiral, walk, back, np.zeros((0, 2)), np.array([[0.5, 0.5]]), spiral[:2]]
    cell = (0.002, 0.001)                      # cells need not be square
    keeps = simplify_polylines(paths, cell)
    for path, keep in zip(paths, keeps, strict=True):
        assert np.isin(keep, thin_polyline(path, cell)).all()   # a subset of the thinned points
        assert (np.diff(keep) > 0).all()
        if len(path):
            assert keep[0] == 0
            assert keep[-1] == len(path) - 1
        if len(path) > 2:
            # within the thinning's cell and the simplification's half cell, in cells
            assert _farthest_from(path / cell, path[keep] / cell) <= 2.0
        # each path as it would be alone
        np.testing.assert_array_equal(keep, simplify_polylines([path], cell)[0])
    spiral_keep, walk_keep, back_keep = keeps[:3]
    assert len(spiral_keep) < len(thin_polyline(spiral, cell)) / 4
    assert {499, 799} <= set(back_keep.tolist())             # both turns
    # a straight line keeps a point a window of thinned points, no more
    line = np.linspace([0.0, 0.0], [1.0, 0.5], 5_000)
    assert len(simplify_polylines([line], cell)[0]) <= 2 + len(thin_polyline(line, cell)) // (
        SIMPLIFY_WINDOW - 1)
    # no resolution: every point
    np.testing.assert_array_equal(simplify_polylines([walk], (0.0, 0.0))[0], np.arange(3_000))


# -- paths cut to a box around the view --------------------------------------------------------
BOX = (-5.0, 5.0, -5.0, 5.0)


def test_a_path_inside_the_box_is_left_as_it_is():
    xy = np.array([[0.0, 0.0], [1.0, 1.0], [4.9, -4.9]])
    np.testing.assert_array_equal(polylines.clip_polyline(xy, BOX), xy)


def test_a_diverging_segment_ends_on_the_box_and_what_is_inside_is_exact():
    # out to 1e10 and back: cut where it leaves and where it comes back, a gap between
    xy = np.array([[0.0, 0.0], [1.0, 1.0], [1e10, -1e10], [0.5, 0.5], [0.2, 0.1]])
    out = polylines.clip_polyline(xy, BOX)
    gap = np.flatnonzero(np.isnan(out[:, 0]))
    assert len(gap) == 1
    before, after = out[:gap[0]], out[gap[0] + 1:]
    np.testing.assert_array_equal(before[:2], xy[:2])
    np.testing.assert_allclose(before[2], [5.0, -3.0], rtol=1e-9)       # on the edge x = 5
    np.testing.assert_allclose(after[0], [5.0, -4.0], rtol=1e-9)
    np.testing.assert_array_equal(after[1:], xy[3:])
    finite = out[np.isfinite(out[:, 0])]
    assert (np.abs(finite) <= 5.0 + 1e-12).all()


def test_a_segment_crossing_the_box_is_kept_and_one_outside_dropped():
    across = polylines.clip_polyline(np.array([[-10.0, 0.0], [10.0, 0.0], [10.0, 20.0]]), BOX)
    np.testing.assert_array_equal(across, [[-5.0, 0.0], [5.0, 0.0]])
    assert polylines.clip_polyline(np.array([[10.0, 10.0], [20.0, 20.0]]), BOX).shape == (0, 2)
    assert polylines.clip_polyline(np.array([[10.0, 0.0], [10.0, 3.0]]), BOX).shape == (0, 2)


def test_segment_distances_measure_to_the_nearest_point_of_each_segment():
    line = np.array([[0.0, 0.0], [2.0, 0.0], [2.0, 0.0], [2.0, 3.0]])
    np.testing.assert_allclose(segment_distances(line, (1.0, 1.0)), [1.0, np.hypot(1, 1), 1.0])
    np.testing.assert_allclose(segment_distances(line, (-3.0, 4.0)),   # beyond an end
                               [5.0, np.hypot(5, 4), np.hypot(5, 1)])
