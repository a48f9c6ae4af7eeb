"""Command-line tests."""

import os


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a ``python main.py`` child started in a folder of its own.

    Under a mutation run's first pass (mutmut's ``MUTANT_UNDER_TEST=stats``) every mutated
    function records who called it, which needs mutmut's configuration in the working folder;
    a child elsewhere runs the plain code instead. With a mutant active the child runs it too.
    """
    env = {**os.environ, **extra}
    if env.get("MUTANT_UNDER_TEST") == "stats":
        del env["MUTANT_UNDER_TEST"]
    return env
