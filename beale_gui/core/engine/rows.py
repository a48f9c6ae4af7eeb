"""A batch's rows, as both paths share them: each configuration's rows (:class:`Group`), its
rows inside one block (:class:`Part`), and the result arrays every block writes
(:class:`Outputs`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..optimizers import OptimizerSpec
from .settings import StochasticConfig

LR_TABLE_MAX_STEPS = 1_000_000  # a scheduled rate is tabulated up front up to this many steps


class Outputs:
    """The batch's result arrays, written by every block (each to its own rows).

    With ``record_state``, ``states`` maps each configuration's first row to its recorded
    state, every entry of the optimizer's state at every step, ``{entry: (n, T+1, width)}``
    for the configuration's ``n`` rows (index 0 the initial state, ``t`` the state after the
    update of step ``t``), and ``used`` maps that of a stochastic configuration to the gradient
    each update used, (n, T+1, 2) at the index of the point it was drawn at (NaN where no
    update was made); both are made by :meth:`state_of` and :meth:`used_of` for the parts.
    On a model on data (``sampled``), ``batch_losses`` maps it likewise to the mini-batch loss
    of each update, (n, T+1) (:meth:`batch_loss_of`).
    """

    def __init__(self, n: int, max_steps: int, record: bool, record_state: bool,
                 probing: bool = False, sampled: bool = False) -> None:
        self.status = np.zeros(n, dtype=np.int8)
        self.stop = np.full(n, max_steps)
        self.bad_start = np.zeros(n, dtype=bool)     # diverged before any step: at the start
        self.final_xy = np.empty((n, 2))
        self.final_loss = np.empty(n)
        self.max_steps = max_steps
        shape = (n, max_steps + 1)
        self.paths = np.empty((*shape, 2)) if record else None
        self.loss = np.empty(shape) if record else None
        self.grads = np.empty((*shape, 2)) if record else None
        self.moment = np.full((*shape, 2), np.nan) if record_state else None
        self.eff = np.full((*shape, 2), np.nan) if record_state else None
        # function evaluations so far at every point, where a probing optimizer runs (the
        # others evaluate once per step: RunResult derives theirs); -1 until a run ends
        self.evals = np.empty(shape, dtype=np.int64) if record and probing else None
        self.final_evals = np.full(n, -1, dtype=np.int64)
        self.failures: dict[int, str] = {}   # run -> why its plug-in's step failed
        self.states: dict[int, dict[str, np.ndarray]] | None = {} if record_state else None
        self.used: dict[int, np.ndarray] | None = {} if record_state else None
        self.batch_losses: dict[int, np.ndarray] | None = (
            {} if record_state and sampled else None)

    def state_of(self, group: Group) -> dict[str, np.ndarray]:
        """The recorded state of ``group``'s rows (made at the first call)."""
        first = group.rows.start
        if first not in self.states:
            n, steps = group.rows.stop - first, self.max_steps + 1
            widths = {k: v.shape[1] for k, v in group.spec.init(1, group.hp)._asdict().items()}
            self.states[first] = {k: np.empty((n, steps, w)) for k, w in widths.items()}
        return self.states[first]

    def used_of(self, group: Group) -> np.ndarray:
        """The recorded gradients the updates of ``group``'s (stochastic) rows used."""
        first = group.rows.start
        if first not in self.used:
            n = group.rows.stop - first
            self.used[first] = np.full((n, self.max_steps + 1, 2), np.nan)
        return self.used[first]

    def batch_loss_of(self, group: Group) -> np.ndarray:
        """The recorded mini-batch loss of each update of ``group``'s (stochastic) rows."""
        first = group.rows.start
        if first not in self.batch_losses:
            n = group.rows.stop - first
            self.batch_losses[first] = np.full((n, self.max_steps + 1), np.nan)
        return self.batch_losses[first]

    def recorded(self) -> list[np.ndarray]:
        """Every recorded array of (N or n, T+1, ...) whose points after a run's stop repeat
        its last valid one."""
        arrays = [self.paths, self.loss, self.grads, self.moment, self.eff, self.evals]
        return [a for a in arrays if a is not None]


@dataclass
class Group:
    """One configuration's rows of the batch and everything its update needs.

    ``rates`` is the learning rate of every step 0..max_steps, tabulated once per run, when
    one base rate serves every row and the schedule is not constant (up to
    ``LR_TABLE_MAX_STEPS`` steps); schedules are vectorised, so the table gives each step's
    rate bit for bit. Otherwise None, and the schedule is called as needed.
    """

    spec: OptimizerSpec
    rows: slice
    hp: dict
    lr0: object
    schedule: Callable
    constant_schedule: bool
    noise: StochasticConfig | None
    rates: np.ndarray | None = None

    def tabulate(self, max_steps: int) -> None:
        if (not self.constant_schedule and not isinstance(self.lr0, np.ndarray)
                and max_steps <= LR_TABLE_MAX_STEPS):
            self.rates = np.asarray(self.schedule(np.arange(max_steps + 1), self.lr0),
                                    dtype=np.float64)

    def rates_at(self, t: np.ndarray, lr0):
        """The rate of each step in ``t`` (an integer array) for base rates ``lr0``."""
        if self.rates is not None:
            return self.rates[t]
        return self.schedule(t, lr0)


class Part:
    """The rows lo:hi of one configuration inside a block: its settings, starting state and
    recorded state, and the effective learning rates computed from that at the end.

    Hyperparameters and base rates are those of the part's rows (``hp0``, ``lr0_all``: floats,
    or (n, 1) arrays); ``stacks`` maps a state entry to its (T+1, n, width) record.
    """

    def __init__(self, group: Group, lo: int, hi: int, max_steps: int, out: Outputs) -> None:
        g0 = group.rows.start
        n = hi - lo
        self.group = group
        self.spec = spec = group.spec
        self.noise = group.noise
        self.rows0 = np.arange(lo, hi)
        self.hp0 = {k: v[lo - g0:hi - g0] if isinstance(v, np.ndarray) else v
                    for k, v in group.hp.items()}
        lr0 = group.lr0
        self.lr0_all = lr0[lo - g0:hi - g0] if isinstance(lr0, np.ndarray) else lr0
        self.constant_lr = group.constant_schedule
        self.lr_table = group.rates
        self.state_rows = spec.init(n, self.hp0)
        self.widths = {k: v.shape[1] for k, v in self.state_rows._asdict().items()}
        # Every state entry recorded at every step, (T+1, n, width) views of the result's
        # arrays, step 0 the initial state; the moment and the effective learning rates are
        # taken from them at the end. A stochastic part also records the gradients it used
        # (and on a model the mini-batch loss of each update).
        self.stacks = {}
        self.used = None
        self.batch_loss = None      # (T+1, n): on a model, each update's mini-batch loss
        if out.states is not None:
            g0 = group.rows.start
            for k, arr in out.state_of(group).items():
                stack = self.stacks[k] = arr[lo - g0:hi - g0].transpose(1, 0, 2)
                stack[0] = getattr(self.state_rows, k)
            if group.noise is not None:
                self.used = out.used_of(group)[lo - g0:hi - g0].transpose(1, 0, 2)
                if out.batch_losses is not None:
                    self.batch_loss = out.batch_loss_of(group)[lo - g0:hi - g0].T

    def finish(self, out: Outputs, steps: int, block_steps: int) -> None:
        """The moment and the effective learning rate of every recorded step, from the recorded
        state, ``block_steps`` steps at a time (each block's rates are computed before they
        are written, over the state they come from; an entry read one step back is never that
        state)."""
        spec = self.spec
        if not self.stacks:
            return
        rows = slice(int(self.rows0[0]), int(self.rows0[-1]) + 1)
        if spec.moment:
            out.moment[rows, :steps + 1] = self.stacks[spec.moment][:steps + 1].transpose(1, 0, 2)
        if spec.effective_lr is None:
            return
        for a in range(1, steps + 1, block_steps):
            b = min(a + block_steps, steps + 1)
            t = np.arange(a, b)[:, None, None]
            # the entries the rate reads, stacked over the block's steps; the others None
            state = spec.state._make(
                None if k not in spec.effective_lr_state
                else self.stacks[k][a - 1:b - 1] if k in spec.effective_lr_previous
                else self.stacks[k][a:b] for k in spec.state._fields)
            lr = self.group.rates_at(t - 1, self.lr0_all)      # the rate of each update
            eff = spec.effective_lr(state, self.hp0, lr, t)
            out.eff[rows, a:b] = np.broadcast_to(eff, (b - a, len(self.rows0), 2)).transpose(
                1, 0, 2)


class PartsBlock:
    """A block stepping whole parts on the calling thread or a worker, with the block interface
    of :class:`~.batch.Block` (``path``, ``run``, ``n0``, ``steps``, ``steps_done``,
    ``all_parts``); a subclass writes ``_run``."""

    path = ""

    def __init__(self, dispatch, parts: list[Part]) -> None:
        self.dispatch = dispatch
        self.settings = dispatch.settings
        self.all_parts = list(parts)
        self.idx = np.concatenate([p.rows0 for p in parts])
        self.n0 = len(self.idx)
        self.steps = 0
        self.steps_done = 0

    def run(self) -> None:
        with np.errstate(all="ignore"):
            self._run()

    def _run(self) -> None:
        raise NotImplementedError
