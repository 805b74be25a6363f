"""Readers: a document's bytes in, the neutral tree (`soplint.tree`) out.

One subpackage per format: `docx` (WordprocessingML), `xlsx` (Excel sheets and their
drawings), `legacy` (.doc, .odt, .rtf converted to .docx by LibreOffice). Shared by the
formats: `ooxml` (the zip and XML defences, package relationships) and `drawingml` (shapes
drawn in DrawingML, in Word and Excel alike). `registry` chooses the reader for a file;
`builtin` registers soplint's own readers through the plugin hook.
"""

from soplint.reader.docx import read_docx

__all__ = ["read_docx"]
