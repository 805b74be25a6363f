"""soplint: a linter for Standard Operating Procedures written in Word (.docx)."""

from __future__ import annotations

from soplint.errors import DocumentError
from soplint.load import load

__all__ = ["DocumentError", "load"]
__version__ = "0.1.0"
