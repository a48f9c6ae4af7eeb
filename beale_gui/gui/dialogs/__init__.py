"""Dialogs: the export dialog and the help windows."""
