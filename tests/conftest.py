"""Test set-up: Qt renders offscreen, and no test may leave a QThread running."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# compiled engine code (numba) is kept here, not in the user's cache; it is named by a hash of
# its sources, so a run after a change compiles afresh
os.environ.setdefault("BEALE_GUI_CACHE_DIR",
                      os.path.join(tempfile.gettempdir(), "beale-gui-tests-compiled"))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _no_dangling_qthreads(request):
    """Fail a test that leaves a QThread running (as napari's ``_dangling_qthreads``)."""
    yield
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    running = [t for t in app.findChildren(QThread) if t.isRunning()]
    # a runner's thread is a child of the runner, not of the app: the runners track theirs
    from beale_gui.gui.task_runner import live_threads

    running += [t for t in live_threads() if t.isRunning() and t not in running]
    if running:
        for t in running:
            t.quit()
            t.wait(2000)
        pytest.fail(f"test left {len(running)} QThread(s) running")


# -- reliability figures ---------------------------------------------------------------------
# The reliability tests count what they tried (fuzz examples, monkey actions, corrupt files
# refused, failed writes that kept the old file) and the run prints the totals at the end.
_FIGURES: dict[str, int] = {}


@pytest.fixture
def no_plugins():
    """No plug-in optimizer registered during the test, and the registry as it was after it:
    loading a plug-in (a file, cli.main's --optimizer-file) registers it in this process."""
    from beale_gui.core.optimizers import plugins

    saved = (dict(plugins._plugins), dict(plugins._sources))
    for registry in (plugins._plugins, plugins._sources):
        registry.clear()
    yield
    for registry, before in zip((plugins._plugins, plugins._sources), saved, strict=True):
        registry.clear()
        registry.update(before)


@pytest.fixture(scope="session")
def reliability_figures() -> dict[str, int]:
    """A session-wide tally: ``figures[name] = figures.get(name, 0) + n``."""
    return _FIGURES


_ORDER = ("engine fuzz examples tried", "session fuzz examples refused or loaded cleanly",
          "monkey actions survived", "corrupt session files refused",
          "wrong-typed session values refused", "failed writes with the old file intact",
          "adversarial inputs tried", "adversarial inputs refused cleanly",
          "adversarial inputs accepted and harmless", "adversarial findings fixed")


def pytest_terminal_summary(terminalreporter):
    if not _FIGURES:
        return
    terminalreporter.section("reliability figures")
    rank = {name: i for i, name in enumerate(_ORDER)}
    for name in sorted(_FIGURES, key=lambda n: (rank.get(n, len(rank)), n)):
        terminalreporter.write_line(f"{name}: {_FIGURES[name]:,}")
