"""The Compare dock in the main window: building it, its menu entries, and what a click loads.

:class:`CompareController` puts :class:`~..forms.compare_panel.ComparePanel` in a dock tabbed
with the Results dock, gives it a toggle in the View menu and Tools > Compare optimizers\u2026
(Ctrl+Shift+C), and turns the panel's ``picked(entry_index, tuned)`` into one
``document.set_entry`` (one undo entry) and ``start_picked(x, y)`` into
``document.add_start``, each replayed on the canvas from step 0. A preset that carries a
comparison (its session's ``"compare"`` entry) opens the dock with that protocol ready.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...core.compare_io import protocol_from_dict
from ...core.session import SessionError
from ...document import Document
from ..forms.compare_panel import ComparePanel
from ..guarded import guarded
from ..notify import MESSAGE_MS
from .tool_dock import ToolDock

translate = QCoreApplication.translate

DOCK_SHARE = 0.5    # of the window's height: the dock when shown


class CompareController(ToolDock):
    """The Compare dock in the main window (:class:`~.tool_dock.ToolDock` says what it is
    built with); a row's tuned values and a map's start are loaded into the document."""

    NAME, KEYS = "compare_dock", "Ctrl+Shift+C"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.dock.hide()
        self.panel.start_picked.connect(self._on_start_picked)

    def _make_panel(self, document: Document, window) -> ComparePanel:
        return ComparePanel(document, window)

    def _texts(self) -> tuple[str, str, str, str]:
        return (translate("CompareController", "Compare"),
                translate("CompareController", "&Compare"),
                translate("CompareController", "&Compare optimizers\u2026"),
                translate("CompareController", "Tune every enabled optimizer with the same "
                          "budget and judge it on other start points: success rates and "
                          "runtime profiles"))

    def show(self, share: float = DOCK_SHARE) -> None:
        super().show(share)

    def offer(self, protocol: dict) -> None:
        """A preset's comparison (its session's ``"compare"`` entry): shown in the form,
        ready to run; a bad one is refused with a message."""
        try:
            self.panel.form.set_protocol(protocol_from_dict(protocol))
        except SessionError as exc:
            self.panel.report_error(str(exc))
            return
        self.show()
        self.panel.form.validate()

    @guarded
    def _on_picked(self, entry_index: int, tuned: dict) -> None:
        entry = self._document.entries[entry_index]
        values = ", ".join(f"{k}={v:.4g}" for k, v in tuned.items())
        self._window.statusBar().showMessage(
            translate("CompareController", "{0}: tuned {1} \u2014 replaying from step 0")
            .format(entry.config.spec.title, values), MESSAGE_MS)
        self._load(entry_index, tuned)

    @guarded
    def _on_start_picked(self, x: float, y: float) -> None:
        self._replay = True
        self._document.add_start(x, y)
        self._window.statusBar().showMessage(
            translate("CompareController", "Start point ({0:.4g}, {1:.4g}) added: every "
                      "enabled optimizer runs from it").format(x, y), MESSAGE_MS)
