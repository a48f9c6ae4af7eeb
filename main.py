"""Launcher: ``python main.py`` opens the window; ``python main.py run ...`` works headless."""

from beale_gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
