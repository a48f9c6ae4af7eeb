"""Controllers: built by the main window with what they use; they turn document changes and menu
actions into runs, saved sessions and exports."""
