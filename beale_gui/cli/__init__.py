"""The headless command line: ``beale-gui run|search|basins|export ...``.

- :mod:`.arguments`: the parser, each option's checks, and the experiment the arguments
  describe;
- :mod:`.commands`: the commands, and :func:`main`, which runs one and returns its exit status.

A new command is a parser in ``arguments.build_parser`` and a ``cmd_*`` function in
``commands.py`` registered in its ``HANDLERS``.
"""

from .arguments import COMMANDS, UsageError, build_parser, experiment_from_args
from .commands import main

__all__ = ["COMMANDS", "UsageError", "build_parser", "experiment_from_args", "main"]
