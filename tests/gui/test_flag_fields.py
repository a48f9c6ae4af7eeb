"""0/1 hyperparameters (RMSprop's centered, maximize, the decoupled-decay and rectify switches)
are check boxes in an optimizer's box: a click is an edit the panel writes into its document,
a document from elsewhere (a session, a search result) ticks or unticks them."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox

from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.document import Document
from beale_gui.gui.forms.fields import FlagField, ParamField
from beale_gui.gui.forms.parameters import ParameterPanel

from .helpers import WAIT, debounce_settled

RMSPROP = 4  # index of RMSprop in a new Document


@pytest.fixture
def panel(qtbot):
    widget = ParameterPanel(Document())
    qtbot.addWidget(widget)
    widget.resize(340, 760)
    widget.show()
    return widget


def click(qtbot, check_box) -> None:
    """A click on the box itself (its indicator), as a user clicks it."""
    qtbot.mouseClick(check_box, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, check_box.height() // 2))


def test_every_flag_is_a_check_box_and_every_other_a_number_field(qtbot, panel):
    for name in OPTIMIZERS:
        panel.add_optimizer(name)
    debounce_settled(qtbot, panel)
    for box in panel.boxes:
        for p in box.spec.params:
            shown = box.fields[p.name]
            assert isinstance(shown, FlagField if p.flag else ParamField), (box.name, p.name)
            if p.flag:
                assert isinstance(shown, QCheckBox)
                assert shown.isChecked() == bool(box.entry().config.hparams[p.name])
                assert "ticked: 1" in shown.toolTip()


def test_a_click_writes_1_and_another_writes_0(qtbot, panel):
    box = panel.boxes[RMSPROP]
    assert box.name == "rmsprop"
    box.set_expanded(True)
    centered = box.fields["centered"]
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        click(qtbot, centered)
    assert panel.document.entries[RMSPROP].config.hparams["centered"] == 1
    assert "centered=1" in box.summary.full_text()
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        click(qtbot, box.fields["maximize"])
    assert panel.document.entries[RMSPROP].config.hparams["maximize"] == 1
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        click(qtbot, centered)
    hparams = panel.document.entries[RMSPROP].config.hparams
    assert (hparams["centered"], hparams["maximize"]) == (0, 1)


def test_a_document_from_elsewhere_ticks_the_box_without_an_edit(qtbot, panel):
    given = Document()
    panel.set_hparams(RMSPROP, {"centered": 1, "maximize": 1})
    box = panel.boxes[RMSPROP]
    assert box.fields["centered"].isChecked()
    assert box.fields["maximize"].isChecked()
    assert panel.document.entries[RMSPROP].config.hparams["centered"] == 1
    panel.document.assign(given)                    # e.g. a session opened
    box = panel.boxes[RMSPROP]
    assert not box.fields["centered"].isChecked()
    assert not box.fields["maximize"].isChecked()


def test_a_bad_value_set_on_a_flag_is_marked_not_applied(qtbot, panel):
    flag = panel.boxes[RMSPROP].fields["centered"]
    flag.set_value(2)
    assert "outside [0, 1]" in flag.problem()
    assert "outside [0, 1]" in panel.problem()
    flag.set_value(0)
    assert flag.is_valid()


def test_the_search_form_gives_a_flag_two_grid_points(qtbot, window):
    """Searching RMSprop's lr and centered: the hint says the grid is 200 rates x both values."""
    window.search.action.trigger()
    form = window.search.panel.form
    form.set_optimizer(RMSPROP)
    lr, second = form.rows
    second.name_combo.setCurrentIndex(second.name_combo.findData("centered"))
    assert (second.low.text(), second.high.text(), second.scale_combo.currentData()) == \
        ("0", "1", "linear")
    assert lr.name() == "lr"
    qtbot.waitUntil(lambda: form.budget_hint.text() == "200\u00d72", timeout=WAIT)
