"""Test set-up: Qt renders offscreen, and no test may leave a QThread running."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

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
    # threads without a parent are not children of the app: the window tracks its own
    import shiboken6

    from beale_gui.gui import worker_registry

    running += [t for t in worker_registry.live_threads()
                if shiboken6.isValid(t) and t.isRunning()]
    if running:
        for t in running:
            t.quit()
            t.wait(2000)
        pytest.fail(f"test left {len(running)} QThread(s) running")
