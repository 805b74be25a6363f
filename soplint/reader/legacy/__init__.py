"""Older word-processor files (.doc, .rtf, .odt): converted to .docx by LibreOffice headless,
then read by the .docx reader."""

from soplint.reader.legacy.convert import needs_soffice, read_legacy

__all__ = ["needs_soffice", "read_legacy"]
