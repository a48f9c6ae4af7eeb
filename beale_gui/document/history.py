"""Undo and redo for a document: one entry per change of what a session saves.

A :class:`History` belongs to one :class:`~beale_gui.document.Document` (``document.history``)
and hears its ``changed`` event. Each change of the recorded fields — the function (and its
typed expression), the optimizer entries, the run settings and the start points: everything a
session saves but the view — becomes one entry holding the state before and after, with a short
name of what changed ("Add start point", "Change Adam lr"). Panning and zooming are not edits;
the playhead and the selected run are not in the document at all.

:meth:`History.undo` and :meth:`History.redo` put a state back through ``Document.update``, so
every view, the run controller and the autosave follow as they do for any edit; they record
nothing themselves. A new change after an undo drops what could have been redone, and the
oldest entries go once there are more than ``limit``. ``Document.assign`` (a session, preset or
new session shown, an autosave restored) starts a fresh history.

Events: ``history.events.changed()`` whenever what can be undone or redone changes.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..core.i18n import QT_TRANSLATE_NOOP, translate
from .events import Events

if TYPE_CHECKING:
    from .document import Document

LIMIT = 200
# every field of Document.values() but the view (test_undo checks the two stay in step)
RECORDED = ("function", "expression", "entries", "max_steps", "tol", "seed", "starts")
SETTINGS = {"max_steps": QT_TRANSLATE_NOOP("History", "Change max steps"),
            "tol": QT_TRANSLATE_NOOP("History", "Change tolerance"),
            "seed": QT_TRANSLATE_NOOP("History", "Change seed")}

State = dict


@dataclass(frozen=True)
class Change:
    """One undoable change: the recorded state before and after it, and what it was, as an
    English template (translated when shown, see :attr:`name`) and its arguments."""

    before: State
    after: State
    template: str
    args: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """What the change was, in the interface language: "Change Adam lr"."""
        return translate("History", self.template).format(*self.args)


class History:
    """The undo and redo stacks of ``document`` (see the module's docstring).

    Parameters
    ----------
    document : Document
        Held weakly: the document owns its history.
    limit : int
        How many changes can be undone at most.
    """

    def __init__(self, document: Document, limit: int = LIMIT) -> None:
        if limit < 1:
            raise ValueError(f"an undo history holds at least one change, not {limit}")
        self.events = Events("changed")
        self.limit = limit
        self._document = weakref.ref(document)
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._restoring = False
        self._current = _state(document)
        document.events.changed.connect(self._on_changed)

    # -- what it holds ---------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_count(self) -> int:
        return len(self._undo)

    @property
    def redo_count(self) -> int:
        return len(self._redo)

    def undo_name(self) -> str:
        """What :meth:`undo` would undo ("Add start point"); "" when nothing."""
        return self._undo[-1].name if self._undo else ""

    def redo_name(self) -> str:
        """What :meth:`redo` would redo; "" when nothing."""
        return self._redo[-1].name if self._redo else ""

    # -- changes -----------------------------------------------------------------------------
    def undo(self) -> bool:
        """Put back the state before the last change; False when there is none."""
        return self._move(self._undo, self._redo, "before")

    def redo(self) -> bool:
        """Make the last undone change again; False when there is none."""
        return self._move(self._redo, self._undo, "after")

    def clear(self) -> None:
        """Start a fresh history from the document as it is (a session was opened)."""
        document = self._document()
        if document is not None:
            self._current = _state(document)
        had = bool(self._undo or self._redo)
        self._undo.clear()
        self._redo.clear()
        if had:
            self.events.changed.emit()

    # -- internals ---------------------------------------------------------------------------
    def _move(self, source: list[Change], target: list[Change], side: str) -> bool:
        """Take the last change of ``source`` onto ``target`` and show its ``side``."""
        document = self._document()
        if not source or document is None:
            return False
        change = source.pop()
        target.append(change)
        self._restore(document, getattr(change, side))
        return True

    def _restore(self, document: Document, state: State) -> None:
        self._restoring = True
        try:
            document.update(**state)
        finally:
            self._restoring = False
            self._current = _state(document)
            self.events.changed.emit()

    def _on_changed(self, parts: frozenset[str]) -> None:
        document = self._document()
        if self._restoring or document is None or not parts - {"view"}:
            return
        after = _state(document)
        before = self._current
        if _same_state(before, after):   # a listener's change, recorded already
            return
        self._current = after
        self._undo.append(Change(before, after, *_describe(before, after)))
        del self._undo[:-self.limit]
        self._redo.clear()
        self.events.changed.emit()


def _state(document: Document) -> State:
    values = document.values()
    return {name: values[name] for name in RECORDED}


def _same(a, b) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.shape(a) == np.shape(b) and bool(np.array_equal(a, b))
    return a is b or a == b


def _same_state(a: State, b: State) -> bool:
    return all(_same(a[name], b[name]) for name in RECORDED)


def _describe(before: State, after: State) -> tuple[str, tuple[str, ...]]:
    """The name of the change from ``before`` to ``after``: a template and its arguments."""
    changed = [name for name in RECORDED if not _same(before[name], after[name])]
    if "function" in changed or "expression" in changed:
        # a new function may bring its learning rates with it: still one change of function
        return QT_TRANSLATE_NOOP("History", "Change function"), ()
    if changed == ["starts"]:
        return _describe_starts(before["starts"], after["starts"]), ()
    if changed == ["entries"]:
        return _describe_entries(before["entries"], after["entries"])
    if len(changed) == 1 and changed[0] in SETTINGS:
        return SETTINGS[changed[0]], ()
    if set(changed) <= set(SETTINGS):
        return QT_TRANSLATE_NOOP("History", "Change run settings"), ()
    return QT_TRANSLATE_NOOP("History", "Edit"), ()


def _describe_starts(before: np.ndarray, after: np.ndarray) -> str:
    if len(after) == len(before) + 1 and _same(before, after[:-1]):
        return QT_TRANSLATE_NOOP("History", "Add start point")
    if len(after) == len(before) - 1:
        return QT_TRANSLATE_NOOP("History", "Remove start point")
    if len(after) == len(before) and int((before != after).any(axis=1).sum()) == 1:
        return QT_TRANSLATE_NOOP("History", "Move start point")
    return QT_TRANSLATE_NOOP("History", "Change start points")


def _describe_entries(before: tuple, after: tuple) -> tuple[str, tuple[str, ...]]:
    if len(after) == len(before) + 1 and before == after[:-1]:
        return QT_TRANSLATE_NOOP("History", "Add {0}"), (after[-1].config.spec.title,)
    if len(after) == len(before) - 1:
        gone = next((b for b, a in zip(before, after, strict=False) if b != a), before[-1])
        return QT_TRANSLATE_NOOP("History", "Remove {0}"), (gone.config.spec.title,)
    differ = [(b, a) for b, a in zip(before, after, strict=False) if b != a]
    if len(before) != len(after) or len(differ) != 1:
        return QT_TRANSLATE_NOOP("History", "Change optimizers"), ()
    b, a = differ[0]
    title = a.config.spec.title
    if b.config == a.config and b.colour == a.colour:
        return (QT_TRANSLATE_NOOP("History", "Enable {0}") if a.enabled
                else QT_TRANSLATE_NOOP("History", "Disable {0}")), (title,)
    if b.config == a.config and b.enabled == a.enabled:
        return QT_TRANSLATE_NOOP("History", "Change {0} colour"), (title,)
    if b.config.name == a.config.name and b.enabled == a.enabled:
        keys = [k for k in a.config.hparams
                if not _same(a.config.hparams[k], b.config.hparams.get(k))]
        if len(keys) == 1 and (b.config.schedule, b.config.stochastic) == (
                a.config.schedule, a.config.stochastic):
            return QT_TRANSLATE_NOOP("History", "Change {0} {1}"), (title, keys[0])
    return QT_TRANSLATE_NOOP("History", "Change {0}"), (title,)
