"""Text measured without font files: a width per character, and wrapping to a column."""

from __future__ import annotations

import textwrap

FONT_SIZE = 11.0
LINE_HEIGHT = 14.0
ELLIPSIS = "…"

# Average advance of a sans-serif face, as a share of the font size: narrow letters, wide
# capitals and the rest (an estimate that errs on the wide side so text stays in its cell).
_NARROW = frozenset("iljtfrI.,;:'!|()[] ")
_WIDE = frozenset("mwMWOQGDHNU@%")


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """The estimated width of `text` in pixels at font size `size`."""
    units = sum(0.32 if c in _NARROW else 0.85 if c in _WIDE
                else 0.66 if c.isupper() else 0.56 for c in text)
    return units * size


def wrap(text: str, width: float, *, size: float = FONT_SIZE, max_lines: int = 0) -> list[str]:
    """`text` broken into lines that fit `width` pixels (long words are cut); at most
    `max_lines` lines (0: no limit), the last one ending in an ellipsis when text is cut."""
    columns = max(1, int(width / (0.6 * size)))
    lines = [line for para in text.splitlines()
             for line in (textwrap.wrap(para, columns, break_on_hyphens=False) or [""])]
    lines = _fit(lines, width, size)
    while lines and not lines[-1].strip():
        lines.pop()
    if max_lines and len(lines) > max_lines:
        lines = [*lines[:max_lines - 1], _shorten(lines[max_lines - 1], width, size)]
    return lines


def _fit(lines: list[str], width: float, size: float) -> list[str]:
    """Lines re-wrapped, narrower, where the character estimate still runs past `width`."""
    fitted: list[str] = []
    for line in lines:
        columns = len(line)
        while columns > 1 and text_width(line[:columns], size) > width:
            columns -= 1
        if columns >= len(line):
            fitted.append(line)
        else:
            fitted.extend(_fit(textwrap.wrap(line, columns, break_on_hyphens=False), width,
                               size))
    return fitted


def _shorten(line: str, width: float, size: float) -> str:
    """`line` cut to end in an ellipsis within `width`."""
    while line and text_width(line + ELLIPSIS, size) > width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS
