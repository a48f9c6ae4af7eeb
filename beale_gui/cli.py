"""Headless commands: ``python main.py run|...`` (DESIGN.md section 4).

A bad argument exits with status 2 and one line naming it; nothing here prints a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .core.engine import (
    BATCH_SIZE,
    DIVERGED,
    DIVERGENCE_BOUND,
    MAX_STEPS,
    MAX_STEPS_PARAM,
    MEMORY_LIMIT_BYTES,
    NOISE,
    SEED_PARAM,
    TOL_PARAM,
    OptimizerConfig,
    StochasticConfig,
    estimate_bytes,
)
from .core.functions import FUNCTIONS, get_function, parse_expression
from .core.params import odd_character, parse_number
from .core.schedules import ScheduleConfig
from .core.session import Experiment, SessionError
from .core.session_load import load_experiment

COMMANDS = ("run", "search", "basins", "export")
_NEGATIVE = re.compile(r"^-[\d.]")
# a value echoed in an error line is cut to its first 60 characters past this length (a path
# is never so long; 5000 typed digits would make the one line unreadable)
_LONG_WORD = re.compile(r"[^\s'\":,]{200,}")
# options whose value may start with any "-": an expression such as -x**2 + y**2
_TAKES_EXPRESSION = ("--expr",)


class UsageError(Exception):
    """A bad command-line argument; the message is the one line shown."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print usage and exit; say one line
        raise UsageError(message)


def _number_arg(text: str) -> float:
    """The type of the options that take a number (``--tol``, ``--noise``): as the window's
    fields read it, and a message naming an invisible or look-alike character."""
    try:
        return parse_number(text, "")
    except ValueError:
        raise argparse.ArgumentTypeError(_not_a("a number", text)) from None


def _whole_arg(text: str) -> int:
    """The type of the options that take a whole number (``--max-steps``, ``--grid``...): as
    typed, or written as a float that is whole (``1e6``, as the window's fields accept)."""
    try:
        return int(text.strip())
    except ValueError:
        pass
    try:
        value = parse_number(text, "")
    except ValueError:
        raise argparse.ArgumentTypeError(_not_a("a whole number", text)) from None
    if not (np.isfinite(value) and value == round(value)):
        raise argparse.ArgumentTypeError(_not_a("a whole number", text))
    return int(value)


def _not_a(what: str, text: str) -> str:
    odd = odd_character(text)
    shown = repr(text[:40]) + ("..." if len(text) > 40 else "")
    return f"expected {what}, got {shown}" + (f"; it holds {odd}" if odd else "")


def _key_values(text: str, what: str) -> tuple[str, dict[str, float]]:
    """``name:key=value,key=value`` -> (name, {key: value})."""
    name, _, rest = text.partition(":")
    if not name.strip():
        raise UsageError(f"{what} '{text}' has no name")
    values = {}
    for item in filter(None, (s.strip() for s in rest.split(","))):
        key, eq, value = item.partition("=")
        if not eq or not key.strip():
            raise UsageError(f"{what} '{text}': expected key=value, got '{item}'")
        if key.strip() in values:
            raise UsageError(f"{what} '{text}': {key.strip()} is given twice")
        try:
            values[key.strip()] = parse_number(value, key.strip())
        except ValueError as exc:
            raise UsageError(f"{what} '{text}': {exc}") from None
    return name.strip(), values


def parse_optimizer(text: str, schedule: ScheduleConfig, noise: StochasticConfig | None):
    name, values = _key_values(text, "--optimizer")
    try:
        return OptimizerConfig(name, values, schedule, noise)
    except ValueError as exc:
        raise UsageError(f"--optimizer {text}: {exc}") from None


def parse_schedule(text: str | None) -> ScheduleConfig:
    if text is None:
        return ScheduleConfig()
    name, values = _key_values(text, "--schedule")
    try:
        return ScheduleConfig(name, values)
    except ValueError as exc:
        raise UsageError(f"--schedule {text}: {exc}") from None


def parse_start(text: str) -> tuple[float, float]:
    parts = text.split(",")
    if len(parts) != 2:
        raise UsageError(f"--start '{text}': expected X,Y such as 0.7,1.4")
    try:
        xy = tuple(parse_number(p, "X" if i == 0 else "Y") for i, p in enumerate(parts))
    except ValueError as exc:
        raise UsageError(f"--start '{text}': expected two numbers X,Y ({exc})") from None
    if not all(np.isfinite(xy)):
        raise UsageError(f"--start '{text}': coordinates must be finite")
    if max(abs(v) for v in xy) > DIVERGENCE_BOUND:
        raise UsageError(f"--start '{text}': coordinates must be within ±{_bound_text()}, "
                         "beyond which a run counts as diverged")
    return xy


def _bound_text() -> str:
    """The divergence bound as typed: ``1e10``."""
    return f"{DIVERGENCE_BOUND:.0e}".replace("e+", "e")


def _glue_negative_values(argv: Sequence[str]) -> list[str]:
    """Let ``--start -2,2`` and ``--expr -x**2`` mean what they say (argparse would take
    -2,2 or -x**2 for an option)."""
    out: list[str] = []
    for arg in argv:
        glue = _NEGATIVE.match(arg) or (
            out and out[-1] in _TAKES_EXPRESSION and arg.startswith("-")
            and not arg.startswith("--"))
        if out and out[-1].startswith("--") and "=" not in out[-1] and glue:
            out[-1] = f"{out[-1]}={arg}"
        else:
            out.append(arg)
    return out


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--function", help=f"one of {', '.join(FUNCTIONS)} (default beale)")
    p.add_argument("--expr", help="a custom function of x and y, e.g. 'x**2 + 10*sin(y)'")
    p.add_argument("--optimizer", action="append", metavar="NAME[:key=value,...]",
                   help="repeatable, e.g. gd:lr=0.01 or adam:lr=0.05,beta1=0.8")
    p.add_argument("--start", action="append", metavar="X,Y", help="repeatable (default 0.7,1.4)")
    p.add_argument("--max-steps", type=_whole_arg, default=None, help="most updates per run (1000)")
    p.add_argument("--tol", type=_number_arg, default=None,
                   help="stop when |delta f| < TOL, as the seed's loop (0 = off; default 0)")
    p.add_argument("--schedule", metavar="NAME[:key=value]",
                   help="constant, inverse_time:decay=0.01, step:step_size=100,gamma=0.5, "
                        "exponential:gamma=0.995, cosine:period=1000")
    p.add_argument("--batch-size", type=_whole_arg, default=None,
                   help="mini-batch of the function's terms: makes every optimizer stochastic")
    p.add_argument("--noise", type=_number_arg, default=None,
                   help="Gaussian gradient-noise scale: makes every optimizer stochastic")
    p.add_argument("--seed", type=_whole_arg, default=None, help="seed of stochastic gradients (0)")
    p.add_argument("--session", help="read everything from a session or data JSON file")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="beale-gui", description="Gradient-descent optimizers on 2-D surfaces."
                     " With no command, opens the window.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    p = sub.add_parser("run", help="run optimizers and print the seed's progress lines")
    _add_common(p)
    p.add_argument("--csv", help="write every step of every run as CSV")
    p.add_argument("--json", help="write the runs and their configuration as JSON")
    p.add_argument("--every", type=_whole_arg, default=100, help="print a line every N steps (100)")
    p = sub.add_parser("search", help="search one or two hyperparameters of one optimizer")
    _add_common(p)
    p.add_argument("--param", action="append", metavar="NAME=LOW:HIGH[:log]",
                   help="a searched hyperparameter, e.g. lr=1e-4:1e-1:log (repeatable)")
    p.add_argument("--method", default="grid", help="grid, random or coarse-to-fine (grid)")
    p.add_argument("--budget", type=_whole_arg, default=400, help="configurations in all (400)")
    p.add_argument("--objective", default="final-loss",
                   help="final-loss, steps (to meet --tol) or distance (to the nearest minimum)")
    p.add_argument("--random-starts", type=_whole_arg, default=None, metavar="K",
                   help="average over K random start points in the view instead of --start")
    p.add_argument("--rounds", type=_whole_arg, default=3, help="coarse-to-fine rounds (3)")
    p.add_argument("--csv", help="write every configuration with its objective as CSV")
    p.add_argument("--top", type=_whole_arg, default=10, help="rows of the printed table (10)")
    p.add_argument("--out", metavar="FILE.png",
                   help="draw the heatmap (two parameters) or curve (one) as PNG")
    p.add_argument("--size", metavar="WxH", default="1600x1200",
                   help="pixel size of --out (1600x1200)")

    p = sub.add_parser("basins", help="map where every start point of a grid ends up")
    _add_common(p)
    p.add_argument("--grid", type=_whole_arg, default=200, help="start points per axis (200)")
    p.add_argument("--csv", help="write one row per start point as CSV")
    p.add_argument("--out", metavar="FILE.png", help="draw the map over the contours as PNG")
    p.add_argument("--size", metavar="WxH", default="1600x1200",
                   help="pixel size of --out (1600x1200)")

    p = sub.add_parser("export", help="write a figure (.png, .svg), an animation (.gif, .mp4) "
                       "or the runs' data (.csv, .json)")
    _add_common(p)
    p.add_argument("--out", required=True, metavar="FILE",
                   help="the file to write; its extension chooses the format")
    p.add_argument("--size", metavar="WxH",
                   help="pixels (1600x1200 for images, 960x540 for animations)")
    p.add_argument("--style", choices=("app", "print"), default="app",
                   help="the app's look, or a light one for print (app)")
    p.add_argument("--loss", action=argparse.BooleanOptionalAction, default=None,
                   help="the loss plot beside the canvas (default: in animations only)")
    p.add_argument("--step", type=_whole_arg, default=None, metavar="K",
                   help="an image shows the paths up to step K (default: to the end)")
    p.add_argument("--frames", type=_whole_arg, default=None,
                   help="frames of an animation, spread over the whole runs (120)")
    p.add_argument("--fps", type=_whole_arg, default=None, help="frames per second (20)")
    return parser


def experiment_from_args(args: argparse.Namespace) -> Experiment:
    """The experiment the arguments describe (a session file, then the flags over it)."""
    for option in ("session", "function", "expr", "schedule"):
        if getattr(args, option) is not None and not getattr(args, option).strip():
            raise UsageError(f"--{option}: the value is empty")
    if args.session is not None:
        try:
            exp = load_experiment(args.session)
        except SessionError as exc:
            raise UsageError(f"--session: {exc}") from None
    else:
        exp = Experiment(get_function("beale"), [], np.array([[0.7, 1.4]]))
    if args.function is not None and args.expr is not None:
        raise UsageError("give --function or --expr, not both")
    if args.function is not None:
        try:
            exp.function, exp.expression = get_function(args.function), None
        except ValueError as exc:
            raise UsageError(f"--function: {exc}") from None
    if args.expr is not None:
        try:
            exp.function, exp.expression = parse_expression(args.expr), args.expr
        except ValueError as exc:
            raise UsageError(f"--expr: {exc}") from None
    noise = None
    if args.batch_size is not None or args.noise is not None:
        # each checked as typed: a batch of 0 is refused, not taken for the default 1
        for param, option, value in ((BATCH_SIZE, "--batch-size", args.batch_size),
                                     (NOISE, "--noise", args.noise)):
            message = None if value is None else param.problem(value)
            if message:
                raise UsageError(f"{option} {value:g}: {message}")
        noise = StochasticConfig(BATCH_SIZE.default if args.batch_size is None
                                 else args.batch_size, args.noise or 0.0)
    schedule = parse_schedule(args.schedule)
    if args.optimizer:
        exp.optimizers = [parse_optimizer(t, schedule, noise) for t in args.optimizer]
    elif not exp.optimizers:
        exp.optimizers = [parse_optimizer("gd", schedule, noise)]
    if args.start:
        exp.starts = np.array([parse_start(s) for s in args.start])
    for param, option in ((MAX_STEPS_PARAM, "max_steps"), (TOL_PARAM, "tol"),
                          (SEED_PARAM, "seed")):
        value = getattr(args, option)
        if value is not None:
            message = param.problem(value)
            if message:
                raise UsageError(f"--{option.replace('_', '-')} {value}: {message}")
            setattr(exp, option, type(getattr(exp, option))(value))
    return exp


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


def _seed_line(step: int, z: float, xy, g=None) -> str:
    line = f"steps: {step}  z: {z:.6f}  x: {xy[0]:.5f}  y: {xy[1]:.5f}"
    if g is not None:
        line += f"  dx: {g[0]:.5f}  dy: {g[1]:.5f}"
    return line


def cmd_run(args: argparse.Namespace) -> int:
    from .export.data import run_labels, write_csv, write_json

    exp = experiment_from_args(args)
    if args.every < 1:
        raise UsageError(f"--every {args.every}: must be >= 1")
    _need_starts(exp)
    _check_out(args.csv, "csv")
    _check_out(args.json, "json")
    result = _run(exp)
    written = _write_all([("csv", args.csv, lambda path: write_csv(result, path)),
                          ("json", args.json, lambda path: write_json(exp, result, path))])
    labels = run_labels(result)
    lines = []
    for i in range(result.n_runs):
        start = result.starts[result.start_index[i]]
        if result.n_runs > 1:
            lines.append(f"{'' if i == 0 else chr(10)}# run {i}: {labels[i]} from "
                         f"({start[0]:g}, {start[1]:g})")
        stop = int(result.stop_step[i])
        lines.append(_seed_line(0, result.loss[i, 0], result.paths[i, 0]))
        for k in range(args.every, stop + 1, args.every):
            # as the seed: f and x, y after step k, and the gradient that made step k
            lines.append(_seed_line(k, result.loss[i, k], result.paths[i, k],
                                    result.grads[i, k - 1]))
        if result.status[i] == DIVERGED and result.bad_start is not None \
                and result.bad_start[i]:
            # never stepped: there is no finite point to show but the start, printed above
            lines.append("Diverged at step 0: f or its gradient is not finite at the start, "
                         f"or the start is beyond ±{_bound_text()}")
            continue
        if result.status[i] == DIVERGED:
            lines.append(f"Diverged at step {result.event_step[i]}; last finite point:")
        elif result.status[i] == MAX_STEPS:
            lines.append("Stopped at max steps")
        else:
            lines.append("Enough convergence")
        lines.append(_seed_line(stop, result.loss[i, stop], result.paths[i, stop]))
    _report(lines, written)
    return 0


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
    from .core import search as searching
    from .core.fileio import write_text_atomic

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
    if args.max_steps is None:
        exp.max_steps = 500
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
        from .core.fileio import write_bytes_atomic
        from .gui.render.offscreen import image_bytes
        from .gui.render.search import search_image

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
        return None
    _check_out(args.out)
    if Path(args.out).suffix.lower() != ".png":
        raise UsageError(f"--out {args.out}: {what} is written as .png")
    return _parse_size(args.size)


def _check_out(path: str | None, option: str = "out") -> None:
    """UsageError unless ``path`` (when given) can be written: the folder exists and may be
    written, the path is not a folder or a read-only file. Checked before anything is
    computed, so a bad path costs nothing and prints nothing else."""
    from .core.fileio import check_writable

    if path is None:
        return
    if not path.strip():
        raise UsageError(f"--{option}: the path is empty")
    try:
        check_writable(path)
    except OSError as exc:
        raise UsageError(f"--{option}: {exc}") from None


def _parse_size(text: str, limit: int | None = None) -> tuple[int, int]:
    """``--size WxH`` as (W, H), at most ``limit`` (the export's MAX_SIDE) a side."""
    from . import export as exporting

    try:
        return exporting.parse_size(text, exporting.MAX_SIDE if limit is None else limit)
    except ValueError as exc:
        raise UsageError(f"--size {exc}") from None


def cmd_basins(args: argparse.Namespace) -> int:
    from .core import basins
    from .core.fileio import write_text_atomic

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
        from .core.fileio import write_bytes_atomic
        from .gui.render.basins import BasinFigure

        figure = BasinFigure(bmap, exp.function, size)
        try:
            png = figure.png_bytes()
        finally:
            figure.close()
        outputs.append(("out", args.out, lambda path: write_bytes_atomic(path, png)))
    written = _write_all(outputs)
    cells = args.grid * args.grid
    lines = [f"{exp.function.title}: {config.label()} from {args.grid} x {args.grid} "
             f"start points, {exp.max_steps} steps"]
    lines += [f"  {label:<32} {count:>8}  {100 * count / cells:5.1f}%"
              for label, count in bmap.counts().items()]
    _report(lines, written)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from . import export as exporting

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
        raise UsageError(f"--step {args.step}: must be >= 0")
    if kind == "data" and (args.size or args.loss is not None or args.style != "app"):
        raise UsageError("--size, --style and --loss apply to images and animations only")
    default = exporting.DEFAULT_ANIMATION_SIZE if animation else exporting.DEFAULT_IMAGE_SIZE
    limit = exporting.MAX_ANIMATION_SIDE if animation else exporting.MAX_SIDE
    size = _parse_size(args.size, limit) if args.size is not None else default
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
    exp = experiment_from_args(args)
    _need_starts(exp)
    _check_out(out)
    result = _run(exp)
    if kind == "data":
        _report([], _write_all([("out", out,
                                 lambda path: exporting.write_data(exp, result, path))]))
        return 0

    from .gui.render.offscreen import ensure_app
    from .gui.render.svg import write_image
    from .gui.render.trajectory import TrajectoryFigure

    ensure_app()
    loss = animation if args.loss is None else args.loss
    from .document.document import PALETTE

    # a session's own colours and view, where it saved them
    colours = [exp.colour_of(i) or PALETTE[i % len(PALETTE)] for i in range(len(exp.optimizers))]
    with TrajectoryFigure(result, colours, size=size, style=args.style, loss=loss,
                          view=exp.view, step=args.step, show_step=animation) as figure:
        if kind == "image":
            write = lambda path: write_image(figure, path)  # noqa: E731
        else:
            write = lambda path: exporting.write_animation(  # noqa: E731
                figure, path, frames, fps, progress=_frame_progress)
        written = _write_all([("out", out, write)])
    _report([], written)
    return 0


def _frame_progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rframe {done}/{total}", end="\n" if done == total else "", file=sys.stderr,
              flush=True)


HANDLERS = {"run": cmd_run, "search": cmd_search, "basins": cmd_basins, "export": cmd_export}


def main(argv: Sequence[str] | None = None) -> int:
    """Run a headless command; return the exit status (2 for a bad argument)."""
    argv = _glue_negative_values(sys.argv[1:] if argv is None else argv)
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
