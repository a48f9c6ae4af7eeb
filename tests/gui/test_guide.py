"""The built-in guide: a section for every optimizer and every preset, opened at a section from
Help > Guide and the Explain panel, every paragraph translated (issue 17)."""

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.gui.dialogs.guide import GuideDialog
from beale_gui.gui.dialogs.guide_text import guide_sections, optimizer_anchor, preset_anchor
from beale_gui.resources import preset_paths

from .helpers import close_window, new_window, settings_in

# opening the guide while it is open raises it, which the offscreen platform cannot do
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", extend=True)


def anchors() -> list[str]:
    return [s.anchor for _, sections in guide_sections() for s in sections]


def test_every_optimizer_and_every_preset_has_a_section():
    listed = anchors()
    assert len(listed) == len(set(listed))
    missing = [name for name in OPTIMIZERS if optimizer_anchor(name) not in listed]
    assert not missing, f"optimizers without a guide section: {missing}"
    presets = preset_paths()
    assert presets
    missing = [p.name for p in presets if preset_anchor(p) not in listed]
    assert not missing, f"presets without a guide section: {missing}"
    assert {"arrows", "effective-lr", "stop-rule", "basins", "search"} <= set(listed)


def test_every_section_says_something():
    for _, sections in guide_sections():
        for section in sections:
            assert section.title.strip()
            words = sum(len(p.split()) for p in section.paragraphs)
            assert 15 <= words <= 200, (section.anchor, words)


class Shouting(QTranslator):
    """A translator that upper-cases every text of the guide's context."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return source.upper() if context == "Guide" else None


@pytest.mark.usefixtures("qapp")
def test_every_paragraph_goes_through_translation():
    translator = Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        for heading, sections in guide_sections():
            assert heading == heading.upper()
            for section in sections:
                assert section.title == section.title.upper()
                for paragraph in section.paragraphs:
                    # formulas are mathematics, the same in every language
                    assert paragraph.startswith("= ") or paragraph == paragraph.upper(), \
                        paragraph
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_guide_opens_at_a_section(qtbot):
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    assert not dialog.isModal()
    dialog.open_at(optimizer_anchor("rmsprop"))
    assert dialog.isVisible()
    assert dialog.current_anchor() == "optimizer-rmsprop"
    top = dialog.text.cursorForPosition(dialog.text.viewport().rect().topLeft())
    assert "RMSprop" in top.block().text() or dialog.text.verticalScrollBar().value() > 0
    first = dialog.text.verticalScrollBar().value()
    dialog.open_at(preset_anchor("08-learning-rate-decay.json"))
    assert dialog.current_anchor() == "preset-08-learning-rate-decay"
    assert dialog.text.verticalScrollBar().value() > first
    assert "Noisy SGD under five schedules" in dialog.text.toPlainText()


def test_help_guide_opens_one_non_modal_guide(qtbot, tmp_path):
    window = new_window(settings_in(tmp_path))
    try:
        assert window.action_guide.shortcut().toString() == "Shift+F1"
        window.action_guide.trigger()
        guide = window.guide
        assert guide is not None
        assert guide.isVisible()
        assert not guide.isModal()
        window.action_guide.trigger()    # open already: the same one
        assert window.guide is guide
    finally:
        close_window(window)
