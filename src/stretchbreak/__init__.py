"""stretchbreak: notices long sitting and guides you through a short lower-back stretch."""

__version__ = "0.1.0"
