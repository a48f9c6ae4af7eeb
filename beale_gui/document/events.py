"""A small synchronous event emitter for the document and the run state (no Qt, no dependency).

psygnal's and napari's evented models in miniature: an :class:`Event` calls its callbacks, in
the order they were connected, each time it is emitted, with the emitted arguments, before
``emit`` returns. A bound method is held weakly, so a document never keeps a closed window's
views and controllers alive (a callback whose object is gone is dropped); a plain function or a
lambda is held until it is disconnected. An exception in a callback propagates to the caller of
``emit`` (the GUI's callbacks are guarded slots, which catch and report their own).

``connect`` and ``disconnect`` have the names Qt's signals have, so pytest-qt's ``waitSignal``
and ``assertNotEmitted`` work on an :class:`Event` too.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from types import MethodType


class _Callback:
    """One connection: a weak reference to a bound method's object, or the callable itself."""

    __slots__ = ("_function", "_target")

    def __init__(self, callback: Callable) -> None:
        if isinstance(callback, MethodType):
            self._target = weakref.ref(callback.__self__)
            self._function = callback.__func__
        else:
            self._target = None
            self._function = callback

    def resolve(self) -> Callable | None:
        """The callable, or None when its object has gone."""
        if self._target is None:
            return self._function
        target = self._target()
        return None if target is None else MethodType(self._function, target)

    def matches(self, callback: Callable) -> bool:
        if isinstance(callback, MethodType):
            return (self._target is not None and self._function is callback.__func__
                    and self._target() is callback.__self__)
        return self._target is None and self._function == callback


class Event:
    """A named event: ``connect(callback)``, ``disconnect(callback)``, ``emit(*args)``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._callbacks: list[_Callback] = []

    def __repr__(self) -> str:
        return f"<Event {self.name} ({len(self)} connected)>"

    def __len__(self) -> int:
        """How many live callbacks are connected."""
        return sum(c.resolve() is not None for c in self._callbacks)

    def connect(self, callback: Callable) -> Callable:
        """Call ``callback(*args)`` on every emission (once, however often it is connected);
        returns it, so this works as a decorator."""
        if not callable(callback):
            raise TypeError(f"{self.name}: {callback!r} is not callable")
        if not any(c.matches(callback) for c in self._callbacks):
            self._callbacks.append(_Callback(callback))
        return callback

    def disconnect(self, callback: Callable) -> bool:
        """Stop calling ``callback``; False when it was not connected."""
        before = len(self._callbacks)
        self._callbacks = [c for c in self._callbacks if not c.matches(callback)]
        return len(self._callbacks) != before

    def emit(self, *args) -> None:
        """Call every connected callback with ``args``, in order. A callback connected or
        disconnected by another one takes effect from the next emission."""
        dead = False
        for connection in tuple(self._callbacks):
            callback = connection.resolve()
            if callback is None:
                dead = True
                continue
            callback(*args)
        if dead:
            self._callbacks = [c for c in self._callbacks if c.resolve() is not None]


class Events:
    """A fixed set of named events, each an attribute: ``events.starts_changed.connect(f)``."""

    def __init__(self, *names: str) -> None:
        self._names = tuple(names)
        for name in names:
            setattr(self, name, Event(name))

    def __iter__(self) -> Iterator[Event]:
        return (getattr(self, name) for name in self._names)

    @property
    def names(self) -> tuple[str, ...]:
        return self._names
