"""Bounce Back: composition root, settings, logging and the command-line entry points."""
