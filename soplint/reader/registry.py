"""The reader registry: which registered reader takes a file, from its name and first bytes.

Readers are plugins (`soplint_register_readers`, see `soplint.hookspecs`); the built-in ones
are registered through the same hook (`soplint.reader.builtin`). A reader says which file
suffixes and leading bytes ("magic") it takes, the format's name as users read it, and what
it needs installed. The choice, for a file named N whose first bytes are B:

1. among the readers that take N's suffix, the first whose magic matches B, else the first
   (which names what is wrong with the file: "a PDF file, not .docx");
2. when no reader takes N's suffix (bytes without a name, an unknown suffix), the first
   reader whose magic matches B.

Readers are tried in registration order, a plugin's before the built-in ones.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from soplint.errors import DocumentError
from soplint.reader.ooxml.archive import Source, display_name, load_bytes, open_path
from soplint.tree import Document

HEAD_BYTES = 16

ReadFunction = Callable[[Source, str], Document | Sequence[Document]]


def _nothing() -> str:
    return ""


@dataclass(frozen=True)
class Reader:
    """One document format soplint can read.

    `read(source, name)` turns a path, bytes or binary stream into the neutral tree: one
    `Document`, or several when the file holds several SOPs; it raises `DocumentError` (one
    line naming `name`) for a file it cannot read. `format` is the name users read ("PDF",
    "Excel .xlsx"); `suffixes` are lower-case with their dot; `magic` the byte strings a file
    of this format starts with. `extra` is the soplint extra that installs the Python
    `modules` it imports; `needs()` says what else is missing ("" when nothing), e.g. a
    program to install.
    """

    format: str
    suffixes: tuple[str, ...]
    read: ReadFunction
    magic: tuple[bytes, ...] = ()
    extra: str = ""
    modules: tuple[str, ...] = ()
    needs: Callable[[], str] = _nothing

    def takes(self, head: bytes) -> bool:
        """Whether a file starting with `head` has this format's magic bytes."""
        return any(head.startswith(magic) for magic in self.magic)

    def missing(self) -> str:
        """What to install before this reader can run here, "" when it can."""
        absent = [m for m in self.modules if importlib.util.find_spec(m) is None]
        if absent:
            extra = f"soplint[{self.extra}]" if self.extra else " ".join(absent)
            return f"needs {', '.join(absent)}: pip install '{extra}'"
        return self.needs()


def suffix_of(name: str) -> str:
    """The lower-case suffix of a file name (".docx"), "" when it has none."""
    return PurePath(name).suffix.lower()


def reader_for(readers: Iterable[Reader], name: str, head: bytes) -> Reader | None:
    """The reader for a file named `name` that starts with `head` (see the module docstring),
    None when no reader takes either."""
    listed = list(readers)
    suffix = suffix_of(name)
    named = [r for r in listed if suffix in r.suffixes]
    for reader in (*(r for r in named if r.takes(head)), *named,
                   *(r for r in listed if r.takes(head))):
        return reader
    return None


def read_head(source: Source, name: str) -> tuple[Source, bytes]:
    """(source, its first bytes); a stream is read whole (within the size limit) and given
    back as bytes. A file that cannot be opened raises its one-line DocumentError."""
    if isinstance(source, bytes):
        return source, source[:HEAD_BYTES]
    if not isinstance(source, str | os.PathLike):
        data = load_bytes(source, name)
        return data, data[:HEAD_BYTES]
    with open_path(source, name) as handle:
        try:
            return source, handle.read(HEAD_BYTES)
        except OSError:
            load_bytes(source, name)  # raises the one-line error for this file
            raise


def read_with(readers: Sequence[Reader], source: Source,
              name: str | None = None) -> tuple[Document, ...]:
    """Every document in `source`, read by the reader `reader_for` picks among `readers`."""
    shown = display_name(source, name)
    source, head = read_head(source, shown)
    if not head:
        raise DocumentError(shown, "empty file")
    reader = reader_for(readers, shown, head)
    if reader is None:
        known = ", ".join(dict.fromkeys(s for r in readers for s in r.suffixes))
        raise DocumentError(shown, f"not a format soplint reads ({known})")
    missing = reader.missing()
    if missing:
        raise DocumentError(shown, f"{reader.format} file: reading it {missing}")
    found = reader.read(source, shown)
    documents = (found,) if isinstance(found, Document) else tuple(found)
    if not documents:
        raise DocumentError(shown, f"no document found in this {reader.format} file")
    return documents
