"""Add optimizer > torch optimizer…: any ``torch.optim`` class by its import path.

The user types (or picks from a few suggestions) an import path such as ``torch.optim.Adam`` or
``pytorch_optimizer.Lion``; OK asks the core for ``torch:<path>``
(:func:`~beale_gui.core.optimizers.get_optimizer`, which imports the module). When the core
refuses, its one line shows in red under the field and the dialog stays open: nothing is
added. When it accepts, the dialog closes and :attr:`TorchDialog.name` is the optimizer's
registry name, which the parameter panel adds as any other.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from ...core.optimizers import get_optimizer
from ...core.optimizers.torch_adapter import PREFIX
from ..forms.form_labels import HintLabel, MessageLabel, compact_form

translate = QCoreApplication.translate

SUGGESTIONS = ("torch.optim.Adam", "torch.optim.SGD", "torch.optim.RMSprop",
               "torch.optim.Adagrad", "torch.optim.AdamW", "torch.optim.NAdam",
               "torch.optim.LBFGS", "pytorch_optimizer.Lion", "pytorch_optimizer.Lamb",
               "pytorch_optimizer.AdaBelief")


class TorchDialog(QDialog):
    """An import path, a line on what happens, the core's refusal in red, OK and Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("TorchDialog", "Add a torch optimizer"))
        self.name = ""
        self.path = QComboBox(self)
        self.path.setEditable(True)
        self.path.addItems(SUGGESTIONS)
        self.path.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.path.setMinimumContentsLength(28)
        self.path.setToolTip(translate("TorchDialog", "<module>.<Class> of a torch.optim."
                                       "Optimizer, e.g. torch.optim.Adam"))
        self.path.editTextChanged.connect(self._on_edited)
        self.message = MessageLabel(self)
        hint = HintLabel(translate(
            "TorchDialog", "The class's constructor keywords become the optimizer's fields "
            "(a tuple such as betas as betas[0], betas[1]). Its module is imported: its code "
            "runs. Classes outside torch's elementwise ones run one instance per run, which is "
            "slower."), self)
        form = compact_form(QFormLayout())
        form.addRow(translate("TorchDialog", "import path"), self.path)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def set_path(self, text: str) -> None:
        self.path.setEditText(text)

    def try_accept(self) -> bool:
        """Resolve the path through the core; accept the dialog when it is a torch optimizer,
        else show the core's one line and stay open. True when accepted."""
        text = self.path.currentText().strip()
        if text.startswith(PREFIX):
            text = text[len(PREFIX):].strip()
        if not text:
            self.message.show_message(translate("TorchDialog", "Type an import path, such as "
                                                "torch.optim.Adam."))
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)   # importing takes a while
        try:
            spec = get_optimizer(PREFIX + text)
        except Exception as error:     # ValueError: the core's one line; else a class's own
            text = str(error) if isinstance(error, ValueError) else \
                f"{PREFIX}{text}: {type(error).__name__}: {error}"
            self.message.show_message(" ".join(text.split()))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.name = spec.name
        self.message.show_message("")
        self.accept()
        return True

    def _on_edited(self, *_) -> None:
        self.message.show_message("")
