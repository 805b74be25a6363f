"""Marks written in a symbol font: the characters they stand for.

Word's Insert > Symbol stores a Wingdings check mark as `<w:sym w:font="Wingdings"
w:char="F0FC"/>`, a code in the private use area; a drafter who switches the font and types
writes "ü" in a Wingdings run. Either is a check mark on the page. Only the marks a
performer's cell or a list uses are mapped (checks, crosses, ballot boxes, bullets, filled
circles, squares and diamonds); other symbols stay unread.
"""

from __future__ import annotations

# font name (lower case) -> {the font's character code (one byte): the Unicode character}
_FONTS: dict[str, dict[int, str]] = {
    "wingdings": {0x6C: "●", 0x6E: "■", 0x75: "◆", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒",
                  0xFE: "☑"},
    "wingdings 2": {0x4F: "✗", 0x50: "✓", 0x52: "☑"},
    "symbol": {0xA8: "♦", 0xB7: "•", 0xD6: "√"},
}
_PRIVATE_BASE = 0xF000  # symbol fonts' characters as Word stores them: U+F000 + the code


def is_symbol_font(font: str | None) -> bool:
    """Whether `font` is a symbol font whose marks are mapped."""
    return font is not None and font.lower() in _FONTS


def symbol_char(font: str | None, code: int) -> str:
    """The character code `code` of symbol font `font` stands for, or "" when unmapped;
    `code` may be the byte itself or its private-use form (U+F0FC for 0xFC)."""
    table = _FONTS.get((font or "").lower())
    if table is None:
        return ""
    if _PRIVATE_BASE <= code <= _PRIVATE_BASE + 0xFF:
        code -= _PRIVATE_BASE
    return table.get(code, "")


def symbol_text(font: str, text: str) -> str:
    """Text typed in symbol font `font`, its mapped marks replaced ("ü" -> "✓"); characters
    that are no mapped mark are kept as typed."""
    return "".join(symbol_char(font, ord(ch)) or ch for ch in text)
