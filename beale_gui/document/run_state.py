"""The run state: the result the window shows, what it was computed for, and the playhead.

The run controller puts each finished result here with the optimizer entries it was computed
for (so every run has its entry and colour, as drawn) and the step to show; the playback moves
the step. The canvas, the loss plot, the results table and the exports follow it.

Events (``run_state.events.<name>``): ``result_changed(result)`` when a result is shown or
cleared (None), with the step already set (views draw the new result at :attr:`step`);
``step_changed(step)`` when only the playhead moved; ``selection_changed(run)`` when only the
selected run changed (the Explain panel's run, highlighted in the table and on the canvas);
``runs_previewed(rows, result)`` while a start point is dragged or a hyperparameter scrubbed:
``result``'s runs, in order, stand for the shown result's runs ``rows`` until the next result
(only the canvas draws them; the result itself is unchanged). Each is emitted once per change,
never when nothing changed.

The selected run is an index into the shown result, or None without one. A new result keeps it
on the run of the same optimizer entry (its name and colour) from the same start point where
there is one, else selects the first run; ``result_changed`` is emitted with the selection
already set (views read :attr:`RunState.selected_run`), so no ``selection_changed`` comes with it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..core.engine import RunResult
from .document import OptimizerEntry
from .events import Events


class RunState:
    """The shown result and the playhead (no result: step 0, no entries)."""

    def __init__(self) -> None:
        self.events = Events("result_changed", "step_changed", "selection_changed",
                             "runs_previewed")
        self._result: RunResult | None = None
        self._entries: tuple[OptimizerEntry, ...] = ()
        self._expression: str | None = None
        self._step = 0
        self._selected: int | None = None

    @property
    def result(self) -> RunResult | None:
        return self._result

    @property
    def entries(self) -> tuple[OptimizerEntry, ...]:
        """The optimizer entries the result was computed for: configuration ``c`` of the
        result is entry ``c`` (empty without a result)."""
        return self._entries

    @property
    def expression(self) -> str | None:
        """The expression the result's function was typed as (None for a built-in)."""
        return self._expression

    @property
    def step(self) -> int:
        """The step the views show."""
        return self._step

    @property
    def selected_run(self) -> int | None:
        """The selected run: an index into :attr:`result`'s runs, None without a result (or
        one without runs)."""
        return self._selected

    def set_result(self, result: RunResult, entries: Sequence[OptimizerEntry],
                   expression: str | None = None, step: int = 0) -> None:
        """Show ``result``, computed for ``entries`` (one per configuration), at ``step``; the
        selection follows its run into ``result`` (see the module's description)."""
        entries = tuple(entries)
        if len(entries) != len(result.configs):
            raise ValueError(f"{len(result.configs)} configurations but {len(entries)} "
                             "optimizer entries")
        kept = self._selection_key()
        self._result, self._entries, self._expression = result, entries, expression
        self._step = max(int(step), 0)
        self._selected = self._find_run(kept)
        self.events.result_changed.emit(result)

    def preview(self, rows: Sequence[int], result: RunResult) -> None:
        """Draw ``result``'s runs in place of the shown result's runs ``rows`` (as many), for
        now: a start point dragged, a hyperparameter scrubbed (see the module's description).
        ValueError when they do not match."""
        rows = [int(r) for r in rows]
        if self._result is None or len(rows) != result.n_runs or not all(
                0 <= r < self._result.n_runs for r in rows):
            raise ValueError("a preview replaces runs of the shown result, one for one")
        self.events.runs_previewed.emit(rows, result)

    def rows_of(self, config: int | None = None, start: int | None = None) -> list[int]:
        """The shown result's runs of configuration ``config`` and start ``start`` (either
        may be None: every one), in order; empty without a result."""
        result = self._result
        if result is None:
            return []
        keep = np.ones(result.n_runs, dtype=bool)
        if config is not None:
            keep &= result.config_index == config
        if start is not None:
            keep &= result.start_index == start
        return np.flatnonzero(keep).tolist()

    def clear(self) -> None:
        """Show no result (nothing is announced when there was none)."""
        if self._result is None and self._step == 0:
            return
        self._result, self._entries, self._expression, self._step = None, (), None, 0
        self._selected = None
        self.events.result_changed.emit(None)

    def select(self, run: int | None) -> None:
        """Select run ``run`` of the shown result (None: the first run, as after a new
        result). An index out of range raises IndexError; without a result nothing is
        selected."""
        if self._result is None:
            return
        n = self._result.n_runs
        if run is None:
            run = 0 if n else None
        elif not 0 <= int(run) < n:
            raise IndexError(f"run {run} of {n}")
        else:
            run = int(run)
        if run != self._selected:
            self._selected = run
            self.events.selection_changed.emit(run)

    def _selection_key(self) -> tuple | None:
        """What identifies the selected run across results: its entry's optimizer and
        colour, its hyperparameter variant, and its start point's index and position."""
        result, i = self._result, self._selected
        if result is None or i is None:
            return None
        s = int(result.start_index[i])
        return (*self._entry_key(i), s, tuple(result.starts[s]))

    def _entry_key(self, i: int) -> tuple[str, str, int]:
        """Run ``i``'s optimizer, colour and hyperparameter variant."""
        result = self._result
        entry = self._entries[int(result.config_index[i])]
        return entry.config.name, entry.colour, int(result.variant_index[i])

    def _find_run(self, key: tuple | None) -> int | None:
        """The run of the shown result ``key`` names (:meth:`_selection_key`): the same
        start point, else a start at the same index (it moved); the first run when there is
        neither, None when there are no runs."""
        result = self._result
        if result is None or result.n_runs == 0:
            return None
        if key is None:
            return 0
        name, colour, variant, start, where = key
        same_entry = [i for i in range(result.n_runs)
                      if self._entry_key(i) == (name, colour, variant)]
        for i in same_entry:
            if tuple(result.starts[int(result.start_index[i])]) == where:
                return i
        for i in same_entry:
            if int(result.start_index[i]) == start:
                return i
        return 0

    def set_step(self, step: int) -> None:
        step = max(int(step), 0)
        if step != self._step:
            self._step = step
            self.events.step_changed.emit(step)

    # -- what the views draw -----------------------------------------------------------------
    def config_colours(self) -> list[str]:
        """Each configuration's colour, as drawn (empty without a result)."""
        return [e.colour for e in self._entries]

    def run_colours(self) -> list[str]:
        """Each run's colour: its configuration's (empty without a result)."""
        if self._result is None:
            return []
        return [self._entries[int(c)].colour for c in self._result.config_index]
