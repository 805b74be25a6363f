"""The problems of unreadable files in the language of the messages.

Readers state a problem in English ("not a .docx (not a zip archive)"), as `DocumentError`
carries it; the `[problem]` table of the English catalogue holds the same sentences as
templates, and the other catalogues their translations under the same keys. A problem that
matches a template is translated, its fields too ("no word/document.xml in the archive (an
Excel workbook, not a Word document)"); one that matches none is shown as stated.
"""

from __future__ import annotations

import re
import string
from functools import cache

from soplint.i18n import ENGINE, FALLBACK

_PREFIX = "problem."


def _pattern(template: str) -> re.Pattern[str]:
    """A regular expression matching what `template` produces, one group per field."""
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(f"(?P<{field}>.+?)")
    return re.compile("".join(parts), re.DOTALL)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(key, pattern) of every English problem template, the most specific first."""
    found = [(key, _pattern(text)) for key, text in ENGINE.templates(FALLBACK).items()
             if key.startswith(_PREFIX)]
    return tuple(sorted(found, key=lambda item: -len(item[1].pattern)))


def problem_key(problem: str) -> str:
    """The key of the template `problem` was stated with ("pdf-no-text"), "" when none."""
    for key, pattern in _patterns():
        if pattern.fullmatch(problem) is not None:
            return key.removeprefix(_PREFIX)
    return ""


def translate_problem(problem: str, lang: str) -> str:
    """`problem` (as a reader states it) written in `lang`."""
    if lang == FALLBACK:
        return problem
    for key, pattern in _patterns():
        found = pattern.fullmatch(problem)
        if found is not None:
            fields = {name: translate_problem(value, lang)
                      for name, value in found.groupdict().items()}
            return ENGINE.say(key, lang, **fields)
    return problem
