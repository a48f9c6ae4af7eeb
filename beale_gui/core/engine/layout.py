"""Where a numpy block keeps its working points: laid out by rows or in pairs.

A block holds each working row's point, f and gradient in :class:`Points`; each
configuration's kernel steps contiguous views of them (:meth:`Points.part`).
"""

from __future__ import annotations

import numpy as np

from .. import aligned


def pairs(flat: np.ndarray, n: int, by_rows: bool) -> np.ndarray:
    """The (n, 2) view of a block-wide flat array (points or masks) in the block's layout."""
    return flat.reshape(2, n).T if by_rows else flat.reshape(n, 2)


class Points:
    """A point per working row with f and the gradient there.

    Laid out *by rows* (x and y each contiguous, as the function evaluates them) when the
    block holds one configuration, or one row per configuration; else *in pairs* ((n, 2), so
    each configuration's rows are one contiguous block). Either way each configuration's
    kernel steps contiguous views (see :meth:`part`): a (2, n) block, on which per-run
    hyperparameters of shape (n,) broadcast, or for a few runs a 1-D view, as numpy's calls on
    small 1-D arrays cost a third of those on (n, 2) views.
    """

    def __init__(self, function, n: int, by_rows: bool, scratch: np.ndarray | None,
                 value: bool = True) -> None:
        self.fg = aligned.empty((3, n))
        if not value:
            self.fg[0] = 0.0               # f is not computed: a finite stand-in
        if by_rows:
            self.xy = aligned.empty((4, n))
            self.w, self.g = self.xy[:2].T, self.fg[1:3].T
            self.w_flat, self.g_flat = self.xy[:2].reshape(-1), self.fg[1:3].reshape(-1)
        else:
            self.xy = scratch
            self.w, self.g = aligned.empty((n, 2)), aligned.empty((n, 2))
            self.w_flat, self.g_flat = self.w.reshape(-1), self.g.reshape(-1)
        self.by_rows = by_rows
        self._evaluate = (function.evaluator(self.xy, self.fg) if value
                          else function.evaluator(self.xy, self.fg, False))

    def evaluate(self) -> None:
        if self.by_rows:
            self._evaluate()
        else:
            self.xy[:2] = self.w.T
            self._evaluate()
            self.g[...] = self.fg[1:3].T

    def part(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """Views of rows lo:hi of the points and gradients, as the part's kernel steps them:
        by rows, all the rows as (2, n) or one row as (2,); in pairs, a flat (2n,) slice."""
        if not self.by_rows:
            return self.w_flat[2 * lo:2 * hi], self.g_flat[2 * lo:2 * hi]
        if hi - lo == 1:
            return self.xy[:2, lo], self.fg[1:3, lo]
        assert (lo, hi) == (0, len(self.fg[0])), "by rows, a part is one row or all of them"
        return self.xy[:2], self.fg[1:3]
