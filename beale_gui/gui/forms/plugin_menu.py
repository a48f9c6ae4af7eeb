"""The plug-ins part of the parameter panel's Add optimizer menu.

Under the built-ins, a section "Plug-ins": every plug-in loaded in this process (from a file or
an installed package), then the optimizers installed packages offer through the entry-point
group ``beale_gui.optimizers`` that are not imported yet (listed by name; nothing is imported
until one is chosen), then "From file…". The optimizers are the core's
(:mod:`beale_gui.core.optimizers.plugins`); this module only makes menu entries of them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ...core.optimizers import plugins, torch_adapter
from ...core.optimizers.base import OptimizerSpec

translate = QCoreApplication.translate


def plugin_origin(name: str) -> str:
    """Where the plug-in ``name`` comes from, for a tooltip ("A plug-in from /path/x.py");
    "" for a built-in."""
    source = plugins.source_of(name)
    if source is not None:
        return translate("PluginMenu", "A plug-in from {0}").format(source[0])
    if plugins.find(name) is not None:
        return translate("PluginMenu", "A plug-in from an installed package")
    return ""


def plugin_tooltip(spec: OptimizerSpec) -> str:
    """An optimizer's tooltip: its description, and for a plug-in where it comes from."""
    description = translate("Optimizers", spec.description)
    origin = plugin_origin(spec.name)
    return f"{description}\n{origin}" if origin and description else origin or description


def fill_plugins(menu: QMenu, entry_points: list[str], add: Callable[[str], object],
                 from_file: Callable[[], object],
                 from_torch: Callable[[], object] | None = None) -> list[QAction]:
    """Append the plug-ins section to ``menu``: the loaded plug-ins and the entry points not
    loaded yet (``add(name)`` when chosen), then "From file…" (``from_file()``) and, given
    ``from_torch``, "torch optimizer…" (disabled, saying how to install it, without torch);
    the actions added, for the next refill to remove."""
    actions = [menu.addSection(translate("PluginMenu", "Plug-ins"))]
    loaded = plugins.plugin_specs()
    for spec in loaded.values():
        action = menu.addAction(spec.title)
        action.setToolTip(plugin_tooltip(spec))
        action.triggered.connect(lambda _=False, name=spec.name: add(name))
        actions.append(action)
    for name in entry_points:
        if name in loaded:
            continue
        action = menu.addAction(name)
        action.setToolTip(translate("PluginMenu", "From an installed package (entry point "
                                    "{0}); its code is imported when you choose it")
                          .format(name))
        action.triggered.connect(lambda _=False, name=name: add(name))
        actions.append(action)
    action = menu.addAction(translate("PluginMenu", "From file\u2026"))
    action.setToolTip(translate("PluginMenu", "Load an optimizer from a Python file (its "
                                "PARAMS, init and update; README, \u201cYour own "
                                "optimizer\u201d). The file's code runs."))
    action.triggered.connect(lambda _=False: from_file())
    actions.append(action)
    if from_torch is not None:
        actions.append(torch_action(menu, from_torch))
    return actions


def torch_action(menu: QMenu, from_torch: Callable[[], object]) -> QAction:
    """The menu's "torch optimizer…": ``from_torch()`` when chosen; disabled when torch is
    not installed, its tooltip saying how to install it."""
    action = menu.addAction(translate("PluginMenu", "torch optimizer\u2026"))
    if torch_adapter.torch_installed():
        action.setToolTip(translate("PluginMenu", "Any torch.optim optimizer by its import "
                                    "path, e.g. torch.optim.Adam or pytorch_optimizer.Lion; "
                                    "its module is imported"))
    else:
        action.setEnabled(False)
        action.setToolTip(translate("PluginMenu", "torch is not installed: pip install -e "
                                    "\".[torch]\" (with the torch build for your platform "
                                    "installed first)"))
    action.triggered.connect(lambda _=False: from_torch())
    return action
