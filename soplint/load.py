"""`soplint.load`: a .docx (path, bytes or binary file) in, a recognized `Sop` out.

The reader and the recognizers are imported on the first call, so that importing soplint
stays cheap.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from soplint.model import Sop


def load(source: str | os.PathLike[str] | bytes | BinaryIO, name: str | None = None) -> Sop:
    """Read an SOP document and recognize its procedure.

    Raises `soplint.DocumentError` (one line naming the file and the problem) when the file
    cannot be read as a .docx.
    """
    from soplint.reader import read_docx
    from soplint.recognize import recognize

    return recognize(read_docx(source, name=name))
