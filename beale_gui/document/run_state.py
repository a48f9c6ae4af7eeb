"""The run state: the result the window shows, what it was computed for, and the playhead.

The run controller puts each finished result here with the optimizer entries it was computed
for (so every run has its entry and colour, as drawn) and the step to show; the playback moves
the step. The canvas, the loss plot, the results table and the exports follow it.

Events (``run_state.events.<name>``): ``result_changed(result)`` when a result is shown or
cleared (None), with the step already set (views draw the new result at :attr:`step`);
``step_changed(step)`` when only the playhead moved. Each is emitted once per change, never
when nothing changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.engine import RunResult
from .document import OptimizerEntry
from .events import Events


class RunState:
    """The shown result and the playhead (no result: step 0, no entries)."""

    def __init__(self) -> None:
        self.events = Events("result_changed", "step_changed")
        self._result: RunResult | None = None
        self._entries: tuple[OptimizerEntry, ...] = ()
        self._expression: str | None = None
        self._step = 0

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

    def set_result(self, result: RunResult, entries: Sequence[OptimizerEntry],
                   expression: str | None = None, step: int = 0) -> None:
        """Show ``result``, computed for ``entries`` (one per configuration), at ``step``."""
        entries = tuple(entries)
        if len(entries) != len(result.configs):
            raise ValueError(f"{len(result.configs)} configurations but {len(entries)} "
                             "optimizer entries")
        self._result, self._entries, self._expression = result, entries, expression
        self._step = max(int(step), 0)
        self.events.result_changed.emit(result)

    def clear(self) -> None:
        """Show no result (nothing is announced when there was none)."""
        if self._result is None and self._step == 0:
            return
        self._result, self._entries, self._expression, self._step = None, (), None, 0
        self.events.result_changed.emit(None)

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
