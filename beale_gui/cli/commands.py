"""The headless commands: ``python main.py run|search|basins|export`` (DESIGN.md section 4).

A bad argument exits with status 2 and one line naming it; nothing here prints a traceback.
Only drawing an image or an animation imports Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .. import export as exporting
from ..core.engine import DIVERGED, MAX_STEPS, MEMORY_LIMIT_BYTES, RunResult, estimate_bytes
from ..core.models import ModelFunction
from ..core.session import Experiment, SessionError, bound_text
from ..export.data import run_labels, write_csv, write_json
from .arguments import (
    COMMANDS,
    SEARCH_MAX_STEPS,
    UsageError,
    build_parser,
    experiment_from_args,
    glue_negative_values,
    parse_size_option,
)

# a value echoed in an error line is cut to its first 60 characters past this length (a path
# is never so long; 5000 typed digits would make the one line unreadable)
_LONG_WORD = re.compile(r"[^\s'\":,]{200,}")


def _need_starts(exp: Experiment) -> None:
    """UsageError when there is no start point (a session may have none)."""
    if len(exp.starts) == 0:
        raise UsageError("--start: the session has no start points; give --start X,Y")


def _one_configuration(exp: Experiment, command: str):
    """The one optimizer configuration ``search`` and ``basins`` take, or UsageError."""
    if len(exp.optimizers) != 1:
        raise UsageError(f"--optimizer: {command} takes exactly one optimizer")
    config = exp.optimizers[0]
    if config.n_variants != 1:   # lists of hyperparameters come from a session file only
        raise UsageError(f"--session: {command} takes one configuration; the session's "
                         f"{config.name} has {config.n_variants} (lists of hyperparameters)")
    return config


def _run(exp: Experiment):
    """``exp.run()``; the engine's refusal of a batch too big for memory names --max-steps."""
    try:
        return exp.run()
    except ValueError as exc:
        n_runs = sum(c.n_variants for c in exp.optimizers) * len(exp.starts)
        if estimate_bytes(n_runs, exp.max_steps, True, False) > MEMORY_LIMIT_BYTES:
            raise UsageError(f"--max-steps {exp.max_steps}: {exc}") from None
        raise UsageError(f"run: {exc}") from None   # not expected: all else is checked before


def _seed_line(step: int, z: float, xy, g=None, fixed=format, names=("x", "y")) -> str:
    """The seed's progress line; ``fixed(value, ".6f")`` writes each number; ``names`` are
    the coordinates' (a model's p1 and p2), their gradient's d + name."""
    a, b = names
    line = (f"steps: {step}  z: {fixed(z, '.6f')}  {a}: {fixed(xy[0], '.5f')}  "
            f"{b}: {fixed(xy[1], '.5f')}")
    if g is not None:
        line += f"  d{a}: {fixed(g[0], '.5f')}  d{b}: {fixed(g[1], '.5f')}"
    return line


def _curvature_text(columns) -> str:
    """What ``run --curvature`` adds to a progress line: the Hessian's eigenvalues and its
    condition number at the line's point, or the Hessian's kind in a word where kappa has no
    value (a saddle is ``indefinite``); ``columns`` is one row of
    :func:`~beale_gui.core.curvature.curvature_columns`."""
    from ..core.curvature import condition_text

    lam_min, lam_max = float(columns[3]), float(columns[4])
    return (f"  λmin: {lam_min:.6g}  λmax: {lam_max:.6g}  "
            f"κ: {condition_text(lam_min, lam_max)}")


def coordinate_names(function) -> tuple[str, str]:
    """``("x", "y")``, or a model's parameters ``("p1", "p2")``."""
    return tuple(function.param_names)


def _model_header(function) -> list[str]:
    """For a model on data, what it is and where its minimum lies (or why it has none)."""
    if not isinstance(function, ModelFunction):
        return []
    lines = [f"# model: {function.model} on {function.data.describe()}"]
    if function.data.is_file:
        lines.append(f"# data: {function.data.source['csv']}")
    for p in function.minima:
        lines.append(f"# minimum: p1: {p[0]:.6f}  p2: {p[1]:.6f}  "
                     f"z: {float(function.value(p)):.6f}")
    if function.minimum_note:
        lines.append(f"# no minimum: {function.minimum_note}")
    return lines


def _readable(value: float, spec: str) -> str:
    """``spec`` (``.6f``), or with an exponent from 1e6 on: a run that diverged climbs to
    numbers whose 19 digits say less than ``2.911503e+12``."""
    return format(value, spec if not abs(value) >= 1e6 else spec.replace("f", "e"))


def cmd_run(args: argparse.Namespace) -> int:
    exp = experiment_from_args(args)
    if args.every < 1:
        raise UsageError(f"--every {args.every}: must be >= 1")
    _need_starts(exp)
    _check_out(args.csv, "csv")
    _check_out(args.json, "json")
    result = _run(exp)
    curvature = args.curvature
    written = _write_all([("csv", args.csv, lambda path: write_csv(result, path, curvature)),
                          ("json", args.json, lambda path: write_json(exp, result, path))])
    labels = run_labels(result)
    names = coordinate_names(exp.function)
    lines = _model_header(exp.function)
    for i in range(result.n_runs):
        start = result.starts[result.start_index[i]]
        if result.n_runs > 1:
            lines.append(f"{'' if i == 0 and not lines else chr(10)}# run {i}: {labels[i]} from "
                         f"({start[0]:g}, {start[1]:g})")
        stop = int(result.stop_step[i])
        # the seed's lines bit for bit; a diverged run's large numbers with an exponent
        fixed = _readable if result.status[i] == DIVERGED else format
        # with --curvature each line ends with the Hessian's eigenvalues at its point
        extra = _no_curvature
        if curvature:
            from ..core.curvature import curvature_columns

            columns = curvature_columns(exp.function, result.paths[i, :stop + 1])
            extra = lambda k, columns=columns: _curvature_text(columns[k])  # noqa: E731
        lines.append(_seed_line(0, result.loss[i, 0], result.paths[i, 0], fixed=fixed,
                                names=names) + extra(0))
        for k in range(args.every, stop + 1, args.every):
            # as the seed: f and x, y after step k, and the gradient that made step k
            lines.append(_seed_line(k, result.loss[i, k], result.paths[i, k],
                                    result.grads[i, k - 1], fixed=fixed, names=names)
                         + extra(k))
        if result.status[i] == DIVERGED and result.bad_start is not None \
                and result.bad_start[i]:
            # never stepped: there is no finite point to show but the start, printed above
            lines.append("Diverged at step 0: f or its gradient is not finite at the start, "
                         f"or the start is beyond ±{bound_text()}")
            continue
        if result.status[i] == DIVERGED:
            failure = result.failure(i)     # a plug-in's step that failed, in one line
            lines.append(f"Diverged at step {result.event_step[i]}"
                         + (f" ({failure})" if failure else "") + "; last finite point:")
        elif result.status[i] == MAX_STEPS:
            lines.append("Stopped at max steps")
        else:
            lines.append("Enough convergence")
        lines.append(_seed_line(stop, result.loss[i, stop], result.paths[i, stop], fixed=fixed,
                                names=names) + extra(stop))
        if result.final_evals[i] != stop + 1:       # a line search tried more points
            lines.append(f"function evaluations: {result.final_evals[i]} in {stop} steps")
    _report(lines, written)
    return 0


def _no_curvature(k: int) -> str:
    return ""


def _write_all(outputs) -> list[str]:
    """Write each ``(option, path, write)`` whose path is given; the paths written.

    Runs before anything is printed, so a failed write (exit 2) leaves stdout empty and
    stderr one line naming the option.
    """
    written = []
    for option, path, write in outputs:
        if path:
            try:
                write(path)
            except OSError as exc:
                raise UsageError(f"--{option}: {exc}") from None
            except ValueError as exc:   # a value the format cannot hold: still one line
                raise UsageError(f"--{option}: cannot write {path}: {exc}") from None
            written.append(path)
    return written


def _report(lines: list[str], written: list[str]) -> None:
    """Print a command's lines, then say which files it wrote (on stderr)."""
    if lines:
        print("\n".join(lines))
    for path in written:
        print(f"wrote {path}", file=sys.stderr)


def cmd_search(args: argparse.Namespace) -> int:
    from ..core import search as searching
    from ..core.fileio import write_text_atomic

    exp = experiment_from_args(args)
    config = _one_configuration(exp, "search")
    if not args.param:
        raise UsageError("--param: give at least one, e.g. --param lr=1e-4:1e-1:log")
    axes = []
    for text in args.param:
        try:
            axis = searching.parse_axis(text)
            axis.check(config)
        except ValueError as exc:
            raise UsageError(f"--param {text}: {exc}") from None
        if axis.name in {a.name for a in axes}:
            raise UsageError(f"--param {text}: {axis.name} is searched once only")
        axes.append(axis)
    if len(axes) > searching.MAX_AXES:
        raise UsageError(f"--param: search one to {searching.MAX_AXES} hyperparameters, "
                         f"not {len(axes)}")
    for option, value, choices in (("method", args.method, searching.METHODS),
                                   ("objective", args.objective, searching.OBJECTIVES)):
        if value not in choices:
            raise UsageError(f"--{option} {value}: unknown {option} '{value}'; choose from "
                             f"{', '.join(choices)}")
    if args.objective == "steps" and exp.tol <= 0:   # as the window's Search tab refuses it
        raise UsageError("--objective steps counts the steps to meet --tol, which is 0 (off): "
                         "every run would stop at max steps; set --tol, e.g. --tol 1e-6")
    for option, value, low, high in (("budget", args.budget, 1, searching.MAX_BUDGET),
                                     ("rounds", args.rounds, 1, searching.MAX_ROUNDS),
                                     ("top", args.top, 0, None)):
        if value < low or (high is not None and value > high):
            raise UsageError(f"--{option} {value}: must be " + (
                f"in [{low}, {high}]" if high is not None else f">= {low}"))
    starts = exp.starts
    if args.random_starts is not None:
        if not 1 <= args.random_starts <= searching.MAX_RANDOM_STARTS:
            raise UsageError(f"--random-starts {args.random_starts}: must be in "
                             f"[1, {searching.MAX_RANDOM_STARTS}]")
        starts = searching.random_starts(exp.function, args.random_starts, exp.seed)
    else:
        _need_starts(exp)
    try:
        searching.check_work(args.method, args.budget, args.rounds, len(axes), len(starts))
    except ValueError as exc:
        raise UsageError(f"--budget {args.budget}: {exc}") from None
    if args.max_steps is None:   # a session's max steps is a run's, not a search's
        exp.max_steps = SEARCH_MAX_STEPS
    size = _png_out(args, "the search plot")
    if args.out and len(axes) > 2:
        raise UsageError("--out draws one or two --param, not more")
    _check_out(args.csv, "csv")
    try:
        result = searching.search(
            exp.function, exp.optimizers[0], axes, method=args.method, budget=args.budget,
            objective=args.objective, starts=starts, max_steps=exp.max_steps, tol=exp.tol,
            seed=exp.seed, rounds=args.rounds)
    except ValueError as exc:   # everything is checked above; a last guard, still one line
        raise UsageError(f"search: {exc}") from None
    outputs = [("csv", args.csv,
                lambda path: write_text_atomic(path, searching.csv_text(result)))]
    if args.out:
        from ..core.fileio import write_bytes_atomic
        from ..gui.render.offscreen import image_bytes
        from ..gui.render.search import search_image

        title = searching.search_title(config.spec.title, exp.function.title, args.objective,
                             args.method)
        png = image_bytes(search_image(result, size, title))
        outputs.append(("out", args.out, lambda path: write_bytes_atomic(path, png)))
    written = _write_all(outputs)
    best = result.best
    names = [a.name for a in axes]
    lines = [f"{len(result.scores)} configurations of {config.name} x {len(starts)} "
             f"start(s), {exp.max_steps} steps, objective {args.objective}",
             "best: " + ", ".join(f"{k}={v:.6g}" for k, v in result.hparams(best).items())
             + f"  objective={result.scores[best]:.6g}  ({result.status(best)})", ""]
    header = ["rank", *names, "objective", "status", "round"]
    rows = [[str(r + 1), *(f"{result.points[i, d]:.6g}" for d in range(len(axes))),
             f"{result.scores[i]:.6g}", result.status(i), str(result.rounds[i])]
            for r, i in enumerate(result.order()[: args.top])]
    widths = [max([len(h), *(len(row[c]) for row in rows)]) for c, h in enumerate(header)]
    lines += ["  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True))
              for row in [header, *rows]]
    _report(lines, written)
    return 0


def _png_out(args: argparse.Namespace, what: str) -> tuple[int, int] | None:
    """The ``--size`` of a ``--out`` PNG (None without ``--out``), refusing a bad path or size
    before anything is computed; ``what`` names the picture in the message."""
    if args.out is None:
        if args.size is not None:
            raise UsageError(f"--size {args.size}: it sizes the --out PNG; give --out FILE.png")
        return None
    _check_out(args.out)
    if Path(args.out).suffix.lower() != ".png":
        raise UsageError(f"--out {args.out}: {what} is written as .png")
    return (exporting.DEFAULT_IMAGE_SIZE if args.size is None
            else parse_size_option(args.size))


def _check_out(path: str | None, option: str = "out") -> None:
    """UsageError unless ``path`` (when given) can be written: the folder exists and may be
    written, the path is not a folder or a read-only file. Checked before anything is
    computed, so a bad path costs nothing and prints nothing else."""
    from ..core.fileio import check_writable

    if path is None:
        return
    if not path.strip():
        raise UsageError(f"--{option}: the path is empty")
    try:
        check_writable(path)
    except OSError as exc:
        raise UsageError(f"--{option}: {exc}") from None


def cmd_basins(args: argparse.Namespace) -> int:
    from ..core import basins
    from ..core.fileio import write_text_atomic

    exp = experiment_from_args(args)
    config = _one_configuration(exp, "basins")
    try:
        basins.check_grid(args.grid, exp.max_steps)   # its range, and grid x grid x max steps
    except ValueError as exc:
        raise UsageError(f"--grid {args.grid}: {exc}") from None
    size = _png_out(args, "the basin map")
    _check_out(args.csv, "csv")
    try:
        bmap = basins.basin_map(exp.function, config, grid=args.grid,
                                max_steps=exp.max_steps, tol=exp.tol if args.tol is not None
                                else basins.DEFAULT_TOL, seed=exp.seed)
    except ValueError as exc:   # everything is checked above; a last guard, still one line
        raise UsageError(f"basins: {exc}") from None
    outputs = [("csv", args.csv,
                lambda path: write_text_atomic(path, basins.basins_csv_text(bmap)))]
    if args.out:
        from ..core.fileio import write_bytes_atomic
        from ..gui.render.basins import BasinFigure

        figure = BasinFigure(bmap, exp.function, size)
        try:
            png = figure.png_bytes()
        finally:
            figure.close()
        outputs.append(("out", args.out, lambda path: write_bytes_atomic(path, png)))
    written = _write_all(outputs)
    cells = args.grid * args.grid
    lines = [f"{exp.function.title}: {config.title()} from {args.grid} x {args.grid} "
             f"start points, {exp.max_steps} steps"]
    rows = bmap.summary()
    width = max(32, *(len(label) for _, label, _ in rows))
    lines += [f"  {label:<{width}} {count:>8}  {100 * count / cells:5.1f}%"
              for _, label, count in rows]
    _report(lines, written)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    out = args.out
    if not out.strip():
        raise UsageError("--out: the path is empty")
    try:
        kind = exporting.export_kind(out)
    except exporting.ExportError as exc:
        raise UsageError(f"--out: {exc}") from None
    suffix = Path(out).suffix.lower()
    animation = kind == "animation"
    for option, value in (("frames", args.frames), ("fps", args.fps)):
        if value is not None and not animation:
            raise UsageError(f"--{option} applies to .gif and .mp4 only")
    if args.step is not None and kind != "image":
        raise UsageError("--step applies to .png and .svg only")
    if args.step is not None and args.step < 0:
        raise UsageError(f"--step {args.step}: a step is 0 (the start) or more")
    if kind == "data" and (args.size or args.loss is not None or args.style is not None):
        raise UsageError("--size, --style and --loss apply to images and animations only")
    _check_view_options(args, kind)
    if args.curvature and suffix != ".csv":
        raise UsageError("--curvature adds the Hessian's columns to a .csv only (draw the "
                         "curvature in a figure with --ellipse)")
    if args.ellipse and (kind == "data" or args.view == "3d"):
        raise UsageError("--ellipse applies to 2-D figures and animations only (.png, .svg, "
                         ".gif, .mp4 with --view 2d)")
    default = exporting.DEFAULT_ANIMATION_SIZE if animation else exporting.DEFAULT_IMAGE_SIZE
    limit = exporting.MAX_ANIMATION_SIDE if animation else exporting.MAX_SIDE
    size = parse_size_option(args.size, limit) if args.size is not None else default
    frames = exporting.DEFAULT_FRAMES if args.frames is None else args.frames
    fps = exporting.DEFAULT_FPS if args.fps is None else args.fps
    if animation:
        if not 1 <= frames <= exporting.MAX_FRAMES:
            raise UsageError(f"--frames {frames}: must be in [1, {exporting.MAX_FRAMES}]")
        top = exporting.GIF_MAX_FPS if suffix == ".gif" else exporting.MAX_FPS
        if not 1 <= fps <= top:
            raise UsageError(f"--fps {fps}: must be in [1, {top}] for {suffix}")
        try:
            exporting.check_animation(size, frames, fps, suffix)
        except exporting.ExportError as exc:   # too large a GIF: fewer frames or pixels
            raise UsageError(f"--frames {frames}: {exc}") from None
        problem = exporting.ffmpeg_problem() if suffix == ".mp4" else None
        if problem:
            raise UsageError(f"--out {out}: cannot write MP4: {problem}")
    exp, result = export_runs(args)
    if kind == "data":
        _report([], _write_all([("out", out,
                                 lambda path: exporting.write_data(
                                     exp, result, path, curvature=args.curvature))]))
        return 0
    with export_figure(args, exp, result, size, animation) as figure:
        if kind == "image":
            from ..gui.render.svg import write_image

            write = lambda path: write_image(figure, path)  # noqa: E731
        else:
            write = lambda path: exporting.write_animation(  # noqa: E731
                figure, path, frames, fps, progress=_frame_progress)
        written = _write_all([("out", out, write)])
    _report([], written)
    return 0


def _check_view_options(args: argparse.Namespace, kind: str) -> None:
    """``--view`` and the 3-D view's ``--azimuth`` and ``--elevation``, checked."""
    if args.view == "2d":
        for option in ("azimuth", "elevation"):
            if getattr(args, option) is not None:
                raise UsageError(f"--{option} applies to --view 3d only")
        return
    if kind == "data":
        raise UsageError("--view 3d applies to images and animations only")
    for option in ("loss", "style"):
        if getattr(args, option) is not None:
            raise UsageError(f"--{option} applies to --view 2d only (the 3-D view has no "
                             f"loss plot and one style)")
    if args.azimuth is not None and not math.isfinite(args.azimuth):
        raise UsageError(f"--azimuth {args.azimuth}: give a finite number of degrees")
    if args.elevation is not None and not -90.0 < args.elevation < 90.0:
        raise UsageError(f"--elevation {args.elevation:g}: give degrees between -90 and 90 "
                         f"(both excluded)")


def export_runs(args: argparse.Namespace) -> tuple[Experiment, RunResult]:
    """The experiment ``export``'s arguments describe, with the colours the window would
    show it in (:func:`export_colours`), and its runs; ``--step`` checked against them."""
    exp = experiment_from_args(args)
    _need_starts(exp)
    if args.step is not None and args.step > exp.max_steps:
        raise UsageError(f"--step {args.step}: beyond --max-steps {exp.max_steps}; give a "
                         f"step from 0 to {exp.max_steps}")
    _check_out(args.out)
    exp.colours = export_colours(args, exp)
    result = _run(exp)
    last = int(result.stop_step.max()) if result.n_runs else 0
    if args.step is not None and args.step > last:
        raise UsageError(f"--step {args.step}: the runs end at step {last}; give a step "
                         f"from 0 to {last}")
    return exp, result


def export_colours(args: argparse.Namespace, exp: Experiment) -> list[str]:
    """Each optimizer's colour as the window shows the same runs: a session's entries'
    colours (saved, or the palette's spare ones, as the window opens the file); optimizers
    given with ``--optimizer`` the colour the window's default set gives them (GD orange)."""
    from ..core.session_load import load_session
    from ..document.convert import entry_colours, named_colours

    if args.session is not None and not args.optimizer:
        try:
            session = load_session(args.session)
        except SessionError as exc:   # read once already; a file changed since
            raise UsageError(f"--session: {exc}") from None
        return [c for c, on in zip(entry_colours(session.experiment), session.enabled,
                                   strict=True) if on]
    return named_colours([config.name for config in exp.optimizers])


def export_figure(args: argparse.Namespace, exp: Experiment, result: RunResult,
                  size: tuple[int, int], animation: bool):
    """The :class:`~beale_gui.gui.render.trajectory.TrajectoryFigure` ``export`` draws: the
    session's view (else the runs' fitted one, as the window's), colours and step."""
    from ..gui.render.offscreen import ensure_app
    from ..gui.render.trajectory import TrajectoryFigure

    ensure_app()
    if getattr(args, "view", "2d") == "3d":
        return export_surface_figure(args, exp, result, size, animation)
    loss = animation if args.loss is None else args.loss
    return TrajectoryFigure(result, exp.colours, size=size, style=args.style or "screen",
                            loss=loss, view=exp.view, step=args.step, show_step=animation,
                            ellipse=getattr(args, "ellipse", False))


def export_surface_figure(args: argparse.Namespace, exp: Experiment, result: RunResult,
                          size: tuple[int, int], animation: bool):
    """The :class:`~beale_gui.gui.render.surface3d_render.SurfaceFigure` ``export --view 3d``
    draws: the session's view, colours and step, seen from ``--azimuth`` and ``--elevation``;
    an animation turns the surface once."""
    from ..gui.render.surface3d_render import TURN_DEGREES, SurfaceFigure

    figure = SurfaceFigure(result, exp.colours, size=size, view=exp.view, step=args.step,
                           show_step=animation, turn=TURN_DEGREES if animation else 0.0)
    angles = {k: float(v) for k, v in (("azimuth", args.azimuth),
                                       ("elevation", args.elevation)) if v is not None}
    figure.set_camera(replace(figure.base_camera, **angles))
    return figure


def _frame_progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rframe {done}/{total}", end="\n" if done == total else "", file=sys.stderr,
              flush=True)


def cmd_compare(args: argparse.Namespace) -> int:
    from .compare_command import cmd_compare as compare

    return compare(args)


def cmd_check(args: argparse.Namespace) -> int:
    from .check_command import cmd_check as check

    return check(args)


HANDLERS = {"run": cmd_run, "search": cmd_search, "basins": cmd_basins, "export": cmd_export,
            "compare": cmd_compare, "check-optimizer": cmd_check}


def main(argv: Sequence[str] | None = None) -> int:
    """Run a headless command; return the exit status (2 for a bad argument)."""
    argv = glue_negative_values(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    command = next((a for a in argv if a in COMMANDS), "")
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            raise UsageError(f"no command; choose from {', '.join(COMMANDS)}")
        return HANDLERS[args.command](args)
    except UsageError as exc:
        message = _LONG_WORD.sub(lambda m: m.group(0)[:60] + "...", str(exc))
        print(f"beale-gui {command}: error: {message}" if command
              else f"beale-gui: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:   # stdout closed early (``| head``): stop quietly, as Python's docs
        # advise; the interpreter's last flush would fail again, so it goes to /dev/null
        # (a stdout with no file behind it has nothing to flush)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
