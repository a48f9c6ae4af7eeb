"""The samples a model is fitted to: :class:`Dataset`, the built-in sets and the user's CSV.

A data set is ``n`` pairs (x_i, y_i) of float64, read-only, with the description of where
they came from (:attr:`Dataset.source`): a built-in set by name, size, seed and noise (which
regenerate it exactly), or a CSV file by its path and the SHA-256 of its bytes (which tell a
session whether the file is still the one it was saved with).
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..fileio import read_user_file
from ..i18n import translate

MAX_SAMPLES = 10_000_000          # a built-in set's n, and the rows a CSV may have, at most
MAX_FILE_BYTES = 1 << 30          # a CSV larger than 1 GiB is refused before it is read
MAX_NOISE = 1e6                   # a built-in set's noise at most: its samples stay finite


class DataError(ValueError):
    """A data set that cannot be made or read; the message says where and why."""


def _frozen(values) -> np.ndarray:
    array = np.ascontiguousarray(values, dtype=np.float64)
    array.flags.writeable = False
    return array


@dataclass(frozen=True, eq=False)
class Dataset:
    """``n`` samples (x_i, y_i) and where they came from.

    Attributes
    ----------
    x, y : ndarray, shape (n,)
        Read-only float64.
    source : dict
        ``{"dataset": name, "n": n, "seed": s, "noise": e}`` for a built-in set,
        ``{"csv": path, "sha256": hex}`` for a file (the path as given, made absolute).
    lines : ndarray or None
        For a file, the line number of each sample (for messages about a sample).
    """

    x: np.ndarray
    y: np.ndarray
    source: dict
    lines: np.ndarray | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "x", _frozen(self.x))
        object.__setattr__(self, "y", _frozen(self.y))
        if self.x.shape != self.y.shape or self.x.ndim != 1:
            raise DataError(translate("Data", "x and y must be two columns of equal length"))
        if len(self.x) == 0:
            raise DataError(translate("Data", "the data set has no samples"))

    @property
    def n(self) -> int:
        return len(self.x)

    @property
    def is_file(self) -> bool:
        return "csv" in self.source

    @property
    def name(self) -> str:
        """``noisy-line`` or ``points.csv``: a short name for titles and file names."""
        if self.is_file:
            return os.path.basename(self.source["csv"])
        return self.source["dataset"]

    def describe(self) -> str:
        """``noisy-line (n=100, seed=0, noise=0.5)`` or ``points.csv (n=25)``."""
        s = self.source
        if self.is_file or "seed" not in s:
            return f"{self.name} (n={self.n:,})"
        return f"{self.name} (n={self.n:,}, seed={s['seed']}, noise={s['noise']:g})"

    def spec(self) -> str:
        """The command line's ``--dataset`` value (``--data`` path for a file) that remakes it."""
        if self.is_file:
            return self.source["csv"]
        s = self.source
        return f"{s['dataset']}:n={s['n']},seed={s['seed']},noise={s['noise']:g}"

    def where(self, i: int) -> str:
        """``line 12`` for a file's sample ``i``, else ``sample 12`` (counted from 1)."""
        if self.lines is not None:
            return translate("Data", "line {0}").format(int(self.lines[i]))
        return translate("Data", "sample {0}").format(i + 1)

    def to_dict(self) -> dict:
        return dict(self.source)


# -- built-in sets --------------------------------------------------------------------------
@dataclass(frozen=True)
class BuiltinSet:
    """A data set drawn with a seed: ``make(rng, n, noise)`` returns (x, y)."""

    name: str
    title: str
    description: str
    n: int
    noise: float
    make: Callable[[np.random.Generator, int, float], tuple[np.ndarray, np.ndarray]]
    model: str            # the model it is made for


def _noisy_line(rng, n, noise):
    x = rng.uniform(-2.0, 2.0, n)
    return x, 1.5 * x + 0.5 + noise * rng.standard_normal(n)


def _two_classes(rng, n, noise):
    y = (np.arange(n) % 2).astype(np.float64)
    return (2.0 * y - 1.0) + noise * rng.standard_normal(n), y


def _noisy_tanh(rng, n, noise):
    x = rng.uniform(-3.0, 3.0, n)
    return x, 2.0 * np.tanh(1.5 * x) + noise * rng.standard_normal(n)


BUILTIN_SETS: dict[str, BuiltinSet] = {s.name: s for s in (
    BuiltinSet("noisy-line", "Noisy line",
               "y = 1.5 x + 0.5 + noise, x uniform in [-2, 2]", 100, 0.5, _noisy_line,
               "linear"),
    BuiltinSet("two-classes", "Two classes",
               "labels 0 and 1 alternating; x = -1 or +1 by label, + noise (overlap at "
               "noise 1, separable at a small noise)", 200, 1.0, _two_classes, "logistic"),
    BuiltinSet("noisy-tanh", "Noisy tanh",
               "y = 2 tanh(1.5 x) + noise, x uniform in [-3, 3]", 100, 0.2, _noisy_tanh,
               "tanh-neuron"),
)}


def builtin_dataset(name: str, n: int | None = None, seed: int = 0,
                    noise: float | None = None) -> Dataset:
    """The built-in set ``name`` with ``n`` samples drawn with ``seed`` (its defaults when None).

    DataError names what is wrong: an unknown name, n outside 1 to 10^7, a negative or
    non-finite noise or one above 10^6, a seed outside 0 to 2^32 - 1.
    """
    if name not in BUILTIN_SETS:
        raise DataError(translate("Data", "unknown data set {0!r}; choose one of {1}")
                        .format(name, ", ".join(BUILTIN_SETS)))
    spec = BUILTIN_SETS[name]
    n = spec.n if n is None else n
    noise = spec.noise if noise is None else noise
    if isinstance(n, bool) or not float(n).is_integer() or not 1 <= n <= MAX_SAMPLES:
        raise DataError(translate("Data", "n must be a whole number from 1 to {0:,}, got {1}")
                        .format(MAX_SAMPLES, n))
    if isinstance(seed, bool) or not float(seed).is_integer() or not 0 <= seed < 2**32:
        raise DataError(translate("Data", "seed must be a whole number from 0 to {0}, got {1}")
                        .format(2**32 - 1, seed))
    if not (math.isfinite(noise) and 0.0 <= noise <= MAX_NOISE):
        raise DataError(translate("Data", "noise must be a number from 0 to {0:g}, got {1}")
                        .format(MAX_NOISE, noise))
    n, seed, noise = int(n), int(seed), float(noise) + 0.0   # -0 is saved as 0
    x, y = spec.make(np.random.default_rng(seed), n, noise)
    return Dataset(x, y, {"dataset": name, "n": n, "seed": seed, "noise": noise})


def parse_dataset_spec(text: str) -> Dataset:
    """``NAME[:n=N,seed=S,noise=E]`` (the command line's ``--dataset``) as a data set."""
    name, _, rest = text.strip().partition(":")
    name = name.strip()
    values: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in rest.split(","))):
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or key not in ("n", "seed", "noise"):
            raise DataError(translate("Data", "{0!r}: expected n=N, seed=S or noise=E")
                            .format(item))
        if key in values:
            raise DataError(translate("Data", "{0} is given twice").format(key))
        try:
            values[key] = float(value)
        except ValueError:
            raise DataError(translate("Data", "{0}={1!r} is not a number")
                            .format(key, value.strip())) from None
    return builtin_dataset(name, values.get("n"), values.get("seed", 0), values.get("noise"))


# -- CSV files ------------------------------------------------------------------------------
def _number(text: str, line: int) -> float:
    try:
        value = float(text)
    except ValueError:
        shown = text if len(text) <= 30 else text[:27] + "..."
        raise DataError(translate("Data", "line {0}: {1!r} is not a number")
                        .format(line, shown)) from None
    if not math.isfinite(value):
        raise DataError(translate("Data", "line {0}: {1!r} is not a finite number")
                        .format(line, text))
    return value


def parse_csv(text: str, path: str = "data.csv", checksum: str = "") -> Dataset:
    """Two columns x, y of numbers in the C locale ("1.5", "-2e-3"), separated by a comma.

    A first line that is not two numbers is a header; blank lines and lines starting with
    ``#`` are skipped. Anything else that is not two finite numbers is refused with its line
    number: nothing is half-loaded.
    """
    xs: list[float] = []
    ys: list[float] = []
    lines: list[int] = []
    seen_first = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split(",")]
        if not seen_first:
            seen_first = True
            try:
                [float(c) for c in cells]
            except ValueError:
                if len(cells) != 2:
                    raise DataError(translate("Data", "line {0}: expected 2 columns (x, y), "
                                                      "found {1}").format(number, len(cells))
                                    ) from None
                continue                               # a header
        if len(cells) != 2:
            raise DataError(translate("Data", "line {0}: expected 2 columns (x, y), found {1}")
                            .format(number, len(cells)))
        xs.append(_number(cells[0], number))
        ys.append(_number(cells[1], number))
        lines.append(number)
        if len(xs) > MAX_SAMPLES:
            raise DataError(translate("Data", "more than {0:,} samples").format(MAX_SAMPLES))
    if not xs:
        raise DataError(translate("Data", "{0} has no samples").format(os.path.basename(path)))
    return Dataset(np.array(xs), np.array(ys), {"csv": path, "sha256": checksum},
                   np.array(lines, dtype=np.int64))


def load_csv(path: str | os.PathLike, expected_sha256: str | None = None) -> Dataset:
    """The samples of the CSV file at ``path`` (see :func:`parse_csv`).

    DataError when the file cannot be read, is malformed, or (``expected_sha256`` given) has
    changed since its checksum was taken.
    """
    path = os.path.abspath(os.fspath(path))
    name = os.path.basename(path)
    try:
        raw = read_user_file(path, MAX_FILE_BYTES, name)
    except OSError as exc:
        raise DataError(str(exc)) from None
    checksum = hashlib.sha256(raw).hexdigest()
    if expected_sha256 is not None and checksum != expected_sha256:
        raise DataError(translate("Data", "{0} has changed since it was saved (its checksum "
                                          "differs)").format(name))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(translate("Data", "{0} is not a text file (byte {1} is not UTF-8)")
                        .format(name, exc.start)) from None
    try:
        return parse_csv(text, path, checksum)
    except DataError as exc:
        raise DataError(f"{name}: {exc}") from None


def dataset_from_dict(d) -> Dataset:
    """A data set from :meth:`Dataset.to_dict` (a file is read again and its checksum checked)."""
    if not isinstance(d, dict):
        raise DataError(translate("Data", "data: expected an object"))
    if "csv" in d:
        path, checksum = d.get("csv"), d.get("sha256")
        if not isinstance(path, str) or not path:
            raise DataError(translate("Data", "data.csv: expected a file path"))
        if checksum is not None and not isinstance(checksum, str):
            raise DataError(translate("Data", "data.sha256: expected text"))
        return load_csv(path, checksum or None)
    if "dataset" in d:
        name = d["dataset"]
        if not isinstance(name, str):
            raise DataError(translate("Data", "data.dataset: expected a name"))
        numbers = {}
        for key in ("n", "seed", "noise"):
            value = d.get(key)
            if value is not None and (isinstance(value, bool)
                                      or not isinstance(value, (int, float))):
                raise DataError(translate("Data", "data.{0}: expected a number").format(key))
            numbers[key] = value
        return builtin_dataset(name, numbers["n"], 0 if numbers["seed"] is None
                               else numbers["seed"], numbers["noise"])
    raise DataError(translate("Data", "data: expected 'dataset' or 'csv'"))
