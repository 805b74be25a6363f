"""Value types the command lines share (`type=` of argparse arguments): each turns the text
given into a value or says, in one line, what was expected."""

from __future__ import annotations

import argparse


def seconds(text: str) -> float:
    """A time limit: seconds, 0 up to `soplint.timelimit.MAX_SECONDS` (not NaN, not
    infinite)."""
    from soplint.timelimit import MAX_SECONDS, valid_seconds  # only when a limit is given

    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not valid_seconds(value):
        raise argparse.ArgumentTypeError(
            f"expected a number of seconds from 0 to {MAX_SECONDS:.0f}, got {text!r}")
    return value
