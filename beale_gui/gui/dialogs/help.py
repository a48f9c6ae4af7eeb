"""What the app says about itself: the keyboard shortcuts (listed once: the Help dialog shows
them and the README repeats them), the About box, and the window icon."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from ... import __version__
from ...core.i18n import QT_TRANSLATE_NOOP
from ...resources import icon_path

translate = QCoreApplication.translate

# (keys, what they do), in the order the Help dialog lists them; the dialog shows them
# translated (key names such as "Space" or "Ctrl+F" stay as they are).
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Space", QT_TRANSLATE_NOOP("Help", "Play / pause the animation")),
    ("Right", QT_TRANSLATE_NOOP("Help", "One step forward")),
    ("Left", QT_TRANSLATE_NOOP("Help", "One step back")),
    ("Home", QT_TRANSLATE_NOOP("Help", "Back to step 0")),
    ("End", QT_TRANSLATE_NOOP("Help", "Jump to the last step")),
    (QT_TRANSLATE_NOOP("Help", "+  or  ="), QT_TRANSLATE_NOOP("Help", "Play faster")),
    ("-", QT_TRANSLATE_NOOP("Help", "Play slower")),
    (QT_TRANSLATE_NOOP("Help", "Left click"),
     QT_TRANSLATE_NOOP("Help", "Add a start point (on the canvas)")),
    (QT_TRANSLATE_NOOP("Help", "Left click a path"),
     QT_TRANSLATE_NOOP("Help", "Select its run (the Explain panel shows it)")),
    (QT_TRANSLATE_NOOP("Help", "Drag a start point"), QT_TRANSLATE_NOOP("Help", "Move it")),
    (QT_TRANSLATE_NOOP("Help", "Right click a start point"),
     QT_TRANSLATE_NOOP("Help", "Remove it")),
    (QT_TRANSLATE_NOOP("Help", "Delete  or  Backspace"),
     QT_TRANSLATE_NOOP("Help", "Remove the selected start point")),
    (QT_TRANSLATE_NOOP("Help", "Left drag on the canvas"), QT_TRANSLATE_NOOP("Help", "Pan")),
    (QT_TRANSLATE_NOOP("Help", "Mouse wheel  or  right drag"), QT_TRANSLATE_NOOP("Help", "Zoom")),
    (QT_TRANSLATE_NOOP("Help", "Drag a hyperparameter's name"),
     QT_TRANSLATE_NOOP("Help", "Sweep its value; the paths follow (Shift: finer, Esc: cancel)")),
    (QT_TRANSLATE_NOOP("Help", "Ctrl+wheel on a field"),
     QT_TRANSLATE_NOOP("Help", "Sweep its value (the wheel alone, once the field has focus)")),
    ("M", QT_TRANSLATE_NOOP("Help", "Show / hide the mechanics arrows (descent direction, "
                            "momentum, step)")),
    ("E", QT_TRANSLATE_NOOP("Help", "Show / hide the Explain panel (the selected run's update "
                            "at this step)")),
    ("3", QT_TRANSLATE_NOOP("Help", "Show / hide the 3-D view (drag to turn it, R to reset it)")),
    ("D", QT_TRANSLATE_NOOP("Help", "Show / hide the Data view (a model's samples and the "
                            "selected run's fit)")),
    ("K", QT_TRANSLATE_NOOP("Help", "Show / hide the Curvature view (the Hessian at the selected "
                            "run's head, its stability bound and optimum)")),
    (QT_TRANSLATE_NOOP("Help", "R  or  Ctrl+0"), QT_TRANSLATE_NOOP("Help", "Reset the view")),
    ("B", QT_TRANSLATE_NOOP("Help", "Show / hide the basin map")),
    ("Ctrl+D", QT_TRANSLATE_NOOP("Help", "Model on data: fit a model to a data set")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("Help", "Search hyperparameters")),
    ("Ctrl+Shift+C", QT_TRANSLATE_NOOP("Help", "Compare optimizers fairly")),
    ("Ctrl+E", QT_TRANSLATE_NOOP("Help", "Export an image (PNG or SVG)")),
    ("Ctrl+Shift+E", QT_TRANSLATE_NOOP("Help", "Export an animation (GIF or MP4)")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("Help", "Undo the last change (in a text field: its typing)")),
    (QT_TRANSLATE_NOOP("Help", "Ctrl+Shift+Z  or  Ctrl+Y"),
     QT_TRANSLATE_NOOP("Help", "Redo the change undone")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("Help", "New session")),
    ("Ctrl+O", QT_TRANSLATE_NOOP("Help", "Open a session")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("Help", "Save the session")),
    ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("Help", "Save the session as")),
    ("Shift+F1", QT_TRANSLATE_NOOP("Help", "The guide")),
    ("F1", QT_TRANSLATE_NOOP("Help", "This list of shortcuts")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("Help", "Quit")),
)


def shortcuts_text() -> str:
    """The shortcuts as aligned plain text (for the README and the terminal)."""
    width = max(len(keys) for keys, _ in SHORTCUTS)
    return "\n".join(f"{keys:<{width}}  {what}" for keys, what in SHORTCUTS)


def shortcuts_html() -> str:
    """The shortcuts as an HTML table for the Help dialog, in the interface language."""
    rows = "".join(
        f"<tr><td style='padding:2px 16px 2px 0'><b>{escape(translate('Help', keys))}</b></td>"
        f"<td style='padding:2px 0'>{escape(translate('Help', what))}</td></tr>"
        for keys, what in SHORTCUTS)
    return f"<table>{rows}</table>"


def show_shortcuts(parent: QWidget) -> QDialog:
    """Open the (non-modal) Keyboard shortcuts dialog and return it."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("Help", "Keyboard shortcuts"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    text = QLabel(shortcuts_html())
    text.setTextFormat(Qt.TextFormat.RichText)
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.show()
    return dialog


def show_about(parent: QWidget, app_name: str) -> None:
    QMessageBox.about(
        parent, translate("Help", "About {0}").format(app_name),
        translate("Help", "<b>{0}</b> {1}<p>Gradient-descent optimizers (GD, Momentum, "
                  "Nesterov, Adagrad, RMSprop, Adam and more) moving across 2-D test surfaces, "
                  "step by step, after the blog post <i>Optimization of NN</i>.</p>"
                  "<p>numpy for the numbers; PySide6 and pyqtgraph for the window.</p>")
        .format(app_name, __version__))


def app_icon() -> QIcon:
    """The app's icon: contour rings around a minimum (``resources/icons/beale-gui.svg``, the
    file the desktop entry names too)."""
    return QIcon(str(icon_path()))
