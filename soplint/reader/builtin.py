"""The built-in readers, registered through the same hook a third-party format pack uses."""

from __future__ import annotations

from collections.abc import Callable

from soplint.hookspecs import hookimpl
from soplint.reader.docx import read_docx
from soplint.reader.legacy import needs_soffice, read_legacy
from soplint.reader.pdf import read_pdf
from soplint.reader.pdf.read import MAGIC as PDF_MAGIC
from soplint.reader.registry import Reader
from soplint.reader.xlsx import read_xlsx

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

DOCX = Reader(format="Word .docx", suffixes=(".docx",),
              read=read_docx, magic=(ZIP,))
XLSX = Reader(format="Excel .xlsx", suffixes=(".xlsx", ".xlsm"), read=read_xlsx, magic=(ZIP,),
              extra="xlsx", modules=("openpyxl",))
PDF = Reader(format="PDF", suffixes=(".pdf",), read=read_pdf, magic=(PDF_MAGIC,),
             extra="pdf", modules=("pdfplumber",))
DOC = Reader(format="Word 97-2003 .doc", suffixes=(".doc", ".dot"), read=read_legacy,
             magic=(OLE,), needs=needs_soffice)
RTF = Reader(format="RTF", suffixes=(".rtf",), read=read_legacy, magic=(b"{\\rtf",),
             needs=needs_soffice)
ODT = Reader(format="OpenDocument .odt", suffixes=(".odt",), read=read_legacy, magic=(ZIP,),
             needs=needs_soffice)


@hookimpl
def soplint_register_readers(register: Callable[[Reader], None]) -> None:
    """Register every reader soplint ships."""
    register(DOCX)
    register(XLSX)
    register(PDF)
    for reader in (DOC, RTF, ODT):
        register(reader)
