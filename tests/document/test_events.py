"""The document's event emitter: order, arguments, weak bound methods, disconnection."""

import gc

import pytest

from beale_gui.document.events import Event, Events


class Listener:
    def __init__(self, log: list) -> None:
        self.log = log

    def on_event(self, *args) -> None:
        self.log.append(args)


def test_callbacks_are_called_in_order_with_the_arguments():
    event, calls = Event("moved"), []
    event.connect(lambda *a: calls.append(("first", a)))
    event.connect(lambda *a: calls.append(("second", a)))
    event.emit(1, "x")
    assert calls == [("first", (1, "x")), ("second", (1, "x"))]


def test_a_callback_connected_twice_is_called_once_and_disconnects():
    event, calls = Event("e"), []
    listener = Listener(calls)
    event.connect(listener.on_event)
    event.connect(listener.on_event)
    assert len(event) == 1
    event.emit(3)
    assert calls == [(3,)]
    assert event.disconnect(listener.on_event)
    assert not event.disconnect(listener.on_event)
    event.emit(4)
    assert calls == [(3,)]


def test_a_bound_method_does_not_keep_its_object_alive():
    event, calls = Event("e"), []
    listener = Listener(calls)
    event.connect(listener.on_event)
    del listener
    gc.collect()
    event.emit(1)
    assert calls == []
    assert len(event) == 0


def test_a_function_is_kept_until_disconnected():
    event, calls = Event("e"), []

    def f(*a):
        calls.append(a)

    event.connect(f)
    event.emit(1)
    event.disconnect(f)
    event.emit(2)
    assert calls == [(1,)]


def test_a_callback_connected_during_an_emission_runs_from_the_next_one():
    event, calls = Event("e"), []

    def late(*a):
        calls.append(("late", a))

    def first(*a):
        calls.append(("first", a))
        event.connect(late)

    event.connect(first)
    event.emit(1)
    event.emit(2)
    assert calls == [("first", (1,)), ("first", (2,)), ("late", (2,))]


def test_an_exception_in_a_callback_reaches_the_emitter():
    event = Event("e")

    def boom(*_):
        raise RuntimeError("kaboom")

    event.connect(boom)
    with pytest.raises(RuntimeError, match="kaboom"):
        event.emit()


def test_events_by_name():
    events, calls = Events("a", "b"), []
    listener = Listener(calls)
    events.a.connect(listener.on_event)
    assert events.names == ("a", "b")
    assert [e.name for e in events] == ["a", "b"]
    events.b.emit(2)
    events.a.emit(1)
    assert calls == [(1,)]
    with pytest.raises(TypeError):
        events.a.connect(42)
