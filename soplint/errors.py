"""Errors soplint reports as one line (exit status 2): bad input, bad usage."""

from __future__ import annotations


class SoplintError(Exception):
    """An error the command line prints as one line and exits 2 for: a document it cannot
    read, a bad configuration, a bad command line."""


class DocumentError(SoplintError):
    """A file that cannot be read as an SOP: the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        from soplint.names import shown

        super().__init__(f"{shown(source)}: {problem}")
        self.source = source
        self.problem = problem


class SourceTypeError(DocumentError, TypeError):
    """A document given to the library as something it cannot be: not a path, bytes or a
    binary file object (None, a number, a text stream). Both a `DocumentError` and a
    `TypeError`."""


class UsageError(SoplintError):
    """A bad command line or option value."""
