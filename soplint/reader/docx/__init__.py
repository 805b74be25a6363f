"""The .docx reader: WordprocessingML in, the neutral tree (`soplint.tree`) out."""

from soplint.reader.docx.read import read_docx

__all__ = ["read_docx"]
