"""The runs' data as CSV and JSON.

CSV: one row per run per step, step 0 being the start, columns
``function,optimizer,run,step,x,y,loss,grad_x,grad_y,lr`` (for a model on data
``model,data,optimizer,run,step,p1,p2,loss,grad_p1,grad_p2,lr``). A run's rows end at its last
valid point. Asked for the curvature (``run --curvature``, ``export --curvature``), each row
also holds the exact Hessian at its point and its eigenvalues: ``hess_xx,hess_xy,hess_yy,
lambda_min,lambda_max`` (a model's ``hess_p1p1,hess_p1p2,hess_p2p2``, as its gradient's
columns are ``grad_p1,grad_p2``); without it the file is what it always was. JSON: the
experiment (so the file opens as a session and replays the same runs) plus, per run, its status
and arrays. Files are written atomically
(:mod:`beale_gui.core.fileio`): a failed write raises ``OSError`` naming the path and leaves
any existing file as it was.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import numpy as np

from ..core.curvature import curvature_column_names, curvature_columns
from ..core.engine import STATUS_NAMES, RunResult
from ..core.fileio import write_text_atomic
from ..core.functions import FUNCTIONS
from ..core.i18n import translate
from ..core.models import ModelFunction
from ..core.session import Experiment
from .targets import ExportError

CSV_COLUMNS = ("function", "optimizer", "run", "step", "x", "y", "loss", "grad_x", "grad_y", "lr")
# a model on data: the model, its data (the --dataset value, or the CSV file's path) and its
# parameters p1, p2 in place of the function and x, y
MODEL_CSV_COLUMNS = ("model", "data", "optimizer", "run", "step", "p1", "p2", "loss",
                     "grad_p1", "grad_p2", "lr")


def run_labels(result: RunResult) -> list[str]:
    """The optimizer label of each run, e.g. ``momentum(lr=0.005)``."""
    labels = [c.label() for c in result.configs]
    out = []
    for i in range(result.n_runs):
        config = result.configs[result.config_index[i]]
        if config.n_variants > 1:
            hp = result.hparams_of(i)
            out.append(config.name + "(" + ", ".join(f"{k}={v:g}" for k, v in hp.items()) + ")")
        else:
            out.append(labels[result.config_index[i]])
    return out


def _quoted(text: str) -> str:
    """``text`` as one CSV cell: in quotes (inner ones doubled) when it holds a comma, a quote
    or a line break."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_columns(function, curvature: bool = False) -> tuple[str, ...]:
    """:data:`CSV_COLUMNS`, or for a model on data :data:`MODEL_CSV_COLUMNS` (its parameters
    p1, p2 where a surface has x, y, and the data it was fitted to); with ``curvature`` the
    Hessian's columns after them (:func:`~beale_gui.core.curvature.curvature_column_names`)."""
    columns = MODEL_CSV_COLUMNS if isinstance(function, ModelFunction) else CSV_COLUMNS
    if curvature:
        columns = columns + curvature_column_names(function.param_names)
    return columns


def _coordinates(function) -> tuple[str, str]:
    return function.param_names


def csv_text(result: RunResult, curvature: bool = False) -> str:
    """The CSV of every recorded run; with ``curvature`` the Hessian at each row's point and
    its eigenvalues in five more columns (computed only then)."""
    if result.paths is None:
        raise ValueError(translate("Export", "the runs were not recorded step by step"))
    buf = io.StringIO()
    function = result.function
    buf.write(",".join(csv_columns(function, curvature)) + "\n")
    name = function.name
    if isinstance(function, ModelFunction):   # the model, then where its data came from
        name = f"{function.model},{_quoted(function.data.spec())}"
    for i, label in enumerate(run_labels(result)):
        end = int(result.stop_step[i]) + 1
        steps = np.arange(end)
        cols = np.column_stack([
            np.full(end, i), steps, result.paths[i, :end], result.loss[i, :end],
            result.grads[i, :end], result.lr[i, :end]])
        if curvature:
            cols = np.column_stack([cols, curvature_columns(function, result.paths[i, :end])])
        prefix = f'{name},"{label}",' if "," in label else f"{name},{label},"
        for row in cols:
            buf.write(prefix + f"{int(row[0])},{int(row[1])},"
                      + ",".join(repr(float(v)) for v in row[2:]) + "\n")
    return buf.getvalue()


def _finite(v) -> float | None:
    """``v`` as a float, or None (JSON null) when it is NaN or infinite."""
    v = float(v)
    return v if np.isfinite(v) else None


def _finite_list(a: np.ndarray) -> list:
    return [None if not np.isfinite(v) else float(v) for v in np.ravel(a)] if a.ndim == 1 else [
        _finite_list(row) for row in a]


def json_dict(experiment: Experiment, result: RunResult) -> dict:
    """The experiment plus every run's outcome and (where recorded) arrays; a model's runs
    name their coordinates p1, p2 (``x``, ``y`` for a surface), and its ``function`` entry
    holds the model and its data."""
    runs = []
    labels = run_labels(result)
    a, b = _coordinates(result.function)   # a model's p1, p2; a surface's x, y
    for i in range(result.n_runs):
        end = int(result.stop_step[i]) + 1
        entry = {
            "run": i,
            "optimizer": labels[i],
            "config": int(result.config_index[i]),
            "start": result.starts[result.start_index[i]].tolist(),
            "status": STATUS_NAMES[int(result.status[i])],
            "stop_step": int(result.stop_step[i]),
            "event_step": int(result.event_step[i]),
            # evaluations of f and the gradient, the start's included (more than stop_step + 1
            # where a line search tried points)
            "evaluations": int(result.final_evals[i]),
            # f may be NaN or infinite where a run diverged at its start: null, as in the arrays
            "final": {a: _finite(result.final_xy[i, 0]), b: _finite(result.final_xy[i, 1]),
                      "loss": _finite(result.final_loss[i])},
        }
        if result.paths is not None:
            entry.update({
                a: _finite_list(result.paths[i, :end, 0]),
                b: _finite_list(result.paths[i, :end, 1]),
                "loss": _finite_list(result.loss[i, :end]),
                f"grad_{a}": _finite_list(result.grads[i, :end, 0]),
                f"grad_{b}": _finite_list(result.grads[i, :end, 1]),
                "lr": _finite_list(result.lr[i, :end]),
            })
        runs.append(entry)
    return {**experiment.to_dict(), "runs": runs}


def write_csv(result: RunResult, path, curvature: bool = False) -> None:
    write_text_atomic(path, csv_text(result, curvature))


def write_json(experiment: Experiment, result: RunResult, path) -> None:
    write_text_atomic(path, json.dumps(json_dict(experiment, result), indent=1,
                                       allow_nan=False))


def write_data(experiment: Experiment, result, path: str | os.PathLike,
               curvature: bool = False) -> Path:
    """Write the runs as CSV (with the Hessian's columns if ``curvature``), or as JSON with
    the experiment that replays them."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        write_csv(result, path, curvature)
    elif suffix == ".json":
        write_json(experiment, result, path)
    else:
        raise ExportError(translate("Export", "{0}: data is written as .csv or .json").format(
            Path(path).name))
    return Path(path)


def experiment_of(result, expression: str | None = None) -> Experiment:
    """The experiment that replays ``result`` exactly (for the JSON export)."""
    function = result.function
    if expression is None and FUNCTIONS.get(function.name) is not function \
            and not isinstance(function, ModelFunction):   # a model saves its data instead
        expression = function.formula  # a typed function: its text rebuilds it
    return Experiment(function, list(result.configs), np.array(result.starts),
                      int(result.max_steps), float(result.tol),
                      0 if result.seed is None else int(result.seed), expression)
