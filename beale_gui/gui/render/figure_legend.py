"""The side column of a trajectory figure: its legend, step counter and summary of the runs.

:class:`FigureLegend` names each optimizer with its hyperparameters, the start points' line
styles, the markers and, in animations, the step counter; a still image lists below it how
each run ended, as the window's results table. It lives in a scene of its own, which
:class:`~beale_gui.gui.render.trajectory.TrajectoryFigure` places beside the canvas.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from ...core.engine import CONVERGED, DIVERGED, RunResult
from ..views import canvas_items as ci
from ..views.run_styles import start_style
from .offscreen import activate_layout

NOTE_PT, LEGEND_PT = 8.5, 9.5
TEXT_COLOUR = "#202020"
NOTE_COLOUR = "#505050"
STEP_TEXT = "step {k} / {n}"
STEP_OF = "step {k} of {n}"   # a still image's step, in its title and run list
SUMMARY_RUNS = 8  # runs listed under a still image's legend


def _number(value) -> str:
    return f"{float(value):.3g}".replace("-", "\u2212")


def _point(xy) -> str:
    return "(" + ", ".join(f"{v:g}".replace("-", "\u2212") for v in xy) + ")"


class FigureLegend:
    """The legend (and step counter, and summary of the runs) in a scene of their own.

    Parameters
    ----------
    result : RunResult
        The runs the figure draws.
    labels, colours : sequence of str
        Legend text and colour per configuration (``result.configs``).
    styles : sequence of Qt.PenStyle, optional
        Line style per configuration (solid by default); given, the start points are told
        apart by where the paths begin, with no line style of their own in the legend.
    run_colours : sequence of str
        Each run's colour.
    mechanics : bool
        Name the mechanics arrows.
    show_step : bool
        Show ``step k / n`` under the legend (animations).
    step : int, optional
        The step a still image shows (default the end): its run list says where each run is
        then, and only the runs diverged by then are named.
    """

    def __init__(self, result: RunResult, labels: Sequence[str], colours: Sequence[str],
                 run_colours: Sequence[str], *, mechanics: bool, show_step: bool,
                 step: int | None = None, styles: Sequence[Qt.PenStyle] | None = None
                 ) -> None:
        self.result = result
        self.run_colours = list(run_colours)
        self.show_step = show_step
        self.last = int(result.stop_step.max()) if result.n_runs else 0
        self.step = self.last if step is None else int(step)
        self.scene = QGraphicsScene()
        self.legend = pg.LegendItem(offset=None, labelTextColor=TEXT_COLOUR,
                                    labelTextSize=f"{LEGEND_PT}pt", verSpacing=-4)
        # a legend floats over a plot at a fixed pixel size; this one scales with the figure
        self.legend.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self.scene.addItem(self.legend)
        line_styles = [Qt.PenStyle.SolidLine] * len(labels) if styles is None else styles
        for label, colour, style in zip(labels, colours, line_styles, strict=True):
            self.legend.addItem(ci.LineSample(*ci.path_pens(colour, style)), html.escape(label))
        if len(result.starts) > 1 and styles is None:
            for s, xy in enumerate(result.starts):
                pen, halo = ci.path_pens("#606060", start_style(s))
                self.legend.addItem(ci.LineSample(pen, halo), f"from {_point(xy)}")
        self.legend.addItem(pg.ScatterPlotItem(symbol="o", size=ci.START_SIZE,
                                               pen=ci.START_PEN, brush=ci.START_BRUSH),
                            "start point")
        function = result.function
        if len(np.asarray(function.minima).reshape(-1, 2)):
            local = not function.global_mask.all()
            self.legend.addItem(pg.ScatterPlotItem(symbol="star", size=16, pen=ci.MINIMUM_PEN,
                                                   brush=ci.MINIMUM_BRUSH),
                                "global minimum" if local else "known minimum")
            if local:
                # the canvas's hollow star, outlined dark on the legend's light ground
                self.legend.addItem(pg.ScatterPlotItem(symbol="star", size=11,
                                                       pen=pg.mkPen("#303030", width=1.2),
                                                       brush=ci.LOCAL_MINIMUM["brush"]),
                                    "local minimum")
        diverged = [i for i in range(result.n_runs) if result.status[i] == DIVERGED
                    and (show_step or result.stop_step[i] <= self.step)]
        if diverged:
            runs = "".join(f"<br><span style='font-size:{NOTE_PT}pt; color:{NOTE_COLOUR}'>"
                           f"{html.escape(self._run_name(i))}</span>" for i in diverged[:4])
            if len(diverged) > 4:
                runs += f"<br>and {len(diverged) - 4} more"
            self.legend.addItem(
                pg.ScatterPlotItem(symbol="x", size=14, pen=ci.CROSS_PEN, brush=ci.CROSS_BRUSH),
                "diverged" + runs)
        if mechanics:
            for kind, label in ci.ARROW_KINDS.items():
                self.legend.addItem(ci.ArrowSample(kind), label)
        activate_layout(self.legend)
        self.legend.updateSize()
        self.step_label = pg.LabelItem("", color=TEXT_COLOUR, size="10pt", justify="left")
        self.scene.addItem(self.step_label)
        self.step_label.setPos(0.0, self.legend.height() + 6.0)
        self.step_label.setVisible(show_step)
        self.summary = pg.LabelItem("", color=TEXT_COLOUR, justify="left")
        self.scene.addItem(self.summary)
        self.summary.setVisible(False)

    def set_step(self, step: int, last: int) -> None:
        """Show ``step k / n`` (when the counter is shown), and the runs at ``step`` in the
        run list (when it is shown)."""
        self.step = int(step)
        if self.show_step:
            self.step_label.setText(STEP_TEXT.format(k=step, n=last))
        if self.summary.isVisible():
            self.summary.setText(self._summary_html())

    def texts(self) -> list[str]:
        """What the column says: each legend entry's text, then the run list (HTML, empty
        when it is not shown)."""
        return [label.text for _, label in self.legend.items] + [
            self.summary.text if self.summary.isVisible() else ""]

    def place_summary(self, width: float, y: float, bottom: float) -> float:
        """Show the runs' outcomes below the legend when they fit above ``bottom``; returns
        the height they add."""
        if self.show_step or width < 120.0:
            return 0.0
        self.summary.setText(self._summary_html())
        self.summary.item.setTextWidth(width)
        height = self.summary.item.boundingRect().height()
        if y + height > bottom:
            return 0.0
        self.summary.setPos(0.0, y)
        self.summary.setVisible(True)
        return height + 10.0

    def _summary_html(self) -> str:
        """How each run ended (as the window's results table), or where it is at an earlier
        step, for a still image: a table, so a wrapped outcome stays under its run's name."""
        result = self.result
        rows = []
        for i in range(min(result.n_runs, SUMMARY_RUNS)):
            rows.append(f"<tr><td style='color:{self.run_colours[i]}'>\u25a0&nbsp;</td>"
                        f"<td>{html.escape(self._run_label(i))}<br>"
                        f"<span style='color:{NOTE_COLOUR}'>{self._outcome(i)}</span></td></tr>")
        if result.n_runs > SUMMARY_RUNS:
            rows.append(f"<tr><td></td><td style='color:{NOTE_COLOUR}'>and "
                        f"{result.n_runs - SUMMARY_RUNS} more runs</td></tr>")
        at = STEP_OF.format(k=self.step, n=self.last).replace(" ", "&nbsp;")
        heading = "Runs" if self.step >= self.last else f"Runs at {at}"
        return (f"<div style='font-size:{NOTE_PT}pt'><b>{heading}</b>"
                f"<table cellspacing='0' cellpadding='0' style='font-size:{NOTE_PT}pt'>"
                + "".join(rows) + "</table></div>")

    def _outcome(self, i: int) -> str:
        """``converged at step 516, f = 0.00136``, or how it diverged, or, before the run's
        end, ``step 50 of 516, f = 0.243``; on one line."""
        result = self.result
        step, stop = int(result.event_step[i]), int(result.stop_step[i])
        if self.step < stop:
            loss = _number(result.shown()[1][i, self.step])
            text = f"{STEP_OF.format(k=self.step, n=stop)}, f = {loss}"
        elif result.status[i] == DIVERGED:
            text = f"diverged at step {step}"
        else:
            ended = result.describe(i) if result.status[i] == CONVERGED else f"{step} steps"
            text = f"{ended}, f = {_number(result.final_loss[i])}"
        # a narrow column breaks the line after the comma only, never inside "3.42e\u221209"
        return ", ".join(part.replace(" ", "&nbsp;") for part in text.split(", "))

    def _run_label(self, i: int) -> str:
        result = self.result
        config = result.configs[int(result.config_index[i])]
        return f"{config.spec.title} from {_point(result.starts[int(result.start_index[i])])}"

    def _run_name(self, i: int) -> str:
        result = self.result
        config = result.configs[int(result.config_index[i])]
        start = result.starts[int(result.start_index[i])]
        return f"{config.spec.title} from {_point(start)}, step {int(result.event_step[i])}"
