"""The numerical core: numpy only. Never imports Qt or pyqtgraph (a test enforces it)."""
