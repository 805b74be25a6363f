"""`soplint.load`: a document (path, bytes or binary file) in, recognized `Sop` models out.

The registered readers (`soplint.plugins.registered_readers`) decide how to read the file;
every document a reader finds in it is recognized the same way. The readers and the
recognizers are imported on the first call, so that importing soplint stays cheap.
"""

from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING, BinaryIO

from soplint.errors import SourceTypeError

if TYPE_CHECKING:
    from soplint.model import Sop
    from soplint.recognize.explain import OutlineEntry

Source = str | os.PathLike[str] | bytes | BinaryIO


def checked_source(source: object, name: str | None = None) -> Source:
    """`source` as the readers take it: a path, bytes (also a bytearray or memoryview) or a
    binary file object. Anything else (None, a number, a text stream) raises
    `soplint.errors.SourceTypeError`, both a `DocumentError` and a `TypeError`."""
    if isinstance(source, bytes | str | os.PathLike):
        return source
    if isinstance(source, bytearray | memoryview):
        return bytes(source)
    shown = name or f"<{type(source).__name__}>"
    if isinstance(source, io.TextIOBase):
        raise SourceTypeError(shown, "a text stream, not a binary one: open the file in "
                              "binary mode ('rb')")
    if not callable(getattr(source, "read", None)):
        raise SourceTypeError(shown, "not a document: soplint reads a path, bytes or a "
                              f"binary file object, not {type(source).__name__}")
    return source  # type: ignore[return-value]  # any object with read(): a binary stream


def load_all(source: Source, name: str | None = None) -> tuple[Sop, ...]:
    """Every SOP in a document: one for most files, several for a workbook that holds
    several (each with its `origin`, e.g. "sheets COVER 2, SOP 2").

    Raises `soplint.DocumentError` (one line naming the file and the problem) when the file
    cannot be read, and `soplint.errors.SourceTypeError` (a DocumentError and a TypeError)
    when `source` is no path, bytes or binary file object.
    """
    from dataclasses import replace

    from soplint.plugins import registered_readers
    from soplint.reader.registry import read_with
    from soplint.recognize import recognize

    return tuple(replace(recognize(doc), origin=doc.origin)
                 for doc in read_with(registered_readers(), checked_source(source, name), name))


def load(source: Source, name: str | None = None) -> Sop:
    """Read an SOP document and recognize its procedure; for a file holding several SOPs,
    the first (`load_all` gives every one)."""
    return load_all(source, name)[0]


def load_explained(source: Source, name: str | None = None
                   ) -> tuple[tuple[Sop, list[OutlineEntry]], ...]:
    """Every SOP in a document with its outline: each heading, item, paragraph and table,
    the step it became or why it became none (`soplint dump --outline`)."""
    from dataclasses import replace

    from soplint.plugins import registered_readers
    from soplint.reader.registry import read_with
    from soplint.recognize import recognize
    from soplint.recognize.explain import explain

    found = []
    for doc in read_with(registered_readers(), checked_source(source, name), name):
        sop = replace(recognize(doc), origin=doc.origin)
        found.append((sop, explain(doc, sop)))
    return tuple(found)
