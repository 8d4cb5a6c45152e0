"""Errors the CLI reports as one line (no traceback), with what to do next."""


class KgError(Exception):
    """A user-facing error: the message names the file or input and the problem."""

    exit_code = 2
