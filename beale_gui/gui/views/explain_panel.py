"""The Explain panel: the selected run's update rule at the playhead step, with its numbers.

For the run state's selected run at its step, the panel shows what
:func:`beale_gui.core.explain.explain` returns: the run's name and colour, "Step t of T", the
update rule in large mathematical type, then each quantity (gradient, state entries, bias
corrections, effective learning rate, step, new point) with its rule, the rule with this step's
numbers per axis and the engine's recorded value, and a line in plain words; then the note and
a link to the optimizer's section of the guide (``guide_requested``). The view computes no
numbers: every one comes from the core, which reads them from the engine's record.

It follows the playhead, the selection and each new result, at most about 15 times a second
while the animation plays, and does nothing while its dock is hidden (:meth:`set_active`): it
catches up when shown. In a narrow dock each quantity takes a few rows (its rule, then one row
per axis); in a wide one, one row with a column per axis.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, QSize, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ...core.engine import RunResult
from ...core.explain import Explanation, explain, num
from ...document import RunState
from ..dialogs.guide_text import optimizer_anchor
from .results_table import format_point
from .run_styles import optimizer_label
from .throttled import ThrottledRefresh

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

REFRESH_MS = 66          # ~15 Hz while the playhead moves
WIDE_PX = 720            # from this width on, one row per quantity with a column per axis
GUIDE_SCHEME = "guide"   # links "guide:<anchor>" open the guide at that section
MATH_FONTS = "'DejaVu Serif', 'Noto Serif', 'Liberation Serif', 'Times New Roman', serif"
STYLE = f"""
.math {{ font-family: {MATH_FONTS}; }}
.rule {{ font-family: {MATH_FONTS}; font-size: x-large; }}
.title {{ font-size: large; font-weight: bold; }}
.step {{ color: #404040; }}
.head {{ color: #505050; font-weight: bold; }}
.axis {{ color: #505050; font-style: italic; }}
.value {{ font-weight: bold; }}
.meaning {{ color: #6a6a6a; font-size: small; }}
.note {{ color: #303030; }}
"""

Explainer = Callable[[RunResult, int, int], Explanation]

MATRIX = ("xx", "xy", "yy")        # the entries of a symmetric 2 x 2 matrix (a Hessian)

class ExplainPanel(QWidget):
    """The selected run's update at the playhead step (see the module's description).

    Parameters
    ----------
    run_state : RunState
        Followed for its result, step and selected run.
    explainer : callable, optional
        ``explainer(result, run, step) -> Explanation``; the core's :func:`explain` by default.
    """

    guide_requested = Signal(str)    # open the guide at this section's anchor

    def __init__(self, run_state: RunState, explainer: Explainer | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_state = run_state
        self._explain = explainer or explain
        self._wide = False
        self._explanation: Explanation | None = None
        self._error: str | None = None
        self.explained = 0       # how many explanations were asked of the core (tests count)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.document().setDefaultStyleSheet(STYLE)
        font = self.browser.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)   # read on a projector
        self.browser.setFont(font)
        self.browser.anchorClicked.connect(self._on_anchor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self._updates = ThrottledRefresh(self._show, REFRESH_MS, self)
        events = run_state.events
        events.result_changed.connect(self._on_changed)
        events.step_changed.connect(self._on_changed)
        events.selection_changed.connect(self._on_changed)

    def sizeHint(self) -> QSize:
        """Wide enough for a quantity's rule and its numbers side by side (the dock's width
        when first shown)."""
        return QSize(390, 480)

    # -- public ------------------------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        """Work only while shown (the dock's ``visibilityChanged``): hidden, the panel asks
        nothing of the core; shown again, it catches up at once."""
        self._updates.set_active(active)

    @property
    def active(self) -> bool:
        return self._updates.active

    def explanation(self) -> Explanation | None:
        """The Explanation on show (None when there is none)."""
        return self._explanation

    def refresh(self) -> None:
        """Show the selected run at the current step now."""
        self._updates.refresh()

    # -- slots ---------------------------------------------------------------------------------
    def _on_changed(self, *_) -> None:
        self._updates.changed()

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == GUIDE_SCHEME:
            self.guide_requested.emit(url.path())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE_PX
        if wide != self._wide:
            self._wide = wide
            if self._updates.active:
                self._render()

    # -- what is shown -------------------------------------------------------------------------
    def _show(self) -> None:
        state = self.run_state
        result, run = state.result, state.selected_run
        self._explanation = None
        self._error = None
        if result is not None and run is not None:
            try:
                self.explained += 1
                self._explanation = self._explain(result, run, state.step)
            except Exception as exc:   # a bug in one explanation must not take the app down
                log.exception("could not explain run %s at step %s", run, state.step)
                self._error = f"{type(exc).__name__}: {exc}"
        self._render()

    def _render(self) -> None:
        state = self.run_state
        result, run, ex = state.result, state.selected_run, self._explanation
        if result is None or run is None:
            body = "<p>{}</p>".format(escape(translate(
                "ExplainPanel", "No run to explain yet. Once the runs are computed, select one in "
                "the results table or click its path on the canvas.")))
        elif ex is None:
            body = "{}<p>{}</p>".format(self._header(result, run, None), escape(translate(
                "ExplainPanel", "This step cannot be explained: {0}").format(self._error or "")))
        else:
            body = self._header(result, run, ex) + self._rule(ex) + self._lines(ex) + \
                self._footer(ex)
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(body)
        self.browser.verticalScrollBar().setValue(scroll)

    def _header(self, result: RunResult, run: int, ex: Explanation | None) -> str:
        colour = QColor(self.run_state.run_colours()[run]).name()
        config = result.configs[int(result.config_index[run])]
        start = format_point(*result.starts[int(result.start_index[run])])
        name = translate("ExplainPanel", "{0} from {1}").format(optimizer_label(config), start)
        step = translate("ExplainPanel", "Step {0} of {1}").format(
            self.run_state.step if ex is None else ex.step, result.n_steps)
        if ex is not None and ex.update > 0:   # the table's and the arrows' are the next one's
            step += " · " + translate("ExplainPanel", "the update from step {0} to step {1}"
                                      ).format(ex.update - 1, ex.update)
        return (f"<p><span style='background-color:{colour}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>"
                f"&nbsp;<span class='title'>{escape(name)}</span><br>"
                f"<span class='step'>{escape(step)}</span></p>")

    @staticmethod
    def _rule(ex: Explanation) -> str:
        # equations the core joins with commas (m̂ and v̂) go on lines of their own
        equations = []
        for entry in ex.rule:
            parts = entry.split(", ")
            equations += parts if all("=" in part for part in parts) else [entry]
        rows = "".join(f"<tr><td class='rule'>{equation}</td></tr>" for equation in equations)
        return f"<table cellspacing='0' cellpadding='3'>{rows}</table>"

    def _lines(self, ex: Explanation) -> str:
        """The quantities as a table (their markup is the core's rich text, shown as is)."""
        quantity, rule = translate("ExplainPanel", "quantity"), translate("ExplainPanel", "rule")
        x, y = self.run_state.result.function.param_names
        rows = []
        if self._wide:
            rows.append("<tr>" + "".join(f"<td class='head'>{escape(h)}</td>"
                                         for h in (quantity, rule, x, y)) + "</tr>")
        for line in ex.lines:
            # the value as the core writes its numbers; alone where the numbers are just it
            per_axis = [f"{numbers} =&nbsp;<span class='value'>{num(v)}</span>"
                        if numbers != num(v)
                        else f"<span class='value'>{numbers}</span>"
                        for numbers, v in zip(line.numbers, line.values, strict=False)]
            meaning = f"<span class='meaning'>{escape(line.meaning)}</span>"
            symbol = f"<td class='math'>{line.symbol}</td>"
            if self._wide:
                cells = "".join(f"<td class='math'>{text}</td>" for text in per_axis)
                if len(per_axis) == 1:
                    cells = f"<td class='math' colspan='2'>{per_axis[0]}</td>"
                elif len(per_axis) == 3:           # a symmetric matrix's xx, xy, yy
                    cells = ("<td class='math' colspan='2'>" + "&nbsp; ".join(
                        f"{axis}:&nbsp;{text}" for axis, text in zip(MATRIX, per_axis,
                                                                      strict=True)) + "</td>")
                rows.append(f"<tr>{symbol}<td class='math'>= {line.formula}</td>{cells}</tr>"
                            f"<tr><td></td><td colspan='3'>{meaning}</td></tr>")
                continue
            rows.append(f"<tr>{symbol}<td class='math'>= {line.formula}</td></tr>")
            axes = {1: ("",), 2: (x, y), 3: MATRIX}[len(per_axis)]
            rows.extend(f"<tr><td class='axis' align='right'>{axis}</td>"
                        f"<td class='math'>{text}</td></tr>"
                        for axis, text in zip(axes, per_axis, strict=False))
            rows.append(f"<tr><td></td><td>{meaning}</td></tr>")
        return f"<table cellspacing='0' cellpadding='3'>{''.join(rows)}</table>"

    @staticmethod
    def _footer(ex: Explanation) -> str:
        parts = []
        if ex.note:   # the core's: where a run stopped, what a stochastic gradient is
            parts.append(f"<p class='note'>{escape(ex.note)}</p>")
        link = translate("ExplainPanel", "About this optimizer…")
        parts.append(f"<p><a href='{GUIDE_SCHEME}:{optimizer_anchor(ex.name)}'>"
                     f"{escape(link)}</a></p>")
        return "".join(parts)
