"""The Search dock in the main window: building it, its menu entries, and loading a pick.

:class:`SearchController` puts :class:`~..forms.search_panel.SearchPanel` in a dock, gives it a
toggle in the View menu and Tools > Search\u2026 (Ctrl+F), and turns the panel's
``picked(entry_index, hparams)`` into ``document.set_entry`` and a replay on the canvas from
step 0. A search of a torch class asks about its time first (:mod:`.torch_cost`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...document import Document
from ..forms.search_panel import SearchPanel
from ..guarded import guarded
from .tool_dock import ToolDock
from .torch_cost import confirm_cost

translate = QCoreApplication.translate


class SearchController(ToolDock):
    """The Search dock in the main window (:class:`~.tool_dock.ToolDock` says what it is
    built with): its toggle in the View menu, Tools > Search… (Ctrl+F), loading a pick into
    the parameter panel and replaying it."""

    NAME, KEYS = "search_dock", "Ctrl+F"

    def _make_panel(self, document: Document, window) -> SearchPanel:
        panel = SearchPanel(document, window)
        panel.confirm = self._confirm
        return panel

    def _confirm(self, job) -> bool:
        """A torch class runs one instance per run in a search (each run has its own
        hyperparameters): the time estimate first (:func:`.torch_cost.confirm_cost`)."""
        return confirm_cost(self._window, job.base, job.function,
                            job.budget * len(job.starts), job.max_steps, per_run_hparams=True)

    def _texts(self) -> tuple[str, str, str, str]:
        return (translate("SearchController", "Search"), translate("SearchController", "&Search"),
                translate("SearchController", "&Search hyperparameters\u2026"),
                translate("SearchController", "Grid, random or coarse-to-fine search of one or "
                          "two hyperparameters"))

    @guarded
    def _on_picked(self, entry_index: int, hparams: dict) -> None:
        document = self._document
        entry = document.entries[entry_index]
        values = ", ".join(f"{k}={v:.6g}" for k, v in hparams.items())
        job = self.panel.outcome.job if self.panel.outcome else None
        if job is not None and job.max_steps != document.max_steps:
            message = translate("SearchController", "{0}: {1} \u2014 replaying from step 0 (the "
                                "search ran {2} steps; the canvas runs {3})")
        else:
            message = translate("SearchController", "{0}: {1} \u2014 replaying from step 0")
        self._window.statusBar().showMessage(
            message.format(entry.config.spec.title, values,
                           job.max_steps if job is not None else "", document.max_steps), 10_000)
        self._load(entry_index, hparams)
