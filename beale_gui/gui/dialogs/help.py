"""What the app says about itself: the keyboard shortcuts (listed once: the Help dialog shows
them and the README repeats them), the About box, and the window icon."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from ... import __version__
from ...resources import icon_path

# (keys, what they do), in the order the Help dialog lists them.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Space", "Play / pause the animation"),
    ("Right", "One step forward"),
    ("Left", "One step back"),
    ("Home", "Back to step 0"),
    ("End", "Jump to the last step"),
    ("+  or  =", "Play faster"),
    ("-", "Play slower"),
    ("Left click", "Add a start point (on the canvas)"),
    ("Left click a path", QT_TRANSLATE_NOOP("Help", "Select its run (the Explain panel shows it)")),
    ("Drag a start point", "Move it"),
    ("Right click a start point", "Remove it"),
    ("Delete  or  Backspace", "Remove the selected start point"),
    ("Left drag on the canvas", "Pan"),
    ("Mouse wheel  or  right drag", "Zoom"),
    ("M", "Show / hide the mechanics arrows (descent direction, momentum, step)"),
    ("E", QT_TRANSLATE_NOOP("Help", "Show / hide the Explain panel (the selected run's update "
                                    "at this step)")),
    ("R  or  Ctrl+0", "Reset the view"),
    ("B", "Show / hide the basin map"),
    ("Ctrl+F", "Search hyperparameters"),
    ("Ctrl+E", "Export an image (PNG or SVG)"),
    ("Ctrl+Shift+E", "Export an animation (GIF or MP4)"),
    ("Ctrl+N", "New session"),
    ("Ctrl+O", "Open a session"),
    ("Ctrl+S", "Save the session"),
    ("Ctrl+Shift+S", "Save the session as"),
    ("Shift+F1", QT_TRANSLATE_NOOP("Help", "The guide")),
    ("F1", "This list of shortcuts"),
    ("Ctrl+Q", "Quit"),
)


def shortcuts_text() -> str:
    """The shortcuts as aligned plain text (for the README and the terminal)."""
    width = max(len(keys) for keys, _ in SHORTCUTS)
    return "\n".join(f"{keys:<{width}}  {what}" for keys, what in SHORTCUTS)


def shortcuts_html() -> str:
    """The shortcuts as an HTML table for the Help dialog."""
    rows = "".join(
        f"<tr><td style='padding:2px 16px 2px 0'><b>{escape(keys)}</b></td>"
        f"<td style='padding:2px 0'>{escape(what)}</td></tr>"
        for keys, what in SHORTCUTS)
    return f"<table>{rows}</table>"


def show_shortcuts(parent: QWidget) -> QDialog:
    """Open the (non-modal) Keyboard shortcuts dialog and return it."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts")
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
        parent, f"About {app_name}",
        f"<b>{app_name}</b> {__version__}<p>Gradient-descent optimizers (GD, Momentum, "
        "Nesterov, Adagrad, RMSprop, Adam and more) moving across 2-D test surfaces, step by "
        "step, after the blog post <i>Optimization of NN</i>.</p>"
        "<p>numpy for the numbers; PySide6 and pyqtgraph for the window.</p>")


def app_icon() -> QIcon:
    """The app's icon: contour rings around a minimum (``resources/icons/beale-gui.svg``, the
    file the desktop entry names too)."""
    return QIcon(str(icon_path()))
