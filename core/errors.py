"""Errors that end a command with a clear one-line message instead of a traceback."""


class StartupError(Exception):
    """A problem the person running the bot has to fix (configuration, token, database)."""

    exit_code = 2
