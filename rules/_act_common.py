"""Helpers shared by the actor rules (ACT*): comparing role names as a reader would.

Not a rule module (the leading underscore keeps the pack from scanning it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from soplint.model import Sop

# Indonesian position abbreviations and spellings, longest first, mapped to one form.
_ABBREVIATIONS = (
    (r"\bka\s*sub\s*ba?g\b\.?", "kepala subbagian"),
    (r"\bkasubbag\b|\bkasubag\b", "kepala subbagian"),
    (r"\bsub\s+bagian\b", "subbagian"),
    (r"\bkabag\b", "kepala bagian"),
    (r"\bkabid\b", "kepala bidang"),
    (r"\bkasi\b|\bkasie\b", "kepala seksi"),
    (r"\bkadis\b", "kepala dinas"),
    (r"\bsekda\b", "sekretaris daerah"),
    (r"\bka\b", "kepala"),
    (r"\btu\b", "tata usaha"),
    (r"\bstaff\b", "staf"),
)


@lru_cache(maxsize=4096)  # the same few names, asked for by several rules per document
def role_key(name: str) -> str:
    """A role name reduced for comparison: lower case, no punctuation, one spelling of the
    common Indonesian position abbreviations ("Kasubag TU" = "Kepala Sub Bagian Tata
    Usaha")."""
    text = re.sub(r"[^\w\s]", " ", name.lower())
    text = " ".join(text.split())
    for pattern, replacement in _ABBREVIATIONS:
        text = re.sub(pattern, replacement, text)
    return " ".join(text.split())


def step_actor_names(sop: Sop) -> list[str]:
    """Every actor name the steps use, in order of first use."""
    return list(dict.fromkeys(a for s in sop.steps for a in s.actors))
