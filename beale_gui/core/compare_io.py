"""A comparison (:mod:`.compare`) as JSON, CSV and text, and its protocol read back.

The JSON (``format`` ``"beale-gui-comparison"``, ``version`` 1)::

    {"format": "beale-gui-comparison", "version": 1,
     "protocol": {"function": {"name": "beale"},       # or {"expression", "bounds", "minima"}
                  "optimizers": [{"name": "adam", "hparams": {...}, "schedule": {...},
                                  "stochastic": null}, ...],
                  "tuned": [{"name": "lr", "low": 1e-5, "high": 0.1, "scale": "log"}],
                  "method": "grid", "budget": 32, "tuning_starts": 32,
                  "evaluation_starts": 256, "design": "sobol", "tol": 1e-6,
                  "max_steps": 2000, "seed": 0, "targets": [0.1, ..., 1e-8],
                  "seeds_per_start": 4},
     "f_star": 0.0,
     "tuning_starts": [[x, y], ...], "evaluation_starts": [[x, y], ...],
     "profile_steps": [1, 2, ...],
     "optimizers": [{"optimizer": "adam", "label": "adam(lr=0.1)",
                     "ranges": {"lr": [1e-5, 0.1, "log"]},
                     "tuned": {"lr": 0.1}, "tuning_success": 0.375,
                     "success": {"global": 0.30, "local": 0.0, "diverged": 0.0,
                                 "not_converged": 0.70},
                     "steps_to_target": {"median": 549, "q1": 203, "q3": 1158} or null,
                     "evaluations_to_target": {...} or null,
                     "profile": [0.0, 0.01, ...],           # at profile_steps
                     "seconds": 0.13,
                     "runs": [{"start": 0, "outcome": "global", "final_loss": 3e-13,
                               "final_xy": [3.0, 0.5], "first_step": [12, 40, ..., null]},
                              ...]}]}

``protocol`` lists only the ranges given (``tuned``); each optimizer's ``ranges`` are the
ones it was tuned over. ``first_step`` is per target of the protocol's ladder; ``start``
indexes ``evaluation_starts``. Everything but ``seconds`` comes out the same from a rerun of
the protocol (:func:`protocol_from_dict`).
"""

from __future__ import annotations

import json
import os

import numpy as np

from .compare import OUTCOMES, Comparison, OptimizerOutcome, Protocol
from .fileio import write_text_atomic
from .search import Axis
from .session import SessionError, function_to_dict, optimizer_to_dict
from .session_load import (
    _built,
    _expect,
    _number,
    function_from_dict,
    optimizer_from_dict,
    read_json,
)

FORMAT = "beale-gui-comparison"
VERSION = 1
_SETTINGS = ("method", "budget", "tuning_starts", "evaluation_starts", "design", "tol",
             "max_steps", "seed", "seeds_per_start")


def protocol_to_dict(protocol: Protocol) -> dict:
    """The protocol as the JSON's ``protocol`` (also a session's ``"compare"`` entry)."""
    return {"function": function_to_dict(protocol.function, protocol.expression),
            "optimizers": [optimizer_to_dict(c) for c in protocol.optimizers],
            "tuned": [{"name": a.name, "low": a.low, "high": a.high, "scale": a.scale}
                      for a in protocol.axes],
            **{k: getattr(protocol, k) for k in _SETTINGS},
            "targets": list(protocol.targets)}


def protocol_from_dict(d: dict) -> Protocol:
    """A protocol from :func:`protocol_to_dict`'s layout; SessionError says what is wrong."""
    _expect(d, dict, "protocol")
    unknown = sorted(set(d) - {"function", "optimizers", "tuned", "targets", *_SETTINGS})
    if unknown:
        raise SessionError(f"protocol: unknown key '{unknown[0]}'")
    function, expression = function_from_dict(d.get("function") or {"name": "beale"})
    optimizers = d.get("optimizers") or []
    _expect(optimizers, list, "protocol.optimizers")
    configs = [optimizer_from_dict(o, f"protocol.optimizers[{i}]")
               for i, o in enumerate(optimizers)]
    tuned = d.get("tuned") or []
    _expect(tuned, list, "protocol.tuned")
    axes = []
    for i, a in enumerate(tuned):
        where = f"protocol.tuned[{i}]"
        _expect(a, dict, where)
        _expect(a.get("name"), str, f"{where}.name")
        _expect(a.get("scale", "linear"), str, f"{where}.scale")
        axes.append(Axis(a["name"], _number(a.get("low"), f"{where}.low"),
                         _number(a.get("high"), f"{where}.high"), a.get("scale", "linear")))
    settings = {}
    for key in _SETTINGS:
        if key in d:
            value = d[key]
            if key in ("method", "design"):
                _expect(value, str, f"protocol.{key}")
            else:
                value = _number(value, f"protocol.{key}")
                if key != "tol":
                    if value != int(value):
                        raise SessionError(f"protocol.{key}: expected a whole number, got "
                                           f"{value!r}")
                    value = int(value)
            settings[key] = value
    if "targets" in d:
        _expect(d["targets"], list, "protocol.targets")
        settings["targets"] = tuple(_number(t, "protocol.targets") for t in d["targets"])
    return _built("protocol", lambda: Protocol(function, tuple(configs), expression,
                                               tuple(axes), **settings))


def _quartile_dict(q) -> dict | None:
    return None if q is None else {"median": q[0], "q1": q[1], "q3": q[2]}


def outcome_to_dict(outcome: OptimizerOutcome, steps: np.ndarray) -> dict:
    """One optimizer's entry of the JSON's ``optimizers``."""
    runs = [{"start": int(s), "outcome": OUTCOMES[o], "final_loss": _finite(f),
             "final_xy": [_finite(v) for v in xy],
             "first_step": [int(h) if h >= 0 else None for h in hits]}
            for s, o, f, xy, hits in zip(outcome.start_index, outcome.outcome,
                                         outcome.final_loss, outcome.final_xy,
                                         outcome.first_hit, strict=True)]
    return {"optimizer": outcome.name, "label": outcome.config.label(),
            "ranges": {a.name: [a.low, a.high, a.scale] for a in outcome.axes},
            "tuned": dict(outcome.tuned),
            "tuning_success": float(outcome.tuning_success[outcome.best]),
            "success": outcome.success(),
            "steps_to_target": _quartile_dict(outcome.steps_to_target()),
            "evaluations_to_target": _quartile_dict(outcome.evaluations_to_target()),
            "profile": outcome.profile(steps).tolist(),
            "seconds": round(outcome.seconds, 4),
            "runs": runs}


def _finite(value) -> float | None:
    """A float, or None for NaN and infinity (JSON has neither)."""
    value = float(value)
    return value if np.isfinite(value) else None


def comparison_to_dict(comparison: Comparison) -> dict:
    steps = comparison.profile_steps
    return {"format": FORMAT, "version": VERSION,
            "protocol": protocol_to_dict(comparison.protocol),
            "f_star": comparison.protocol.f_star,
            "tuning_starts": comparison.tuning_starts.tolist(),
            "evaluation_starts": comparison.evaluation_starts.tolist(),
            "profile_steps": steps.tolist(),
            "optimizers": [outcome_to_dict(o, steps) for o in comparison.outcomes]}


def write_comparison_json(comparison: Comparison, path: str | os.PathLike) -> None:
    """Write the JSON atomically (serialised first: nothing is half-written)."""
    write_text_atomic(path, json.dumps(comparison_to_dict(comparison), indent=1,
                                       allow_nan=False) + "\n")


def read_protocol(path: str | os.PathLike) -> Protocol:
    """The protocol of a comparison JSON file, or of a session file's ``"compare"`` entry;
    SessionError says what is wrong."""
    data = read_json(path)
    if isinstance(data, dict) and data.get("format") == FORMAT:
        if data.get("version") != VERSION:
            raise SessionError(f"comparison version {data.get('version')!r} is not supported "
                               f"(this program reads version {VERSION})")
        return protocol_from_dict(data.get("protocol"))
    if isinstance(data, dict) and isinstance(data.get("compare"), dict):
        return protocol_from_dict(data["compare"])
    raise SessionError("not a comparison: expected a file written by 'compare --json' or a "
                       "session with a \"compare\" entry")


CSV_COLUMNS = ("optimizer", "tuned", "start", "x", "y", "outcome", "final_loss",
               "steps_to_target")


def comparison_csv(comparison: Comparison) -> str:
    """One row per evaluation run: the optimizer, its tuned values (``lr=0.1;...``), the
    start's index and point, the outcome, the final f and the steps to within tol of f*
    (empty: never)."""
    lines = [",".join(CSV_COLUMNS)]
    starts = comparison.evaluation_starts
    for outcome in comparison.outcomes:
        tuned = ";".join(f"{k}={v!r}" for k, v in outcome.tuned.items())
        for s, o, f, t in zip(outcome.start_index, outcome.outcome, outcome.final_loss,
                              outcome.to_tol, strict=True):
            x, y = starts[s]
            lines.append(",".join([outcome.name, tuned, str(int(s)), repr(float(x)),
                                   repr(float(y)), OUTCOMES[o], repr(float(f)),
                                   str(int(t)) if t >= 0 else ""]))
    return "\n".join(lines) + "\n"


# -- text ------------------------------------------------------------------------------------

def protocol_lines(protocol: Protocol) -> list[str]:
    """The protocol in full, as the command line prints it."""
    fn = protocol.function
    (x0, x1), (y0, y1) = fn.bounds
    a, b = fn.param_names   # a model's p1, p2
    tuned = "; ".join(
        f"{c.name}: " + ", ".join(f"{a.name} {a.low:.4g}..{a.high:.4g} ({a.scale})"
                                  for a in protocol.axes_for(c))
        for c in protocol.optimizers)
    stochastic = [c.name for c in protocol.optimizers if c.noise is not None]
    expression = f" ({protocol.expression})" if protocol.expression else ""
    return [
        f"function: {fn.title}{expression}, f* = {protocol.f_star:.6g}, starts drawn from "
        f"{a} {x0:g}..{x1:g}, {b} {y0:g}..{y1:g}",
        "optimizers (fixed values): " + ", ".join(c.label() for c in protocol.optimizers),
        f"tuned: {tuned}",
        f"budget: {protocol.budget} configurations per optimizer by {protocol.method} search, "
        f"each from {protocol.tuning_starts} tuning starts; judged on "
        f"{protocol.evaluation_starts} other starts ({protocol.design} design, seed "
        f"{protocol.seed})",
        f"success: final f within {protocol.tol:g} of f* after {protocol.max_steps} steps "
        "(no early stop); best = highest success rate, ties by median steps to target; "
        f"tuned values rounded to 4 significant digits",
        "profile targets above f*: " + ", ".join(f"{t:g}" for t in protocol.targets)
        + (f"; stochastic ({', '.join(stochastic)}): {protocol.seeds_per_start} runs per "
           "start" if stochastic else ""),
    ]


def _steps_text(q) -> str:
    return "-" if q is None else f"{q[0]:.0f} [{q[1]:.0f}, {q[2]:.0f}]"


def result_rows(comparison: Comparison) -> tuple[list[str], list[list[str]]]:
    """The results table's header and rows (one per optimizer), as text."""
    header = ["optimizer", "tuned", "tuning", "global", "local", "diverged", "not conv.",
              "steps to target (median [q1, q3])", "evaluations", "seconds"]
    rows = []
    for o in comparison.outcomes:
        s = o.success()
        rows.append([o.base.spec.title, ", ".join(f"{k}={v:.4g}" for k, v in o.tuned.items()),
                     f"{o.tuning_success[o.best]:.0%}",
                     *(f"{s[k]:.1%}" for k in OUTCOMES), _steps_text(o.steps_to_target()),
                     _steps_text(o.evaluations_to_target()), f"{o.seconds:.2f}"])
    return header, rows


def table_lines(comparison: Comparison) -> list[str]:
    header, rows = result_rows(comparison)
    widths = [max([len(h), *(len(r[c]) for r in rows)]) for c, h in enumerate(header)]
    return ["  ".join(cell.ljust(w) if c < 2 else cell.rjust(w)
                      for c, (cell, w) in enumerate(zip(row, widths, strict=True)))
            for row in [header, *rows]]
