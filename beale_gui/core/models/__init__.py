"""Models on data: the loss of a two-parameter model over samples, as a surface.

- :mod:`.data`: :class:`Dataset` (samples and where they came from), the built-in sets
  (:func:`builtin_dataset`, :func:`parse_dataset_spec`) and CSV files (:func:`load_csv`);
- :mod:`.model`: :class:`ModelFunction` (a :class:`~beale_gui.core.functions.TestFunction`
  over (p1, p2)), the models ``linear``, ``logistic`` and ``tanh-neuron`` (:data:`MODELS`,
  :func:`make_model`), their minima, and :func:`model_from_dict` for sessions.
"""

from .data import (
    BUILTIN_SETS,
    DataError,
    Dataset,
    builtin_dataset,
    dataset_from_dict,
    load_csv,
    parse_csv,
    parse_dataset_spec,
)
from .model import (
    DEFAULT_DATASETS,
    MODELS,
    TITLES,
    ModelFunction,
    default_model,
    make_model,
    model_from_dict,
    newton_minimum,
)

__all__ = [
    "BUILTIN_SETS", "DEFAULT_DATASETS", "MODELS", "TITLES", "DataError", "Dataset",
    "ModelFunction", "builtin_dataset", "dataset_from_dict", "default_model",
    "load_csv", "make_model", "model_from_dict", "newton_minimum", "parse_csv",
    "parse_dataset_spec",
]
