"""Helpers shared by the rules across the set (SET*): comparing texts across documents and
naming the documents involved.

Not a rule module (the leading underscore keeps the pack from scanning it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from soplint.setrule import SetSummary

SHOWN = 8  # documents named in a message; every one is in the finding's words
_PLACEHOLDERS = frozenset({"", "-", "–", "—", "tidak ada", "none", "n/a", "na", "nihil", "..."})


def normal(text: str) -> str:
    """Text reduced for comparison: lower case, letters and digits only, one space."""
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def filled(text: str) -> bool:
    """Whether a field holds a value rather than a placeholder ("-", "tidak ada")."""
    return normal(text) not in _PLACEHOLDERS and text.strip() not in _PLACEHOLDERS


def name(summary: SetSummary) -> str:
    """How a message names a document: its file name (and which SOP of the file)."""
    shown = PurePath(summary.file).name
    return f"{shown} ({summary.origin})" if summary.origin else shown


def names(summaries: Iterable[SetSummary]) -> tuple[str, ...]:
    """Every document's name, once each, in order."""
    return tuple(dict.fromkeys(name(s) for s in summaries))


def listed(summaries: Sequence[SetSummary]) -> str:
    """The documents' names for a message: the first few, then how many more."""
    shown = names(summaries)
    more = len(shown) - SHOWN
    return ", ".join(shown[:SHOWN]) + (f" (+{more})" if more > 0 else "")


def groups(keyed: Iterable[tuple[str, SetSummary]]) -> list[list[SetSummary]]:
    """The documents sharing a key, for each key that two or more documents share."""
    found: dict[str, list[SetSummary]] = {}
    for key, summary in keyed:
        if key:
            found.setdefault(key, []).append(summary)
    unique = (list(dict.fromkeys(g)) for g in found.values())
    return [g for g in unique if len(g) > 1]
