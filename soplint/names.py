"""File names as the OS gives them, shown safely on one line.

soplint carries a name exactly as the OS gives it (on POSIX a byte that is not UTF-8 is a
lone surrogate, Python's `surrogateescape`), so that it can still open the file; every text
stream soplint writes escapes such characters (`\\udce9`, also a valid JSON escape, see
`TEXT_ERRORS`). In a one-line message a name with a line break, a control
character or such a byte is quoted, as Python writes a string: `'SOP\\nbaru.docx'`.
"""

from __future__ import annotations

import unicodedata

# How every text soplint writes is encoded: a character the encoding cannot write (a file
# name's undecodable byte, kept as a lone surrogate) becomes a visible escape such as
# "\udce9", which is also JSON's escape for it.
TEXT_ERRORS = "backslashreplace"


def _plain(name: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Cs") or c in "\u2028\u2029"
                   for c in name)


def shown(name: str) -> str:
    """`name` as it is when it is printable on one line, else quoted with its escapes."""
    return name if _plain(name) else repr(name)
