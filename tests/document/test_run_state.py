"""The run state: a result with the entries it was computed for, and the playhead."""

import numpy as np
import pytest

from beale_gui.core.engine import run
from beale_gui.core.functions import get_function
from beale_gui.document import OptimizerEntry, RunState, default_entries


@pytest.fixture(scope="module")
def shown():
    entries = default_entries()[:2]
    result = run(get_function("beale"), [e.config for e in entries],
                 np.array([[0.7, 1.4], [2.0, -1.0]]), max_steps=20, record=True)
    return result, entries


def _listen(state: RunState) -> dict[str, list]:
    log = {"result_changed": [], "step_changed": []}
    for name, calls in log.items():
        getattr(state.events, name).connect(lambda *a, calls=calls: calls.append(a))
    return log


def test_a_result_comes_with_its_entries_colours_and_step(shown):
    result, entries = shown
    state = RunState()
    log = _listen(state)
    state.set_result(result, entries, "x", step=result.n_steps)
    assert log == {"result_changed": [(result,)], "step_changed": []}
    assert state.result is result
    assert state.entries == tuple(entries)
    assert state.expression == "x"
    assert state.step == result.n_steps
    assert state.config_colours() == [e.colour for e in entries]
    assert state.run_colours() == [entries[c].colour for c in result.config_index]


def test_the_step_is_announced_once_per_change(shown):
    result, entries = shown
    state = RunState()
    state.set_result(result, entries)
    log = _listen(state)
    state.set_step(3)
    state.set_step(3)
    state.set_step(-2)
    assert log["step_changed"] == [(3,), (0,)]
    assert log["result_changed"] == []


def test_clearing_announces_once_and_forgets_everything(shown):
    result, entries = shown
    state = RunState()
    log = _listen(state)
    state.clear()
    assert log["result_changed"] == []
    state.set_result(result, entries, step=4)
    state.clear()
    state.clear()
    assert log["result_changed"] == [(result,), (None,)]
    assert (state.result, state.entries, state.expression, state.step) == (None, (), None, 0)
    assert state.run_colours() == []


def test_entries_must_match_the_configurations(shown):
    result, entries = shown
    with pytest.raises(ValueError, match="2 configurations"):
        RunState().set_result(result, entries[:1])
    assert isinstance(entries[0], OptimizerEntry)


# -- the selected run --------------------------------------------------------------------------
def _runs(entries, starts):
    return run(get_function("beale"), [e.config for e in entries], np.array(starts),
               max_steps=5, record=True)


def _selection_log(state: RunState) -> list:
    calls = []
    state.events.selection_changed.connect(lambda *a: calls.append(a))
    return calls


def test_a_result_selects_its_first_run_and_none_without_one(shown):
    result, entries = shown
    state = RunState()
    assert state.selected_run is None
    state.select(1)                      # nothing to select
    assert state.selected_run is None
    state.set_result(result, entries)
    assert state.selected_run == 0
    state.clear()
    assert state.selected_run is None


def test_selecting_a_run_is_announced_once_per_change(shown):
    result, entries = shown
    state = RunState()
    state.set_result(result, entries)
    calls = _selection_log(state)
    state.select(3)
    state.select(3)
    state.select(0)
    assert calls == [(3,), (0,)]
    with pytest.raises(IndexError):
        state.select(result.n_runs)
    assert state.selected_run == 0


def test_the_selection_follows_its_run_into_a_new_result():
    entries = default_entries()            # gd, momentum, nesterov, adagrad, rmsprop, adam
    state = RunState()
    state.set_result(_runs(entries, [[0.7, 1.4], [2.0, -1.0]]), entries)
    adam = [i for i in range(state.result.n_runs)
            if entries[state.result.config_index[i]].config.name == "adam"
            and state.result.start_index[i] == 1]
    state.select(adam[0])
    calls = _selection_log(state)
    # Momentum switched off and a start added before the selected one's: Adam from (2, -1)
    fewer = [entries[0], *entries[2:]]
    result = _runs(fewer, [[1.0, 1.0], [0.7, 1.4], [2.0, -1.0]])
    state.set_result(result, fewer)
    i = state.selected_run
    assert fewer[result.config_index[i]].config.name == "adam"
    assert tuple(result.starts[result.start_index[i]]) == (2.0, -1.0)
    # its start dragged elsewhere: the run from the start at the same index
    moved = _runs(fewer, [[1.0, 1.0], [0.7, 1.4], [2.5, -1.0]])
    state.set_result(moved, fewer)
    i = state.selected_run
    assert fewer[moved.config_index[i]].config.name == "adam"
    assert moved.start_index[i] == 2
    # Adam switched off: back to the first run
    state.set_result(_runs(fewer[:3], [[0.7, 1.4]]), fewer[:3])
    assert state.selected_run == 0
    assert calls == []                   # each came with its result_changed
