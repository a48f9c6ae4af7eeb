"""``python main.py check-optimizer``: an optimizer against a reference
(:mod:`beale_gui.core.check`).

Exit status 0 when every surface agrees, 1 when one disagrees, 2 for a bad argument.
"""

from __future__ import annotations

import argparse

from .arguments import (
    UsageError,
    _number_arg,
    _whole_arg,
    add_model_options,
    add_plugin_options,
    load_plugin_files,
    model_from_args,
    parse_optimizer,
    parse_start,
)

CHECK_EXIT_STATUS = ("exit status: 0 when both agree on every surface, 1 when they disagree on "
                     "one, 2 for a bad argument")


def add_check_parser(sub) -> None:
    from ..core import check

    p = sub.add_parser("check-optimizer", help="run an optimizer and a reference from the same "
                       "starts on several surfaces and say whether they agree",
                       epilog=CHECK_EXIT_STATUS)
    p.add_argument("--optimizer", required=True, metavar="NAME[:key=value,...]",
                   help="the optimizer checked, e.g. torch:torch.optim.Adam:lr=0.05")
    p.add_argument("--reference", required=True, metavar="NAME[:key=value,...]",
                   help="what it should match, e.g. adam:lr=0.05 (give the hyperparameters on "
                        "each side: defaults differ)")
    p.add_argument("--function", action="append",
                   help=f"a surface (repeatable; default {', '.join(check.DEFAULT_FUNCTIONS)})")
    p.add_argument("--start", action="append", metavar="X,Y",
                   help="a start point (repeatable; default "
                        f"{' '.join(f'{x:g},{y:g}' for x, y in check.DEFAULT_STARTS)})")
    add_model_options(p)
    add_plugin_options(p, allow=False)
    p.add_argument("--max-steps", type=_whole_arg, default=check.DEFAULT_MAX_STEPS,
                   help=f"steps of every run ({check.DEFAULT_MAX_STEPS})")
    p.add_argument("--tol", type=_number_arg, default=0.0,
                   help="the engine's stop rule on |delta f| (default 0: run every step)")


def cmd_check(args: argparse.Namespace) -> int:
    from ..core import check
    from ..core.engine import MAX_STEPS_PARAM, TOL_PARAM
    from ..core.functions import get_function
    from ..core.schedules import ScheduleConfig

    load_plugin_files(args)        # a plug-in on either side: --optimizer-file, then its name
    candidate = parse_optimizer(args.optimizer, ScheduleConfig(), None)
    try:
        reference = parse_optimizer(args.reference, ScheduleConfig(), None)
    except UsageError as exc:
        raise UsageError(str(exc).replace("--optimizer", "--reference", 1)) from None
    for param, option in ((MAX_STEPS_PARAM, "max_steps"), (TOL_PARAM, "tol")):
        message = param.problem(getattr(args, option))
        if message:
            raise UsageError(f"--{option.replace('_', '-')} {getattr(args, option)}: {message}")
    model = model_from_args(args)
    functions = [model] if model is not None else []
    for name in args.function or ([] if model is not None else check.DEFAULT_FUNCTIONS):
        if not name.strip():
            raise UsageError("--function: the value is empty")
        try:
            functions.append(get_function(name))
        except ValueError as exc:
            raise UsageError(f"--function: {exc}") from None
    starts = [parse_start(s) for s in args.start] if args.start else check.DEFAULT_STARTS
    try:
        results = check.check_optimizer(candidate, reference, functions, starts,
                                        args.max_steps, args.tol)
    except ValueError as exc:       # the engine's refusal (memory), a torch class's own error
        raise UsageError(str(exc).splitlines()[0] if str(exc) else repr(exc)) from None
    print(f"{candidate.label()} against {reference.label()}: {len(starts)} starts, "
          f"{args.max_steps} steps" + (f", tol {args.tol:g}" if args.tol else ""))
    for result in results:
        for line in check.describe(result):
            print(line)
    agree = all(r.agree for r in results)
    print("agree" if agree else "disagree")
    return 0 if agree else 1
