"""Fixtures shared by the GUI tests (helpers that are not fixtures are in :mod:`.helpers`)."""

import pyqtgraph as pg
import pytest

from .helpers import close_all_windows, close_window, open_window, settings_in


@pytest.fixture(autouse=True)
def _windows_closed_and_deleted():
    """After each test: every window it made is closed (its threads stopped) and deleted, and
    every pending deleteLater has run, so nothing of this test lives on into the next. Torn
    down after the test's own fixtures and before tests/conftest.py looks for running
    threads."""
    yield
    close_all_windows()


@pytest.fixture
def no_mouse_rate_limit():
    """pyqtgraph drops mouse moves closer than 10 ms apart; QTest sends them faster."""
    old = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOption("mouseRateLimit", -1)
    yield
    pg.setConfigOption("mouseRateLimit", old)


@pytest.fixture
def window(qtbot, tmp_path):
    """The window as launched, with its first result drawn; a module may override it to set
    more up. Closing it must stop the worker thread (and the search's and basin map's); then
    it is deleted."""
    w = open_window(qtbot, settings_in(tmp_path))
    yield w
    close_window(w)
