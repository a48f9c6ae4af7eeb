"""The interface language: Qt's translators installed and removed, View > Language, and the
window rebuilt in the new language around the same session."""

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from beale_gui.core import i18n as core_i18n
from beale_gui.core.functions import get_function
from beale_gui.gui import i18n
from beale_gui.gui.window_host import WindowHost

from .helpers import WAIT, delete_later_now, settings_in


@pytest.fixture
def english():
    """Every test leaves the application in English, as the other tests expect."""
    yield
    i18n.install("en")


def test_resolve_follows_the_system_locale_where_we_have_the_language():
    assert i18n.resolve("system", QLocale(QLocale.Language.Korean)) == "ko"
    assert i18n.resolve("system", QLocale(QLocale.Language.German)) == "en"
    assert i18n.resolve("ko") == "ko"
    assert i18n.resolve("en") == "en"
    assert i18n.resolve("xx") == "en"


def test_the_environment_overrides_the_setting(tmp_path, monkeypatch, qapp):
    settings = settings_in(tmp_path)
    settings.setValue(i18n.SETTING, "en")
    monkeypatch.setenv(i18n.ENVIRONMENT, "ko")
    assert i18n.chosen(settings) == "ko"
    monkeypatch.setenv(i18n.ENVIRONMENT, "klingon")     # not a language: the setting's
    assert i18n.chosen(settings) == "en"
    monkeypatch.delenv(i18n.ENVIRONMENT)
    settings.setValue(i18n.SETTING, 42)                 # a bad setting: the system's
    assert i18n.chosen(settings) == "system"


def test_install_translates_qt_and_the_core_and_english_undoes_it(qapp, english):
    assert i18n.install("ko") == "ko"
    assert i18n.current() == "ko"
    # Qt's own standard buttons come from qtbase_ko.qm
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
    assert core_i18n._translator is not None          # the core's text is translated too
    assert i18n.install("en") == "en"
    assert i18n.current() == "en"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert core_i18n._translator is None
    assert core_i18n.translate("RunResult", "diverged") == "diverged"


def test_switching_language_keeps_the_session(qtbot, tmp_path, english, monkeypatch):
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    settings = settings_in(tmp_path)
    settings.setValue(i18n.SETTING, "en")
    host = WindowHost(settings, show=False)
    window = host.window
    try:
        with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
            pass                                      # the runs at launch
        starts = np.array([[1.0, 1.5], [-2.0, 2.0]])
        with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
            window.document.set_function(get_function("rosenbrock"))
        with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
            window.set_starts(starts)
        window.playback.pause()
        window.playback.set_step(7)
        english_title = window.menu_language.title()
        assert window.language_actions["en"].isChecked()

        window.language_actions["ko"].trigger()       # rebuilt once the event loop runs
        qtbot.waitUntil(lambda: host.window is not window, timeout=WAIT)
        new = host.window
        delete_later_now()                            # the old window goes
        qtbot.waitUntil(lambda: new.result() is not None and new.current_step() == 7,
                        timeout=WAIT)
        assert new.document.function.name == "rosenbrock"
        np.testing.assert_array_equal(new.starts(), starts)
        assert english_title == "&Language"
        assert new.menu_language.title() == "언어(&L)"    # the menus are Korean now
        assert new.language_actions["ko"].isChecked()
        assert settings.value(i18n.SETTING) == "ko"
    finally:
        host.close()
        delete_later_now()
