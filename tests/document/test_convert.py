"""The one converter each way: Session -> Document -> Session keeps everything, colours,
enabled flags and the view included; the presets open; what the window cannot show is refused;
and the document package never imports Qt."""

import dataclasses
import subprocess
import sys

import numpy as np
import pytest

from beale_gui.core.engine import OptimizerConfig, StochasticConfig
from beale_gui.core.functions import parse_expression
from beale_gui.core.schedules import ScheduleConfig
from beale_gui.core.session import Experiment, Session, SessionError
from beale_gui.core.session_load import load_session
from beale_gui.document import (
    PALETTE,
    Document,
    OptimizerEntry,
    document_of,
    fingerprint,
    session_of,
)
from beale_gui.resources import preset_paths


def _session() -> Session:
    f = parse_expression("(x - 1)**2 + 3*y**2", bounds=((-2.0, 4.0), (-3.0, 3.0)),
                         minima=((1.0, 0.0),))
    configs = [OptimizerConfig("adam", {"lr": 0.1, "beta1": 0.8},
                               ScheduleConfig("step", {"step_size": 50})),
               OptimizerConfig("momentum", {"lr": 0.02}, stochastic=StochasticConfig(2, 0.5)),
               OptimizerConfig("gd", {"lr": 0.01})]
    exp = Experiment(f, configs, np.array([[0.5, 0.5], [-1.0, -2.0]]), 300, 1e-8, 9,
                     "(x - 1)**2 + 3*y**2", view=((-1.5, 2.5), (-2.0, 2.0)),
                     colours=["#123456", "#ABCDEF", "#E69F00"])
    return Session(exp, [True, False, True])


def test_a_session_round_trips_through_a_document():
    session = _session()
    document = document_of(session)
    assert [e.colour for e in document.entries] == ["#123456", "#ABCDEF", "#E69F00"]
    assert [e.enabled for e in document.entries] == [True, False, True]
    assert document.view == ((-1.5, 2.5), (-2.0, 2.0))
    assert document.expression == "(x - 1)**2 + 3*y**2"
    again = session_of(document)
    assert again.to_dict() == session.to_dict()
    assert fingerprint(again) == fingerprint(session)


def test_a_document_round_trips_through_a_session():
    document = Document(starts=[[1.0, 2.0], [3.0, -1.0]], max_steps=77, tol=0.0, seed=4,
                        view=((0.0, 1.0), (2.0, 3.0)))
    back = document_of(session_of(document))
    assert back.values().keys() == document.values().keys()
    for name, value in document.values().items():
        if name == "starts":
            np.testing.assert_array_equal(back.starts, value)
        elif name == "function":
            assert back.function is value       # a built-in comes back as itself
        else:
            assert getattr(back, name) == value, name


def test_an_unusable_view_is_not_saved_and_the_fingerprint_ignores_the_view():
    document = Document(view=((1.0, 1.0 + 1e-13), (0.0, 1.0)))
    assert session_of(document).experiment.view is None
    moved = Document(view=((0.0, 5.0), (0.0, 5.0)))
    assert fingerprint(session_of(moved)) == fingerprint(session_of(Document()))


def test_missing_colours_take_the_spare_palette_colours():
    session = _session()
    session.experiment.colours = [None, PALETTE[0], None]
    entries = document_of(session).entries
    assert [e.colour for e in entries] == [PALETTE[1], PALETTE[0], PALETTE[2]]


def test_a_list_of_hyperparameter_values_is_refused():
    session = _session()
    session.experiment.optimizers[0] = OptimizerConfig("adam", {"lr": np.array([0.1, 0.2])})
    with pytest.raises(SessionError, match=r"optimizers\[0\].hparams.lr"):
        document_of(session)


@pytest.mark.parametrize("path", preset_paths(), ids=lambda p: p.stem)
def test_every_preset_becomes_a_document_and_back(path):
    session = load_session(path)
    document = document_of(session)
    assert all(isinstance(e, OptimizerEntry) for e in document.entries)
    # a comparison preset's protocol goes to the Compare dock when the preset opens, not into
    # the document; every other part of every preset comes back
    experiment = session.experiment
    shown = dataclasses.replace(experiment, extra={k: v for k, v in experiment.extra.items()
                                                   if k != "compare"})
    assert set(experiment.extra) <= {"compare"}
    assert fingerprint(session_of(document)) == fingerprint(Session(shown, session.enabled))


def test_the_document_imports_no_qt():
    """In a fresh interpreter, the document package loads no Qt module at all."""
    code = ("import sys, beale_gui.document\n"
            "from beale_gui.document import convert, document, events, run_state\n"
            "qt = ('PySide6', 'pyqtgraph', 'shiboken6', 'PyQt5', 'PyQt6')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in qt))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
