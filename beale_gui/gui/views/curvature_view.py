"""The Curvature view: the local Hessian at the selected run's head, what it allows, and the
sharpness along the path.

It shows a :class:`~beale_gui.core.curvature_playhead.Reading` (the run's name and colour,
λmin, λmax and κ or what the Hessian is instead, the gauge of the learning rate with its
verdict coloured and its reason, the GD and heavy-ball optimum with buttons that ask for them
to be loaded) and a :class:`~beale_gui.core.curvature_playhead.Sharpness` (λmax over steps,
the line 2/lr, a cursor at the playhead). It computes nothing: the window's
:class:`~..controllers.curvature.CurvatureController` gives it what to show.
"""

from __future__ import annotations

from html import escape

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core import curvature as cv
from ...core.curvature_playhead import Reading, Sharpness
from ...core.explain import num
from ...core.i18n import QT_TRANSLATE_NOOP
from .canvas_items import cached_axes

translate = QCoreApplication.translate

VERDICT_COLOURS = {cv.STABLE: "#1a7f37", cv.CONVERGING: "#1a7f37",
                   cv.OSCILLATING: "#b26a00", cv.DIVERGING: "#c62828"}
VERDICT_WORDS = {cv.STABLE: QT_TRANSLATE_NOOP("CurvatureView", "stable"),
                 cv.CONVERGING: QT_TRANSLATE_NOOP("CurvatureView", "converging"),
                 cv.OSCILLATING: QT_TRANSLATE_NOOP("CurvatureView", "oscillating"),
                 cv.DIVERGING: QT_TRANSLATE_NOOP("CurvatureView", "diverging")}
EDGE_PEN = pg.mkPen("#505050", width=1.5, style=Qt.PenStyle.DashLine)
CURSOR_PEN = pg.mkPen("#808080", width=1)
GD_NAMES = ("gd", "sgd")
HEAVY_BALL = "momentum"


def _label(text: str = "", small: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)     # every text is escaped HTML
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if small:
        label.setStyleSheet("color: #5a5a5a;")
    return label


class CurvatureView(QWidget):
    """The Curvature dock's content (see the module's description)."""

    load_gd_requested = Signal()           # load GD's optimum rate into the selected entry
    load_heavy_ball_requested = Signal()   # load the heavy ball's lr* and β* into it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._momentum_in_panel = False
        self.edge_label = ""
        self.title_label = _label()
        self.values_label = _label()
        self.gauge_label = _label()
        self.reason_label = _label(small=True)
        self.optimum_label = _label()
        self.hint_label = _label(small=True)
        self.gd_button = QPushButton(translate("CurvatureView", "Load GD rate"))
        self.gd_button.setToolTip(translate(
            "CurvatureView", "Set this GD entry's lr to 2/(λmax + λmin), the best constant "
                             "rate on the local quadratic (Ctrl+Z undoes it)"))
        self.heavy_ball_button = QPushButton(translate("CurvatureView", "Load heavy-ball values"))
        self.heavy_ball_button.setToolTip(translate(
            "CurvatureView", "Set this Momentum entry's lr and momentum to the heavy ball's "
                             "optimum lr* and β* on the local quadratic (Ctrl+Z undoes it)"))
        self.gd_button.clicked.connect(self.load_gd_requested)
        self.heavy_ball_button.clicked.connect(self.load_heavy_ball_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.gd_button)
        buttons.addWidget(self.heavy_ball_button)
        buttons.addStretch(1)

        self.plot_widget = pg.PlotWidget(background="w", axisItems=cached_axes("bottom", "left"))
        self.plot_widget.setMinimumHeight(150)
        plot = self.plot_widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.getViewBox().setMenuEnabled(False)
        plot.setLabel("bottom", translate("CurvatureView", "step"))
        self.sharpness_curve = plot.plot([], [])
        self.edge_curve = plot.plot([], [], pen=EDGE_PEN)
        self._title("#000000", "")
        self.cursor = pg.InfiniteLine(0, angle=90, pen=CURSOR_PEN)
        plot.addItem(self.cursor, ignoreBounds=True)

        layout = QVBoxLayout(self)
        for widget in (self.title_label, self.values_label, self.gauge_label,
                       self.reason_label, self.optimum_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.plot_widget, 1)
        self.show_nothing()

    def sizeHint(self) -> QSize:
        return QSize(340, 520)

    # -- what is shown ----------------------------------------------------------------------
    def show_nothing(self, text: str | None = None) -> None:
        """No run to show: one line, no buttons, an empty plot."""
        self.title_label.setText(escape(text or translate(
            "CurvatureView", "No run yet. Once the runs are computed, select one in the "
                             "results table or click its path on the canvas.")))
        for label in (self.values_label, self.gauge_label, self.reason_label,
                      self.optimum_label, self.hint_label):
            label.clear()
            label.hide()
        self.gd_button.hide()
        self.heavy_ball_button.hide()
        self.set_sharpness(None, "#000000")

    def show_reading(self, reading: Reading, title: str, colour: str,
                     loadable: bool = True, momentum_in_panel: bool = False) -> None:
        """Show ``reading`` of the run named ``title`` drawn in ``colour``; ``loadable``
        False when the run's entry is no longer the panel's (no button then);
        ``momentum_in_panel`` whether the panel has a Momentum entry to select instead."""
        self._momentum_in_panel = momentum_in_panel
        swatch = (f"<span style='background-color:{QColor(colour).name()}'>&nbsp;&nbsp;&nbsp;"
                  f"&nbsp;</span>&nbsp;")
        step = translate("CurvatureView", "at step {0}, ({1}, {2})").format(
            reading.step, num(reading.head[0]), num(reading.head[1]))
        self.title_label.setText(f"{swatch}<b>{escape(title)}</b><br>{escape(step)}")
        self.values_label.setText(escape(reading.curvature.describe()))
        self.values_label.show()
        self._show_gauge(reading)
        self._show_optimum(reading, loadable)

    def _show_gauge(self, reading: Reading) -> None:
        g = reading.gauge
        if g.verdict == cv.NOT_APPLICABLE:
            self.gauge_label.setText(escape(translate(
                "CurvatureView", "lr = {0}: the gauge does not apply").format(num(g.lr))))
        else:
            colour = VERDICT_COLOURS.get(g.verdict, "#000000")
            word = translate("CurvatureView", VERDICT_WORDS.get(g.verdict, g.verdict))
            self.gauge_label.setText(
                escape(translate("CurvatureView", "lr = {0} against the bound {1} ({2:.3g}×): "
                                 ).format(num(g.lr), num(g.bound), g.ratio))
                + f"<b style='color:{colour}'>{escape(word)}</b>")
        self.reason_label.setText(escape(g.reason))
        self.gauge_label.show()
        self.reason_label.show()

    def _show_optimum(self, reading: Reading, loadable: bool) -> None:
        best = reading.optimum
        name = reading.name
        self.gd_button.hide()
        self.heavy_ball_button.hide()
        self.optimum_label.show()
        self.hint_label.show()
        if best is None:
            self.optimum_label.setText(escape(translate(
                "CurvatureView", "No optimum: the Hessian here is not positive definite.")))
            self.hint_label.clear()
            self.hint_label.hide()
            return
        self.optimum_label.setText(
            escape(translate("CurvatureView", "Best on the local quadratic: GD lr = "
                             "2/(λmax + λmin) = {0}; heavy ball lr* = {1}, β* = {2}").format(
                num(best.gd_lr), num(best.momentum_lr), num(best.momentum_beta))))
        if not loadable:
            hint = translate("CurvatureView", "This run's optimizer has changed in the panel; "
                                              "its new runs can take the values.")
        elif name in GD_NAMES:
            self.gd_button.show()
            hint = (translate("CurvatureView", "Select a Momentum run to load the heavy-ball "
                                               "values.") if self._momentum_in_panel else
                    translate("CurvatureView", "Add Momentum in the panel and select its run "
                                               "to load the heavy-ball values."))
        elif name == HEAVY_BALL:
            self.heavy_ball_button.show()
            hint = ""
        else:
            hint = translate("CurvatureView", "Select a GD run to load its rate, or a Momentum "
                                              "run (add Momentum in the panel) for the "
                                              "heavy-ball values.")
        self.hint_label.setText(escape(hint))
        self.hint_label.setVisible(bool(hint))

    def set_sharpness(self, sharpness: Sharpness | None, colour: str) -> None:
        """λmax over steps in ``colour`` and the optimizer's edge of stability, 2/lr for GD
        (None: empty). The y axis starts at 0 (or below, where λmax is negative), so the
        curve and the edge are seen in proportion."""
        plot = self.plot_widget.getPlotItem()
        if sharpness is None:
            self.sharpness_curve.setData([], [])
            self.edge_curve.setData([], [])
            return
        self.sharpness_curve.setData(sharpness.steps, sharpness.lambda_max,
                                     pen=pg.mkPen(colour, width=2), connect="finite")
        if sharpness.edge is None:
            self.edge_curve.setData([], [])
        else:
            self.edge_curve.setData(sharpness.steps, sharpness.edge, connect="finite")
        self._title(colour, sharpness.edge_label if sharpness.edge is not None else "")
        self.edge_curve.setVisible(sharpness.edge is not None)
        plot.enableAutoRange(axis="x")
        plot.disableAutoRange(axis="y")
        plot.setYRange(*sharpness.y_range, padding=0.05)

    def _title(self, colour: str, edge: str) -> None:
        """Names the curves above the plot (no legend to hide them): λmax in the run's
        colour, and the dashed edge."""
        lam = f"<span style='color:{QColor(colour).name()}'><b>λmax</b></span>"
        text = (translate("CurvatureView", "sharpness {0} along the path; dashed: {1}")
                .format(lam, escape(edge)) if edge else
                translate("CurvatureView", "sharpness {0} along the path").format(lam))
        self.edge_label = edge
        self.plot_widget.getPlotItem().setTitle(text, size="9pt", color="#404040")

    def set_cursor(self, step: int) -> None:
        self.cursor.setValue(step)
