"""The built-in readers, registered through the same hook a third-party format pack uses."""

from __future__ import annotations

from collections.abc import Callable

from soplint.hookspecs import hookimpl
from soplint.reader.docx import read_docx
from soplint.reader.registry import Reader
from soplint.reader.xlsx import read_xlsx

ZIP = b"PK\x03\x04"

DOCX = Reader(format="Word .docx", suffixes=(".docx",),
              read=read_docx, magic=(ZIP,))
XLSX = Reader(format="Excel .xlsx", suffixes=(".xlsx", ".xlsm"), read=read_xlsx, magic=(ZIP,),
              extra="xlsx", modules=("openpyxl",))


@hookimpl
def soplint_register_readers(register: Callable[[Reader], None]) -> None:
    """Register every reader soplint ships."""
    register(DOCX)
    register(XLSX)
