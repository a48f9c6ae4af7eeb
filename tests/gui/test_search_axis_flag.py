"""The Search form's first range for a flag (RMSprop's centered): both of its values."""

from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.gui.forms.search_axis import default_range


def test_the_form_proposes_a_flags_both_values():
    centered = {p.name: p for p in OPTIMIZERS["rmsprop"].params}["centered"]
    assert default_range(centered) == (0.0, 1.0, "linear")
    momentum = {p.name: p for p in OPTIMIZERS["rmsprop"].params}["momentum"]
    assert default_range(momentum) == (0.5, 0.99, "linear")
