"""Working arrays whose data start on a cache-line boundary.

numpy's large allocations start 16 bytes past a page boundary, so its wide SIMD loops split
every store across two cache lines, about halving the speed of a cheap ufunc (bench.py's engine
rows).
The engine's buffers are made here; rows of an (m, n) buffer stay aligned when n is a multiple of
:data:`ROW_MULTIPLE`, which is how the engine sizes its units.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["ALIGNMENT", "ROW_MULTIPLE", "array", "empty", "full"]

ALIGNMENT = 64                   # bytes: a cache line, and the widest SIMD vector
ROW_MULTIPLE = ALIGNMENT // 8    # float64 elements in ALIGNMENT bytes


def empty(shape: int | tuple[int, ...], dtype=np.float64) -> np.ndarray:
    """Like ``np.empty(shape, dtype)`` (C-contiguous), its first element 64-byte aligned."""
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    nbytes = math.prod(shape) * np.dtype(dtype).itemsize
    raw = np.empty(nbytes + ALIGNMENT, dtype=np.uint8)
    start = -raw.__array_interface__["data"][0] % ALIGNMENT
    return raw[start:start + nbytes].view(dtype).reshape(shape)


def array(values) -> np.ndarray:
    """A C-contiguous float64 copy of ``values``, aligned as :func:`empty` is."""
    values = np.asarray(values)
    out = empty(values.shape)
    out[...] = values
    return out


def full(shape: int | tuple[int, ...], value, dtype=np.float64) -> np.ndarray:
    """Like ``np.full(shape, value, dtype)``, aligned as :func:`empty` is."""
    out = empty(shape, dtype)
    out.fill(value)
    return out
