"""The window: PySide6 + pyqtgraph views and controllers over the core. No numerics here."""
