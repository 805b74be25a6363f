"""Text measured without font files: a width per character, and wrapping to a column."""

from __future__ import annotations

from functools import lru_cache

FONT_SIZE = 11.0
LINE_HEIGHT = 14.0
ELLIPSIS = "…"

# The advance of each printable ASCII character (space to ~) in DejaVu Sans, the face the
# drawing names first, in hundredths of the font size; Arial and Helvetica are narrower, so
# text measured this way fits in any of them. Other letters count as an "n", CJK as an em.
_ADVANCES = """
    32 40 46 84 64 95 78 27 39 39 50 84 32 36 32 34 64 64 64
    64 64 64 64 64 64 64 34 34 84 84 84 53 100 68 69 70 77 63
    58 77 75 29 29 66 56 86 75 79 60 79 69 63 61 73 68 99 69
    61 69 39 34 39 84 50 50 61 63 55 63 62 35 63 63 28 28 58
    28 97 63 61 63 63 41 52 39 63 59 82 59 59 52 64 34 64 84
"""
_WIDTHS = {chr(32 + n): int(v) / 100 for n, v in enumerate(_ADVANCES.split())}
_OTHER = 0.63
_PRINTABLE = {n: " " for n in range(32)} | {127: " "}  # control characters count as spaces
_FULL_WIDTH = "\u2e80"


@lru_cache(maxsize=8192)  # the words of the documents repeat ("the", "surat")
def text_width(text: str, size: float = FONT_SIZE) -> float:
    """The estimated width of `text` in pixels at font size `size`."""
    if text.isascii():
        return size * sum(map(_WIDTHS.__getitem__, text.translate(_PRINTABLE)))
    return size * sum(_WIDTHS.get(c) or (1.0 if c >= _FULL_WIDTH else _OTHER) for c in text)


def wrap(text: str, width: float, *, size: float = FONT_SIZE, max_lines: int = 0,
         bold: bool = False) -> list[str]:
    """`text` broken into lines that fit `width` pixels (a word too long for a line is cut);
    at most `max_lines` lines (0: no limit), the last ending in an ellipsis when text is
    left out. Bold text is taken as a tenth wider."""
    size = size * 1.1 if bold else size
    space = text_width(" ", size)
    lines: list[str] = []
    for paragraph in text.splitlines():
        line, used = "", 0.0
        for word in paragraph.split():
            wide = text_width(word, size)
            if line and used + space + wide <= width:
                line, used = f"{line} {word}", used + space + wide
                continue
            if line:
                lines.append(line)
            while len(word) > 1 and wide > width:
                cut = next((n for n in range(len(word) - 1, 0, -1)
                            if text_width(word[:n], size) <= width), 1)
                lines.append(word[:cut])
                word = word[cut:]
                wide = text_width(word, size)
            line, used = word, wide
        if line:
            lines.append(line)
        if max_lines and len(lines) > max_lines:
            break
    if max_lines and len(lines) > max_lines:
        lines = [*lines[:max_lines - 1], _shorten(lines[max_lines - 1], width, size)]
    return lines


def _shorten(line: str, width: float, size: float) -> str:
    """`line` cut to end in an ellipsis within `width`."""
    while line and text_width(line + ELLIPSIS, size) > width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS
