"""Measurements that need a fresh process; ``bench.py`` runs ``python probes.py KIND``.

Each prints one line, ``RESULT <number>`` (``memory-clicks``: four numbers):

- ``startup``: builds the real main window offscreen (temporary settings, default layout),
  shows it, and prints the seconds from the process's start to its first paint.
- ``startup-empty``: the same for an empty ``QMainWindow``: what Qt itself costs.
- ``import-core``: seconds to import every module of ``beale_gui.core``.
- ``import-numpy``: seconds to import numpy (the floor of the line above).
- ``memory``: the main window offscreen runs 6 optimizers x 100,000 steps (record_state, as
  the app does) and draws them; prints the peak resident memory above the baseline (the
  window with its first result drawn and its compiled code loaded), in MB.
- ``memory-engine``: the same run through the engine alone, peak above the baseline in MB.
- ``memory-clicks``: the main window offscreen at its default settings (6 optimizers x 1,000
  steps); :data:`CLICKS` clicks on the canvas, one after another, each adding a start point
  (so every click's result has 6 more runs), each result drawn with the playhead at its end
  and in its middle. Prints the resident size after the last click and after the first, both
  above the baseline (the window with its launch result drawn), then the baseline itself, in
  MB, and the number of RunResult objects alive at the end. Each figure is read once the
  window has let go of the freed memory (:data:`beale_gui.gui.main_window.RELEASE_MS` after
  the result).
"""

from __future__ import annotations

import os
import sys
import time

T0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)    # this checkout's package, not one installed from another
# every module of beale_gui.core, read off the folder (importing it would start the clock late)
_CORE = os.path.join(ROOT, "beale_gui", "core")
# every module of the core, packages' modules included ("engine", "engine.run", ...)
CORE_MODULES = tuple(sorted(
    os.path.relpath(os.path.join(folder, name), _CORE)[:-3].replace(os.sep, ".")
    .removesuffix(".__init__")
    for folder, _, names in os.walk(_CORE) for name in names
    if name.endswith(".py") and not (folder == _CORE and name == "__init__.py")))
MEMORY_STEPS = 100_000
CLICKS = 50
_KEPT: list = []       # what must outlive the measurement (see startup)


def process_seconds() -> float:
    """Seconds since this process started (from /proc, so the interpreter's start counts)."""
    with open("/proc/self/stat") as f:
        start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def reset_peak() -> None:
    """Reset the kernel's high-water mark of resident memory (Linux >= 4.0)."""
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def _first_paint(window, app) -> float:
    from PySide6.QtCore import QEvent, QObject, QTimer

    seen: list[float] = []

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint and not seen:
                seen.append(process_seconds())
                QTimer.singleShot(0, app.quit)
            return False

    watch = Watch()
    app.installEventFilter(watch)
    window.show()
    QTimer.singleShot(10_000, app.quit)
    app.exec()
    if not seen:
        raise RuntimeError("the window was never painted")
    return seen[0]


def startup(empty: bool) -> float:
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    if empty:
        window = QMainWindow()
        window.resize(1400, 900)
    else:
        from beale_gui.gui.main_window import MainWindow

        path = os.path.join(tempfile.mkdtemp(), "layout.ini")
        window = MainWindow(QSettings(path, QSettings.Format.IniFormat), restore=False)
    _KEPT.append(window)    # alive to the end: deleted open, its threads would abort the exit
    return _first_paint(window, app)


def import_time(what: str) -> float:
    import importlib

    t = time.perf_counter()
    if what == "numpy":
        importlib.import_module("numpy")
    else:
        for name in CORE_MODULES:
            importlib.import_module(f"beale_gui.core.{name}")
    return time.perf_counter() - t


def _wait(signal, app, timeout_ms: int = 120_000) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def _window_shown():
    """The application and a window at 1400x900 on a settings file of its own, shown, its
    launch result drawn."""
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from beale_gui.gui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    path = os.path.join(tempfile.mkdtemp(), "layout.ini")
    window = MainWindow(QSettings(path, QSettings.Format.IniFormat), restore=False)
    window.resize(1400, 900)
    window.show()
    _wait(window.runs_ready, app)
    window.grab()
    return app, window


def memory_gui() -> float:
    import gc

    app, window = _window_shown()
    _compiled(window, app)
    gc.collect()
    base = rss_mb()
    reset_peak()
    window.document.update(max_steps=MEMORY_STEPS, tol=0.0)
    _whole_result(window, app)
    result = window.result()
    if result is None or result.n_steps != MEMORY_STEPS:
        raise RuntimeError("the long run did not arrive")
    window.grab()
    window.playback.set_step(MEMORY_STEPS // 2)
    window.grab()
    peak = peak_rss_mb()
    window.close()
    return peak - base


def memory_engine() -> float:
    import gc

    from beale_gui.core.engine import run
    from beale_gui.core.functions import get_function
    from beale_gui.document import default_entries

    beale = get_function("beale")
    configs = [e.config for e in default_entries()]
    run(beale, configs, [[0.7, 1.4]], max_steps=100, record_state=True)
    gc.collect()
    base = rss_mb()
    reset_peak()
    result = run(beale, configs, [[0.7, 1.4]], max_steps=MEMORY_STEPS, tol=0.0,
                 record_state=True)
    assert result.n_steps == MEMORY_STEPS
    return peak_rss_mb() - base


def _whole_result(window, app) -> None:
    """Wait for the window's next views drawn with no runs left computing (a long request
    shows its first steps first, then the rest)."""
    _wait(window.runs_ready, app)
    while window.runs.busy:
        _wait(window.runs_ready, app)


def _compiled(window, app) -> None:
    """Wait for the compiled code the window loads in the background after its start (numba's
    machinery, some 65 MB the first pair loads, whatever is run next) to be loaded: a
    measurement of a run made meanwhile would count it."""
    controller = getattr(window, "run_controller", None)
    compiler = getattr(controller, "compiler", None)
    while compiler is not None and compiler.busy:
        _wait(compiler.finished, app)


def _settled(window, app) -> None:
    """Wait until ``window`` has released what its last result freed (its release timer;
    revisions before it had none; older ones kept it as ``_release_timer``)."""
    memory = getattr(window, "memory", None)
    timer = memory.timer if memory is not None else getattr(window, "_release_timer", None)
    if timer is not None and timer.isActive():
        _wait(timer.timeout, app)


def memory_clicks() -> tuple[float, float, float, int]:
    import gc

    import numpy as np

    from beale_gui.core.engine import RunResult

    app, window = _window_shown()
    _settled(window, app)
    gc.collect()
    base = rss_mb()
    # start points spread over Beale's view, in a fixed order
    (x0, x1), (y0, y1) = window.canvas.view_extent()
    rng = np.random.default_rng(1)
    points = rng.uniform([x0 + 0.1 * (x1 - x0), y0 + 0.1 * (y1 - y0)],
                         [x1 - 0.1 * (x1 - x0), y1 - 0.1 * (y1 - y0)], size=(CLICKS, 2))
    after: dict[int, float] = {}
    for k, (x, y) in enumerate(points, start=1):
        window.document.add_start(float(x), float(y))
        _whole_result(window, app)
        result = window.result()
        window.grab()
        window.playback.set_step(result.n_steps // 2)
        window.grab()
        if k in (1, CLICKS):
            _settled(window, app)
            gc.collect()
            after[k] = rss_mb()
    if window.result().n_runs != 6 * (CLICKS + 1):
        raise RuntimeError(f"{window.result().n_runs} runs after {CLICKS} clicks")
    gc.collect()
    alive = sum(1 for o in gc.get_objects() if isinstance(o, RunResult))
    window.close()
    return after[CLICKS] - base, after[1] - base, base, alive


def main(kind: str) -> None:
    if kind == "startup":
        value = startup(empty=False)
    elif kind == "startup-empty":
        value = startup(empty=True)
    elif kind == "import-core":
        value = import_time("core")
    elif kind == "import-numpy":
        value = import_time("numpy")
    elif kind == "memory":
        value = memory_gui()
    elif kind == "memory-engine":
        value = memory_engine()
    elif kind == "memory-clicks":
        print("RESULT " + " ".join(repr(v) for v in memory_clicks()), flush=True)
        os._exit(0)
    else:
        raise SystemExit(f"unknown probe {kind!r}")
    print(f"RESULT {value!r}", flush=True)
    os._exit(0)     # no teardown: nothing after the measurement belongs to it


if __name__ == "__main__":
    main(sys.argv[1])
