"""Each built-in function's hyperparameters for the default optimizer set: with them every
default optimizer converges, or at least stays in view, from the window's default start; a
change of function applies them to the optimizers the user has not edited; a session keeps
its own."""

import numpy as np
import pytest

from beale_gui.core.engine import CONVERGED, DIVERGED, OptimizerConfig, run
from beale_gui.core.functions import DEFAULT_HPARAMS, FUNCTIONS, get_function, parse_expression
from beale_gui.core.session_load import session_from_dict
from beale_gui.document import (
    DEFAULT_OPTIMIZERS,
    SEED_START,
    Document,
    default_entries,
    document_of,
    session_of,
    with_hparams,
)

ALL = list(FUNCTIONS.values())
IDS = [f.name for f in ALL]
GD, MOMENTUM, NESTEROV, ADAM = (DEFAULT_OPTIMIZERS.index(n)
                                for n in ("gd", "momentum", "nesterov", "adam"))


@pytest.mark.parametrize("fn", ALL, ids=IDS)
def test_the_default_set_never_diverges_and_makes_progress(fn):
    """From the default start, with the document's 1000 steps and tolerance: no run diverges;
    each converges (in a global or a local minimum) or stays inside the view all the way and
    lowers f by at least half of what lies between the start and the lowest minimum (the
    saddle, with none, only lowers f and stays within 10 times its view)."""
    d = Document(fn)
    result = run(fn, [e.config for e in d.entries], d.starts, max_steps=d.max_steps, tol=d.tol)
    assert_progress(fn, result, [e.config.name for e in d.entries])


def assert_progress(fn, result, names) -> None:
    """No run of ``result`` (run i is optimizer ``names[i]`` from the default start)
    diverges; each converges or stays in view and halves the way to the lowest minimum (the
    saddle: lowers f and stays within 10 times its view)."""
    (x0, x1), (y0, y1) = fn.bounds
    f_start = float(fn.value(np.array(SEED_START)))
    for i in range(result.n_runs):
        name = names[int(result.config_index[i])]
        assert result.status[i] != DIVERGED, f"{name} diverges on {fn.title}"
        path = result.paths[i, :result.stop_step[i] + 1]
        f_end = float(result.final_loss[i])
        if len(fn.minima):
            inside = ((path >= [x0, y0]) & (path <= [x1, y1])).all()
            assert inside or result.describe(i).startswith("converged"), \
                f"{name} leaves the view of {fn.title} without converging"
            lowest = fn.minimum_values.min()
            assert result.status[i] == CONVERGED or f_end - lowest <= 0.5 * (f_start - lowest), \
                f"{name} on {fn.title}: no progress"
        else:
            assert f_end < f_start
            assert (np.abs(path) <= 10 * max(x1 - x0, y1 - y0)).all()


def test_beale_keeps_the_seed_values_exactly():
    beale = get_function("beale")
    assert [dict(e.config.hparams) for e in default_entries()] == \
        [dict(e.config.hparams) for e in default_entries(beale)]
    assert {n: beale.hparams_for(n) for n in DEFAULT_OPTIMIZERS} == {
        "gd": {"lr": 0.01}, "momentum": {"lr": 0.01, "momentum": 0.9},
        "nesterov": {"lr": 0.01, "momentum": 0.9}, "adagrad": {"lr": 0.5},
        "rmsprop": {"lr": 0.01}, "adam": {"lr": 0.05}}


@pytest.mark.parametrize("fn", ALL, ids=IDS)
def test_every_function_declares_the_whole_default_set(fn):
    for name in DEFAULT_OPTIMIZERS:
        hparams = fn.hparams_for(name)
        assert "lr" in hparams
        OptimizerConfig(name, hparams)      # valid for the registry


def test_a_typed_function_gets_the_default_sets_values():
    typed = parse_expression("x**2 + y**2")
    # the default set's, and those of the optimizers one adds (tests/core/test_default_hparams.py)
    assert {n: typed.hparams_for(n) for n in DEFAULT_HPARAMS} == \
        {n: dict(v) for n, v in DEFAULT_HPARAMS.items()}
    assert set(DEFAULT_OPTIMIZERS) < set(DEFAULT_HPARAMS)
    assert typed.hparams_for("adamw") == {}


def _rates(entry):
    return entry.config.hparams["lr"], entry.config.hparams["momentum"]


def test_switching_function_applies_its_values():
    d = Document()
    note = d.edit(function=get_function("rosenbrock"))
    assert note == "Learning rates set for Rosenbrock"
    rosenbrock = get_function("rosenbrock")
    assert [dict(e.config.hparams) for e in d.entries] == \
        [dict(e.config.hparams) for e in default_entries(rosenbrock)]
    assert not any(d.is_edited(i) for i in range(len(d.entries)))
    # colours, switches, schedules stay
    assert [e.colour for e in d.entries] == [e.colour for e in default_entries()]


def test_an_edited_optimizer_keeps_its_values_and_the_note_says_so():
    d = Document()
    entries = d.entries
    entries[GD] = with_hparams(entries[GD], {"lr": 0.003})
    d.update(entries=entries)
    assert d.is_edited(GD)
    assert not d.is_edited(MOMENTUM)
    note = d.edit(function=get_function("rastrigin"))
    assert note == "Learning rates set for Rastrigin; GD kept (edited)"
    assert d.entries[GD].config.hparams["lr"] == 0.003
    assert _rates(d.entries[MOMENTUM]) == (0.002, 0.9)
    # an edit typed together with the switch (within the panel's debounce) is kept too
    entries = d.entries
    entries[MOMENTUM] = with_hparams(entries[MOMENTUM], {"momentum": 0.5})
    note = d.edit(function=get_function("goldstein_price"), entries=entries)
    assert note == "Learning rates set for Goldstein-Price; GD, Momentum kept (edited)"
    assert _rates(d.entries[MOMENTUM]) == (0.002, 0.5)
    assert _rates(d.entries[NESTEROV]) == (5e-6, 0.9)


def test_a_switch_that_changes_nothing_says_nothing():
    d = Document()
    assert d.edit(function=get_function("himmelblau")) == ""     # the same rates as Beale's
    assert d.edit(max_steps=200) == ""
    entries = d.entries
    entries[ADAM] = with_hparams(entries[ADAM], {"lr": 0.3})
    d.update(entries=entries)
    # Adam's rate is 0.05 on both: its edit is kept without a word
    assert d.edit(function=get_function("rosenbrock")) == "Learning rates set for Rosenbrock"
    assert d.entries[ADAM].config.hparams["lr"] == 0.3
    assert d.edit(function=get_function("saddle")) == \
        "Learning rates set for Saddle; Adam kept (edited)"


def test_when_all_are_edited_the_note_names_them():
    d = Document(entries=default_entries()[:1])
    d.update(entries=[with_hparams(d.entries[0], {"lr": 0.004})])
    assert d.edit(function=get_function("rosenbrock")) == "Rosenbrock: GD kept (edited)"


def test_an_opened_session_or_preset_keeps_its_saved_values():
    """A session on Rosenbrock saved with Beale's rates (and GD at 0.003) opens as saved."""
    saved = Document(get_function("rosenbrock"), default_entries())
    entries = saved.entries
    entries[GD] = with_hparams(entries[GD], {"lr": 0.003})
    saved.update(entries=entries)
    session = session_from_dict(session_of(saved).to_dict())
    window = Document()
    window.assign(document_of(session))
    assert [dict(e.config.hparams) for e in window.entries] == \
        [dict(e.config.hparams) for e in entries]
    # they count as edited for Rosenbrock: the next switch keeps them
    assert window.is_edited(GD)
    assert window.is_edited(MOMENTUM)
    assert not window.is_edited(ADAM)
    note = window.edit(function=get_function("matyas"))
    assert note == "Matyas: GD, Momentum, Nesterov kept (edited)"
    assert window.entries[GD].config.hparams["lr"] == 0.003


def test_a_new_document_on_a_function_takes_its_values():
    d = Document(get_function("goldstein_price"))
    assert d.entries[0].config.hparams["lr"] == 1e-5
