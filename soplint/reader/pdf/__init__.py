"""The PDF reader (extra `soplint[pdf]`): ruled tables, their cells and the flowchart symbols
drawn over them, from the page geometry pdfplumber extracts, into the neutral tree."""

from soplint.reader.pdf.read import read_pdf

__all__ = ["read_pdf"]
