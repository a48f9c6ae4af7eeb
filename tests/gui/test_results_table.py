"""The results table across results: rows and values of each result, at the step asked for, and
the fixed columns fitted to their contents."""

import numpy as np
import pytest

from beale_gui.core.engine import OptimizerConfig, run
from beale_gui.core.functions import get_function
from beale_gui.core.playhead import state_at
from beale_gui.gui.views.results_table import EVALS_COLUMN, ResultsTable, header_text

from .helpers import shown

GD = OptimizerConfig("gd", {"lr": 0.001})
ADAM = OptimizerConfig("adam", {"lr": 0.05})
COLOURS = ["#E69F00", "#0072B2"]


def result_of(starts):
    return run(get_function("beale"), [GD, ADAM], starts, max_steps=100, tol=0.0, record=True,
               record_state=True)


@pytest.fixture
def table(qtbot):
    return shown(qtbot, ResultsTable(), (900, 300))


def shown_values(table) -> np.ndarray:
    st = state_at(table.model.result(), table.model.step)
    return np.column_stack([st["xy"], st["loss"], st["grad_norm"], st["distance"],
                            st["evals"], st["effective_lr"]])


def test_a_result_starts_at_the_step_given(table):
    result = result_of([(1.0, 1.5)])
    table.set_result(result, ["GD", "Adam"], COLOURS, step=60)
    assert table.model.step == 60
    np.testing.assert_array_equal(table.model.values(), shown_values(table))
    table.set_step(60)      # the playhead arriving at the same step
    assert table.model.step == 60
    table.flush()
    table.set_step(10)
    table.flush()
    assert table.model.step == 10
    np.testing.assert_array_equal(table.model.values(), shown_values(table))


def test_rows_follow_each_result(table):
    table.set_result(result_of([(1.0, 1.5), (-2.0, 2.0)]), ["GD", "Adam"] * 2, COLOURS * 2)
    assert table.model.rowCount() == 4
    table.set_result(result_of([(1.0, 1.5)]), ["GD", "Adam"], COLOURS)
    assert table.model.rowCount() == 2
    assert table.model.index(1, 0).data() == "Adam"
    assert table.model.index(1, 1).data() == "(1, 1.5)"
    table.clear()
    assert table.model.rowCount() == 0


def test_columns_fit_each_result_even_after_a_manual_resize(table):
    result = result_of([(1.0, 1.5)])
    table.set_result(result, ["GD", "Adam"], COLOURS)
    fitted = [table.view.columnWidth(c) for c in range(3)]
    table.set_result(result, ["GD", "Adam"], COLOURS)
    assert [table.view.columnWidth(c) for c in range(3)] == fitted
    table.view.setColumnWidth(0, 5)            # the user narrows a column
    table.set_result(result, ["GD", "Adam"], COLOURS)
    assert [table.view.columnWidth(c) for c in range(3)] == fitted
    table.set_result(result, ["Gradient descent (lr=0.001)", "Adam"], COLOURS)
    assert table.view.columnWidth(0) > fitted[0]


def test_the_evaluations_column_is_shown_only_where_a_line_search_made_more(table):
    """One evaluation a step (every first-order optimizer, Newton's method): the column would
    only repeat the step, so it stays hidden; its cells are whole numbers."""
    result = run(get_function("rosenbrock"), [OptimizerConfig("newton"), OptimizerConfig("gd")],
                 [(-1.5, 2.0)], max_steps=40, tol=1e-9)
    table.set_result(result, ["Newton", "GD"], COLOURS, step=5)
    assert table.view.isColumnHidden(EVALS_COLUMN)
    assert header_text(EVALS_COLUMN) == "f evals"
    assert table.model.data(table.model.index(0, EVALS_COLUMN)) == "6"
    table.set_step(40)
    table.flush()
    stop = int(result.stop_step[0])
    assert table.model.data(table.model.index(0, EVALS_COLUMN)) == str(stop + 1)


def test_the_evaluations_column_shows_a_line_searchs_count(table):
    result = run(get_function("rosenbrock"),
                 [OptimizerConfig("lbfgs", {"line_search": 1}), OptimizerConfig("adam")],
                 [(-1.5, 2.0)], max_steps=60, tol=1e-12)
    table.set_result(result, ["L-BFGS", "Adam"], COLOURS, step=20)
    assert not table.view.isColumnHidden(EVALS_COLUMN)
    evals = result.evals_of(0)
    assert evals[20] > 21                                      # more than one a step
    assert table.model.data(table.model.index(0, EVALS_COLUMN)) == str(evals[20])
    assert table.model.data(table.model.index(1, EVALS_COLUMN)) == "21"
    table.set_result(run(get_function("rosenbrock"), OptimizerConfig("gd"), [(-1.5, 2.0)],
                         max_steps=5), ["GD"], COLOURS[:1])
    assert table.view.isColumnHidden(EVALS_COLUMN)
