"""Offscreen figures: the trajectory figure, the basin map and the search plot, each drawn by
the window's own widgets through the one renderer in :mod:`.offscreen`."""
