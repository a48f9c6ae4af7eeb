"""Where the canvas's legend goes (core.view_ranges.emptiest_spot): the first spot that covers
no point and no segment of a path, in pixels of the view."""

import numpy as np

from beale_gui.core.view_ranges import emptiest_spot

EXTENT = ((0.0, 10.0), (0.0, 10.0))   # data units; the view is 500 x 500 pixels
VIEW, BOX = (500.0, 500.0), (100.0, 60.0)


def test_an_empty_view_puts_the_legend_top_left():
    assert emptiest_spot(np.zeros((0, 2)), EXTENT, VIEW, BOX) == ("top-left", 0)


def test_a_point_in_the_top_left_corner_sends_it_top_right():
    points = np.array([[0.5, 9.5]])   # near the top left (y up in data, down on screen)
    assert emptiest_spot(points, EXTENT, VIEW, BOX) == ("top-right", 0)


def test_a_segment_across_a_corner_counts_though_its_ends_are_far_outside():
    # one jump from far below left to far above: it crosses the top-left corner, no vertex near
    jump = np.array([[-5.0, 4.6], [5.0, 14.6]])     # crosses x in [0, 3], y near 9.6..10
    assert emptiest_spot(np.zeros((0, 2)), EXTENT, VIEW, BOX, paths=[jump])[0] != "top-left"
    # as points alone (its two vertices, both outside the view) it would have gone there
    assert emptiest_spot(jump, EXTENT, VIEW, BOX) == ("top-left", 0)


def test_when_every_spot_is_covered_it_says_how_little_the_best_covers():
    zigzag = np.array([[x, 10.0 * (i % 2)] for i, x in enumerate(np.linspace(0, 10, 41))])
    spot, covered = emptiest_spot(np.zeros((0, 2)), EXTENT, VIEW, BOX, paths=[zigzag])
    assert covered == 1   # one path, counted once wherever it crosses
    assert spot == "top-left"
