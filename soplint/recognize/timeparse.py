"""Parse time standards ("5 menit", "1 hari kerja", "10–15 minutes", "1x24 jam") into minutes.

The forms Indonesian documents use are understood: a number followed by its spelling ("15
(lima belas) menit", "1 (satu) hari kerja"), spelled numbers ("lima belas menit", "dua
puluh menit"), compound times ("1 jam 30 menit" is 90 minutes, "2 hari 4 jam"), a range
across units ("30 menit - 1 jam"), the minute sign in a time cell ("30'", "30′"), a count
times an amount ("2 x 24 jam"), and "hr" as hari (day) in an Indonesian document, where it
is hour in an English one.
"""

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
    "mins": (1, False), "min": (1, False), "m": (1, False), "'": (1, False), "′": (1, False),
    "jam": (60, False), "hours": (60, False), "hour": (60, False), "hrs": (60, False),
    "hr": (60, False), "h": (60, False),
    "hari": (1440, False), "days": (1440, False), "day": (1440, False), "d": (1440, False),
    "minggu": (7 * 1440, False), "pekan": (7 * 1440, False), "weeks": (7 * 1440, False),
    "week": (7 * 1440, False),
    "bulan": (30 * 1440, False), "months": (30 * 1440, False), "month": (30 * 1440, False),
    "tahun": (365 * 1440, False), "years": (365 * 1440, False), "year": (365 * 1440, False),
}
# Spellings that mean something else in an Indonesian document ("1 hr" is a day there).
_INDONESIAN_UNITS: dict[str, tuple[float, bool]] = {
    "hr": (1440, False), "hr kerja": (WORKING_DAY, True), "hr. kerja": (WORKING_DAY, True),
}
_CELL_ONLY_UNITS = {"s", "m", "d", "'", "′"}  # too ambiguous in prose ("5 m" of cable)

_DIGITS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9,
}
_WORDS = {
    **_DIGITS, "sepuluh": 10, "sebelas": 11, "seratus": 100, "setengah": 0.5,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60, "ninety": 90,
    "half": 0.5,
}
_MULTIPLIERS = {"puluh": 10, "ratus": 100}
_DIGIT_WORD = "(?:" + "|".join(_DIGITS) + ")"
# An Indonesian number in words up to 999 ("lima belas", "dua puluh lima", "seratus dua").
_ID_TENS = rf"(?:sepuluh|sebelas|{_DIGIT_WORD}\s+belas|{_DIGIT_WORD}\s+puluh(?:\s+{_DIGIT_WORD})?)"
_ID_NUMBER = (rf"(?:(?:seratus|{_DIGIT_WORD}\s+ratus)(?:\s+(?:{_ID_TENS}|{_DIGIT_WORD}))?"
              rf"|{_ID_TENS})")
_WORD_NUMBER = (_ID_NUMBER + "|" + "|".join(sorted(_WORDS, key=len, reverse=True)))
_NUM = rf"(?:\d+(?:[.,]\d+)?|{_WORD_NUMBER})"
_RANGE_SEP = r"\s*(?:-|–|—|s\.?/?d\.?|sampai|hingga|to)\s*"
# "15 (lima belas)": the number's spelling in brackets after it, dropped before parsing.
_SPELLING = re.compile(rf"(?<=\d)\s*\(\s*(?:{_WORD_NUMBER})\s*\)", re.IGNORECASE)
# What may join the parts of a compound time: "1 jam 30 menit", "2 hari, 4 jam", "1 h and".
_JOIN = re.compile(r"\s*(?:,|dan|and|\+)?\s*", re.IGNORECASE)


_BOUND = (r"(?:(?:paling\s+(?:lambat|lama|cepat)|maksimal|maksimum|maks\.?|minimal|"
          r"selambat-lambatnya|sekurang-kurangnya|within|up\s+to|at\s+most|at\s+least|"
          r"no\s+later\s+than|not\s+more\s+than|max\.?|min\.?|about|approximately|"
          r"sekitar|kurang\s+lebih)\s+)?")


def _duration_re(units: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(u).replace(r"\ ", r"\s+") for u in units),
                                   key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,]){_BOUND}(?P<low>{_NUM})(?:{_RANGE_SEP}(?P<high>{_NUM}))?"
        rf"(?:\s*[x×]\s*(?P<mult>\d+(?:[.,]\d+)?))?"
        rf"(?:(?<=\d)\s*|\s+)(?P<unit>{alternatives})(?![^\W\d_])",  # "5min", not "amin"
        re.IGNORECASE,
    )


def _patterns(units: dict[str, tuple[float, bool]]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(cell pattern, prose pattern) for a unit table."""
    return (_duration_re(units), _duration_re(u for u in units if u not in _CELL_ONLY_UNITS))


_TABLES = {"": dict(_UNITS), "id": {**_UNITS, **_INDONESIAN_UNITS}}
_PATTERNS = {lang: _patterns(table) for lang, table in _TABLES.items()}
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


def _words_value(text: str) -> float:
    """The value of a number in words: "lima belas" 15, "dua puluh lima" 25, "seratus dua
    puluh" 120; "twenty", "half"."""
    words = text.lower().split()
    if len(words) == 1:
        return float(_WORDS[_spelling(text, _WORDS)])
    total, current = 0.0, 0.0
    for word in words:
        if word == "belas":
            total, current = total + 10 + current, 0.0
        elif word in _MULTIPLIERS:
            total, current = total + current * _MULTIPLIERS[word], 0.0
        else:
            value = _WORDS[_spelling(word, _WORDS)]
            if value >= 10:  # "sepuluh", "seratus": a whole group of their own
                total += value
            else:
                current += value
    return total + current


def _number(text: str) -> float:
    if text[:1].isdigit():
        return float(text.replace(",", "."))
    return _words_value(text)


def _unit(text: str, table: dict[str, tuple[float, bool]]) -> tuple[float, bool, str]:
    unit = _spelling(text, table)
    minutes, working = table[unit]
    return minutes, working, unit


def _one(match: re.Match[str], table: dict[str, tuple[float, bool]]) -> Duration:
    """The duration one match of the pattern writes."""
    minutes, working, unit = _unit(match["unit"], table)
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


def _per_unit(duration: Duration, table: dict[str, tuple[float, bool]]) -> float:
    return table[duration.unit or ""][0] if duration.unit in table else 0.0


def _continued(text: str, first: re.Match[str], pattern: re.Pattern[str],
               table: dict[str, tuple[float, bool]]) -> Duration:
    """The first duration with what directly follows it: smaller units added ("1 jam 30
    menit"), or the upper bound of a range written in another unit ("30 menit - 1 jam")."""
    found = _one(first, table)
    end, unit = first.end(), _per_unit(found, table)
    while found.low is None:
        gap = _JOIN.match(text, end)
        following = pattern.match(text, gap.end()) if gap else None
        if following is None or following["high"] or following["mult"]:
            break
        part = _one(following, table)
        if not 0 < _per_unit(part, table) < unit:
            break
        found = replace(found, text=f"{found.text} {part.text}",
                        minutes=(found.minutes or 0) + (part.minutes or 0))
        end, unit = following.end(), _per_unit(part, table)
    bound = re.compile(_RANGE_SEP).match(text, end)
    upper = pattern.match(text, bound.end()) if bound else None
    if upper is not None and found.low is None:
        high = _continued(text, upper, pattern, table)
        if (high.minutes or 0) > (found.minutes or 0):
            return replace(high, text=f"{found.text} - {high.text}", low=found.minutes)
    return found


def find_duration(text: str, *, cell: bool = False, lang: str = "") -> Duration | None:
    """The first measurable duration written in `text`, or None. In a time `cell` the
    one-letter units "s", "m", "d" and the minute sign count too; in a document in `lang`
    "id", "hr" is a day."""
    table = _TABLES["id" if lang == "id" else ""]
    cell_pattern, prose_pattern = _PATTERNS["id" if lang == "id" else ""]
    pattern = cell_pattern if cell else prose_pattern
    text = _SPELLING.sub("", text)
    match = pattern.search(text)
    if match is None:
        return None
    return _continued(text, match, pattern, table)


_GLUED_NUMBER = re.compile(r"\b([^\W\d_]{2,})(\d)")  # a word typed against its number


def parse_time(text: str | None, unit: str = "", lang: str = "") -> Duration | None:
    """The Waktu/Time cell as a Duration: None when empty or "-", minutes None when vague.
    `unit` is the one the column header gives ("Waktu (menit)"), for bare numbers; `lang`
    the document's language ("id": "hr" is hari)."""
    if text is None:
        return None
    clean = " ".join(text.split())
    if clean in _EMPTY:
        return None
    spaced = _GLUED_NUMBER.sub(r"\1 \2", clean)  # "maks7 hari" is "maks 7 hari"
    if unit and _BARE_NUMBER.match(clean):
        found = find_duration(f"{clean} {unit}", cell=True, lang=lang)
        if found is not None:
            return replace(found, text=clean)
    found = find_duration(spaced, cell=True, lang=lang)
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
