"""Integer attributes of OOXML parts, read defensively (hostile files hold "1e309", "nan" or
twenty-digit offsets)."""

from __future__ import annotations

_MAX_VALUE = 10**15  # beyond any OOXML coordinate (±27,273,042,316,900 EMU) or count


def parse_int(text: str | None) -> int | None:
    """An integer attribute value, None when absent, malformed or out of any sane range."""
    if text is None:
        return None
    try:
        value = int(float(text))
    except (ValueError, OverflowError):  # "abc", "nan"; "1e309"
        return None
    return value if -_MAX_VALUE <= value <= _MAX_VALUE else None
