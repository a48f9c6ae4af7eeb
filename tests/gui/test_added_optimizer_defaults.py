"""An optimizer added from the panel's menu starts with the hyperparameters the function
declares for it (Lion moves on Beale at 0.005, not the paper's 1e-4), the registry's where it
names none, and follows a change of function until it is edited."""

import pytest

from beale_gui.core.functions import get_function
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.document import Document
from beale_gui.gui.forms.parameters import ParameterPanel

from .helpers import WAIT


@pytest.fixture
def panel(qtbot):
    widget = ParameterPanel(Document())
    qtbot.addWidget(widget)
    return widget


def _add(qtbot, panel, name):
    action = panel.add_menu.actions()[list(OPTIMIZERS).index(name)]
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        action.trigger()
    return panel.document.entries[-1].config.hparams


def test_an_added_optimizer_takes_the_functions_values(qtbot, panel):
    lion = _add(qtbot, panel, "lion")
    assert lion["lr"] == 0.005
    assert panel.boxes[-1].fields["lr"].value() == 0.005
    assert {k: v for k, v in lion.items() if k != "lr"} == {
        k: v for k, v in OPTIMIZERS["lion"].defaults.items() if k != "lr"}
    rprop = _add(qtbot, panel, "rprop")
    assert dict(rprop) == OPTIMIZERS["rprop"].defaults          # Beale names none for it


def test_an_added_optimizer_follows_a_change_of_function(qtbot, panel):
    _add(qtbot, panel, "radam")
    assert panel.document.entries[-1].config.hparams["lr"] == 0.02
    note = panel.document.edit(function=get_function("rosenbrock"))
    assert "Rosenbrock" in note
    assert panel.document.entries[-1].config.hparams["lr"] == 0.002
    assert not panel.document.is_edited(len(panel.document.entries) - 1)
