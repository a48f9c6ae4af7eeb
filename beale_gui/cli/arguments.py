"""The command line's arguments: the parser, and the experiment they describe.

Each value is checked as it is read, with the ranges the window's fields use; a bad one raises
:class:`UsageError`, whose message is the one line the command prints (exit status 2).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence

import numpy as np

from ..core.basins import DEFAULT_TOL
from ..core.engine import (
    BATCH_SIZE,
    DIVERGENCE_BOUND,
    MAX_STEPS_PARAM,
    NOISE,
    SEED_PARAM,
    TOL_PARAM,
    OptimizerConfig,
    StochasticConfig,
)
from ..core.functions import FUNCTIONS, get_function, parse_expression
from ..core.key_values import key_values, optimizer_from_text
from ..core.models import (
    BUILTIN_SETS,
    DEFAULT_DATASETS,
    MODELS,
    DataError,
    builtin_dataset,
    load_csv,
    make_model,
    parse_dataset_spec,
)
from ..core.optimizers import plugins
from ..core.params import odd_character, parse_number
from ..core.schedules import ScheduleConfig
from ..core.session import Experiment, PluginRefused, SessionError, bound_text
from ..core.session_load import load_experiment
from ..core.surface3d import DEFAULT_AZIMUTH, DEFAULT_ELEVATION
from ..export import targets

COMMANDS = ("run", "search", "basins", "export", "compare", "check-optimizer")
# a search runs many configurations: fewer steps each than a run, as the window's Search tab
SEARCH_MAX_STEPS = 500
_DEFAULT_LR = OptimizerConfig("gd").hparams["lr"]
VIEWS = ("2d", "3d")   # export's --view
_PNG_SIZE = "x".join(map(str, targets.DEFAULT_IMAGE_SIZE))   # search's and basins' --out
RUN_EXIT_STATUS = ("Exit status: 0 when the runs were computed, also when one diverged (it is "
                   "a result: its lines end 'Diverged at step K; last finite point:' and the "
                   "JSON gives its status 'diverged'); 2 for a bad argument, with one line "
                   "naming it; 1 when the output was cut short (a pipe into head); 130 when "
                   "interrupted.")
_NEGATIVE = re.compile(r"^-[\d.]")
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


def _key_values(text: str, what: str, flags=None) -> tuple[str, dict[str, float]]:
    try:
        return key_values(text, what, flags)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def parse_optimizer(text: str, schedule: ScheduleConfig, noise: StochasticConfig | None):
    try:
        return optimizer_from_text(text, "--optimizer", schedule, noise)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


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
        raise UsageError(f"--start '{text}': coordinates must be within ±{bound_text()}, "
                         "beyond which a run counts as diverged")
    return xy


def glue_negative_values(argv: Sequence[str]) -> list[str]:
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


def _add_common(p: argparse.ArgumentParser,
                max_steps: str = f"{MAX_STEPS_PARAM.default}, or the session's",
                tol: str = f"{TOL_PARAM.default:g}, or the session's") -> None:
    """The options every command takes; ``max_steps`` and ``tol`` are the command's defaults
    as its help states them."""
    p.add_argument("--function", help=f"one of {', '.join(FUNCTIONS)} (default beale, or the "
                   "session's)")
    p.add_argument("--expr", help="a custom function of x and y, e.g. 'x**2 + 10*sin(y)'")
    add_model_options(p)
    p.add_argument("--optimizer", action="append", metavar="NAME[:key=value,...]",
                   help="repeatable, e.g. gd:lr=0.01 or adam:lr=0.05,beta1=0.8 (default "
                        f"gd:lr={_DEFAULT_LR:g}, or the session's)")
    add_plugin_options(p)
    p.add_argument("--start", action="append", metavar="X,Y",
                   help="repeatable (default 0.7,1.4, or the session's)")
    p.add_argument("--max-steps", type=_whole_arg, default=None,
                   help=f"most updates per run (default {max_steps})")
    p.add_argument("--tol", type=_number_arg, default=None,
                   help=f"stop when |delta f| < TOL, as the seed's loop (0 = off; default {tol})")
    p.add_argument("--schedule", metavar="NAME[:key=value]",
                   help="constant, inverse_time:decay=0.01, step:step_size=100,gamma=0.5, "
                        "exponential:gamma=0.995, cosine:period=1000 (default constant)")
    p.add_argument("--batch-size", type=_whole_arg, default=None,
                   help="mini-batch of the function's terms: makes every optimizer stochastic "
                        f"(default {BATCH_SIZE.default} with --noise; without either, sgd "
                        "alone is stochastic)")
    p.add_argument("--noise", type=_number_arg, default=None,
                   help="Gaussian gradient-noise scale: makes every optimizer stochastic "
                        f"(default {NOISE.default:g} with --batch-size)")
    p.add_argument("--seed", type=_whole_arg, default=None,
                   help=f"seed of stochastic gradients (default {SEED_PARAM.default}, or the "
                        "session's)")
    p.add_argument("--session", help="read everything from a session or data JSON file; the "
                   "other options override it")


def add_plugin_options(p: argparse.ArgumentParser, allow: bool = True) -> None:
    """``--optimizer-file`` (a plug-in optimizer, then named by ``--optimizer``) and, where a
    session is read, ``--allow-plugins``."""
    p.add_argument("--optimizer-file", action="append", metavar="PATH",
                   help="load a plug-in optimizer file (README, 'Your own optimizer'); its name "
                        "is the file's stem: --optimizer NAME:key=value (repeatable)")
    if allow:
        p.add_argument("--allow-plugins", action="store_true",
                       help="let --session load the plug-in files it names (their code runs; "
                            "a file whose checksum changed is still refused)")


def load_plugin_files(args: argparse.Namespace) -> None:
    """Load every ``--optimizer-file``; UsageError (one line naming it) when one fails."""
    for path in getattr(args, "optimizer_file", None) or []:
        if not path.strip():
            raise UsageError("--optimizer-file: the path is empty")
        try:
            plugins.load_file(path)
        except plugins.PluginError as exc:
            raise UsageError(f"--optimizer-file {path}: {exc}") from None


def add_model_options(p: argparse.ArgumentParser) -> None:
    """``--model`` with ``--data`` or ``--dataset``: a model's loss over data as the surface."""
    p.add_argument("--model", metavar="|".join(MODELS),
                   help="instead of --function: the loss of a two-parameter model (p1, p2) "
                        "over data, with --data or --dataset (default: the model's own data "
                        "set, " + ", ".join(f"{k} {v}" for k, v in DEFAULT_DATASETS.items())
                        + ")")
    p.add_argument("--data", metavar="FILE.csv",
                   help="--model's data: two columns x,y of numbers (a header line optional)")
    p.add_argument("--dataset", metavar="NAME[:n=N,seed=S,noise=E]",
                   help=f"--model's built-in data set: one of {', '.join(BUILTIN_SETS)}, "
                        "e.g. noisy-line:n=200,seed=3,noise=0.2")


def model_from_args(args: argparse.Namespace):
    """The :class:`~beale_gui.core.models.ModelFunction` ``--model``, ``--data`` and
    ``--dataset`` describe, or None without ``--model``; UsageError names a bad value."""
    for option in ("model", "data", "dataset"):
        value = getattr(args, option, None)
        if value is not None and not value.strip():
            raise UsageError(f"--{option}: the value is empty")
    if args.data is not None and args.dataset is not None:
        raise UsageError("give --data or --dataset, not both")
    if args.model is None:
        for option in ("data", "dataset"):
            if getattr(args, option) is not None:
                raise UsageError(f"--{option} needs --model (one of {', '.join(MODELS)})")
        return None
    for option in ("function", "expr"):
        if getattr(args, option, None) is not None:
            raise UsageError(f"give --model or --{option}, not both")
    kind = args.model.strip()
    if kind not in MODELS:
        raise UsageError(f"--model {kind}: unknown model; choose one of {', '.join(MODELS)}")
    if args.data is not None:
        option, make = "--data", lambda: load_csv(args.data)
    elif args.dataset is not None:
        option, make = "--dataset", lambda: parse_dataset_spec(args.dataset)
    else:
        option, make = "--model", lambda: builtin_dataset(DEFAULT_DATASETS[kind])
    try:
        data = make()
    except DataError as exc:
        raise UsageError(f"{option}: {exc}") from None
    try:
        return make_model(kind, data)
    except DataError as exc:
        raise UsageError(f"--model {kind}: {exc}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="beale-gui", description="Gradient-descent optimizers on 2-D surfaces."
                     " With no command, opens the window.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    p = sub.add_parser("run", help="run optimizers and print the seed's progress lines",
                       epilog=RUN_EXIT_STATUS)
    _add_common(p)
    p.add_argument("--csv", help="write every step of every run as CSV")
    p.add_argument("--json", help="write the runs and their configuration as JSON")
    p.add_argument("--every", type=_whole_arg, default=100, help="print a line every N steps (100)")
    p.add_argument("--curvature", action="store_true",
                   help="add the exact Hessian's λmin, λmax and condition number κ to the "
                        "printed lines, and hess_*, lambda_min, lambda_max columns to --csv")
    p = sub.add_parser("search", help="search one or two hyperparameters of one optimizer")
    _add_common(p, max_steps=f"{SEARCH_MAX_STEPS}, whatever a session says")
    p.add_argument("--param", action="append", metavar="NAME=LOW:HIGH[:log]",
                   help="a searched hyperparameter, e.g. lr=1e-4:1e-1:log (repeatable)")
    p.add_argument("--method", default="grid", help="grid, random or coarse-to-fine (grid)")
    p.add_argument("--budget", type=_whole_arg, default=400, help="configurations in all (400)")
    p.add_argument("--objective", default="final-loss",
                   help="final-loss, steps (to meet --tol, which must then be above 0) or "
                        "distance (to the nearest minimum) (default final-loss)")
    p.add_argument("--random-starts", type=_whole_arg, default=None, metavar="K",
                   help="average over K random start points in the view instead of --start")
    p.add_argument("--rounds", type=_whole_arg, default=3, help="coarse-to-fine rounds (3)")
    p.add_argument("--csv", help="write every configuration with its objective as CSV")
    p.add_argument("--top", type=_whole_arg, default=10, help="rows of the printed table (10)")
    p.add_argument("--out", metavar="FILE.png",
                   help="draw the heatmap (two parameters) or curve (one) as PNG")
    p.add_argument("--size", metavar="WxH", help=f"pixel size of --out ({_PNG_SIZE})")

    p = sub.add_parser("basins", help="map where every start point of a grid ends up")
    _add_common(p, tol=f"{DEFAULT_TOL:g}, whatever a session says".replace("e-0", "e-"))
    p.add_argument("--grid", type=_whole_arg, default=200, help="start points per axis (200)")
    p.add_argument("--csv", help="write one row per start point as CSV")
    p.add_argument("--out", metavar="FILE.png", help="draw the map over the contours as PNG")
    p.add_argument("--size", metavar="WxH", help=f"pixel size of --out ({_PNG_SIZE})")

    p = sub.add_parser("export", help="write a figure (.png, .svg), an animation (.gif, .mp4) "
                       "or the runs' data (.csv, .json)")
    _add_common(p)
    p.add_argument("--out", required=True, metavar="FILE",
                   help="the file to write; its extension chooses the format")
    p.add_argument("--size", metavar="WxH",
                   help="pixels (1600x1200 for images, 960x540 for animations)")
    p.add_argument("--style", choices=(*targets.STYLES, "app"), default=None,
                   help="screen: the window's look (the default; 'app' is its old name); "
                        "print: light, for paper and greyscale")
    p.add_argument("--loss", action=argparse.BooleanOptionalAction, default=None,
                   help="the loss plot beside the canvas (default: in animations only)")
    p.add_argument("--step", type=_whole_arg, default=None, metavar="K",
                   help="an image shows the runs at step K: paths up to it, heads and the "
                        "run list there (default: the end)")
    p.add_argument("--frames", type=_whole_arg, default=None,
                   help="frames of an animation, spread over the whole runs (120)")
    p.add_argument("--fps", type=_whole_arg, default=None, help="frames per second (20)")
    p.add_argument("--view", type=str.lower, choices=VIEWS, default="2d",
                   help="2d: the contour map (the default); 3d: the surface in 3-D, rendered "
                        "without OpenGL (a GIF or MP4 turns it once while the paths play)")
    p.add_argument("--azimuth", type=_number_arg, default=None, metavar="DEG",
                   help=f"--view 3d: degrees about the vertical axis from +x "
                        f"({DEFAULT_AZIMUTH:g})")
    p.add_argument("--elevation", type=_number_arg, default=None, metavar="DEG",
                   help=f"--view 3d: degrees above the floor, between -90 and 90 "
                        f"({DEFAULT_ELEVATION:g})")
    p.add_argument("--curvature", action="store_true",
                   help="a .csv gains the Hessian at every step: hess_*, lambda_min, "
                        "lambda_max columns")
    p.add_argument("--ellipse", action="store_true",
                   help="draw the level ellipse of the local quadratic model at each run's "
                        "head, in the run's colour (2-D figures and animations)")
    add_compare_parser(sub)
    from .check_command import add_check_parser

    add_check_parser(sub)
    return parser


def add_compare_parser(sub) -> None:
    """``compare``: every optimizer tuned under one budget, judged on other starts."""
    from ..core import compare

    p = sub.add_parser("compare", help="compare optimizers fairly: the same tuning budget for "
                       "each on seeded tuning starts, judged on other seeded starts")
    p.add_argument("--function", help=f"one of {', '.join(FUNCTIONS)} with a known minimum "
                   "(default beale, or the session's)")
    p.add_argument("--expr", help="a custom function of x and y; give its minima with "
                   "--minimum")
    p.add_argument("--minimum", action="append", metavar="X,Y",
                   help="a known minimum of --expr (repeatable; f* is the lowest)")
    add_model_options(p)
    p.add_argument("--optimizer", action="append", metavar="NAME[:key=value,...]",
                   help="repeatable; fixed values as in run, lr is tuned (default: the "
                        "window's six, or the session's)")
    add_plugin_options(p, allow=False)
    p.add_argument("--param", action="append", metavar="NAME=LOW:HIGH[:log]",
                   help="a tuned hyperparameter's range, e.g. lr=1e-4:1e-1:log or "
                        "momentum=0.5:0.99 (repeatable; lr is always tuned, by default over "
                        f"lr/{compare.LR_SPAN:g}..lr*{compare.LR_SPAN:g}, log)")
    for option, default, what in (
            ("--budget", 32, "configurations per optimizer"),
            ("--tuning-starts", 32, "start points each configuration is tuned on"),
            ("--starts", 256, "evaluation start points, disjoint from the tuning ones"),
            ("--max-steps", 2000, "steps of every run (no early stop)"),
            ("--seed", 0, "draws the starts, random configurations and stochastic gradients"),
            ("--seeds-per-start", 4, "runs of a stochastic optimizer from each start")):
        p.add_argument(option, type=_whole_arg, default=None,
                       help=f"{what} ({default}, or the session's)")
    p.add_argument("--tol", type=_number_arg, default=None,
                   help="success: final f within TOL of the global minimum's value f* "
                        "(1e-06, or the session's)")
    p.add_argument("--method", default=None, help="grid or random (grid, or the session's)")
    p.add_argument("--design", default=None,
                   help="uniform or sobol start points (sobol, or the session's)")
    p.add_argument("--batch-size", type=_whole_arg, default=None,
                   help="mini-batch of the function's terms: makes every optimizer stochastic")
    p.add_argument("--noise", type=_number_arg, default=None,
                   help="Gaussian gradient-noise scale: makes every optimizer stochastic")
    p.add_argument("--session", help="rerun a comparison: a JSON written by compare --json, "
                   "or a session with a \"compare\" entry; the other options override it")
    p.add_argument("--csv", help="write one row per evaluation run as CSV")
    p.add_argument("--json", help="write the protocol, the starts and every run's outcome")
    p.add_argument("--out", metavar="FILE.png|svg",
                   help="draw the runtime profiles and the outcome maps")
    p.add_argument("--size", metavar="WxH", help=f"pixel size of --out ({_PNG_SIZE})")


def experiment_from_args(args: argparse.Namespace) -> Experiment:
    """The experiment the arguments describe (a session file, then the flags over it)."""
    for option in ("session", "function", "expr", "schedule"):
        if getattr(args, option) is not None and not getattr(args, option).strip():
            raise UsageError(f"--{option}: the value is empty")
    load_plugin_files(args)
    if args.session is not None:
        try:
            exp = load_experiment(args.session, args.allow_plugins)
        except PluginRefused as exc:
            raise UsageError(f"--session: {exc}: give --optimizer-file {exc.path} again, or "
                             "--allow-plugins") from None
        except SessionError as exc:
            raise UsageError(f"--session: {exc}") from None
    else:
        exp = Experiment(get_function("beale"), [], np.array([[0.7, 1.4]]))
    if args.function is not None and args.expr is not None:
        raise UsageError("give --function or --expr, not both")
    model = model_from_args(args)
    if model is not None:
        exp.function, exp.expression = model, None
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
    noise = noise_from_args(args)
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


def noise_from_args(args: argparse.Namespace) -> StochasticConfig | None:
    """The ``--batch-size`` and ``--noise`` every optimizer takes, or None (its default)."""
    if args.batch_size is None and args.noise is None:
        return None
    # each checked as typed: a batch of 0 is refused, not taken for the default 1
    for param, option, value in ((BATCH_SIZE, "--batch-size", args.batch_size),
                                 (NOISE, "--noise", args.noise)):
        message = None if value is None else param.problem(value)
        if message:
            raise UsageError(f"{option} {value:g}: {message}")
    return StochasticConfig(BATCH_SIZE.default if args.batch_size is None
                            else args.batch_size, args.noise or 0.0)


def parse_size_option(text: str, limit: int | None = None) -> tuple[int, int]:
    """``--size WxH`` as (W, H), at most ``limit`` (the export's MAX_SIDE) a side."""
    try:
        return targets.parse_size(text, targets.MAX_SIDE if limit is None else limit)
    except ValueError as exc:
        raise UsageError(f"--size {exc}") from None
