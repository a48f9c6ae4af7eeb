"""``python main.py compare``: a fair comparison of optimizers (:mod:`beale_gui.core.compare`).

It prints the protocol in full and the results table; ``--json`` keeps the protocol, the
starts and every run's outcome, and ``compare --session F.json`` reruns it to identical numbers.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from ..core.schedules import ScheduleConfig
from ..core.session import SessionError
from .arguments import (
    UsageError,
    load_plugin_files,
    model_from_args,
    noise_from_args,
    parse_optimizer,
    parse_size_option,
    parse_start,
)

# Protocol fields the options set, as (option, field)
_SETTINGS = (("budget", "budget"), ("tuning_starts", "tuning_starts"),
             ("starts", "evaluation_starts"), ("max_steps", "max_steps"), ("seed", "seed"),
             ("seeds_per_start", "seeds_per_start"), ("tol", "tol"), ("method", "method"),
             ("design", "design"))
DEFAULT_OPTIMIZERS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")


def _function(args: argparse.Namespace):
    """(function, expression) the options name (a model on data too), or None when they name
    none."""
    from ..core.functions import get_function, parse_expression

    for option in ("session", "function", "expr"):
        value = getattr(args, option)
        if value is not None and not value.strip():
            raise UsageError(f"--{option}: the value is empty")
    if args.function is not None and args.expr is not None:
        raise UsageError("give --function or --expr, not both")
    model = model_from_args(args)
    if model is not None:
        if args.minimum:
            raise UsageError("--minimum lists the minima of --expr; a model finds its own")
        return model, None
    if args.minimum and args.expr is None:
        raise UsageError("--minimum lists the minima of --expr; a built-in function knows its "
                         "own")
    if args.function is not None:
        try:
            return get_function(args.function), None
        except ValueError as exc:
            raise UsageError(f"--function: {exc}") from None
    if args.expr is not None:
        minima = []
        for text in args.minimum or []:
            try:
                minima.append(parse_start(text))
            except UsageError as exc:
                raise UsageError(str(exc).replace("--start", "--minimum", 1)) from None
        try:
            return parse_expression(args.expr, minima=minima or None), args.expr
        except ValueError as exc:
            raise UsageError(f"--expr: {exc}") from None
    return None


def protocol_from_args(args: argparse.Namespace):
    """The protocol the arguments describe: a ``--session`` file's, then the options over
    it (or over the defaults)."""
    from ..core import compare, compare_io
    from ..core.functions import get_function
    from ..core.search import parse_axis

    load_plugin_files(args)
    function = _function(args)
    changes: dict = {}
    if args.session is not None:
        try:
            base = compare_io.read_protocol(args.session)
        except SessionError as exc:
            raise UsageError(f"--session: {exc}") from None
    else:
        base = None
        if function is None:
            function = (get_function("beale"), None)
    if function is not None:
        changes["function"], changes["expression"] = function
    noise = noise_from_args(args)
    if args.optimizer:
        changes["optimizers"] = tuple(parse_optimizer(t, ScheduleConfig(), noise)
                                      for t in args.optimizer)
    elif base is None:
        changes["optimizers"] = tuple(parse_optimizer(n, ScheduleConfig(), noise)
                                      for n in DEFAULT_OPTIMIZERS)
    elif noise is not None:
        changes["optimizers"] = tuple(dataclasses.replace(c, stochastic=noise)
                                      for c in base.optimizers)
    if args.param:
        axes = []
        for text in args.param:
            try:
                axes.append(parse_axis(text))
            except ValueError as exc:
                raise UsageError(f"--param {text}: {exc}") from None
        changes["axes"] = tuple(axes)
    for option, name in _SETTINGS:
        value = getattr(args, option)
        if value is not None:
            changes[name] = value
    try:
        if base is None:
            return compare.Protocol(**changes)
        return dataclasses.replace(base, **changes)
    except ValueError as exc:
        raise UsageError(_named(str(exc), args)) from None


def _named(message: str, args: argparse.Namespace) -> str:
    """``message`` led by the option it is about, where one is plain from its words."""
    for words, option in (("budget", "--budget"), ("tuning starts", "--tuning-starts"),
                          ("evaluation starts", "--starts"), ("max steps", "--max-steps"),
                          ("seeds per start", "--seeds-per-start"), ("tol ", "--tol"),
                          ("unknown method", "--method"), ("unknown design", "--design"),
                          ("no minimum", "--function" if args.expr is None else "--expr")):
        if message.startswith(words) or words in message:
            return f"{option}: {message}"
    return f"compare: {message}"


def cmd_compare(args: argparse.Namespace) -> int:
    from ..core.compare import run_comparison
    from ..core.compare_io import (
        comparison_csv,
        protocol_lines,
        table_lines,
        write_comparison_json,
    )
    from ..core.fileio import write_bytes_atomic, write_text_atomic
    from .commands import _check_out, _report, _write_all

    protocol = protocol_from_args(args)
    for option in ("csv", "json"):
        _check_out(getattr(args, option), option)
    size = _figure_size(args)
    comparison = run_comparison(protocol, progress=_progress)
    outputs = [("csv", args.csv, lambda path: write_text_atomic(path,
                                                                  comparison_csv(comparison))),
               ("json", args.json, lambda path: write_comparison_json(comparison, path))]
    if args.out:
        data = _figure_bytes(comparison, size, Path(args.out).suffix.lower())
        outputs.append(("out", args.out, lambda path: write_bytes_atomic(path, data)))
    written = _write_all(outputs)
    lines = ["Protocol", *(f"  {line}" for line in protocol_lines(protocol)), "",
             *table_lines(comparison)]
    edges = [f"{o.base.spec.title}: {name} = {value:.4g}" for o in comparison.outcomes
             for name, value in o.at_range_end().items()]
    if edges:
        lines += ["", "tuned at the end of its range (widen it with --param): "
                  + "; ".join(edges)]
    _report(lines, written)
    return 0


def _figure_size(args: argparse.Namespace) -> tuple[int, int] | None:
    """``--size`` of ``--out`` (PNG or SVG), checked before anything is computed."""
    from .. import export as exporting
    from .commands import _check_out

    if args.out is None:
        if args.size is not None:
            raise UsageError(f"--size {args.size}: it sizes the --out figure; give --out "
                             "FILE.png")
        return None
    _check_out(args.out)
    if Path(args.out).suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"--out {args.out}: the profile figure is written as .png or .svg")
    return exporting.DEFAULT_IMAGE_SIZE if args.size is None else parse_size_option(args.size)


def _figure_bytes(comparison, size: tuple[int, int], suffix: str) -> bytes:
    from ..gui.render.compare import CompareFigure
    from ..gui.render.svg import svg_bytes

    with CompareFigure(comparison, size) as figure:
        return svg_bytes(figure) if suffix == ".svg" else figure.png_bytes()


def _progress(fraction: float) -> None:
    if sys.stderr.isatty():
        print(f"\rcomparing: {fraction:4.0%}", end="\n" if fraction >= 1 else "",
              file=sys.stderr, flush=True)
