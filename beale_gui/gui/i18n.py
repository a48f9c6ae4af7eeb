"""The interface language: Qt's translators for the window and the core's text.

The window's text is English in the code and translated through Qt's own mechanism: every
user-visible string goes through ``translate("Context", "text")`` (this module's
:data:`translate`, which is ``QCoreApplication.translate``; the core's Qt-free text through
:func:`beale_gui.core.i18n.translate`, which :func:`install` points here). The translations are
``beale_gui/resources/i18n/ko/*.ts`` (one per module, kept with ``tools/translations.py``),
compiled into ``beale_gui_ko.qm``; Qt's own ``qtbase_ko.qm`` translates the standard dialogs and
buttons. The command line never installs a translator and stays English.

The language is chosen by the ``language`` setting ("system", "en", "ko"; View > Language), or
for one launch by the ``BEALE_GUI_LANGUAGE`` environment variable; "system" follows the system
locale. Switching rebuilds the window around the same session (:func:`beale_gui.gui.main_window.
run_app`).
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ..core import i18n as core_i18n
from ..resources import resource_path

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

SETTING = "language"
ENVIRONMENT = "BEALE_GUI_LANGUAGE"
SYSTEM = "system"
# each language named in itself, as language menus do
LANGUAGES = {"en": "English", "ko": "한국어"}
CATALOGUE = "i18n/beale_gui_{0}.qm"
QT_CATALOGUES = ("qtbase",)

_installed: list[QTranslator] = []
_language = "en"


def chosen(settings: QSettings) -> str:
    """The language asked for: the environment's, else the setting's ("system" by default)."""
    for value in (os.environ.get(ENVIRONMENT), settings.value(SETTING, SYSTEM)):
        if isinstance(value, str) and (value == SYSTEM or value in LANGUAGES):
            return value
    return SYSTEM


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """The language shown for ``choice``: "system" is the system locale's language where it is
    one we have, else English."""
    if choice != SYSTEM:
        return choice if choice in LANGUAGES else "en"
    name = (locale or QLocale.system()).name().split("_")[0]
    return name if name in LANGUAGES else "en"


def install(language: str) -> str:
    """Make ``language`` ("en", "ko") the interface language of the running application,
    replacing the translators installed before; the language in effect (English when the
    translation cannot be loaded, which is logged)."""
    global _language
    app = QCoreApplication.instance()
    _language = "en"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    core_i18n.set_translator(None)
    if language == "en":
        return "en"
    ours = QTranslator(app)
    if not ours.load(str(resource_path(CATALOGUE.format(language)))):
        log.warning("no translation for %r: the interface stays English", language)
        return "en"
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in QT_CATALOGUES:
        qt = QTranslator(app)
        if qt.load(f"{name}_{language}", folder):
            app.installTranslator(qt)
            _installed.append(qt)
        else:
            log.info("Qt's %s translation for %r is not installed", name, language)
    app.installTranslator(ours)
    _installed.append(ours)
    core_i18n.set_translator(translate)
    _language = language
    return language


@contextmanager
def english():
    """English while the block runs, then the interface language again: a figure built
    inside is the one the command line draws, whatever the window's language (translated
    text is fixed when a widget is made)."""
    language = current()
    if language == "en":
        yield
        return
    install("en")
    try:
        yield
    finally:
        install(language)


def current() -> str:
    """The language installed ("en" when none is)."""
    return _language
