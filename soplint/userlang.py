"""The language of the person running soplint, for the words no document decides: a file
that cannot be read, a refused option, the summary of a run that read nothing.

Read as gettext reads it: the first of `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` and `LANG` that is
set (POSIX), else the locale the system gives (Windows sets no variable: "Indonesian_Indonesia").
Indonesian ("id", or the old code "in") gives "id"; anything else English.
"""

from __future__ import annotations

import locale
import os

_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def user_language() -> str:
    """"id" when the user's locale is Indonesian, else "en"."""
    setting = next((os.environ[v] for v in _VARIABLES if os.environ.get(v)), None)
    if setting is None:
        try:
            setting = locale.getlocale()[0] or ""
        except ValueError:  # a locale Python cannot parse
            setting = ""
    first = setting.split(":")[0].lower()  # LANGUAGE is a list: "id:en"
    return "id" if first[:2] in ("id", "in") or first.startswith("indonesian") else "en"
