"""Errors soplint raises for input it cannot read."""

from __future__ import annotations


class DocumentError(Exception):
    """A file that cannot be read as an SOP: the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
