"""Fixtures shared by the GUI tests (helpers that are not fixtures are in :mod:`.helpers`)."""

import pyqtgraph as pg
import pytest

from .helpers import open_window, settings_in


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
    more up. Closing it must stop the worker thread."""
    w = open_window(qtbot, settings_in(tmp_path))
    yield w
    w.close()
    assert not w.worker.thread.isRunning()
