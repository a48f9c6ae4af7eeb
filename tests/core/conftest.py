"""Core test set-up: torch.optim as an optional reference, and a count of what it checked.

Tests that compare with ``torch.optim`` take the ``torch64`` fixture: torch in float64 (its
step counts and NAdam's ``mu_product`` are made in the default dtype), skipped with the reason
printed when torch is not installed. Each comparison is counted, and the run ends with a
"torch comparisons" section, so CI's output says how many ran (0, and why, without torch).
"""

from __future__ import annotations

import pytest

TORCH_MISSING = ("torch is not installed (an optional extra): the optimizers are not compared "
                 "with torch.optim")

_TALLY = {"comparisons": 0, "runs": 0, "steps": 0, "skipped": 0, "requested": 0}


class TorchTally:
    """``add(runs, steps)`` after one comparison with torch.optim that ran to its end."""

    def add(self, runs: int, steps: int) -> None:
        _TALLY["comparisons"] += 1
        _TALLY["runs"] += int(runs)
        _TALLY["steps"] += int(runs) * int(steps)


@pytest.fixture(scope="session")
def torch_tally() -> TorchTally:
    return TorchTally()


@pytest.fixture
def torch64():
    """torch with float64 as its default dtype for the test (restored afterwards)."""
    _TALLY["requested"] += 1
    try:
        torch = pytest.importorskip("torch", reason=TORCH_MISSING)
    except pytest.skip.Exception:
        _TALLY["skipped"] += 1
        raise
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        yield torch
    finally:
        torch.set_default_dtype(previous)


def pytest_terminal_summary(terminalreporter):
    if not _TALLY["requested"]:
        return
    terminalreporter.section("torch comparisons")
    terminalreporter.write_line(f"torch comparisons run: {_TALLY['comparisons']:,}")
    if _TALLY["comparisons"]:
        terminalreporter.write_line(
            f"runs compared with torch.optim step by step: {_TALLY['runs']:,} "
            f"({_TALLY['steps']:,} steps)")
    if _TALLY["skipped"]:
        terminalreporter.write_line(f"skipped: {_TALLY['skipped']:,} ({TORCH_MISSING})")
