"""A small parser for the dates of an SOP identity block (Indonesian and English forms).

Not a rule module (the leading underscore keeps the pack from scanning it).
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")


class DateError(ValueError):
    """A date that cannot be read; `impossible` when it names a day that does not exist."""

    def __init__(self, text: str, impossible: bool) -> None:
        super().__init__(text)
        self.impossible = impossible


def parse_date(text: str) -> dt.date:
    """The date written in `text`: "19 Agustus 2024", "12-02-2024" (day first),
    "2024-02-12", "April 20, 2026". Raises DateError when there is none or it is
    impossible ("31-02-2024")."""
    for day, month, year in _candidates(text):
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise DateError(text, impossible=True) from None
    raise DateError(text, impossible=False)


def _candidates(text: str) -> list[tuple[int, int, int]]:
    """(day, month, year) of every date-like phrase, in text order."""
    found: list[tuple[int, tuple[int, int, int]]] = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        if m.group(2).lower() in _MONTHS:
            found.append((m.start(), (int(m.group(1)), _MONTHS[m.group(2).lower()],
                                      int(m.group(3)))))
    for m in _MONTH_DAY_YEAR.finditer(text):
        if m.group(1).lower() in _MONTHS:
            found.append((m.start(), (int(m.group(2)), _MONTHS[m.group(1).lower()],
                                      int(m.group(3)))))
    found += [(m.start(), (int(m.group(3)), int(m.group(2)), int(m.group(1))))
              for m in _ISO.finditer(text)]
    found += [(m.start(), (int(m.group(1)), int(m.group(2)), int(m.group(3))))
              for m in _NUMERIC.finditer(text)]
    return [date for _, date in sorted(found)]
