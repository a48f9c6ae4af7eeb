"""The comparison figure: ComparePlot's signals, and the figure drawn offscreen (PNG, SVG)."""

import xml.dom.minidom

import numpy as np
import pytest
from PySide6.QtCore import Qt

from beale_gui.core.compare import Protocol, run_comparison
from beale_gui.core.engine import OptimizerConfig
from beale_gui.core.functions import get_function
from beale_gui.gui.render.compare import CompareFigure
from beale_gui.gui.render.svg import svg_bytes
from beale_gui.gui.views.compare_plot import OUTCOME_COLOURS, ComparePlot
from tests.gui.helpers import shown


@pytest.fixture(scope="module")
def comparison():
    protocol = Protocol(get_function("rosenbrock"), (OptimizerConfig("momentum"),
                                                     OptimizerConfig("adam")),
                        budget=4, tuning_starts=4, evaluation_starts=30, max_steps=300, seed=1,
                        tol=1e-3)
    return run_comparison(protocol)


def test_clicking_a_start_or_a_curve_says_which(qtbot, comparison):
    plot = shown(qtbot, ComparePlot(), (900, 600))
    plot.set_comparison(comparison, ["#56B4E9", "#D55E00"])
    assert len(plot.curves) == 2
    assert len(plot.maps) == 2
    viewport = plot.layout_widget.viewport()
    start = 5
    with qtbot.waitSignal(plot.start_clicked) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=plot.start_widget_pos(1, start))
    x, y = comparison.evaluation_starts[start]
    assert blocker.args == pytest.approx([x, y], abs=0.05)
    # the nearest start within the pick radius is the one clicked, exactly
    assert tuple(blocker.args) in {tuple(p) for p in comparison.evaluation_starts}
    with qtbot.waitSignal(plot.optimizer_clicked) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=plot.curve_widget_pos(1))
    assert blocker.args == [1]
    assert plot.selected == 1


def test_the_offscreen_figure_shows_curves_maps_and_outcomes(comparison):
    with CompareFigure(comparison, (800, 600)) as figure:
        pixels = figure.array()
        svg = svg_bytes(figure)
    assert pixels.shape == (600, 800, 3)
    colours = {tuple(int(OUTCOME_COLOURS[k][i:i + 2], 16) for i in (1, 3, 5))
               for k in OUTCOME_COLOURS}
    flat = pixels.reshape(-1, 3)
    present = {c for c in colours if (np.abs(flat - c).sum(axis=1) < 30).any()}
    shares = [o.success() for o in comparison.outcomes]
    expected = {k for s in shares for k, v in s.items() if v > 0}
    assert len(present) >= len(expected) - 1     # outcome colours are drawn (a rare one may
    # be hidden under others)
    adam = (0xD5, 0x5E, 0x00)
    assert (np.abs(flat - adam).sum(axis=1) < 30).sum() > 50    # Adam's curve and frame
    text = svg.decode()
    xml.dom.minidom.parseString(svg)
    assert "steps" in text
    assert "Adam" in text


def test_in_the_window_long_labels_wrap_and_no_empty_legend_shows(qtbot, comparison):
    plot = shown(qtbot, ComparePlot(), (420, 300))
    assert not plot.legend.isVisible()          # no empty box before a comparison
    plot.set_comparison(comparison)
    assert plot.legend.isVisible()
    one_line = plot._title.item.boundingRect().height()
    # the note's two lines wrap into more, each within the widget rather than clipped
    assert plot._note.item.boundingRect().width() <= plot.width()
    assert plot._note.item.boundingRect().height() > 2 * one_line


def test_a_compact_plot_names_the_optimizers_only(qtbot, comparison):
    def legend(plot):
        return [label.text for _, label in plot.legend.items]

    full = shown(qtbot, ComparePlot(), (900, 600))
    full.set_comparison(comparison)
    compact = shown(qtbot, ComparePlot(compact=True), (900, 600))
    compact.set_comparison(comparison)
    for long, short, outcome in zip(legend(full), legend(compact), comparison.outcomes,
                                    strict=True):
        assert long.startswith(outcome.config.title())        # with its tuned values
        assert short.startswith(outcome.config.spec.title + ":")   # its name only
        assert long.endswith(short.split(":", 1)[1])          # the same success


def test_a_compact_plot_shows_its_legend_only_where_it_leaves_the_curves_in_sight(
        qtbot, comparison):
    small = shown(qtbot, ComparePlot(compact=True), (560, 240))
    small.set_comparison(comparison)
    qtbot.waitUntil(lambda: not small.legend.isVisible())
    small.resize(1400, 900)
    qtbot.waitUntil(small.legend.isVisible)
    full = shown(qtbot, ComparePlot(), (560, 240))     # a figure names them at any size
    full.set_comparison(comparison)
    assert full.legend.isVisible()
