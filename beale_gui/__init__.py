"""Beale GUI: watch gradient-descent optimizers move across 2-D test surfaces."""

__version__ = "0.1.0"

APP_NAME = "Beale GUI"
