"""The document: its defaults, one event per change (none when nothing changes), checked
values, and the start points refused with the core's own messages."""

import dataclasses

import numpy as np
import pytest

from beale_gui.core.engine import OptimizerConfig, check_starts
from beale_gui.core.functions import get_function, parse_expression
from beale_gui.document import (
    PALETTE,
    SEED_START,
    Document,
    default_entries,
    next_colour,
    with_hparams,
)

EVENTS = ("function_changed", "optimizers_changed", "settings_changed", "starts_changed",
          "view_changed", "changed")


@pytest.fixture
def heard():
    """A document and what each of its events said, by event name."""
    document = Document()
    log: dict[str, list] = {name: [] for name in EVENTS}
    for name in EVENTS:
        getattr(document.events, name).connect(lambda *a, name=name: log[name].append(a))
    return document, log


def _counts(log) -> dict[str, int]:
    return {name: len(calls) for name, calls in log.items() if calls}


def test_the_defaults_are_the_first_launch():
    d = Document()
    assert d.function.name == "beale"
    assert d.expression is None
    assert [e.config.name for e in d.entries] == ["gd", "momentum", "nesterov", "adagrad",
                                                  "rmsprop", "adam"]
    assert [e.colour for e in d.entries] == list(PALETTE[:6])
    assert d.enabled == list(d.entries)
    assert (d.max_steps, d.tol, d.seed) == (1000, 1e-9, 0)
    np.testing.assert_array_equal(d.starts, [SEED_START])
    assert d.view is None


def test_each_change_is_announced_once_with_its_payload(heard):
    d, log = heard
    himmelblau = get_function("himmelblau")
    d.set_function(himmelblau)
    assert log["function_changed"] == [(himmelblau, None)]
    two = default_entries()[:2]
    d.set_entries(two)
    assert log["optimizers_changed"] == [(tuple(two),)]
    d.set_settings(max_steps=50, seed=3)
    assert log["settings_changed"] == [(50, 1e-9, 3)]
    d.add_start(1.0, 2.0)
    (starts,), = log["starts_changed"]
    np.testing.assert_array_equal(starts, [SEED_START, (1.0, 2.0)])
    d.set_view(((0, 1), (2, 3)))
    assert log["view_changed"] == [(((0.0, 1.0), (2.0, 3.0)),)]
    assert log["changed"] == [(frozenset({p}),) for p in
                              ("function", "optimizers", "settings", "starts", "view")]


def test_nothing_is_announced_when_nothing_changes(heard):
    d, log = heard
    d.assign(Document())
    d.set_function(d.function, d.expression)
    d.set_entries(default_entries())            # equal entries, new objects
    d.set_settings(max_steps=1000, tol=1e-9, seed=0)
    d.set_starts(np.array([SEED_START]))
    d.set_view(None)
    assert d.update() == frozenset()
    assert _counts(log) == {}


def test_update_checks_everything_first_then_announces_each_part_once(heard):
    d, log = heard
    f = parse_expression("x**2 + y**2")
    with pytest.raises(ValueError, match="max_steps"):
        d.update(function=f, expression="x**2 + y**2", max_steps=-1)
    assert _counts(log) == {}
    assert d.function.name == "beale"               # nothing changed
    parts = d.update(function=f, expression="x**2 + y**2", tol=0.0, seed=5, starts=[[1, 1]])
    assert parts == frozenset({"function", "settings", "starts"})
    assert _counts(log) == {"function_changed": 1, "settings_changed": 1, "starts_changed": 1,
                            "changed": 1}
    assert log["changed"] == [(parts,)]
    with pytest.raises(TypeError, match="colour"):
        d.update(colour="#000000")


def test_a_listener_that_changes_the_document_again_gets_each_payload_in_turn(heard):
    d, log = heard
    d.events.view_changed.connect(
        lambda view: view == ((0.0, 1.0), (0.0, 1.0)) and d.set_view(((0.0, 2.0), (0.0, 2.0))))
    d.set_view(((0, 1), (0, 1)))
    assert log["view_changed"] == [(((0.0, 1.0), (0.0, 1.0)),), (((0.0, 2.0), (0.0, 2.0)),)]
    assert d.view == ((0.0, 2.0), (0.0, 2.0))


@pytest.mark.parametrize("starts", [[[0.0, np.nan]], [[0.0, 1.0, 2.0]], [[np.inf, 0.0]],
                                    "ab"])
def test_bad_start_points_are_refused_with_the_cores_message(heard, starts):
    d, log = heard
    with pytest.raises(ValueError, match="start points") as core:
        check_starts(starts)
    with pytest.raises(ValueError, match="start points") as refused:
        d.set_starts(starts)
    assert str(refused.value) == str(core.value)
    with pytest.raises(ValueError, match="finite"):
        d.add_start(np.nan, 1.0)
    with pytest.raises(ValueError, match="finite"):
        d.move_start(0, 1.0, np.inf)
    assert _counts(log) == {}
    np.testing.assert_array_equal(d.starts, [SEED_START])


def test_start_points_are_added_moved_removed_and_read_only(heard):
    d, log = heard
    assert d.add_start(2.0, -2.0) == 1
    d.move_start(0, 0.5, 0.5)
    d.remove_start(1)
    np.testing.assert_array_equal(d.starts, [[0.5, 0.5]])
    d.remove_start(0)
    assert d.starts.shape == (0, 2)               # none is allowed: the window asks for one
    assert len(log["starts_changed"]) == 4
    with pytest.raises(IndexError):
        d.remove_start(0)
    with pytest.raises(IndexError):
        d.move_start(3, 0.0, 0.0)
    d.set_starts([[1.0, 1.0]])
    with pytest.raises(ValueError, match="read-only"):
        d.starts[0, 0] = 5.0


def test_settings_and_entries_are_checked():
    d = Document()
    with pytest.raises(ValueError, match="tol"):
        d.set_settings(tol=-1.0)
    with pytest.raises(ValueError, match="seed"):
        d.set_settings(seed=0.5)
    with pytest.raises(ValueError, match="OptimizerEntry"):
        d.set_entries([OptimizerConfig("gd")])
    with pytest.raises(ValueError, match="TestFunction"):
        d.set_function("beale")
    with pytest.raises(ValueError, match="view"):
        d.set_view((1, 2))


def test_optimizers_are_added_with_the_next_colour_and_changed_one_at_a_time(heard):
    d, log = heard
    entry = d.add_optimizer("adamw")
    assert entry.colour == PALETTE[6] == next_colour([e.colour for e in default_entries()])
    assert d.entries[-1] == entry
    d.set_entry(1, with_hparams(d.entries[1], {"lr": 0.002}, enabled=False))
    assert d.entries[1].config.hparams["lr"] == 0.002
    assert not d.entries[1].enabled
    assert d.entries[1].config.hparams["momentum"] == 0.9
    assert len(log["optimizers_changed"]) == 2
    with pytest.raises(KeyError, match="beta1"):
        with_hparams(d.entries[0], {"beta1": 0.5})
    with pytest.raises(ValueError, match="lr"):
        with_hparams(d.entries[0], {"lr": -1.0})
    with pytest.raises(IndexError):
        d.set_entry(99, entry)
    assert next_colour(PALETTE) == PALETTE[0]


def test_entries_are_frozen_values():
    entry = default_entries()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.enabled = False
