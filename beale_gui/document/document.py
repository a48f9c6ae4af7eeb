"""The document: everything the window shows as configuration, announcing each change.

The function (built-in, or typed as an expression with its bounds), the optimizer entries (each
a configuration, a colour and whether it runs), max steps, tolerance and seed, the start points
and the view. Views write their edits here and redraw from the events; the run controller runs
what it holds; :mod:`.convert` turns it into a :class:`~beale_gui.core.session.Session` and
back. Every value is checked as it comes in (the start points by the core's ``check_starts``),
so the document only ever holds what can be run and saved.

Events (``document.events.<name>``), each emitted once per change and never when nothing
changed, with what a view needs to redraw:

``function_changed(function, expression)``, ``optimizers_changed(entries)``,
``settings_changed(max_steps, tol, seed)``, ``starts_changed(starts)``, ``view_changed(view)``;
then ``changed(parts)``, once per call, naming the parts that changed (``"function"``,
``"optimizers"``, ``"settings"``, ``"starts"``, ``"view"``). ``document.history``
(:mod:`.history`) records each change but the view's for undo and redo.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..core.engine import MAX_STEPS_PARAM, SEED_PARAM, TOL_PARAM, OptimizerConfig, check_starts
from ..core.functions import TestFunction, get_function
from ..core.i18n import translate
from .events import Events
from .history import History

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
           "#000000")

SEED_START = (0.7, 1.4)
DEFAULT_TOL = 1e-9

Extent = tuple[tuple[float, float], tuple[float, float]]

# the parts of a document, in the order their events are emitted
PARTS = ("function", "optimizers", "settings", "starts", "view")
EVENTS = {"function": "function_changed", "optimizers": "optimizers_changed",
          "settings": "settings_changed", "starts": "starts_changed", "view": "view_changed"}
FIELDS = {"function": ("function", "expression"), "optimizers": ("entries",),
          "settings": ("max_steps", "tol", "seed"), "starts": ("starts",), "view": ("view",)}


@dataclass(frozen=True)
class OptimizerEntry:
    """One optimizer of the document: its configuration, its colour, and whether it runs."""

    config: OptimizerConfig
    colour: str
    enabled: bool = True


DEFAULT_OPTIMIZERS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")


def default_entries(function: TestFunction | None = None) -> list[OptimizerEntry]:
    """The seed's optimizers with the hyperparameters ``function`` declares for them (Beale's
    by default: settings that show each one's character there)."""
    function = get_function("beale") if function is None else function
    return [OptimizerEntry(OptimizerConfig(name, function.hparams_for(name)), PALETTE[i])
            for i, name in enumerate(DEFAULT_OPTIMIZERS)]


def function_hparams(entry: OptimizerEntry, function: TestFunction) -> OptimizerEntry:
    """``entry`` with the hyperparameters ``function`` declares for its optimizer (the
    registry's defaults for the rest); its schedule, noise, colour and switch stay."""
    config = entry.config
    hparams = OptimizerConfig(config.name, function.hparams_for(config.name)).hparams
    return dataclasses.replace(entry, config=dataclasses.replace(config, hparams=hparams))


def is_edited(entry: OptimizerEntry, function: TestFunction) -> bool:
    """True when ``entry``'s hyperparameters are not the ones ``function`` declares: the
    user (or a saved session) chose them."""
    return not _same_hparams(entry, function_hparams(entry, function))


def _same_hparams(a: OptimizerEntry, b: OptimizerEntry) -> bool:
    ha, hb = a.config.hparams, b.config.hparams
    return ha.keys() == hb.keys() and all(
        not isinstance(ha[k], np.ndarray) and not isinstance(hb[k], np.ndarray)
        and ha[k] == hb[k] for k in ha)


def next_colour(used: Sequence[str]) -> str:
    """The first palette colour not in ``used`` (the palette again, in turn, once all are)."""
    taken = {c.upper() for c in used}
    return next((c for c in PALETTE if c.upper() not in taken), PALETTE[len(used) % len(PALETTE)])


def function_key(function: TestFunction, expression: str | None) -> tuple:
    """What decides the canvas's contours and fitted view: name, expression and bounds; for a
    model on data, the model and where its data came from (two data sets, two keys)."""
    key = getattr(function, "key", None)
    if callable(key):
        return (*key(), function.bounds)
    return (function.name, expression, function.bounds)


def _starts(starts) -> np.ndarray:
    """Start points as a read-only (S, 2) float array; none is allowed, else ``check_starts``
    says what is wrong (ValueError)."""
    arr = np.zeros((0, 2)) if len(starts) == 0 else np.array(check_starts(starts), dtype=float)
    arr.flags.writeable = False
    return arr


def _view(view) -> Extent | None:
    if view is None:
        return None
    try:
        (x0, x1), (y0, y1) = ((float(a), float(b)) for a, b in view)
    except (TypeError, ValueError):
        raise ValueError(f"a view is ((x0, x1), (y0, y1)), not {view!r}") from None
    return (x0, x1), (y0, y1)


def _checked(name: str, value):
    """``value`` of the field ``name`` as the document keeps it; ValueError when refused."""
    if name == "function":
        if not isinstance(value, TestFunction):
            raise ValueError(f"function: {value!r} is not a TestFunction")
        return value
    if name == "expression":
        if value is not None and not isinstance(value, str):
            raise ValueError(f"expression: {value!r} is not text")
        return value
    if name == "entries":
        entries = tuple(value)
        for e in entries:
            if not isinstance(e, OptimizerEntry):
                raise ValueError(f"entries: {e!r} is not an OptimizerEntry")
        return entries
    if name == "max_steps":
        return int(MAX_STEPS_PARAM.check(value))
    if name == "tol":
        return TOL_PARAM.check(value) + 0.0    # -0.0 is 0.0, as the panel shows it
    if name == "seed":
        return int(SEED_PARAM.check(value))
    if name == "starts":
        return _starts(value)
    return _view(value)


def _same(a, b) -> bool:
    if isinstance(a, np.ndarray):
        return a.shape == b.shape and bool(np.array_equal(a, b))
    if isinstance(a, TestFunction):
        return a is b
    return a == b


class Document:
    """What the window shows as configuration; see the module's docstring for its events.

    Parameters are the initial values; by default the window's first launch: Beale, the seed's
    optimizers (with the hyperparameters the function declares), 1000 steps, tolerance 1e-9,
    seed 0, the seed's start point and no view (the function's bounds).
    """

    def __init__(self, function: TestFunction | None = None,
                 entries: Sequence[OptimizerEntry] | None = None, *,
                 expression: str | None = None, max_steps: int = 1000,
                 tol: float = DEFAULT_TOL, seed: int = 0, starts=None,
                 view: Extent | None = None) -> None:
        self.events = Events(*EVENTS.values(), "changed")
        values = {"function": function if function is not None else get_function("beale"),
                  "expression": expression,
                  "entries": default_entries(function) if entries is None else entries,
                  "max_steps": max_steps, "tol": tol, "seed": seed,
                  "starts": [SEED_START] if starts is None else starts, "view": view}
        for name, value in values.items():
            setattr(self, f"_{name}", _checked(name, value))
        self.history = History(self)   # undo and redo of each change (history.py)

    # -- what it holds ---------------------------------------------------------------------
    @property
    def function(self) -> TestFunction:
        return self._function

    @property
    def expression(self) -> str | None:
        """The function as typed, or None for a built-in."""
        return self._expression

    @property
    def entries(self) -> list[OptimizerEntry]:
        """The optimizer entries (a new list: change them through the document)."""
        return list(self._entries)

    @property
    def enabled(self) -> list[OptimizerEntry]:
        """The entries that run."""
        return [e for e in self._entries if e.enabled]

    @property
    def max_steps(self) -> int:
        return self._max_steps

    @property
    def tol(self) -> float:
        return self._tol

    @property
    def seed(self) -> int:
        return self._seed

    @property
    def starts(self) -> np.ndarray:
        """The start points, shape (S, 2), read-only."""
        return self._starts

    @property
    def view(self) -> Extent | None:
        """The visible range ((x0, x1), (y0, y1)), or None for the function's bounds."""
        return self._view

    def values(self) -> dict:
        """Every field, as keywords of :meth:`update` (and of the constructor)."""
        return {name: getattr(self, name) for part in PARTS for name in FIELDS[part]}

    def function_key(self) -> tuple:
        return function_key(self._function, self._expression)

    # -- changes ---------------------------------------------------------------------------
    def update(self, **values) -> frozenset[str]:
        """Set several fields at once (the names of :meth:`values`): everything is checked
        before anything changes (ValueError names the first refusal), then each part that
        changed is announced once, and ``changed`` once; a value equal to the one held replaces
        it without a word (as psygnal's evented dataclasses do). Returns the parts that
        changed."""
        unknown = set(values) - {n for names in FIELDS.values() for n in names}
        if unknown:
            raise TypeError(f"Document has no field {sorted(unknown)[0]!r}")
        checked = {name: _checked(name, value) for name, value in values.items()}
        changed = [part for part in PARTS
                   if any(name in checked and not _same(checked[name], getattr(self, f"_{name}"))
                          for name in FIELDS[part])]
        for name, value in checked.items():   # an equal value is kept too, silently
            setattr(self, f"_{name}", value)
        # the payloads are taken now: a listener may change the document again while the
        # events go out, and each event tells what this call set
        payloads = {part: tuple(getattr(self, f"_{name}") for name in FIELDS[part])
                    for part in changed}
        for part in changed:
            getattr(self.events, EVENTS[part]).emit(*payloads[part])
        if changed:
            self.events.changed.emit(frozenset(changed))
        return frozenset(changed)

    def edit(self, **values) -> str:
        """:meth:`update` with what the user typed in the panel. When the function changes,
        each optimizer whose hyperparameters are the old function's (not edited) takes the
        new function's; one edited keeps its own. Returns a note for the status bar, e.g.
        "Learning rates set for Rosenbrock; Adam kept (edited)", or "" when the new function
        asks for no change. A session or preset opened goes through :meth:`assign`, which
        keeps its saved values."""
        old = self._function
        function = values.get("function", old)
        if function is old:
            self.update(**values)
            return ""
        entries = list(values.get("entries", self._entries))
        applied, kept = [], []
        for i, entry in enumerate(entries):
            if not isinstance(entry, OptimizerEntry) or not isinstance(function, TestFunction):
                break   # update refuses it below
            wanted = function_hparams(entry, function)
            if _same_hparams(wanted, entry):
                continue
            before = function_hparams(entry, old)
            if not _same_hparams(before, entry):      # edited: kept, and said when the new
                if not _same_hparams(before, wanted):  # function would have changed it
                    kept.append(entry.config.spec.title)
            else:
                entries[i] = wanted
                applied.append(entry.config.spec.title)
        self.update(**{**values, "entries": entries})
        return _defaults_note(function, applied, kept)

    def is_edited(self, index: int) -> bool:
        """Whether entry ``index``'s hyperparameters differ from the ones the function
        declares (then a change of function keeps them)."""
        entries = self._entries
        return is_edited(entries[self._index(index, len(entries), "optimizer")], self._function)

    def assign(self, other: Document) -> frozenset[str]:
        """Take every field of ``other`` (a session opened, a preset, a new session) and start
        a fresh undo history from it."""
        parts = self.update(**other.values())
        self.history.clear()
        return parts

    def set_function(self, function: TestFunction, expression: str | None = None) -> None:
        self.update(function=function, expression=expression)

    def set_entries(self, entries: Sequence[OptimizerEntry]) -> None:
        self.update(entries=entries)

    def set_entry(self, index: int, entry: OptimizerEntry) -> None:
        """Replace entry ``index`` (IndexError when there is none)."""
        entries = list(self._entries)
        entries[self._index(index, len(entries), "optimizer")] = entry
        self.update(entries=entries)

    def add_optimizer(self, name: str) -> OptimizerEntry:
        """Append optimizer ``name`` with the registry's defaults and the next unused
        palette colour."""
        colour = next_colour([e.colour for e in self._entries])
        entry = OptimizerEntry(OptimizerConfig(name), colour)
        self.update(entries=[*self._entries, entry])
        return entry

    def set_settings(self, *, max_steps: int | None = None, tol: float | None = None,
                     seed: int | None = None) -> None:
        given = {"max_steps": max_steps, "tol": tol, "seed": seed}
        self.update(**{k: v for k, v in given.items() if v is not None})

    def set_starts(self, starts) -> None:
        """Replace every start point (shape (S, 2); none is allowed)."""
        self.update(starts=starts)

    def add_start(self, x: float, y: float) -> int:
        """Append the start point (x, y); returns its index."""
        self.update(starts=np.vstack([self._starts, check_starts([[x, y]])]))
        return len(self._starts) - 1

    def move_start(self, index: int, x: float, y: float) -> None:
        starts = self._starts.copy()
        starts[self._index(index, len(starts), "start point")] = check_starts([[x, y]])[0]
        self.update(starts=starts)

    def remove_start(self, index: int) -> None:
        self.update(starts=np.delete(self._starts, self._index(index, len(self._starts),
                                                                "start point"), axis=0))

    def set_view(self, view: Extent | None) -> None:
        """The visible range ((x0, x1), (y0, y1)); None asks for the function's bounds."""
        self.update(view=view)

    @staticmethod
    def _index(index: int, n: int, what: str) -> int:
        if not 0 <= index < n:
            raise IndexError(f"there is no {what} {index} (there are {n})")
        return index


def _defaults_note(function: TestFunction, applied: list[str], kept: list[str]) -> str:
    """``Learning rates set for Rosenbrock; Adam kept (edited)``; "" when nothing changes."""
    names = ", ".join(kept)
    if applied and kept:
        return translate("Document", "Learning rates set for {0}; {1} kept (edited)").format(
            function.title, names)
    if applied:
        return translate("Document", "Learning rates set for {0}").format(function.title)
    if kept:
        return translate("Document", "{0}: {1} kept (edited)").format(function.title, names)
    return ""


def with_hparams(entry: OptimizerEntry, hparams: Mapping[str, float],
                 enabled: bool | None = None) -> OptimizerEntry:
    """``entry`` with some hyperparameters replaced (and switched on or off when ``enabled``
    is given); ValueError (KeyError for a name it does not take) as the configuration says."""
    config = entry.config
    unknown = [k for k in hparams if k not in config.hparams]
    if unknown:
        raise KeyError(translate("Document", "{0} has no hyperparameter '{1}'").format(
            config.spec.title, unknown[0]))
    config = dataclasses.replace(config, hparams={**config.hparams, **hparams})
    return dataclasses.replace(entry, config=config,
                               enabled=entry.enabled if enabled is None else enabled)
