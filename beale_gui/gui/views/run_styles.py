"""How the views tell runs apart: a label per optimizer configuration, a line style per start.

The window's legend, its search and basin docks, and the exported figures all name and draw
runs through these, so a run looks the same everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from ...core.engine import OptimizerConfig

# One line style per start point, so runs from different starts tell apart in one colour.
START_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
                Qt.PenStyle.DashDotLine, Qt.PenStyle.DashDotDotLine)


def optimizer_label(config: OptimizerConfig) -> str:
    """``Adam (lr=0.05)``: the title and the settings that differ from the defaults
    (:meth:`OptimizerConfig.title`)."""
    return config.title()


def start_style(start_index: int) -> Qt.PenStyle:
    """The line style of the runs from start point ``start_index`` (the styles repeat)."""
    return START_STYLES[int(start_index) % len(START_STYLES)]
