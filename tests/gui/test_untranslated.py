"""No English left in the Korean window: every user-visible text of the window, its menus,
docks, tooltips and dialogs is Korean when the interface language is Korean.

The window is opened in Korean (with a search run and a basin map, so their panels show their
text too) and every text a user can see is collected: widget texts, titles, tooltips, status
tips, placeholder texts, combo-box entries, table and tab headers, every menu and action.
A text with an English word (three or more Latin letters, outside HTML tags) and no Hangul is
untranslated, unless every such word is a name that stays as it is in Korean software: an
optimizer, a test function, a hyperparameter key, a file format, the app's name.
"""

import re

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTextBrowser,
    QWidget,
)

from beale_gui import APP_NAME
from beale_gui.core.functions import FUNCTIONS
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.gui import i18n

from .helpers import WAIT, close_window, open_window, settings_in

HANGUL = re.compile(r"[\uac00-\ud7a3]")
WORD = re.compile(r"[A-Za-z]{3,}")
TAG = re.compile(r"<[^>]*>|&[a-z]+;")
# names that stay as they are in a Korean interface
NAMES = {w.lower() for name in (
    *APP_NAME.split(), *(s.title for s in OPTIMIZERS.values()), *OPTIMIZERS,
    # hyperparameters written as their symbol (the others are labelled in words)
    "lr", "eps", "beta1", "beta2", "alpha", "rho", "gamma",
    # a language is named in itself in the language menu
    "English",
    *(f.name for f in FUNCTIONS.values()), *(f.title for f in FUNCTIONS.values()),
    "PNG", "SVG", "GIF", "MP4", "CSV", "JSON", "PDF", "HTML", "Ctrl", "Shift", "Alt", "Space",
    "Esc", "Del", "Delete", "Backspace", "Home", "End", "Left", "Right", "PgUp", "PgDown",
    "exp", "sin", "cos", "tan", "tanh", "sqrt", "abs", "log", "max", "min", "eps", "beta",
    "torch", "optim", "numpy", "PySide", "pyqtgraph", "Qt", "ffmpeg", "inf", "nan")
    for w in re.split(r"[\W_]+", name) if w}


def _formula(plain: str) -> bool:
    """A formula in the parameters' own names (a schedule's, as its tooltip gives it)."""
    from beale_gui.core.schedules import SCHEDULES

    keys = {p.name for schedule in SCHEDULES.values() for p in schedule.params}
    keys |= {"lr0", "t", "floor", "cos", "pi", "min", "max"}
    names = re.findall(r"[A-Za-z_][A-Za-z_0-9]*", plain)
    return bool(re.search(r"[*/+]", plain)) and all(n in keys for n in names)


def _english(text: str) -> bool:
    plain = TAG.sub(" ", text)
    if HANGUL.search(plain) or _formula(plain):
        return False
    words = {w for part in re.split(r"[\W_]+", plain) for w in WORD.findall(part)}
    return any(w.lower() not in NAMES for w in words)


def _texts(widget: QWidget):
    """(what, text) for every text ``widget`` and its children show."""
    for w in [widget, *widget.findChildren(QWidget)]:
        name = f"{type(w).__name__} {w.objectName()!r}"
        yield name + " tooltip", w.toolTip()
        yield name + " status tip", w.statusTip()
        if w.isWindow() or isinstance(w, QDockWidget):
            yield name + " title", w.windowTitle()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield name, w.text()
        if isinstance(w, QGroupBox):
            yield name, w.title()
        if isinstance(w, QLineEdit):
            yield name + " placeholder", w.placeholderText()
        if isinstance(w, QTextBrowser):
            yield name, w.toPlainText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item {i}", w.itemText(i)
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{name} tab {i}", w.tabText(i)
                yield f"{name} tab {i} tooltip", w.tabToolTip(i)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:                      # a list model: one column
                columns = 1
            for i in range(columns):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(i, Qt.Orientation.Horizontal, role)
                    if isinstance(value, str):
                        yield f"{name} header {i}", value
            for row in range(min(model.rowCount(QModelIndex()), 200)):   # the items
                for column in range(columns):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.index(row, column).data(role)
                        if isinstance(value, str):
                            yield f"{name} item {row}, {column}", value
        if isinstance(w, QMenu):
            yield name + " menu", w.title()
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            yield from _scene_texts(name, w.scene())
        for action in w.actions():
            yield f"{name} action", action.text()
            yield f"{name} action tooltip", action.toolTip() if action.toolTip() != \
                action.text().replace("&", "") else ""
            yield f"{name} action status tip", action.statusTip()
            if action.menu() is not None:
                yield from _texts(action.menu())


def _scene_texts(name: str, scene):
    """The texts drawn in a plot: axis labels, label and text items, legend entries."""
    for item in scene.items():
        what = f"{name} {type(item).__name__}"
        if isinstance(item, pg.AxisItem):
            yield what + " label", item.labelText if item.label.isVisible() else ""
        elif isinstance(item, pg.LabelItem):
            yield what, item.text
        elif isinstance(item, QGraphicsTextItem):
            yield what, item.toPlainText()
        elif isinstance(item, QGraphicsSimpleTextItem):
            yield what, item.text()


def untranslated(widget: QWidget) -> list[str]:
    seen, found = set(), []
    for what, text in _texts(widget):
        if text and text not in seen and _english(text):
            seen.add(text)
            found.append(f"{what}: {text!r}")
    return found


@pytest.fixture
def korean_window(qtbot, tmp_path):
    i18n.install("ko")
    w = open_window(qtbot, settings_in(tmp_path), size=(1280, 800))
    yield w
    close_window(w)
    i18n.install("en")


def test_the_korean_window_shows_no_english(korean_window, qtbot):
    w = korean_window
    w.explain_dock.show()                      # the Explain panel on the selected run
    w.run_state.select(w.result().n_runs - 1)
    w.playback.set_step(12)
    qtbot.waitUntil(lambda: w.explain_panel.explanation() is not None, timeout=WAIT)
    w.action_guide.trigger()                   # and the guide
    qtbot.waitUntil(lambda: w.guide is not None and w.guide.isVisible(), timeout=WAIT)
    missing = untranslated(w) + untranslated(w.guide)
    assert not missing, f"{len(missing)} untranslated texts:\n" + "\n".join(missing)


def test_the_korean_dialogs_show_no_english(korean_window, qtbot):
    from beale_gui.gui.dialogs.export_dialog import ExportDialog
    from beale_gui.gui.dialogs.help import show_shortcuts

    w = korean_window
    dialogs = [show_shortcuts(w), ExportDialog(w, False, "figure.png"),
               ExportDialog(w, True, "animation.gif")]
    try:
        missing = [text for d in dialogs for text in untranslated(d)]
    finally:
        for d in dialogs:
            d.close()
            d.deleteLater()
    assert not missing, f"{len(missing)} untranslated texts:\n" + "\n".join(missing)


def test_every_hyperparameter_has_a_korean_label(korean_window):
    from beale_gui.core.engine import BATCH_SIZE, NOISE
    from beale_gui.core.schedules import SCHEDULES
    from beale_gui.gui.forms.fields import param_title

    params = {p.name for spec in OPTIMIZERS.values() for p in spec.params}
    params |= {p.name for schedule in SCHEDULES.values() for p in schedule.params}
    params |= {BATCH_SIZE.name, NOISE.name}
    english = [name for name in sorted(params) if _english(param_title(name))]
    assert not english, english
