"""Parse time standards ("5 menit", "1 hari kerja", "10–15 minutes", "1x24 jam") into minutes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from soplint.model import Duration

WORKING_DAY = 8 * 60

# unit spelling -> (minutes, working-day flag); longest alternatives first in the regex.
_UNITS: dict[str, tuple[float, bool]] = {
    "hari kerja": (WORKING_DAY, True), "hk": (WORKING_DAY, True),
    "working days": (WORKING_DAY, True), "working day": (WORKING_DAY, True),
    "business days": (WORKING_DAY, True), "business day": (WORKING_DAY, True),
    "detik": (1 / 60, False), "seconds": (1 / 60, False), "second": (1 / 60, False),
    "secs": (1 / 60, False), "sec": (1 / 60, False), "s": (1 / 60, False),
    "menit": (1, False), "mnt": (1, False), "minutes": (1, False), "minute": (1, False),
    "mins": (1, False), "min": (1, False), "m": (1, False),
    "jam": (60, False), "hours": (60, False), "hour": (60, False), "hrs": (60, False),
    "hr": (60, False), "h": (60, False),
    "hari": (1440, False), "days": (1440, False), "day": (1440, False), "d": (1440, False),
    "minggu": (7 * 1440, False), "pekan": (7 * 1440, False), "weeks": (7 * 1440, False),
    "week": (7 * 1440, False),
    "bulan": (30 * 1440, False), "months": (30 * 1440, False), "month": (30 * 1440, False),
    "tahun": (365 * 1440, False), "years": (365 * 1440, False), "year": (365 * 1440, False),
}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10,
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "setengah": 0.5, "half": 0.5,
}
_NUM = r"(?:\d+(?:[.,]\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
_RANGE_SEP = r"\s*(?:-|–|—|s\.?/?d\.?|sampai|hingga|to)\s*"
_CELL_ONLY_UNITS = {"s", "m", "d"}  # too ambiguous in prose ("5 m" of cable)


_BOUND = (r"(?:(?:paling\s+(?:lambat|lama|cepat)|maksimal|maksimum|maks\.?|minimal|"
          r"selambat-lambatnya|sekurang-kurangnya|within|up\s+to|at\s+most|at\s+least|"
          r"no\s+later\s+than|not\s+more\s+than|max\.?|min\.?|about|approximately|"
          r"sekitar|kurang\s+lebih)\s+)?")


def _duration_re(units: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(u).replace(r"\ ", r"\s+") for u in units),
                                   key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,]){_BOUND}(?P<low>{_NUM})(?:{_RANGE_SEP}(?P<high>{_NUM}))?"
        rf"(?:\s*[x×]\s*(?P<mult>\d+(?:[.,]\d+)?))?"
        rf"(?:(?<=\d)\s*|\s+)(?P<unit>{alternatives})(?![^\W\d_])",  # "5min", not "amin"
        re.IGNORECASE,
    )


_CELL_DURATION = _duration_re(list(_UNITS))
_PROSE_DURATION = _duration_re([u for u in _UNITS if u not in _CELL_ONLY_UNITS])
_BARE_NUMBER = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*$")
_EMPTY = {"", "-", "–", "—", "_", "..", "...", "…"}


def _spelling(text: str, spellings: Iterable[str]) -> str:
    """The entry of `spellings` that `text` was matched as, case ignored. lower() misses some
    case variants the regex accepts ("ſ" for "s", "İ" and "ı" for "i"), hence the fallback."""
    lowered = " ".join(text.lower().split())
    if lowered in spellings:
        return lowered
    return next(s for s in spellings
                if re.fullmatch(re.escape(s).replace(r"\ ", r"\s+"), text, re.IGNORECASE))


def _number(text: str) -> float:
    if text[:1].isdigit():
        return float(text.replace(",", "."))
    return float(_NUMBER_WORDS[_spelling(text, _NUMBER_WORDS)])


def _unit(text: str) -> tuple[float, bool, str]:
    unit = _spelling(text, _UNITS)
    minutes, working = _UNITS[unit]
    return minutes, working, unit


def find_duration(text: str, *, cell: bool = False) -> Duration | None:
    """The first measurable duration written in `text`, or None. In a time `cell` the
    one-letter units "s", "m" and "d" count too."""
    match = (_CELL_DURATION if cell else _PROSE_DURATION).search(text)
    if match is None:
        return None
    minutes, working, unit = _unit(match["unit"])
    low, high = _number(match["low"]), _number(match["high"] or match["low"])
    factor = _number(match["mult"]) if match["mult"] else 1.0
    if match["mult"] and not match["high"]:
        # "1x24 jam": count × amount; "3-5 x 5 minutes": (3..5) × 5.
        low = high = low * factor
    else:
        low, high = low * factor, high * factor
    return Duration(
        text=" ".join(match.group(0).split()),
        minutes=high * minutes,
        low=low * minutes if match["high"] else None,
        unit=unit,
        working_days=working,
    )


def parse_time(text: str | None, unit: str = "") -> Duration | None:
    """The Waktu/Time cell as a Duration: None when empty or "-", minutes None when vague.
    `unit` is the one the column header gives ("Waktu (menit)"), for bare numbers."""
    if text is None:
        return None
    clean = " ".join(text.split())
    if clean in _EMPTY:
        return None
    if unit and _BARE_NUMBER.match(clean):
        found = find_duration(f"{clean} {unit}", cell=True)
        if found is not None:
            return replace(found, text=clean)
    found = find_duration(clean, cell=True)
    if found is not None:
        return replace(found, text=clean)
    return Duration(text=clean)


def combine_hours_minutes(hours: str | None, minutes: str | None) -> Duration | None:
    """A Duration from separate Hours and Minutes cells ("1" | "30" -> 90 minutes)."""
    parts = [(h, 60) for h in [hours] if h and h.strip() not in _EMPTY]
    parts += [(m, 1) for m in [minutes] if m and m.strip() not in _EMPTY]
    if not parts:
        return None
    total = 0.0
    for value, factor in parts:
        if not _BARE_NUMBER.match(value):
            return Duration(text=" ".join(f"{v}" for v, _ in parts))
        total += _number(value.strip()) * factor
    text = " ".join(
        f"{v.strip()} {'h' if f == 60 else 'min'}" for v, f in parts
    )
    return Duration(text=text, minutes=total, unit="min")
