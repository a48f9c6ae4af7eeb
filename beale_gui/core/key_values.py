"""Text such as ``adam:lr=0.05,beta1=0.8`` or ``torch:torch.optim.Adam:lr=0.05,betas=0.9/0.99``
read as a name and its values: what the command line's ``--optimizer`` and ``--schedule`` take
and the window's "Check against a reference…" reads. ValueError, one line, for bad text.
"""

from __future__ import annotations

from .engine import OptimizerConfig
from .optimizers import get_optimizer
from .optimizers.torch_adapter import PREFIX as TORCH_PREFIX
from .optimizers.torch_adapter import is_torch_name, tuple_keys
from .params import parse_number
from .schedules import ScheduleConfig

_SWITCH_WORDS = {"true": 1.0, "false": 0.0}


def flags_of(optimizer: str) -> set[str]:
    """The 0/1 hyperparameters of ``optimizer`` (none for an unknown name: the config says
    what is wrong with it)."""
    try:
        return {p.name for p in get_optimizer(optimizer).params if p.flag}
    except ValueError:
        return set()


def key_values(text: str, what: str, flags=None) -> tuple[str, dict[str, float]]:
    """``name:key=value,key=value`` -> (name, {key: value}); a key in ``flags(name)`` (a
    0/1 switch) also takes true or false."""
    name, rest = _name_and_rest(text)
    if not name.strip():
        raise ValueError(f"{what} '{text}' has no name")
    switches = flags(name.strip()) if flags else set()
    values = {}
    items = [s.strip() for s in rest.split(",")]
    if is_torch_name(name):
        items = _tuples_spread(name.strip(), items, text)
    for item in filter(None, items):
        key, eq, value = item.partition("=")
        if not eq or not key.strip():
            raise ValueError(f"{what} '{text}': expected key=value, got '{item}'")
        if key.strip() in values:
            raise ValueError(f"{what} '{text}': {key.strip()} is given twice")
        if key.strip() in switches and value.strip().lower() in _SWITCH_WORDS:
            values[key.strip()] = _SWITCH_WORDS[value.strip().lower()]
            continue
        try:
            values[key.strip()] = parse_number(value, key.strip())
        except ValueError as exc:
            problem = (f"{key.strip()} is a switch: 0 or 1 (false or true), not "
                       f"{value.strip()!r}" if key.strip() in switches else str(exc))
            raise ValueError(f"{what} '{text}': {problem}") from None
    return name.strip(), values


def _name_and_rest(text: str) -> tuple[str, str]:
    """``name:rest``, where a torch name keeps its own colon (``torch:torch.optim.Adam:lr=1``
    is named ``torch:torch.optim.Adam``)."""
    if is_torch_name(text):
        head = text.strip()[len(TORCH_PREFIX):]
        path, _, rest = head.partition(":")
        return TORCH_PREFIX + path.strip(), rest
    name, _, rest = text.partition(":")
    return name, rest


def _tuples_spread(name: str, items: list[str], text: str) -> list[str]:
    """A torch optimizer's tuple keyword written ``betas=0.9/0.99`` as its hyperparameters,
    ``betas[0]=0.9`` and ``betas[1]=0.99``."""
    tuples = tuple_keys(name)
    out = []
    for item in items:
        key, eq, value = item.partition("=")
        parts = tuples.get(key.strip())
        if not eq or parts is None:
            out.append(item)
            continue
        values = value.split("/")
        if len(values) != len(parts):
            raise ValueError(f"--optimizer '{text}': {key.strip()} takes {len(parts)} values "
                             f"written {'/'.join(['N'] * len(parts))}, got '{value.strip()}'")
        out += [f"{part}={v}" for part, v in zip(parts, values, strict=True)]
    return out


def optimizer_from_text(text: str, what: str = "--optimizer",
                        schedule: ScheduleConfig | None = None,
                        noise=None) -> OptimizerConfig:
    """The configuration ``name:key=value,...`` names (``what`` opens a message)."""
    name, values = key_values(text, what, flags_of)
    try:
        return OptimizerConfig(name, values, schedule or ScheduleConfig(), noise)
    except ValueError as exc:
        raise ValueError(f"{what} {text}: {exc}") from None
