"""The document's undo history: one entry per change of what a session saves (none for the
view or for nothing), undo and redo put back the exact state through the change path and record
nothing themselves, a new change drops the redo branch, the history is bounded, and opening a
session starts a fresh one."""

import numpy as np
import pytest

from beale_gui.core.functions import get_function, parse_expression
from beale_gui.document import Document, History, with_hparams
from beale_gui.document.history import RECORDED


def _state(document: Document) -> dict:
    return {name: value for name, value in document.values().items() if name != "view"}


def _assert_same_state(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for name in a:
        if isinstance(a[name], np.ndarray):
            assert a[name].shape == b[name].shape
            np.testing.assert_array_equal(a[name], b[name])   # exact, bit for bit
        else:
            assert a[name] == b[name] or a[name] is b[name], name


def _lr(document: Document, index: int, lr: float) -> None:
    entry = document.entries[index]
    document.set_entry(index, with_hparams(entry, {"lr": lr}))


def test_every_saved_field_but_the_view_is_recorded():
    assert set(RECORDED) == set(Document().values()) - {"view"}


def test_each_change_is_one_entry_named_for_what_it_did():
    d = Document()
    h = d.history
    assert not h.can_undo
    assert not h.can_redo
    assert h.undo_name() == ""
    edits = [
        (lambda: d.add_start(1.0, 1.0), "Add start point"),
        (lambda: d.move_start(1, 2.0, 0.5), "Move start point"),
        (lambda: d.remove_start(0), "Remove start point"),
        (lambda: _lr(d, 5, 0.2), "Change Adam lr"),
        (lambda: d.add_optimizer("lion"), "Add Lion"),
        (lambda: d.set_entries(d.entries[:-1]), "Remove Lion"),
        (lambda: d.set_entry(0, with_hparams(d.entries[0], {}, enabled=False)), "Disable GD"),
        (lambda: d.set_settings(max_steps=200), "Change max steps"),
        (lambda: d.set_settings(tol=1e-6, seed=4), "Change run settings"),
        (lambda: d.edit(function=get_function("rosenbrock")), "Change function"),
    ]
    for n, (edit, name) in enumerate(edits, 1):
        edit()
        assert h.undo_count == n
        assert h.undo_name() == name


def test_nothing_is_recorded_for_no_change_or_the_view():
    d = Document()
    d.set_starts(d.starts.copy())            # the same points
    d.set_settings(max_steps=d.max_steps)
    d.update(**d.values())
    d.set_view(((0.0, 1.0), (0.0, 1.0)))     # panning and zooming are not edits
    assert d.history.undo_count == 0
    assert not d.history.can_undo


def test_undo_and_redo_restore_the_exact_state_through_the_change_path():
    d = Document()
    states = [_state(d)]
    d.add_start(0.123456789012345, -1.0000000000000002)
    states.append(_state(d))
    d.move_start(0, np.nextafter(0.7, 1.0), 1.4)    # one ulp: still a change
    states.append(_state(d))
    _lr(d, 5, 0.0123)
    states.append(_state(d))
    d.edit(function=parse_expression("x**2 + 3*y**2"), expression="x**2 + 3*y**2")
    states.append(_state(d))
    heard = []
    d.events.changed.connect(heard.append)
    h = d.history
    for i in range(len(states) - 1, 0, -1):
        assert h.undo()
        _assert_same_state(_state(d), states[i - 1])
    assert not h.undo()
    assert h.redo_count == 4
    assert len(heard) == 4                 # each restore announced as any change is
    assert h.undo_count == 0               # undoing recorded nothing
    assert d.starts.flags.writeable is False
    for i in range(1, len(states)):
        assert h.redo()
        _assert_same_state(_state(d), states[i])
    assert not h.redo()
    assert h.undo_count == 4


def test_undo_keeps_the_view():
    d = Document()
    d.add_start(1.0, 1.0)
    d.set_view(((0.0, 1.0), (0.0, 1.0)))
    d.history.undo()
    assert d.view == ((0.0, 1.0), (0.0, 1.0))
    assert len(d.starts) == 1


def test_a_new_change_after_undo_drops_the_redo_branch():
    d = Document()
    d.add_start(1.0, 1.0)
    d.add_start(2.0, 2.0)
    d.history.undo()
    assert d.history.can_redo
    assert d.history.redo_name() == "Add start point"
    d.set_settings(seed=7)
    assert not d.history.can_redo
    assert d.history.undo_count == 2
    d.history.undo()
    d.history.undo()
    np.testing.assert_array_equal(d.starts, [[0.7, 1.4]])


def test_the_history_is_bounded():
    d = Document()
    d.history.limit = 5
    for seed in range(1, 9):
        d.set_settings(seed=seed)
    assert d.history.undo_count == 5
    while d.history.undo():
        pass
    assert d.seed == 3          # the oldest changes are gone
    with pytest.raises(ValueError, match="at least one"):
        History(d, limit=0)


def test_opening_a_session_starts_a_fresh_history():
    d = Document()
    d.add_start(1.0, 1.0)
    d.history.undo()
    assert d.history.can_redo
    changes = []
    d.history.events.changed.connect(lambda: changes.append(1))
    d.assign(Document(get_function("himmelblau"), seed=3))
    assert not d.history.can_undo
    assert not d.history.can_redo
    assert changes
    d.set_settings(seed=4)
    d.history.undo()
    assert d.seed == 3
    assert d.function.name == "himmelblau"


def test_a_listener_changing_the_document_records_one_entry():
    d = Document()

    def follow(parts):
        if "settings" in parts and d.seed == 5:
            d.add_start(1.0, 1.0)       # a listener's own change while events go out

    d.events.changed.connect(follow)
    d.set_settings(seed=5)
    assert d.history.undo_count == 2
    d.history.undo()
    assert len(d.starts) == 1
    assert d.seed == 5


def test_the_history_events_say_when_undo_or_redo_changes():
    d = Document()
    heard = []
    d.history.events.changed.connect(lambda: heard.append((d.history.can_undo,
                                                           d.history.can_redo)))
    d.add_start(1.0, 1.0)
    d.set_view(((0.0, 1.0), (0.0, 1.0)))
    d.history.undo()
    d.history.redo()
    assert heard == [(True, False), (False, True), (True, False)]
