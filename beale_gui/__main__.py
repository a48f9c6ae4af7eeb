"""``python -m beale_gui`` works as ``python main.py`` and the ``beale-gui`` command do."""

from .app import main

raise SystemExit(main())
