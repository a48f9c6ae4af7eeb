"""Every performance target of DESIGN.md section 5, measured against its reference.

Run by hand (never part of the test run)::

    python tests/benchmarks/bench.py            # the full run, a few minutes
    python tests/benchmarks/bench.py --quick    # fewer repeats: under two minutes
    python tests/benchmarks/bench.py --only engine,click
    python tests/benchmarks/bench.py --only model     # the engine on a model on data (2 min)
    python tests/benchmarks/bench.py --only memory    # what 50 clicks on the canvas leave
    DISPLAY=:N QT_QPA_PLATFORM=xcb python tests/benchmarks/bench.py --only view3d   # needs GL

Each row times the app and its reference in the same process, back to back (the engine rows
alternate the two over their repeats), and reports medians over repeats, so a busy machine
slows both sides alike; rows that start processes
(start-up, import, memory) run each probe several times. Ratios are reference / measured.
The exit status is 1 when any target is missed.
"""

from __future__ import annotations

import argparse
import atexit
import functools
import gc
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np  # noqa: E402
from probes import CLICKS, CORE_MODULES  # noqa: E402
from references import SeedAdam, SeedMomentum, numpy_adam, seed_f, seed_gradients  # noqa: E402

from beale_gui.core import contours  # noqa: E402
from beale_gui.core.basins import basin_map  # noqa: E402
from beale_gui.core.compare import Protocol, run_comparison  # noqa: E402
from beale_gui.core.engine import EngineTuning, OptimizerConfig, run  # noqa: E402
from beale_gui.core.functions import get_function  # noqa: E402
from beale_gui.core.search import Axis, search  # noqa: E402

BEALE = get_function("beale")
SEED_START = (0.7, 1.4)
ADAM = {"lr": 0.05}        # the app's default Adam
ENGINE_RUNS, ENGINE_STEPS = 100_000, 200


@dataclass
class Row:
    name: str
    measured: float
    reference: float | None
    target: str
    passed: bool | None          # None: information, no target
    unit: str = "s"
    ref_name: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.reference is None or not self.measured:
            return None
        return self.reference / self.measured


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1e3:,.1f} ms" if value < 1 else f"{value:,.2f} s"
    if unit == "ms":
        return f"{value:,.1f} ms"
    if unit == "us":
        return f"{value:,.1f} us"
    if unit == "MB":
        return f"{value:,.1f} MB"
    return f"{value:,.3g} {unit}"


def timed(fn: Callable[[], object], repeats: int, warmup: int = 1) -> float:
    """Median wall time of ``fn()`` over ``repeats`` calls (after ``warmup`` calls).

    Overflow in the references (the seed's loop runs on after a run blows up, as the seed
    did) is not reported.
    """
    with np.errstate(all="ignore"):
        for _ in range(warmup):
            fn()
        times = []
        for _ in range(repeats):
            gc.collect()
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def timed_pair(fn: Callable[[], object], ref: Callable[[], object], repeats: int,
               warmup: int = 1) -> tuple[float, float]:
    """Median wall times of ``fn()`` and ``ref()``, called in turn ``repeats`` times each
    (after ``warmup`` calls of ``fn``), so that a change in the machine's load falls on both."""
    with np.errstate(all="ignore"):
        for _ in range(warmup):
            fn()
        times: tuple[list[float], list[float]] = ([], [])
        for _ in range(repeats):
            for f, out in ((fn, times[0]), (ref, times[1])):
                gc.collect()
                t = time.perf_counter()
                f()
                out.append(time.perf_counter() - t)
    return statistics.median(times[0]), statistics.median(times[1])


# -- the engine -------------------------------------------------------------------------------
def spread_starts(n: int, seed: int = 0) -> np.ndarray:
    """Starts uniform over Beale's default view, as a basin map or random starts spread them."""
    (x0, x1), (y0, y1) = BEALE.bounds
    return np.random.default_rng(seed).uniform([x0, y0], [x1, y1], size=(n, 2))


def search_batch(n: int) -> tuple[OptimizerConfig, np.ndarray]:
    """n Adam configurations (lr log-spaced 1e-4..1e-1, beta1 0.5..0.99) from the seed's
    start: one batch of a hyperparameter search, as the app runs it."""
    side = int(math.isqrt(n))
    lr = np.geomspace(1e-4, 1e-1, side)
    beta1 = np.linspace(0.5, 0.99, n // side)
    grid_lr, grid_b1 = np.meshgrid(lr, beta1)
    return (OptimizerConfig("adam", {"lr": grid_lr.ravel(), "beta1": grid_b1.ravel()}),
            np.array([SEED_START]))


def warm_compiled_batch(config: OptimizerConfig) -> str:
    """Compile (or load) the compiled batch loop of ``config`` on Beale, as a window or a
    second run of the command line has it; says what that cost, for the rows' notes."""
    from beale_gui.core.engine import compiled, compiled_batch

    if not compiled.available():
        return "numba missing: numpy blocks"
    key = compiled.pair_key(config.spec, BEALE)
    cached = compiled_batch.loadable(key)
    t = time.perf_counter()
    compiled_batch.prepare([key])
    took = time.perf_counter() - t
    how = "loaded from the cache" if cached else "compiled"
    return f"compiled batch loop warmed before timing ({how} in {took * 1e3:,.0f} ms)"


def engine_rows(quick: bool) -> list[Row]:
    repeats = 5 if quick else 7       # the reference's time varies most: pairs, not single runs
    rows = []
    warmed = warm_compiled_batch(OptimizerConfig("adam", ADAM))
    workloads = [
        ("spread starts", OptimizerConfig("adam", ADAM), spread_starts(ENGINE_RUNS)),
        ("search batch", *search_batch(ENGINE_RUNS)),
    ]
    seed_n = 20 if quick else 60
    for label, config, starts in workloads:
        n = len(starts) * config.n_variants
        w0 = np.repeat(starts, n // len(starts), axis=0) if len(starts) < n else starts
        hp = config.hparams

        def engine(config=config, starts=starts, record=False):
            return run(BEALE, config, starts, max_steps=ENGINE_STEPS, tol=0.0, record=record)

        def reference(w0=w0, hp=hp):
            lr = hp["lr"][:, None] if isinstance(hp["lr"], np.ndarray) else hp["lr"]
            beta1 = hp["beta1"][:, None] if isinstance(hp["beta1"], np.ndarray) else hp["beta1"]
            return numpy_adam(BEALE, w0, ENGINE_STEPS, lr=lr, beta1=beta1)

        t_engine, t_ref = timed_pair(engine, reference, repeats)
        blocks: list = []
        run(BEALE, config, starts, max_steps=1, tol=0.0, record=False,
            tuning=EngineTuning(on_blocks=blocks.extend))
        paths = " and ".join(sorted({b.path for b in blocks}))
        rows.append(Row(f"engine: Adam on Beale, 100,000 runs x 200 steps ({label})",
                        t_engine, t_ref, ">= 4x", t_ref / t_engine >= 4,
                        ref_name="straightforward numpy", note=f"{paths} blocks; {warmed}"))
        # the seed's loop, per trajectory, on a sample of the same runs
        pick = np.linspace(0, n - 1, seed_n).astype(int)
        lrs = np.broadcast_to(hp["lr"], (n,))[pick]
        b1s = np.broadcast_to(hp["beta1"], (n,))[pick]

        def seed_loop(pick=pick, lrs=lrs, b1s=b1s, w0=w0):
            for i, lr, b1 in zip(pick, lrs, b1s, strict=True):
                SeedAdam(seed_f, seed_gradients, w0[i, 0], w0[i, 1], learning_rate=float(lr),
                         beta1=float(b1)).train(ENGINE_STEPS)

        t_seed = timed(seed_loop, 1 if quick else 3, warmup=0) / seed_n
        per_run = t_engine / n
        rows.append(Row(f"engine per trajectory vs the seed's loop ({label})", per_run * 1e6,
                        t_seed * 1e6, ">= 300x", t_seed / per_run >= 300, unit="us",
                        ref_name="seed loop"))
        if label == "spread starts":
            # where a second thread helps little (a busy or a hyperthreaded machine) the ratio
            # is the one-thread engine's: measured here, against the same reference
            def one_thread(config=config, starts=starts):
                return run(BEALE, config, starts, max_steps=ENGINE_STEPS, tol=0.0,
                           record=False, tuning=EngineTuning(workers=1))

            t_one, t_ref1 = timed_pair(one_thread, reference, repeats)
            rows.append(Row("  the same on one thread (what a machine whose second thread "
                            "helps little gets)", t_one, t_ref1, ">= 4x", t_ref1 / t_one >= 4,
                            ref_name="straightforward numpy",
                            note=f"two threads {t_one / t_engine:.2f}x one on this machine"))
            t_rec = timed(lambda engine=engine: engine(record=True), 1 if quick else 3)
            rows.append(Row("  the same, record=True (every step kept)", t_rec, t_ref,
                            "-", None, ref_name="straightforward numpy",
                            note="numpy blocks: the compiled batch keeps no record"))
        else:
            # per-run beta1: numpy blocks (whose vectorised beta1 ** t may differ from each
            # run's own power in the last bit); what the compiled batch would do with them
            def asked(config=config, starts=starts):
                return run(BEALE, config, starts, max_steps=ENGINE_STEPS, tol=0.0,
                           record=False, tuning=EngineTuning(path="compiled"))

            t_asked, t_ref2 = timed_pair(asked, reference, repeats)
            rows.append(Row("  the same, path=\"compiled\" (each run's own bits)", t_asked,
                            t_ref2, "-", None, ref_name="straightforward numpy",
                            note="the default keeps numpy's bits for per-run beta1: numpy's "
                                 "vectorised power differs from the C library's for about 5% "
                                 "of (beta1, t)"))
    return rows


MODEL_SAMPLES, MODEL_BATCH, MODEL_STARTS, MODEL_STEPS = 100_000, 32, 12, 1000


def model_rows(quick: bool) -> list[Row]:
    """Mini-batch SGD and Adam over the samples of a logistic model on 10^5 samples, B = 32,
    from 12 starts, 1000 steps (issue 25): no target. The reference is the same updates alone
    in a straightforward numpy loop (each step's mini-batch gradient, no full-data loss); the
    engine also computes the full-data loss and gradient at every point (the divergence
    check, the final loss), which the note times on its own."""
    from beale_gui.core.engine import SampleOrder, StochasticConfig, steps_per_epoch
    from beale_gui.core.models import builtin_dataset, make_model

    model = make_model("logistic", builtin_dataset("two-classes", n=MODEL_SAMPLES, seed=0))
    (x0, x1), (y0, y1) = model.bounds
    starts = np.random.default_rng(0).uniform([x0, y0], [x1, y1], size=(MODEL_STARTS, 2))
    stochastic = StochasticConfig(batch_size=MODEL_BATCH)
    configs = [OptimizerConfig(name, model.hparams_for(name), stochastic=stochastic)
               for name in ("sgd", "adam")]
    sgd_lr, adam_hp = configs[0].hparams["lr"], configs[1].hparams

    def engine():
        return run(model, configs, starts, max_steps=MODEL_STEPS, tol=0.0, seed=0,
                   record=False)

    def reference():
        order = SampleOrder(MODEL_SAMPLES, 0)
        w_sgd, w_adam = starts.copy(), starts.copy()
        m, v = np.zeros_like(w_adam), np.zeros_like(w_adam)
        b1, b2, eps, lr = adam_hp["beta1"], adam_hp["beta2"], adam_hp["eps"], adam_hp["lr"]
        for s in range(MODEL_STEPS):
            idx = order.indices(s, MODEL_BATCH)
            w_sgd -= sgd_lr * model.sample_value_and_grad(w_sgd, idx)[1]
            g = model.sample_value_and_grad(w_adam, idx)[1]
            t = s + 1
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            w_adam -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
        return w_sgd, w_adam

    t_engine = timed(engine, 1, warmup=0)
    t_ref = timed(reference, 1 if quick else 3, warmup=0)
    points = np.repeat(starts, 2, axis=0)
    t_full = timed(lambda: model.value_and_grad(points), 3 if quick else 10)
    return [Row(f"engine: SGD and Adam on a logistic model, 10^5 samples, B = {MODEL_BATCH}, "
                f"{MODEL_STARTS} starts x {MODEL_STEPS} steps", t_engine, t_ref, "-", None,
                ref_name="the mini-batch updates alone",
                note=f"{steps_per_epoch(MODEL_SAMPLES, MODEL_BATCH)} steps per epoch; the "
                     f"full-data loss and gradient of the {len(points)} runs take "
                     f"{t_full * 1e3:,.1f} ms a step, {t_full * MODEL_STEPS:,.1f} s of the "
                     "run")]


# -- contours ---------------------------------------------------------------------------------
def contour_rows(quick: bool) -> list[Row]:
    import pyqtgraph as pg

    repeats = 7 if quick else 21
    (x0, x1), (y0, y1) = BEALE.bounds
    xs, ys, Z = contours.sample_grid(BEALE, (x0, x1), (y0, y1), 400)
    scale = contours.log_scale(Z, 20)

    def ours():
        return contours.join_polylines(contours.isolines(xs, ys, Z, scale.levels))

    def reference():
        return [pg.functions.isocurve(Z, level, connected=True) for level in scale.levels]

    def full_redraw():          # what a pan or zoom costs: sample, colour image and isolines
        _, _, z = contours.sample_grid(BEALE, (x0, x1), (y0, y1), 400)
        scale.image(z)
        return contours.join_polylines(contours.isolines(xs, ys, z, scale.levels))

    t = timed(ours, repeats)
    t_ref = timed(reference, max(3, repeats // 3))
    t_full = timed(full_redraw, repeats)
    return [Row("contours: 400 x 400 grid, 20 levels", t, t_ref, "<= 30 ms", t <= 0.030,
                ref_name="pg isocurve"),
            Row("  the same with sampling and the colour image (a pan or zoom)", t_full, t_ref,
                "-", None, ref_name="pg isocurve")]


# -- the GUI ----------------------------------------------------------------------------------
class Gui:
    """The real main window, offscreen, with helpers to wait for its results."""

    SIZE = (1400, 900)

    def __init__(self) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from beale_gui.gui.main_window import MainWindow

        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        path = os.path.join(tempfile.mkdtemp(), "layout.ini")
        self.window = MainWindow(QSettings(path, QSettings.Format.IniFormat), restore=False)
        self.window.resize(*self.SIZE)
        self.window.show()
        self.wait_runs()

    def wait_runs(self, action: Callable[[], object] | None = None,
                  timeout_ms: int = 120_000) -> None:
        """Do ``action`` (if any) and wait for the window's next result, which may come during
        the action itself (a small run of compiled optimizers is computed at once)."""
        from PySide6.QtCore import QEventLoop, QTimer

        arrived = []
        loop = QEventLoop()

        def done():
            arrived.append(True)
            loop.quit()

        self.window.runs_ready.connect(done)
        try:
            if action is not None:
                action()
            if not arrived:
                timer = QTimer(singleShot=True)
                timer.timeout.connect(loop.quit)
                timer.start(timeout_ms)
                loop.exec()
                timer.stop()
        finally:
            self.window.runs_ready.disconnect(done)
        if not arrived:
            raise RuntimeError("no result within the timeout")

    def set_run(self, max_steps: int, starts) -> None:
        w = self.window
        if (w.document.max_steps, w.document.tol) != (max_steps, 0.0):
            self.wait_runs(lambda: w.document.update(max_steps=max_steps, tol=0.0))
        while len(w.starts()):
            w.document.remove_start(0)
        for x, y in starts:
            self.wait_runs(lambda x=x, y=y: w.document.add_start(float(x), float(y)))
        # a long request shows its first steps first: wait for the whole of it
        _wait_until(self, lambda: w.result().n_steps == max_steps, timeout_s=120.0)

    def settle(self, ms: int = 200) -> None:
        """Run the event loop for ``ms`` milliseconds (timers fire, repaints happen)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def render_frame(self) -> None:
        """Render what a frame repaints: the canvas and the loss plot."""
        self.window.canvas.grab()
        self.window.loss_plot.grab()

    def close(self) -> None:
        self.window.close()


def frame_rows(gui: Gui, quick: bool) -> list[Row]:
    import pyqtgraph as pg

    w = gui.window
    gui.set_run(9_999, [SEED_START, (-2.0, 2.5)])       # 12 paths of 10,000 points
    result = w.result()
    assert (result.n_runs, result.n_steps) == (12, 9_999)
    # "as fast as possible" playback: the whole run in FAST_SECONDS at one frame per FRAME_MS,
    # the most steps per frame; runs of consecutive frames start at offsets across the run
    from beale_gui.gui.views.playback import FAST_SECONDS, FRAME_MS

    stride = max(round(result.n_steps / FAST_SECONDS * FRAME_MS / 1000), 1)
    w.canvas.set_animating(True)        # as the playback says while it plays
    runs, per_run = (4, 15) if quick else (8, 30)
    steps = [min(int(result.n_steps * r / runs) + i * stride, result.n_steps)
             for r in range(runs) for i in range(per_run)]
    frames = len(steps)

    def app_frames() -> list[float]:
        times = []
        for k in steps:
            gc.collect()
            t = time.perf_counter()
            w.playback.set_step(k)
            gui.render_frame()
            times.append(time.perf_counter() - t)
        return times

    app_frames()                                          # warm the caches
    t_app = statistics.median(app_frames())
    t = time.perf_counter()
    w.grab()
    t_window = time.perf_counter() - t

    naive = _naive_view(pg, w, result)
    naive_steps = steps[::4]

    def naive_frames() -> list[float]:
        times = []
        for k in naive_steps:
            t = time.perf_counter()
            naive.draw(k)
            for widget in naive.widgets():
                widget.grab()
            times.append(time.perf_counter() - t)
        return times

    def part_frames(widget) -> float:
        times = []
        for k in steps:
            t = time.perf_counter()
            w.playback.set_step(k)
            widget.grab()
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    t_canvas, t_loss = part_frames(w.canvas), part_frames(w.loss_plot)
    naive_frames()
    t_naive = statistics.median(naive_frames())
    for widget in naive.widgets():
        widget.close()
    size = w.canvas.size()
    return [Row("frame: 12 paths x 10,000 points + loss curves, offscreen (median)", t_app,
                t_naive, "<= 16 ms", t_app <= 0.016, ref_name="plain pyqtgraph",
                note=f"{frames} frames of {stride} steps; canvas {size.width()}x{size.height()} "
                     f"px {t_canvas * 1e3:.1f} ms, loss plot {t_loss * 1e3:.1f} ms; the whole "
                     f"window {t_window * 1e3:.0f} ms")]


def view3d_rows(gui: Gui, quick: bool) -> list[Row]:
    """Turning the 3-D view: a 200 x 200 surface with 12 paths of 2,000 points (the playhead
    at the end), one orbit step and a rendered frame (paintGL and its pixels read back) at a
    time. Needs OpenGL: run under a display (Xvfb with Mesa) with QT_QPA_PLATFORM=xcb."""
    from beale_gui.gui.views.surface_view import gl_problem

    name = "3-D view: turning a 200 x 200 surface with 12 paths of 2,000 points (median)"
    problem = gl_problem()
    if problem is not None:
        print(f"  skipped the view3d row: no OpenGL here ({problem}); run it under a display "
              "with QT_QPA_PLATFORM=xcb", flush=True)
        return []
    w = gui.window
    gui.set_run(1_999, [SEED_START, (-2.0, 2.5)])          # 12 paths of 2,000 points
    result = w.result()
    assert (result.n_runs, result.n_steps) == (12, 1_999)
    w.playback.set_step(result.n_steps)
    view = w.surface_view
    view.grid = 200
    w.surface_dock.show()
    gui.settle()
    assert view.available, view.problem
    view.refresh()
    assert view.scene().heights.shape == (200, 200)
    frames = 60 if quick else 180

    def turn() -> list[float]:
        times = []
        for _ in range(frames):
            t = time.perf_counter()
            view.gl.orbit(2.0, 0.0)
            view.gl.grabFramebuffer()
            times.append(time.perf_counter() - t)
        return times

    turn()                                               # warm up (buffers uploaded)
    t = statistics.median(turn())
    size = view.gl.size()
    w.surface_dock.hide()
    return [Row(name, t, None, "<= 33 ms", t <= 0.033,
                note=f"{frames} frames at {size.width()}x{size.height()} px, "
                     "orbit + grabFramebuffer (render and read back)")]


def _naive_view(pg, window, result):
    from references import NaiveView

    from beale_gui.core.view_ranges import loss_for_plot

    values, _, _ = loss_for_plot(result)
    colours = [c.name() for c in (pg.intColor(i, len(result.paths)) for i in
                                  range(len(result.paths)))]
    size = window.canvas.size()
    loss_size = window.loss_plot.size()
    return NaiveView(pg, list(result.paths), list(values), colours,
                     (size.width(), size.height()), (loss_size.width(), loss_size.height()))


def _viewport_point(canvas, x: float, y: float):
    from PySide6.QtCore import QPointF

    scene_pos = canvas.plot_item.getViewBox().mapViewToScene(QPointF(x, y))
    return canvas.layout_widget.mapFromScene(scene_pos)


def _wait_until(gui: Gui, condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
    """Process events until ``condition()`` (a run on a worker thread arrives meanwhile)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > end:
            raise RuntimeError("the window did not get there within the timeout")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _compiled_ready(gui: Gui) -> bool:
    from beale_gui.core.engine import compiled

    w = gui.window
    return compiled.all_ready(w.document.function, [e.config for e in w.document.enabled])


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def click_rows(gui: Gui, quick: bool) -> list[Row]:
    """A click on empty canvas (the real mouse events on the canvas's viewport) until the
    canvas has painted the new start's paths: pyqtgraph's click, the document's new start
    point, the engine, the window's update and the canvas's repaint. The loss plot's render is
    measured after it, for the note."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    w = gui.window
    gui.set_run(2_000, [SEED_START])
    _wait_until(gui, lambda: _compiled_ready(gui))
    viewport = w.canvas.layout_widget.viewport()
    where = _viewport_point(w.canvas, 2.0, 1.0)   # its paths stay in view: no reframing
    repeats = 7 if quick else 21
    times, loss_renders = [], []
    for _ in range(repeats + 1):
        while len(w.starts()) > 1:
            gui.wait_runs(lambda: w.document.remove_start(1))
        gui.settle()                 # let debounced work (a contour redraw) finish first
        QTest.mouseMove(viewport, where)     # the pointer comes to the spot, then clicks
        gui.settle(50)
        gc.collect()
        t = time.perf_counter()
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         where)
        _wait_until(gui, lambda: (r := w.result()) is not None and r.n_runs == 12)
        viewport.repaint()
        times.append(time.perf_counter() - t)
        t_loss = time.perf_counter()
        w.loss_plot.grab()
        loss_renders.append(time.perf_counter() - t_loss)
    t_click = statistics.median(times[1:])
    configs = [e.config for e in w.document.enabled]
    t_engine = timed(lambda: run(BEALE, configs, [SEED_START, (2.5, -2.5)], max_steps=2_000,
                                 tol=0.0, record_state=True), repeats)

    def seed_loops():
        SeedMomentum(seed_f, seed_gradients, *SEED_START, learning_rate=0.01).train(2_000)

    t_seed = timed(seed_loops, 3 if quick else 7) * len(configs)
    return [Row("click to paths drawn: 6 optimizers x 2,000 steps", t_click, t_seed,
                "<= 16 ms", t_click <= 0.016, ref_name="seed loop x 6",
                note=f"95th percentile {_percentile(times[1:], 95) * 1e3:.1f} ms; the engine "
                     f"in floats (no numba) {t_engine * 1e3:.0f} ms for the 12 runs; loss plot "
                     f"rendered after it {statistics.median(loss_renders[1:]) * 1e3:.0f} ms; "
                     "issue 23's figure before: 33-37 ms (42 ms on this machine)")]


def drag_rows(gui: Gui, quick: bool) -> list[Row]:
    """A start point dragged across Beale with the real mouse events on the canvas's viewport
    (four start points, six optimizers, 2,000 steps each): each move until the canvas has
    painted every path from the new position."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    w = gui.window
    starts = [SEED_START, (-2.0, 2.5), (2.5, -2.5), (-3.0, -3.0)]
    gui.set_run(2_000, starts)
    _wait_until(gui, lambda: _compiled_ready(gui))
    viewport = w.canvas.layout_widget.viewport()
    moves = 60 if quick else 240
    angles = np.linspace(0.0, 4 * np.pi, moves)
    path = [(SEED_START[0] + 0.6 * np.sin(a) * k / moves, SEED_START[1] + 0.4 * np.cos(a) - 0.4)
            for k, a in enumerate(angles, 1)]
    press = _viewport_point(w.canvas, *SEED_START)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
    QTest.mouseMove(viewport, press + QPoint(12, 0))     # past pyqtgraph's drag threshold
    times = []
    px, py = w.canvas.plot_item.getViewBox().viewPixelSize()
    near = 1.5 * max(px, py)
    for x, y in path:
        target = _viewport_point(w.canvas, x, y)
        t = time.perf_counter()
        QTest.mouseMove(viewport, target)
        _wait_until(gui, lambda x=x, y=y: all(        # every path of start 0 drawn from there
            abs(track.xy[0, 0] - x) <= near and abs(track.xy[0, 1] - y) <= near
            for track in (w.canvas.run_tracks()[i] for i in w.run_state.rows_of(start=0))))
        viewport.repaint()
        times.append(time.perf_counter() - t)
    gui.wait_runs(lambda: QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton,
                                             Qt.KeyboardModifier.NoModifier,
                                             _viewport_point(w.canvas, *path[-1])))
    median = statistics.median(times[5:])
    return [Row("drag: mouse move to painted canvas, 6 optimizers x 2,000 steps, 4 starts",
                median, 0.060 + 0.017, "<= 16 ms", median <= 0.016,
                ref_name="before: 60 ms throttle + engine",
                note=f"95th percentile {_percentile(times[5:], 95) * 1e3:.1f} ms over "
                     f"{len(times) - 5} moves; before this issue a move waited up to 60 ms, "
                     "then 15-17 ms of engine (for one start) and the repaint")]


def scrub_rows(gui: Gui, quick: bool) -> list[Row]:
    """Adam's learning rate swept by a drag on its name in the parameter panel (the real mouse
    events on the label), four start points, six optimizers, 2,000 steps: each move until the
    canvas has painted Adam's paths for the new value."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    w = gui.window
    gui.set_run(2_000, [SEED_START, (-2.0, 2.5), (2.5, -2.5), (-3.0, -3.0)])
    _wait_until(gui, lambda: _compiled_ready(gui))
    index = [e.config.name for e in w.document.entries].index("adam")
    box = w.panel.boxes[index]
    label = box.form.labelForField(box.fields["lr"].parentWidget())
    viewport = w.canvas.layout_widget.viewport()
    config = next(c for c, e in enumerate(w.document.enabled) if e.config.name == "adam")
    rows = w.run_state.rows_of(config=config)
    moves = 40 if quick else 160
    start = QPoint(4, label.height() // 2)
    QTest.mousePress(label, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(label, start + QPoint(4, 0))
    times, x = [], 4
    for k in range(moves):
        x += 2 if (k // 20) % 2 == 0 else -2            # back and forth over a third of a decade
        before = [w.canvas.run_tracks()[i].xy for i in rows]
        t = time.perf_counter()
        QTest.mouseMove(label, start + QPoint(x, 0))
        _wait_until(gui, lambda before=before: all(
            w.canvas.run_tracks()[i].xy is not b for i, b in zip(rows, before, strict=True)))
        viewport.repaint()
        times.append(time.perf_counter() - t)
    gui.wait_runs(lambda: QTest.mouseRelease(label, Qt.MouseButton.LeftButton,
                                             Qt.KeyboardModifier.NoModifier,
                                             start + QPoint(x, 0)))
    median = statistics.median(times[3:])
    return [Row("hyperparameter scrub: value change to painted canvas (Adam's lr, 4 starts)",
                median, None, "<= 16 ms", median <= 0.016,
                note=f"95th percentile {_percentile(times[3:], 95) * 1e3:.1f} ms over "
                     f"{len(times) - 3} moves; before this issue a value could only be typed "
                     "(and applied after the panel's debounce)")]


# -- search and basins ------------------------------------------------------------------------
def search_rows(quick: bool) -> list[Row]:
    base = OptimizerConfig("momentum")
    axes = [Axis("lr", 1e-4, 1e-1, "log"), Axis("momentum", 0.5, 0.99)]

    def ours():
        return search(BEALE, base, axes, method="grid", budget=10_000, max_steps=500,
                      starts=(SEED_START,))

    t = timed(ours, 3 if quick else 5)
    n_seed = 10 if quick else 30
    lrs = np.geomspace(1e-4, 1e-1, n_seed)
    t_seed = timed(lambda: [SeedMomentum(seed_f, seed_gradients, *SEED_START,
                                         learning_rate=float(lr)).train(500) for lr in lrs],
                   1, warmup=0) / n_seed * 10_000
    return [Row("search: 10,000 configurations x 500 steps (momentum, grid)", t, t_seed,
                "<= 1 s", t <= 1.0, ref_name="seed loop (extrap.)")]


def basin_rows(quick: bool) -> list[Row]:
    """Beale (the default function; a third of its view has y < 0, where numpy's y**3 is
    slow) and Himmelblau (the command line's example), Adam lr 0.05, basins' default tol."""
    rows = []
    n_seed = 10 if quick else 30
    starts = spread_starts(n_seed, seed=1)
    t_seed = timed(lambda: [SeedAdam(seed_f, seed_gradients, x, y, learning_rate=0.05)
                            .train(1_000, 1e-9) for x, y in starts], 1, warmup=0)
    t_seed *= 256**2 / n_seed
    for label, fn in (("Beale", BEALE), ("Himmelblau", get_function("himmelblau"))):
        reports: list[float] = []

        def one(fn=fn, reports=reports):
            reports.clear()
            return basin_map(fn, OptimizerConfig("adam", ADAM), grid=256, max_steps=1_000,
                             progress=reports.append)

        t = timed(one, 1 if quick else 3)
        rows.append(Row(f"basin map: 256 x 256 starts x 1,000 steps ({label}, Adam)", t,
                        t_seed if fn is BEALE else None, "<= 3 s", t <= 3.0,
                        ref_name="seed loop (extrap.)" if fn is BEALE else "",
                        note=f"{len(reports)} progress reports"))
    return rows


def compare_rows(quick: bool) -> list[Row]:
    """The fair comparison of issue 24 as the window and ``compare`` run it, against the same
    trajectories run one engine call each (a sample of each optimizer, extrapolated)."""
    names = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
    protocol = Protocol(BEALE, tuple(OptimizerConfig(n) for n in names), budget=32,
                        tuning_starts=32, evaluation_starts=256, max_steps=2_000)
    reports: list[float] = []

    def ours():
        reports.clear()
        return run_comparison(protocol, progress=reports.append)

    t = timed(ours, 1 if quick else 3)
    per_optimizer = 32 * 32 + 256
    n_sample = 2 if quick else 6
    starts = spread_starts(n_sample, seed=2)

    def one_at_a_time():
        for name in names:
            for start in starts:
                run(BEALE, OptimizerConfig(name), start, max_steps=2_000, tol=0.0,
                    record=False)

    t_ref = timed(one_at_a_time, 1, warmup=0) / n_sample * per_optimizer
    return [Row("compare: 6 optimizers x 32 configurations, 32 + 256 starts, 2,000 steps, "
                "Beale", t, t_ref, "<= 5 s", t <= 5.0, ref_name="one trajectory a call "
                "(extrap.)", note=f"{len(reports)} progress reports")]


# -- processes --------------------------------------------------------------------------------
@functools.cache
def pycache() -> Path:
    """The probes' bytecode cache: made on first use, removed when the benchmark ends."""
    folder = Path(tempfile.mkdtemp(prefix="beale-bench-pycache-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder



def probe(kind: str, cached: bool = True) -> float:
    """The figure a fresh ``probes.py KIND`` process prints (the first, when it prints several).

    ``cached``: with compiled bytecode kept (in a temporary cache, ``PYTHONPYCACHEPREFIX``),
    as an installed app has it from its second start on; otherwise every module is compiled
    from source, as this machine's environment (PYTHONDONTWRITEBYTECODE=1) does.
    """
    return probe_values(kind, cached)[0]


def probe_values(kind: str, cached: bool = True) -> list[float]:
    """Every figure on the ``RESULT`` line a fresh ``probes.py KIND`` process prints."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    if cached:
        env["PYTHONPYCACHEPREFIX"] = str(pycache())
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    out = subprocess.run([sys.executable, str(HERE / "probes.py"), kind], capture_output=True,
                         text=True, timeout=600, cwd=ROOT, env=env)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("RESULT ")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"probe {kind} failed:\n{out.stderr[-2000:]}")
    return [float(v) for v in lines[-1].split()[1:]]


def median_probe(kind: str, n: int, cached: bool = True) -> float:
    if cached:
        probe(kind)                      # fills the bytecode cache; not counted
    return statistics.median(probe(kind, cached) for _ in range(n))


def process_rows(quick: bool) -> list[Row]:
    n = 3 if quick else 7
    rows = []
    start = median_probe("startup", n)
    empty = median_probe("startup-empty", n)
    cold = median_probe("startup", max(n // 2, 1), cached=False)
    rows.append(Row("start-up to the window shown (first paint)", start, empty, "<= 1.5 s",
                    start <= 1.5, ref_name="empty Qt window",
                    note=f"{cold:.2f} s with every module compiled from source"))
    core = median_probe("import-core", n)
    numpy_only = median_probe("import-numpy", n)
    core_cold = median_probe("import-core", n, cached=False)
    rows.append(Row(f"import beale_gui.core (all {len(CORE_MODULES)} modules, numpy included)",
                    core, numpy_only,
                    "<= 0.2 s", core <= 0.2, ref_name="import numpy",
                    note=f"{core_cold * 1e3:.0f} ms with every module compiled from source"))
    gui = median_probe("memory", 1 if quick else 3)
    engine = probe("memory-engine")
    nominal = 6 * 100_001 * (2 + 1 + 2 + 1 + 4) * 8 / 2**20
    rows.append(Row("memory: 6 optimizers x 100,000 steps, in the app, above baseline", gui,
                    nominal, "<= 100 MB", gui <= 100, unit="MB", ref_name="arrays' size",
                    note=f"engine alone {engine:.0f} MB"))
    return rows


def memory_rows(quick: bool) -> list[Row]:
    return [click_memory_row(1 if quick else 3)]


def click_memory_row(n: int) -> Row:
    """Resident size after 50 clicks on the canvas (each adds a start point: 306 runs x 1,000
    steps at the end), above the window's own at launch, median over ``n`` processes; every
    result but the last must be gone by then."""
    runs = [probe_values("memory-clicks") for _ in range(n)]
    last, one, base = (statistics.median(r[i] for r in runs) for i in range(3))
    alive = max(r[3] for r in runs)
    n_runs = 6 * (CLICKS + 1)
    nominal = n_runs * 1_001 * (2 + 1 + 2 + 1 + 2 + 2) * 8 / 2**20   # the result's arrays
    return Row(f"memory: {CLICKS} clicks ({n_runs} runs x 1,000 steps), in the app, above "
               "baseline", last, nominal, "<= 150 MB", last <= 150 and alive == 1, unit="MB",
               ref_name="arrays' size",
               note=f"after 1 click {one:.1f} MB; the window at launch {base:.0f} MB resident; "
                    f"{alive:.0f} result(s) alive at the end"
                    + (f"; median of {n} processes" if n > 1 else ""))


# -- the report -------------------------------------------------------------------------------
def machine() -> list[str]:
    import contourpy
    import pyqtgraph
    import PySide6

    model = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            model = next(line.split(":", 1)[1].strip() for line in f
                         if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return [f"CPU: {model}, {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
            f"two threads of numpy ran {parallel_speedup():.2f}x as fast as one",
            f"Python {platform.python_version()}, numpy {np.__version__}, "
            f"PySide6 {PySide6.__version__}, pyqtgraph {pyqtgraph.__version__}, "
            f"contourpy {contourpy.__version__}",
            "load average at start: " + ", ".join(f"{v:.2f}" for v in os.getloadavg())]


def parallel_speedup() -> float:
    """How much of the second core this process gets now (2.0: all of it)."""
    from concurrent.futures import ThreadPoolExecutor

    def work(_=None):
        a = np.random.default_rng(0).random(20_000)
        b = np.empty_like(a)
        for _ in range(300):
            np.sqrt(np.multiply(a, a, b), b)

    work()
    one = timed(lambda: (work(), work()), 3, warmup=0)
    with ThreadPoolExecutor(2) as pool:
        two = timed(lambda: list(pool.map(work, range(2))), 3, warmup=1)
    return one / two


def print_table(rows: list[Row]) -> None:
    head = ("row", "measured", "reference", "ratio", "target", "result")
    body = []
    for r in rows:
        ref = fmt(r.reference, r.unit) + (f" ({r.ref_name})" if r.ref_name else "")
        ratio = "-" if r.ratio is None else f"{r.ratio:,.1f}x"
        result = "info" if r.passed is None else ("PASS" if r.passed else "MISS")
        body.append((r.name, fmt(r.measured, r.unit), ref, ratio, r.target, result))
    widths = [max(len(x[i]) for x in (head, *body)) for i in range(len(head))]
    line = "  ".join("-" * w for w in widths)
    print(line)
    print("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    print(line)
    for r, cells in zip(rows, body, strict=True):
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
        if r.note:
            print(" " * 4 + r.note)
    print(line)


def print_markdown(rows: list[Row], info: list[str]) -> None:
    """The table for the README's performance section."""
    print("| what | measured | reference | ratio | target | |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        ref = fmt(r.reference, r.unit) + (f" ({r.ref_name})" if r.ref_name else "")
        ratio = "-" if r.ratio is None else f"{r.ratio:,.1f}x"
        result = "" if r.passed is None else ("PASS" if r.passed else "**MISS**")
        name = r.name.strip() if not r.name.startswith("  ") else "&nbsp;&nbsp;" + r.name.strip()
        print(f"| {name} | {fmt(r.measured, r.unit)} | {ref} | {ratio} | {r.target} | {result} |")
    print()
    for line in info:
        print(f"{line}  ")


GROUPS = ("engine", "model", "contours", "frame", "click", "drag", "scrub", "view3d", "search",
          "basins", "compare", "processes", "memory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (under 2 minutes)")
    parser.add_argument("--markdown", action="store_true",
                        help="also print the table as Markdown, for the README")
    parser.add_argument("--only", default=",".join(GROUPS),
                        help=f"comma-separated subset of: {', '.join(GROUPS)}")
    args = parser.parse_args(argv)
    only = [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = set(only) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
    t0 = time.perf_counter()
    info = machine()
    for line in info:
        print(line, flush=True)
    rows: list[Row] = []
    gui = Gui() if {"frame", "click", "drag", "scrub", "view3d"} & set(only) else None
    makers = {"engine": lambda: engine_rows(args.quick),
              "model": lambda: model_rows(args.quick),
              "contours": lambda: contour_rows(args.quick),
              "frame": lambda: frame_rows(gui, args.quick),
              "click": lambda: click_rows(gui, args.quick),
              "drag": lambda: drag_rows(gui, args.quick),
              "scrub": lambda: scrub_rows(gui, args.quick),
              "view3d": lambda: view3d_rows(gui, args.quick),
              "search": lambda: search_rows(args.quick),
              "basins": lambda: basin_rows(args.quick),
              "compare": lambda: compare_rows(args.quick),
              "processes": lambda: process_rows(args.quick),
              "memory": lambda: memory_rows(args.quick)}
    for group in GROUPS:
        if group in only:
            made = makers[group]()
            rows.extend(made)
            for r in made:
                print(f"  measured {r.name}: {fmt(r.measured, r.unit)}", flush=True)
    if gui is not None:
        gui.close()
    print()
    print_table(rows)
    print(f"load average at the end: {', '.join(f'{v:.2f}' for v in os.getloadavg())}; "
          f"{time.perf_counter() - t0:.0f} s in all" + (" (--quick)" if args.quick else ""))
    if args.markdown:
        print()
        print_markdown(rows, info)
    missed = [r.name for r in rows if r.passed is False]
    print(f"{len(missed)} target(s) missed" if missed else "every target met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
