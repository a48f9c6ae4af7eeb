"""Translation of the user-visible text the core makes (statuses, parameter help, the Explain
panel's words), without Qt.

The core marks such text with :func:`translate` (``translate("Context", "text")``, the same
call Qt's ``QCoreApplication.translate`` is, so ``pyside6-lupdate`` finds it) or, for a constant
translated where it is shown, :func:`QT_TRANSLATE_NOOP`. Until a translator is installed
(:func:`set_translator`, which the window does with Qt's) both return the English text, so the
command line and every Qt-free use stay English.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, "str | None", int], str]

_translator: Translator | None = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface language (English without a translator)."""
    if _translator is None:
        return text
    return _translator(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """Marks ``text`` for translation in ``context``; returns it unchanged (translated later
    with ``translate(context, text)``)."""
    return text


def set_translator(translator: Translator | None) -> None:
    """Install the function :func:`translate` calls (None: English again)."""
    global _translator
    _translator = translator
